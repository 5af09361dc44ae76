/* sportello-clients-page.c: the Clients section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-clients-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-application.h"
#include "sportello-assessment.h"
#include "sportello-assessment-page.h"
#include "sportello-client-editor.h"
#include "sportello-client-list.h"
#include "sportello-client-page.h"
#include "sportello-client-row.h"
#include "sportello-document-page.h"
#include "sportello-user-template.h"
#include "sportello-clients-page.h"
#include "sportello-handoff.h"
#include "sportello-meeting-page.h"
#include "sportello-meeting.h"
#include "sportello-retention.h"
#include "sportello-retention-dialog.h"
#include "sportello-vocabulary.h"
#include "sportello-window.h"

struct _SportelloClientsPage
{
  GtkWidget            parent_instance;

  SportelloDatabase   *db;
  SportelloClientList *list;
  GStrv                tags;

  /* Deleted but not gone yet: purged when the toast goes away */
  GPtrArray           *pending_deletes;
  AdwToast            *delete_toast;

  AdwNavigationView   *navigation_view;
  AdwNavigationPage   *list_page;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkListView         *list_view;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *category_dropdown;
  GtkDropDown         *tag_dropdown;
  GtkDropDown         *sort_dropdown;
  AdwBanner           *retention_banner;
};

G_DEFINE_FINAL_TYPE (SportelloClientsPage, sportello_clients_page, GTK_TYPE_WIDGET)

static void
show_error (SportelloClientsPage *self,
            const GError         *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SPORTELLO_IS_WINDOW (root))
    sportello_window_add_toast (SPORTELLO_WINDOW (root), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

static GtkStringList *
vocabulary_model (SportelloVocabulary  vocabulary,
                  const char          *all_label)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  const SportelloTerm *terms;
  guint n;

  gtk_string_list_append (model, all_label);
  terms = sportello_vocabulary_terms (vocabulary, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, sportello_vocabulary_label (vocabulary, terms[i].id));

  return model;
}

static const char *
selected_term (GtkDropDown         *dropdown,
               SportelloVocabulary  vocabulary)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const SportelloTerm *terms;
  guint n;

  terms = sportello_vocabulary_terms (vocabulary, &n);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > n)
    return NULL;

  return terms[selected - 1].id;
}

static void
reload_tags (SportelloClientsPage *self)
{
  g_autoptr(GtkStringList) model = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  const char *current = NULL;
  guint selected = 0;

  tags = sportello_client_list_tags (self->db, &error);
  if (tags == NULL)
    {
      show_error (self, error);
      return;
    }

  if (self->tags != NULL && gtk_drop_down_get_selected (self->tag_dropdown) > 0)
    current = self->tags[gtk_drop_down_get_selected (self->tag_dropdown) - 1];

  model = gtk_string_list_new (NULL);
  gtk_string_list_append (model, _("All tags"));
  for (guint i = 0; tags[i] != NULL; i++)
    {
      gtk_string_list_append (model, tags[i]);
      if (g_strcmp0 (tags[i], current) == 0)
        selected = i + 1;
    }

  g_signal_handlers_block_matched (self->tag_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
  g_signal_handlers_unblock_matched (self->tag_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&tags);
}

static void
update_stack (SportelloClientsPage *self)
{
  const char *page;

  if (self->list == NULL)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    page = "list";
  else if (sportello_client_list_is_filtered (self->list) || sportello_client_list_count_all (self->list) > 0)
    page = "no-results";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.clear-filters",
                                 sportello_client_list_is_filtered (self->list));
}

/* The retention period set in Preferences, 0 for never */
static guint
retention_years (void)
{
  GApplication *app = g_application_get_default ();

  if (!SPORTELLO_IS_APPLICATION (app))
    return SPORTELLO_RETENTION_NEVER;

  return (guint) g_settings_get_int (sportello_application_get_settings (SPORTELLO_APPLICATION (app)),
                                     "client-retention-years");
}

/* “N clients with no activity for more than X years”, with Review */
static void
update_retention_banner (SportelloClientsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint years = retention_years ();
  guint count = 0;

  if (self->db == NULL || !sportello_retention_count (self->db, years, NULL, &count, &error))
    {
      if (error != NULL)
        show_error (self, error);
      adw_banner_set_revealed (self->retention_banner, FALSE);
      return;
    }

  if (count > 0)
    {
      title = sportello_retention_describe (count, years);
      adw_banner_set_title (self->retention_banner, title);
    }
  adw_banner_set_revealed (self->retention_banner, count > 0);
}

static void
refresh (SportelloClientsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->list == NULL)
    return;

  if (!sportello_client_list_refresh (self->list, &error))
    show_error (self, error);

  reload_tags (self);
  update_stack (self);
  update_retention_banner (self);
}

static void
retention_review_cb (SportelloClientsPage *self)
{
  SportelloRetentionDialog *dialog;

  if (self->db == NULL)
    return;

  dialog = sportello_retention_dialog_new (self->db, retention_years ());
  g_signal_connect_object (dialog, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* An anonymised client is read-only: nothing new is added to it either */
static void
update_client_actions (SportelloClientsPage *self)
{
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->navigation_view);
  gboolean writable = TRUE;

  if (SPORTELLO_IS_CLIENT_PAGE (page) && self->db != NULL)
    writable = !sportello_retention_is_anonymised (self->db, sportello_client_page_get_uuid (SPORTELLO_CLIENT_PAGE (page)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.new-meeting", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.new-assessment", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.new-document", writable);
}

static void
filters_changed_cb (SportelloClientsPage *self)
{
  guint tag = gtk_drop_down_get_selected (self->tag_dropdown);

  if (self->list == NULL)
    return;

  sportello_client_list_set_status (self->list, selected_term (self->status_dropdown, SPORTELLO_VOCABULARY_STATUS));
  sportello_client_list_set_category (self->list, selected_term (self->category_dropdown, SPORTELLO_VOCABULARY_CATEGORY));
  sportello_client_list_set_tag (self->list, (tag > 0 && self->tags != NULL && tag <= g_strv_length (self->tags))
                                             ? self->tags[tag - 1] : NULL);
  sportello_client_list_set_sort (self->list, gtk_drop_down_get_selected (self->sort_dropdown));
  update_stack (self);
}

static void
search_changed_cb (SportelloClientsPage *self,
                   GtkSearchEntry       *entry)
{
  if (self->list == NULL)
    return;

  sportello_client_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_stack (self);
}

static void
search_activate_cb (SportelloClientsPage *self)
{
  /* Enter opens the first result */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (self->list), 0);

      sportello_clients_page_open_client (self, sportello_client_get_uuid (client));
    }
}

static void
stop_search_cb (SportelloClientsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
list_activate_cb (SportelloClientsPage *self,
                  guint                 position)
{
  g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (client != NULL)
    sportello_clients_page_open_client (self, sportello_client_get_uuid (client));
}

static SportelloClientPage *
visible_client_page (SportelloClientsPage *self)
{
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->navigation_view);

  return SPORTELLO_IS_CLIENT_PAGE (page) ? SPORTELLO_CLIENT_PAGE (page) : NULL;
}

/* Back from a meeting: the client's page shows it too */
static void
popped_cb (SportelloClientsPage *self,
           AdwNavigationPage    *popped)
{
  SportelloClientPage *page = visible_client_page (self);

  if ((SPORTELLO_IS_MEETING_PAGE (popped) || SPORTELLO_IS_ASSESSMENT_PAGE (popped) ||
       SPORTELLO_IS_DOCUMENT_PAGE (popped)) && page != NULL)
    {
      sportello_client_page_reload (page);
      refresh (self);
    }
}

static void
open_meeting_cb (SportelloClientsPage *self,
                 const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  SportelloMeetingPage *page = sportello_meeting_page_new (self->db, uuid, &error);

  if (page == NULL)
    {
      show_error (self, error);
      return;
    }

  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}

static void
open_assessment_cb (SportelloClientsPage *self,
                    const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  SportelloAssessmentPage *page = sportello_assessment_page_new (self->db, uuid, &error);

  if (page == NULL)
    {
      show_error (self, error);
      return;
    }

  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}

static void
open_document_cb (SportelloClientsPage *self,
                  const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  SportelloDocumentPage *page = sportello_document_page_new (self->db, uuid, &error);

  if (page == NULL)
    {
      show_error (self, error);
      return;
    }

  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}

static void
client_new_document_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  SportelloClientsPage *self = SPORTELLO_CLIENTS_PAGE (widget);
  SportelloClientPage *page = visible_client_page (self);
  g_autoptr(SportelloTemplate) template = NULL;
  g_autoptr(SportelloDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = NULL;
  GApplication *app = g_application_get_default ();

  if (page == NULL)
    return;
  if (!(template = sportello_template_lookup (self->db, g_variant_get_string (param, NULL), &error)))
    {
      show_error (self, error);
      return;
    }

  if (SPORTELLO_IS_APPLICATION (app))
    email = g_settings_get_string (sportello_application_get_settings (SPORTELLO_APPLICATION (app)), "consultant-email");

  document = sportello_document_new_from_template (self->db, sportello_client_page_get_uuid (page), template, email, &error);
  if (document == NULL || !sportello_document_save (document, self->db, &error))
    {
      show_error (self, error);
      return;
    }

  sportello_client_page_reload (page);
  open_document_cb (self, sportello_document_get (document, SPORTELLO_DOCUMENT_UUID));
}

static void
client_new_assessment_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  SportelloClientsPage *self = SPORTELLO_CLIENTS_PAGE (widget);
  SportelloClientPage *page = visible_client_page (self);
  g_autoptr(SportelloAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checklist = NULL;

  if (page == NULL)
    return;

  /* the latest version of the checklist in use, or the built-in one */
  {
    GApplication *app = g_application_get_default ();
    g_autofree char *in_use = SPORTELLO_IS_APPLICATION (app)
      ? g_settings_get_string (sportello_application_get_settings (SPORTELLO_APPLICATION (app)), "assessment-checklist")
      : NULL;

    if (in_use != NULL)
      checklist = sportello_checklist_latest_uuid (self->db, in_use);
  }
  if (checklist == NULL && !(checklist = sportello_checklist_store (self->db, sportello_checklist_get_builtin (), &error)))
    {
      show_error (self, error);
      return;
    }

  assessment = sportello_assessment_new (sportello_client_page_get_uuid (page), checklist);
  if (!sportello_assessment_save (assessment, self->db, &error))
    {
      show_error (self, error);
      return;
    }

  sportello_client_page_reload (page);
  open_assessment_cb (self, sportello_assessment_get (assessment, SPORTELLO_ASSESSMENT_UUID));
}

static void
client_new_meeting_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  SportelloClientsPage *self = SPORTELLO_CLIENTS_PAGE (widget);
  SportelloClientPage *page = visible_client_page (self);
  g_autoptr(SportelloMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  const char *participants;

  if (page == NULL)
    return;

  meeting = sportello_meeting_new (sportello_client_page_get_uuid (page));
  participants = sportello_database_get_consultant (self->db);
  sportello_meeting_set (meeting, SPORTELLO_MEETING_PARTICIPANTS, participants);
  if (!sportello_meeting_save (meeting, self->db, &error))
    {
      show_error (self, error);
      return;
    }

  sportello_client_page_reload (page);
  open_meeting_cb (self, sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
}

static void
client_saved_cb (SportelloClientsPage *self,
                 SportelloClient      *client)
{
  SportelloClientPage *page = visible_client_page (self);

  refresh (self);

  if (page != NULL && g_strcmp0 (sportello_client_page_get_uuid (page), sportello_client_get_uuid (client)) == 0)
    sportello_client_page_reload (page);
  else
    sportello_clients_page_open_client (self, sportello_client_get_uuid (client));
}

static void
open_existing_cb (SportelloClientsPage *self,
                  const char           *uuid)
{
  sportello_clients_page_open_client (self, uuid);
}

static void
present_editor (SportelloClientsPage *self,
                SportelloClient      *client)
{
  SportelloClientEditor *editor = sportello_client_editor_new (self->db, client);

  g_signal_connect_object (editor, "saved", G_CALLBACK (client_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "open-existing", G_CALLBACK (open_existing_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (editor), GTK_WIDGET (self));
}

static void
purge_pending (SportelloClientsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db == NULL || self->pending_deletes->len == 0)
    return;

  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (!sportello_client_purge_trashed (self->db, g_ptr_array_index (self->pending_deletes, i), &error))
      {
        g_warning ("Cannot delete a client: %s", error->message);
        g_clear_error (&error);
      }

  g_ptr_array_set_size (self->pending_deletes, 0);
}

static void
delete_toast_dismissed_cb (SportelloClientsPage *self,
                           AdwToast             *toast)
{
  if (self->delete_toast == toast)
    self->delete_toast = NULL;

  purge_pending (self);
}

static void
undo_delete_cb (SportelloClientsPage *self,
                AdwToast             *toast)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (!sportello_client_restore (self->db, g_ptr_array_index (self->pending_deletes, i), &error))
      {
        show_error (self, error);
        g_clear_error (&error);
      }

  g_ptr_array_set_size (self->pending_deletes, 0);
  refresh (self);
}

static void
client_delete_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SportelloClientsPage *self = SPORTELLO_CLIENTS_PAGE (widget);
  SportelloClientPage *page = visible_client_page (self);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GtkRoot *root;

  if (page == NULL)
    return;

  uuid = g_strdup (sportello_client_page_get_uuid (page));
  if (!sportello_client_trash (self->db, uuid, &error))
    {
      show_error (self, error);
      return;
    }

  g_ptr_array_add (self->pending_deletes, g_steal_pointer (&uuid));
  adw_navigation_view_pop (self->navigation_view);
  refresh (self);

  if (self->pending_deletes->len == 1)
    /* Translators: %s is the client's name */
    title = g_strdup_printf (_("“%s” deleted"), adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (page)));
  else
    title = g_strdup_printf (ngettext ("%u client deleted", "%u clients deleted", self->pending_deletes->len),
                             self->pending_deletes->len);

  /* Repeated deletes share one toast */
  if (self->delete_toast != NULL)
    {
      adw_toast_set_title (self->delete_toast, title);
      return;
    }

  self->delete_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->delete_toast, _("_Undo"));
  adw_toast_set_priority (self->delete_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->delete_toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delete_toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), self, G_CONNECT_SWAPPED);

  root = gtk_widget_get_root (widget);
  if (SPORTELLO_IS_WINDOW (root))
    sportello_window_add_toast (SPORTELLO_WINDOW (root), self->delete_toast);
}

static void
set_status (SportelloClientsPage *self,
            const char           *uuid,
            const char           *status)
{
  g_autoptr(SportelloClient) client = NULL;
  g_autoptr(GError) error = NULL;
  SportelloClientPage *page;

  if (!(client = sportello_client_load (self->db, uuid, &error)))
    {
      show_error (self, error);
      return;
    }

  sportello_client_set (client, SPORTELLO_CLIENT_STATUS, status);
  if (!sportello_client_save (client, self->db, &error))
    {
      show_error (self, error);
      return;
    }

  refresh (self);
  if ((page = visible_client_page (self)) && g_strcmp0 (sportello_client_page_get_uuid (page), uuid) == 0)
    sportello_client_page_reload (page);
}

typedef struct
{
  SportelloClientsPage *self;
  char                 *uuid;
  char                 *status;
} ArchiveUndo;

static void
archive_undo_free (gpointer data)
{
  ArchiveUndo *undo = data;

  g_object_unref (undo->self);
  g_free (undo->uuid);
  g_free (undo->status);
  g_free (undo);
}

static void
undo_archive_cb (AdwToast    *toast,
                 ArchiveUndo *undo)
{
  set_status (undo->self, undo->uuid, undo->status);
}

static void
client_archive_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SportelloClientsPage *self = SPORTELLO_CLIENTS_PAGE (widget);
  SportelloClientPage *page = visible_client_page (self);
  SportelloClient *client;
  ArchiveUndo *undo;
  AdwToast *toast;
  gboolean archived = g_str_equal (action_name, "client.unarchive");

  if (page == NULL)
    return;

  client = sportello_client_page_get_client (page);

  undo = g_new0 (ArchiveUndo, 1);
  undo->self = g_object_ref (self);
  undo->uuid = g_strdup (sportello_client_get_uuid (client));
  undo->status = g_strdup (sportello_client_get (client, SPORTELLO_CLIENT_STATUS));

  set_status (self, undo->uuid, archived ? "followed" : "archived");

  toast = adw_toast_new (archived ? _("Client restored from the archive") : _("Client archived"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_archive_cb), undo,
                         (GClosureNotify) (void (*) (void)) archive_undo_free, 0);
  sportello_window_add_toast (SPORTELLO_WINDOW (gtk_widget_get_root (widget)), toast);
}

static void
erase_response_cb (SportelloClientsPage *self,
                   const char           *response,
                   AdwAlertDialog       *dialog)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "uuid");

  if (g_strcmp0 (response, "erase") != 0)
    return;

  /* the retention's erasure: the exchanged versions and the import log's
   * file names go too, and the full-text indexes keep no term of it */
  if (!sportello_retention_erase (self->db, uuid, &error))
    {
      show_error (self, error);
      return;
    }

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  refresh (self);
  sportello_window_add_toast (SPORTELLO_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                              adw_toast_new (_("All the client’s data was erased")));
}

static void
client_erase_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SportelloClientsPage *self = SPORTELLO_CLIENTS_PAGE (widget);
  SportelloClientPage *page = visible_client_page (self);
  AdwDialog *dialog;
  g_autofree char *body = NULL;

  if (page == NULL)
    return;

  /* The name goes in the body: a heading does not wrap. Translators: %s
   * is the client's name */
  body = g_strdup_printf (_("“%s”: the file, contacts and everything attached to it are removed for "
                            "good, as the GDPR right to erasure requires. This cannot be undone."),
                          adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (page)));
  dialog = adw_alert_dialog_new (_("Erase the Client?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "erase", _("_Erase"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "uuid", g_strdup (sportello_client_page_get_uuid (page)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
client_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SportelloClientsPage *self = SPORTELLO_CLIENTS_PAGE (widget);
  SportelloClientPage *page = visible_client_page (self);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (page != NULL && SPORTELLO_IS_WINDOW (root))
    sportello_handoff_choose_export (SPORTELLO_WINDOW (root), sportello_client_page_get_uuid (page));
}

static void
client_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SportelloClientsPage *self = SPORTELLO_CLIENTS_PAGE (widget);
  SportelloClientPage *page = visible_client_page (self);

  if (page != NULL)
    present_editor (self, sportello_client_page_get_client (page));
}

static void
clients_new_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  sportello_clients_page_new_client (SPORTELLO_CLIENTS_PAGE (widget));
}

static void
clients_clear_filters_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  SportelloClientsPage *self = SPORTELLO_CLIENTS_PAGE (widget);

  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, g_object_new (SPORTELLO_TYPE_CLIENT_ROW, NULL));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  SportelloClient *client = gtk_list_item_get_item (item);
  g_autofree char *label = sportello_client_row_describe (client);

  sportello_client_row_set_client (SPORTELLO_CLIENT_ROW (gtk_list_item_get_child (item)), client);
  gtk_list_item_set_accessible_label (item, label);
}

static void
sportello_clients_page_dispose (GObject *object)
{
  SportelloClientsPage *self = (SportelloClientsPage *)object;

  sportello_clients_page_flush_deletes (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_CLIENTS_PAGE);
  /* the template's unnamed root child too */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  g_clear_object (&self->list);
  g_clear_object (&self->db);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->pending_deletes, g_ptr_array_unref);

  G_OBJECT_CLASS (sportello_clients_page_parent_class)->dispose (object);
}

static void
sportello_clients_page_class_init (SportelloClientsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_clients_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-clients-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsPage, retention_banner);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, retention_review_cb);

  gtk_widget_class_install_action (widget_class, "clients.new", NULL, clients_new_action);
  gtk_widget_class_install_action (widget_class, "clients.clear-filters", NULL, clients_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "client.edit", NULL, client_edit_action);
  gtk_widget_class_install_action (widget_class, "client.export", NULL, client_export_action);
  gtk_widget_class_install_action (widget_class, "client.new-meeting", NULL, client_new_meeting_action);
  gtk_widget_class_install_action (widget_class, "client.new-assessment", NULL, client_new_assessment_action);
  gtk_widget_class_install_action (widget_class, "client.new-document", "s", client_new_document_action);
  gtk_widget_class_install_action (widget_class, "client.archive", NULL, client_archive_action);
  gtk_widget_class_install_action (widget_class, "client.unarchive", NULL, client_archive_action);
  gtk_widget_class_install_action (widget_class, "client.delete", NULL, client_delete_action);
  gtk_widget_class_install_action (widget_class, "client.erase", NULL, client_erase_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "client.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "client.edit", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SPORTELLO_TYPE_CLIENT_ROW);
}

static void
sportello_clients_page_init (SportelloClientsPage *self)
{
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) categories = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending_deletes = g_ptr_array_new_with_free_func (g_free);

  statuses = vocabulary_model (SPORTELLO_VOCABULARY_STATUS, _("All statuses"));
  categories = vocabulary_model (SPORTELLO_VOCABULARY_CATEGORY, _("All categories"));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_object (self->navigation_view, "popped", G_CALLBACK (popped_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.clear-filters", FALSE);

  g_signal_connect_object (self->navigation_view, "notify::visible-page",
                           G_CALLBACK (update_client_actions), self, G_CONNECT_SWAPPED);
  {
    GApplication *app = g_application_get_default ();

    if (SPORTELLO_IS_APPLICATION (app))
      g_signal_connect_object (sportello_application_get_settings (SPORTELLO_APPLICATION (app)),
                               "changed::client-retention-years",
                               G_CALLBACK (update_retention_banner), self, G_CONNECT_SWAPPED);
  }
}

void
sportello_clients_page_set_database (SportelloClientsPage *self,
                                     SportelloDatabase    *db)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (SPORTELLO_IS_CLIENTS_PAGE (self));

  if (!g_set_object (&self->db, db))
    return;

  g_clear_object (&self->list);
  self->list = sportello_client_list_new (db);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  refresh (self);
}

GListModel *
sportello_clients_page_get_model (SportelloClientsPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->list);
}

void
sportello_clients_page_new_client (SportelloClientsPage *self)
{
  g_autoptr(SportelloClient) client = sportello_client_new ();

  g_return_if_fail (SPORTELLO_IS_CLIENTS_PAGE (self));

  if (self->db != NULL)
    present_editor (self, client);
}

void
sportello_clients_page_start_search (SportelloClientsPage *self)
{
  g_return_if_fail (SPORTELLO_IS_CLIENTS_PAGE (self));

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
sportello_clients_page_open_client (SportelloClientsPage *self,
                                    const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  SportelloClientPage *page;

  g_return_if_fail (SPORTELLO_IS_CLIENTS_PAGE (self));

  page = sportello_client_page_new (self->db, uuid, &error);
  if (page == NULL)
    {
      show_error (self, error);
      return;
    }

  g_signal_connect_object (page, "open-meeting", G_CALLBACK (open_meeting_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "open-document", G_CALLBACK (open_document_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "open-assessment", G_CALLBACK (open_assessment_cb), self, G_CONNECT_SWAPPED);
  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}

/* Deletes for real what is waiting for its Undo toast to go away. */
void
sportello_clients_page_flush_deletes (SportelloClientsPage *self)
{
  g_return_if_fail (SPORTELLO_IS_CLIENTS_PAGE (self));

  if (self->pending_deletes != NULL)
    purge_pending (self);
}

/* Reads everything again, the open client too (after an import) */
void
sportello_clients_page_reload (SportelloClientsPage *self)
{
  SportelloClientPage *page;

  g_return_if_fail (SPORTELLO_IS_CLIENTS_PAGE (self));

  refresh (self);
  if ((page = visible_client_page (self)) != NULL && !sportello_client_page_reload (page))
    adw_navigation_view_pop_to_tag (self->navigation_view, "list");
}
