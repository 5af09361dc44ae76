/* test-attachments.c: files that belong to a client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "sportello-attachment-private.h"
#include "sportello-backup.h"
#include "sportello-bundle.h"
#include "sportello-client.h"
#include "sportello-database-private.h"
#include "sportello-retention.h"
#include "store-test-util.h"

/* every byte value, the zeros included, some of them twice */
static GBytes *
binary_bytes (void)
{
  guint8 data[600];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guint8) (i * 7 % 256);
  data[0] = data[1] = data[599] = 0;
  return g_bytes_new (data, sizeof data);
}

static guint
count_content_files (SportelloDatabase *db)
{
  g_autofree char *folder = sportello_attachment_get_folder (db);
  g_autoptr(GDir) top = g_dir_open (folder, 0, NULL);
  const char *shard;
  guint n = 0;

  if (top == NULL)
    return 0;
  while ((shard = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, shard, NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          n++;
    }
  return n;
}

static SportelloAttachment *
add (SportelloDatabase *db,
     SportelloClient   *client,
     const char        *name,
     const char        *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  SportelloAttachment *attachment;

  attachment = sportello_attachment_add_bytes (db, sportello_client_get_uuid (client), name, NULL, bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);
  return attachment;
}

static guint
n_attachments (SportelloDatabase *db,
               SportelloClient   *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = sportello_attachment_list_for_client (db, sportello_client_get_uuid (client), &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static void
test_same_file_once (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("once", "Anna", "Hub");
  g_autoptr(SportelloClient) rossi = store_test_new_client (db, "Rossi srl");
  g_autoptr(SportelloClient) bianchi = store_test_new_client (db, "Bianchi snc");
  g_autoptr(SportelloAttachment) a = add (db, rossi, "visura.pdf", "%PDF-1.4 visura camerale");
  g_autoptr(SportelloAttachment) b = add (db, rossi, "copia della visura.pdf", "%PDF-1.4 visura camerale");
  g_autoptr(SportelloAttachment) c = add (db, bianchi, "visura.pdf", "%PDF-1.4 visura camerale");
  g_autoptr(SportelloAttachment) d = add (db, bianchi, "preventivo.txt", "Preventivo: 1200 euro");
  g_autofree char *path = sportello_attachment_get_content_path (a, db);
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "%PDF-1.4 visura camerale", -1);
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *shard = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_cmpstr (sportello_attachment_get (a, SPORTELLO_ATTACHMENT_SHA256), ==, expected);
  g_assert_cmpstr (sportello_attachment_get (b, SPORTELLO_ATTACHMENT_SHA256), ==, expected);
  g_assert_cmpstr (sportello_attachment_get (a, SPORTELLO_ATTACHMENT_UUID), !=,
                   sportello_attachment_get (b, SPORTELLO_ATTACHMENT_UUID));
  g_assert_cmpuint (sportello_attachment_get_size (a), ==, strlen ("%PDF-1.4 visura camerale"));
  /* guessed (the isolated test has no MIME database, so from the bytes alone) */
  g_assert_cmpstr (sportello_attachment_get (d, SPORTELLO_ATTACHMENT_MEDIA_TYPE), ==, "text/plain");
  g_assert_cmpstr (sportello_attachment_get (a, SPORTELLO_ATTACHMENT_ORIGIN_CONSULTANT), ==, "Anna");

  /* “attachments/ab/abcdef…”, inside the data folder */
  g_assert_cmpstr (basename, ==, expected);
  shard = g_path_get_basename (g_path_get_dirname (path));
  g_assert_cmpint (strncmp (shard, expected, 2), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, "%PDF-1.4 visura camerale");

  /* four attachments, two files */
  g_assert_cmpuint (n_attachments (db, rossi), ==, 2);
  g_assert_cmpuint (n_attachments (db, bianchi), ==, 2);
  g_assert_cmpuint (count_content_files (db), ==, 2);

  /* an empty name is refused */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
    g_autoptr(SportelloAttachment) none = sportello_attachment_add_bytes (db, sportello_client_get_uuid (rossi), "  ",
                                                                          NULL, bytes, &error);

    g_assert_null (none);
    g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* nor to a client that does not exist: and no file is left behind */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("orphan", 6);
    g_autoptr(SportelloAttachment) none = sportello_attachment_add_bytes (db, "00000000-0000-4000-8000-000000000000",
                                                                          "x.txt", NULL, bytes, &error);

    g_assert_null (none);
    g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpuint (count_content_files (db), ==, 2);
  }
}

static void
test_add_file (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("file", "Anna", "Hub");
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Rossi srl");
  g_autoptr(GBytes) original = binary_bytes ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "foto negozio.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SportelloAttachment) attachment = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  attachment = sportello_attachment_add_file (db, sportello_client_get_uuid (client), file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME), ==, "foto negozio.png");
  g_assert_cmpuint (sportello_attachment_get_size (attachment), ==, 600);

  /* the same bytes, checked */
  stored = sportello_attachment_load_bytes (attachment, db, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, original));

  /* a copy to open is the same too, and changing it changes nothing stored */
  {
    g_autofree char *copy = g_build_filename (g_get_tmp_dir (), "copy.png", NULL);
    g_autofree char *read = NULL;
    gsize length;

    g_assert_true (sportello_attachment_save_copy (attachment, db, copy, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (copy, &read, &length, NULL));
    g_assert_cmpmem (read, length, g_bytes_get_data (original, NULL), g_bytes_get_size (original));
    g_assert_true (g_file_set_contents (copy, "changed", -1, NULL));
    g_clear_pointer (&stored, g_bytes_unref);
    stored = sportello_attachment_load_bytes (attachment, db, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (stored, original));
  }

  /* a folder is not a file */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (g_get_tmp_dir ());
    g_autoptr(SportelloAttachment) none = sportello_attachment_add_file (db, sportello_client_get_uuid (client), folder,
                                                                         NULL, &error);

    g_assert_null (none);
    g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* a damaged content file is told, not given */
  {
    g_autofree char *content = sportello_attachment_get_content_path (attachment, db);

    g_chmod (content, 0600);
    g_assert_true (g_file_set_contents (content, "damaged", -1, NULL));
    g_clear_pointer (&stored, g_bytes_unref);
    stored = sportello_attachment_load_bytes (attachment, db, &error);
    g_assert_null (stored);
    g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_IO);
  }
}

static void
test_rename (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("rename", "Anna", "Hub");
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Rossi srl");
  g_autoptr(SportelloAttachment) attachment = add (db, client, "scan001.pdf", "%PDF-1.4 bilancio");
  g_autoptr(SportelloAttachment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_UUID);

  g_assert_true (sportello_attachment_rename (db, uuid, "  Bilancio 2025.pdf ", &error));
  g_assert_no_error (error);
  loaded = sportello_attachment_load (db, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_attachment_get (loaded, SPORTELLO_ATTACHMENT_NAME), ==, "Bilancio 2025.pdf");
  g_assert_cmpstr (sportello_attachment_get (loaded, SPORTELLO_ATTACHMENT_SHA256), ==,
                   sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_SHA256));
  g_assert_cmpstr (sportello_attachment_get (loaded, SPORTELLO_ATTACHMENT_UPDATED_AT), >=,
                   sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_UPDATED_AT));

  g_assert_false (sportello_attachment_rename (db, uuid, "", &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sportello_attachment_rename (db, "00000000-0000-4000-8000-000000000000", "x", &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
}

static void
test_delete (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("delete", "Anna", "Hub");
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Rossi srl");
  g_autoptr(SportelloAttachment) a = add (db, client, "a.txt", "same bytes");
  g_autoptr(SportelloAttachment) b = add (db, client, "b.txt", "same bytes");
  g_autofree char *path = sportello_attachment_get_content_path (a, db);
  g_autoptr(GError) error = NULL;
  const char *uuid_a = sportello_attachment_get (a, SPORTELLO_ATTACHMENT_UUID);
  const char *uuid_b = sportello_attachment_get (b, SPORTELLO_ATTACHMENT_UUID);

  /* trashed: hidden, the file kept, and back with Undo */
  g_assert_true (sportello_attachment_trash (db, uuid_a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_attachments (db, client), ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (sportello_attachment_restore (db, uuid_a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_attachments (db, client), ==, 2);

  /* purged: the other still names the file */
  g_assert_true (sportello_attachment_trash (db, uuid_a, &error));
  g_assert_true (sportello_attachment_purge_trashed (db, uuid_a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_attachments (db, client), ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (sportello_attachment_restore (db, uuid_a, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the last reference gone (pending deletes, as at the next start): the file too */
  g_assert_true (sportello_attachment_trash (db, uuid_b, &error));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (sportello_attachment_purge_trashed (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_attachments (db, client), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_content_files (db), ==, 0);

  /* at once */
  {
    g_autoptr(SportelloAttachment) c = add (db, client, "c.txt", "other bytes");

    g_assert_cmpuint (count_content_files (db), ==, 1);
    g_assert_true (sportello_attachment_delete (db, sportello_attachment_get (c, SPORTELLO_ATTACHMENT_UUID), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_content_files (db), ==, 0);
  }
}

/* Gone with the client, however it goes */
static void
test_erased_with_client (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("erase", "Anna", "Hub");
  g_autoptr(SportelloClient) erased = store_test_new_client (db, "Erased srl");
  g_autoptr(SportelloClient) purged = store_test_new_client (db, "Purged srl");
  g_autoptr(SportelloClient) anonymised = store_test_new_client (db, "Anonymised srl");
  g_autoptr(SportelloClient) retained = store_test_new_client (db, "Retention erase srl");
  g_autoptr(SportelloClient) kept = store_test_new_client (db, "Kept srl");
  g_autoptr(GError) error = NULL;

  g_object_unref (add (db, kept, "shared.txt", "shared"));
  g_object_unref (add (db, erased, "ci.jpg", "carta d'identità"));
  g_object_unref (add (db, erased, "shared.txt", "shared"));
  g_object_unref (add (db, purged, "p.txt", "purged"));
  g_object_unref (add (db, anonymised, "a.txt", "anonymised"));
  g_object_unref (add (db, retained, "r.txt", "retained"));
  g_assert_cmpuint (count_content_files (db), ==, 5);

  /* GDPR erasure: its own file goes, the one another client has stays */
  g_assert_true (sportello_client_erase (db, sportello_client_get_uuid (erased), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_content_files (db), ==, 4);

  /* deleted with Undo: kept while in the bin, gone when purged */
  g_assert_true (sportello_client_trash (db, sportello_client_get_uuid (purged), &error));
  g_assert_cmpuint (count_content_files (db), ==, 4);
  g_assert_true (sportello_client_purge_trashed (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_content_files (db), ==, 3);

  /* anonymised: the files can hold personal data, so they go */
  g_assert_true (sportello_retention_anonymise (db, sportello_client_get_uuid (anonymised), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_attachments (db, anonymised), ==, 0);
  g_assert_cmpuint (count_content_files (db), ==, 2);
  /* and none can be added after */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("late", 4);
    g_autoptr(SportelloAttachment) none = sportello_attachment_add_bytes (db, sportello_client_get_uuid (anonymised),
                                                                          "late.txt", NULL, bytes, &error);

    g_assert_null (none);
    g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpuint (count_content_files (db), ==, 2);
  }

  /* erased past retention */
  g_assert_true (sportello_retention_erase (db, sportello_client_get_uuid (retained), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_content_files (db), ==, 1);
  g_assert_cmpuint (n_attachments (db, kept), ==, 1);
}

/* A collection never takes a file that only a transaction not yet
 * committed names, nor one of an unfinished transaction */
static void
test_garbage (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("garbage", "Anna", "Hub");
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Rossi srl");
  g_autoptr(SportelloAttachment) a = add (db, client, "a.txt", "bytes");
  g_autofree char *folder = sportello_attachment_get_folder (db);
  g_autofree char *stray_dir = g_build_filename (folder, "ff", NULL);
  g_autofree char *stray = g_build_filename (stray_dir, "ff00000000000000000000000000000000000000000000000000000000000000", NULL);
  g_autofree char *other = g_build_filename (stray_dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  guint removed = 99;

  g_assert_cmpint (g_mkdir_with_parents (stray_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stray, "left by a crash", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));

  /* inside a transaction: nothing yet */
  store_test_exec (db, "BEGIN");
  g_assert_true (sportello_attachment_collect_garbage (db, &removed, &error));
  g_assert_cmpuint (removed, ==, 0);
  g_assert_true (g_file_test (stray, G_FILE_TEST_EXISTS));
  store_test_exec (db, "ROLLBACK");

  g_assert_true (sportello_attachment_collect_garbage (db, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_attachments (db, client), ==, 1);
  {
    g_autoptr(GBytes) bytes = sportello_attachment_load_bytes (a, db, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, 5);
  }
}

/* ------------------------------------------------------------ bundles ---- */

static char *
export_client (SportelloDatabase *db,
               SportelloClient   *client,
               const char        *name,
               const char        *passphrase)
{
  const char *uuids[] = { sportello_client_get_uuid (client), NULL };
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sportello_bundle_export_full (db, uuids, path, passphrase, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
import_ok (SportelloDatabase *db,
           const char        *path,
           const char        *passphrase,
           guint              expected_new)
{
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  bundle = sportello_bundle_load_full (path, passphrase, NULL, NULL, &error);
  g_assert_no_error (error);
  if (sportello_bundle_get_problems (bundle)->len > 0)
    g_error ("%s", (char *) g_ptr_array_index (sportello_bundle_get_problems (bundle), 0));
  g_assert_true (sportello_bundle_apply (bundle, db, SPORTELLO_CONFLICT_NEWER, "test", counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_ATTACHMENT].new_records, ==, expected_new);
}

static GBytes *
bytes_named (SportelloDatabase *db,
             SportelloClient   *client,
             const char        *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = sportello_attachment_list_for_client (db, sportello_client_get_uuid (client), &error);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SportelloAttachment) attachment = g_list_model_get_item (list, i);

      if (g_str_equal (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME), name))
        {
          GBytes *bytes = sportello_attachment_load_bytes (attachment, db, &error);

          g_assert_no_error (error);
          return bytes;
        }
    }
  g_error ("no attachment “%s”", name);
}

static void
round_trip (const char *passphrase)
{
  g_autoptr(SportelloDatabase) a = store_test_open_db (passphrase ? "trip-a-protected" : "trip-a", "Anna", "Hub");
  g_autoptr(SportelloDatabase) b = store_test_open_db (passphrase ? "trip-b-protected" : "trip-b", "Bruno", "Hub");
  g_autoptr(SportelloClient) client = store_test_new_client (a, "Rossi srl");
  g_autoptr(SportelloClient) other = store_test_new_client (a, "Not exported srl");
  g_autoptr(GBytes) binary = binary_bytes ();
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(SportelloClient) imported = NULL;

  g_object_unref (sportello_attachment_add_bytes (a, sportello_client_get_uuid (client), "foto.png", "image/png",
                                                  binary, &error));
  g_assert_no_error (error);
  g_object_unref (sportello_attachment_add_bytes (a, sportello_client_get_uuid (client), "vuoto.txt", NULL,
                                                  empty, &error));
  g_assert_no_error (error);
  g_object_unref (add (a, client, "Visura «Cantù».pdf", "%PDF-1.4 visura"));
  g_object_unref (add (a, other, "secret.txt", "not for the bundle"));

  first = export_client (a, client, passphrase ? "first-protected.sportello" : "first.sportello", passphrase);
  import_ok (b, first, passphrase, 3);
  imported = sportello_client_load (b, sportello_client_get_uuid (client), &error);
  g_assert_no_error (error);

  /* byte for byte, the zeros and the empty file too */
  {
    g_autoptr(GBytes) got = bytes_named (b, imported, "foto.png");
    g_autoptr(GBytes) got_empty = bytes_named (b, imported, "vuoto.txt");
    g_autoptr(GBytes) got_pdf = bytes_named (b, imported, "Visura «Cantù».pdf");

    g_assert_true (g_bytes_equal (got, binary));
    g_assert_cmpuint (g_bytes_get_size (got_empty), ==, 0);
    g_assert_cmpmem (g_bytes_get_data (got_pdf, NULL), g_bytes_get_size (got_pdf), "%PDF-1.4 visura", 15);
  }
  g_assert_cmpuint (count_content_files (b), ==, 3);

  /* imported again: nothing new; and the same bundle out again */
  import_ok (b, first, passphrase, 0);
  if (passphrase == NULL)
    {
      g_autoptr(GRegex) stamp = g_regex_new ("\"exported_at\": \"[^\"]*\"|\"consultant\": \"[^\"]*\"", 0, 0, NULL);
      g_autofree char *one = NULL;
      g_autofree char *two = NULL;

      second = export_client (b, imported, "second.sportello", NULL);
      g_assert_true (g_file_get_contents (first, &first_text, NULL, NULL));
      g_assert_true (g_file_get_contents (second, &second_text, NULL, NULL));
      one = g_regex_replace_literal (stamp, first_text, -1, 0, "", 0, NULL);
      two = g_regex_replace_literal (stamp, second_text, -1, 0, "", 0, NULL);
      g_assert_cmpstr (one, ==, two);
      g_assert_nonnull (strstr (first_text, "\"attachments\": ["));
      g_assert_null (strstr (first_text, "secret.txt"));
    }
}

static void
test_bundle_round_trip (void)
{
  round_trip (NULL);
}

/* The whole database carries every client's files; the templates alone none */
static void
test_bundle_whole (void)
{
  g_autoptr(SportelloDatabase) a = store_test_open_db ("whole-a", "Anna", "Hub");
  g_autoptr(SportelloDatabase) b = store_test_open_db ("whole-b", "Bruno", "Hub");
  g_autoptr(SportelloClient) rossi = store_test_new_client (a, "Rossi srl");
  g_autoptr(SportelloClient) bianchi = store_test_new_client (a, "Bianchi snc");
  g_autoptr(GBytes) binary = binary_bytes ();
  g_autofree char *whole = g_build_filename (g_get_tmp_dir (), "whole.sportello", NULL);
  g_autofree char *templates = g_build_filename (g_get_tmp_dir (), "templates.sportello", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *none[] = { NULL };

  g_object_unref (sportello_attachment_add_bytes (a, sportello_client_get_uuid (rossi), "foto.jpg", "image/jpeg",
                                                  binary, &error));
  g_assert_no_error (error);
  g_object_unref (add (a, bianchi, "preventivo.txt", "Preventivo"));

  g_assert_true (sportello_bundle_export (a, NULL, whole, &error));
  g_assert_no_error (error);
  import_ok (b, whole, NULL, 2);
  {
    g_autoptr(GBytes) got = bytes_named (b, rossi, "foto.jpg");

    g_assert_true (g_bytes_equal (got, binary));
  }

  g_assert_true (sportello_bundle_export (a, none, templates, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (templates, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"attachments\": []"));
}

static void
test_bundle_protected (void)
{
  round_trip ("una parola d'ordine lunga");
}

static const char *
name_in (SportelloDatabase *db,
         const char        *uuid)
{
  static char name[256];
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloAttachment) attachment = sportello_attachment_load (db, uuid, &error);

  g_assert_no_error (error);
  g_strlcpy (name, sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME), sizeof name);
  return name;
}

static void
apply_with (SportelloDatabase       *db,
            const char              *path,
            SportelloConflictPolicy  policy,
            SportelloImportCounts   *attachment_counts)
{
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloBundle) bundle = sportello_bundle_load (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sportello_bundle_get_problems (bundle)->len, ==, 0);
  g_assert_true (sportello_bundle_apply (bundle, db, policy, "conflict", counts, &error));
  g_assert_no_error (error);
  *attachment_counts = counts[SPORTELLO_RECORD_KIND_ATTACHMENT];
}

/* An attachment renamed on both sides is a conflict like any record's */
static void
test_bundle_conflict (void)
{
  g_autoptr(SportelloDatabase) a = store_test_open_db ("conflict-a", "Anna", "Hub");
  g_autoptr(SportelloDatabase) b = store_test_open_db ("conflict-b", "Bruno", "Hub");
  g_autoptr(SportelloClient) client = store_test_new_client (a, "Rossi srl");
  g_autoptr(SportelloAttachment) attachment = add (a, client, "scan.pdf", "%PDF-1.4 scan");
  const char *uuid = sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_UUID);
  g_autofree char *first = export_client (a, client, "conflict-1.sportello", NULL);
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  SportelloImportCounts counts;

  import_ok (b, first, NULL, 1);

  /* renamed here only: an update there */
  g_usleep (2000);
  g_assert_true (sportello_attachment_rename (a, uuid, "Visura.pdf", &error));
  g_clear_pointer (&second, g_free);
  second = export_client (a, client, "conflict-2.sportello", NULL);
  apply_with (b, second, SPORTELLO_CONFLICT_OURS, &counts);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpstr (name_in (b, uuid), ==, "Visura.pdf");

  /* renamed on both sides: a conflict, settled as asked */
  g_usleep (2000);
  g_assert_true (sportello_attachment_rename (b, uuid, "Visura di Bruno.pdf", &error));
  g_usleep (2000);
  g_assert_true (sportello_attachment_rename (a, uuid, "Visura di Anna.pdf", &error));
  g_clear_pointer (&second, g_free);
  second = export_client (a, client, "conflict-3.sportello", NULL);
  apply_with (b, second, SPORTELLO_CONFLICT_OURS, &counts);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  g_assert_cmpstr (name_in (b, uuid), ==, "Visura di Bruno.pdf");
  apply_with (b, second, SPORTELLO_CONFLICT_THEIRS, &counts);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  g_assert_cmpstr (name_in (b, uuid), ==, "Visura di Anna.pdf");
  g_assert_cmpuint (count_content_files (b), ==, 1);
}

/* The first attachment of the bundle at @path, changed by @edit, written
 * back; then loaded: the problems it has */
static GPtrArray *
problems_after (const char *path,
                const char *member,
                JsonNode   *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *broken = g_strconcat (path, ".broken", NULL);
  g_autoptr(GError) error = NULL;
  SportelloBundle *bundle;
  JsonObject *attachment;
  GPtrArray *problems;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  attachment = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                              "attachments"), 0);
  json_object_set_member (attachment, member, value);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, broken, &error));

  bundle = sportello_bundle_load (broken, &error);
  g_assert_no_error (error);
  problems = g_ptr_array_ref (sportello_bundle_get_problems (bundle));
  sportello_bundle_free (bundle);
  return problems;
}

static void
assert_refused (GPtrArray  *problems,
                const char *path)
{
  g_assert_cmpuint (problems->len, >=, 1);
  if (strstr (g_ptr_array_index (problems, 0), path) == NULL)
    g_error ("expected a problem at %s, got %s", path, (char *) g_ptr_array_index (problems, 0));
  g_ptr_array_unref (problems);
}

static void
test_bundle_tampered (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("tamper", "Anna", "Hub");
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Rossi srl");
  g_autofree char *path = NULL;
  g_autofree char *other_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "other", -1);

  g_object_unref (add (db, client, "a.txt", "abcdef"));
  path = export_client (db, client, "tamper.sportello", NULL);

  /* a hash that is not the content's */
  assert_refused (problems_after (path, "sha256", json_node_init_string (json_node_alloc (), other_hash)),
                  "$.attachments[0].content");
  /* not a hash at all */
  assert_refused (problems_after (path, "sha256", json_node_init_string (json_node_alloc (), "ABC")),
                  "$.attachments[0].sha256");
  /* the same length, other bytes (“abcdeg”) */
  assert_refused (problems_after (path, "content", json_node_init_string (json_node_alloc (), "YWJjZGVn")),
                  "$.attachments[0].content");
  /* not base64 */
  assert_refused (problems_after (path, "content", json_node_init_string (json_node_alloc (), "YWJj*GVm")),
                  "$.attachments[0].content");
  /* base64 with a line break in it */
  assert_refused (problems_after (path, "content", json_node_init_string (json_node_alloc (), "YWJj\nZGVm")),
                  "$.attachments[0].content");
  /* a size that is not the content's */
  assert_refused (problems_after (path, "size", json_node_init_int (json_node_alloc (), 7)),
                  "$.attachments[0].content");
  assert_refused (problems_after (path, "size", json_node_init_int (json_node_alloc (), -1)),
                  "$.attachments[0].size");
  assert_refused (problems_after (path, "size", json_node_init_null (json_node_alloc ())),
                  "$.attachments[0].size");
  assert_refused (problems_after (path, "name", json_node_init_string (json_node_alloc (), " ")),
                  "$.attachments[0]");

  /* and the untouched bundle is fine */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloBundle) bundle = sportello_bundle_load (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sportello_bundle_get_problems (bundle)->len, ==, 0);
    g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_ATTACHMENT), ==, 1);
  }
}

/* The decoder takes canonical, padded base64 only */
static void
test_base64 (void)
{
  static const struct { const char *text; const char *decoded; } good[] = {
    { "", "" }, { "YQ==", "a" }, { "YWI=", "ab" }, { "YWJj", "abc" }, { "YWJjZA==", "abcd" },
  };
  static const char * const bad[] = {
    "Y", "YQ", "YQ=", "YQ===", "Y===", "=YWJ", "YW=j", "YR==", "YWJ=", "YW I", "YWJj\n", "YQ==YQ==",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gsize length;
      g_autofree guint8 *data = _sportello_attachment_decode_base64 (good[i].text, &length);

      g_assert_nonnull (data);
      g_assert_cmpmem (data, length, good[i].decoded, strlen (good[i].decoded));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gsize length;
      g_autofree guint8 *data = _sportello_attachment_decode_base64 (bad[i], &length);

      if (data != NULL)
        g_error ("“%s” was taken as base64", bad[i]);
    }
}

/* Over the limit a bundle states: refused, with the file named, and no bundle written */
static void
test_bundle_limit (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("limit", "Anna", "Hub");
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Rossi srl");
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "large.sportello", NULL);
  g_autoptr(GError) error = NULL;
  gsize size = SPORTELLO_ATTACHMENT_BUNDLE_MAX_FILE + 1;
  g_autoptr(GBytes) large = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(SportelloAttachment) attachment = NULL;

  attachment = sportello_attachment_add_bytes (db, sportello_client_get_uuid (client), "video.mp4", NULL, large, &error);
  g_assert_no_error (error);

  g_assert_false (sportello_bundle_export (db, NULL, path, &error));
  g_assert_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "video.mp4"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* deleted, the export goes */
  g_assert_true (sportello_attachment_delete (db, sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_UUID), &error));
  g_assert_true (sportello_bundle_export (db, NULL, path, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------ backups ---- */

static void
test_backup (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("backup", "Anna", "Hub");
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Rossi srl");
  g_autoptr(GBytes) binary = binary_bytes ();
  g_autofree char *backup = g_build_filename (g_get_tmp_dir (), "copy.db", NULL);
  g_autoptr(SportelloBackupInfo) info = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *safety = NULL;
  g_autoptr(GError) error = NULL;

  g_object_unref (sportello_attachment_add_bytes (db, sportello_client_get_uuid (client), "foto.png", NULL,
                                                  binary, &error));
  g_object_unref (add (db, client, "nota.txt", "nota"));
  g_assert_true (sportello_backup_write (db, backup, &error));
  g_assert_no_error (error);

  /* counted, and one file that holds them */
  info = sportello_backup_inspect (backup, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->attachments, ==, 2);

  /* the client erased, its files with it; the backup brings them back */
  g_assert_true (sportello_client_erase (db, sportello_client_get_uuid (client), &error));
  g_assert_cmpuint (count_content_files (db), ==, 0);
  g_assert_true (sportello_backup_restore (db, backup, now, &safety, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_content_files (db), ==, 2);
  {
    g_autoptr(GBytes) got = bytes_named (db, client, "foto.png");

    g_assert_true (g_bytes_equal (got, binary));
  }
  /* the bytes are in their files again, not in the live database */
  {
    g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, "SELECT count(*) FROM attachment_contents", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  }
}

/* A database of schema 13 gets the table, and its clients keep everything */
static void
test_migration (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "old", NULL);
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const SportelloMigration *migrations;
  sqlite3 *raw = NULL;
  guint n;

  migrations = _sportello_migrations (&n);
  g_assert_cmpuint (n, >=, 14);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < 13; i++)
    g_string_append_printf (sql, "%s;", migrations[i].sql);
  g_string_append (sql, "INSERT INTO clients (uuid, name, created_at, updated_at) VALUES "
                   "('11111111-1111-4111-8111-111111111111', 'Old srl', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');"
                   "PRAGMA user_version = 13; PRAGMA application_id = 0x53505254;");
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (_sportello_migrations_register_functions (raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sportello_database_get_schema_version (db), ==, sportello_database_latest_schema_version ());
  {
    g_autoptr(SportelloClient) old = sportello_client_load (db, "11111111-1111-4111-8111-111111111111", &error);
    g_autoptr(SportelloAttachment) attachment = NULL;

    g_assert_no_error (error);
    attachment = add (db, old, "nuovo.txt", "dopo la migrazione");
    g_assert_cmpuint (n_attachments (db, old), ==, 1);
  }
}

static void
changed_cb (SportelloDatabase *db,
            const char        *kind,
            GArray            *ids,
            guint             *heard)
{
  g_assert_cmpstr (kind, ==, SPORTELLO_CHANGE_ATTACHMENT);
  (*heard)++;
}

static gboolean
give_up_cb (gpointer data)
{
  g_error ("the change was not announced");
  return G_SOURCE_REMOVE;
}

/* Lists follow attachments written by another connection (the window
 * hears of what its worker attached) */
static void
test_changes (void)
{
  g_autoptr(SportelloDatabase) window = store_test_open_db ("changes", "Anna", "Hub");
  g_autoptr(SportelloDatabase) worker = store_test_open_db ("changes", "Anna", "Hub");
  g_autoptr(SportelloClient) client = store_test_new_client (window, "Rossi srl");
  g_autoptr(SportelloAttachment) attachment = NULL;
  guint heard = 0;
  guint guard;

  g_signal_connect (window, "changed::" SPORTELLO_CHANGE_ATTACHMENT, G_CALLBACK (changed_cb), &heard);
  attachment = add (worker, client, "a.txt", "announced");

  /* what is awaited is announced at once; a hang fails the test */
  guard = g_timeout_add_seconds (30, give_up_cb, NULL);
  while (heard < 1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  g_assert_cmpuint (heard, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/store/attachment/same-file-once", test_same_file_once);
  g_test_add_func ("/store/attachment/add-file", test_add_file);
  g_test_add_func ("/store/attachment/rename", test_rename);
  g_test_add_func ("/store/attachment/delete", test_delete);
  g_test_add_func ("/store/attachment/erased-with-client", test_erased_with_client);
  g_test_add_func ("/store/attachment/garbage", test_garbage);
  g_test_add_func ("/store/attachment/base64", test_base64);
  g_test_add_func ("/store/attachment/bundle-round-trip", test_bundle_round_trip);
  g_test_add_func ("/store/attachment/bundle-whole", test_bundle_whole);
  g_test_add_func ("/store/attachment/bundle-protected", test_bundle_protected);
  g_test_add_func ("/store/attachment/bundle-tampered", test_bundle_tampered);
  g_test_add_func ("/store/attachment/bundle-conflict", test_bundle_conflict);
  g_test_add_func ("/store/attachment/bundle-limit", test_bundle_limit);
  g_test_add_func ("/store/attachment/backup", test_backup);
  g_test_add_func ("/store/attachment/migration", test_migration);
  g_test_add_func ("/store/attachment/changes", test_changes);

  return g_test_run ();
}
