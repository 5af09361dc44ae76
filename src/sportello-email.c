/* sportello-email.c: a file handed to the user's mail client, through the portal
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An advice document's PDF or a dossier goes to the mail client the
 * desktop uses as an attachment, with the e-mail portal
 * (org.freedesktop.portal.Email, through libportal): the portal opens a
 * new message in Evolution, Thunderbird or Geary with the file attached,
 * from a Flatpak as well as from a plain install. There is deliberately no
 * other way: a “mailto:” link cannot carry the attachment, and Sportello
 * sends no mail itself. Without the portal the user is told so.
 *
 * The mail client reads the attachment after the call returns, so a PDF
 * made for a message stays in the user cache (“sportello/e-mail/”) and is
 * removed a day later, at the next message.
 */

#define G_LOG_DOMAIN "sportello-email"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "sportello-email.h"
#include "sportello-window.h"

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define EMAIL_INTERFACE "org.freedesktop.portal.Email"

/* how long a PDF made for a message is kept for the mail client */
#define KEEP_SECONDS (24 * 60 * 60)

G_DEFINE_QUARK (sportello-email-error-quark, sportello_email_error)

typedef struct
{
  char      *address;
  char      *subject;
  char      *path;
  XdpPortal *portal;
} Compose;

static void
compose_free (Compose *compose)
{
  g_free (compose->address);
  g_free (compose->subject);
  g_free (compose->path);
  g_clear_object (&compose->portal);
  g_free (compose);
}

/* ------------------------------------------------------- the cache ---- */

static void
remove_old (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *sub = g_build_filename (folder, name, NULL);
      g_autoptr(GDir) inner = NULL;
      GStatBuf st;
      const char *file;

      if (g_lstat (sub, &st) != 0 || !S_ISDIR (st.st_mode) || now - st.st_mtime < KEEP_SECONDS)
        continue;
      if ((inner = g_dir_open (sub, 0, NULL)) != NULL)
        while ((file = g_dir_read_name (inner)) != NULL)
          {
            g_autofree char *path = g_build_filename (sub, file, NULL);

            g_unlink (path);
          }
      g_rmdir (sub);
    }
}

/**
 * sportello_email_attachment_path:
 * @file_name: the name the attachment will have in the message
 *
 * A fresh place in the user cache for a file to attach; those of
 * earlier messages older than a day are removed.
 *
 * Returns: (transfer full): the path, in a folder of its own, or %NULL
 */
char *
sportello_email_attachment_path (const char  *file_name,
                                 GError     **error)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "sportello", "e-mail", NULL);
  g_autofree char *template = NULL;
  g_autofree char *name = g_strdup (file_name);
  int saved_errno;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }
  remove_old (folder);

  template = g_build_filename (folder, "XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), template, g_strerror (saved_errno));
      return NULL;
    }

  g_strdelimit (name, "/\\:", '-');
  return g_build_filename (template, name, NULL);
}

/* ------------------------------------------------------ the portal ---- */

static void
composed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (xdp_portal_compose_email_finish (XDP_PORTAL (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_debug ("ComposeEmail failed: %s", error->message);
      g_task_return_new_error (task, SPORTELLO_EMAIL_ERROR, SPORTELLO_EMAIL_ERROR_FAILED,
                               _("The mail client could not open a new message"));
    }
}

static void
no_portal (GTask        *task,
           const GError *error)
{
  g_debug ("No e-mail portal: %s", error->message);
  g_task_return_new_error (task, SPORTELLO_EMAIL_ERROR, SPORTELLO_EMAIL_ERROR_NO_PORTAL,
                           _("There is no e-mail portal on this desktop: install xdg-desktop-portal "
                             "to send files with your mail client"));
}

static void
version_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Compose *compose = g_task_get_task_data (task);
  GtkWidget *parent = g_task_get_source_object (task);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  XdpParent *xdp_parent = NULL;
  const char *addresses[] = { compose->address, NULL };
  const char *attachments[] = { compose->path, NULL };
  GtkRoot *root;

  /* libportal asks for the interface's version itself, but synchronously
   * and without checking the answer: without a portal it would crash */
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        no_portal (task, error);
      return;
    }

  if (!(compose->portal = xdp_portal_initable_new (&error)))
    {
      no_portal (task, error);
      return;
    }

  root = gtk_widget_get_root (parent);
  if (GTK_IS_WINDOW (root) && gtk_widget_get_realized (GTK_WIDGET (root)))
    xdp_parent = xdp_parent_new_gtk (GTK_WINDOW (root));

  xdp_portal_compose_email (compose->portal, xdp_parent,
                            compose->address != NULL ? addresses : NULL, NULL, NULL,
                            compose->subject, NULL, attachments, XDP_EMAIL_FLAG_NONE,
                            g_task_get_cancellable (task), composed_cb, g_object_ref (task));
  g_clear_pointer (&xdp_parent, xdp_parent_free);
}

static void
bus_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  if (!(bus = g_bus_get_finish (result, &error)))
    {
      no_portal (task, error);
      return;
    }

  g_dbus_connection_call (bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", EMAIL_INTERFACE, "version"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          g_task_get_cancellable (task), version_cb, g_object_ref (task));
}

/**
 * sportello_email_compose:
 * @parent: the widget whose window the mail client's window belongs to
 * @address: (nullable): the recipient
 * @subject: the subject
 * @attachment: a local file to attach
 *
 * Opens a new message in the user's mail client through the e-mail
 * portal, with @attachment attached. The user sends it from there.
 */
void
sportello_email_compose (GtkWidget           *parent,
                         const char          *address,
                         const char          *subject,
                         GFile               *attachment,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Compose *compose;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (G_IS_FILE (attachment));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, sportello_email_compose);
  compose = g_new0 (Compose, 1);
  compose->address = address != NULL && *address != '\0' ? g_strstrip (g_strdup (address)) : NULL;
  compose->subject = g_strdup (subject);
  compose->path = g_file_get_path (attachment);
  g_task_set_task_data (task, compose, (GDestroyNotify) compose_free);

  if (compose->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only a file on this computer can be attached"));
      return;
    }

  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_cb, g_steal_pointer (&task));
}

/**
 * sportello_email_compose_finish:
 *
 * Returns: whether the mail client opened the message; %G_IO_ERROR_CANCELLED
 *   when the user closed the portal's dialog, %SPORTELLO_EMAIL_ERROR_NO_PORTAL
 *   without a portal
 */
gboolean
sportello_email_compose_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (source));

  if (sportello_email_compose_finish (result, &error) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (SPORTELLO_IS_WINDOW (root))
    sportello_window_add_toast (SPORTELLO_WINDOW (root), adw_toast_new (error->message));
}

/**
 * sportello_email_send:
 *
 * sportello_email_compose(), with a toast on @parent's window when it fails.
 */
void
sportello_email_send (GtkWidget  *parent,
                      const char *address,
                      const char *subject,
                      GFile      *attachment)
{
  sportello_email_compose (parent, address, subject, attachment, NULL, sent_cb, NULL);
}
