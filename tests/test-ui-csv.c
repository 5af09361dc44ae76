/* test-ui-csv.c: clients from a spreadsheet, and the list out to one,
 * from the Clients section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sportello-client-csv.h"
#include "sportello-clients-section.h"
#include "sportello-csv-import-dialog.h"
#include "sportello-database.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

/* A client already here, three new ones, a row repeating a client, a bad
 * row at a known line (row 6: a quoted line break in row 3 stays in its
 * cell) and a column whose header names no field */
static const char spreadsheet[] =
  "\xef\xbb\xbf" "Ragione sociale;Partita IVA;Località sede;Prov.;Referente;E-mail referente;Note\r\n"
  "Pasticceria Cantù;01234560017;Cantù;CO;Anna Rossi;anna@pasticceria.it;\r\n"
  "\"Bar \"\"Da Mario\"\"\";07654320154;Forlì;FC;;;\"Dehors\r\nin estate\"\r\n"
  "Alfa Srl (foglio);02345670125;Como;CO;;;\r\n"
  "Ferramenta Nardò;03456780133;Nardò;LE;Luca Bianchi;luca@ferramenta.it;\r\n"
  "Ottica Sbagliata;01234560018;Lecce;LE;;;\r\n";

static void
wait_idle (SportelloCsvImportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  sportello_test_iterate (50);
  while (sportello_csv_import_dialog_is_busy (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sportello_csv_import_dialog_is_busy (dialog));
  sportello_test_iterate (100);
}

static guint
n_clients_listed (SportelloClientsSection *page)
{
  return g_list_model_get_n_items (sportello_clients_section_get_model (page));
}

static void
test_import (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-csv", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "clienti.csv", NULL);
  g_autofree char *out = g_build_filename (g_get_user_data_dir (), "elenco.csv", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloCsv) exported = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *shot2 = NULL;
  SportelloCsvImportDialog *dialog;
  SportelloClientsSection *page;
  GtkWindow *window;
  GtkWidget *import_button;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, spreadsheet, -1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloClient) alfa = sportello_client_new ();

    g_assert_no_error (error);
    sportello_client_set (alfa, SPORTELLO_CLIENT_NAME, "Alfa Srl");
    sportello_client_set (alfa, SPORTELLO_CLIENT_VAT_NUMBER, "02345670125");
    g_assert_true (sportello_client_save (alfa, db, &error));
    g_assert_no_error (error);
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 800);
  page = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (n_clients_listed (page), ==, 1);

  /* the preview: the columns as mapped, the counts, the bad row named */
  dialog = SPORTELLO_CSV_IMPORT_DIALOG (sportello_clients_section_import_csv (page, file));
  wait_idle (dialog);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (dialog), "Importa da foglio di calcolo"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (dialog), "riga 6, «Partita IVA»: cifra di controllo errata: doveva essere 7"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (dialog), "Riga 4: Alfa Srl (foglio)"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (dialog), "Già tra i clienti: Alfa Srl (stesso valore in «Partita IVA»)"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (dialog), "Località sede"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (dialog), "Per esempio: Cantù"));
  import_button = sportello_test_find_button (GTK_WIDGET (dialog), "_Importa");
  g_assert_nonnull (import_button);
  /* a bad row and no choice to skip it: nothing can be imported */
  g_assert_false (gtk_widget_get_sensitive (import_button));

  /* the column nobody recognised goes to the municipality */
  sportello_csv_import_dialog_set_target (dialog, 2, SPORTELLO_CLIENT_MUNICIPALITY);
  wait_idle (dialog);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "csv-import-preview");
  {
    /* the columns, at the end of the preview */
    GtkWidget *scrolled = sportello_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_autofree char *columns_shot = NULL;

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    columns_shot = sportello_test_screenshot (GTK_WIDGET (window), "csv-import-columns");
  }

  /* skip it: Import */
  adw_switch_row_set_active (ADW_SWITCH_ROW (sportello_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_SWITCH_ROW)), TRUE);
  sportello_test_iterate (50);
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_object_ref (dialog);
  g_signal_emit_by_name (import_button, "clicked");
  wait_idle (dialog);
  g_object_unref (dialog);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  sportello_test_iterate (300);

  /* three new clients, the one already here not repeated, a toast says so */
  g_assert_cmpuint (n_clients_listed (page), ==, 4);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "3 clienti importati"));
  shot2 = sportello_test_screenshot (GTK_WIDGET (window), "csv-imported");
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloClientCsv) check = NULL;
    g_autoptr(SportelloClientCsvReport) again = NULL;

    g_assert_no_error (error);
    check = sportello_client_csv_load (path, &error);
    g_assert_no_error (error);
    sportello_client_csv_set_target (check, 2, SPORTELLO_CLIENT_MUNICIPALITY);
    again = sportello_client_csv_run (check, db, SPORTELLO_CLIENT_CSV_DRY_RUN, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    /* the municipality came from the column mapped by hand */
    g_assert_cmpuint (again->added, ==, 0);
    g_assert_cmpuint (again->duplicates, ==, 4);
  }

  /* the list out, as shown: all four */
  g_assert_true (sportello_clients_section_export_csv (page, out_file));
  exported = sportello_csv_load (out, &error);
  g_assert_no_error (error);
  g_assert_true (exported->had_bom);
  g_assert_cmpint (exported->separator, ==, ';');
  g_assert_cmpuint (exported->rows->len, ==, 4);
  g_assert_cmpstr (exported->header[0], ==, "Ragione sociale");

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/csv/import", test_import);

  return g_test_run ();
}
