/* sportello-record.h: what every stored record has in common
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_RECORD (sportello_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (SportelloRecord, sportello_record, SPORTELLO, RECORD, GObject)

/**
 * SportelloRecordClass:
 * @field_names: the record's text fields, as property names
 * @n_fields: how many
 *
 * A record keeps its text fields (UUID, dates, origin and its own data)
 * as strings, each a read-write string property with notify. Subclasses
 * call sportello_record_class_install_fields() in class_init; property
 * ids 1 … n_fields are the text fields, so a subclass's own properties
 * start at n_fields + 1, and its get/set_property chain up for the rest.
 */
struct _SportelloRecordClass
{
  GObjectClass        parent_class;

  const char * const *field_names;
  guint               n_fields;
  GParamSpec        **field_pspecs;
};

void         sportello_record_class_install_fields (SportelloRecordClass *klass,
                                                    const char * const   *field_names,
                                                    guint                 n_fields);
guint        sportello_record_get_n_fields         (SportelloRecord      *self);
const char  *sportello_record_get_field_name       (SportelloRecord      *self,
                                                    guint                 field);
const char  *sportello_record_get                  (SportelloRecord      *self,
                                                    guint                 field);
void         sportello_record_set                  (SportelloRecord      *self,
                                                    guint                 field,
                                                    const char           *value);
gboolean     sportello_record_stamp                (SportelloRecord      *self,
                                                    SportelloDatabase    *db,
                                                    const char           *now);

G_END_DECLS
