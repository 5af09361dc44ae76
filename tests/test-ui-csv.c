/* test-ui-csv.c: clients from a spreadsheet, and the list out to one,
 * from the Clients section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sportello-client-csv.h"
#include "sportello-clients-section-private.h"
#include "sportello-csv-import-dialog.h"
#include "sportello-database.h"
#include "sportello-test-ui.h"
#include "store-test-util.h"
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
  SPORTELLO_TEST_WAIT_UNTIL (!sportello_window_is_busy (SPORTELLO_WINDOW (window)));
  exported = sportello_csv_load (out, &error);
  g_assert_no_error (error);
  g_assert_true (exported->had_bom);
  g_assert_cmpint (exported->separator, ==, ';');
  g_assert_cmpuint (exported->rows->len, ==, 4);
  g_assert_cmpstr (exported->header[0], ==, "Ragione sociale");

  sportello_test_app_quit (app);
}

/* ----------------------------------------------------- the export ---- */

typedef struct
{
  SportelloWindow *window;
  guint            ticks;        /* of the main loop while the export ran */
  gboolean         cancel;       /* press Cancel as soon as the banner shows */
  gboolean         cancelled;
  char            *last_toast;   /* the title of the last toast the section put up */
} Watch;

static void
toast_cb (SportelloContext *context,
          AdwToast         *toast,
          Watch            *watch)
{
  g_free (watch->last_toast);
  watch->last_toast = g_strdup (adw_toast_get_title (toast));
}

static gboolean
tick_cb (gpointer data)
{
  Watch *watch = data;

  if (sportello_window_is_busy (watch->window))
    watch->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
first_tick_cb (gpointer data)
{
  tick_cb (data);
  return G_SOURCE_REMOVE;
}

/* the banner's Cancel button, pressed the moment it shows: before the
 * worker can have written anything */
static void
banner_revealed_cb (AdwBanner  *banner,
                    GParamSpec *pspec,
                    Watch      *watch)
{
  if (watch->cancel && adw_banner_get_revealed (banner) && !watch->cancelled)
    {
      watch->cancelled = TRUE;
      g_signal_emit_by_name (banner, "button-clicked");
    }
}

/* Three thousand clients, a person for most, fields to be quoted */
static void
fill (const char *data_dir)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "molti.csv", NULL);
  g_autoptr(GString) s = g_string_new ("Ragione sociale;Comune;Prov.;Note;Referente;E-mail referente\r\n");
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloClientCsv) csv = NULL;
  g_autoptr(SportelloClientCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (s, "Tipografia %u;%s;%s;%s;%s;%s\r\n", i,
                            i % 2 ? "Forlì" : "Cantù", i % 2 ? "FC" : "CO",
                            i % 7 == 0 ? "\"Stampa; serigrafia\r\ne rilegatura\"" : "",
                            i % 3 ? "Anna Rossi" : "", i % 3 ? "anna@tipografia.example" : "");
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, s->str, s->len, &error));
  g_assert_no_error (error);

  db = sportello_database_open (data_dir, &error);
  g_assert_no_error (error);
  csv = sportello_client_csv_load (path, &error);
  g_assert_no_error (error);
  report = sportello_client_csv_run (csv, db, 0, "molti.csv", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 3000);
}

/* "Esporta elenco…" runs on a worker: the window goes on meanwhile, the
 * banner shows it with Cancel; the file is the list as searched, byte for
 * byte what the synchronous writer makes of it; cancelled, nothing */
static void
test_export_worker (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-csv-export", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "esportati", NULL);
  g_autofree char *expected_path = g_build_filename (folder, "atteso.csv", NULL);
  g_autofree char *out = g_build_filename (folder, "elenco.csv", NULL);
  g_autofree char *stopped = g_build_filename (folder, "annullato.csv", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(GFile) stopped_file = g_file_new_for_path (stopped);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  gsize expected_len = 0, len = 0;
  SportelloClientsSection *page;
  GtkWindow *window;
  GtkWidget *search_entry;
  AdwBanner *banner;
  Watch watch = { NULL };
  guint n_expected = 0;
  guint tick;

  fill (data_dir);
  g_mkdir_with_parents (folder, 0700);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 800);
  page = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  SPORTELLO_TEST_WAIT_UNTIL (n_clients_listed (page) == 3000);
  g_assert_cmpuint (n_clients_listed (page), ==, 3000);

  /* the list searched, as the consultant would */
  sportello_clients_section_start_search (page);
  search_entry = GTK_WIDGET (page->search_entry);
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "Forlì");
  SPORTELLO_TEST_WAIT_UNTIL (n_clients_listed (page) == 1500 && !sportello_client_list_get_loading (page->list));
  g_assert_cmpuint (n_clients_listed (page), ==, 1500);

  /* what the synchronous writer makes of that list, on this connection */
  g_assert_true (sportello_client_csv_export (page->db, G_LIST_MODEL (page->list), expected_path, &n_expected, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_expected, ==, 1500);
  g_assert_true (g_file_get_contents (expected_path, &expected, &expected_len, NULL));

  banner = ADW_BANNER (gtk_widget_get_prev_sibling (GTK_WIDGET (_sportello_window_get_progress_bar (SPORTELLO_WINDOW (window)))));
  g_assert_true (ADW_IS_BANNER (banner));
  watch.window = SPORTELLO_WINDOW (window);
  g_signal_connect (banner, "notify::revealed", G_CALLBACK (banner_revealed_cb), &watch);
  /* the toasts as put up: the overlay shows them one after the other */
  g_signal_connect (page->context, "toast", G_CALLBACK (toast_cb), &watch);

  /* the export: it has begun, not ended, when the call returns; the main
   * loop goes on (a source of higher priority than the worker's answer
   * runs before it) */
  g_assert_true (sportello_clients_section_export_csv (page, out_file));
  g_assert_true (sportello_window_is_busy (SPORTELLO_WINDOW (window)));
  g_assert_cmpstr (adw_banner_get_title (banner), ==, "Esportazione dell'elenco dei clienti…");
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "_Annulla");
  g_idle_add_full (G_PRIORITY_HIGH, first_tick_cb, &watch, NULL);
  tick = g_timeout_add (1, tick_cb, &watch);
  SPORTELLO_TEST_WAIT_UNTIL (!sportello_window_is_busy (SPORTELLO_WINDOW (window)));
  g_assert_false (sportello_window_is_busy (SPORTELLO_WINDOW (window)));
  g_source_remove (tick);
  g_test_message ("the main loop ran %u times during the export", watch.ticks);
  g_assert_cmpuint (watch.ticks, >, 0);

  g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, expected, expected_len);
  g_assert_false (g_file_test (stopped, G_FILE_TEST_EXISTS));
  store_test_assert_no_temporary (folder);
  /* “1.500” or “1500”, as the locale groups digits */
  g_assert_nonnull (watch.last_toast);
  g_assert_true (g_str_has_suffix (watch.last_toast, "500 clienti esportati"));
  sportello_test_iterate (100);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), watch.last_toast));

  /* Cancel, pressed as the banner shows: no file, a toast says so */
  watch.cancel = TRUE;
  g_assert_true (sportello_clients_section_export_csv (page, stopped_file));
  g_assert_true (watch.cancelled);
  SPORTELLO_TEST_WAIT_UNTIL (!sportello_window_is_busy (SPORTELLO_WINDOW (window)));
  g_assert_false (sportello_window_is_busy (SPORTELLO_WINDOW (window)));
  g_assert_false (g_file_test (stopped, G_FILE_TEST_EXISTS));
  store_test_assert_no_temporary (folder);
  g_assert_cmpstr (watch.last_toast, ==, "Esportazione annullata, nessun file scritto");

  /* a second export while one runs is refused (a toast says so) */
  watch.cancel = FALSE;
  g_assert_true (sportello_clients_section_export_csv (page, out_file));
  g_assert_false (sportello_clients_section_export_csv (page, stopped_file));
  g_assert_cmpstr (watch.last_toast, ==, "Attendere la fine del lavoro in corso, poi esportare");
  /* and so is the menu item, before a file is asked for */
  g_clear_pointer (&watch.last_toast, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "clients.export-csv", NULL));
  g_assert_cmpstr (watch.last_toast, ==, "Attendere la fine del lavoro in corso, poi esportare");
  SPORTELLO_TEST_WAIT_UNTIL (!sportello_window_is_busy (SPORTELLO_WINDOW (window)));
  g_assert_false (sportello_window_is_busy (SPORTELLO_WINDOW (window)));
  g_assert_false (g_file_test (stopped, G_FILE_TEST_EXISTS));

  /* a folder that is not there: the toast says why, naming the file */
  {
    g_autofree char *nowhere = g_build_filename (folder, "manca", "elenco.csv", NULL);
    g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
    g_autofree char *told = g_strdup_printf ("L'elenco dei clienti non è stato esportato. Impossibile scrivere «%s»: ", nowhere);

    g_assert_true (sportello_clients_section_export_csv (page, nowhere_file));
    SPORTELLO_TEST_WAIT_UNTIL (!sportello_window_is_busy (SPORTELLO_WINDOW (window)));
    g_assert_false (sportello_window_is_busy (SPORTELLO_WINDOW (window)));
    g_assert_nonnull (watch.last_toast);
    g_assert_true (g_str_has_prefix (watch.last_toast, told));
    store_test_assert_no_temporary (folder);
  }

  g_signal_handlers_disconnect_by_data (page->context, &watch);
  g_signal_handlers_disconnect_by_data (banner, &watch);
  g_free (watch.last_toast);

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/csv/import", test_import);
  g_test_add_func ("/ui/csv/export-worker", test_export_worker);

  return g_test_run ();
}
