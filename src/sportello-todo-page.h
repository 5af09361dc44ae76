/* sportello-todo-page.h: the To Do section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_TODO_PAGE (sportello_todo_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloTodoPage, sportello_todo_page, SPORTELLO, TODO_PAGE, GtkWidget)

guint sportello_todo_page_get_n_open   (SportelloTodoPage *self);

G_END_DECLS
