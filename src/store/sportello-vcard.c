/* sportello-vcard.c: the people of firms as vCards (RFC 6350)
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One vCard 4.0 per contact, for GNOME Contacts and any address book:
 * FN and N (the last word as the family name, with the particles before
 * it: “Anna De Luca” is De Luca, Anna), TITLE (the role), ORG (the firm),
 * EMAIL, TEL (free text, as RFC 6350 allows, for the number as typed) and
 * a UID from the contact's UUID (“urn:uuid:…”), so an address book that
 * imports a later export updates the card instead of doubling it.
 *
 * UTF-8, CRLF line ends, lines folded at 75 octets without cutting a
 * character in two (§3.2), and “\”, “,”, “;” and line breaks escaped in
 * text values (§3.4).
 */

#define G_LOG_DOMAIN "sportello-vcard"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sportello-atomic-file.h"
#include "sportello-database-private.h"
#include "sportello-vcard.h"

#define FOLD_OCTETS 75

#define CARD_SELECT \
  "SELECT k.uuid, k.name, k.role, k.email, k.phone, k.updated_at, c.name " \
  "FROM contacts k JOIN clients c ON c.id = k.client_id "

/**
 * sportello_vcard_escape:
 *
 * Returns: (transfer full): @text as a vCard text value: backslash, comma,
 *   semicolon and line breaks escaped
 */
char *
sportello_vcard_escape (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\r':
          if (p[1] == '\n')
            p++;
          g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * sportello_vcard_fold_line:
 * @line: one content line, UTF-8, without its line end
 *
 * Returns: (transfer full): @line with its CRLF, folded so that no line
 *   is longer than 75 octets (without the CRLF), never inside a UTF-8
 *   sequence; a continuation line starts with a space
 */
char *
sportello_vcard_fold_line (const char *line)
{
  GString *out = g_string_sized_new (strlen (line) + 8);
  gsize width = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize len = g_utf8_next_char (p) - p;

      if (width + len > FOLD_OCTETS)
        {
          g_string_append (out, "\r\n ");
          width = 1;   /* the space */
        }
      g_string_append_len (out, p, len);
      width += len;
    }
  g_string_append (out, "\r\n");

  return g_string_free (out, FALSE);
}

static void
append_line (GString    *out,
             const char *name,
             const char *value)   /* already escaped */
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  g_autofree char *folded = sportello_vcard_fold_line (line);

  g_string_append (out, folded);
}

static void
append_text (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));
  g_autofree char *escaped = NULL;

  if (*trimmed == '\0')
    return;
  escaped = sportello_vcard_escape (trimmed);
  append_line (out, name, escaped);
}

static gboolean
is_particle (const char *word)
{
  static const char * const particles[] = {
    "d'", "da", "dal", "dall'", "dalla", "dalle", "de", "de'", "dei", "del", "dell'",
    "della", "delle", "degli", "di", "la", "le", "lo", "li", "van", "von", "der", "den",
  };
  g_autofree char *lower = g_utf8_strdown (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (g_str_equal (lower, particles[i]))
      return TRUE;
  return FALSE;
}

/* N: family;given;additional;prefixes;suffixes */
static char *
structured_name (const char *full_name)
{
  g_auto(GStrv) words = g_strsplit_set (full_name, " \t", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  g_autofree char *family_escaped = NULL;
  g_autofree char *given_escaped = NULL;
  guint first_family;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);

  if (kept->len == 0)
    return g_strdup (";;;;");

  /* the last word, and the particles just before it, but never the first word */
  first_family = kept->len - 1;
  while (first_family > 1 && is_particle (g_ptr_array_index (kept, first_family - 1)))
    first_family--;

  g_ptr_array_add (kept, NULL);
  family = g_strjoinv (" ", (char **) kept->pdata + first_family);
  kept->pdata[first_family] = NULL;
  given = g_strjoinv (" ", (char **) kept->pdata);

  family_escaped = sportello_vcard_escape (family);
  given_escaped = sportello_vcard_escape (given);
  return g_strconcat (family_escaped, ";", given_escaped, ";;;", NULL);
}

static void
append_card (GString      *out,
             sqlite3_stmt *stmt)
{
  const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
  const char *name = (const char *) sqlite3_column_text (stmt, 1);
  const char *updated_at = (const char *) sqlite3_column_text (stmt, 5);
  g_autofree char *n = NULL;
  g_autofree char *uid = g_strconcat ("urn:uuid:", uuid, NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) rev = updated_at ? g_date_time_new_from_iso8601 (updated_at, utc) : NULL;
  g_autofree char *trimmed_name = g_strstrip (g_strdup (name ? name : ""));

  n = structured_name (trimmed_name);
  g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
  append_line (out, "PRODID", "-//Sportello//Sportello " PACKAGE_VERSION "//IT");
  append_line (out, "UID", uid);
  append_line (out, "KIND", "individual");
  /* FN is required: a contact always has a name, but never write an empty one */
  if (*trimmed_name != '\0')
    append_text (out, "FN", trimmed_name);
  else
    append_text (out, "FN", (const char *) sqlite3_column_text (stmt, 6));
  append_line (out, "N", n);
  append_text (out, "TITLE", (const char *) sqlite3_column_text (stmt, 2));
  /* ORG is structured (organisation;unit): the firm's name, escaped */
  append_text (out, "ORG", (const char *) sqlite3_column_text (stmt, 6));
  append_text (out, "EMAIL;TYPE=work", (const char *) sqlite3_column_text (stmt, 3));
  append_text (out, "TEL;TYPE=work", (const char *) sqlite3_column_text (stmt, 4));
  if (rev != NULL)
    {
      g_autofree char *stamp = g_date_time_format (rev, "%Y%m%dT%H%M%SZ");

      append_line (out, "REV", stamp);
    }
  g_string_append (out, "END:VCARD\r\n");
}

static gboolean
check_client (SportelloDatabase  *db,
              const char         *uuid,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sportello_database_prepare (db, "SELECT 1 FROM clients WHERE uuid = ? AND deleted_at IS NULL", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
               _("There is no client with the UUID “%s”"), uuid);
  return FALSE;
}

static gboolean
append_cards (SportelloDatabase  *db,
              const char         *client_uuid,
              GString            *out,
              guint              *n,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sportello_database_prepare (db, client_uuid != NULL
                                      ? CARD_SELECT "WHERE c.uuid = ?1 "
                                        "ORDER BY k.is_primary DESC, k.name COLLATE NOCASE, k.uuid"
                                      : CARD_SELECT "WHERE c.deleted_at IS NULL AND ?1 IS NULL "
                                        "ORDER BY c.name COLLATE NOCASE, c.uuid, k.is_primary DESC, "
                                        "k.name COLLATE NOCASE, k.uuid",
                                      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, client_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      append_card (out, stmt);
      (*n)++;
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * sportello_vcard_export_to_string:
 * @client_uuids: (nullable) (array zero-terminated=1): the clients whose
 *   people to write, or %NULL for every client not in the bin
 * @n_cards: (out) (optional): how many vCards were written
 *
 * An unknown client is %SPORTELLO_STORE_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full): the vCards, one after the other
 */
char *
sportello_vcard_export_to_string (SportelloDatabase   *db,
                                  const char * const  *client_uuids,
                                  guint               *n_cards,
                                  GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  if (client_uuids == NULL)
    {
      if (!append_cards (db, NULL, out, &n, error))
        return NULL;
    }
  else
    {
      /* all known before anything is written */
      for (guint i = 0; client_uuids[i] != NULL; i++)
        if (!check_client (db, client_uuids[i], error))
          return NULL;
      for (guint i = 0; client_uuids[i] != NULL; i++)
        if (g_hash_table_add (seen, (gpointer) client_uuids[i]) &&
            !append_cards (db, client_uuids[i], out, &n, error))
          return NULL;
    }

  if (n_cards != NULL)
    *n_cards = n;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sportello_vcard_export:
 * @path: where to write the file; replaced whole or not at all
 *
 * Writes what sportello_vcard_export_to_string() gives to @path.
 */
gboolean
sportello_vcard_export (SportelloDatabase   *db,
                        const char * const  *client_uuids,
                        const char          *path,
                        guint               *n_cards,
                        GError             **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(text = sportello_vcard_export_to_string (db, client_uuids, n_cards, error)))
    return FALSE;
  return sportello_atomic_file_write (path, text, -1, error);
}
