/* sportello-document-page.c: one advice document, written for a client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document starts as a template filled with what is known of the client;
 * what was not known stays in the text as «da completare: …» and a banner
 * counts those places until none is left.  Like meeting notes, the text is
 * stored half a second after the last keystroke and when the page goes.
 */

#define G_LOG_DOMAIN "sportello-document-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-binding.h"
#include "sportello-client.h"
#include "sportello-document-page.h"
#include "sportello-email.h"
#include "sportello-file-toast.h"
#include "sportello-document-print.h"
#include "sportello-format.h"
#include "sportello-text-editor.h"

struct _SportelloDocumentPage
{
  SportelloRecordPage        parent_instance;

  SportelloDocument         *document;   /* the page's record */

  AdwWindowTitle            *window_title;
  AdwBanner                 *missing_banner;
  GtkButton                 *sent_button;
  SportelloTextEditor       *body_view;
};

G_DEFINE_FINAL_TYPE (SportelloDocumentPage, sportello_document_page, SPORTELLO_TYPE_RECORD_PAGE)

#define DATABASE(self) (sportello_record_page_get_database (SPORTELLO_RECORD_PAGE (self)))
#define TOAST(self, t) (sportello_record_page_toast (SPORTELLO_RECORD_PAGE (self), (t)))

/* The marker text that starts every «da completare: …» place */
static char *
missing_marker (void)
{
  /* Translators: the text before %s is searched for in saved documents to
   * count the values still to complete: changing this translation later
   * hides the markers already written in existing documents */
  g_autofree char *marker = g_strdup (_("«to complete: %s»"));
  char *cut = strstr (marker, "%s");

  if (cut != NULL)
    *cut = '\0';
  return g_steal_pointer (&marker);
}

/* How many «da completare: …» places are left in the text */
guint
sportello_document_page_count_missing (SportelloDocumentPage *self)
{
  g_autofree char *body = sportello_text_editor_get_text (self->body_view);
  g_autofree char *marker = missing_marker ();
  guint n = 0;

  for (const char *p = strstr (body, marker); p != NULL; p = strstr (p + 1, marker))
    n++;

  return n;
}

static void
update_state (SportelloDocumentPage *self)
{
  gboolean sent = g_str_equal (sportello_document_get (self->document, SPORTELLO_DOCUMENT_STATUS), "sent");
  g_autofree char *sent_on = sportello_format_date_on (sportello_document_get (self->document, SPORTELLO_DOCUMENT_SENT_ON),
                                                      SPORTELLO_DATE_LONG);
  g_autofree char *subtitle = NULL;
  g_autofree char *missing = NULL;
  guint n = sportello_document_page_count_missing (self);

  if (sent)
    /* Translators: the state of an advice document, with the date it went to the client;
     * %s comes with its article where the language needs one (“l'8 dicembre 2026”) */
    subtitle = g_strdup_printf (_("Sent on %s"), sent_on ? sent_on : "");
  else
    subtitle = g_strdup (_("Draft"));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->sent_button), !sent);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.mark-sent", !sent);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.mark-draft", sent);

  missing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u value is still to complete in the text",
                                          "%u values are still to complete in the text", n), n);
  adw_banner_set_title (self->missing_banner, missing);
  adw_banner_set_revealed (self->missing_banner, n > 0);
}

static gboolean
save_body (SportelloRecordPage  *page,
           GError              **error)
{
  SportelloDocumentPage *self = SPORTELLO_DOCUMENT_PAGE (page);
  g_autofree char *body = sportello_text_editor_get_text (self->body_view);

  if (!sportello_document_save_body (DATABASE (self), sportello_document_get (self->document, SPORTELLO_DOCUMENT_UUID),
                                     body, error))
    return FALSE;

  sportello_document_set (self->document, SPORTELLO_DOCUMENT_BODY, body);
  update_state (self);
  return TRUE;
}

static void
body_changed_cb (SportelloDocumentPage *self)
{
  sportello_record_page_changed (SPORTELLO_RECORD_PAGE (self));
}

static void
set_status (SportelloDocumentPage *self,
            const char            *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *old_status = g_strdup (sportello_document_get (self->document, SPORTELLO_DOCUMENT_STATUS));
  g_autofree char *old_sent_on = g_strdup (sportello_document_get (self->document, SPORTELLO_DOCUMENT_SENT_ON));
  g_autofree char *body = sportello_text_editor_get_text (self->body_view);

  sportello_record_page_stored (SPORTELLO_RECORD_PAGE (self));
  sportello_document_set (self->document, SPORTELLO_DOCUMENT_BODY, body);
  sportello_document_set (self->document, SPORTELLO_DOCUMENT_STATUS, status);
  sportello_document_set (self->document, SPORTELLO_DOCUMENT_SENT_ON, g_str_equal (status, "sent") ? today : "");
  if (!sportello_document_save (self->document, DATABASE (self), &error))
    {
      sportello_document_set (self->document, SPORTELLO_DOCUMENT_STATUS, old_status);
      sportello_document_set (self->document, SPORTELLO_DOCUMENT_SENT_ON, old_sent_on);
      sportello_record_page_toast_error (SPORTELLO_RECORD_PAGE (self), error);
      return;
    }

  update_state (self);
}

static void
mark_sent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SportelloDocumentPage *self = SPORTELLO_DOCUMENT_PAGE (widget);

  set_status (self, "sent");
  if (sportello_document_page_count_missing (self) > 0)
    TOAST (self, adw_toast_new (_("Marked as sent, with values still to complete")));
}

static void
mark_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  set_status (SPORTELLO_DOCUMENT_PAGE (widget), "draft");
}

/* ------------------------------------------------------ paper, PDF ---- */

/* The hub and consultant of the preferences, for the page header */
static void
get_origin (SportelloDocumentPage  *self,
            char                  **hub,
            char                  **consultant)
{
  GSettings *settings = sportello_context_get_settings (sportello_record_page_get_context (SPORTELLO_RECORD_PAGE (self)));

  *hub = g_settings_get_string (settings, "hub-name");
  *consultant = g_settings_get_string (settings, "consultant-name");
}

/**
 * sportello_document_page_export_pdf:
 *
 * Writes what is on screen, autosaved first, as a PDF.
 */
gboolean
sportello_document_page_export_pdf (SportelloDocumentPage  *self,
                                    GFile                  *file,
                                    GError                **error)
{
  g_autofree char *hub = NULL;
  g_autofree char *consultant = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (SPORTELLO_IS_DOCUMENT_PAGE (self), FALSE);

  sportello_record_page_flush (SPORTELLO_RECORD_PAGE (self));
  get_origin (self, &hub, &consultant);
  return sportello_document_export_pdf (self->document, hub, consultant, path, error);
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SportelloDocumentPage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (file == NULL)
    return;

  if (!sportello_document_page_export_pdf (self, file, &error))
    {
      sportello_record_page_toast_error (SPORTELLO_RECORD_PAGE (self), error);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: after exporting, the name of the PDF file */
  message = g_strdup_printf (_("Exported as “%s”"), name);
  TOAST (self, sportello_file_toast_new (message, file));
}

/* “Title.pdf”, with no character a file name cannot have */
static char *
pdf_file_name (SportelloDocumentPage *self)
{
  char *name = g_strdup_printf ("%s.pdf", sportello_document_get (self->document, SPORTELLO_DOCUMENT_TITLE));

  g_strdelimit (name, "/\\:", '-');
  return name;
}

static void
choose_pdf_file (SportelloDocumentPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = NULL;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Export as PDF"));
  name = pdf_file_name (self);
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        export_chosen_cb, g_object_ref (self));
}

/* The PDF, made in the user cache, to the mail client: to the client's
 * e-mail, with the document's title as the subject */
static void
send_email_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SportelloDocumentPage *self = SPORTELLO_DOCUMENT_PAGE (widget);
  g_autofree char *name = pdf_file_name (self);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SportelloClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (!(path = sportello_email_attachment_path (name, &error)))
    {
      sportello_record_page_toast_error (SPORTELLO_RECORD_PAGE (self), error);
      return;
    }
  file = g_file_new_for_path (path);
  if (!sportello_document_page_export_pdf (self, file, &error))
    {
      sportello_record_page_toast_error (SPORTELLO_RECORD_PAGE (self), error);
      return;
    }

  /* without the client (or its e-mail) the user types the address */
  client = sportello_client_load (DATABASE (self), sportello_document_get (self->document, SPORTELLO_DOCUMENT_CLIENT_UUID), NULL);
  sportello_email_send (widget, client != NULL ? sportello_client_get (client, SPORTELLO_CLIENT_EMAIL) : NULL,
                        sportello_document_get (self->document, SPORTELLO_DOCUMENT_TITLE), file);
}

/**
 * sportello_document_page_go_to_missing:
 *
 * Puts the cursor on the first «da completare: …» marker of the text,
 * selected, and the focus in the editor.
 *
 * Returns: whether there was one
 */
gboolean
sportello_document_page_go_to_missing (SportelloDocumentPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  g_autofree char *marker = missing_marker ();
  GtkTextIter start, match_start, match_end, end_marker;

  g_return_val_if_fail (SPORTELLO_IS_DOCUMENT_PAGE (self), FALSE);

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, marker, GTK_TEXT_SEARCH_TEXT_ONLY, &match_start, &match_end, NULL))
    return FALSE;

  /* the whole marker, up to its closing » on the same line, so that
   * typing replaces it */
  end_marker = match_end;
  {
    GtkTextIter close, line_end = match_end;

    gtk_text_iter_forward_to_line_end (&line_end);
    if (gtk_text_iter_forward_search (&match_end, "»", GTK_TEXT_SEARCH_TEXT_ONLY, NULL, &close, &line_end))
      end_marker = close;
  }

  gtk_text_buffer_select_range (buffer, &match_start, &end_marker);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->body_view), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0, 0);
  return TRUE;
}

static void
missing_response_cb (AdwAlertDialog        *dialog,
                     const char            *response,
                     SportelloDocumentPage *self)
{
  if (g_str_equal (response, "export"))
    choose_pdf_file (self);
  else if (g_str_equal (response, "first"))
    sportello_document_page_go_to_missing (self);
}

/* Before the PDF: a document that would still print «da completare»
 * markers says so, and offers to go to the first one */
static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SportelloDocumentPage *self = SPORTELLO_DOCUMENT_PAGE (widget);
  guint n = sportello_document_page_count_missing (self);
  AdwDialog *dialog;
  g_autofree char *body = NULL;

  if (n == 0)
    {
      choose_pdf_file (self);
      return;
    }

  /* Translators: the «da completare» markers are those of the document's
   * text, as “«to complete: %s»” is translated */
  body = g_strdup_printf (ngettext ("The document has %u field to complete: the PDF would print "
                                    "“to complete” in its place.",
                                    "The document has %u fields to complete: the PDF would print "
                                    "“to complete” in their place.", n), n);
  dialog = adw_alert_dialog_new (_("Fields to Complete"), body);
  /* Esc does neither: “cancel” needs no button */
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "export", _("_Export Anyway"),
                                  "first", _("_Go to First"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "first", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "first");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (missing_response_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SportelloDocumentPage   *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        sportello_record_page_toast_error (SPORTELLO_RECORD_PAGE (self), error);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SportelloDocumentPage *self = SPORTELLO_DOCUMENT_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hub = NULL;
  g_autofree char *consultant = NULL;

  sportello_record_page_flush (SPORTELLO_RECORD_PAGE (self));
  get_origin (self, &hub, &consultant);
  operation = sportello_document_print_operation_new (self->document, hub, consultant);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sportello_record_page_toast_error (SPORTELLO_RECORD_PAGE (self), error);
}

/* ----------------------------------------------------------- delete ---- */

static gboolean
restore (SportelloDatabase  *db,
         gpointer            kept,
         GError            **error)
{
  return sportello_document_save (SPORTELLO_DOCUMENT (kept), db, error);
}

static gboolean
delete_record (SportelloRecordPage  *page,
               gpointer             *kept,
               GError              **error)
{
  SportelloDocumentPage *self = SPORTELLO_DOCUMENT_PAGE (page);

  if (!sportello_document_delete (DATABASE (self), sportello_document_get (self->document, SPORTELLO_DOCUMENT_UUID), error))
    return FALSE;

  *kept = g_object_ref (self->document);
  return TRUE;
}

/* ---------------------------------------------------------- GObject ---- */

static void
sportello_document_page_dispose (GObject *object)
{
  SportelloDocumentPage *self = (SportelloDocumentPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_DOCUMENT_PAGE);
  self->document = NULL;

  G_OBJECT_CLASS (sportello_document_page_parent_class)->dispose (object);
}

static void
sportello_document_page_class_init (SportelloDocumentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SportelloRecordPageClass *page_class = SPORTELLO_RECORD_PAGE_CLASS (klass);

  object_class->dispose = sportello_document_page_dispose;
  page_class->deleted_message = _("Document deleted");
  page_class->restore = restore;
  page_class->kept_free = g_object_unref;
  page_class->save = save_body;
  page_class->delete_record = delete_record;

  g_type_ensure (SPORTELLO_TYPE_TEXT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-document-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloDocumentPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SportelloDocumentPage, missing_banner);
  gtk_widget_class_bind_template_child (widget_class, SportelloDocumentPage, sent_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloDocumentPage, body_view);

  gtk_widget_class_install_action (widget_class, "document.mark-sent", NULL, mark_sent_action);
  gtk_widget_class_install_action (widget_class, "document.mark-draft", NULL, mark_draft_action);
  sportello_record_page_class_install_delete (page_class, "document.delete");
  gtk_widget_class_install_action (widget_class, "document.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "document.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "document.send-email", NULL, send_email_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "document.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "document.export-pdf", NULL);
}

static void
sportello_document_page_init (SportelloDocumentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SportelloDocumentPage *
sportello_document_page_new (SportelloContext  *context,
                             const char        *uuid,
                             GError           **error)
{
  g_autoptr(SportelloDocument) document = NULL;
  SportelloDocumentPage *self;

  if (!(document = sportello_document_load (sportello_context_get_database (context), uuid, error)))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_DOCUMENT_PAGE, "context", context, "record", document, NULL);
  self->document = document;
  sportello_text_editor_set_settings (self->body_view, sportello_context_get_settings (context));

  /* the title shows in the header and the page's name, and follows the record */
  g_object_bind_property (self->document, sportello_binding_field_property (self->document, SPORTELLO_DOCUMENT_TITLE),
                          self->window_title, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->document, sportello_binding_field_property (self->document, SPORTELLO_DOCUMENT_TITLE),
                          self, "title", G_BINDING_SYNC_CREATE);

  /* The body is no field bound to the buffer: the editor writes it from
   * its own text (sportello_text_editor_get_text ()) and it is stored
   * apart (save_body ()), at the editor's pace. It is loaded first; what
   * changes the buffer after that is an edit. */
  sportello_text_editor_load (self->body_view, sportello_document_get (self->document, SPORTELLO_DOCUMENT_BODY));
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view)), "changed",
                           G_CALLBACK (body_changed_cb), self, G_CONNECT_SWAPPED);

  update_state (self);

  return self;
}

SportelloDocument *
sportello_document_page_get_document (SportelloDocumentPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_DOCUMENT_PAGE (self), NULL);

  return self->document;
}

GtkTextView *
sportello_document_page_get_view (SportelloDocumentPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_DOCUMENT_PAGE (self), NULL);

  return GTK_TEXT_VIEW (self->body_view);
}
