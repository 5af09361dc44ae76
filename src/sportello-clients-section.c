/* sportello-clients-section.c: the Clients section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of clients follows the database by itself (SportelloClientList);
 * the section follows the clients for its tag filter and whether the list
 * is empty. It opens the client pages and what they ask for, and keeps the
 * deleted clients until their Undo toast goes away.
 */

#define G_LOG_DOMAIN "sportello-clients-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-assessment-page.h"
#include "sportello-client-dialog.h"
#include "sportello-client-list.h"
#include "sportello-client-page.h"
#include "sportello-client-row.h"
#include "sportello-client-slots.h"
#include "sportello-clients-section-private.h"
#include "sportello-document-page.h"
#include "sportello-meeting-page.h"
#include "sportello-meeting.h"
#include "sportello-memory.h"
#include "sportello-retention.h"
#include "sportello-retention-dialog.h"
#include "sportello-section.h"
#include "sportello-vocabulary.h"

static void section_iface_init (SportelloSectionInterface *iface);
static void list_view_realize_cb (SportelloClientsSection *self);
static void stop_waiting_for_first_frame (SportelloClientsSection *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloClientsSection, sportello_clients_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SPORTELLO_TYPE_SECTION, section_iface_init))

void
_sportello_clients_section_show_error (SportelloClientsSection *self,
                                       const GError            *error)
{
  sportello_context_toast_error (self->context, error);
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

/* The tags of 50,000 clients take a while to read: on a worker, with a
 * connection of its own, so neither the first frame nor a save waits */
static void
tags_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data, &error);
  GStrv tags = NULL;

  if (db == NULL || !(tags = sportello_client_list_tags (db, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tags, (GDestroyNotify) g_strfreev);
}

static void
tags_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SportelloClientsSection *self = SPORTELLO_CLIENTS_SECTION (object);
  g_autoptr(GtkStringList) model = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  const char *current = NULL;
  guint selected = 0;

  tags = g_task_propagate_pointer (G_TASK (result), &error);
  if (tags == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _sportello_clients_section_show_error (self, error);
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
reload_tags (SportelloClientsSection *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->tags_cancellable != NULL)
    g_cancellable_cancel (self->tags_cancellable);
  g_clear_object (&self->tags_cancellable);
  self->tags_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->tags_cancellable, tags_read_cb, NULL);
  g_task_set_source_tag (task, reload_tags);
  g_task_set_task_data (task, g_path_get_dirname (sportello_database_get_path (self->db)), g_free);
  g_task_run_in_thread (task, tags_thread);
}

static void
update_stack (SportelloClientsSection *self)
{
  const char *page;

  if (self->list == NULL)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.clear-filters",
                                 sportello_client_list_is_filtered (self->list));

  /* an empty list that is still loading says nothing yet */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0 && sportello_client_list_get_loading (self->list))
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    page = "list";
  else if (sportello_client_list_is_filtered (self->list) || sportello_client_list_count_all (self->list) > 0)
    page = "no-results";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* The retention period set in Preferences, 0 for never */
static guint
retention_years (SportelloClientsSection *self)
{
  if (self->context == NULL)
    return SPORTELLO_RETENTION_NEVER;

  return (guint) g_settings_get_int (sportello_context_get_settings (self->context), "client-retention-years");
}

/* “N clients with no activity for more than X years”, with Review */
static void
update_retention_banner (SportelloClientsSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint years = retention_years (self);
  guint count = 0;

  if (self->db == NULL || !sportello_retention_count (self->db, years, NULL, &count, &error))
    {
      if (error != NULL)
        _sportello_clients_section_show_error (self, error);
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

/* the list reloads itself; the tags and the empty state follow */
static void
reload (SportelloSection *section)
{
  SportelloClientsSection *self = SPORTELLO_CLIENTS_SECTION (section);

  reload_tags (self);
  update_stack (self);
  update_retention_banner (self);
}

static void
retention_review_cb (SportelloClientsSection *self)
{
  SportelloRetentionDialog *dialog;

  if (self->db == NULL)
    return;

  /* what it keeps, erases or anonymises reaches the list as a change */
  dialog = sportello_retention_dialog_new (self->db, retention_years (self));
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
filters_changed_cb (SportelloClientsSection *self)
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
search_changed_cb (SportelloClientsSection *self,
                   GtkSearchEntry       *entry)
{
  if (self->list == NULL)
    return;

  sportello_client_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_stack (self);
}

static void
search_activate_cb (SportelloClientsSection *self)
{
  /* Enter opens the first result */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (self->list), 0);

      sportello_clients_section_open_client (self, sportello_client_get_uuid (client));
    }
}

static void
stop_search_cb (SportelloClientsSection *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
list_activate_cb (SportelloClientsSection *self,
                  guint                 position)
{
  g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (client != NULL)
    sportello_clients_section_open_client (self, sportello_client_get_uuid (client));
}

static void
open_meeting_cb (SportelloClientsSection *self,
                 const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  SportelloMeetingPage *page = sportello_meeting_page_new (self->context, uuid, &error);

  if (page == NULL)
    {
      _sportello_clients_section_show_error (self, error);
      return;
    }

  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}

static void
open_assessment_cb (SportelloClientsSection *self,
                    const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  SportelloAssessmentPage *page = sportello_assessment_page_new (self->context, uuid, &error);

  if (page == NULL)
    {
      _sportello_clients_section_show_error (self, error);
      return;
    }

  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}

static void
open_document_cb (SportelloClientsSection *self,
                  const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  SportelloDocumentPage *page = sportello_document_page_new (self->context, uuid, &error);

  if (page == NULL)
    {
      _sportello_clients_section_show_error (self, error);
      return;
    }

  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}

static void
open_existing_cb (SportelloClientsSection *self,
                  const char           *uuid)
{
  sportello_clients_section_open_client (self, uuid);
}

/* a new client is shown once saved; the list shows it by itself */
static void
client_saved_cb (SportelloClientsSection *self,
                 SportelloClient      *client)
{
  sportello_clients_section_open_client (self, sportello_client_get_uuid (client));
}

static void
present_editor (SportelloClientsSection *self,
                SportelloClient      *client)
{
  SportelloClientDialog *editor = sportello_client_dialog_new (self->db, client);

  g_signal_connect_object (editor, "saved", G_CALLBACK (client_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "open-existing", G_CALLBACK (open_existing_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (editor), GTK_WIDGET (self));
}

static void
purge_pending (SportelloClientsSection *self)
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
delete_toast_dismissed_cb (SportelloClientsSection *self,
                           AdwToast             *toast)
{
  if (self->delete_toast == toast)
    self->delete_toast = NULL;

  purge_pending (self);
}

static void
undo_delete_cb (SportelloClientsSection *self,
                AdwToast             *toast)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (!sportello_client_restore (self->db, g_ptr_array_index (self->pending_deletes, i), &error))
      {
        _sportello_clients_section_show_error (self, error);
        g_clear_error (&error);
      }

  g_ptr_array_set_size (self->pending_deletes, 0);
}

/* A client page put its client in the trash: it is purged when the toast
 * goes away, unless Undo brings it back */
static void
client_trashed_cb (SportelloClientsSection *self,
                   const char           *uuid,
                   const char           *name)
{
  g_autofree char *title = NULL;

  g_ptr_array_add (self->pending_deletes, g_strdup (uuid));

  if (self->pending_deletes->len == 1)
    /* Translators: %s is the client's name */
    title = g_strdup_printf (_("“%s” deleted"), name);
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
  sportello_context_toast (self->context, self->delete_toast);
}

static void
clients_new_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  sportello_clients_section_new_client (SPORTELLO_CLIENTS_SECTION (widget));
}

static void
clients_search_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  sportello_clients_section_start_search (SPORTELLO_CLIENTS_SECTION (widget));
}

static void
clients_clear_filters_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  SportelloClientsSection *self = SPORTELLO_CLIENTS_SECTION (widget);

  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ------------------------------------------------------ spreadsheets ---- */

static void row_client_cb (SportelloClientsSection *self,
                           GParamSpec              *pspec,
                           SportelloClientRow      *row);

/* A row lives as long as its list item, and follows the slot it is
 * bound to: a search changes its client, not the row */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SportelloClientsSection  *self)
{
  GtkWidget *row = g_object_new (SPORTELLO_TYPE_CLIENT_ROW, NULL);

  g_object_set_data (G_OBJECT (row), "sportello-list-item", item);
  g_signal_connect_object (row, "notify::client", G_CALLBACK (row_client_cb), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, row);
}

typedef struct
{
  SportelloClientsSection *page;
  GPtrArray            *rows;      /* SportelloClientRow */
  GPtrArray            *clients;   /* each row's client when asked */
} MatchBatch;

static void
match_batch_free (MatchBatch *batch)
{
  g_object_unref (batch->page);
  g_ptr_array_unref (batch->rows);
  g_ptr_array_unref (batch->clients);
  g_free (batch);
}

static void
matches_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MatchBatch *batch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) matches = sportello_client_list_dup_matches_finish (SPORTELLO_CLIENT_LIST (source), result, &error);

  /* cancelled: a new search, or the page is going */
  if (matches != NULL)
    for (guint i = 0; i < batch->rows->len; i++)
      {
        SportelloClientRow *row = g_ptr_array_index (batch->rows, i);
        SportelloClient *client = g_ptr_array_index (batch->clients, i);
        gint64 id = sportello_client_get_id (client);

        /* a row bound to another client since waits for a lookup of its own */
        if (sportello_client_row_get_client (row) == client)
          sportello_client_row_set_match (row, g_hash_table_lookup (matches, &id));
      }

  match_batch_free (batch);
}

/* The rows waiting, in one request to the list's worker: the rows bound
 * since the last keystroke are those on screen and a few more */
static gboolean
match_idle_cb (gpointer data)
{
  SportelloClientsSection *self = data;
  MatchBatch *batch;

  self->match_idle = 0;
  if (self->match_rows->len == 0)
    return G_SOURCE_REMOVE;

  batch = g_new0 (MatchBatch, 1);
  batch->page = g_object_ref (self);
  batch->rows = g_steal_pointer (&self->match_rows);
  batch->clients = g_ptr_array_new_with_free_func (g_object_unref);
  self->match_rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      SportelloClient *client = sportello_client_row_get_client (g_ptr_array_index (batch->rows, i));

      /* ask_match() took only rows with a client, which they keep */
      g_ptr_array_add (batch->clients, client ? g_object_ref (client) : sportello_client_new ());
    }

  sportello_client_list_dup_matches_async (self->list, batch->clients, self->match_cancellable,
                                           matches_done_cb, batch);

  return G_SOURCE_REMOVE;
}

/* Whether @row says why its client is in the results of the search */
static void
ask_match (SportelloClientsSection *self,
           SportelloClientRow      *row)
{
  SportelloClient *client = sportello_client_row_get_client (row);
  gboolean needs_match;

  needs_match = self->list != NULL && client != NULL && sportello_client_list_needs_match (self->list, client);
  /* the line for why is there from the start, so that the row keeps its
   * height when the words come and the list does not measure again */
  sportello_client_row_set_match_pending (row, needs_match);

  /* found by its notes: the row says so once the worker has looked, for
   * all the rows bound together, after the frame (the main loop does not
   * wait for it) */
  if (needs_match && !g_ptr_array_find (self->match_rows, row, NULL))
    {
      g_ptr_array_add (self->match_rows, g_object_ref (row));
      if (self->match_idle == 0)
        self->match_idle = g_idle_add_full (G_PRIORITY_LOW, match_idle_cb, self, NULL);
    }
}

/* @row shows another client (or is bound): what a screen reader says
 * for it, and why the client is in the results */
static void
row_shows_client (SportelloClientsSection *self,
                  SportelloClientRow      *row)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (row), "sportello-list-item");
  g_autofree char *label = sportello_client_row_describe (sportello_client_row_get_client (row));

  gtk_list_item_set_accessible_label (item, label ? label : "");
  ask_match (self, row);
}

/* only while bound: the row's slot gave it another client */
static void
row_client_cb (SportelloClientsSection *self,
               GParamSpec              *pspec,
               SportelloClientRow      *row)
{
  row_shows_client (self, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SportelloClientsSection     *self)
{
  SportelloClientSlot *slot = gtk_list_item_get_item (item);
  SportelloClientRow *row = SPORTELLO_CLIENT_ROW (gtk_list_item_get_child (item));
  SportelloClient *before = sportello_client_row_get_client (row);

  if (!g_ptr_array_find (self->bound_rows, row, NULL))
    g_ptr_array_add (self->bound_rows, row);
  /* a new client is told by notify::client; the same one here */
  sportello_client_row_set_slot (row, slot);
  if (sportello_client_row_get_client (row) == before)
    row_shows_client (self, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SportelloClientsSection     *self)
{
  sportello_client_row_set_slot (SPORTELLO_CLIENT_ROW (gtk_list_item_get_child (item)), NULL);
  /* mostly its list item goes, with 150 others when a search leaves
   * fewer results than there are rows: the row goes a little later (the
   * list item has no child any more at teardown) */
  if (self->list_view != NULL)
    sportello_client_rows_let_go (GTK_WIDGET (self->list_view), SPORTELLO_CLIENT_ROW (gtk_list_item_get_child (item)));
  if (self->match_rows != NULL)
    g_ptr_array_remove_fast (self->match_rows, gtk_list_item_get_child (item));
  if (self->bound_rows != NULL)
    g_ptr_array_remove_fast (self->bound_rows, gtk_list_item_get_child (item));
}

/* A new search's results are listed: the list keeps the rows of the
 * clients still in them, bound as they were, so they look again at why
 * their client is there (the rows bound anew have asked already) */
static void
search_shown (SportelloClientsSection *self)
{
  for (guint i = 0; i < self->bound_rows->len; i++)
    {
      SportelloClientRow *row = g_ptr_array_index (self->bound_rows, i);
      GtkListItem *item = g_object_get_data (G_OBJECT (row), "sportello-list-item");
      SportelloClientSlot *slot = gtk_list_item_get_item (item);

      /* a row out of sight that has yet to show its slot's client asks
       * when it does (row_client_cb): not for the client it leaves */
      if (slot != NULL && sportello_client_slot_get_client (slot) != sportello_client_row_get_client (row))
        continue;
      if (!g_ptr_array_find (self->match_rows, row, NULL))
        ask_match (self, row);
    }
}

static void
sportello_clients_section_dispose (GObject *object)
{
  SportelloClientsSection *self = (SportelloClientsSection *)object;

  sportello_clients_section_flush_deletes (self);
  if (self->tags_cancellable != NULL)
    g_cancellable_cancel (self->tags_cancellable);
  g_clear_object (&self->tags_cancellable);
  g_cancellable_cancel (self->match_cancellable);
  g_clear_handle_id (&self->match_idle, g_source_remove);
  g_clear_handle_id (&self->spare_idle, g_source_remove);
  g_clear_object (&self->spare_page);
  stop_waiting_for_first_frame (self);
  if (self->match_rows != NULL)
    g_ptr_array_set_size (self->match_rows, 0);
  if (self->bound_rows != NULL)
    g_ptr_array_set_size (self->bound_rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_CLIENTS_SECTION);
  /* the template's unnamed root child too */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  g_clear_object (&self->slots);
  g_clear_object (&self->list);
  self->db = NULL;
  g_clear_object (&self->context);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->pending_deletes, g_ptr_array_unref);
  g_clear_pointer (&self->match_rows, g_ptr_array_unref);
  g_clear_pointer (&self->bound_rows, g_ptr_array_unref);
  g_clear_object (&self->match_cancellable);

  G_OBJECT_CLASS (sportello_clients_section_parent_class)->dispose (object);
}

/* a client page closed freed its widgets */
static void
page_popped_cb (AdwNavigationView *view,
                AdwNavigationPage *page)
{
  sportello_memory_release_soon ();
}

static void
sportello_clients_section_class_init (SportelloClientsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_clients_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-clients-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, new_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, list_page);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, list_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientsSection, retention_banner);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, retention_review_cb);

  gtk_widget_class_install_action (widget_class, "clients.new", NULL, clients_new_action);
  gtk_widget_class_install_action (widget_class, "clients.search", NULL, clients_search_action);
  gtk_widget_class_install_action (widget_class, "clients.clear-filters", NULL, clients_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "clients.import-csv", NULL, _sportello_clients_section_import_csv_action);
  gtk_widget_class_install_action (widget_class, "clients.export-csv", NULL, _sportello_clients_section_export_csv_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SPORTELLO_TYPE_CLIENT_ROW);
}

static void
sportello_clients_section_init (SportelloClientsSection *self)
{
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) categories = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending_deletes = g_ptr_array_new_with_free_func (g_free);
  self->match_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->bound_rows = g_ptr_array_new ();
  self->match_cancellable = g_cancellable_new ();

  statuses = vocabulary_model (SPORTELLO_VOCABULARY_STATUS, _("All statuses"));
  categories = vocabulary_model (SPORTELLO_VOCABULARY_CATEGORY, _("All categories"));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect_object (self->list_view, "realize", G_CALLBACK (list_view_realize_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->navigation_view, "popped", G_CALLBACK (page_popped_cb), NULL);

  /* AdwSplitButton's "+" part has only an icon, and screen readers
   * named it after the drop-down next to it: it is New Client */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->new_button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && !GTK_IS_MENU_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Client"),
                                      -1);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.clear-filters", FALSE);

}

static void
list_changed_cb (SportelloClientsSection *self)
{
  update_stack (self);
}

static gboolean
spare_idle_cb (gpointer data)
{
  SportelloClientsSection *self = data;

  self->spare_idle = 0;
  if (self->spare_page == NULL)
    {
      gint64 start = g_get_monotonic_time ();

      self->spare_page = sportello_client_page_new_spare ();
      g_debug ("The next client page made in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
    }

  return G_SOURCE_REMOVE;
}

/* The next client page is made when nothing else is to be done (after a
 * page's own filling, which is idle work too) */
static void
want_spare_page (SportelloClientsSection *self)
{
  if (self->spare_page == NULL && self->spare_idle == 0)
    self->spare_idle = g_idle_add_full (G_PRIORITY_LOW, spare_idle_cb, self, NULL);
}

static void
stop_waiting_for_first_frame (SportelloClientsSection *self)
{
  if (self->first_frame_clock != NULL)
    g_clear_signal_handler (&self->first_frame_id, self->first_frame_clock);
  g_clear_object (&self->first_frame_clock);
}

/* The list view shows the clients: it makes a row for each of the first
 * 200, which a window with 50,000 clients should not wait for */
static void
attach_list (SportelloClientsSection *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  stop_waiting_for_first_frame (self);
  if (self->list == NULL || gtk_list_view_get_model (self->list_view) != NULL)
    return;

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static gboolean
attach_list_idle_cb (gpointer data)
{
  g_autoptr(SportelloClientsSection) self = data;

  attach_list (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (SportelloClientsSection *self)
{
  stop_waiting_for_first_frame (self);
  /* out of the frame clock's cycle */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, attach_list_idle_cb, g_object_ref (self), NULL);
  /* then, when the loop has nothing else to do, the page the first
   * client opens in */
  want_spare_page (self);
}

static void
list_view_realize_cb (SportelloClientsSection *self)
{
  if (self->list == NULL || gtk_list_view_get_model (self->list_view) != NULL || self->first_frame_clock != NULL)
    return;

  self->first_frame_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view)));
  self->first_frame_id = g_signal_connect_swapped (self->first_frame_clock, "after-paint",
                                                   G_CALLBACK (first_frame_cb), self);
}

static void
list_loading_cb (SportelloClientsSection *self)
{
  gboolean loading = sportello_client_list_get_loading (self->list);

  /* the rows out of sight wait for the newest results */
  if (self->list_view != NULL)
    sportello_client_rows_hold (GTK_WIDGET (self->list_view), loading);
  if (!loading)
    {
      search_shown (self);
      /* a search of 50,000 clients freed its ids and the rows it let go */
      sportello_memory_release_soon ();
    }
  update_stack (self);
}

static void
context_set (SportelloSection *section,
             SportelloContext *context)
{
  SportelloClientsSection *self = SPORTELLO_CLIENTS_SECTION (section);
  g_autoptr(GError) error = NULL;

  self->context = g_object_ref (context);
  self->db = sportello_context_get_database (context);
  g_signal_connect_object (sportello_context_get_settings (context), "changed::client-retention-years",
                           G_CALLBACK (update_retention_banner), self, G_CONNECT_SWAPPED);
  self->list = sportello_client_list_new (self->db);
  /* 50,000 clients fill in behind the first frame, and typing never waits */
  sportello_client_list_set_background (self->list);
  /* first, so that the rows follow a change before the section hears it */
  self->slots = sportello_client_slots_new (self->list);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (list_loading_cb), self, G_CONNECT_SWAPPED);
  /* the query starts now, on the worker; the list view takes the clients
   * after its first frame (at once if it has painted already) */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    attach_list (self);
  else if (gtk_widget_get_realized (GTK_WIDGET (self->list_view)))
    list_view_realize_cb (self);

  /* the tags and the empty state follow when the section is shown */
  if (!sportello_client_list_refresh (self->list, &error))
    _sportello_clients_section_show_error (self, error);
}

static void
finish (SportelloSection *section)
{
  sportello_clients_section_flush_deletes (SPORTELLO_CLIENTS_SECTION (section));
}

static void
section_iface_init (SportelloSectionInterface *iface)
{
  static const char * const follows[] = { SPORTELLO_CHANGE_CLIENT, NULL };

  iface->follows = follows;
  iface->reload = reload;
  iface->context_set = context_set;
  iface->finish = finish;
}

GListModel *
sportello_clients_section_get_model (SportelloClientsSection *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENTS_SECTION (self), NULL);

  return G_LIST_MODEL (self->list);
}

void
sportello_clients_section_new_client (SportelloClientsSection *self)
{
  g_autoptr(SportelloClient) client = sportello_client_new ();

  g_return_if_fail (SPORTELLO_IS_CLIENTS_SECTION (self));

  if (self->db != NULL)
    present_editor (self, client);
}

void
sportello_clients_section_start_search (SportelloClientsSection *self)
{
  g_return_if_fail (SPORTELLO_IS_CLIENTS_SECTION (self));

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
page_loaded_cb (SportelloClientsSection *self)
{
  want_spare_page (self);
}

void
sportello_clients_section_open_client (SportelloClientsSection *self,
                                    const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloClientPage) page = NULL;

  g_return_if_fail (SPORTELLO_IS_CLIENTS_SECTION (self));

  page = sportello_client_page_new (self->context, uuid, g_steal_pointer (&self->spare_page), &error);
  if (page == NULL)
    {
      _sportello_clients_section_show_error (self, error);
      want_spare_page (self);
      return;
    }
  /* the next page is made once this one is on screen and filled, not
   * in the wait for its first frame */
  g_signal_connect_object (page, "notify::loaded", G_CALLBACK (page_loaded_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (page, "trashed", G_CALLBACK (client_trashed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "open-client", G_CALLBACK (open_existing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "open-meeting", G_CALLBACK (open_meeting_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "open-document", G_CALLBACK (open_document_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "open-assessment", G_CALLBACK (open_assessment_cb), self, G_CONNECT_SWAPPED);
  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}

/* Deletes for real what is waiting for its Undo toast to go away. */
void
sportello_clients_section_flush_deletes (SportelloClientsSection *self)
{
  g_return_if_fail (SPORTELLO_IS_CLIENTS_SECTION (self));

  if (self->pending_deletes != NULL)
    purge_pending (self);
}
