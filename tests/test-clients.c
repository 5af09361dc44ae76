/* test-clients.c: client files, contacts, search, delete with undo, erasure
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "sportello-client.h"
#include "sportello-client-list.h"
#include "sportello-contact.h"
#include "sportello-database.h"
#include "sportello-database-private.h"
#include "sportello-demo.h"
#include "sportello-identifiers.h"
#include "sportello-meeting.h"

#include "store-test-util.h"

static SportelloDatabase *
open_db (void)
{
  return store_test_open_db ("clients-test", "Giulia Frigerio", "ComoNext – Lomazzo");
}

static SportelloClient *
make_client (const char *name,
             const char *vat,
             const char *municipality)
{
  SportelloClient *client = sportello_client_new ();

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, name);
  sportello_client_set (client, SPORTELLO_CLIENT_VAT_NUMBER, vat);
  sportello_client_set (client, SPORTELLO_CLIENT_MUNICIPALITY, municipality);
  return client;
}

static SportelloClient *
save_new (SportelloDatabase *db,
          const char        *name,
          const char        *vat,
          const char        *municipality)
{
  SportelloClient *client = make_client (name, vat, municipality);
  g_autoptr(GError) error = NULL;

  g_assert_true (sportello_client_save (client, db, &error));
  g_assert_no_error (error);
  return client;
}

static gint64
count_rows (SportelloDatabase *db,
            const char        *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open (sportello_database_get_path (db), &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return n;
}

static void
test_crud (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) client = NULL;
  g_autoptr(SportelloClient) loaded = NULL;
  g_autoptr(SportelloClient) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_update = NULL;

  client = make_client ("  Falegnameria Rossi  ", "IT 007.431.101-57", "Lomazzo");
  sportello_client_set (client, SPORTELLO_CLIENT_PROVINCE, "co");
  sportello_client_set (client, SPORTELLO_CLIENT_POSTAL_CODE, "22074");
  sportello_client_set (client, SPORTELLO_CLIENT_TAGS, "e-commerce,  bandi , E-commerce,,");
  sportello_client_set (client, SPORTELLO_CLIENT_CATEGORY, "artisan");
  sportello_client_set_employees (client, 2);
  g_assert_true (sportello_client_save (client, db, &error));
  g_assert_no_error (error);

  /* identity and origin */
  g_assert_true (g_uuid_string_is_valid (sportello_client_get_uuid (client)));
  g_assert_cmpstr (sportello_client_get (client, SPORTELLO_CLIENT_ORIGIN_CONSULTANT), ==, "Giulia Frigerio");
  g_assert_cmpstr (sportello_client_get (client, SPORTELLO_CLIENT_ORIGIN_HUB), ==, "ComoNext – Lomazzo");
  g_assert_cmpstr (sportello_client_get (client, SPORTELLO_CLIENT_OWNER_HUB), ==, "ComoNext – Lomazzo");
  g_assert_true (g_str_has_suffix (sportello_client_get (client, SPORTELLO_CLIENT_CREATED_AT), "Z"));

  loaded = sportello_client_load (db, sportello_client_get_uuid (client), &error);
  g_assert_no_error (error);
  /* normalized on save */
  g_assert_cmpstr (sportello_client_get_name (loaded), ==, "Falegnameria Rossi");
  g_assert_cmpstr (sportello_client_get (loaded, SPORTELLO_CLIENT_VAT_NUMBER), ==, "00743110157");
  g_assert_cmpstr (sportello_client_get (loaded, SPORTELLO_CLIENT_PROVINCE), ==, "CO");
  g_assert_cmpstr (sportello_client_get (loaded, SPORTELLO_CLIENT_TAGS), ==, "e-commerce, bandi");
  g_assert_cmpstr (sportello_client_get (loaded, SPORTELLO_CLIENT_CATEGORY), ==, "artisan");
  g_assert_cmpint (sportello_client_get_employees (loaded), ==, 2);
  g_assert_cmpstr (sportello_client_get (loaded, SPORTELLO_CLIENT_CREATED_AT), ==,
                   sportello_client_get (client, SPORTELLO_CLIENT_CREATED_AT));

  /* update keeps identity and creation, moves updated_at */
  first_update = g_strdup (sportello_client_get (loaded, SPORTELLO_CLIENT_UPDATED_AT));
  g_usleep (2000);
  sportello_client_set (loaded, SPORTELLO_CLIENT_STATUS, "consulting");
  sportello_client_set_employees (loaded, -1);
  g_assert_true (sportello_client_save (loaded, db, &error));
  again = sportello_client_load (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpstr (sportello_client_get (again, SPORTELLO_CLIENT_STATUS), ==, "consulting");
  g_assert_cmpint (sportello_client_get_employees (again), ==, -1);
  g_assert_cmpstr (sportello_client_get (again, SPORTELLO_CLIENT_CREATED_AT), ==,
                   sportello_client_get (client, SPORTELLO_CLIENT_CREATED_AT));
  g_assert_cmpstr (sportello_client_get (again, SPORTELLO_CLIENT_UPDATED_AT), >, first_update);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client_tags"), ==, 2);

  /* a missing one */
  g_clear_object (&again);
  again = sportello_client_load (db, "00000000-0000-4000-8000-000000000000", &error);
  g_assert_null (again);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
}

static gboolean
has_problem (GPtrArray            *problems,
             SportelloClientField  field,
             gboolean              blocking)
{
  for (guint i = 0; i < problems->len; i++)
    {
      SportelloClientProblem *p = g_ptr_array_index (problems, i);

      if (p->field == field && p->blocking == blocking)
        return TRUE;
    }
  return FALSE;
}

static void
test_check (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) client = make_client ("", "00743110158", "Como");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  sportello_client_set (client, SPORTELLO_CLIENT_TAX_CODE, "RSSMRA80A01H501A");
  sportello_client_set (client, SPORTELLO_CLIENT_POSTAL_CODE, "2207");
  sportello_client_set (client, SPORTELLO_CLIENT_PROVINCE, "XY");
  sportello_client_set (client, SPORTELLO_CLIENT_SDI_CODE, "ABC12");
  sportello_client_set (client, SPORTELLO_CLIENT_EMAIL, "no-at-sign");
  sportello_client_set (client, SPORTELLO_CLIENT_PEC, "rossi@pec");
  sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_DATE, "novembre 2026");

  problems = sportello_client_check (client);
  g_assert_true (has_problem (problems, SPORTELLO_CLIENT_NAME, TRUE));
  g_assert_true (has_problem (problems, SPORTELLO_CLIENT_VAT_NUMBER, TRUE));
  g_assert_true (has_problem (problems, SPORTELLO_CLIENT_TAX_CODE, TRUE));
  g_assert_true (has_problem (problems, SPORTELLO_CLIENT_POSTAL_CODE, TRUE));
  g_assert_true (has_problem (problems, SPORTELLO_CLIENT_PROVINCE, FALSE));
  g_assert_true (has_problem (problems, SPORTELLO_CLIENT_SDI_CODE, TRUE));
  g_assert_true (has_problem (problems, SPORTELLO_CLIENT_EMAIL, TRUE));
  g_assert_true (has_problem (problems, SPORTELLO_CLIENT_PEC, TRUE));
  g_assert_true (has_problem (problems, SPORTELLO_CLIENT_CONSENT_DATE, TRUE));

  /* the check digit message says which digit was expected */
  for (guint i = 0; i < problems->len; i++)
    {
      SportelloClientProblem *p = g_ptr_array_index (problems, i);
      if (p->field == SPORTELLO_CLIENT_VAT_NUMBER)
        g_assert_nonnull (strstr (p->message, "7"));
      /* and the date's, the form the date entry reads */
      if (p->field == SPORTELLO_CLIENT_CONSENT_DATE)
        {
          g_assert_nonnull (strstr (p->message, "25/11/2026"));
          g_assert_null (strstr (p->message, "2026-11-25"));
        }
    }

  g_assert_false (sportello_client_save (client, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 0);

  /* a startup with no VAT number yet: a warning, not a block */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);
  g_clear_object (&client);
  client = make_client ("Lariotech", "", "Como");
  problems = sportello_client_check (client);
  g_assert_true (has_problem (problems, SPORTELLO_CLIENT_VAT_NUMBER, FALSE));
  g_assert_false (has_problem (problems, SPORTELLO_CLIENT_VAT_NUMBER, TRUE));
  g_assert_true (sportello_client_save (client, db, &error));
  g_assert_no_error (error);
}

static void
test_duplicates (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) first = save_new (db, "Ottica Colombo", "00743110157", "Como");
  g_autoptr(SportelloClient) second = make_client ("Ottica Colombo di Colombo Luca", "IT00743110157", "Como");
  g_autoptr(SportelloClient) third = make_client ("Altro", "12345670017", "Como");
  g_autoptr(SportelloClient) found = NULL;
  g_autoptr(GError) error = NULL;
  SportelloClientField field = SPORTELLO_CLIENT_N_TEXT_FIELDS;

  found = sportello_client_find_duplicate (second, db, &field, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (sportello_client_get_uuid (found), ==, sportello_client_get_uuid (first));
  g_assert_cmpint (field, ==, SPORTELLO_CLIENT_VAT_NUMBER);

  /* the same client is not its own duplicate */
  g_clear_object (&found);
  found = sportello_client_find_duplicate (first, db, NULL, &error);
  g_assert_null (found);
  g_assert_no_error (error);

  /* by tax code too */
  sportello_client_set (third, SPORTELLO_CLIENT_TAX_CODE, "00743110157");
  found = sportello_client_find_duplicate (third, db, &field, &error);
  g_assert_nonnull (found);
  g_assert_cmpint (field, ==, SPORTELLO_CLIENT_TAX_CODE);
}

static guint
search_count (SportelloClientList *list,
              const char          *text)
{
  sportello_client_list_set_search (list, text);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* Identifiers that an earlier build stored as typed are rewritten by
 * the migration, in the form the editor stores: duplicates and search
 * find them by the plain number */
static void
test_identifiers_migrated (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "clients-test", NULL);
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloClient) plain = make_client ("Ottica Colombo di Colombo Luca", "00743110157", "Como");
  g_autoptr(SportelloClient) found = NULL;
  g_autoptr(SportelloClientList) list = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *updated_at = "2026-10-01T09:00:00Z";
  const SportelloMigration *migrations;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  guint n;

  /* a database of the schema before migration 10 (its first 9 steps), with
   * a client as a bundle used to bring it in */
  migrations = _sportello_migrations (&n);
  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < 9; i++)
    g_string_append_printf (sql, "%s;", migrations[i].sql);
  g_string_append_printf (sql, "INSERT INTO clients (uuid, name, vat_number, tax_code, municipality, province, created_at, updated_at)"
                               " VALUES ('6c1b1e42-7d3c-4b8e-9a57-0d2f5c3e9a11', 'Ottica Colombo', 'IT 007.431.101-57',"
                               " '007.431.101.57', 'Como', 'co', '%s', '%s');"
                               "PRAGMA user_version = 9;", updated_at, updated_at);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sportello_database_get_schema_version (db), ==, sportello_database_latest_schema_version ());
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients WHERE vat_number = '00743110157' "
                                   "AND tax_code = '00743110157' AND province = 'CO'"), ==, 1);
  found = sportello_client_find_duplicate (plain, db, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (sportello_client_get (found, SPORTELLO_CLIENT_UPDATED_AT), ==, updated_at);

  list = sportello_client_list_new (db);
  g_assert_cmpuint (search_count (list, "00743110157"), ==, 1);
}

/* Migration 16 makes the clients' full-text index again without the
 * field lengths (columnsize=0): the clients already there are found as
 * before, by every field the search reads; the index matches its content,
 * still forgets what is erased (secure-delete), and the triggers keep it
 * up to date */
static void
test_search_migrated_16 (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "clients-fts-16", NULL);
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloClientList) list = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const SportelloMigration *migrations;
  sqlite3 *raw = NULL;
  guint n;

  /* a database of the schema before it (its first 15 steps), with
   * clients indexed by the triggers of the time */
  migrations = _sportello_migrations (&n);
  g_assert_cmpuint (n, >=, 16);
  for (guint i = 0; i < 15; i++)
    g_string_append_printf (sql, "%s;", migrations[i].sql);
  g_string_append (sql,
    "INSERT INTO clients (uuid, name, vat_number, municipality, tags, notes, created_at, updated_at) VALUES"
    " ('6c1b1e42-7d3c-4b8e-9a57-0d2f5c3e9a11', 'Ottica Colombo', '00743110157', 'Cantù', 'bandi', 'vetrina nuova',"
    "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('7d2c2f53-8e4d-4c9f-8b68-1e3f6d4f0b22', 'Ferramenta Galli', '12345670017', 'Novara', '', 'chiede un preventivo',"
    "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "PRAGMA user_version = 15; PRAGMA application_id = 0x53505254;");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (_sportello_migrations_register_functions (raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sportello_database_get_schema_version (db), ==, sportello_database_latest_schema_version ());
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'clients_fts' "
                                   "AND sql LIKE '%prefix=''1 2 3'', columnsize=0%'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'clients_fts_docsize'"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT v FROM clients_fts_config WHERE k = 'secure-delete'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'clients_fts_%'"), ==, 3);

  list = sportello_client_list_new (db);
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (search_count (list, "colombo"), ==, 1);
  g_assert_cmpuint (search_count (list, "ott col"), ==, 1);
  g_assert_cmpuint (search_count (list, "cantu"), ==, 1);
  g_assert_cmpuint (search_count (list, "007431"), ==, 1);
  g_assert_cmpuint (search_count (list, "bandi"), ==, 1);
  g_assert_cmpuint (search_count (list, "preventivo"), ==, 1);
  g_assert_cmpuint (search_count (list, "Galli Novara"), ==, 1);
  g_assert_cmpuint (search_count (list, "Colomob"), ==, 1);   /* a typo, from the index's words */
  store_test_exec (db, "INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 1)");

  /* kept up to date: a change, an erasure */
  store_test_exec (db, "UPDATE clients SET notes = 'insegna luminosa' WHERE name = 'Ottica Colombo'");
  store_test_exec (db, "DELETE FROM clients WHERE name = 'Ferramenta Galli'");
  sportello_client_list_set_search (list, NULL);
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_cmpuint (search_count (list, "insegna"), ==, 1);
  g_assert_cmpuint (search_count (list, "vetrina"), ==, 0);
  g_assert_cmpuint (search_count (list, "preventivo"), ==, 0);
  g_assert_cmpuint (search_count (list, "galli"), ==, 0);
  store_test_exec (db, "INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 1)");
}

static void
test_search (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(SportelloClient) a = save_new (db, "Pasticceria Bianchi", "00743110157", "Cantù");
  g_autoptr(SportelloClient) b = save_new (db, "Ferramenta Galli", "12345670017", "Novara");
  g_autoptr(SportelloClient) c = save_new (db, "Studio Bianchi & Sala", "", "Como");
  g_autoptr(GError) error = NULL;

  sportello_client_set (b, SPORTELLO_CLIENT_TAGS, "marketplace, export");
  sportello_client_set (b, SPORTELLO_CLIENT_NOTES, "Vogliono vendere su Amazon entro Natale");
  g_assert_true (sportello_client_save (b, db, &error));

  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  g_assert_cmpuint (search_count (list, "bianchi"), ==, 2);
  g_assert_cmpuint (search_count (list, "bian"), ==, 2);        /* as you type */
  g_assert_cmpuint (search_count (list, "cantu"), ==, 1);       /* accents don't matter */
  g_assert_cmpuint (search_count (list, "007431"), ==, 1);      /* part of a VAT number */
  g_assert_cmpuint (search_count (list, "marketplace"), ==, 1); /* tags */
  g_assert_cmpuint (search_count (list, "amazon"), ==, 1);      /* notes */
  g_assert_cmpuint (search_count (list, "bianchi como"), ==, 1);/* every word */
  g_assert_cmpuint (search_count (list, "\"AND OR NEAR("), ==, 0); /* no FTS syntax leaks */
  g_assert_cmpuint (search_count (list, "zzz"), ==, 0);
  g_assert_true (sportello_client_list_is_filtered (list));
  g_assert_cmpuint (sportello_client_list_count_all (list), ==, 3);

  /* the index follows a rename */
  sportello_client_set (a, SPORTELLO_CLIENT_NAME, "Pasticceria Lario");
  g_assert_true (sportello_client_save (a, db, &error));
  sportello_client_list_set_search (list, NULL);
  g_assert_cmpuint (search_count (list, "lario"), ==, 1);
  g_assert_cmpuint (search_count (list, "bianchi"), ==, 1);
}

/* one typo in a name is forgiven when nothing else matches */
static void
test_search_typo (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(SportelloClient) a = save_new (db, "Studio Molteni", "", "Cantù");
  g_autoptr(SportelloClient) b = save_new (db, "Falegnameria Brambilla", "", "Lomazzo");
  g_autoptr(SportelloClient) c = save_new (db, "Pasticceria Moretti", "", "Como");
  g_autoptr(GError) error = NULL;

  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_cmpuint (search_count (list, "Molteni"), ==, 1);
  g_assert_cmpuint (search_count (list, "Moltenni"), ==, 1);   /* a letter too many */
  g_assert_cmpuint (search_count (list, "Moltni"), ==, 1);     /* one missing */
  g_assert_cmpuint (search_count (list, "Moltemi"), ==, 1);    /* one changed */
  g_assert_cmpuint (search_count (list, "Motleni"), ==, 1);    /* two swapped */
  g_assert_cmpuint (search_count (list, "Omlteni"), ==, 1);    /* the first two too */
  g_assert_cmpuint (search_count (list, "Molteni"), ==, 1);
  {
    g_autoptr(SportelloClient) found = NULL;

    sportello_client_list_set_search (list, "Moltenni");
    found = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (sportello_client_get_uuid (found), ==, sportello_client_get_uuid (a));
  }
  g_assert_cmpuint (search_count (list, "Brambila studio"), ==, 0);  /* every word still counts */
  g_assert_cmpuint (search_count (list, "Brambila lomazzo"), ==, 1);
  g_assert_cmpuint (search_count (list, "Pastcceria"), ==, 1);
  g_assert_cmpuint (search_count (list, "Moltennni"), ==, 0);  /* two typos: no */
  g_assert_cmpuint (search_count (list, "Cantuu"), ==, 0);     /* names only */
  g_assert_cmpuint (search_count (list, "Mol"), ==, 1);        /* short words: prefixes only */
  g_assert_cmpuint (search_count (list, "Molx"), ==, 0);
  /* an exact match is not drowned by near ones */
  g_assert_cmpuint (search_count (list, "Moretti"), ==, 1);
}

/* a client found by its notes says why; by its name, it needs not */
static void
test_search_match (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(SportelloClient) a = save_new (db, "Ottica Colombo", "", "Como");
  g_autoptr(SportelloClient) b = save_new (db, "Ferramenta Galli", "", "Novara");
  g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (sportello_client_get_uuid (a));
  g_autoptr(SportelloClient) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *match = NULL;

  sportello_meeting_set (meeting, SPORTELLO_MEETING_NOTES,
                         "Il titolare vuole aprire un negozio su Shopify prima dei saldi invernali.");
  g_assert_true (sportello_meeting_save (meeting, db, &error));
  g_assert_no_error (error);
  sportello_client_set (b, SPORTELLO_CLIENT_NOTES, "Chiede un preventivo per il gestionale di magazzino.");
  g_assert_true (sportello_client_save (b, db, &error));
  g_assert_true (sportello_client_list_refresh (list, &error));

  /* no search, nothing to explain */
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_null (sportello_client_list_dup_match (list, item));
  g_clear_object (&item);

  /* in a meeting's notes */
  g_assert_cmpuint (search_count (list, "shopify"), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  match = sportello_client_list_dup_match (list, item);
  g_assert_nonnull (match);
  g_assert_nonnull (strstr (match, "\x02Shopify\x03"));
  g_assert_nonnull (strstr (match, "negozio"));
  g_clear_pointer (&match, g_free);
  g_clear_object (&item);

  /* in the client's own notes */
  g_assert_cmpuint (search_count (list, "gestionale"), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  match = sportello_client_list_dup_match (list, item);
  g_assert_nonnull (match);
  g_assert_nonnull (strstr (match, "\x02gestionale\x03"));
  g_clear_pointer (&match, g_free);
  g_clear_object (&item);

  /* by its name: the row says it already */
  g_assert_cmpuint (search_count (list, "colombo"), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_null (sportello_client_list_dup_match (list, item));
}

static void
test_search_query (void)
{
  g_autofree char *q1 = sportello_fts_query_from_text ("Rossi  s.r.l.");
  g_autofree char *q2 = sportello_fts_query_from_text ("  \" * ( ) ");
  g_autofree char *q3 = sportello_fts_query_from_text ("Cantù");

  g_assert_cmpstr (q1, ==, "\"Rossi\"* \"s\"* \"r\"* \"l\"*");
  g_assert_null (q2);
  g_assert_cmpstr (q3, ==, "\"Cantù\"*");
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_filters_and_sort (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(SportelloClient) a = save_new (db, "Bar Centrale", "", "Novara");
  g_autoptr(SportelloClient) b = save_new (db, "Ares Meccanica", "", "Ivrea");
  g_autoptr(SportelloClient) c = save_new (db, "Ceramiche Villa", "", "Caserta");
  g_autoptr(SportelloClient) first = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  sportello_client_set (a, SPORTELLO_CLIENT_CATEGORY, "hospitality");
  sportello_client_set (a, SPORTELLO_CLIENT_TAGS, "social");
  g_assert_true (sportello_client_save (a, db, &error));
  sportello_client_set (c, SPORTELLO_CLIENT_STATUS, "archived");
  g_assert_true (sportello_client_save (c, db, &error));

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_cmpuint (changes, ==, 1);   /* one signal per refresh */

  /* archived clients only on request */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (sportello_client_get_name (first), ==, "Ares Meccanica");
  g_clear_object (&first);

  sportello_client_list_set_sort (list, SPORTELLO_CLIENT_SORT_MUNICIPALITY);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (sportello_client_get (first, SPORTELLO_CLIENT_MUNICIPALITY), ==, "Ivrea");
  g_clear_object (&first);

  sportello_client_list_set_sort (list, SPORTELLO_CLIENT_SORT_UPDATED);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (sportello_client_get_name (first), ==, "Bar Centrale");
  g_clear_object (&first);

  sportello_client_list_set_status (list, "archived");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  sportello_client_list_set_status (list, NULL);

  sportello_client_list_set_category (list, "hospitality");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  sportello_client_list_set_category (list, NULL);

  sportello_client_list_set_tag (list, "SOCIAL");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (sportello_client_list_find (list, sportello_client_get_uuid (a)), ==, 0);
  g_assert_cmpint (sportello_client_list_find (list, sportello_client_get_uuid (b)), ==, -1);
  sportello_client_list_set_tag (list, NULL);
  g_assert_false (sportello_client_list_is_filtered (list));

  {
    g_auto(GStrv) tags = sportello_client_list_tags (db, &error);
    g_assert_cmpuint (g_strv_length (tags), ==, 1);
    g_assert_cmpstr (tags[0], ==, "social");
  }
}

static void
test_delete_undo (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(SportelloClient) a = save_new (db, "Enoteca Duomo", "00743110157", "Como");
  g_autoptr(SportelloClient) b = save_new (db, "Libreria Sole", "", "Arona");
  g_autoptr(SportelloContact) contact = sportello_contact_new (sportello_client_get_uuid (a));
  g_autoptr(GError) error = NULL;

  sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, "Anna Conti");
  g_assert_true (sportello_contact_save (contact, db, &error));

  g_assert_true (sportello_client_trash (db, sportello_client_get_uuid (a), &error));
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (search_count (list, "enoteca"), ==, 0);
  sportello_client_list_set_search (list, NULL);
  /* a trashed client is no duplicate */
  {
    g_autoptr(SportelloClient) twin = make_client ("Enoteca", "00743110157", "Como");
    g_autoptr(SportelloClient) found = sportello_client_find_duplicate (twin, db, NULL, &error);
    g_assert_null (found);
  }

  /* Undo */
  g_assert_true (sportello_client_restore (db, sportello_client_get_uuid (a), &error));
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 1);

  /* restoring twice is an error, not a silent success */
  g_assert_false (sportello_client_restore (db, sportello_client_get_uuid (a), &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the toast is dismissed: gone for real, with its contacts */
  g_assert_true (sportello_client_trash (db, sportello_client_get_uuid (a), &error));
  g_assert_true (sportello_client_purge_trashed (db, sportello_client_get_uuid (b), &error));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 2);   /* b was not trashed */
  g_assert_true (sportello_client_purge_trashed (db, NULL, &error));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 0);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;
  return memmem (data, len, needle, strlen (needle)) != NULL;
}

static void
test_erase (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) keep = save_new (db, "Sartoria Molteni", "", "Erba");
  g_autoptr(SportelloClient) gone = make_client ("Zxqvorificio Brambilla", "02710890134", "Mariano Comense");
  g_autoptr(SportelloContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = NULL;
  sqlite3 *raw = NULL;
  sqlite3_stmt *tables = NULL;

  sportello_client_set (gone, SPORTELLO_CLIENT_NOTES, "Qwzzyx nota riservata");
  sportello_client_set (gone, SPORTELLO_CLIENT_TAGS, "qwzzytag");
  g_assert_true (sportello_client_save (gone, db, &error));
  contact = sportello_contact_new (sportello_client_get_uuid (gone));
  sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, "Wqzzyname Brambilla");
  g_assert_true (sportello_contact_save (contact, db, &error));

  g_assert_true (sportello_client_erase (db, sportello_client_get_uuid (gone), &error));
  g_assert_no_error (error);

  /* every table: no row mentions the client any more */
  g_assert_cmpint (sqlite3_open (sportello_database_get_path (db), &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      sqlite3_stmt *rows = NULL;

      if (sqlite3_prepare_v2 (raw, sql, -1, &rows, NULL) != SQLITE_OK)
        continue;   /* e.g. the FTS shadow config */
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int col = 0; col < sqlite3_column_count (rows); col++)
          {
            const char *value = (const char *) sqlite3_column_blob (rows, col);
            int len = sqlite3_column_bytes (rows, col);

            if (value == NULL)
              continue;
            g_assert_null (memmem (value, len, sportello_client_get_uuid (gone), 36));
            g_assert_null (memmem (value, len, "zxqvorificio", 12));
            g_assert_null (memmem (value, len, "Zxqvorificio", 12));
            g_assert_null (memmem (value, len, "qwzzy", 5));
            g_assert_null (memmem (value, len, "wqzzyname", 9));
            g_assert_null (memmem (value, len, "Wqzzyname", 9));
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (raw);

  /* and not in the file either: freed pages are zeroed, the WAL is emptied */
  g_assert_false (file_contains (sportello_database_get_path (db), "Zxqvorificio"));
  g_assert_false (file_contains (sportello_database_get_path (db), "zxqvorificio"));
  g_assert_false (file_contains (sportello_database_get_path (db), "Wqzzyname"));
  wal = g_strconcat (sportello_database_get_path (db), "-wal", NULL);
  g_assert_false (file_contains (wal, "Zxqvorificio"));

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client_tags"), ==, 0);
}

static void
test_contacts (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) client = save_new (db, "Gelateria Portici", "", "Ivrea");
  g_autoptr(SportelloContact) anna = sportello_contact_new (sportello_client_get_uuid (client));
  g_autoptr(SportelloContact) luca = sportello_contact_new (sportello_client_get_uuid (client));
  g_autoptr(SportelloContact) bad = sportello_contact_new (sportello_client_get_uuid (client));
  g_autoptr(SportelloContact) orphan = sportello_contact_new ("00000000-0000-4000-8000-000000000000");
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(SportelloContact) first = NULL;
  g_autoptr(GError) error = NULL;

  sportello_contact_set (anna, SPORTELLO_CONTACT_NAME, "Anna Sala");
  sportello_contact_set (anna, SPORTELLO_CONTACT_ROLE, "Titolare");
  sportello_contact_set_is_primary (anna, TRUE);
  g_assert_true (sportello_contact_save (anna, db, &error));
  sportello_contact_set (luca, SPORTELLO_CONTACT_NAME, "Luca Nava");
  g_assert_true (sportello_contact_save (luca, db, &error));

  contacts = sportello_contact_list_for_client (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  first = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (sportello_contact_get (first, SPORTELLO_CONTACT_NAME), ==, "Anna Sala");
  g_assert_cmpstr (sportello_contact_get (first, SPORTELLO_CONTACT_ORIGIN_HUB), ==, "ComoNext – Lomazzo");
  g_clear_object (&first);
  g_clear_object (&contacts);

  /* one primary contact */
  sportello_contact_set_is_primary (luca, TRUE);
  g_assert_true (sportello_contact_save (luca, db, &error));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts WHERE is_primary"), ==, 1);
  contacts = sportello_contact_list_for_client (db, sportello_client_get_uuid (client), &error);
  first = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (sportello_contact_get (first, SPORTELLO_CONTACT_NAME), ==, "Luca Nava");

  /* bad input */
  g_assert_false (sportello_contact_save (bad, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sportello_contact_set (bad, SPORTELLO_CONTACT_NAME, "X");
  sportello_contact_set (bad, SPORTELLO_CONTACT_EMAIL, "x@");
  g_assert_false (sportello_contact_save (bad, db, &error));
  g_clear_error (&error);
  sportello_contact_set (orphan, SPORTELLO_CONTACT_NAME, "Nobody");
  g_assert_false (sportello_contact_save (orphan, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sportello_contact_delete (db, sportello_contact_get (anna, SPORTELLO_CONTACT_UUID), &error));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 1);
}

static void
test_demo (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_uuid = NULL;
  guint n;

  g_assert_true (sportello_demo_fill (db, 200, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 200);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), >=, 200);
  g_assert_cmpint (count_rows (db, "SELECT count(DISTINCT municipality) FROM clients"), >, 10);
  /* a few advice documents, some sent, written from the templates for the client */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM documents"), >, 20);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM documents WHERE status = 'sent' AND sent_on <> ''"), >, 5);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM documents d JOIN clients c ON c.id = d.client_id "
                                   "WHERE instr(d.body, c.name) > 0"), ==,
                   count_rows (db, "SELECT count(*) FROM documents"));

  /* every demo client passes the same checks as a typed one */
  sportello_client_list_set_status (list, NULL);
  g_assert_true (sportello_client_list_refresh (list, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 100);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(GPtrArray) problems = sportello_client_check (client);

      for (guint j = 0; j < problems->len; j++)
        g_assert_false (((SportelloClientProblem *) g_ptr_array_index (problems, j))->blocking);
      if (i == 0)
        first_uuid = g_strdup (sportello_client_get_uuid (client));
    }

  /* deterministic: the same N in another database gives the same clients */
  {
    g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "clients-test-2", NULL);
    g_autoptr(SportelloDatabase) db2 = sportello_database_open (dir, &error);
    g_autoptr(SportelloClientList) list2 = sportello_client_list_new (db2);
    g_autoptr(SportelloClient) first = NULL;

    g_assert_true (sportello_demo_fill (db2, 200, &error));
    g_assert_true (sportello_client_list_refresh (list2, &error));
    first = g_list_model_get_item (G_LIST_MODEL (list2), 0);
    g_assert_cmpstr (sportello_client_get_uuid (first), ==, first_uuid);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/client/crud", test_crud);
  g_test_add_func ("/store/client/check", test_check);
  g_test_add_func ("/store/client/duplicates", test_duplicates);
  g_test_add_func ("/store/client/identifiers-migrated", test_identifiers_migrated);
  g_test_add_func ("/store/client/search", test_search);
  g_test_add_func ("/store/client/search-migrated-16", test_search_migrated_16);
  g_test_add_func ("/store/client/search-query", test_search_query);
  g_test_add_func ("/store/client/search-typo", test_search_typo);
  g_test_add_func ("/store/client/search-match", test_search_match);
  g_test_add_func ("/store/client/filters-and-sort", test_filters_and_sort);
  g_test_add_func ("/store/client/delete-undo", test_delete_undo);
  g_test_add_func ("/store/client/erase", test_erase);
  g_test_add_func ("/store/client/contacts", test_contacts);
  g_test_add_func ("/store/client/demo", test_demo);

  return g_test_run ();
}
