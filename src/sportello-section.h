/* sportello-section.h: what the window's sections have in common
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_SECTION (sportello_section_get_type ())

G_DECLARE_INTERFACE (SportelloSection, sportello_section, SPORTELLO, SECTION, GtkWidget)

struct _SportelloSectionInterface
{
  GTypeInterface parent_iface;

  /* the kinds of record the section shows (SPORTELLO_CHANGE_*, NULL at the
   * end): a committed change to one of them reloads it */
  const char * const *follows;

  /* the section loads while hidden, so it is ready before it is first
   * shown: after the window's first frame, in an idle of low priority,
   * and again after each change it follows. Its @reload then runs
   * unmapped, and should keep each step under a frame */
  gboolean            preload;

  /* shows the database as it is now */
  void (*reload)      (SportelloSection *self);
  /* optional: the context was set, before the first reload */
  void (*context_set) (SportelloSection *self,
                       SportelloContext *context);
  /* optional: the window closes; what waits (a delete's Undo) is final */
  void (*finish)      (SportelloSection *self);
};

void               sportello_section_set_context  (SportelloSection *self,
                                                   SportelloContext *context);
SportelloContext  *sportello_section_get_context  (SportelloSection *self);
SportelloDatabase *sportello_section_get_database (SportelloSection *self);
void               sportello_section_queue_reload (SportelloSection *self);
void               sportello_section_finish       (SportelloSection *self);
gboolean           sportello_section_type_preloads (GType            type);

/* For any widget that shows records: @reload runs after a committed
 * change to one of @kinds, at once when @widget is on screen, else when
 * it is next shown */
typedef void (*SportelloReloadFunc) (GtkWidget *widget);

void               sportello_widget_follow        (GtkWidget          *widget,
                                                   SportelloDatabase  *database,
                                                   const char * const *kinds,
                                                   SportelloReloadFunc reload);
void               sportello_widget_queue_reload  (GtkWidget          *widget);
gboolean           sportello_widget_get_stale     (GtkWidget          *widget);

/* Selectable labels inside @widget stay selectable with the mouse but are
 * no Tab stops, and never come up with their text selected */
void               sportello_widget_unfocus_labels (GtkWidget         *widget);

/* A list of rows that looks like a card, none of them selectable */
GtkWidget         *sportello_boxed_list_new        (void);

/* A boxed list of rows, named @label for assistive technologies, added to @group */
GtkListBox        *sportello_group_add_list        (AdwPreferencesGroup *group,
                                                    const char          *label);

G_END_DECLS
