/* test-ui-documents.c: an advice document written from a template
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libspelling.h>

#include "sportello-client.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-document.h"
#include "sportello-document-page.h"
#include "sportello-document-print.h"
#include "sportello-format.h"
#include "sportello-template.h"
#include "sportello-template-page.h"
#include "sportello-templates-section.h"
#include "sportello-user-template.h"
#include "sportello-test-ui.h"
#include "sportello-text-editor.h"
#include "sportello-window-private.h"

static GListModel *
stored_documents (const char *data_dir,
                  const char *client_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  GListModel *documents;

  g_assert_no_error (error);
  documents = sportello_document_list (db, client_uuid, &error);
  g_assert_no_error (error);
  return documents;
}

static void
test_document (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-document", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_uuid = NULL;
  g_autofree char *uuid = NULL;
  /* the day it is marked sent, in words, once it is (a run may cross midnight) */
  g_autofree char *sent_on = NULL;
  g_autofree char *sent_today = NULL;
  SportelloDocumentPage *page;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  GtkWindow *window;
  GtkWidget *client_page;
  AdwBanner *banner;
  guint missing;

  client_uuid = sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Bar Pasticceria Sole & Luna",
                                           SPORTELLO_CLIENT_MUNICIPALITY, "Novara", -1);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 760);
  client_page = sportello_test_open_client (window, client_uuid);
  g_assert_nonnull (sportello_test_find_label (client_page, "Documenti redatti a partire da un modello e compilati con i dati di questa scheda"));
  /* only the municipality is known: the address is just that, no stray commas or brackets */
  g_assert_nonnull (sportello_test_find_label (client_page, "Novara"));
  g_assert_null (sportello_test_find_label_containing (client_page, "()"));

  /* from the client's page: the template filled in with the client */
  gtk_widget_activate_action (client_page, "client.new-document", "s", "presenza-online-horeca");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_DOCUMENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_DOCUMENT_PAGE));
  g_assert_nonnull (page);
  uuid = g_strdup (sportello_document_get (sportello_document_page_get_document (page), SPORTELLO_DOCUMENT_UUID));
  buffer = gtk_text_view_get_buffer (sportello_document_page_get_view (page));
  {
    g_autofree char *text = NULL;
    GtkTextIter start;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    /* the name is escaped for Markdown only where Markdown needs it */
    g_assert_nonnull (strstr (text, "Bar Pasticceria Sole & Luna"));
    g_assert_nonnull (strstr (text, "# Presenza online per bar e ristoranti"));
    g_assert_nonnull (strstr (text, "«da completare: sistema di prenotazione»"));
  }

  /* what is not known yet is counted in a banner, in Italian */
  missing = sportello_document_page_count_missing (page);
  g_assert_cmpuint (missing, >=, 2);
  banner = ADW_BANNER (sportello_test_find_type (GTK_WIDGET (page), ADW_TYPE_BANNER));
  g_assert_true (adw_banner_get_revealed (banner));
  {
    g_autofree char *expected = g_strdup_printf ("%u valori sono ancora da completare nel testo", missing);

    g_assert_cmpstr (adw_banner_get_title (banner), ==, expected);
  }
  g_assert_cmpstr (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (page)), ==, "Presenza online per bar e ristoranti");
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "document-new"));

  /* the PDF would print those markers: export says so first, and goes to
   * the first one on request */
  {
    g_autofree char *body = g_strdup_printf ("Il documento contiene %u campi da completare: "
                                             "nel PDF comparirebbe «da completare» al loro posto.", missing);
    GtkTextIter sel_start, sel_end;
    g_autofree char *selected = NULL;
    AdwDialog *dialog;
    GtkWidget *button;

    gtk_widget_grab_focus (GTK_WIDGET (window));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.export-pdf", NULL));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Campi da completare");
    g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==, body);
    g_assert_nonnull (sportello_test_find_button (GTK_WIDGET (dialog), "_Esporta comunque"));
    g_free (sportello_test_screenshot (GTK_WIDGET (window), "document-export-missing"));
    button = sportello_test_find_button (GTK_WIDGET (dialog), "_Vai al primo");
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (sportello_document_page_get_view (page))));
    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end));
    selected = gtk_text_buffer_get_text (buffer, &sel_start, &sel_end, FALSE);
    g_assert_true (g_str_has_prefix (selected, "«da completare: "));
    g_assert_true (g_str_has_suffix (selected, "»"));
    {
      GtkTextIter start;
      g_autofree char *before = NULL;

      /* the first of them: none earlier in the text */
      gtk_text_buffer_get_start_iter (buffer, &start);
      before = gtk_text_buffer_get_text (buffer, &start, &sel_start, FALSE);
      g_assert_null (strstr (before, "«da completare: "));
    }
  }

  /* typing is stored without a Save button */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nNota aggiunta durante l'incontro.\n\n"
                          "Guida: [bandi digitali](https://www.example.org/bandi).\n", -1);
  sportello_test_iterate (800);
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloDocument) stored = sportello_document_load (db, uuid, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (sportello_document_get (stored, SPORTELLO_DOCUMENT_BODY), "Nota aggiunta durante l'incontro."));
    g_assert_cmpstr (sportello_document_get (stored, SPORTELLO_DOCUMENT_STATUS), ==, "draft");
  }

  /* on paper: the client, the hub, the Italian date, the page numbers */
  {
    GSettings *settings = sportello_application_get_settings (app);
    g_autofree char *pdf = g_build_filename (data_dir, "parere.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (pdf);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *long_date = sportello_format_date_long (today);
    g_autofree char *text = NULL;
    g_autofree char *png_base = NULL;
    const char *shots = g_getenv ("SPORTELLO_SCREENSHOT_DIR");
    int status = 0;

    g_settings_set_string (settings, "hub-name", "ComoNext – Lomazzo");
    g_settings_set_string (settings, "consultant-name", "Giulia Ferri");
    g_assert_true (sportello_document_page_export_pdf (page, file, &error));
    g_assert_no_error (error);

    g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdftotext", (char *) "-layout", pdf, (char *) "-", NULL },
                                 NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
    g_test_message ("pdftotext:\n%s", text);
    g_assert_nonnull (strstr (text, "Bar Pasticceria Sole & Luna"));
    g_assert_nonnull (strstr (text, "ComoNext – Lomazzo · Giulia Ferri"));
    g_assert_nonnull (strstr (text, long_date));
    g_assert_nonnull (strstr (text, "Pagina 1 di "));
    g_assert_nonnull (strstr (text, "Presenza online per bar e ristoranti"));
    /* Markdown is typeset, not printed */
    g_assert_null (strstr (text, "**"));
    g_assert_null (strstr (text, "# Presenza"));

    /* a real document: metadata and structure */
    sportello_test_assert_pdf_tagged (pdf, sportello_document_get (sportello_document_page_get_document (page), SPORTELLO_DOCUMENT_TITLE),
                                      "Giulia Ferri", "Documento di consulenza di ComoNext – Lomazzo");
    {
      g_autofree char *urls = NULL;

      g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdfinfo", (char *) "-url", pdf, NULL },
                                   NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &urls, NULL, &status, &error));
      g_assert_no_error (error);
      g_test_message ("pdfinfo -url:\n%s", urls);
      /* the link is a link, where its text is */
      g_assert_nonnull (strstr (urls, "https://www.example.org/bandi"));
    }

    /* the first page as PNG, to look at */
    if (shots != NULL)
      {
        png_base = g_build_filename (shots, "document-pdf", NULL);
        g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdftoppm", (char *) "-png", (char *) "-r", (char *) "60",
                                                        (char *) "-f", (char *) "1", (char *) "-l", (char *) "1",
                                                        (char *) "-singlefile", pdf, png_base, NULL },
                                     NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
        g_assert_cmpint (status, ==, 0);
      }
  }

  /* sent today */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.mark-sent", NULL));
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloDocument) stored = sportello_document_load (db, uuid, &error);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_cmpstr (sportello_document_get (stored, SPORTELLO_DOCUMENT_STATUS), ==, "sent");
    g_assert_cmpstr (sportello_document_get (stored, SPORTELLO_DOCUMENT_SENT_ON), ==, today);
    sent_on = sportello_format_date_on (sportello_document_get (stored, SPORTELLO_DOCUMENT_SENT_ON), SPORTELLO_DATE_LONG);
    /* “Inviato l'8 dicembre 2026”, “Inviato il 1º dicembre 2026”: the article comes with the date */
    sent_today = g_strconcat ("Inviato ", sent_on, NULL);
    g_assert_nonnull (strstr (sportello_document_get (stored, SPORTELLO_DOCUMENT_BODY), "Nota aggiunta"));
  }
  g_assert_true (g_str_has_prefix (sent_on, "il ") || g_str_has_prefix (sent_on, "l'"));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (page), sent_today));

  /* typed and gone at once: the window closes, the text is there */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "Ultima riga.\n", -1);
  gtk_widget_activate_action (GTK_WIDGET (page), "document.delete", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  {
    g_autoptr(GListModel) documents = stored_documents (data_dir, client_uuid);

    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  }
  /* the toast's Undo brings it back, with the last line */
  {
    GtkWidget *undo = sportello_test_find_button (GTK_WIDGET (window), "_Annulla");

    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
  }
  sportello_test_iterate (50);
  {
    g_autoptr(GListModel) documents = stored_documents (data_dir, client_uuid);
    g_autoptr(SportelloDocument) restored = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
    restored = g_list_model_get_item (documents, 0);
    g_assert_nonnull (strstr (sportello_document_get (restored, SPORTELLO_DOCUMENT_BODY), "Ultima riga."));
  }

  /* back on the client's page, the document is listed as sent */
  sportello_clients_section_open_client (_sportello_window_get_clients_section (SPORTELLO_WINDOW (window)), client_uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (window), sent_today));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "client-documents"));

  sportello_test_app_quit (app);
}

static void
test_templates_section (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-templates", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  const GPtrArray *templates = sportello_templates_builtin ();
  SportelloTemplatesSection *section;
  GtkWidget *list;
  guint n = 0;

  gtk_window_set_default_size (window, 1000, 760);
  sportello_window_set_section (SPORTELLO_WINDOW (window), "templates");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  section = SPORTELLO_TEMPLATES_SECTION (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_TEMPLATES_SECTION));
  g_assert_nonnull (section);

  /* every built-in template is listed */
  list = sportello_test_find_type (GTK_WIDGET (section), GTK_TYPE_LIST_BOX);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n++;
  g_assert_cmpuint (n, ==, templates->len);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (section), "Orientamento ai bandi per la digitalizzazione"));

  /* and opens on what it asks for and its text */
  sportello_templates_section_open (section, "orientamento-bandi");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (section), "Da compilare manualmente: progetto da finanziare, importo stimato"));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (section), "Informazioni verificate a dicembre 2026"));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "template-preview-page"));

  sportello_test_app_quit (app);
}

static guint
count_user_templates (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(GPtrArray) list = sportello_user_templates_list (db, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_template_page (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-template-page", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_uuid = NULL;
  g_autofree char *template_id = NULL;
  SportelloTemplatesSection *section;
  SportelloTemplatePage *editor;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  AdwBanner *banner;
  GtkWindow *window;

  client_uuid = sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Officina Gallo", -1);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1200, 800);
  sportello_window_set_section (SPORTELLO_WINDOW (window), "templates");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  section = SPORTELLO_TEMPLATES_SECTION (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_TEMPLATES_SECTION));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (section), "Duplicare un modello predefinito per modificarne il testo o partire da uno vuoto"));

  /* a built-in template, duplicated to change its wording */
  {
    g_autoptr(SpellingChecker) probe = spelling_checker_new (spelling_provider_get_default (), "it_IT");

    /* the Italian dictionary flags a placeholder's words, until the editor
     * tells it to leave them alone */
    g_assert_cmpstr (spelling_checker_get_language (probe), ==, "it_IT");
    g_assert_false (spelling_checker_check_word (probe, "sdi", -1));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "templates.duplicate", "s", "orientamento-bandi"));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    editor = SPORTELLO_TEMPLATE_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_TEMPLATE_PAGE));
    g_assert_nonnull (editor);
    g_assert_true (spelling_checker_check_word (probe, "sdi", -1));
    g_assert_true (spelling_checker_check_word (probe, "followups", -1));
    g_assert_false (spelling_checker_check_word (probe, "conssulente", -1));
  }
  g_assert_cmpuint (count_user_templates (data_dir), ==, 1);
  template_id = g_strdup (sportello_template_page_get_template (editor)->id);
  g_assert_cmpstr (sportello_template_page_get_template (editor)->title, ==,
                   "Orientamento ai bandi per la digitalizzazione (copia)");
  /* the preview shows the text typeset, with what is missing marked */
  g_assert_nonnull (sportello_test_find_label_containing (sportello_template_page_get_preview (editor), "«da completare: progetto da finanziare»"));

  /* a placeholder from the menu, and one mistyped: the banner names its line */
  buffer = gtk_text_view_get_buffer (sportello_template_page_get_view (editor));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.insert-placeholder", "s", "client.vat"));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "Per {{cliente.nome}}: ", -1);
  sportello_test_iterate (700);
  banner = ADW_BANNER (sportello_test_find_type (GTK_WIDGET (editor), ADW_TYPE_BANNER));
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==, "Riga 1: «cliente.nome» non è un segnaposto noto");
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "template-page-problem"));

  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  gtk_text_iter_forward_chars (&end, strlen ("Per {{cliente.nome}}: "));
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "Per {{client.name}}: ", -1);
  sportello_test_iterate (700);
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_nonnull (sportello_test_find_label_containing (sportello_template_page_get_preview (editor), "Per «da completare: ragione sociale»: «da completare: partita IVA»"));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "template-page"));

  /* stored as typed */
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloTemplate) stored = sportello_user_template_load (db, template_id, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (stored->body, "Per {{client.name}}: {{client.vat}}"));
  }

  /* the editor's Duplicate makes another user template and opens it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.duplicate", NULL));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (count_user_templates (data_dir), ==, 2);
  editor = SPORTELLO_TEMPLATE_PAGE (sportello_test_find_type (GTK_WIDGET (section), SPORTELLO_TYPE_TEMPLATE_PAGE));
  g_assert_cmpstr (sportello_template_page_get_template (editor)->title, ==,
                   "Orientamento ai bandi per la digitalizzazione (copia) (copia)");
  g_assert_true (g_str_has_prefix (sportello_template_page_get_template (editor)->body, "Per {{client.name}}: {{client.vat}}"));

  /* a client's document from it */
  sportello_window_set_section (SPORTELLO_WINDOW (window), "clients");
  sportello_clients_section_open_client (_sportello_window_get_clients_section (SPORTELLO_WINDOW (window)), client_uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE),
                                             "client.new-document", "s", template_id));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  {
    SportelloDocumentPage *page = SPORTELLO_DOCUMENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_DOCUMENT_PAGE));

    g_assert_nonnull (page);
    g_assert_nonnull (strstr (sportello_document_get (sportello_document_page_get_document (page), SPORTELLO_DOCUMENT_BODY),
                              "Per Officina Gallo: "));
  }

  /* deleted, and back with Undo */
  sportello_window_set_section (SPORTELLO_WINDOW (window), "templates");
  editor = NULL;
  {
    GtkListBox *list = NULL;

    /* the first list of the section is the user's */
    list = GTK_LIST_BOX (sportello_test_find_type (GTK_WIDGET (section), GTK_TYPE_LIST_BOX));
    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  }
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  editor = SPORTELLO_TEMPLATE_PAGE (sportello_test_find_type (GTK_WIDGET (section), SPORTELLO_TYPE_TEMPLATE_PAGE));
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.delete", NULL));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (count_user_templates (data_dir), ==, 1);
  {
    GtkWidget *undo = sportello_test_find_button (GTK_WIDGET (window), "_Annulla");

    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
  }
  sportello_test_iterate (50);
  g_assert_cmpuint (count_user_templates (data_dir), ==, 2);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (section), "Orientamento ai bandi per la digitalizzazione (copia)"));

  sportello_test_app_quit (app);
}

/* links take the accent colour, as text on paper (light) or on a dark preview */
static void
test_link_color (void)
{
  g_autofree char *light = sportello_document_link_color (FALSE);
  g_autofree char *dark = sportello_document_link_color (TRUE);
  GdkRGBA rgba;

  g_assert_true (gdk_rgba_parse (&rgba, light));
  g_assert_true (gdk_rgba_parse (&rgba, dark));
  g_assert_cmpuint (strlen (light), ==, 7);
  g_assert_cmpstr (light, !=, dark);
}

/* the words the adapter underlined: the buffer's tag that libspelling adds,
 * the one without a name that draws a wavy or plain underline */
static void
find_spelling_tag (GtkTextTag *tag,
                   gpointer    data)
{
  GtkTextTag **found = data;
  g_autofree char *name = NULL;
  gboolean underline_set;

  g_object_get (tag, "name", &name, "underline-set", &underline_set, NULL);
  if (name == NULL && underline_set)
    *found = tag;
}

static char *
underlined_words (GtkTextBuffer *buffer)
{
  GtkTextTag *tag = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  GtkTextIter iter, end;

  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (buffer), find_spelling_tag, &tag);
  if (tag == NULL)
    return g_strdup ("");
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      g_autofree char *word = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      word = gtk_text_iter_get_text (&iter, &end);
      g_string_append_printf (words, "%s%s", words->len ? " " : "", word);
      iter = end;
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* Italian elisions and hyphenated words are not spelling mistakes: Pango
 * splits “dell’impresa” at the apostrophe and “e-commerce” at the hyphen,
 * and neither half may be underlined; a real mistake still is. */
static void
test_spelling_elisions (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-spelling", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  GtkWidget *editor = sportello_text_editor_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWindow *own = GTK_WINDOW (gtk_window_new ());
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  g_autofree char *underlined = NULL;

  g_assert_nonnull (window);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), editor);
  gtk_window_set_child (own, scroller);
  gtk_window_set_default_size (own, 800, 400);
  gtk_window_present (own);
  g_assert_true (sportello_text_editor_checks_italian (SPORTELLO_TEXT_EDITOR (editor)));

  sportello_text_editor_load (SPORTELLO_TEXT_EDITOR (editor),
                              "Lo sviluppo dell'impresa e dell’impresa passa all'e-commerce "
                              "dall’8 dicembre: l'8 e l’11 si parla dell'hub con un'azienda "
                              "che fa e-commerce sull'e-commerce, nell’ambito di quest’anno. "
                              "Un errore: l'imprezza conssulente.");
  /* wait until the adapter has checked the text: the mistake shows */
  for (guint i = 0; i < 200; i++)
    {
      g_free (underlined);
      underlined = underlined_words (buffer);
      if (strstr (underlined, "conssulente") != NULL)
        break;
      sportello_test_iterate (50);
    }
  g_assert_cmpstr (underlined, ==, "imprezza conssulente");

  /* the checker of every editor knows the elided forms alone */
  {
    SpellingChecker *checker = sportello_text_editor_get_checker (SPORTELLO_TEXT_EDITOR (editor));
    static const char * const words[] = { "dell", "all", "sull", "nell", "quest", "commerce", "hub" };

    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      g_assert_true (spelling_checker_check_word (checker, words[i], -1));
    g_assert_false (spelling_checker_check_word (checker, "dellle", -1));
  }

  gtk_window_destroy (own);
  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/documents/from-template", test_document);
  g_test_add_func ("/ui/documents/templates-section", test_templates_section);
  g_test_add_func ("/ui/documents/template-page", test_template_page);
  g_test_add_func ("/ui/documents/link-color", test_link_color);
  g_test_add_func ("/ui/documents/spelling-elisions", test_spelling_elisions);

  return g_test_run ();
}
