/* sportello-user-template-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-user-template.h"

G_BEGIN_DECLS

/* A user template's columns (table user_templates), described once, in
 * the order a bundle gives them: the template's own SQL
 * (sportello-user-template.c) and the bundle's (sportello-bundle.c) are
 * both made from this list, the five every record has, then its own. A
 * template is a plain struct, not a record: each column is COLUMN (name),
 * text, and sportello-user-template.c says which member holds it. */
#define SPORTELLO_USER_TEMPLATE_OWN_COLUMNS(COLUMN) \
  COLUMN ("title")                                \
  COLUMN ("description")                          \
  COLUMN ("category")                             \
  COLUMN ("body")
#define SPORTELLO_USER_TEMPLATE_COLUMNS(COLUMN) \
  COLUMN ("uuid")                           \
  COLUMN ("created_at")                     \
  COLUMN ("updated_at")                     \
  COLUMN ("origin_consultant")              \
  COLUMN ("origin_hub")                     \
  SPORTELLO_USER_TEMPLATE_OWN_COLUMNS (COLUMN)

G_END_DECLS
