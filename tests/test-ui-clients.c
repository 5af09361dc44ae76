/* test-ui-clients.c: the Clients section as a consultant uses it
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sportello-client-dialog.h"
#include "sportello-client-list.h"
#include "sportello-client-page.h"
#include "sportello-client-row.h"
#include "sportello-clients-section-private.h"
#include "sportello-database.h"
#include "sportello-demo.h"
#include "sportello-meeting.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

static SportelloClientDialog *
visible_editor (GtkWindow *window)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  g_assert_true (SPORTELLO_IS_CLIENT_DIALOG (dialog));
  return SPORTELLO_CLIENT_DIALOG (dialog);
}

static void
type_into (GtkWidget  *row,
           const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  sportello_test_iterate (20);
}

static GtkWidget *
client_page (GtkWindow *window)
{
  return sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE);
}

/* the buttons of a client page that open the client's own addresses */
static void
collect_uri_targets (GtkWidget *widget,
                     GPtrArray *targets)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "client.open-uri") == 0)
    g_ptr_array_add (targets, g_variant_dup_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), NULL));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_uri_targets (child, targets);
}

static gboolean
has_target (GPtrArray  *targets,
            const char *uri)
{
  for (guint i = 0; i < targets->len; i++)
    if (g_str_equal (g_ptr_array_index (targets, i), uri))
      return TRUE;
  return FALSE;
}

static void
test_create_search_delete_undo (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-clients", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloClientsSection *page = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  GListModel *model = sportello_clients_section_get_model (page);
  SportelloClientDialog *editor;
  GtkWidget *search_entry;
  GtkWidget *undo;
  g_autofree char *shot = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Nessun cliente"));

  /* Ctrl+N: the editor */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-client", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  editor = visible_editor (window);
  g_assert_false (sportello_client_dialog_can_save (editor));   /* no name yet */
  /* but it does not open scolding: no error, no warning */
  g_assert_null (sportello_test_find_label (GTK_WIDGET (editor), "Da verificare"));
  g_assert_null (sportello_test_find_label (GTK_WIDGET (editor), "La ragione sociale è obbligatoria"));
  g_assert_false (gtk_widget_has_css_class (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_NAME), "error"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "client-dialog-new");
  g_clear_pointer (&shot, g_free);

  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_NAME), "Falegnameria Rossi");
  g_assert_true (sportello_client_dialog_can_save (editor));

  /* a wrong check digit: Save off at once, but said only once the
   * consultant leaves the field, as an invalid Partita IVA and why */
  gtk_widget_grab_focus (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_VAT_NUMBER));
  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_VAT_NUMBER), "00743110158");
  g_assert_false (sportello_client_dialog_can_save (editor));
  g_assert_false (gtk_widget_has_css_class (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_VAT_NUMBER), "error"));
  g_assert_null (sportello_test_find_label (GTK_WIDGET (editor), "Cifra di controllo errata: doveva essere 7"));
  gtk_widget_grab_focus (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_TAX_CODE));
  sportello_test_iterate (20);
  g_assert_true (gtk_widget_has_css_class (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_VAT_NUMBER), "error"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (editor), "Partita IVA non valida"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (editor), "Cifra di controllo errata: doveva essere 7"));
  /* the same for the length and for what is not a digit */
  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_VAT_NUMBER), "0074311015");
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (editor), "Una partita IVA ha 11 cifre, questa ne ha 10"));
  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_VAT_NUMBER), "0074311015X");
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (editor), "Sono ammesse solo cifre, non «X»"));
  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_VAT_NUMBER), "00743110158");

  /* a codice fiscale too */
  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_TAX_CODE), "RSSMRA80A01F205Z");
  g_assert_null (sportello_test_find_label (GTK_WIDGET (editor), "Codice fiscale non valido"));
  gtk_widget_grab_focus (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_ATECO_CODE));
  sportello_test_iterate (20);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (editor), "Codice fiscale non valido"));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (editor), "Carattere di controllo errato"));
  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_TAX_CODE), "");
  g_assert_null (sportello_test_find_label (GTK_WIDGET (editor), "Codice fiscale non valido"));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "client-dialog-error");

  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_VAT_NUMBER), "00743110157");
  g_assert_true (sportello_client_dialog_can_save (editor));
  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_MUNICIPALITY), "Lomazzo");
  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_PROVINCE), "co");

  sportello_client_dialog_save (editor);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (client_page (window));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Falegnameria Rossi"));

  /* a second client with the same VAT number is caught */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-client", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  editor = visible_editor (window);
  /* Ctrl+S with no name: now it says so, and the focus goes there */
  g_assert_null (sportello_test_find_label (GTK_WIDGET (editor), "La ragione sociale è obbligatoria"));
  gtk_widget_grab_focus (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_MUNICIPALITY));
  sportello_client_dialog_save (editor);
  sportello_test_iterate (50);
  g_assert_true (visible_editor (window) == editor);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (editor), "La ragione sociale è obbligatoria"));
  g_assert_true (gtk_widget_has_css_class (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_NAME), "error"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_NAME)));
  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_NAME), "Rossi Falegnameria di Rossi Mario");
  g_assert_null (sportello_test_find_label (GTK_WIDGET (editor), "La ragione sociale è obbligatoria"));
  type_into (sportello_client_dialog_get_row (editor, SPORTELLO_CLIENT_VAT_NUMBER), "IT 00743110157");
  sportello_client_dialog_save (editor);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))));
  adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  adw_dialog_force_close (ADW_DIALOG (editor));
  sportello_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Ctrl+F finds it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  search_entry = sportello_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search_entry);
  g_assert_true (gtk_widget_has_focus (search_entry) || gtk_widget_is_focus (gtk_widget_get_first_child (search_entry)) ||
                 gtk_widget_get_focus_child (search_entry) != NULL);
  type_into (search_entry, "falegn");
  sportello_test_iterate (400);   /* search-changed waits for typing to pause */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  type_into (search_entry, "nessuno");
  sportello_test_iterate (400);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Nessun risultato"));
  type_into (search_entry, "lomazzo");
  sportello_test_iterate (400);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Delete asks nothing, and Undo brings it back */
  sportello_clients_section_open_client (page, "00000000-0000-4000-8000-000000000000");  /* a missing one: a toast, no crash */
  {
    g_autoptr(SportelloClient) client = g_list_model_get_item (model, 0);
    sportello_clients_section_open_client (page, sportello_client_get_uuid (client));
  }
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (client_page (window), "client.delete", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  type_into (search_entry, "");
  sportello_test_iterate (400);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  undo = sportello_test_find_button (GTK_WIDGET (window), "_Annulla");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  sportello_test_iterate (200);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Delete again and let the window close: gone for good */
  {
    g_autoptr(SportelloClient) client = g_list_model_get_item (model, 0);
    sportello_clients_section_open_client (page, sportello_client_get_uuid (client));
  }
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (client_page (window), "client.delete", NULL);
  sportello_test_iterate (100);
  gtk_window_close (window);
  sportello_test_iterate (100);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloClientList) list = sportello_client_list_new (db);

    sportello_client_list_set_status (list, "archived");
    sportello_client_list_set_status (list, NULL);
    g_assert_true (sportello_client_list_refresh (list, &error));
    g_assert_cmpuint (sportello_client_list_count_all (list), ==, 0);
  }

  sportello_test_app_quit (app);
}

/* Ctrl+Z: the Undo of the deletion whose toast is shown, but not in text */
static void
test_undo_key (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-undo-key", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GtkWindow *window;
  SportelloClientsSection *page;
  GListModel *model;
  GtkWidget *search_entry;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloClient) client = sportello_client_new ();

    sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Tessitura Bianchi");
    g_assert_true (sportello_client_save (client, db, &error));
    uuid = g_strdup (sportello_client_get_uuid (client));
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  page = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  model = sportello_clients_section_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* nothing to undo: Ctrl+Z is not taken */
  gtk_window_set_focus (window, NULL);
  g_assert_false (_sportello_window_undo_key (SPORTELLO_WINDOW (window)));

  sportello_clients_section_open_client (page, uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (client_page (window), "client.delete", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (sportello_test_find_button (GTK_WIDGET (window), "_Annulla"));

  /* in a text entry Ctrl+Z undoes typing, not the deletion */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  search_entry = sportello_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search_entry);
  gtk_widget_grab_focus (search_entry);
  g_assert_false (_sportello_window_undo_key (SPORTELLO_WINDOW (window)));
  sportello_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* elsewhere it brings the client back, and the toast goes */
  gtk_window_set_focus (window, NULL);
  g_assert_true (_sportello_window_undo_key (SPORTELLO_WINDOW (window)));
  sportello_test_iterate (400);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (sportello_test_find_button (GTK_WIDGET (window), "_Annulla"));
  g_assert_false (_sportello_window_undo_key (SPORTELLO_WINDOW (window)));

  sportello_test_app_quit (app);
}

/* a typo in a name is forgiven; a client found by its notes says why */
static void
test_search_typo_and_match (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-search-typo", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  SportelloClientsSection *page;
  GListModel *model;
  GtkWidget *search_entry;
  GtkWidget *label;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloClient) molteni = sportello_client_new ();
    g_autoptr(SportelloClient) colombo = sportello_client_new ();
    g_autoptr(SportelloMeeting) meeting = NULL;

    sportello_client_set (molteni, SPORTELLO_CLIENT_NAME, "Studio Molteni");
    sportello_client_set (molteni, SPORTELLO_CLIENT_MUNICIPALITY, "Cantù");
    g_assert_true (sportello_client_save (molteni, db, &error));
    sportello_client_set (colombo, SPORTELLO_CLIENT_NAME, "Ottica Colombo");
    sportello_client_set (colombo, SPORTELLO_CLIENT_MUNICIPALITY, "Como");
    g_assert_true (sportello_client_save (colombo, db, &error));
    meeting = sportello_meeting_new (sportello_client_get_uuid (colombo));
    sportello_meeting_set (meeting, SPORTELLO_MEETING_NOTES,
                           "Il titolare vuole aprire un negozio su Shopify prima dei saldi invernali.");
    g_assert_true (sportello_meeting_save (meeting, db, &error));
    g_assert_no_error (error);
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  page = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  model = sportello_clients_section_get_model (page);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  search_entry = sportello_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search_entry);

  /* “Moltenni” finds Molteni */
  type_into (search_entry, "Moltenni");
  sportello_test_iterate (600);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Studio Molteni"));
  g_assert_null (sportello_test_find_label (GTK_WIDGET (window), "Nessun risultato"));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "search-typo"));

  /* a word only in a meeting's notes: the row shows them, the word in bold */
  type_into (search_entry, "shopify");
  sportello_test_iterate (600);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Ottica Colombo"));
  label = sportello_test_find_label_containing (GTK_WIDGET (window), "negozio su Shopify");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "<b>Shopify</b>"));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "search-notes-match"));

  /* found by its name, it shows no notes */
  type_into (search_entry, "colombo");
  sportello_test_iterate (600);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_null (sportello_test_find_label_containing (GTK_WIDGET (window), "negozio su Shopify"));

  sportello_test_app_quit (app);
}

static void
test_demo_screenshots (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-demo", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  SportelloClientsSection *page;
  GListModel *model;
  g_autofree char *shot1 = NULL;
  g_autofree char *shot2 = NULL;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_assert_no_error (error);
    g_assert_true (sportello_demo_fill (db, 60, &error));
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 700);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  model = sportello_clients_section_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 40);
  shot1 = sportello_test_screenshot (GTK_WIDGET (window), "clients-list");

  {
    g_autoptr(SportelloClient) client = g_list_model_get_item (model, 3);
    sportello_clients_section_open_client (page, sportello_client_get_uuid (client));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Dati dell'impresa") ?:
                      sportello_test_find_label (GTK_WIDGET (window), "Dati aziendali"));
  }
  shot2 = sportello_test_screenshot (GTK_WIDGET (window), "client-page");

  /* its website, e-mail and PEC open with GtkUriLauncher (client.open-uri) */
  {
    g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(SportelloClient) client = g_list_model_get_item (model, 3);
    const char *email = sportello_client_get (client, SPORTELLO_CLIENT_EMAIL);
    const char *pec = sportello_client_get (client, SPORTELLO_CLIENT_PEC);
    const char *website = sportello_client_get (client, SPORTELLO_CLIENT_WEBSITE);

    collect_uri_targets (client_page (window), targets);
    g_assert_cmpuint (targets->len, ==, (email[0] != '\0') + (pec[0] != '\0') + (website[0] != '\0'));
    g_assert_cmpuint (targets->len, >, 0);
    if (email[0] != '\0')
      {
        g_autofree char *uri = g_strconcat ("mailto:", email, NULL);
        g_assert_true (has_target (targets, uri));
      }
    if (pec[0] != '\0')
      {
        g_autofree char *uri = g_strconcat ("mailto:", pec, NULL);
        g_assert_true (has_target (targets, uri));
      }
    if (website[0] != '\0')
      {
        g_autofree char *uri = strstr (website, "://") ? g_strdup (website) : g_strconcat ("https://", website, NULL);
        g_assert_true (has_target (targets, uri));
      }
  }

  /* the editor of a demo client opens with no blocking problem */
  gtk_widget_activate_action (client_page (window), "client.edit", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (sportello_client_dialog_can_save (visible_editor (window)));

  sportello_test_app_quit (app);
}

/* the contrast of a pill's text on its own background, measured as a
 * reviewer would from the pixels: the commonest colour is the background,
 * the one farthest from it in luminance the text */
static double
luminance (const guchar *p)
{
  double c[3];

  for (guint i = 0; i < 3; i++)
    {
      double v = p[i] / 255.0;
      c[i] = v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
pill_contrast (GtkWidget *window,
               GtkWidget *pill)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autofree guchar *pixels = NULL;
  graphene_rect_t bounds;
  guint32 background = 0;
  guint best = 0;
  double bg_l, contrast = 1;
  int w, h;

  g_assert_true (gtk_widget_compute_bounds (pill, window, &bounds));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  w = gdk_texture_get_width (texture);
  h = gdk_texture_get_height (texture);
  pixels = g_malloc (w * h * 4);
  gdk_texture_download (texture, pixels, w * 4);   /* B, G, R, A in memory */

  for (int i = 0; i < w * h; i++)
    {
      guint32 rgb = pixels[4 * i + 2] << 16 | pixels[4 * i + 1] << 8 | pixels[4 * i];
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (rgb))) + 1;

      g_hash_table_insert (counts, GUINT_TO_POINTER (rgb), GUINT_TO_POINTER (n));
      if (n > best)
        best = n, background = rgb;
    }
  bg_l = luminance ((guchar[]) { background >> 16, background >> 8 & 0xff, background & 0xff });
  for (int i = 0; i < w * h; i++)
    {
      double l = luminance ((guchar[]) { pixels[4 * i + 2], pixels[4 * i + 1], pixels[4 * i] });

      contrast = MAX (contrast, (MAX (l, bg_l) + 0.05) / (MIN (l, bg_l) + 0.05));
    }
  return contrast;
}

/* On a phone the client's name keeps its line (only the short status pill
 * shares it), and every status pill reads at 4.5:1 or better, light or dark */
static void
test_narrow_rows (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-narrow-rows", NULL);
  static const char * const statuses[] = { "new", "consulting", "followed", "closed" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);

    for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
      {
        g_autoptr(SportelloClient) client = sportello_client_new ();
        /* as long as the demo's “Associazione commercianti…”, cut before */
        g_autofree char *name = g_strdup_printf ("Associazione commercianti del centro di Cantù %c", 'A' + i);

        sportello_client_set (client, SPORTELLO_CLIENT_NAME, name);
        sportello_client_set (client, SPORTELLO_CLIENT_STATUS, statuses[i]);
        g_assert_true (sportello_client_save (client, db, &error));
        /* a last meeting, whose date takes room on the row */
        {
          g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (sportello_client_get_uuid (client));

          sportello_meeting_set (meeting, SPORTELLO_MEETING_STARTS_AT, "2026-10-12T09:00:00Z");
          g_assert_true (sportello_meeting_save (meeting, db, &error));
        }
      }
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 360, 720);
  sportello_test_iterate (300);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "clients-narrow"));

  for (guint scheme = 0; scheme < 2; scheme++)
    {
      guint n_pills = 0;

      adw_style_manager_set_color_scheme (style, scheme ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      sportello_test_wait_for_draw (GTK_WIDGET (window));
      if (scheme)
        g_free (sportello_test_screenshot (GTK_WIDGET (window), "clients-narrow-dark"));

      for (GtkWidget *row = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_ROW);
           row != NULL && n_pills < G_N_ELEMENTS (statuses);
           row = NULL)
        {
          /* every row of the list, through their list item widgets */
          for (GtkWidget *item = gtk_widget_get_parent (row); item != NULL; item = gtk_widget_get_next_sibling (item))
            {
              GtkWidget *client_row = gtk_widget_get_first_child (item);
              GtkWidget *name, *pill;
              double contrast;

              if (!SPORTELLO_IS_CLIENT_ROW (client_row))
                continue;
              name = gtk_widget_get_first_child (client_row);
              pill = gtk_widget_get_next_sibling (name);
              g_assert_true (gtk_widget_has_css_class (pill, "status-pill"));
              /* the name shares its line with the pill alone, not with the
               * last meeting's date (“Ultimo incontro il 12 ott 2026”) */
              g_assert_cmpint (gtk_widget_get_width (name) + gtk_widget_get_width (pill) + 12, >=,
                               gtk_widget_get_width (client_row) - 24);
              /* whatever the pill, the name is whole, on more lines if need be */
              g_test_message ("%s: %d px next to a %d px pill, %d lines", gtk_label_get_label (GTK_LABEL (name)),
                              gtk_widget_get_width (name), gtk_widget_get_width (pill),
                              pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (name))));
              g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (name))));
              contrast = pill_contrast (GTK_WIDGET (window), pill);
              g_test_message ("%s, %s: %.2f:1", gtk_label_get_label (GTK_LABEL (pill)), scheme ? "dark" : "light", contrast);
              g_assert_cmpfloat (contrast, >=, 4.5);
              n_pills++;
            }
        }
      g_assert_cmpuint (n_pills, ==, G_N_ELEMENTS (statuses));
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  sportello_test_app_quit (app);
}

/* The rows of the list, top to bottom: the client rows the list view has */
static GPtrArray *
list_rows (GtkWidget *list_view)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *item = gtk_widget_get_first_child (list_view); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      graphene_point_t at;
      guint i = 0;

      if (!SPORTELLO_IS_CLIENT_ROW (row) || !gtk_widget_get_visible (item) ||
          !gtk_widget_compute_point (item, list_view, &GRAPHENE_POINT_INIT (0, 0), &at))
        continue;
      /* by where they are */
      g_object_set_data (G_OBJECT (row), "test-y", GINT_TO_POINTER ((int) at.y));
      while (i < rows->len && GPOINTER_TO_INT (g_object_get_data (rows->pdata[i], "test-y")) < (int) at.y)
        i++;
      g_ptr_array_insert (rows, i, row);
    }

  return rows;
}

static const char *
row_name (GtkWidget *row)
{
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (row)));
}

/* Each row shows its client: the name on screen, what a screen reader says */
static void
assert_rows (GPtrArray          *rows,
             const char * const *names)
{
  g_assert_cmpuint (rows->len, ==, g_strv_length ((char **) names));
  for (guint i = 0; i < rows->len; i++)
    {
      SportelloClientRow *row = rows->pdata[i];
      g_autofree char *said = sportello_client_row_describe (sportello_client_row_get_client (row));
      g_autofree char *failure = NULL;

      g_assert_cmpstr (row_name (rows->pdata[i]), ==, names[i]);
      g_assert_cmpstr (sportello_client_get_name (sportello_client_row_get_client (row)), ==, names[i]);
      failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (gtk_widget_get_parent (rows->pdata[i])),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, said);
      g_assert_null (failure);
    }
}

/* A search that narrows the list keeps the rows at the top and shows the
 * clients found in them, no row made anew; activating one opens its
 * client; widening it again shows the others in the rows kept */
static void
test_rows_follow_search (void)
{
  static const char * const all[] = { "Bianchi Arredi", "Rossi Infissi", "Rossini Viaggi", "Rosso Vivo", "Verdi Ottica", NULL };
  static const char * const ross[] = { "Rossi Infissi", "Rossini Viaggi", "Rosso Vivo", NULL };
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-rows-follow", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *list_view;
  GtkWidget *search_entry;
  GtkWidget *page;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);

    for (guint i = 0; all[i] != NULL; i++)
      {
        g_autoptr(SportelloClient) client = sportello_client_new ();

        sportello_client_set (client, SPORTELLO_CLIENT_NAME, all[i]);
        sportello_client_set (client, SPORTELLO_CLIENT_MUNICIPALITY, "Lomazzo");
        g_assert_true (sportello_client_save (client, db, &error));
      }
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  sportello_test_iterate (300);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  list_view = sportello_test_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  before = list_rows (list_view);
  assert_rows (before, all);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  search_entry = sportello_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  type_into (search_entry, "ross");
  sportello_test_iterate (400);   /* search-changed waits for typing to pause */
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  /* the first three rows, now Rossi, Rossini, Rosso */
  after = list_rows (list_view);
  assert_rows (after, ross);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (after->pdata[i] == before->pdata[i]);
  g_assert_null (sportello_test_find_label (GTK_WIDGET (window), "Bianchi Arredi"));
  g_assert_null (sportello_test_find_label (GTK_WIDGET (window), "Verdi Ottica"));

  /* the first row opens its client, the one it shows */
  g_signal_emit_by_name (list_view, "activate", 0);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = client_page (window);
  g_assert_nonnull (page);
  g_assert_nonnull (sportello_test_find_label (page, "Rossi Infissi"));
  g_assert_null (sportello_test_find_label (page, "Bianchi Arredi"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);   /* back to the list */
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  /* all again: the rows kept show the first clients */
  type_into (search_entry, "");
  sportello_test_iterate (400);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_rows (list_view);
  assert_rows (after, all);
  for (guint i = 0; i < 3; i++)
    g_assert_true (after->pdata[i] == before->pdata[i]);

  sportello_test_app_quit (app);
}

/* The rows out of sight take their new client a few a frame, after those
 * in sight: each row ends up showing a client the search found */
static void
test_rows_out_of_sight (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-rows-sight", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *list_view;
  GtkWidget *search_entry;
  guint in_sight = 0, settled = 0;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);

    for (guint i = 0; i < 60; i++)
      {
        g_autoptr(SportelloClient) client = sportello_client_new ();
        g_autofree char *name = g_strdup_printf ("%s %02u", i < 30 ? "Alfa" : "Beta", i % 30);

        sportello_client_set (client, SPORTELLO_CLIENT_NAME, name);
        g_assert_true (sportello_client_save (client, db, &error));
      }
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 800, 480);
  sportello_test_iterate (300);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  list_view = sportello_test_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  search_entry = sportello_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  type_into (search_entry, "beta");
  sportello_test_iterate (400);   /* search-changed waits for typing to pause */
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  /* in sight at once, the first Beta at the top */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_rows (list_view);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_height (rows->pdata[i]) > 0)
      {
        g_autofree char *name = g_strdup_printf ("Beta %02u", in_sight);

        g_assert_cmpstr (row_name (rows->pdata[i]), ==, name);
        in_sight++;
      }
  g_assert_cmpuint (in_sight, >, 0);
  g_assert_cmpuint (in_sight, <, 30);

  /* the others a few frames later: thirty rows, each a Beta of its own */
  for (guint frame = 0; frame < 200 && settled < 30; frame++)
    {
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

      sportello_test_wait_for_draw_quick (GTK_WIDGET (window));
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = list_rows (list_view);
      g_assert_cmpuint (rows->len, ==, 30);
      settled = 0;
      for (guint i = 0; i < rows->len; i++)
        if (g_str_has_prefix (row_name (rows->pdata[i]), "Beta ") &&
            g_hash_table_add (names, (gpointer) row_name (rows->pdata[i])))
          settled++;
    }
  g_assert_cmpuint (settled, ==, 30);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (sportello_client_get_name (sportello_client_row_get_client (rows->pdata[i])), ==,
                     row_name (rows->pdata[i]));

  sportello_test_app_quit (app);
}

/* The smallest size the metainfo claims, 360×294: the new-client sheet
 * shows its first field, with no warning above it, and Adwaita has room
 * for its bottom sheet (a warning would fail the test) */
static void
test_new_client_smallest (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-smallest", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  AdwDialog *dialog;
  GtkWidget *name_row;
  graphene_rect_t bounds;

  gtk_window_set_default_size (window, 360, 294);
  sportello_test_iterate (300);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-client", NULL);
  sportello_test_iterate (500);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_nonnull (dialog);
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "new-client-smallest"));

  name_row = sportello_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (name_row);
  g_assert_true (gtk_widget_compute_bounds (name_row, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_null (sportello_test_find_label (GTK_WIDGET (dialog), "Da verificare"));

  /* typing alone does not scold; trying to save shows the checks */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Bar Centrale");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  sportello_test_iterate (100);
  g_assert_null (sportello_test_find_label (GTK_WIDGET (dialog), "Da verificare"));
  gtk_widget_activate_action (GTK_WIDGET (sportello_test_find_type (GTK_WIDGET (dialog), SPORTELLO_TYPE_CLIENT_DIALOG)),
                              "editor.save", NULL);
  for (guint i = 0; i < 40 && sportello_test_find_label (GTK_WIDGET (dialog), "Da verificare") == NULL; i++)
    sportello_test_iterate (50);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (dialog), "Da verificare"));

  adw_dialog_force_close (dialog);
  sportello_test_iterate (300);

  /* the preferences and About, as bottom sheets that fit */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sportello_test_iterate (500);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "preferences-smallest"));
  adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  sportello_test_iterate (300);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  sportello_test_iterate (500);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "about-smallest"));
  adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  sportello_test_app_quit (app);
}

/* A client opens in a page made ahead, in idle time; the next one is made
 * once that page is filled, and none is left behind */
static void
test_spare_page (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-spare-page", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(SportelloApplication) app = NULL;
  SportelloClientsSection *section;
  GtkWindow *window;
  GtkWidget *spare, *page;
  gpointer gone = NULL;

  first = sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Bar Centrale", -1);
  second = sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Merceria Nardò", -1);
  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  section = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  /* after the window's first frame, with nothing else to do */
  SPORTELLO_TEST_WAIT_UNTIL (section->spare_page != NULL);
  g_assert_nonnull (section->spare_page);
  spare = GTK_WIDGET (section->spare_page);
  g_assert_null (gtk_widget_get_parent (spare));

  page = sportello_test_open_client (window, first);
  g_assert_true (page == spare);
  g_assert_cmpstr (sportello_client_page_get_uuid (SPORTELLO_CLIENT_PAGE (page)), ==, first);
  g_assert_nonnull (sportello_test_find_label (page, "Bar Centrale"));

  /* the next one, once this one is filled */
  SPORTELLO_TEST_WAIT_UNTIL (section->spare_page != NULL);
  g_assert_nonnull (section->spare_page);
  g_assert_true (GTK_WIDGET (section->spare_page) != page);
  spare = GTK_WIDGET (section->spare_page);
  page = sportello_test_open_client (window, second);
  g_assert_true (page == spare);
  g_assert_nonnull (sportello_test_find_label (page, "Merceria Nardò"));
  g_assert_null (sportello_test_find_label (page, "Bar Centrale"));

  /* a client that is not there: the spare it took is let go, no page is
   * pushed, and another spare comes */
  SPORTELLO_TEST_WAIT_UNTIL (section->spare_page != NULL);
  g_assert_nonnull (section->spare_page);
  g_object_add_weak_pointer (G_OBJECT (section->spare_page), &gone);
  gone = section->spare_page;
  sportello_clients_section_open_client (section, "00000000-0000-4000-8000-000000000000");
  g_assert_null (gone);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE) == page);
  SPORTELLO_TEST_WAIT_UNTIL (section->spare_page != NULL);
  g_assert_nonnull (section->spare_page);

  /* and the window takes the last spare with it */
  g_object_add_weak_pointer (G_OBJECT (section->spare_page), &gone);
  gone = section->spare_page;
  sportello_test_app_quit (app);
  SPORTELLO_TEST_WAIT_UNTIL (gone == NULL);
  g_assert_null (gone);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/clients/create-search-delete-undo", test_create_search_delete_undo);
  g_test_add_func ("/ui/clients/demo-screenshots", test_demo_screenshots);
  g_test_add_func ("/ui/clients/undo-key", test_undo_key);
  g_test_add_func ("/ui/clients/search-typo-and-match", test_search_typo_and_match);
  g_test_add_func ("/ui/clients/narrow-rows", test_narrow_rows);
  g_test_add_func ("/ui/clients/rows-follow-search", test_rows_follow_search);
  g_test_add_func ("/ui/clients/rows-out-of-sight", test_rows_out_of_sight);
  g_test_add_func ("/ui/clients/new-client-smallest", test_new_client_smallest);
  g_test_add_func ("/ui/clients/spare-page", test_spare_page);

  return g_test_run ();
}
