/* sportello-file-toast.c: a toast that names a written file and opens it
 *
 * Exported PDFs, dossiers and certificates end with one: its title says what
 * was written and where, and Open hands the file to the application the
 * desktop uses for it, through GtkFileLauncher (the portal in a Flatpak).
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-file-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-file-toast.h"

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* nothing to open it with: the file is there all the same */
  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error))
    g_debug ("Could not open the file: %s", error->message);
}

static void
open_cb (AdwToast *toast,
         GFile    *file)
{
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, NULL, NULL, launched_cb, NULL);
}

/**
 * sportello_file_toast_new:
 * @title: what was written, naming the file
 * @file: the file written
 *
 * Returns: (transfer floating): a toast with an Open button for @file
 */
AdwToast *
sportello_file_toast_new (const char *title,
                          GFile      *file)
{
  AdwToast *toast = adw_toast_new (title);

  g_return_val_if_fail (G_IS_FILE (file), toast);

  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_cb), g_object_ref (file),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return toast;
}
