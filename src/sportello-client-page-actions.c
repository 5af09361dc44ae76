/* sportello-client-page-actions.c: the client.* actions of a client's page
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editing, exporting, archiving, deleting and erasing the client, and
 * adding a meeting, an assessment or a document to it. What outlives the
 * page (the pages opened from it, a delete waiting for its Undo) is told
 * to the section through the page's signals.
 */

#define G_LOG_DOMAIN "sportello-client-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-assessment.h"
#include "sportello-checklist.h"
#include "sportello-client-dialog.h"
#include "sportello-client-page-private.h"
#include "sportello-contact.h"
#include "sportello-document.h"
#include "sportello-file-toast.h"
#include "sportello-meeting.h"
#include "sportello-retention.h"
#include "sportello-user-template.h"
#include "sportello-vcard.h"

#define show_error _sportello_client_page_show_error
#define signals _sportello_client_page_signals
#define OPEN_MEETING SPORTELLO_CLIENT_PAGE_OPEN_MEETING
#define OPEN_ASSESSMENT SPORTELLO_CLIENT_PAGE_OPEN_ASSESSMENT
#define OPEN_DOCUMENT SPORTELLO_CLIENT_PAGE_OPEN_DOCUMENT
#define OPEN_CLIENT SPORTELLO_CLIENT_PAGE_OPEN_CLIENT
#define TRASHED SPORTELLO_CLIENT_PAGE_TRASHED

static void
open_existing_cb (SportelloClientPage *self,
                  const char          *uuid)
{
  g_signal_emit (self, signals[OPEN_CLIENT], 0, uuid);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);
  SportelloClientDialog *editor = sportello_client_dialog_new (self->db, self->client);

  /* the page follows the database: nothing to do after a save */
  g_signal_connect_object (editor, "open-existing", G_CALLBACK (open_existing_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (editor), widget);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);

  gtk_widget_activate_action (widget, "win.export-client", "s", sportello_client_get_uuid (self->client));
}

/**
 * _sportello_client_page_export_contacts:
 *
 * Writes the client's people to @file as vCards.
 */
gboolean
_sportello_client_page_export_contacts (SportelloClientPage  *self,
                                        GFile                *file,
                                        guint                *n_cards,
                                        GError              **error)
{
  const char *uuids[2] = { sportello_client_get_uuid (self->client), NULL };
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only a file on this computer can be written"));
      return FALSE;
    }
  return sportello_vcard_export (self->db, uuids, path, n_cards, error);
}

static void
contacts_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SportelloClientPage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (file == NULL || self->client == NULL)
    return;   /* cancelled, or the page went */

  if (!_sportello_client_page_export_contacts (self, file, &n, &error))
    {
      show_error (self, error);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: after exporting a client's contacts as vCards; %s is the file's name */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact exported as “%s”",
                                          "%u contacts exported as “%s”", n), n, name);
  sportello_context_toast (self->context, sportello_file_toast_new (message, file));
}

/* The client's people as vCards, for GNOME Contacts or any address book */
static void
export_contacts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!(contacts = sportello_contact_list_for_client (self->db, sportello_client_get_uuid (self->client), &error)))
    {
      show_error (self, error);
      return;
    }
  if (g_list_model_get_n_items (contacts) == 0)
    {
      sportello_context_toast (self->context, adw_toast_new (_("This client has no contacts to export")));
      return;
    }

  gtk_file_filter_set_name (filter, _("Contact cards (vCard)"));
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_suffix (filter, "vcf");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Export Contacts"));
  /* Translators: the file name offered for a client's contacts; %s is the client's name */
  name = g_strdup_printf (_("Contacts of %s.vcf"), sportello_client_get (self->client, SPORTELLO_CLIENT_NAME));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        contacts_chosen_cb, g_object_ref (self));
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);
  g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (sportello_client_get_uuid (self->client));
  g_autoptr(GError) error = NULL;

  sportello_meeting_set (meeting, SPORTELLO_MEETING_PARTICIPANTS, sportello_context_get_consultant (self->context));
  if (!sportello_meeting_save (meeting, self->db, &error))
    {
      show_error (self, error);
      return;
    }

  sportello_context_mark_made (self->context, sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
  g_signal_emit (self, signals[OPEN_MEETING], 0, sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
}

static void
new_assessment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);
  g_autoptr(SportelloAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *in_use = g_settings_get_string (sportello_context_get_settings (self->context), "assessment-checklist");
  g_autofree char *checklist = NULL;

  /* the latest version of the checklist in use, or the built-in one */
  checklist = sportello_checklist_latest_uuid (self->db, in_use);
  if (checklist == NULL && !(checklist = sportello_checklist_store (self->db, sportello_checklist_get_builtin (), &error)))
    {
      show_error (self, error);
      return;
    }

  assessment = sportello_assessment_new (sportello_client_get_uuid (self->client), checklist);
  if (!sportello_assessment_save (assessment, self->db, &error))
    {
      show_error (self, error);
      return;
    }

  sportello_context_mark_made (self->context, sportello_assessment_get (assessment, SPORTELLO_ASSESSMENT_UUID));
  g_signal_emit (self, signals[OPEN_ASSESSMENT], 0, sportello_assessment_get (assessment, SPORTELLO_ASSESSMENT_UUID));
}

static void
new_document_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);
  g_autoptr(SportelloTemplate) template = NULL;
  g_autoptr(SportelloDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = g_settings_get_string (sportello_context_get_settings (self->context), "consultant-email");

  if (!(template = sportello_template_lookup (self->db, g_variant_get_string (param, NULL), &error)))
    {
      show_error (self, error);
      return;
    }

  document = sportello_document_new_from_template (self->db, sportello_client_get_uuid (self->client), template, email, &error);
  if (document == NULL || !sportello_document_save (document, self->db, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[OPEN_DOCUMENT], 0, sportello_document_get (document, SPORTELLO_DOCUMENT_UUID));
}

/* What Undo of an archiving needs after the page is gone */
typedef struct
{
  SportelloContext *context;
  char             *uuid;
  char             *status;
} StatusUndo;

static void
status_undo_free (gpointer data)
{
  StatusUndo *undo = data;

  g_object_unref (undo->context);
  g_free (undo->uuid);
  g_free (undo->status);
  g_free (undo);
}

static gboolean
set_status (SportelloContext *context,
            const char       *uuid,
            const char       *status)
{
  SportelloDatabase *db = sportello_context_get_database (context);
  g_autoptr(SportelloClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (!(client = sportello_client_load (db, uuid, &error)))
    {
      sportello_context_toast_error (context, error);
      return FALSE;
    }

  sportello_client_set (client, SPORTELLO_CLIENT_STATUS, status);
  if (!sportello_client_save (client, db, &error))
    {
      sportello_context_toast_error (context, error);
      return FALSE;
    }

  return TRUE;
}

static void
undo_status_cb (AdwToast   *toast,
                StatusUndo *undo)
{
  set_status (undo->context, undo->uuid, undo->status);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);
  gboolean archived = g_str_equal (action_name, "client.unarchive");
  StatusUndo *undo;
  AdwToast *toast;

  undo = g_new0 (StatusUndo, 1);
  undo->context = g_object_ref (self->context);
  undo->uuid = g_strdup (sportello_client_get_uuid (self->client));
  undo->status = g_strdup (sportello_client_get (self->client, SPORTELLO_CLIENT_STATUS));

  if (!set_status (self->context, undo->uuid, archived ? "followed" : "archived"))
    {
      status_undo_free (undo);
      return;
    }

  toast = adw_toast_new (archived ? _("Client restored from the archive") : _("Client archived"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_status_cb), undo,
                         (GClosureNotify) (void (*) (void)) status_undo_free, 0);
  sportello_context_toast (self->context, toast);
}

/* The client goes to the trash; the section keeps it there until its
 * Undo toast goes away */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_strdup (sportello_client_get_uuid (self->client));
  AdwNavigationView *view = ADW_NAVIGATION_VIEW (gtk_widget_get_ancestor (widget, ADW_TYPE_NAVIGATION_VIEW));

  if (!sportello_client_trash (self->db, uuid, &error))
    {
      show_error (self, error);
      return;
    }

  g_object_ref (self);
  if (view != NULL)
    adw_navigation_view_pop (view);
  g_signal_emit (self, signals[TRASHED], 0, uuid, adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (self)));
  g_object_unref (self);
}

static void
erase_response_cb (SportelloClientPage *self,
                   const char          *response,
                   AdwAlertDialog      *dialog)
{
  g_autoptr(GError) error = NULL;
  AdwNavigationView *view;

  if (g_strcmp0 (response, "erase") != 0)
    return;

  /* the retention's erasure: the exchanged versions and the import log's
   * file names go too, and the full-text indexes keep no term of it */
  if (!sportello_retention_erase (self->db, sportello_client_get_uuid (self->client), &error))
    {
      show_error (self, error);
      return;
    }

  sportello_context_toast (self->context, adw_toast_new (_("All the client’s data was erased")));
  view = ADW_NAVIGATION_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_NAVIGATION_VIEW));
  if (view != NULL)
    adw_navigation_view_pop_to_tag (view, "list");
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  /* The name goes in the body: a heading does not wrap. Translators: %s
   * is the client's name */
  body = g_strdup_printf (_("“%s”: the file, contacts and everything attached to it are removed for "
                            "good, as the GDPR right to erasure requires. This cannot be undone."),
                          adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (self)));
  dialog = adw_alert_dialog_new (_("Erase the Client?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "erase", _("_Erase"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
uri_launched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SportelloClientPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error);
}

/* the website in the browser, an e-mail or PEC address in the mail client */
static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (g_variant_get_string (param, NULL));
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                           uri_launched_cb, g_object_ref (widget));
}

/* the file dialog, for files to attach */
static void
add_attachment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);

  /* the group knows its client once the page has filled */
  _sportello_client_page_ensure_loaded (self);
  sportello_client_attachments_choose (self->attachments_group);
}

/* the files at these URIs, attached (what a drop or a script gives) */
static void
attach_files_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (widget);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree const char **uris = g_variant_get_strv (param, NULL);

  for (guint i = 0; uris[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_uri (uris[i]));
  _sportello_client_page_ensure_loaded (self);
  sportello_client_attachments_add_files (self->attachments_group, (GFile **) files->pdata, files->len);
}

void
_sportello_client_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "client.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "client.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "client.export-contacts", NULL, export_contacts_action);
  gtk_widget_class_install_action (widget_class, "client.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "client.new-assessment", NULL, new_assessment_action);
  gtk_widget_class_install_action (widget_class, "client.new-document", "s", new_document_action);
  gtk_widget_class_install_action (widget_class, "client.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "client.unarchive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "client.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "client.erase", NULL, erase_action);
  gtk_widget_class_install_action (widget_class, "client.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "client.add-attachment", NULL, add_attachment_action);
  gtk_widget_class_install_action (widget_class, "client.attach-files", "as", attach_files_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "client.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "client.edit", NULL);
}
