/* sportello-checklist-part-object.h: one area or item of a checklist, by its place
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sportello-checklist.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CHECKLIST_PART_OBJECT (sportello_checklist_part_object_get_type ())

G_DECLARE_DERIVABLE_TYPE (SportelloChecklistPartObject, sportello_checklist_part_object, SPORTELLO, CHECKLIST_PART_OBJECT, GObject)

struct _SportelloChecklistPartObjectClass
{
  GObjectClass parent_class;

  /* where in a SportelloChecklist the GArray of the parts is, such as
   * G_STRUCT_OFFSET (SportelloChecklist, items) */
  gsize        parts_offset;

  /*< private >*/
  guint        n_fields;
};

void     sportello_checklist_part_object_class_install_field (SportelloChecklistPartObjectClass *klass,
                                                              GParamSpec                        *pspec,
                                                              gsize                              offset);

gpointer sportello_checklist_part_object_new                 (GType                              type,
                                                              SportelloChecklist                *checklist,
                                                              guint                              index);
gpointer sportello_checklist_part_object_get_part            (SportelloChecklistPartObject      *self);
guint    sportello_checklist_part_object_get_index           (SportelloChecklistPartObject      *self);
void     sportello_checklist_part_object_detach              (SportelloChecklistPartObject      *self);

G_END_DECLS
