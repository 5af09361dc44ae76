/* sportello-todo-section.h: the To Do section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_TODO_SECTION (sportello_todo_section_get_type ())

G_DECLARE_FINAL_TYPE (SportelloTodoSection, sportello_todo_section, SPORTELLO, TODO_SECTION, GtkWidget)

guint sportello_todo_section_get_n_open   (SportelloTodoSection *self);

G_END_DECLS
