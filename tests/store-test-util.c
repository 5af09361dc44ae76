/* store-test-util.c: what the store's tests share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "store-test-util.h"

/* The locale of the environment (Italian in the suite), the translations
 * of the build tree, and a data directory of the test's own */
void
store_test_init (int    *argc,
                 char ***argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/* A database in the folder @name of the isolated data directory, whose
 * records are made by @consultant at @hub */
SportelloDatabase *
store_test_open_db (const char *name,
                    const char *consultant,
                    const char *hub)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  SportelloDatabase *db = sportello_database_open (dir, &error);

  g_assert_no_error (error);
  sportello_database_set_origin (db, consultant, hub);
  return db;
}

/* A client with only a name, saved */
SportelloClient *
store_test_new_client (SportelloDatabase *db,
                       const char        *name)
{
  SportelloClient *client = sportello_client_new ();
  g_autoptr(GError) error = NULL;

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, name);
  g_assert_true (sportello_client_save (client, db, &error));
  g_assert_no_error (error);
  return client;
}

void
store_test_exec (SportelloDatabase *db,
                 const char        *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sportello_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

GDateTime *
store_test_utc (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

/* No temporary file of an atomic write (“.NAME.sportello-XXXXXX”) is left
 * in @folder */
void
store_test_assert_no_temporary (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".sportello-"));
}

static gboolean
give_up_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Until @list, reading in the background, has its clients (at most 30 s) */
void
store_test_wait_loaded (SportelloClientList *list)
{
  guint guard = g_timeout_add_seconds (30, give_up_cb, (gpointer) "the background read");

  while (sportello_client_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}
