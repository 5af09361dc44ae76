/* sportello-client-list-search.c: the client list's queries
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base is the filtered, sorted ids; a search keeps the base's ids that
 * FTS5 matches, in the base's order, so every result of a search is a
 * subsequence of the same base (sportello-client-list-diff.c counts on it).
 *
 * A search that finds nothing is tried once more with one typo forgiven
 * in names (“Moltenni” finds “Molteni”): each typed word of four letters
 * or more is compared with the words of the clients' names, read from the
 * full-text index's own vocabulary (fts5vocab), and those one edit away
 * (a letter added, dropped, changed or two swapped) join the query. Only
 * the terms starting as the word does (or with its second letter) are
 * read: a wrong first letter is not forgiven.
 */

#define G_LOG_DOMAIN "sportello-client-list"

#include "config.h"

#include <string.h>

#include "sportello-client-list-private.h"
#include "sportello-client-private.h"

/**
 * sportello_fts_query_from_text:
 *
 * Turns what a person types into an FTS5 query: every word must match as a
 * prefix, and nothing typed can be taken as FTS5 syntax.
 * Returns %NULL when there is no word to search.
 */
char *
sportello_fts_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  if (text == NULL)
    return NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c != (gunichar) -1 && c != (gunichar) -2 && c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0 || c == (gunichar) -1 || c == (gunichar) -2)
        break;
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

GArray *
_sportello_client_list_query_base (SportelloDatabase  *db,
                                   const Filter       *filter,
                                   guint               size_hint,
                                   GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM clients c WHERE c.deleted_at IS NULL");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  int n = 0;
  int rc;

  /* Archived clients appear only when asked for. */
  if (filter->status != NULL)
    g_string_append (sql, " AND c.status = ?");
  else
    g_string_append (sql, " AND c.status <> 'archived'");
  if (filter->category != NULL)
    g_string_append (sql, " AND c.category = ?");
  if (filter->tag != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.id AND t.tag = ? COLLATE NOCASE)");

  switch (filter->sort)
    {
    case SPORTELLO_CLIENT_SORT_UPDATED:
      g_string_append (sql, " ORDER BY c.updated_at DESC, c.id DESC");
      break;
    case SPORTELLO_CLIENT_SORT_MUNICIPALITY:
      g_string_append (sql, " ORDER BY c.municipality COLLATE NOCASE, c.name COLLATE NOCASE");
      break;
    case SPORTELLO_CLIENT_SORT_NAME:
    default:
      g_string_append (sql, " ORDER BY c.name COLLATE NOCASE");
      break;
    }

  if (!(stmt = _sportello_database_prepare (db, sql->str, error)))
    return NULL;

  if (filter->status != NULL)
    sqlite3_bind_text (stmt, ++n, filter->status, -1, SQLITE_STATIC);
  if (filter->category != NULL)
    sqlite3_bind_text (stmt, ++n, filter->category, -1, SQLITE_STATIC);
  if (filter->tag != NULL)
    sqlite3_bind_text (stmt, ++n, filter->tag, -1, SQLITE_STATIC);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MAX (size_hint, 64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* ------------------------------------------------------------ typos ---- */

/* A word as the index keeps it: lower case, without accents
 * (unicode61 remove_diacritics) */
gunichar *
_sportello_client_list_index_form (const char *word,
                                   glong      *len)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  g_autofree char *nfd = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  gunichar *chars = g_new (gunichar, g_utf8_strlen (nfd, -1) + 1);
  glong n = 0;

  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        chars[n++] = c;
    }
  chars[n] = 0;
  *len = n;
  return chars;
}

/* Whether @a and @b are at most one edit apart: a character added,
 * dropped or changed, or two neighbours swapped */
static gboolean
within_one_edit (const gunichar *a,
                 glong           la,
                 const gunichar *b,
                 glong           lb)
{
  glong i = 0;

  if (la > lb)
    return within_one_edit (b, lb, a, la);
  if (lb - la > 1)
    return FALSE;

  while (i < la && a[i] == b[i])
    i++;
  if (i == la)
    return TRUE;   /* equal, or one added at the end */

  if (la == lb)
    {
      /* changed, or swapped with the next */
      if (memcmp (a + i + 1, b + i + 1, (la - i - 1) * sizeof (gunichar)) == 0)
        return TRUE;
      return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
             memcmp (a + i + 2, b + i + 2, (la - i - 2) * sizeof (gunichar)) == 0;
    }

  /* one added in the longer */
  return memcmp (a + i, b + i + 1, (la - i) * sizeof (gunichar)) == 0;
}

#define MIN_TYPO_WORD 4
#define MAX_TYPO_TERMS 20

/* The typed words, each with what it could have meant */
typedef struct
{
  char      *word;      /* as typed, for the query */
  gunichar  *chars;     /* in the index's form */
  glong      len;
  GPtrArray *terms;     /* the names' words one edit away */
} TypoWord;

static void
typo_word_clear (TypoWord *w)
{
  g_free (w->word);
  g_free (w->chars);
  g_clear_pointer (&w->terms, g_ptr_array_unref);
}

/* Appends @text to @query as an FTS5 string */
static void
append_fts_string (GString    *query,
                   const char *text)
{
  g_string_append_c (query, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
}

/* The FTS5 query with one typo forgiven in each word that names a client,
 * or %NULL when no word comes one edit near a name */
static char *
typo_query (SportelloDatabase  *db,
            const char         *search,
            GError            **error)
{
  g_autoptr(GArray) words = g_array_new (FALSE, TRUE, sizeof (TypoWord));
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  gboolean any_long = FALSE;
  gboolean any = FALSE;
  int rc;

  g_array_set_clear_func (words, (GDestroyNotify) typo_word_clear);

  /* the words as sportello_fts_query_from_text() cuts them */
  for (const char *p = search; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c != (gunichar) -1 && c != (gunichar) -2 && c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          TypoWord w = { g_strdup (word->str), NULL, 0, g_ptr_array_new_with_free_func (g_free) };

          w.chars = _sportello_client_list_index_form (w.word, &w.len);
          any_long |= w.len >= MIN_TYPO_WORD;
          g_array_append_val (words, w);
          g_string_truncate (word, 0);
        }
      if (c == 0 || c == (gunichar) -1 || c == (gunichar) -2)
        break;
    }
  if (!any_long)
    return NULL;

  /* in this connection's temporary schema: nothing is written to the file */
  if (sqlite3_exec (_sportello_database_get_handle (db),
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sportello_clients_vocab "
                    "USING fts5vocab (main, clients_fts, col)", NULL, NULL, NULL) != SQLITE_OK)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }
  /* Only the terms that start with the word's first letter, or its
   * second (the first two swapped): fts5vocab reads a range of terms
   * without going through the others. A typo in the first letter itself
   * is not forgiven; it is the rarest, and the whole vocabulary would be
   * read for it. */
  stmt = _sportello_database_prepare (db, "SELECT term FROM temp.sportello_clients_vocab "
                                          "WHERE term >= ?1 AND term < ?2 AND col = 'name' "
                                          "AND length (term) BETWEEN ?3 AND ?4", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < words->len; i++)
    {
      TypoWord *w = &g_array_index (words, TypoWord, i);

      if (w->len < MIN_TYPO_WORD)
        continue;

      for (guint first = 0; first < 2; first++)
        {
          char from[8] = { 0 }, to[8] = { 0 };

          /* the second pass would read the same range again */
          if (first == 1 && w->chars[1] == w->chars[0])
            break;
          g_unichar_to_utf8 (w->chars[first], from);
          g_unichar_to_utf8 (w->chars[first] + 1, to);

          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 3, w->len - 1);
          sqlite3_bind_int64 (stmt, 4, w->len + 1);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && w->terms->len < MAX_TYPO_TERMS)
            {
              const char *term = (const char *) sqlite3_column_text (stmt, 0);
              g_autofree gunichar *chars = NULL;
              glong len;

              if (term == NULL)
                continue;
              chars = g_utf8_to_ucs4_fast (term, -1, &len);
              if (within_one_edit (w->chars, w->len, chars, len))
                g_ptr_array_add (w->terms, g_strdup (term));
            }
          if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            {
              _sportello_database_set_error (db, error);
              return NULL;
            }
        }
    }

  /* every word as typed (a prefix, anywhere) or, in a name, what it
   * could have meant */
  for (guint i = 0; i < words->len; i++)
    {
      TypoWord *w = &g_array_index (words, TypoWord, i);

      /* FTS5 wants AND spelled out between groups */
      if (query->len > 0)
        g_string_append (query, " AND ");
      g_string_append_c (query, '(');
      append_fts_string (query, w->word);
      g_string_append_c (query, '*');
      if (w->terms->len > 0)
        {
          any = TRUE;
          g_string_append (query, " OR name : (");
          for (guint t = 0; t < w->terms->len; t++)
            {
              if (t > 0)
                g_string_append (query, " OR ");
              append_fts_string (query, g_ptr_array_index (w->terms, t));
            }
          g_string_append_c (query, ')');
        }
      g_string_append_c (query, ')');
    }

  return any ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/* Has every word of @text at least @n characters? */
gboolean
_sportello_client_list_words_are_long (const char *text,
                                       glong       n)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && g_utf8_strlen (words[i], -1) < n)
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------ notes ---- */

/* Whose each meeting and each follow-up is, by their ids. A common word
 * is in the notes of 20,000 meetings: FTS5 finds them at once, but going
 * from each to its client through the indexes took 10-30 ms. These arrays
 * (4 bytes an id: 600 KB with 50,000 clients) give the same answer as the
 * join; they are kept with the connection and read again after any write
 * to the file, by another connection (data_version) or this one
 * (total_changes). */
typedef struct
{
  gint64  data_version;
  gint64  total_changes;
  GArray *of_meeting;      /* gint32: the client of each meeting id, 0 none */
  GArray *of_follow_up;    /* gint32: the client of each follow-up id */
} NoteOwners;

#define NOTE_OWNERS_KEY "sportello-client-list-note-owners"
/* ids past this are not kept in arrays: the joins answer */
#define NOTE_OWNERS_MAX_ID (1 << 24)

static gboolean note_owners_enabled = TRUE;

/* For the tests: the joins (FALSE) against the arrays (TRUE) */
void
_sportello_client_list_set_note_owners (gboolean enabled)
{
  note_owners_enabled = enabled;
}

static void
note_owners_free (NoteOwners *owners)
{
  g_clear_pointer (&owners->of_meeting, g_array_unref);
  g_clear_pointer (&owners->of_follow_up, g_array_unref);
  g_free (owners);
}

static gboolean
read_integer (SportelloDatabase  *db,
              const char         *sql,
              gint64             *value,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Fills @owners from @sql (an id, its client); FALSE with no error when
 * an id is too large to keep */
static gboolean
read_owners (SportelloDatabase  *db,
             const char         *sql,
             GArray             *owners,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 client = sqlite3_column_int64 (stmt, 1);

      if (id < 0 || id >= NOTE_OWNERS_MAX_ID || client < 0 || client > G_MAXINT32)
        return FALSE;
      if (id >= owners->len)
        g_array_set_size (owners, MAX (id + 1, owners->len * 2));
      g_array_index (owners, gint32, id) = (gint32) client;
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The arrays for the file as this connection reads it now (in a read
 * transaction), read again if anything was written since; NULL when they
 * cannot be kept (ids too large), or on error */
static NoteOwners *
note_owners (SportelloDatabase  *db,
             GError            **error)
{
  NoteOwners *owners = g_object_get_data (G_OBJECT (db), NOTE_OWNERS_KEY);
  gint64 version, changes = sqlite3_total_changes64 (_sportello_database_get_handle (db));
  g_autoptr(GError) local_error = NULL;
  NoteOwners *fresh;

  if (!read_integer (db, "PRAGMA data_version", &version, error))
    return NULL;
  if (owners != NULL && owners->data_version == version && owners->total_changes == changes)
    return owners;

  fresh = g_new0 (NoteOwners, 1);
  fresh->data_version = version;
  fresh->total_changes = changes;
  fresh->of_meeting = g_array_new (FALSE, TRUE, sizeof (gint32));
  fresh->of_follow_up = g_array_new (FALSE, TRUE, sizeof (gint32));
  if (!read_owners (db, "SELECT id, client_id FROM meetings", fresh->of_meeting, &local_error) ||
      !read_owners (db, "SELECT f.id, m.client_id FROM follow_ups f JOIN meetings m ON m.id = f.meeting_id",
                    fresh->of_follow_up, &local_error))
    {
      note_owners_free (fresh);
      g_object_set_data (G_OBJECT (db), NOTE_OWNERS_KEY, NULL);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_object_set_data_full (G_OBJECT (db), NOTE_OWNERS_KEY, fresh, (GDestroyNotify) note_owners_free);
  return fresh;
}

/* Sets in @matches the clients whose notes @sql finds: the join in SQL
 * (@sql, an id of a client a row) or, with @owners, FTS5 alone (@fts_sql,
 * a meeting's or follow-up's id a row) and the array */
static gboolean
match_notes (SportelloDatabase  *db,
             const char         *sql,
             const char         *fts_sql,
             GArray             *owners,
             const char         *fts,
             guint8             *matches,
             gint64              max_id,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, owners ? fts_sql : sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (owners != NULL)
        {
          /* a row the join would not find has no client here either */
          if (id < 0 || id >= owners->len || (id = g_array_index (owners, gint32, id)) == 0)
            continue;
        }
      if (id >= 0 && id <= max_id)
        matches[id / 8] |= 1 << (id % 8);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The base's ids that match the search, in the base's order */
static GArray *
query_search (SportelloDatabase  *db,
              GArray             *base,
              const char         *search,
              GError            **error)
{
  /* the clients' own fields; meeting notes and follow-ups find their
   * client too, once every word typed has three letters: one or two
   * letters match most of the notes and would only make typing slow,
   * while names still match at once. Each query sets bits in one bitmap,
   * which also merges them; the covering indexes lead from a note to its
   * client without reading the notes, or the arrays above without the
   * indexes. */
  static const char * const queries[] = {
    "SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?1",
    "SELECT client_id FROM meetings INDEXED BY meetings_client_by_id WHERE id IN "
    "(SELECT rowid FROM meetings_fts WHERE meetings_fts MATCH ?1)",
    "SELECT m.client_id FROM follow_ups f INDEXED BY follow_ups_meeting_by_id "
    "JOIN meetings m INDEXED BY meetings_client_by_id ON m.id = f.meeting_id "
    "WHERE f.id IN (SELECT rowid FROM follow_ups_fts WHERE follow_ups_fts MATCH ?1)",
  };
  static const char * const fts_queries[] = {
    NULL,
    "SELECT rowid FROM meetings_fts WHERE meetings_fts MATCH ?1",
    "SELECT rowid FROM follow_ups_fts WHERE follow_ups_fts MATCH ?1",
  };
  g_autofree char *fts = sportello_fts_query_from_text (search);
  g_autofree char *typo = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree guint8 *matches = NULL;
  NoteOwners *owners = NULL;
  gint64 max_id = 0;
  guint n_queries;

  if (fts == NULL)
    return g_array_ref (base);

  for (guint i = 0; i < base->len; i++)
    max_id = MAX (max_id, g_array_index (base, gint64, i));
  matches = g_malloc0 (max_id / 8 + 1);
  n_queries = _sportello_client_list_words_are_long (search, 3) ? G_N_ELEMENTS (queries) : 1;

again:
  for (guint q = 0; q < n_queries; q++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (q > 0)
        {
          g_autoptr(GError) owners_error = NULL;

          if (q == 1 && note_owners_enabled)
            {
              owners = note_owners (db, &owners_error);
              if (owners_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&owners_error));
                  return NULL;
                }
            }
          if (!match_notes (db, queries[q], fts_queries[q],
                            owners ? (q == 1 ? owners->of_meeting : owners->of_follow_up) : NULL,
                            fts, matches, max_id, error))
            return NULL;
          continue;
        }

      stmt = _sportello_database_prepare (db, queries[q], error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (id >= 0 && id <= max_id)
            matches[id / 8] |= 1 << (id % 8);
        }
      if (rc != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          return NULL;
        }
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < base->len; i++)
    {
      gint64 id = g_array_index (base, gint64, i);

      if (matches[id / 8] & (1 << (id % 8)))
        g_array_append_val (ids, id);
    }

  /* nothing: once more, with a typo forgiven in names (the clients'
   * own fields only) */
  if (ids->len == 0 && typo == NULL && base->len > 0)
    {
      g_autoptr(GError) typo_error = NULL;

      typo = typo_query (db, search, &typo_error);
      if (typo_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&typo_error));
          return NULL;
        }
      if (typo != NULL)
        {
          g_clear_pointer (&ids, g_array_unref);
          g_free (fts);
          fts = g_strdup (typo);
          n_queries = 1;
          goto again;
        }
    }

  return g_steal_pointer (&ids);
}

/* The base's ids that match the search, in the base's order: all read in
 * one read transaction (unless the caller is in one), so that the notes'
 * owners are those of the notes found */
GArray *
_sportello_client_list_query_search (SportelloDatabase  *db,
                                     GArray             *base,
                                     const char         *search,
                                     GError            **error)
{
  sqlite3 *handle = _sportello_database_get_handle (db);
  gboolean own = search != NULL && sqlite3_get_autocommit (handle);
  GArray *ids;

  if (own && sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }
  ids = query_search (db, base, search, error);
  if (own && !sqlite3_get_autocommit (handle))
    sqlite3_exec (handle, ids != NULL ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);

  return ids;
}
