/* store-test-util.h: what the store's tests share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-client.h"
#include "sportello-client-list.h"
#include "sportello-database.h"

G_BEGIN_DECLS

void               store_test_init       (int                *argc,
                                          char             ***argv);
SportelloDatabase *store_test_open_db    (const char         *name,
                                          const char         *consultant,
                                          const char         *hub);
SportelloClient   *store_test_new_client (SportelloDatabase  *db,
                                          const char         *name);
void               store_test_exec       (SportelloDatabase  *db,
                                          const char         *sql);
GDateTime         *store_test_utc        (const char         *iso);
void               store_test_assert_no_temporary (const char *folder);
void               store_test_wait_loaded (SportelloClientList *list);

G_END_DECLS
