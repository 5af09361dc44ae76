/* sportello-client-csv-rows.c: each row of a spreadsheet made into a
 * client and a person as the editor would make them, and checked; and
 * what a row is looked up in to know whether it is already a client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-client-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-client-csv-private.h"
#include "sportello-database-private.h"

/* ------------------------------------------------------- report ---- */

void
_sportello_client_csv_problem_free (SportelloClientCsvProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

void
_sportello_client_csv_duplicate_free (SportelloClientCsvDuplicate *duplicate)
{
  g_free (duplicate->name);
  g_free (duplicate->existing_uuid);
  g_free (duplicate->existing_name);
  g_free (duplicate->matched);
  g_free (duplicate);
}

void
sportello_client_csv_report_free (SportelloClientCsvReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->duplicate_rows, g_ptr_array_unref);
  g_free (report);
}

/* "Wrong check digit" → "wrong check digit", after a colon; "ATECO…" stays */
static char *
lower_first (const char *message)
{
  gunichar first = g_utf8_get_char (message);
  const char *rest = g_utf8_next_char (message);

  if (!g_unichar_isupper (first) || (*rest != '\0' && g_unichar_isupper (g_utf8_get_char (rest))))
    return g_strdup (message);

  {
    char buf[8] = { 0, };

    g_unichar_to_utf8 (g_unichar_tolower (first), buf);
    return g_strconcat (buf, rest, NULL);
  }
}

static void
add_problem (SportelloClientCsvReport *report,
             guint                     line,
             int                       column,
             const char               *header,
             const char               *message)
{
  SportelloClientCsvProblem *problem = g_new0 (SportelloClientCsvProblem, 1);
  g_autofree char *lowered = lower_first (message);

  problem->line = line;
  problem->column = column;
  /* Translators: a bad row of a spreadsheet: its row number, the header
   * of its column and what is wrong, as in
   * “row 19, “VAT number”: wrong check digit: expected 7” */
  problem->message = g_strdup_printf (_("row %u, “%s”: %s"), line, header, lowered);
  g_ptr_array_add (report->problems, problem);
}

/* ----------------------------------------------------------- rows ---- */

void
_sportello_client_csv_decision_clear (SportelloClientCsvDecision *row)
{
  g_clear_object (&row->client);
  g_clear_pointer (&row->contacts, g_ptr_array_unref);
}

/* _sportello_client_csv_vocabulary_id (), remembered for the file */
static const char *
value_id (SportelloClientCsv  *self,
          SportelloVocabulary  vocabulary,
          const char          *value)
{
  GHashTable **values = &self->values[vocabulary];
  const char *id;

  g_assert ((guint) vocabulary < SPORTELLO_CLIENT_CSV_N_VOCABULARIES);
  if (*values == NULL)
    *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!(id = g_hash_table_lookup (*values, value)))
    {
      id = _sportello_client_csv_vocabulary_id (vocabulary, value);
      if (id == NULL)
        id = "";
      g_hash_table_insert (*values, g_strdup (value), (gpointer) id);
    }

  return id[0] != '\0' ? id : NULL;
}

/* Makes the row's client and person as the editor would, and lists what
 * stops them from being saved; returns FALSE for a bad row */
gboolean
_sportello_client_csv_build_row (SportelloClientCsv         *self,
                                 SportelloCsvRow            *csv_row,
                                 const int                   column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
                                 SportelloClientCsvReport   *report,
                                 SportelloClientCsvDecision *row)
{
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(GPtrArray) problems = NULL;
  const char *contact_values[4] = { "", "", "", "" };
  gboolean good = TRUE;

  for (guint c = 0; c < self->table->n_columns; c++)
    {
      int target = self->targets[c];
      const char *value = csv_row->fields[c];

      if (target < 0 || value[0] == '\0')
        continue;

      if (target < SPORTELLO_CLIENT_N_TEXT_FIELDS)
        {
          const char *id = NULL;
          SportelloVocabulary vocabulary;
          gboolean closed = FALSE;

          if (_sportello_client_csv_field_vocabulary (target, &vocabulary))
            {
              g_autofree char *trimmed = g_strstrip (g_strdup (value));

              closed = TRUE;
              if (trimmed[0] != '\0')
                id = value_id (self, vocabulary, trimmed);
              if (trimmed[0] != '\0' && id == NULL)
                id = value;   /* unknown: the check below names it */
            }
          sportello_client_set (client, target, closed ? (id != NULL ? id : sportello_client_get (client, target)) : value);
        }
      else if (target == SPORTELLO_CLIENT_CSV_EMPLOYEES)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (value));
          guint64 employees = 0;

          if (trimmed[0] != '\0' &&
              (!g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXINT, &employees, NULL)))
            {
              add_problem (report, csv_row->line, c, self->table->header[c],
                           _("The number of employees must be a whole number"));
              good = FALSE;
            }
          else if (trimmed[0] != '\0')
            sportello_client_set_employees (client, (int) employees);
        }
      else
        contact_values[target - SPORTELLO_CLIENT_CSV_CONTACT_NAME] = value;
    }

  /* the editor's own rules */
  sportello_client_normalize (client);
  problems = sportello_client_check (client);
  for (guint i = 0; i < problems->len; i++)
    {
      SportelloClientProblem *problem = g_ptr_array_index (problems, i);

      if (!problem->blocking)
        continue;
      add_problem (report, csv_row->line, column_of[problem->field],
                   _sportello_client_csv_column_header (self, column_of[problem->field], problem->field), problem->message);
      good = FALSE;
    }

  row->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  if (contact_values[0][0] != '\0' || contact_values[1][0] != '\0' ||
      contact_values[2][0] != '\0' || contact_values[3][0] != '\0')
    {
      g_autoptr(SportelloContact) contact = sportello_contact_new ("");
      g_autofree char *message = NULL;

      for (guint k = 0; k < 4; k++)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (contact_values[k]));

          sportello_contact_set (contact, SPORTELLO_CONTACT_NAME + k, trimmed);
        }
      if ((message = sportello_contact_check (contact)))
        {
          /* the name is missing, or the e-mail is wrong */
          int target = sportello_contact_get (contact, SPORTELLO_CONTACT_NAME)[0] == '\0'
                       ? SPORTELLO_CLIENT_CSV_CONTACT_NAME : SPORTELLO_CLIENT_CSV_CONTACT_EMAIL;

          add_problem (report, csv_row->line, column_of[target],
                       _sportello_client_csv_column_header (self, column_of[target], target), message);
          good = FALSE;
        }
      else
        g_ptr_array_add (row->contacts, g_steal_pointer (&contact));
    }

  row->client = g_steal_pointer (&client);
  return good;
}

/* The empty fields of @into that @from has; returns whether any */
gboolean
_sportello_client_csv_fill_empty (SportelloClient *into,
                                  SportelloClient *from,
                                  const int        column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
                                  gboolean         apply)
{
  gboolean filled = FALSE;

  for (guint f = 0; f < SPORTELLO_CLIENT_N_TEXT_FIELDS; f++)
    {
      const char *theirs = sportello_client_get (from, f);

      /* only what the file has a column for, never a default of a new client */
      if (column_of[f] < 0 || theirs[0] == '\0' || sportello_client_get (into, f)[0] != '\0')
        continue;
      filled = TRUE;
      if (apply)
        sportello_client_set (into, f, theirs);
    }
  if (column_of[SPORTELLO_CLIENT_CSV_EMPLOYEES] >= 0 &&
      sportello_client_get_employees (into) < 0 && sportello_client_get_employees (from) >= 0)
    {
      filled = TRUE;
      if (apply)
        sportello_client_set_employees (into, sportello_client_get_employees (from));
    }

  return filled;
}

void
_sportello_client_csv_lookups_clear (SportelloClientCsvLookups *lookups)
{
  g_clear_pointer (&lookups->ours, g_hash_table_unref);
  g_clear_pointer (&lookups->describe, sqlite3_finalize);
  g_clear_pointer (&lookups->contact_exists, sqlite3_finalize);
}

char *
_sportello_client_csv_name_key (const char *name,
                                const char *municipality)
{
  g_autofree char *n = g_utf8_casefold (name, -1);
  g_autofree char *m = g_utf8_casefold (municipality, -1);

  return g_strconcat ("name:", n, "\n", m, NULL);
}

/* What the duplicates are looked up in, read once: the VAT numbers and
 * tax codes of our clients (in either column, as
 * sportello_client_find_duplicate () looks: a firm's numeric tax code is
 * usually its VAT number), and the name and municipality of those with
 * neither; clients in the bin left out */
gboolean
_sportello_client_csv_lookups_init (SportelloClientCsvLookups  *lookups,
                                    SportelloDatabase          *db,
                                    GError                    **error)
{
  g_autoptr(sqlite3_stmt) all = NULL;
  int rc;

  lookups->ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!(all = _sportello_database_prepare (db,
          "SELECT id, vat_number, tax_code, name, municipality FROM clients WHERE deleted_at IS NULL ORDER BY id DESC",
          error)) ||
      !(lookups->describe = _sportello_database_prepare (db, "SELECT uuid, name FROM clients WHERE id = ?", error)) ||
      !(lookups->contact_exists = _sportello_database_prepare (db,
          "SELECT 1 FROM contacts WHERE client_id = ?1 AND name = ?2 COLLATE NOCASE", error)))
    return FALSE;

  /* by id downwards: the oldest client of a number wins, as LIMIT 1 on the index would */
  while ((rc = sqlite3_step (all)) == SQLITE_ROW)
    {
      gpointer id = GINT_TO_POINTER ((int) sqlite3_column_int64 (all, 0));
      const char *vat = (const char *) sqlite3_column_text (all, 1);
      const char *tax_code = (const char *) sqlite3_column_text (all, 2);

      if (vat[0] != '\0')
        g_hash_table_insert (lookups->ours, g_strconcat ("id:", vat, NULL), id);
      if (tax_code[0] != '\0')
        g_hash_table_insert (lookups->ours, g_strconcat ("id:", tax_code, NULL), id);
      if (vat[0] == '\0' && tax_code[0] == '\0')
        g_hash_table_insert (lookups->ours, _sportello_client_csv_name_key ((const char *) sqlite3_column_text (all, 3),
                                                      (const char *) sqlite3_column_text (all, 4)), id);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/* Our client under @key, 0 if none */
gint64
_sportello_client_csv_find_existing (SportelloClientCsvLookups *lookups,
                                     const char                *key)
{
  return key != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (lookups->ours, key)) : 0;
}

void
_sportello_client_csv_describe_existing (SportelloClientCsvLookups  *lookups,
                                         gint64                      id,
                                         char                      **uuid,
                                         char                      **name)
{
  sqlite3_reset (lookups->describe);
  sqlite3_bind_int64 (lookups->describe, 1, id);
  if (sqlite3_step (lookups->describe) == SQLITE_ROW)
    {
      *uuid = g_strdup ((const char *) sqlite3_column_text (lookups->describe, 0));
      *name = g_strdup ((const char *) sqlite3_column_text (lookups->describe, 1));
    }
  sqlite3_reset (lookups->describe);
}

/* Whether the client already has this person (by name, case not minded) */
gboolean
_sportello_client_csv_contact_exists (SportelloClientCsvLookups *lookups,
                                      gint64                     client_id,
                                      SportelloContact          *contact)
{
  gboolean exists;

  sqlite3_reset (lookups->contact_exists);
  sqlite3_bind_int64 (lookups->contact_exists, 1, client_id);
  sqlite3_bind_text (lookups->contact_exists, 2, sportello_contact_get (contact, SPORTELLO_CONTACT_NAME), -1, SQLITE_STATIC);
  exists = sqlite3_step (lookups->contact_exists) == SQLITE_ROW;
  sqlite3_reset (lookups->contact_exists);

  return exists;
}

gboolean
_sportello_client_csv_contact_in (GPtrArray        *contacts,
                                  SportelloContact *contact)
{
  for (guint i = 0; i < contacts->len; i++)
    if (g_utf8_collate (sportello_contact_get (g_ptr_array_index (contacts, i), SPORTELLO_CONTACT_NAME),
                        sportello_contact_get (contact, SPORTELLO_CONTACT_NAME)) == 0)
      return TRUE;
  return FALSE;
}
