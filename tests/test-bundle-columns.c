/* test-bundle-columns.c: each kind's list of columns and its table agree
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every kind describes its columns once (SPORTELLO_KIND_COLUMNS in its
 * -private.h) and the bundle's table is made from those lists. These
 * tests hold the lists to the tables the migrations make, column by
 * column and type by type, and carry every kind through a bundle into
 * an empty database, comparing every described column.
 */

#include "config.h"

#include <sqlite3.h>

#include "sportello-attachment.h"
#include "sportello-bundle.h"
#include "sportello-bundle-private.h"
#include "sportello-database.h"
#include "sportello-database-private.h"
#include "sportello-demo.h"
#include "sportello-user-template.h"
#include "store-test-util.h"

/* The columns of each table that no bundle carries, and why */
static const char * const not_carried[SPORTELLO_N_RECORD_KINDS][6] = {
  /* kept by the meetings' triggers; the bin, anonymisation and retention
   * are this database's own */
  [SPORTELLO_RECORD_KIND_CLIENT] = { "last_meeting_at", "deleted_at", "anonymised_at", "retention_kept_at" },
  /* made again from the grant application's deadlines */
  [SPORTELLO_RECORD_KIND_FOLLOW_UP] = { "application_id", "reminder" },
  /* those in the bin are not carried */
  [SPORTELLO_RECORD_KIND_ATTACHMENT] = { "deleted_at" },
};

static gboolean
is_not_carried (SportelloRecordKind  kind,
                const char          *name)
{
  /* the row id is every table's own */
  if (g_str_equal (name, "id"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (not_carried[kind]) && not_carried[kind][i] != NULL; i++)
    if (g_str_equal (not_carried[kind][i], name))
      return TRUE;
  return FALSE;
}

/* What the table's declared type must be for a column of @type */
static const char *
declared_type (ColumnType type)
{
  switch (type)
    {
    case COL_INT:
    case COL_BOOL:
    case COL_REF:
    case COL_CONTACT:
      return "INTEGER";
    case COL_TEXT:
    case COL_CONTENT:
    default:
      return "TEXT";
    }
}

/* Every column of every kind's table is in its description or in the
 * list of those bundles do not carry, with the type the description
 * gives, and every described column is in the table, once */
static void
test_described (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("columns-described", "Chiara Esposito", "Polo di Caserta");
  sqlite3 *handle = _sportello_database_get_handle (db);

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      const RecordSpec *spec = &_sportello_bundle_specs[kind];
      g_autoptr(GHashTable) described = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) members = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) in_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *sql = g_strdup_printf ("SELECT name, type FROM pragma_table_info ('%s')", spec->table);
      sqlite3_stmt *stmt = NULL;
      guint n_content = 0;

      g_test_message ("%s (table %s)", spec->array, spec->table);
      for (guint i = 0; i < spec->n_columns; i++)
        {
          const Column *column = &spec->columns[i];

          /* a member appears once in a record */
          g_assert_false (g_hash_table_contains (members, column->key));
          g_hash_table_add (members, (gpointer) column->key);
          if (column->type == COL_CONTENT)
            {
              /* the bytes, last, from a content file: no column */
              g_assert_null (column->column);
              g_assert_cmpuint (i, ==, spec->n_columns - 1);
              n_content++;
              continue;
            }
          g_assert_nonnull (column->column);
          g_assert_false (g_hash_table_contains (described, column->column));
          g_hash_table_insert (described, (gpointer) column->column, (gpointer) column);
          /* where member and column differ, the column is a reference */
          if (!g_str_equal (column->key, column->column))
            g_assert_true (column->type == COL_REF || column->type == COL_CONTACT);
          /* the references name their parent's kind */
          if (column->type == COL_REF)
            g_assert_cmpint (spec->parent, >=, 0);
        }
      g_assert_cmpuint (n_content, <=, 1);
      /* every kind begins with the same five (RECORD_UUID and
       * RECORD_UPDATED_AT read the first and third) */
      g_assert_cmpuint (spec->n_columns, >, 5);
      g_assert_cmpstr (spec->columns[0].key, ==, "uuid");
      g_assert_cmpstr (spec->columns[1].key, ==, "created_at");
      g_assert_cmpstr (spec->columns[2].key, ==, "updated_at");
      g_assert_cmpstr (spec->columns[3].key, ==, "origin_consultant");
      g_assert_cmpstr (spec->columns[4].key, ==, "origin_hub");

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);
          const char *type = (const char *) sqlite3_column_text (stmt, 1);
          const Column *column = g_hash_table_lookup (described, name);

          g_hash_table_add (in_table, g_strdup (name));
          if (column == NULL)
            {
              if (!is_not_carried (kind, name))
                g_error ("%s.%s is neither in the kind's list of columns nor among those no bundle carries",
                         spec->table, name);
              continue;
            }
          g_assert_false (is_not_carried (kind, name));
          if (g_ascii_strcasecmp (type, declared_type (column->type)) != 0)
            g_error ("%s.%s is %s in the table, not %s as its description says",
                     spec->table, name, type, declared_type (column->type));
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (g_hash_table_size (in_table), >, 0);

      /* and the other way round */
      {
        GHashTableIter iter;
        gpointer name;

        g_hash_table_iter_init (&iter, described);
        while (g_hash_table_iter_next (&iter, &name, NULL))
          if (!g_hash_table_contains (in_table, name))
            g_error ("%s of the %s' list of columns is no column of %s", (char *) name, spec->array, spec->table);
        for (guint i = 0; i < G_N_ELEMENTS (not_carried[kind]) && not_carried[kind][i] != NULL; i++)
          g_assert_true (g_hash_table_contains (in_table, not_carried[kind][i]));
      }
    }
}

/* Every described column of every record of @kind, in UUID order, one
 * line a record: references by their UUIDs, NULL apart from '' */
static GPtrArray *
dump_kind (SportelloDatabase   *db,
           SportelloRecordKind  kind)
{
  const RecordSpec *spec = &_sportello_bundle_specs[kind];
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  for (guint i = 0; i < spec->n_columns; i++)
    {
      const Column *column = &spec->columns[i];

      if (column->type == COL_CONTENT)
        continue;
      if (column->type == COL_REF || column->type == COL_CONTACT)
        g_string_append_printf (sql, "%s%s", n++ ? ", " : "", column->expr);
      else
        g_string_append_printf (sql, "%st.%s", n++ ? ", " : "", column->column);
    }
  g_string_append_printf (sql, " FROM %s ORDER BY t.uuid", spec->own_from != NULL ? spec->own_from : spec->from);

  g_assert_cmpint (sqlite3_prepare_v2 (_sportello_database_get_handle (db), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            g_string_append (row, "NULL");
          else
            g_string_append_printf (row, "'%s'", (const char *) sqlite3_column_text (stmt, i));
          g_string_append (row, i + 1 < n ? " | " : "");
        }
      g_ptr_array_add (rows, g_string_free (g_steal_pointer (&row), FALSE));
    }
  sqlite3_finalize (stmt);

  return rows;
}

/* Every kind through a bundle into an empty database: every described
 * column of every record the same */
static void
test_round_trip (void)
{
  g_autoptr(SportelloDatabase) a = store_test_open_db ("columns-a", "Chiara Esposito", "Polo di Caserta");
  g_autoptr(SportelloDatabase) b = store_test_open_db ("columns-b", "Marco Ferri", "Polo di Lecco");
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(SportelloAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("una nota", 8);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "columns.sportello", NULL);
  SportelloTemplate template = { 0 };
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autofree char *client_uuid = NULL;

  g_assert_true (sportello_demo_fill (a, 40, &error));
  g_assert_no_error (error);
  template.title = g_strdup ("Piano di lavoro");
  template.description = g_strdup ("Per le imprese nuove");
  template.category = g_strdup ("avvio");
  template.body = g_strdup ("# Piano\n\nTesto.");
  g_assert_true (sportello_user_template_save (a, &template, &error));
  g_assert_no_error (error);
  g_free (template.id);
  g_free (template.title);
  g_free (template.description);
  g_free (template.category);
  g_free (template.body);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (_sportello_database_get_handle (a),
                                         "SELECT uuid FROM clients ORDER BY uuid LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    client_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  attachment = sportello_attachment_add_bytes (a, client_uuid, "nota.txt", "text/plain", bytes, &error);
  g_assert_no_error (error);
  /* an employee count unknown, a registration of someone not ours, and
   * some text where the demo leaves every row the same */
  store_test_exec (a, "UPDATE clients SET employees = NULL WHERE id = (SELECT min (id) FROM clients)");
  store_test_exec (a, "UPDATE clients SET consent_note = 'Per telefono' WHERE id = (SELECT max (id) FROM clients)");
  store_test_exec (a, "UPDATE meetings SET participants = 'Anna Neri\nLuca Bianchi' WHERE id = (SELECT min (id) FROM meetings)");
  store_test_exec (a, "UPDATE registrations SET contact_id = NULL WHERE id = (SELECT min (id) FROM registrations)");
  store_test_exec (a, "UPDATE registrations SET consent_note = 'Al banco', notes = 'Arriva tardi' "
                      "WHERE id = (SELECT max (id) FROM registrations)");
  store_test_exec (a, "UPDATE grant_calls SET notes = 'Chiede il DURC' WHERE id = (SELECT min (id) FROM grant_calls)");

  g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  g_assert_no_error (error);
  bundle = sportello_bundle_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sportello_bundle_get_problems (bundle)->len, ==, 0);
  g_assert_true (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_NEWER, "columns.sportello", counts, &error));
  g_assert_no_error (error);

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GPtrArray) ours = dump_kind (a, kind);
      g_autoptr(GPtrArray) theirs = dump_kind (b, kind);

      g_test_message ("%s: %u records", _sportello_bundle_specs[kind].array, ours->len);
      /* every kind is there to compare */
      g_assert_cmpuint (ours->len, >, 0);
      g_assert_cmpuint (counts[kind].new_records, ==, ours->len);
      g_assert_cmpuint (theirs->len, ==, ours->len);
      for (guint i = 0; i < ours->len; i++)
        g_assert_cmpstr (g_ptr_array_index (theirs, i), ==, g_ptr_array_index (ours, i));
    }
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/store/bundle-columns/described", test_described);
  g_test_add_func ("/store/bundle-columns/round-trip", test_round_trip);

  return g_test_run ();
}
