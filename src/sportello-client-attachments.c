/* sportello-client-attachments.c: the files that belong to a client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group of the client page: its attachments, the last added first, each
 * with its name, type, size and the day it was added. Files come in by the
 * file dialog (client.add-attachment) or dropped on the page, and are
 * copied on a worker thread with a connection of its own, so a large file
 * never stops the window; the list follows the database by itself. A file
 * opens as a copy (GtkFileLauncher), so an application that writes to it
 * cannot change what is stored. Delete offers Undo in a toast, and is
 * final when the toast goes (or at the next start, should the app stop
 * first).
 */

#define G_LOG_DOMAIN "sportello-client-attachments"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sportello-attachment.h"
#include "sportello-client-attachments.h"
#include "sportello-format.h"
#include "sportello-job.h"
#include "sportello-section.h"

struct _SportelloClientAttachments
{
  AdwPreferencesGroup  parent_instance;

  SportelloContext    *context;
  char                *client_uuid;
  gboolean             following;
  GtkListBox          *list;
  GtkWidget           *add_button;
  GtkWidget           *spinner;
  GCancellable        *cancellable;
  guint                working;
};

G_DEFINE_FINAL_TYPE (SportelloClientAttachments, sportello_client_attachments, ADW_TYPE_PREFERENCES_GROUP)

static SportelloDatabase *
database (SportelloClientAttachments *self)
{
  return sportello_context_get_database (self->context);
}

static GtkWindow *
parent_window (SportelloClientAttachments *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* “Documento PDF · 1,2 MB · 1 dicembre 2026” */
static char *
describe (SportelloAttachment *attachment)
{
  g_autofree char *type = g_content_type_from_mime_type (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_MEDIA_TYPE));
  g_autofree char *kind = g_content_type_get_description (type != NULL ? type : "application/octet-stream");
  g_autofree char *size = g_format_size (sportello_attachment_get_size (attachment));
  g_autofree char *added = sportello_format_date_long (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_CREATED_AT));

  /* Translators: an attachment's type, size and the day it was added */
  return g_strdup_printf (_("%s · %s · %s"), kind, size, added);
}

static GtkWidget *
row_button (const char *icon_name,
            const char *tooltip,
            const char *action,
            const char *uuid)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
  return button;
}

static GtkWidget *
attachment_row_new (SportelloAttachment *attachment)
{
  const char *uuid = sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_UUID);
  const char *name = sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME);
  g_autofree char *type = g_content_type_from_mime_type (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_MEDIA_TYPE));
  g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (type != NULL ? type : "application/octet-stream");
  g_autofree char *subtitle = describe (attachment);
  /* Translators: what a screen reader says of an attachment's buttons; %s is its name */
  g_autofree char *rename = g_strdup_printf (_("Rename “%s”"), name);
  g_autofree char *delete = g_strdup_printf (_("Delete “%s”"), name);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_gicon (icon);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("document-edit-symbolic", rename, "attachment.rename", uuid));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("user-trash-symbolic", delete, "attachment.delete", uuid));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "attachment-uuid", g_strdup (uuid), g_free);

  /* Translators: what a screen reader says of an attachment: its name,
   * then its type, size and date; activating it opens the file */
  label = g_strdup_printf (_("%s, %s"), name, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Opens the file"),
                                  -1);
  gtk_widget_set_tooltip_text (row, _("Open"));
  return row;
}

static void
reload (SportelloClientAttachments *self)
{
  g_autoptr(GListModel) attachments = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  gtk_list_box_remove_all (self->list);
  if (self->context == NULL)
    return;

  /* a client just deleted has none: the page goes away */
  if (!(attachments = sportello_attachment_list_for_client (database (self), self->client_uuid, &error)))
    {
      g_debug ("Cannot list the attachments: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (attachments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SportelloAttachment) attachment = g_list_model_get_item (attachments, i);

      gtk_list_box_append (self->list, attachment_row_new (attachment));
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No attachments"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Drop files here, or add them with the + button: a visura camerale, quotes, photos"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->list, row);
    }
}

static void
reload_cb (GtkWidget *widget)
{
  reload (SPORTELLO_CLIENT_ATTACHMENTS (widget));
}

/* ------------------------------------------------------------ adding ---- */

typedef struct
{
  SportelloContext *context;   /* for the toast, should the page be gone by then */
  char      *data_dir;
  char      *consultant;
  char      *hub;
  char      *client_uuid;
  GPtrArray *files;        /* GFile */
  guint      added;
  char      *first_name;   /* of those added */
  char      *too_large;    /* the first added that no bundle can carry */
} AddJob;

static void
add_job_free (AddJob *job)
{
  g_object_unref (job->context);
  g_free (job->data_dir);
  g_free (job->consultant);
  g_free (job->hub);
  g_free (job->client_uuid);
  g_ptr_array_unref (job->files);
  g_free (job->first_name);
  g_free (job->too_large);
  g_free (job);
}

static gboolean
add_thread (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  AddJob *job = data;
  g_autoptr(SportelloDatabase) db = NULL;

  if (!(db = sportello_database_open (job->data_dir, error)))
    return FALSE;
  sportello_database_set_origin (db, job->consultant, job->hub);

  for (guint i = 0; i < job->files->len; i++)
    {
      g_autoptr(SportelloAttachment) attachment = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!(attachment = sportello_attachment_add_file (db, job->client_uuid, g_ptr_array_index (job->files, i),
                                                        cancellable, error)))
        return FALSE;
      if (job->added++ == 0)
        job->first_name = g_strdup (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME));
      if (job->too_large == NULL && sportello_attachment_get_size (attachment) > SPORTELLO_ATTACHMENT_BUNDLE_MAX_FILE)
        job->too_large = g_strdup (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME));
    }

  return TRUE;
}

static void
set_working (SportelloClientAttachments *self,
             int                         delta)
{
  self->working += delta;
  gtk_widget_set_visible (self->spinner, self->working > 0);
  gtk_widget_set_sensitive (self->add_button, self->working == 0);
}

static void
add_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SportelloClientAttachments *self = SPORTELLO_CLIENT_ATTACHMENTS (source);
  AddJob *job = sportello_job_get_data (result);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  /* a page left while its files were copied says what became of them all the same */
  if (!sportello_job_finish (result, &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->context != NULL)
    set_working (self, -1);

  if (job->added == 1)
    /* Translators: %s is the file's name */
    title = g_strdup_printf (_("“%s” attached"), job->first_name);
  else if (job->added > 1)
    title = g_strdup_printf (ngettext ("%u file attached", "%u files attached", job->added), job->added);
  if (title != NULL)
    sportello_context_toast (job->context, adw_toast_new (title));
  /* kept here all the same; said now rather than when a dossier is exported */
  if (job->too_large != NULL)
    {
      g_autofree char *limit = g_format_size (SPORTELLO_ATTACHMENT_BUNDLE_MAX_FILE);
      /* Translators: %s is the file's name, then the limit, e.g. “26,2 MB” */
      g_autofree char *warning = g_strdup_printf (_("“%s” is larger than a dossier can carry (%s): it is kept "
                                                    "here, but exports of this client are refused while it is attached"),
                                                  job->too_large, limit);

      sportello_context_toast (job->context, adw_toast_new (warning));
    }
  if (error != NULL)
    sportello_context_toast_error (job->context, error);

  /* at once, not only when the change is announced */
  if (self->context != NULL)
    reload (self);
}

/**
 * sportello_client_attachments_add_files:
 *
 * Attaches copies of @files to the client, on a worker thread; a toast
 * says what was attached, or why not.
 */
void
sportello_client_attachments_add_files (SportelloClientAttachments  *self,
                                        GFile                      **files,
                                        guint                        n_files)
{
  SportelloDatabase *db;
  AddJob *job;

  g_return_if_fail (SPORTELLO_IS_CLIENT_ATTACHMENTS (self));

  if (self->context == NULL || n_files == 0)
    return;

  db = database (self);
  job = g_new0 (AddJob, 1);
  job->context = g_object_ref (self->context);
  job->data_dir = g_path_get_dirname (sportello_database_get_path (db));
  job->consultant = g_strdup (sportello_database_get_consultant (db));
  job->hub = g_strdup (sportello_database_get_hub (db));
  job->client_uuid = g_strdup (self->client_uuid);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));

  /* not cancelled with the page: what was dropped is attached even if the
   * consultant goes back at once */
  set_working (self, 1);
  sportello_job_run (self, NULL, job, (GDestroyNotify) add_job_free, add_thread, add_done_cb);
}

gboolean
sportello_client_attachments_is_busy (SportelloClientAttachments *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_ATTACHMENTS (self), FALSE);

  return self->working > 0;
}

static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SportelloClientAttachments) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (!(files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, &error)))
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED) && self->context != NULL)
        sportello_context_toast_error (self->context, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  sportello_client_attachments_add_files (self, (GFile **) array->pdata, array->len);
}

/* The file dialog, for one file or more */
void
sportello_client_attachments_choose (SportelloClientAttachments *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  g_return_if_fail (SPORTELLO_IS_CLIENT_ATTACHMENTS (self));

  gtk_file_dialog_set_title (dialog, _("Add Attachments"));
  gtk_file_dialog_set_accept_label (dialog, _("_Attach"));
  gtk_file_dialog_open_multiple (dialog, parent_window (self), self->cancellable, chosen_cb, g_object_ref (self));
}

/* ----------------------------------------------------------- opening ---- */

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SportelloClientAttachments) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->context != NULL)
    sportello_context_toast_error (self->context, error);
}

static char *
open_copies_folder (void)
{
  return g_build_filename (g_get_user_cache_dir (), "sportello", "attachments", NULL);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (file, NULL, NULL);
}

/**
 * sportello_client_attachments_clear_copies:
 *
 * Removes the copies made to open attachments, which an application may
 * still have had open until now: at start-up, so that no copy of an
 * erased client's file outlives the session it was opened in.
 */
void
sportello_client_attachments_clear_copies (void)
{
  g_autofree char *folder = open_copies_folder ();
  g_autoptr(GFile) file = g_file_new_for_path (folder);

  remove_tree (file);
}

/* A copy in the cache, under the attachment's own name (so the
 * application that opens it sees what it is), given to the desktop */
static void
open_attachment (SportelloClientAttachments *self,
                 const char                 *uuid)
{
  g_autoptr(SportelloAttachment) attachment = NULL;
  g_autoptr(GtkFileLauncher) launcher = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (!(attachment = sportello_attachment_load (database (self), uuid, &error)))
    {
      sportello_context_toast_error (self->context, error);
      return;
    }

  {
    g_autofree char *copies = open_copies_folder ();

    folder = g_build_filename (copies, uuid, NULL);
  }
  name = g_strdelimit (g_strdup (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME)), "/\\", '_');
  if (name[0] == '.')
    name[0] = '_';
  path = g_build_filename (folder, name, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !sportello_attachment_save_copy (attachment, database (self), path, &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot open “%s”"), name);
      sportello_context_toast_error (self->context, error);
      return;
    }

  /* read-only: a change made in the other application is not kept here */
  g_chmod (path, 0400);
  file = g_file_new_for_path (path);
  launcher = gtk_file_launcher_new (file);
  gtk_file_launcher_launch (launcher, parent_window (self), self->cancellable, launched_cb, g_object_ref (self));
}

static void
row_activated_cb (SportelloClientAttachments *self,
                  GtkListBoxRow              *row)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "attachment-uuid");

  if (uuid != NULL)
    open_attachment (self, uuid);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  open_attachment (SPORTELLO_CLIENT_ATTACHMENTS (widget), g_variant_get_string (param, NULL));
}

/* ---------------------------------------------------------- renaming ---- */

static void
name_changed_cb (GtkEditable    *entry,
                 AdwAlertDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_alert_dialog_set_response_enabled (dialog, "rename", name[0] != '\0');
}

static void
rename_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    gpointer        user_data)
{
  SportelloClientAttachments *self = SPORTELLO_CLIENT_ATTACHMENTS (user_data);
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "attachment-uuid");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rename") || self->context == NULL)
    return;
  if (!sportello_attachment_rename (database (self), uuid, gtk_editable_get_text (entry), &error))
    sportello_context_toast_error (self->context, error);
  reload (self);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SportelloClientAttachments *self = SPORTELLO_CLIENT_ATTACHMENTS (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  g_autoptr(SportelloAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  AdwDialog *dialog;
  GtkWidget *entry;
  const char *dot;

  if (!(attachment = sportello_attachment_load (database (self), uuid, &error)))
    {
      sportello_context_toast_error (self->context, error);
      return;
    }
  name = sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME);

  dialog = adw_alert_dialog_new (_("Rename Attachment"), NULL);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "rename", _("_Rename"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "rename");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed_cb), dialog, 0);

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "attachment-uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  adw_dialog_present (dialog, widget);

  /* the name selected up to its extension, ready to be typed over */
  gtk_widget_grab_focus (entry);
  dot = strrchr (name, '.');
  gtk_editable_select_region (GTK_EDITABLE (entry), 0,
                              dot != NULL && dot != name ? (int) g_utf8_pointer_to_offset (name, dot) : -1);
}

/* ---------------------------------------------------------- deleting ---- */

/* What a delete waiting for its Undo needs after the page is gone */
typedef struct
{
  SportelloContext *context;
  char             *uuid;
  gboolean          undone;
  gboolean          purged;
} Deleted;

static void
purge (Deleted *deleted)
{
  g_autoptr(GError) error = NULL;

  if (deleted->undone || deleted->purged)
    return;
  deleted->purged = TRUE;
  if (!sportello_attachment_purge_trashed (sportello_context_get_database (deleted->context), deleted->uuid, &error))
    g_warning ("Cannot delete the attachment: %s", error->message);
}

/* the toast freed without being dismissed (the window closed first): final too */
static void
deleted_free (gpointer data,
              GClosure *closure)
{
  Deleted *deleted = data;

  purge (deleted);
  g_object_unref (deleted->context);
  g_free (deleted->uuid);
  g_free (deleted);
}

static void
undo_cb (AdwToast *toast,
         Deleted  *deleted)
{
  g_autoptr(GError) error = NULL;

  deleted->undone = TRUE;
  if (!sportello_attachment_restore (sportello_context_get_database (deleted->context), deleted->uuid, &error))
    sportello_context_toast_error (deleted->context, error);
}

/* the toast gone without Undo: for good, and the file with its last reference */
static void
dismissed_cb (AdwToast *toast,
              Deleted  *deleted)
{
  purge (deleted);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SportelloClientAttachments *self = SPORTELLO_CLIENT_ATTACHMENTS (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  g_autoptr(SportelloAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Deleted *deleted;
  AdwToast *toast;

  if (!(attachment = sportello_attachment_load (database (self), uuid, &error)) ||
      !sportello_attachment_trash (database (self), uuid, &error))
    {
      sportello_context_toast_error (self->context, error);
      return;
    }
  reload (self);

  /* Translators: %s is the attachment's name */
  title = g_strdup_printf (_("Attachment “%s” deleted"), sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Undo is there at once, not behind a toast that says a file was attached */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  deleted = g_new0 (Deleted, 1);
  deleted->context = g_object_ref (self->context);
  deleted->uuid = g_strdup (uuid);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_cb), deleted);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (dismissed_cb), deleted, deleted_free, 0);
  sportello_context_toast (self->context, toast);
}

/* ----------------------------------------------------------- GObject ---- */

static void
sportello_client_attachments_dispose (GObject *object)
{
  SportelloClientAttachments *self = (SportelloClientAttachments *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->client_uuid, g_free);

  G_OBJECT_CLASS (sportello_client_attachments_parent_class)->dispose (object);
}

static void
sportello_client_attachments_class_init (SportelloClientAttachmentsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sportello_client_attachments_dispose;

  gtk_widget_class_install_action (widget_class, "attachment.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "attachment.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "attachment.delete", "s", delete_action);
}

static void
sportello_client_attachments_init (SportelloClientAttachments *self)
{
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->cancellable = g_cancellable_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Attachments"));

  self->spinner = adw_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_valign (self->spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attaching files"), -1);
  gtk_box_append (GTK_BOX (suffix), self->spinner);

  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (self->add_button, _("Add Attachment…"));
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "client.add-attachment");
  gtk_box_append (GTK_BOX (suffix), self->add_button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), suffix);

  self->list = sportello_group_add_list (ADW_PREFERENCES_GROUP (self), _("Attachments"));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
}

void
sportello_client_attachments_set_client (SportelloClientAttachments *self,
                                         SportelloContext           *context,
                                         const char                 *client_uuid)
{
  static const char * const follows[] = { SPORTELLO_CHANGE_ATTACHMENT, NULL };

  g_return_if_fail (SPORTELLO_IS_CLIENT_ATTACHMENTS (self));

  g_set_object (&self->context, context);
  g_free (self->client_uuid);
  self->client_uuid = g_strdup (client_uuid);
  reload (self);
  if (!self->following && context != NULL)
    {
      sportello_widget_follow (GTK_WIDGET (self), sportello_context_get_database (context), follows, reload_cb);
      self->following = TRUE;
    }
}

GtkListBox *
sportello_client_attachments_get_list (SportelloClientAttachments *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_ATTACHMENTS (self), NULL);

  return self->list;
}
