/* sportello-retention.c: how long a client no longer followed is kept
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GDPR's storage limitation: a client with no activity for longer
 * than the period set in Preferences is listed for review, and the
 * consultant keeps it (not listed again until another period passes),
 * erases it with everything attached, or anonymises it.
 *
 * A client's activity is the latest of:
 *   - the last change to the client's own file (updated_at),
 *   - its last meeting, held or planned (last_meeting_at),
 *   - the last change to any of its records: contacts, meetings,
 *     follow-ups, documents and assessments (their updated_at),
 * and, for the review only, the day a review last kept it. Exports and
 * opening a file are not activity; an import that changes it is.
 *
 * Anonymising keeps what the yearly report counts and nothing that names
 * or describes the firm or its people:
 *   kept:   the client's category, legal form, province, employees,
 *           source, status, owner and origin (the consultant and hub),
 *           consent date and basis, dates; its meetings' dates, kinds and
 *           durations; follow-ups' assignee, due and done dates;
 *           documents' template, status and sent date; assessments'
 *           checklist, date and every answer's score;
 *   gone:   the name (a neutral label and the UUID's first characters
 *           take its place), VAT number, tax code, ATECO code, address,
 *           municipality, website, e-mail, PEC, SDI code, phone, tags,
 *           privacy note and notes; every contact; meetings'
 *           participants, topics and notes; follow-ups' text and
 *           documents' title (a neutral label each); documents' body;
 *           assessments' answer notes; the name of any imported file
 *           that spelt the client's name or numbers.
 * The client is marked (anonymised_at) and from then on read-only: the
 * database's own guards (migration 11) skip any write to it or its
 * records, an import of an older copy included.
 *
 * No trace is left in the file: secure_delete zeroes what SQLite frees,
 * the full-text indexes drop the old terms (their secure-delete option)
 * and are merged again (optimize) so no segment or its index keeps them,
 * and the WAL is checkpointed and truncated.
 */

#define G_LOG_DOMAIN "sportello-retention"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-attachment.h"
#include "sportello-bundle-private.h"
#include "sportello-database-private.h"
#include "sportello-retention.h"

/* The client's own activity, exactly as clients_by_activity indexes it */
#define OWN_ACTIVITY \
  "max (c.updated_at, coalesce (c.last_meeting_at, ''), coalesce (c.retention_kept_at, ''))"

/* The clients past the cutoff (?1): the index finds those whose own
 * activity is older, the by-client indexes of their records rule out the
 * few with a recent change there */
#define PAST_RETENTION \
  "FROM clients c " \
  "WHERE " OWN_ACTIVITY " < ?1 AND c.deleted_at IS NULL AND c.anonymised_at IS NULL " \
  "AND NOT EXISTS (SELECT 1 FROM contacts t WHERE t.client_id = c.id AND t.updated_at >= ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.client_id = c.id AND m.updated_at >= ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM meetings m JOIN follow_ups f ON f.meeting_id = m.id " \
  "                WHERE m.client_id = c.id AND f.updated_at >= ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.client_id = c.id AND d.updated_at >= ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.client_id = c.id AND a.updated_at >= ?1) "

/* The real last activity of a listed client, for people to read */
#define LAST_ACTIVITY \
  "max (c.updated_at, coalesce (c.last_meeting_at, ''), " \
  "     coalesce ((SELECT max (updated_at) FROM contacts WHERE client_id = c.id), ''), " \
  "     coalesce ((SELECT max (updated_at) FROM meetings WHERE client_id = c.id), ''), " \
  "     coalesce ((SELECT max (f.updated_at) FROM meetings m JOIN follow_ups f ON f.meeting_id = m.id " \
  "                WHERE m.client_id = c.id), ''), " \
  "     coalesce ((SELECT max (updated_at) FROM documents WHERE client_id = c.id), ''), " \
  "     coalesce ((SELECT max (updated_at) FROM assessments WHERE client_id = c.id), ''))"

static const char * const fts_indexes[] = { SPORTELLO_FTS_INDEXES };

void
sportello_retention_candidate_free (SportelloRetentionCandidate *candidate)
{
  g_free (candidate->uuid);
  g_free (candidate->name);
  g_free (candidate->municipality);
  g_free (candidate->province);
  g_free (candidate->last_activity);
  g_free (candidate->kept_at);
  g_free (candidate);
}

static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/**
 * sportello_retention_cutoff:
 * @years: the retention period, or %SPORTELLO_RETENTION_NEVER
 * @now: (nullable): the present, or %NULL for the clock's
 *
 * Returns: (nullable): the UTC ISO 8601 time before which a client's last
 * activity makes it due for review, or %NULL if clients are kept for ever
 */
char *
sportello_retention_cutoff (guint      years,
                            GDateTime *now)
{
  g_autoptr(GDateTime) clock = NULL;
  g_autoptr(GDateTime) cutoff = NULL;

  if (years == SPORTELLO_RETENTION_NEVER)
    return NULL;

  if (now == NULL)
    now = clock = g_date_time_new_now_utc ();
  cutoff = g_date_time_add_years (now, -(int) MIN (years, 1000));

  return format_utc (cutoff);
}

/**
 * sportello_retention_count:
 * @n_clients: (out): how many clients are past the retention period
 *
 * Counts the clients sportello_retention_list() would list without a limit.
 */
gboolean
sportello_retention_count (SportelloDatabase  *db,
                           guint               years,
                           GDateTime          *now,
                           guint              *n_clients,
                           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *cutoff = sportello_retention_cutoff (years, now);

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (n_clients != NULL, FALSE);

  *n_clients = 0;
  if (cutoff == NULL)
    return TRUE;

  if (!(stmt = _sportello_database_prepare (db, "SELECT count (*) " PAST_RETENTION, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  *n_clients = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * sportello_retention_list:
 * @years: the retention period, or %SPORTELLO_RETENTION_NEVER
 * @now: (nullable): the present, or %NULL for the clock's
 * @limit: at most this many, or 0 for all
 *
 * Lists the clients with no activity since @years before @now, the longest
 * quiet first, leaving out the trashed, the anonymised and those a review
 * kept less than @years ago.
 *
 * Returns: (transfer full) (element-type SportelloRetentionCandidate)
 */
GPtrArray *
sportello_retention_list (SportelloDatabase  *db,
                          guint               years,
                          GDateTime          *now,
                          guint               limit,
                          GError            **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *cutoff = sportello_retention_cutoff (years, now);
  int rc;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_retention_candidate_free);
  if (cutoff == NULL)
    return g_steal_pointer (&candidates);

  if (!(stmt = _sportello_database_prepare (db,
          "SELECT c.uuid, c.name, c.municipality, c.province, " LAST_ACTIVITY ", c.retention_kept_at "
          PAST_RETENTION "ORDER BY " OWN_ACTIVITY ", c.id LIMIT ?2", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SportelloRetentionCandidate *candidate = g_new0 (SportelloRetentionCandidate, 1);

      candidate->uuid = dup_column (stmt, 0);
      candidate->name = dup_column (stmt, 1);
      candidate->municipality = dup_column (stmt, 2);
      candidate->province = dup_column (stmt, 3);
      candidate->last_activity = dup_column (stmt, 4);
      candidate->kept_at = dup_column (stmt, 5);
      g_ptr_array_add (candidates, candidate);
    }

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&candidates);
}

static void
not_found (GError **error)
{
  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
               _("The client does not exist any more"));
}

/**
 * sportello_retention_keep:
 * @now: (nullable): the present, or %NULL for the clock's
 *
 * Records that a review decided to keep the client: it is not listed
 * again until another retention period has passed. The client itself is
 * not changed (nor its updated_at, nor what a bundle carries).
 */
gboolean
sportello_retention_keep (SportelloDatabase  *db,
                          const char         *uuid,
                          GDateTime          *now,
                          GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) clock = NULL;
  g_autofree char *kept_at = NULL;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (now == NULL)
    now = clock = g_date_time_new_now_utc ();
  kept_at = format_utc (now);

  if (!(stmt = _sportello_database_prepare (db,
          "UPDATE clients SET retention_kept_at = ?2 "
          "WHERE uuid = ?1 AND deleted_at IS NULL AND anonymised_at IS NULL", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kept_at, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  if (sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      not_found (error);
      return FALSE;
    }

  return TRUE;
}

gboolean
sportello_retention_is_anonymised (SportelloDatabase *db,
                                   const char        *uuid)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  if (uuid == NULL ||
      !(stmt = _sportello_database_prepare (db, "SELECT anonymised_at IS NOT NULL FROM clients WHERE uuid = ?", NULL)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

/* The client's name as sportello_bundle_default_name() spells it in the
 * name of an exported file: lower-case ASCII words joined by '-' */
static char *
file_name_slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

/* The import log keeps the name of each file imported, and a client's
 * bundle is named after it: those names go. Inside the caller's
 * transaction. */
static gboolean
scrub_imports (SportelloDatabase  *db,
               gint64              client_id,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) client = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (!(client = _sportello_database_prepare (db, "SELECT name, vat_number, tax_code FROM clients WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (client, 1, client_id);
  if (sqlite3_step (client) != SQLITE_ROW)
    {
      not_found (error);
      return FALSE;
    }

  for (int i = 0; i < 3; i++)
    {
      const char *value = (const char *) sqlite3_column_text (client, i);
      g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

      /* one or two letters would match every file */
      if (g_utf8_strlen (stripped, -1) < 3)
        continue;
      g_ptr_array_add (needles, g_utf8_strdown (stripped, -1));
      if (i == 0)
        {
          g_autofree char *slug = file_name_slug (stripped);

          if (strlen (slug) >= 3)
            g_ptr_array_add (needles, g_steal_pointer (&slug));
        }
    }
  if (needles->len == 0)
    return TRUE;

  if (!(rows = _sportello_database_prepare (db, "SELECT id, file_name FROM imports WHERE file_name <> ''", error)) ||
      !(clear = _sportello_database_prepare (db, "UPDATE imports SET file_name = '' WHERE id = ?", error)))
    return FALSE;

  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      g_autofree char *file_name = g_utf8_strdown ((const char *) sqlite3_column_text (rows, 1), -1);

      for (guint i = 0; i < needles->len; i++)
        if (strstr (file_name, g_ptr_array_index (needles, i)) != NULL)
          {
            sqlite3_reset (clear);
            sqlite3_bind_int64 (clear, 1, sqlite3_column_int64 (rows, 0));
            if (sqlite3_step (clear) != SQLITE_DONE)
              {
                _sportello_database_set_error (db, error);
                return FALSE;
              }
            break;
          }
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/* After the rows changed, inside the same transaction: the full-text
 * indexes are merged into one segment each, written afresh, so neither an
 * old segment nor its %_idx entry keeps a term of what was removed */
static gboolean
merge_fts_indexes (SportelloDatabase  *db,
                   GError            **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (fts_indexes); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %1$s (%1$s) VALUES ('optimize')", fts_indexes[i]);

      if (!sportello_database_exec (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* After the commit: the WAL, which still holds the pages as they were
 * before, is copied into the database and emptied. A reader elsewhere can
 * hold it up; SQLite then checkpoints when the last connection closes. */
static void
truncate_wal (SportelloDatabase *db)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0)
    g_debug ("The WAL is in use elsewhere: checkpointed later");
}

static gint64
client_id_for_uuid (SportelloDatabase  *db,
                    const char         *uuid,
                    gboolean           *anonymised,
                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sportello_database_prepare (db, "SELECT id, anonymised_at IS NOT NULL FROM clients WHERE uuid = ?", error)))
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (anonymised != NULL)
        *anonymised = sqlite3_column_int (stmt, 1) != 0;
      return sqlite3_column_int64 (stmt, 0);
    }

  if (rc == SQLITE_DONE)
    not_found (error);
  else
    _sportello_database_set_error (db, error);

  return 0;
}

/* Runs each statement of @sql, ';'-separated, with ?1 the client's id,
 * ?2 the time and ?3, ?4, ?5 the texts given */
static gboolean
run_all (SportelloDatabase  *db,
         const char         *sql,
         gint64              client_id,
         const char         *now,
         const char         *text1,
         const char         *text2,
         const char         *text3,
         GError            **error)
{
  sqlite3 *handle = _sportello_database_get_handle (db);
  const char *tail = sql;

  while (tail != NULL && *tail != '\0')
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      const char *next = NULL;

      if (sqlite3_prepare_v2 (handle, tail, -1, &stmt, &next) != SQLITE_OK)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
      tail = next;
      if (stmt == NULL)
        continue;

      /* ?N is parameter N */
      for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
        {
          if (i == 1)
            sqlite3_bind_int64 (stmt, i, client_id);
          else if (i == 2)
            sqlite3_bind_text (stmt, i, now, -1, SQLITE_STATIC);
          else if (i == 3)
            sqlite3_bind_text (stmt, i, text1, -1, SQLITE_STATIC);
          else if (i == 4)
            sqlite3_bind_text (stmt, i, text2, -1, SQLITE_STATIC);
          else if (i == 5)
            sqlite3_bind_text (stmt, i, text3, -1, SQLITE_STATIC);
        }

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
    }

  return TRUE;
}

/* The records first: their guards let them be written while the client
 * is not marked yet */
static const char anonymise_sql[] =
  /* its people's registrations to events stay for the events' counts, with
   * no name, address or note (deleting the contacts would only unlink them) */
  "UPDATE registrations SET name = ?3, email = '', firm = '', notes = '', consent_note = '',"
  "  contact_id = NULL, updated_at = ?2"
  "  WHERE contact_id IN (SELECT id FROM contacts WHERE client_id = ?1);"
  /* its applications to grant calls keep their status, amounts and dates */
  "UPDATE grant_applications SET notes = '', rejection_reason = '', protocol_number = '', documents_done = '',"
  "  updated_at = ?2 WHERE client_id = ?1;"
  "DELETE FROM contacts WHERE client_id = ?1;"
  /* its files can hold anything personal (an ID card, a visura that names
   * the owners): they go, and their content with them */
  "DELETE FROM attachments WHERE client_id = ?1;"
  "UPDATE follow_ups SET text = ?5, updated_at = ?2 "
  "  WHERE meeting_id IN (SELECT id FROM meetings WHERE client_id = ?1);"
  "UPDATE meetings SET participants = '', topics = '', notes = '', updated_at = ?2 WHERE client_id = ?1;"
  "UPDATE documents SET title = ?4, body = '', updated_at = ?2 WHERE client_id = ?1;"
  /* each answer keeps its value (a score or “na”), its note goes */
  "UPDATE assessments SET updated_at = ?2, answers = CASE WHEN json_valid (answers) THEN coalesce ("
  "    (SELECT json_group_object (key, json_object ('value', json_extract (value, '$.value'), 'note', ''))"
  "     FROM json_each (assessments.answers)), '{}') ELSE '{}' END "
  "  WHERE client_id = ?1;"
  "UPDATE clients SET name = ?3, vat_number = '', tax_code = '', ateco_code = '', street = '',"
  "  postal_code = '', municipality = '', website = '', email = '', pec = '', sdi_code = '',"
  "  phone = '', tags = '', consent_note = '', notes = '', updated_at = ?2, anonymised_at = ?2"
  "  WHERE id = ?1;"
  "DELETE FROM client_tags WHERE client_id = ?1;";

/**
 * sportello_retention_anonymise:
 *
 * Removes everything that names or describes the client and its people,
 * and keeps what the yearly report counts (see the top of this file), in
 * one transaction; then leaves no copy of what was removed in the file.
 * Anonymising an anonymised client does nothing.
 */
gboolean
sportello_retention_anonymise (SportelloDatabase  *db,
                               const char         *uuid,
                               GError            **error)
{
  g_autofree char *now = sportello_now_utc ();
  g_autofree char *label = NULL;
  gboolean anonymised = FALSE;
  gint64 id;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!sportello_database_begin (db, error))
    return FALSE;

  if (!(id = client_id_for_uuid (db, uuid, &anonymised, error)))
    goto failed;
  if (anonymised)
    {
      sportello_database_rollback (db);
      return TRUE;
    }

  /* Translators: the name an anonymised client gets; %.8s is the start of
   * its UUID, so two of them can be told apart */
  label = g_strdup_printf (_("Anonymised client %.8s"), uuid);
  if (!scrub_imports (db, id, error) ||
      !run_all (db, anonymise_sql, id, now, label,
                /* Translators: the title of an anonymised client's document */
                _("Anonymised document"),
                /* Translators: the text of an anonymised client's follow-up */
                _("Anonymised follow-up"), error) ||
      !merge_fts_indexes (db, error) ||
      !sportello_database_commit (db, error))
    goto failed;

  truncate_wal (db);
  return sportello_attachment_collect_garbage (db, NULL, error);

failed:
  sportello_database_rollback (db);
  return FALSE;
}

static const char erase_sql[] =
  /* what was shared with colleagues: the versions of its records */
  "DELETE FROM exchanges WHERE uuid IN ("
  "  SELECT uuid FROM clients WHERE id = ?1"
  "  UNION ALL SELECT uuid FROM contacts WHERE client_id = ?1"
  "  UNION ALL SELECT uuid FROM meetings WHERE client_id = ?1"
  "  UNION ALL SELECT f.uuid FROM follow_ups f JOIN meetings m ON m.id = f.meeting_id WHERE m.client_id = ?1"
  "  UNION ALL SELECT uuid FROM documents WHERE client_id = ?1"
  "  UNION ALL SELECT uuid FROM assessments WHERE client_id = ?1"
  "  UNION ALL SELECT r.uuid FROM registrations r JOIN contacts c ON c.id = r.contact_id WHERE c.client_id = ?1"
  "  UNION ALL SELECT uuid FROM grant_applications WHERE client_id = ?1"
  "  UNION ALL SELECT uuid FROM attachments WHERE client_id = ?1);"
  /* and the rest with it, by the foreign keys (its people's registrations
   * by a trigger) */
  "DELETE FROM clients WHERE id = ?1;";

/**
 * sportello_retention_erase:
 *
 * The GDPR erasure of a client past retention: the client and everything
 * attached to it, the versions exchanged of them and the import log's
 * names of files that spelt the client's name, in one transaction; then
 * no copy of what was removed is left in the file.
 */
gboolean
sportello_retention_erase (SportelloDatabase  *db,
                           const char         *uuid,
                           GError            **error)
{
  gint64 id;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!sportello_database_begin (db, error))
    return FALSE;

  if (!(id = client_id_for_uuid (db, uuid, NULL, error)) ||
      !scrub_imports (db, id, error) ||
      !run_all (db, erase_sql, id, NULL, NULL, NULL, NULL, error) ||
      !merge_fts_indexes (db, error) ||
      !sportello_database_commit (db, error))
    {
      sportello_database_rollback (db);
      return FALSE;
    }

  truncate_wal (db);
  return sportello_attachment_collect_garbage (db, NULL, error);
}
