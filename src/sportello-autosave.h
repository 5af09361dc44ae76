/* sportello-autosave.h: saves what is typed shortly after the typing stops
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Stores @owner's pending changes; %FALSE with @error when it could not */
typedef gboolean (*SportelloAutosaveFunc) (GtkWidget  *owner,
                                           GError    **error);

/* Tells the consultant, through @owner, that saving failed or works again */
typedef void (*SportelloAutosaveToastFunc) (GtkWidget *owner,
                                            AdwToast  *toast);

typedef struct
{
  GtkWidget             *owner;      /* not a reference: the owner holds this */
  SportelloAutosaveFunc  save;
  SportelloAutosaveToastFunc toast;
  guint                  delay_ms;
  guint                  source;
  gboolean               failing;    /* the last try failed, and the owner was told */
} SportelloAutosave;

void     sportello_autosave_init     (SportelloAutosave     *self,
                                      GtkWidget             *owner,
                                      guint                  delay_ms,
                                      SportelloAutosaveFunc  save,
                                      SportelloAutosaveToastFunc toast);
void     sportello_autosave_schedule (SportelloAutosave     *self);
void     sportello_autosave_flush    (SportelloAutosave     *self);
void     sportello_autosave_cancel   (SportelloAutosave     *self);
void     sportello_autosave_finish   (SportelloAutosave     *self);

G_END_DECLS
