/* sportello-bundle-read.c: a bundle read from a file
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON is read by a streaming scanner into cells, one per column of
 * each record's kind, and checked (sportello-bundle-check.c) before
 * anything is written. A protected bundle is deciphered as it is read.
 */

#define G_LOG_DOMAIN "sportello-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sportello-bundle.h"
#include "sportello-bundle-private.h"
#include "sportello-crypt.h"
#include "sportello-json-scanner.h"

void
sportello_bundle_free (SportelloBundle *bundle)
{
  if (bundle == NULL)
    return;

  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    g_clear_pointer (&bundle->records[i], g_ptr_array_unref);
  g_clear_pointer (&bundle->problems, g_ptr_array_unref);
  g_clear_pointer (&bundle->strings, g_string_chunk_free);
  g_clear_pointer (&bundle->choices, g_hash_table_unref);
  g_clear_pointer (&bundle->merges, g_hash_table_unref);
  g_free (bundle);
}

/* Keeps a value read by the scanner for the member at @path (a printf
 * format and its arguments, only formatted when needed): a string that
 * holds the NUL character is valid JSON, but no field can store it */
G_GNUC_PRINTF (4, 5)
static void
store_value (SportelloBundle          *bundle,
             Cell                     *cell,
             const SportelloJsonValue *value,
             const char               *path_format,
             ...)
{
  cell->type = value->type;
  switch (value->type)
    {
    case SPORTELLO_JSON_STRING:
      cell->string = value->length == 0 ? "" : g_string_chunk_insert_len (bundle->strings, value->string,
                                                                           (gssize) value->length);
      if (G_UNLIKELY (memchr (value->string, '\0', value->length) != NULL))
        {
          g_autofree char *path = NULL;
          va_list args;

          va_start (args, path_format);
          path = g_strdup_vprintf (path_format, args);
          va_end (args);
          _sportello_bundle_problem (bundle, path, _("holds the NUL character (\\u0000), which Sportello cannot store"));
        }
      break;
    case SPORTELLO_JSON_INTEGER:
      cell->integer = value->integer;
      break;
    case SPORTELLO_JSON_BOOLEAN:
      cell->boolean = value->boolean;
      break;
    default:
      break;
    }
}

typedef struct
{
  SportelloBundle       *bundle;
  SportelloJsonScanner  *scanner;
  GHashTable            *uuids[SPORTELLO_N_RECORD_KINDS];
  goffset                size;          /* of the file, for progress */
  goffset                reported;
  SportelloProgressFunc  progress;
  gpointer               progress_data;
} Reader;

static gboolean
reader_progress (Reader  *reader,
                 GError **error)
{
  goffset offset;

  if (reader->progress == NULL || reader->size <= 0)
    return TRUE;

  /* in KiB, so a gigabyte fits a guint */
  offset = sportello_json_scanner_get_offset (reader->scanner);
  if (offset - reader->reported >= reader->size / 100)
    {
      reader->reported = offset;
      if (!reader->progress ((guint) (offset / 1024), (guint) (reader->size / 1024), reader->progress_data))
        return _sportello_bundle_cancelled (error);
    }
  return TRUE;
}

static gboolean
read_record (Reader               *reader,
             SportelloRecordKind   kind,
             guint                 index,
             GError              **error)
{
  const RecordSpec *spec = &_sportello_bundle_specs[kind];
  SportelloJsonValue value;
  Cell *cells;
  gboolean entered;
  gboolean more;
  int column = -1;

  if (!sportello_json_scanner_enter (reader->scanner, '{', &entered, error))
    return FALSE;
  if (!entered)
    {
      g_autofree char *path = g_strdup_printf ("$.%s[%u]", spec->array, index);

      _sportello_bundle_problem (reader->bundle, path, _("expected an object"));
      return TRUE;
    }

  cells = g_new (Cell, spec->n_columns);
  for (guint i = 0; i < spec->n_columns; i++)
    cells[i].type = CELL_MISSING;

  for (guint i = 0;; i++)
    {
      const char *key;

      if (!sportello_json_scanner_next (reader->scanner, '}', i, &more, error))
        goto failed;
      if (!more)
        break;
      if (!sportello_json_scanner_read_key (reader->scanner, &key, error))
        goto failed;
      column = column_index (spec, key, column + 1);
      if (!sportello_json_scanner_read_value (reader->scanner, &value, error))
        goto failed;
      /* members Sportello does not know are left out */
      if (column >= 0)
        store_value (reader->bundle, &cells[column], &value, "$.%s[%u].%s", spec->array, index, spec->columns[column].key);
    }

  _sportello_bundle_check_record (reader->bundle, kind, index, cells, reader->uuids[kind]);
  return reader_progress (reader, error);

failed:
  g_free (cells);
  return FALSE;
}

static int
kind_of_array (const char *key)
{
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    if (g_str_equal (_sportello_bundle_specs[kind].array, key))
      return (int) kind;
  return -1;
}

static gboolean
read_array (Reader               *reader,
            SportelloRecordKind   kind,
            GError              **error)
{
  SportelloBundle *bundle = reader->bundle;
  SportelloJsonValue value;
  gboolean entered;
  gboolean more;

  if (bundle->arrays[kind] != ARRAY_MISSING)
    {
      bundle->arrays[kind] = ARRAY_TWICE;
      return sportello_json_scanner_read_value (reader->scanner, &value, error);
    }
  if (!sportello_json_scanner_enter (reader->scanner, '[', &entered, error))
    return FALSE;
  if (!entered)
    {
      bundle->arrays[kind] = ARRAY_NOT_AN_ARRAY;
      return TRUE;
    }

  bundle->arrays[kind] = ARRAY_FOUND;
  for (guint i = 0;; i++)
    {
      if (!sportello_json_scanner_next (reader->scanner, ']', i, &more, error))
        return FALSE;
      if (!more)
        return TRUE;
      if (!read_record (reader, kind, i, error))
        return FALSE;
    }
}

static gboolean
read_exported_by (Reader  *reader,
                  GError **error)
{
  SportelloBundle *bundle = reader->bundle;
  SportelloJsonValue value;
  gboolean more;

  if (!sportello_json_scanner_enter (reader->scanner, '{', &bundle->exported_by_is_object, error))
    return FALSE;
  if (!bundle->exported_by_is_object)
    return TRUE;

  for (guint i = 0;; i++)
    {
      const char *key;
      int cell = -1;

      if (!sportello_json_scanner_next (reader->scanner, '}', i, &more, error))
        return FALSE;
      if (!more)
        return TRUE;
      if (!sportello_json_scanner_read_key (reader->scanner, &key, error))
        return FALSE;
      if (g_str_equal (key, "consultant"))
        cell = HEADER_CONSULTANT;
      else if (g_str_equal (key, "hub"))
        cell = HEADER_HUB;
      if (!sportello_json_scanner_read_value (reader->scanner, &value, error))
        return FALSE;
      if (cell >= 0)
        store_value (bundle, &bundle->header[cell], &value, "$.exported_by.%s", cell == HEADER_HUB ? "hub" : "consultant");
    }
}

static gboolean
read_document (Reader  *reader,
               GError **error)
{
  SportelloBundle *bundle = reader->bundle;
  SportelloJsonValue value;
  gboolean entered;
  gboolean more;

  if (!sportello_json_scanner_enter (reader->scanner, '{', &entered, error))
    return FALSE;
  if (!entered)
    {
      if (!sportello_json_scanner_end (reader->scanner, error))
        return FALSE;
      _sportello_bundle_problem (bundle, "$", _("this is JSON, but not a Sportello bundle"));
      return TRUE;
    }

  for (guint i = 0;; i++)
    {
      const char *key;
      int header = -1;
      int kind;

      if (!sportello_json_scanner_next (reader->scanner, '}', i, &more, error))
        return FALSE;
      if (!more)
        break;
      if (!sportello_json_scanner_read_key (reader->scanner, &key, error))
        return FALSE;

      if (g_str_equal (key, "exported_by"))
        {
          if (!read_exported_by (reader, error))
            return FALSE;
          continue;
        }
      if ((kind = kind_of_array (key)) >= 0)
        {
          if (!read_array (reader, kind, error))
            return FALSE;
          continue;
        }

      if (g_str_equal (key, "format"))
        header = HEADER_FORMAT;
      else if (g_str_equal (key, "version"))
        header = HEADER_VERSION;
      else if (g_str_equal (key, "exported_at"))
        header = HEADER_EXPORTED_AT;
      if (!sportello_json_scanner_read_value (reader->scanner, &value, error))
        return FALSE;
      if (header >= 0)
        store_value (bundle, &bundle->header[header], &value, "$.%s", header == HEADER_FORMAT ? "format"
                                                                      : header == HEADER_VERSION ? "version"
                                                                      : "exported_at");
    }

  if (!sportello_json_scanner_end (reader->scanner, error))
    return FALSE;

  {
    gboolean fatal;
    g_autoptr(GPtrArray) problems = _sportello_bundle_check_header (bundle, &fatal);

    /* a file that is no bundle of ours has no records to speak of */
    if (fatal)
      {
        g_ptr_array_set_size (bundle->problems, 0);
        for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
          g_ptr_array_set_size (bundle->records[kind], 0);
      }
    else
      _sportello_bundle_check_references (bundle, reader->uuids);

    /* the document's problems first, still no more than the limit */
    g_ptr_array_extend_and_steal (problems, g_steal_pointer (&bundle->problems));
    if (problems->len > SPORTELLO_BUNDLE_MAX_PROBLEMS)
      g_ptr_array_set_size (problems, SPORTELLO_BUNDLE_MAX_PROBLEMS);
    bundle->problems = g_steal_pointer (&problems);
  }

  return TRUE;
}

static SportelloBundle *
read_bundle (SportelloJsonScanner   *scanner,
             goffset                 size,
             SportelloProgressFunc   func,
             gpointer                user_data,
             GError                **error)
{
  g_autoptr(SportelloBundle) bundle = g_new0 (SportelloBundle, 1);
  g_autoptr(GError) local_error = NULL;
  Reader reader = { bundle, scanner, { NULL, }, size, 0, func, user_data };
  gboolean ok;

  bundle->strings = g_string_chunk_new (1024 * 1024);
  bundle->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    {
      bundle->records[i] = g_ptr_array_new_with_free_func (g_free);
      reader.uuids[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  for (guint i = 0; i < N_HEADER_CELLS; i++)
    bundle->header[i].type = CELL_MISSING;

  ok = read_document (&reader, &local_error);

  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    g_hash_table_unref (reader.uuids[i]);

  if (ok && func != NULL && !func ((guint) (size / 1024), (guint) (size / 1024), user_data))
    ok = _sportello_bundle_cancelled (&local_error);

  if (!ok && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!ok)
    {
      if (local_error->domain == SPORTELLO_JSON_SCANNER_ERROR)
        g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                     _("The file is not valid JSON, or it is cut short: %s"), local_error->message);
      else
        g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                     _("Cannot read the file: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&bundle);
}

/**
 * sportello_bundle_load_bytes:
 *
 * Parses and checks a bundle. Returns %NULL with an error when it is not
 * even JSON; otherwise a bundle whose problems (if any) are listed by
 * sportello_bundle_get_problems().
 */
SportelloBundle *
sportello_bundle_load_bytes (GBytes  *bytes,
                             GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(SportelloJsonScanner) scanner = NULL;

  if (size == 0)
    {
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                   _("The file is empty"));
      return NULL;
    }

  /* decrypting means running gpg: only from a file */
  if (sportello_crypt_is_protected ((const guint8 *) data, size))
    {
      g_set_error_literal (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE,
                           _("The bundle is protected with a password"));
      return NULL;
    }

  scanner = sportello_json_scanner_new_for_data (data, size);
  return read_bundle (scanner, (goffset) size, NULL, NULL, error);
}

typedef struct
{
  GInputStream          *plain;
  goffset                size;
  SportelloProgressFunc  func;
  gpointer               user_data;
} Deciphering;

/* The progress of a protected bundle follows the ciphertext read */
static gboolean
deciphering_progress (guint    done,
                      guint    total,
                      gpointer user_data)
{
  Deciphering *d = user_data;
  goffset read = MIN (sportello_crypt_get_bytes_read (d->plain), d->size);

  return d->func ((guint) (read / 1024), (guint) (d->size / 1024), d->user_data);
}

/* The bundle in the OpenPGP message @stream (@size bytes) */
static SportelloBundle *
load_protected (GInputStream           *stream,
                const char             *path,
                goffset                 size,
                const char             *passphrase,
                SportelloProgressFunc   func,
                gpointer                user_data,
                GError                **error)
{
  g_autoptr(GInputStream) plain = NULL;
  g_autoptr(SportelloJsonScanner) scanner = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) local_error = NULL;
  Deciphering d = { NULL, size, func, user_data };

  if (passphrase == NULL || !*passphrase)
    {
      g_set_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE,
                   _("“%s” is protected with a password"), path);
      return NULL;
    }
  /* a wrong password fails here, before anything is read */
  if (!(plain = d.plain = sportello_crypt_decrypt (stream, passphrase, SPORTELLO_BUNDLE_MAX_SIZE, error)))
    return NULL;

  scanner = sportello_json_scanner_new_for_stream (plain);
  bundle = read_bundle (scanner, size, func ? deciphering_progress : NULL, &d, &local_error);
  if (bundle == NULL)
    {
      g_autoptr(GError) crypt_error = NULL;

      /* garbage from a changed message is no JSON either: what gpg says
       * at the end of it (unless the consultant stopped) says more */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !sportello_crypt_finish (plain, &crypt_error) && crypt_error->domain == SPORTELLO_CRYPT_ERROR)
        g_propagate_error (error, g_steal_pointer (&crypt_error));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* only a whole, authentic message counts */
  if (!sportello_crypt_finish (plain, error))
    return NULL;

  return g_steal_pointer (&bundle);
}

/**
 * sportello_bundle_load_with_progress:
 * @func: (nullable): told how far the reading is, in KiB of the file
 *
 * Reads and checks the bundle at @path as it streams in, keeping the
 * records but not the text around them.
 */
SportelloBundle *
sportello_bundle_load_with_progress (const char             *path,
                                     SportelloProgressFunc   func,
                                     gpointer                user_data,
                                     GError                **error)
{
  return sportello_bundle_load_full (path, NULL, func, user_data, error);
}

/**
 * sportello_bundle_is_protected:
 *
 * Whether the file at @path is a bundle protected with a password (an
 * OpenPGP message), by its first bytes.
 */
gboolean
sportello_bundle_is_protected (const char *path)
{
  guint8 head[64];
  gssize n = -1;
  struct stat st;
  int fd;

  /* as sportello_bundle_load_full(): a named pipe is never waited on */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    n = pread (fd, head, sizeof head, 0);
  close (fd);

  return n > 0 && sportello_crypt_is_protected (head, (gsize) n);
}

/**
 * sportello_bundle_load_full:
 * @passphrase: (nullable): the password of a protected bundle
 * @func: (nullable): told how far the reading is, in KiB of the file
 *
 * As sportello_bundle_load_with_progress(), for bundles that may be
 * protected with a password. A protected bundle without @passphrase fails
 * with %SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE, a wrong one with
 * %SPORTELLO_CRYPT_ERROR_WRONG_PASSPHRASE.
 */
SportelloBundle *
sportello_bundle_load_full (const char             *path,
                            const char             *passphrase,
                            SportelloProgressFunc   func,
                            gpointer                user_data,
                            GError                **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SportelloJsonScanner) scanner = NULL;
  struct stat st;
  goffset size;
  int fd;

  /* opened without waiting for a writer: a named pipe or a device given
   * by mistake is refused, never read until someone writes to it */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                   S_ISDIR (st.st_mode) ? _("Cannot read “%s”: it is a folder, not a bundle")
                                        : _("Cannot read “%s”: it is not a regular file (a named pipe or a device)"),
                   path);
      return NULL;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  stream = g_unix_input_stream_new (fd, TRUE);

  /* refused before it is read */
  size = st.st_size;
  if (size > SPORTELLO_BUNDLE_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size ((guint64) size);
      g_autofree char *limit = g_format_size (SPORTELLO_BUNDLE_MAX_SIZE);

      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                   _("“%s” is too large to be a bundle (%s; the limit is %s)"), path, size_text, limit);
      return NULL;
    }
  if (size == 0)
    {
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                   _("The file is empty"));
      return NULL;
    }

  /* protected: the reader reads what gpg decrypts (read at offset 0,
   * so the stream still starts at the beginning) */
  {
    guint8 head[64];
    gssize n = pread (fd, head, sizeof head, 0);

    if (n < 0)
      {
        g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                     _("Cannot read “%s”: %s"), path, g_strerror (errno));
        return NULL;
      }
    if (sportello_crypt_is_protected (head, (gsize) n))
      return load_protected (stream, path, size, passphrase, func, user_data, error);
  }

  scanner = sportello_json_scanner_new_for_stream (stream);
  return read_bundle (scanner, size, func, user_data, error);
}

SportelloBundle *
sportello_bundle_load (const char  *path,
                       GError     **error)
{
  return sportello_bundle_load_with_progress (path, NULL, NULL, error);
}

GPtrArray *
sportello_bundle_get_problems (SportelloBundle *bundle)
{
  return bundle->problems;
}

guint
sportello_bundle_count (SportelloBundle     *bundle,
                        SportelloRecordKind  kind)
{
  g_return_val_if_fail (kind < SPORTELLO_N_RECORD_KINDS, 0);

  return bundle->records[kind]->len;
}

const char *
sportello_bundle_get_exported_by (SportelloBundle  *bundle,
                                  const char      **hub)
{
  if (hub != NULL)
    *hub = cell_text (&bundle->header[HEADER_HUB]);
  return cell_text (&bundle->header[HEADER_CONSULTANT]);
}
