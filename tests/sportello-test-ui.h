/* sportello-test-ui.h: what the UI tests share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-application.h"

G_BEGIN_DECLS

void                  sportello_test_ui_init         (int          *argc,
                                                      char       ***argv);
SportelloApplication *sportello_test_app_new         (const char   *data_dir);
GtkWindow            *sportello_test_app_window      (SportelloApplication *app);
void                  sportello_test_iterate         (guint         ms);
void                  sportello_test_wait_for_draw   (GtkWidget    *widget);
void                  sportello_test_wait_for_draw_quick (GtkWidget *widget);
/* Iterates the main loop until @cond holds, within a bound of 10 s: for
 * what follows the database or an animation in an idle, which under load
 * can come after the next frame. The caller asserts @cond afterwards. */
#define SPORTELLO_TEST_WAIT_UNTIL(cond)                                      \
  G_STMT_START {                                                             \
    gint64 _sportello_deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < _sportello_deadline)         \
      sportello_test_iterate (20);                                           \
  } G_STMT_END

void                  sportello_test_wait_for_n_items (GListModel *model,
                                                       guint       n);
char                 *sportello_test_screenshot      (GtkWidget    *widget,
                                                      const char   *name);
GtkWidget            *sportello_test_find_label      (GtkWidget    *root,
                                                      const char   *text);
GtkWidget            *sportello_test_find_label_containing (GtkWidget *root,
                                                            const char *text);
GtkWidget            *sportello_test_find_button     (GtkWidget    *root,
                                                      const char   *label);
GtkWidget            *sportello_test_find_type       (GtkWidget    *root,
                                                      GType         type);
GtkWidget            *sportello_test_find_row        (GtkWidget    *root,
                                                      GType         type,
                                                      const char   *title);
const char           *sportello_test_last_notification (void);
void                  sportello_test_assert_pdf_tagged (const char *path,
                                                        const char *title,
                                                        const char *author,
                                                        const char *subject);
char                 *sportello_test_add_client      (const char   *data_dir,
                                                      ...);
GtkWidget            *sportello_test_open_client     (GtkWindow    *window,
                                                      const char   *client_uuid);
void                  sportello_test_app_quit        (SportelloApplication *app);

G_END_DECLS
