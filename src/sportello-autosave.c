/* sportello-autosave.c: saves what is typed shortly after the typing stops
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meeting, document and template pages keep no Save button: a change
 * is stored a moment after the last key, and at once when the page goes
 * away. A save that fails (the database busy with a large import, a full
 * disk) is not forgotten: the consultant is told once, and it is tried
 * again until it succeeds or the page goes away.
 */

#define G_LOG_DOMAIN "sportello-autosave"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sportello-autosave.h"

#define RETRY_MS 2000

static void run (SportelloAutosave *self);

static gboolean
timeout_cb (gpointer data)
{
  SportelloAutosave *self = data;

  self->source = 0;
  run (self);
  return G_SOURCE_REMOVE;
}

static void
run (SportelloAutosave *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->source, g_source_remove);

  if (self->save (self->owner, &error))
    {
      if (self->failing)
        self->toast (self->owner, adw_toast_new (_("Changes saved")));
      self->failing = FALSE;
      return;
    }

  /* kept, and tried again; said once */
  if (!self->failing)
    {
      /* Translators: %s says why a change could not be saved */
      g_autofree char *message = g_strdup_printf (_("Not saved yet, trying again: %s"), error->message);

      self->toast (self->owner, adw_toast_new (message));
    }
  self->failing = TRUE;
  self->source = g_timeout_add (RETRY_MS, timeout_cb, self);
}

void
sportello_autosave_init (SportelloAutosave     *self,
                         GtkWidget             *owner,
                         guint                  delay_ms,
                         SportelloAutosaveFunc  save,
                         SportelloAutosaveToastFunc toast)
{
  *self = (SportelloAutosave) { owner, save, toast, delay_ms, 0, FALSE };
}

/* A change: saved once no other follows for a moment */
void
sportello_autosave_schedule (SportelloAutosave *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_timeout_add (self->delay_ms, timeout_cb, self);
}

/* Saves now whatever is waiting; a failure is kept for a retry, unless
 * the owner cancels it (as it does when it goes away) */
void
sportello_autosave_flush (SportelloAutosave *self)
{
  if (self->source != 0)
    run (self);
}

/* Nothing is waiting any more: the owner stored it some other way */
void
sportello_autosave_cancel (SportelloAutosave *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
}

/* The owner goes away: one last try, and nothing left to run after it */
void
sportello_autosave_finish (SportelloAutosave *self)
{
  sportello_autosave_flush (self);
  sportello_autosave_cancel (self);
}
