/* test-bundle.c: the JSON handoff, exact and safe
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <sqlite3.h>

#include "sportello-bundle.h"
#include "sportello-bundle-private.h"
#include "sportello-client.h"
#include "sportello-client-list.h"
#include "sportello-database.h"
#include "sportello-database-private.h"
#include "sportello-demo.h"
#include "sportello-assessment.h"
#include "sportello-checklist.h"
#include "sportello-document.h"
#include "sportello-event.h"
#include "sportello-follow-up.h"
#include "sportello-registration.h"
#include "sportello-meeting.h"
#include "sportello-user-template.h"

static SportelloDatabase *
open_named (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  SportelloDatabase *db = sportello_database_open (dir, &error);

  g_assert_no_error (error);
  sportello_database_set_origin (db, "Chiara Esposito", "Polo di Caserta");
  return db;
}

static char *
tmp_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static SportelloBundle *
load_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  SportelloBundle *bundle = sportello_bundle_load (path, &error);

  g_assert_no_error (error);
  if (sportello_bundle_get_problems (bundle)->len > 0)
    g_error ("%s", (char *) g_ptr_array_index (sportello_bundle_get_problems (bundle), 0));
  return bundle;
}

static void
import_ok (SportelloDatabase     *db,
           const char            *path,
           SportelloImportCounts  counts[SPORTELLO_N_RECORD_KINDS])
{
  g_autoptr(SportelloBundle) bundle = load_ok (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (sportello_bundle_apply (bundle, db, SPORTELLO_CONFLICT_NEWER, "test.sportello", counts, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autoptr(SportelloDatabase) a = open_named ("bundle-a");
  g_autoptr(SportelloDatabase) b = open_named ("bundle-b");
  g_autofree char *first = tmp_path ("first.sportello");
  g_autofree char *second = tmp_path ("second.sportello");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", "1764072000", TRUE);
  g_assert_true (sportello_demo_fill (a, 80, &error));

  g_assert_true (sportello_bundle_export (a, NULL, first, &error));
  import_ok (b, first, counts);
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].new_records, ==, 80);
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_MEETING].new_records, >, 40);
  /* advice documents travel with their client, text and status */
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_DOCUMENT].new_records, >, 5);

  /* exported again from the copy: the same bytes */
  g_assert_true (sportello_bundle_export (b, NULL, second, &error));
  first_text = read_file (first);
  second_text = read_file (second);
  g_assert_cmpstr (first_text, ==, second_text);
  g_assert_true (g_str_has_prefix (first_text, "{\n  \"format\": \"sportello-bundle\",\n  \"version\": 1,\n"));

  /* the same bundle twice: everything unchanged */
  import_ok (b, first, counts);
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_assert_cmpuint (counts[kind].new_records, ==, 0);
      g_assert_cmpuint (counts[kind].updated, ==, 0);
      g_assert_cmpuint (counts[kind].conflicts, ==, 0);
      g_assert_cmpuint (counts[kind].unchanged, ==, sportello_bundle_count (load_ok (first), kind));
    }

  /* a bundle from before documents travelled still imports */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *old = tmp_path ("old.sportello");
    g_autoptr(SportelloBundle) bundle = NULL;

    g_assert_true (json_parser_load_from_data (parser, first_text, -1, &error));
    json_object_remove_member (json_node_get_object (json_parser_get_root (parser)), "documents");
    json_generator_set_root (generator, json_parser_get_root (parser));
    g_assert_true (json_generator_to_file (generator, old, &error));
    bundle = load_ok (old);
    g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_DOCUMENT), ==, 0);
    g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 80);
  }
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

static gboolean
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  GArray *seen = user_data;

  g_assert_cmpuint (done, <=, total);
  g_array_append_val (seen, done);
  return TRUE;
}

/* Says to stop after @user_data calls */
static gboolean
stop_cb (guint    done,
         guint    total,
         gpointer user_data)
{
  guint *calls_left = user_data;

  return (*calls_left)-- > 0;
}

/* A long job stopped half-way changes nothing: no bundle read, no row
 * written, and the file an export would replace stays as it was */
/* The names in @folder, sorted, joined by spaces */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* An export that fails half-way (a full disk) leaves nothing under the
 * final name when it did not exist, the old bytes when it did, and no
 * temporary file */
static void
test_export_atomic (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("bundle-export-atomic");
  g_autofree char *folder = tmp_path ("exports");
  g_autofree char *fresh = g_build_filename (folder, "nuovo.sportello", NULL);
  g_autofree char *old = g_build_filename (folder, "vecchio.sportello", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sportello_demo_fill (db, 30, &error));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  _sportello_bundle_set_export_fail_after (50);
  g_assert_false (sportello_bundle_export (db, NULL, fresh, &error));
  g_assert_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "");
  g_clear_pointer (&listing, g_free);

  g_assert_true (g_file_set_contents (old, "the old bundle", -1, NULL));
  g_assert_false (sportello_bundle_export (db, NULL, old, &error));
  g_assert_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO);
  g_clear_error (&error);
  after = read_file (old);
  g_assert_cmpstr (after, ==, "the old bundle");
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "vecchio.sportello");
  g_clear_pointer (&listing, g_free);
  _sportello_bundle_set_export_fail_after (0);

  /* and then whole */
  g_assert_true (sportello_bundle_export (db, NULL, fresh, &error));
  g_assert_no_error (error);
  g_assert_true (sportello_bundle_export (db, NULL, old, &error));
  g_assert_no_error (error);
  sportello_bundle_free (load_ok (fresh));
  sportello_bundle_free (load_ok (old));
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "nuovo.sportello vecchio.sportello");
}

static void
put_file (const char *folder,
          const char *name,
          const char *contents,
          gboolean    old)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  if (old)
    {
      struct utimbuf times = { time (NULL) - 3600, time (NULL) - 3600 };

      g_assert_cmpint (g_utime (path, &times), ==, 0);
    }
}

/* The next export into a folder removes the temporary files a killed one
 * left, and nothing else: not another export's that is being written,
 * not another program's */
static void
test_export_cleans_orphans (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("bundle-export-orphans");
  g_autofree char *folder = tmp_path ("orphans");
  g_autofree char *path = g_build_filename (folder, "dossier.sportello", NULL);
  g_autofree char *busy = g_build_filename (folder, ".altro.sportello.sportello-Q1w2E3", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *bundle_start = "{\n  \"format\": \"sportello-bundle\",\n  \"version\": 1,";
  int busy_fd;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  put_file (folder, ".dossier.sportello.sportello-AbC123", "{\n  \"format\"", FALSE);
  put_file (folder, ".x.sportello-Zz9999", "", TRUE);
  put_file (folder, ".goutputstream-ABCDEF", bundle_start, TRUE);
  /* written by another program, or by an older Sportello just now */
  put_file (folder, ".goutputstream-GHIJKL", bundle_start, FALSE);
  put_file (folder, ".goutputstream-MNOPQR", "a document of another program", TRUE);
  put_file (folder, ".appunti.sportello-abc", "not one of ours", TRUE);
  put_file (folder, "note.txt", "mine", TRUE);

  /* another export into the same folder, still writing */
  put_file (folder, ".altro.sportello.sportello-Q1w2E3", bundle_start, TRUE);
  busy_fd = open (busy, O_RDWR | O_CLOEXEC);
  g_assert_cmpint (busy_fd, >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);

  g_assert_true (sportello_bundle_export (db, NULL, path, &error));
  g_assert_no_error (error);

  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, ".altro.sportello.sportello-Q1w2E3 .appunti.sportello-abc "
                                ".goutputstream-GHIJKL .goutputstream-MNOPQR dossier.sportello note.txt");
  g_clear_pointer (&listing, g_free);

  /* once that export is gone, its file goes with the next one */
  close (busy_fd);
  g_assert_true (sportello_bundle_export (db, NULL, path, &error));
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, ".appunti.sportello-abc .goutputstream-GHIJKL .goutputstream-MNOPQR "
                                "dossier.sportello note.txt");
}

static void
test_cancel (void)
{
  g_autoptr(SportelloDatabase) a = open_named ("bundle-cancel-a");
  g_autoptr(SportelloDatabase) b = open_named ("bundle-cancel-b");
  g_autofree char *path = tmp_path ("cancel.sportello");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  guint calls_left;

  g_assert_true (sportello_demo_fill (a, 300, &error));
  g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  before = read_file (path);

  /* reading */
  calls_left = 3;
  g_assert_null (sportello_bundle_load_with_progress (path, stop_cb, &calls_left, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* importing: nothing written */
  bundle = load_ok (path);
  calls_left = 2;
  sportello_bundle_set_progress (bundle, stop_cb, &calls_left);
  g_assert_false (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_NEWER, "cancel", counts, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  {
    g_autoptr(SportelloClientList) list = sportello_client_list_new (b);

    g_assert_true (sportello_client_list_refresh (list, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  }

  /* exporting over the earlier file: it stays whole, no temporary file is left */
  calls_left = 2;
  g_assert_false (sportello_bundle_export_with_progress (a, NULL, path, stop_cb, &calls_left, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".goutputstream"));
  }
}

/* A long import tells how far it is, and ends at its total */
static void
test_progress (void)
{
  g_autoptr(SportelloDatabase) a = open_named ("bundle-progress-a");
  g_autoptr(SportelloDatabase) b = open_named ("bundle-progress-b");
  g_autofree char *path = tmp_path ("progress.sportello");
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;
  guint total = 0;

  g_assert_true (sportello_demo_fill (a, 300, &error));
  g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  bundle = load_ok (path);
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    total += sportello_bundle_count (bundle, kind);

  /* reading tells how far into the file it is, in KiB, up to its end */
  {
    g_autoptr(SportelloBundle) read = sportello_bundle_load_with_progress (path, progress_cb, seen, &error);
    GStatBuf st;

    g_assert_no_error (error);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpuint (sportello_bundle_count (read, SPORTELLO_RECORD_KIND_CLIENT), ==, 300);
    g_assert_cmpuint (seen->len, >=, 20);
    for (guint i = 1; i < seen->len; i++)
      g_assert_cmpuint (g_array_index (seen, guint, i), >=, g_array_index (seen, guint, i - 1));
    g_assert_cmpuint (g_array_index (seen, guint, 0), <, st.st_size / 1024 / 2);
    g_assert_cmpuint (g_array_index (seen, guint, seen->len - 1), ==, st.st_size / 1024);
    g_array_set_size (seen, 0);
  }

  sportello_bundle_set_progress (bundle, progress_cb, seen);
  g_assert_true (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_NEWER, "progress.sportello", counts, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (seen->len, >=, 3);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpuint (g_array_index (seen, guint, i), >, g_array_index (seen, guint, i - 1));
  g_assert_cmpuint (g_array_index (seen, guint, seen->len - 1), ==, total);

  /* and so does an export, of the same records */
  g_array_set_size (seen, 0);
  g_assert_true (sportello_bundle_export_with_progress (b, NULL, path, progress_cb, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 3);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpuint (g_array_index (seen, guint, i), >, g_array_index (seen, guint, i - 1));
  g_assert_cmpuint (g_array_index (seen, guint, seen->len - 1), ==, total);
}

static void
test_selection_and_name (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("bundle-sel");
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloClient) other = sportello_client_new ();
  g_autoptr(SportelloMeeting) meeting = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autofree char *path = tmp_path ("one.sportello");
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuids[2] = { NULL, NULL };

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Rossi S.r.l.");
  sportello_client_set (other, SPORTELLO_CLIENT_NAME, "Bianchi & C.");
  g_assert_true (sportello_client_save (client, db, &error));
  g_assert_true (sportello_client_save (other, db, &error));
  meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  sportello_meeting_set (meeting, SPORTELLO_MEETING_NOTES, "Note con \"virgolette\", \\ barre,\naccapo e \t tab — «bene»");
  g_assert_true (sportello_meeting_save (meeting, db, &error));

  uuids[0] = sportello_client_get_uuid (client);
  g_assert_true (sportello_bundle_export (db, uuids, path, &error));
  bundle = load_ok (path);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 1);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_MEETING), ==, 1);

  name = sportello_bundle_default_name (db, sportello_client_get_uuid (client));
  g_assert_true (g_str_has_prefix (name, "cliente-rossi-s-r-l-") || g_str_has_prefix (name, "client-rossi-s-r-l-"));
  g_assert_true (g_str_has_suffix (name, ".sportello"));
}

static void
test_atomic (void)
{
  g_autoptr(SportelloDatabase) a = open_named ("bundle-atomic-a");
  g_autoptr(SportelloDatabase) b = open_named ("bundle-atomic-b");
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autofree char *path = tmp_path ("atomic.sportello");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;
  gsize before_len, after_len;

  g_assert_true (sportello_demo_fill (a, 30, &error));
  g_assert_true (sportello_demo_fill (b, 5, &error));
  g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  g_assert_true (sportello_database_exec (b, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_true (g_file_get_contents (sportello_database_get_path (b), &before, &before_len, NULL));

  /* a failure after 40 written rows, half-way through */
  bundle = load_ok (path);
  _sportello_bundle_set_fail_after (40);
  g_assert_false (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_NEWER, "x", counts, &error));
  _sportello_bundle_set_fail_after (0);
  g_assert_nonnull (error);

  g_assert_true (sportello_database_exec (b, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  g_assert_true (g_file_get_contents (sportello_database_get_path (b), &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static char *
write_bundle (const char *name,
              const char *contents)
{
  char *path = tmp_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* a minimal valid bundle with one client, one contact, one meeting, one follow-up */
#define CLIENT(uuid, extra) \
  "{\"uuid\":\"" uuid "\",\"created_at\":\"2026-01-10T10:00:00Z\",\"updated_at\":\"2026-01-10T10:00:00Z\"," \
  "\"origin_consultant\":\"A\",\"origin_hub\":\"H\",\"name\":\"Rossi\",\"legal_form\":\"srl\"," \
  "\"vat_number\":\"00743110157\",\"tax_code\":\"\",\"ateco_code\":\"\",\"category\":\"retail\",\"employees\":3," \
  "\"street\":\"\",\"postal_code\":\"22100\",\"municipality\":\"Como\",\"province\":\"CO\",\"website\":\"\"," \
  "\"email\":\"\",\"pec\":\"\",\"sdi_code\":\"\",\"phone\":\"\",\"status\":\"new\",\"tags\":\"\",\"source\":\"other\"," \
  "\"consent_given\":false,\"consent_date\":\"\",\"consent_basis\":\"\",\"consent_note\":\"\",\"notes\":\"\"," \
  "\"owner_hub\":\"H\",\"owner_consultant\":\"A\"" extra "}"
#define CONTACT(uuid, client) \
  "{\"uuid\":\"" uuid "\",\"created_at\":\"2026-01-10T10:00:00Z\",\"updated_at\":\"2026-01-10T10:00:00Z\"," \
  "\"origin_consultant\":\"A\",\"origin_hub\":\"H\",\"client_uuid\":\"" client "\",\"name\":\"Anna\",\"role\":\"\"," \
  "\"email\":\"\",\"phone\":\"\",\"is_primary\":true}"
#define HEAD(version) \
  "{\"format\":\"sportello-bundle\",\"version\":" version ",\"exported_at\":\"2026-01-10T10:00:00Z\"," \
  "\"exported_by\":{\"consultant\":\"A\",\"hub\":\"H\"},"
#define U1 "11111111-1111-4111-8111-111111111111"
#define U2 "22222222-2222-4222-8222-222222222222"
#define U3 "33333333-3333-4333-8333-333333333333"

static void
test_valid_minimal (void)
{
  g_autofree char *path = write_bundle ("min.sportello",
    HEAD ("1") "\"clients\":[" CLIENT (U1, "") "],\"contacts\":[" CONTACT (U2, U1) "],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}");
  g_autoptr(SportelloBundle) bundle = load_ok (path);

  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CONTACT), ==, 1);
}

/* Two clients of the bundle with one VAT number were so in the file: not
 * duplicates of each other, in the preview or the import */
/* A VAT number and a tax code written as on a letterhead enter in the
 * form the editor stores: found as a duplicate of the plain number, and
 * exported plain */
static void
test_identifiers_normalized (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("bundle-identifiers");
  g_autoptr(SportelloClient) ours = sportello_client_new ();
  g_autofree char *path = write_bundle ("letterhead.sportello",
    HEAD ("1") "\"clients\":[" CLIENT (U1, ",\"vat_number\":\"IT 007.431.101-57\",\"tax_code\":\"007 431 101 57\"")
    "],\"contacts\":[],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}");
  g_autofree char *out = tmp_path ("letterhead-out.sportello");
  g_autoptr(SportelloBundle) bundle = load_ok (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;
  JsonObject *client;

  sportello_client_set (ours, SPORTELLO_CLIENT_NAME, "Rossi di Como");
  sportello_client_set (ours, SPORTELLO_CLIENT_VAT_NUMBER, "00743110157");
  g_assert_true (sportello_client_save (ours, db, &error));

  g_assert_true (sportello_bundle_preview (bundle, db, counts, &error));
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].duplicates, ==, 1);

  g_assert_true (sportello_bundle_apply (bundle, db, SPORTELLO_CONFLICT_NEWER, "letterhead", counts, &error));
  g_assert_no_error (error);
  g_assert_true (sportello_bundle_export (db, NULL, out, &error));
  g_assert_true (json_parser_load_from_file (parser, out, &error));
  client = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                        "clients"), 0);
  if (!g_str_equal (json_object_get_string_member (client, "uuid"), U1))
    client = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                          "clients"), 1);
  g_assert_cmpstr (json_object_get_string_member (client, "uuid"), ==, U1);
  g_assert_cmpstr (json_object_get_string_member (client, "vat_number"), ==, "00743110157");
  g_assert_cmpstr (json_object_get_string_member (client, "tax_code"), ==, "00743110157");
}

static void
test_twins_in_bundle (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("bundle-twins");
  g_autofree char *path = write_bundle ("twins.sportello",
    HEAD ("1") "\"clients\":[" CLIENT (U1, "") "," CLIENT (U3, "") "],\"contacts\":[],\"meetings\":[],"
    "\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}");
  g_autoptr(SportelloBundle) bundle = load_ok (path);
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;

  g_assert_true (sportello_bundle_preview (bundle, db, counts, &error));
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].new_records, ==, 2);
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].duplicates, ==, 0);
  g_assert_true (sportello_bundle_apply (bundle, db, SPORTELLO_CONFLICT_NEWER, "twins", counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].new_records, ==, 2);
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].duplicates, ==, 0);
}

static void
expect_problem (const char *contents,
                const char *path_prefix,
                const char *reason)
{
  g_autofree char *path = write_bundle ("bad.sportello", contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloBundle) bundle = sportello_bundle_load (path, &error);
  GPtrArray *problems;
  gboolean found = FALSE;

  g_assert_no_error (error);
  problems = sportello_bundle_get_problems (bundle);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *p = g_ptr_array_index (problems, i);

      if (g_str_has_prefix (p, path_prefix) && (reason == NULL || strstr (p, reason)))
        found = TRUE;
    }
  if (!found)
    g_error ("no problem at %s (%s) among %u: %s", path_prefix, reason ? reason : "", problems->len,
             problems->len ? (char *) g_ptr_array_index (problems, 0) : "");
}

/* A whole bundle, then a NUL byte and more: refused, and said so; the
 * file ending there is not the document ending there */
static void
test_nul_after_bundle (void)
{
  static const char text[] = HEAD ("1") "\"clients\":[" CLIENT (U1, "") "],\"contacts\":[],\"meetings\":[],"
                             "\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}\n";
  g_autoptr(GByteArray) contents = g_byte_array_new ();
  g_autofree char *path = tmp_path ("nul.sportello");
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  g_byte_array_append (contents, (const guint8 *) text, sizeof text - 1);
  g_byte_array_append (contents, (const guint8 *) "\0{\"clients\": \"and more\"}", 25);
  g_assert_true (g_file_set_contents (path, (const char *) contents->data, contents->len, NULL));

  bundle = sportello_bundle_load (path, &error);
  g_assert_null (bundle);
  g_assert_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, _("a NUL byte, which JSON text cannot hold")));
  g_assert_null (strstr (error->message, _("the file ends too soon")));
}

/* \u0000 is valid JSON: accepted in a member Sportello leaves out, refused
 * with its path in a field Sportello stores */
static void
test_escaped_nul_in_bundle (void)
{
  g_autofree char *ignored = write_bundle ("nul-ignored.sportello",
    HEAD ("1") "\"comment\":\"a\\u0000b\",\"clients\":[" CLIENT (U1, ",\"x-note\":\"\\u0000\",\"name\\u0000\":\"\\u0000\"")
    "],\"contacts\":[],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}");
  g_autoptr(SportelloBundle) bundle = load_ok (ignored);

  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 1);

  expect_problem (HEAD ("1") "\"clients\":[" CLIENT (U1, ",\"notes\":\"prima\\u0000dopo\"") "],\"contacts\":[],"
                  "\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}",
                  "$.clients[0].notes", "\\u0000");
  expect_problem ("{\"format\":\"sportello-bundle\",\"version\":1,\"exported_at\":\"2026-01-10T10:00:00Z\","
                  "\"exported_by\":{\"consultant\":\"A\\u0000\",\"hub\":\"H\"},\"clients\":[],\"contacts\":[],"
                  "\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}",
                  "$.exported_by.consultant", "\\u0000");
}

/* A named pipe or a folder is refused at once: reading one would wait for
 * a writer for ever */
static void
test_not_a_regular_file (void)
{
  g_autofree char *fifo = tmp_path ("pipe.sportello");
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  bundle = sportello_bundle_load (fifo, &error);
  g_assert_null (bundle);
  g_assert_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, fifo));
  g_clear_error (&error);

  bundle = sportello_bundle_load (g_get_user_data_dir (), &error);
  g_assert_null (bundle);
  g_assert_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO);
}

static void
expect_error (const char *contents,
              gsize       length)
{
  g_autofree char *path = tmp_path ("broken.sportello");
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;

  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  bundle = sportello_bundle_load (path, &error);
  g_assert_null (bundle);
  g_assert_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID);
}

static void
test_bad_input (void)
{
  const char *good = HEAD ("1") "\"clients\":[" CLIENT (U1, "") "],\"contacts\":[" CONTACT (U2, U1) "],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}";

  /* not JSON, truncated, empty */
  expect_error ("ciao, non sono JSON", 19);
  expect_error (good, strlen (good) / 2);
  expect_error ("", 0);
  /* found by fuzzing: a blank document, and input json-glib asserts on in immutable mode */
  expect_error ("   \n", 4);
  {
    g_autofree char *path = write_bundle ("number.sportello", "33333333333333333333333333333333[]");
    g_autoptr(SportelloBundle) bundle = sportello_bundle_load (path, NULL);

    g_assert_true (bundle == NULL || sportello_bundle_get_problems (bundle)->len > 0);
  }

  /* JSON, but not a bundle */
  expect_problem ("[1, 2, 3]", "$", NULL);
  expect_problem ("{\"format\":\"altro\"}", "$.format", NULL);
  /* from a newer Sportello */
  expect_problem (HEAD ("2") "\"clients\":[],\"contacts\":[],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}", "$.version", "2");
  /* wrong types, missing fields */
  expect_problem (HEAD ("1") "\"clients\":[" CLIENT (U1, ",\"x\":1") "],\"contacts\":{},\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}",
                  "$.contacts", NULL);
  expect_problem (HEAD ("1") "\"clients\":[{\"uuid\":\"" U1 "\"}],\"contacts\":[],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}",
                  "$.clients[0].name", NULL);
  /* the VAT number's check digit */
  {
    g_autofree char *bad_vat = g_strdup (good);
    char *p = strstr (bad_vat, "00743110157");
    p[10] = '8';
    expect_problem (bad_vat, "$.clients[0].vat_number", "7");
  }
  /* dangling reference, duplicate UUID, bad UUID, absurd date */
  expect_problem (HEAD ("1") "\"clients\":[" CLIENT (U1, "") "],\"contacts\":[" CONTACT (U2, U3) "],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}",
                  "$.contacts[0].client_uuid", NULL);
  expect_problem (HEAD ("1") "\"clients\":[" CLIENT (U1, "") "," CLIENT (U1, "") "],\"contacts\":[],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}",
                  "$.clients[1].uuid", NULL);
  expect_problem (HEAD ("1") "\"clients\":[" CLIENT ("not-a-uuid", "") "],\"contacts\":[],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}",
                  "$.clients[0].uuid", NULL);
  {
    g_autofree char *absurd = g_strdup (good);
    char *p = strstr (absurd, "2026-01-10T10:00:00Z\",\"updated_at");
    memcpy (p, "9999", 4);
    expect_problem (absurd, "$.clients[0].created_at", NULL);
  }
}

static void
test_at_most_fifty_problems (void)
{
  g_autoptr(GString) s = g_string_new (HEAD ("1") "\"clients\":[");
  g_autofree char *path = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (s, "%s{\"uuid\":\"bad-%u\"}", i ? "," : "", i);
  g_string_append (s, "],\"contacts\":[],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}");
  path = write_bundle ("many.sportello", s->str);
  bundle = sportello_bundle_load (path, NULL);
  g_assert_cmpuint (sportello_bundle_get_problems (bundle)->len, ==, SPORTELLO_BUNDLE_MAX_PROBLEMS);
}

static void
test_too_large (void)
{
  g_autofree char *path = tmp_path ("huge.sportello");
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  FILE *f = g_fopen (path, "w");

  /* a sparse file: large, but costs no disk */
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), (off_t) SPORTELLO_BUNDLE_MAX_SIZE + 1), ==, 0);
  fclose (f);

  bundle = sportello_bundle_load (path, &error);
  g_assert_null (bundle);
  g_assert_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID);
  g_unlink (path);
}

static void
test_conflicts (void)
{
  g_autoptr(SportelloDatabase) a = open_named ("bundle-conflict-a");
  g_autoptr(SportelloDatabase) b = open_named ("bundle-conflict-b");
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloClient) theirs = NULL;
  g_autoptr(SportelloClient) ours = NULL;
  g_autoptr(SportelloClient) result = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autofree char *path = tmp_path ("conflict.sportello");
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Enoteca Sala");
  g_assert_true (sportello_client_save (client, a, &error));
  g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  import_ok (b, path, counts);

  /* only they change it: an update */
  theirs = sportello_client_load (a, sportello_client_get_uuid (client), &error);
  g_usleep (2000);
  sportello_client_set (theirs, SPORTELLO_CLIENT_NOTES, "cambiato da loro");
  g_assert_true (sportello_client_save (theirs, a, &error));
  g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  bundle = load_ok (path);
  g_assert_true (sportello_bundle_preview (bundle, b, counts, &error));
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].updated, ==, 1);
  g_clear_pointer (&bundle, sportello_bundle_free);
  import_ok (b, path, counts);

  /* both change it: a conflict; “ours” keeps ours, “theirs” takes theirs */
  g_usleep (2000);
  sportello_client_set (theirs, SPORTELLO_CLIENT_NOTES, "di nuovo loro");
  g_assert_true (sportello_client_save (theirs, a, &error));
  ours = sportello_client_load (b, sportello_client_get_uuid (client), &error);
  sportello_client_set (ours, SPORTELLO_CLIENT_NOTES, "nostro");
  g_assert_true (sportello_client_save (ours, b, &error));
  g_assert_true (sportello_bundle_export (a, NULL, path, &error));

  bundle = load_ok (path);
  g_assert_true (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_OURS, "x", counts, &error));
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].conflicts, ==, 1);
  result = sportello_client_load (b, sportello_client_get_uuid (client), &error);
  g_assert_cmpstr (sportello_client_get (result, SPORTELLO_CLIENT_NOTES), ==, "nostro");
  g_clear_object (&result);

  /* the conflict is listed by name, and a choice for it beats the policy */
  {
    g_autoptr(GPtrArray) conflicts = sportello_bundle_list_conflicts (bundle, b, &error);
    SportelloConflict *conflict;

    g_assert_no_error (error);
    g_assert_cmpuint (conflicts->len, ==, 1);
    conflict = g_ptr_array_index (conflicts, 0);
    g_assert_cmpint (conflict->kind, ==, SPORTELLO_RECORD_KIND_CLIENT);
    g_assert_cmpstr (conflict->uuid, ==, sportello_client_get_uuid (client));
    g_assert_cmpstr (conflict->description, ==, "Enoteca Sala");
    g_assert_cmpstr (conflict->theirs_updated_at, ==, sportello_client_get (theirs, SPORTELLO_CLIENT_UPDATED_AT));
    g_assert_cmpstr (conflict->ours_updated_at, ==, sportello_client_get (ours, SPORTELLO_CLIENT_UPDATED_AT));

    sportello_bundle_choose (bundle, conflict->uuid, SPORTELLO_CONFLICT_THEIRS);
  }
  g_assert_true (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_OURS, "x", counts, &error));
  result = sportello_client_load (b, sportello_client_get_uuid (client), &error);
  g_assert_cmpstr (sportello_client_get (result, SPORTELLO_CLIENT_NOTES), ==, "di nuovo loro");

  /* a new client with a VAT number we have: a possible duplicate */
  {
    g_autoptr(SportelloDatabase) c = open_named ("bundle-conflict-c");
    g_autoptr(SportelloClient) twin = sportello_client_new ();
    g_autofree char *dup_path = tmp_path ("dup.sportello");
    g_autoptr(SportelloBundle) dup = NULL;

    sportello_client_set (twin, SPORTELLO_CLIENT_NAME, "Enoteca Sala di Sala Marco");
    sportello_client_set (twin, SPORTELLO_CLIENT_VAT_NUMBER, "00743110157");
    g_assert_true (sportello_client_save (twin, c, &error));
    sportello_client_set (ours, SPORTELLO_CLIENT_VAT_NUMBER, "00743110157");
    g_assert_true (sportello_client_save (ours, b, &error));
    {
      g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (sportello_client_get_uuid (twin));

      sportello_meeting_set (meeting, SPORTELLO_MEETING_NOTES, "Visita in cantina");
      g_assert_true (sportello_meeting_save (meeting, c, &error));
    }
    g_assert_true (sportello_bundle_export (c, NULL, dup_path, &error));
    dup = load_ok (dup_path);
    g_assert_true (sportello_bundle_preview (dup, b, counts, &error));
    g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].duplicates, ==, 1);

    /* offered as a merge into ours: their meeting joins our client */
    {
      g_autoptr(GPtrArray) duplicates = sportello_bundle_list_duplicates (dup, b, &error);
      SportelloConflict *match;
      g_autoptr(GListModel) meetings = NULL;
      g_autoptr(SportelloMeeting) arrived = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (duplicates->len, ==, 1);
      match = g_ptr_array_index (duplicates, 0);
      g_assert_cmpstr (match->uuid, ==, sportello_client_get_uuid (twin));
      g_assert_cmpstr (match->description, ==, "Enoteca Sala di Sala Marco");
      g_assert_cmpstr (match->existing_uuid, ==, sportello_client_get_uuid (ours));
      g_assert_cmpstr (match->existing_description, ==, "Enoteca Sala");

      sportello_bundle_merge (dup, match->uuid, match->existing_uuid);
      /* a merged client is neither new nor a duplicate any more */
      g_assert_true (sportello_bundle_preview (dup, b, counts, &error));
      g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].new_records, ==, 0);
      g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].duplicates, ==, 0);
      g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_MEETING].new_records, ==, 1);
      g_assert_true (sportello_bundle_apply (dup, b, SPORTELLO_CONFLICT_NEWER, "dup.sportello", counts, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].new_records, ==, 0);
      g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_MEETING].new_records, ==, 1);
      g_assert_null (sportello_client_load (b, sportello_client_get_uuid (twin), NULL));
      meetings = sportello_meeting_list (b, sportello_client_get_uuid (ours), NULL, &error);
      g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
      arrived = g_list_model_get_item (meetings, 0);
      g_assert_cmpstr (sportello_meeting_get (arrived, SPORTELLO_MEETING_NOTES), ==, "Visita in cantina");
    }
  }
}

/* A hub's own templates travel: alone, with the whole database, or with
 * the clients whose documents were written from them */
static void
test_templates (void)
{
  g_autoptr(SportelloDatabase) a = open_named ("bundle-tpl-a");
  g_autoptr(SportelloDatabase) b = open_named ("bundle-tpl-b");
  g_autoptr(SportelloDatabase) c = open_named ("bundle-tpl-c");
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloClient) other = sportello_client_new ();
  g_autoptr(SportelloTemplate) used = NULL;
  g_autoptr(SportelloTemplate) unused = NULL;
  g_autoptr(SportelloDocument) doc = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autofree char *only = tmp_path ("templates-only.sportello");
  g_autofree char *one = tmp_path ("one-client.sportello");
  g_autofree char *bad = tmp_path ("bad-template.sportello");
  g_autofree char *text = NULL;
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;
  const char *uuids[2] = { NULL, NULL };

  used = sportello_user_template_duplicate (sportello_templates_find ("avvio-marketplace"));
  g_assert_true (sportello_user_template_save (a, used, &error));
  unused = sportello_user_template_duplicate (sportello_templates_find ("sicurezza-base-micro"));
  g_free (unused->body);
  unused->body = g_strdup ("Per {{client.name}}: *backup* \"ogni\" giorno — «bene»\n");
  g_assert_true (sportello_user_template_save (a, unused, &error));
  g_free (sportello_checklist_store (a, sportello_checklist_get_builtin (), &error));

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Ceramiche Iannone");
  sportello_client_set (other, SPORTELLO_CLIENT_NAME, "Bar Centrale");
  g_assert_true (sportello_client_save (client, a, &error));
  g_assert_true (sportello_client_save (other, a, &error));
  doc = sportello_document_new_from_template (a, sportello_client_get_uuid (client), used, NULL, &error);
  g_assert_true (sportello_document_save (doc, a, &error));

  /* templates and checklists alone, for another hub: no client at all */
  g_assert_true (sportello_bundle_export (a, (const char * const []) { NULL }, only, &error));
  bundle = load_ok (only);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_TEMPLATE), ==, 2);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CHECKLIST), ==, 1);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 0);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_DOCUMENT), ==, 0);
  import_ok (b, only, counts);
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_TEMPLATE].new_records, ==, 2);
  {
    g_autoptr(SportelloTemplate) arrived = sportello_user_template_load (b, unused->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (arrived->body, ==, unused->body);
    g_assert_cmpstr (arrived->title, ==, unused->title);
  }
  import_ok (b, only, counts);
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_TEMPLATE].unchanged, ==, 2);

  /* one client: the template its document was written from, not the other */
  uuids[0] = sportello_client_get_uuid (client);
  g_assert_true (sportello_bundle_export (a, uuids, one, &error));
  g_clear_pointer (&bundle, sportello_bundle_free);
  bundle = load_ok (one);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_TEMPLATE), ==, 1);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_DOCUMENT), ==, 1);
  import_ok (c, one, counts);
  {
    g_autoptr(GPtrArray) list = sportello_user_templates_list (c, &error);

    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (((SportelloTemplate *) g_ptr_array_index (list, 0))->id, ==, used->id);
  }

  /* a template with an unknown placeholder is refused with its path and line */
  text = read_file (only);
  {
    g_autoptr(GString) broken = g_string_new (text);

    g_string_replace (broken, "{{client.name}}", "{{cliente.nome}}", 1);
    g_assert_true (g_file_set_contents (bad, broken->str, -1, &error));
  }
  g_clear_pointer (&bundle, sportello_bundle_free);
  bundle = sportello_bundle_load (bad, &error);
  g_assert_nonnull (bundle);
  {
    GPtrArray *problems = sportello_bundle_get_problems (bundle);
    gboolean found = FALSE;

    for (guint i = 0; i < problems->len; i++)
      {
        const char *message = g_ptr_array_index (problems, i);

        found |= g_str_has_prefix (message, "$.templates[") && strstr (message, "].body: Line 1: “cliente.nome”") != NULL;
      }
    g_assert_true (found);
  }
}

/* Every index and trigger of a database, as SQL */
static char *
schema_of (SportelloDatabase *db)
{
  g_autoptr(GString) schema = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_sportello_database_get_handle (db),
                                       "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (schema, "%s %s %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&schema), FALSE);
}

/* A large import rebuilds the search indexes once instead of row by row */
static void
test_bulk_keeps_search (void)
{
  g_autoptr(SportelloDatabase) a = open_named ("bundle-bulk-a");
  g_autoptr(SportelloDatabase) b = open_named ("bundle-bulk-b");
  g_autoptr(SportelloClientList) list = NULL;
  g_autoptr(SportelloClient) first = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autofree char *path = tmp_path ("bulk.sportello");
  g_autofree char *word = NULL;
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;
  guint total = 0;
  guint found;

  g_assert_true (sportello_demo_fill (a, 1500, &error));
  g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  bundle = load_ok (path);
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    total += sportello_bundle_count (bundle, kind);
  g_assert_cmpuint (total, >, 5000);   /* past the bulk threshold */

  /* a failure half-way puts back what was set aside, and writes nothing */
  {
    g_autoptr(SportelloDatabase) fresh = open_named ("bundle-bulk-fresh");
    g_autofree char *expected = schema_of (fresh);
    g_autofree char *after = NULL;
    g_autoptr(SportelloClientList) none = sportello_client_list_new (b);

    _sportello_bundle_set_fail_after (3000);
    g_assert_false (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_NEWER, "bulk", counts, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    _sportello_bundle_set_fail_after (0);
    after = schema_of (b);
    g_assert_cmpstr (after, ==, expected);
    g_assert_true (sportello_client_list_refresh (none, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);
  }

  {
    g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
    guint after_rows = 0;

    sportello_bundle_set_progress (bundle, progress_cb, seen);
    g_assert_true (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_NEWER, "bulk", counts, &error));
    g_assert_no_error (error);
    sportello_bundle_set_progress (bundle, NULL, NULL);

    /* the bar goes on moving while the indexes are built, to its end */
    for (guint i = 1; i < seen->len; i++)
      g_assert_cmpuint (g_array_index (seen, guint, i), >=, g_array_index (seen, guint, i - 1));
    for (guint i = 0; i < seen->len; i++)
      after_rows += g_array_index (seen, guint, i) > total && g_array_index (seen, guint, i) < total + total / 2;
    g_assert_cmpuint (after_rows, >=, 5);
    g_assert_cmpuint (g_array_index (seen, guint, seen->len - 1), ==, total + total / 2);
  }

  /* the same bundle again: all unchanged, so nothing is rebuilt (the
   * progress has no index phase) */
  {
    g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
    SportelloImportCounts again[SPORTELLO_N_RECORD_KINDS];

    sportello_bundle_set_progress (bundle, progress_cb, seen);
    g_assert_true (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_NEWER, "bulk", again, &error));
    g_assert_no_error (error);
    sportello_bundle_set_progress (bundle, NULL, NULL);
    g_assert_cmpuint (again[SPORTELLO_RECORD_KIND_CLIENT].unchanged, ==, sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT));
    g_assert_cmpuint (again[SPORTELLO_RECORD_KIND_MEETING].new_records + again[SPORTELLO_RECORD_KIND_MEETING].updated, ==, 0);
    g_assert_cmpuint (g_array_index (seen, guint, seen->len - 1), ==, total);
  }

  /* every index and trigger set aside is back as it was */
  {
    g_autoptr(SportelloDatabase) fresh = open_named ("bundle-bulk-fresh");
    g_autofree char *expected = schema_of (fresh);
    g_autofree char *imported = schema_of (b);

    g_assert_nonnull (strstr (expected, "meetings_by_start"));
    g_assert_cmpstr (imported, ==, expected);
  }

  /* the index knows the imported clients, and the triggers are back */
  list = sportello_client_list_new (b);
  g_assert_true (sportello_client_list_refresh (list, &error));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  word = g_strdup (sportello_client_get_name (first));
  *strchr (word, ' ') = '\0';
  sportello_client_list_set_search (list, word);
  found = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (found, >, 0);

  sportello_client_set (first, SPORTELLO_CLIENT_NAME, "Zqxwyrt Nuova");
  g_assert_true (sportello_client_save (first, b, &error));
  sportello_client_list_set_search (list, "zqxwyrt");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

/* ---------------------------------------------- events (issue 16) ---- */

#define EVENT(uuid, extra) \
  "{\"uuid\":\"" uuid "\",\"created_at\":\"2026-01-10T10:00:00Z\",\"updated_at\":\"2026-01-10T10:00:00Z\"," \
  "\"origin_consultant\":\"A\",\"origin_hub\":\"H\",\"title\":\"Webinar\",\"kind\":\"webinar\"," \
  "\"starts_at\":\"2026-02-10T10:00:00Z\",\"duration_minutes\":60,\"place\":\"\",\"speakers\":\"\",\"topics\":\"\"," \
  "\"capacity\":null,\"description\":\"\",\"hub\":\"H\",\"signer\":\"A\"" extra "}"
#define REGISTRATION(uuid, event, contact, status) \
  "{\"uuid\":\"" uuid "\",\"created_at\":\"2026-01-10T10:00:00Z\",\"updated_at\":\"2026-01-10T10:00:00Z\"," \
  "\"origin_consultant\":\"A\",\"origin_hub\":\"H\",\"event_uuid\":\"" event "\",\"contact_uuid\":" contact "," \
  "\"name\":\"Anna\",\"email\":\"anna@example.it\",\"firm\":\"Rossi\",\"status\":\"" status "\"," \
  "\"consent_given\":true,\"consent_date\":\"2026-01-10\",\"consent_basis\":\"consent\",\"consent_note\":\"\",\"notes\":\"\"}"
#define U4 "44444444-4444-4444-8444-444444444444"
#define U5 "55555555-5555-4555-8555-555555555555"
#define EVENTS_TAIL "\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[],"

static void
test_events (void)
{
  g_autoptr(SportelloDatabase) a = open_named ("bundle-events-a");
  g_autoptr(SportelloDatabase) b = open_named ("bundle-events-b");
  g_autoptr(SportelloDatabase) c = open_named ("bundle-events-c");
  g_autofree char *whole = tmp_path ("events-whole.sportello");
  g_autofree char *again = tmp_path ("events-again.sportello");
  g_autofree char *dossier = tmp_path ("events-dossier.sportello");
  g_autofree char *templates = tmp_path ("events-templates.sportello");
  g_autofree char *whole_text = NULL;
  g_autofree char *again_text = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GListModel) events = NULL;
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;
  g_autofree char *client_uuid = NULL;
  guint n_registrations = 0;
  guint n_events = 0;

  g_setenv ("SOURCE_DATE_EPOCH", "1764072000", TRUE);
  g_assert_true (sportello_demo_fill (a, 20, &error));

  /* someone who is nobody's contact travels too, with a null contact */
  events = sportello_event_list (a, &error);
  g_assert_cmpuint (g_list_model_get_n_items (events), >=, 6);

  g_assert_true (sportello_bundle_export (a, NULL, whole, &error));
  whole_text = read_file (whole);
  g_assert_nonnull (strstr (whole_text, "\"contact_uuid\": null"));
  import_ok (b, whole, counts);
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_EVENT].new_records, ==, g_list_model_get_n_items (events));
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_REGISTRATION].new_records, >, 30);
  g_assert_true (sportello_bundle_export (b, NULL, again, &error));
  again_text = read_file (again);
  g_assert_cmpstr (whole_text, ==, again_text);

  /* statuses, capacity and the people's links survive */
  {
    g_autoptr(SportelloEvent) first = g_list_model_get_item (events, 0);
    g_autoptr(SportelloEvent) copy = sportello_event_load (b, sportello_event_get (first, SPORTELLO_EVENT_UUID), &error);

    g_assert_no_error (error);
    g_assert_cmpint (sportello_event_get_capacity (copy), ==, sportello_event_get_capacity (first));
    g_assert_cmpuint (sportello_event_get_n_taken (copy), ==, sportello_event_get_n_taken (first));
    g_assert_cmpuint (sportello_event_get_n_waitlisted (copy), ==, sportello_event_get_n_waitlisted (first));
  }

  /* a client's dossier: its people's registrations and their events */
  {
    g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (a,
      "SELECT c.uuid, count(*), count(DISTINCT r.event_id) FROM registrations r JOIN contacts k ON k.id = r.contact_id "
      "JOIN clients c ON c.id = k.client_id GROUP BY c.id ORDER BY count(*) DESC, c.uuid LIMIT 1", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    client_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    n_registrations = sqlite3_column_int (stmt, 1);
    n_events = sqlite3_column_int (stmt, 2);
  }
  {
    const char *uuids[] = { client_uuid, NULL };

    g_assert_true (sportello_bundle_export (a, uuids, dossier, &error));
    bundle = load_ok (dossier);
    g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_REGISTRATION), ==, n_registrations);
    g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_EVENT), ==, n_events);
    g_assert_true (sportello_bundle_apply (bundle, c, SPORTELLO_CONFLICT_NEWER, "dossier", counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_REGISTRATION].new_records, ==, n_registrations);
    g_clear_pointer (&bundle, sportello_bundle_free);
  }

  /* templates alone: no events */
  g_assert_true (sportello_bundle_export (a, (const char * const []) { NULL }, templates, &error));
  bundle = load_ok (templates);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_EVENT), ==, 0);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_REGISTRATION), ==, 0);
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

static void
test_events_bad_input (void)
{
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autofree char *path = NULL;

  /* a valid one, with and without a contact */
  path = write_bundle ("events-ok.sportello",
    HEAD ("1") "\"clients\":[" CLIENT (U1, "") "],\"contacts\":[" CONTACT (U2, U1) "]," EVENTS_TAIL
    "\"events\":[" EVENT (U3, "") "],\"registrations\":[" REGISTRATION (U4, U3, "\"" U2 "\"", "attended") ","
    REGISTRATION (U5, U3, "null", "waitlisted") "]}");
  bundle = load_ok (path);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_REGISTRATION), ==, 2);

  /* a status that is not one: refused with its JSON path */
  expect_problem (HEAD ("1") "\"clients\":[],\"contacts\":[]," EVENTS_TAIL
                  "\"events\":[" EVENT (U3, "") "],\"registrations\":[" REGISTRATION (U4, U3, "null", "maybe") "]}",
                  "$.registrations[0].status", "maybe");
  /* an event that is not in the bundle, a contact that is not */
  expect_problem (HEAD ("1") "\"clients\":[],\"contacts\":[]," EVENTS_TAIL
                  "\"events\":[],\"registrations\":[" REGISTRATION (U4, U3, "null", "registered") "]}",
                  "$.registrations[0].event_uuid", NULL);
  expect_problem (HEAD ("1") "\"clients\":[],\"contacts\":[]," EVENTS_TAIL
                  "\"events\":[" EVENT (U3, "") "],\"registrations\":[" REGISTRATION (U4, U3, "\"" U2 "\"", "registered") "]}",
                  "$.registrations[0].contact_uuid", NULL);
  expect_problem (HEAD ("1") "\"clients\":[],\"contacts\":[]," EVENTS_TAIL
                  "\"events\":[" EVENT (U3, "") "],\"registrations\":[" REGISTRATION (U4, U3, "3", "registered") "]}",
                  "$.registrations[0].contact_uuid", NULL);
  /* an event's kind, capacity and date */
  expect_problem (HEAD ("1") "\"clients\":[],\"contacts\":[]," EVENTS_TAIL
                  "\"events\":[" EVENT (U3, ",\"kind\":\"party\"") "],\"registrations\":[]}",
                  "$.events[0].kind", "party");
  expect_problem (HEAD ("1") "\"clients\":[],\"contacts\":[]," EVENTS_TAIL
                  "\"events\":[" EVENT (U3, ",\"capacity\":0") "],\"registrations\":[]}",
                  "$.events[0].capacity", NULL);
  expect_problem (HEAD ("1") "\"clients\":[],\"contacts\":[]," EVENTS_TAIL
                  "\"events\":[" EVENT (U3, ",\"starts_at\":\"domani\"") "],\"registrations\":[]}",
                  "$.events[0].starts_at", NULL);
}

/* A meeting's kind and a follow-up's assignee that are not values of
 * their lists: refused, each at its member's own path */
static void
test_vocabulary_paths (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("bundle-vocabulary");
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloMeeting) meeting = NULL;
  g_autoptr(SportelloFollowUp) follow_up = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *path = tmp_path ("vocabulary.sportello");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Rossi S.r.l.");
  g_assert_true (sportello_client_save (client, db, &error));
  meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  g_assert_true (sportello_meeting_save (meeting, db, &error));
  follow_up = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "Mandare il preventivo");
  g_assert_true (sportello_follow_up_save (follow_up, db, &error));
  g_assert_no_error (error);
  g_assert_true (sportello_bundle_export (db, NULL, path, &error));

  /* the file as exported is fine (load_ok fails on any problem) */
  bundle = load_ok (path);
  g_assert_true (json_parser_load_from_file (parser, path, &error));

  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (root, "meetings"), 0),
                                 "kind", "party");
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (root, "follow_ups"), 0),
                                 "assignee", "nobody");
  json_generator_set_root (generator, json_parser_get_root (parser));
  contents = json_generator_to_data (generator, NULL);
  expect_problem (contents, "$.meetings[0].kind", "party");
  expect_problem (contents, "$.follow_ups[0].assignee", "nobody");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/bundle/round-trip", test_round_trip);
  g_test_add_func ("/store/bundle/selection-and-name", test_selection_and_name);
  g_test_add_func ("/store/bundle/progress", test_progress);
  g_test_add_func ("/store/bundle/atomic", test_atomic);
  g_test_add_func ("/store/bundle/cancel", test_cancel);
  g_test_add_func ("/store/bundle/export-atomic", test_export_atomic);
  g_test_add_func ("/store/bundle/export-cleans-orphans", test_export_cleans_orphans);
  g_test_add_func ("/store/bundle/valid-minimal", test_valid_minimal);
  g_test_add_func ("/store/bundle/twins-in-bundle", test_twins_in_bundle);
  g_test_add_func ("/store/bundle/identifiers-normalized", test_identifiers_normalized);
  g_test_add_func ("/store/bundle/nul-after-bundle", test_nul_after_bundle);
  g_test_add_func ("/store/bundle/not-a-regular-file", test_not_a_regular_file);
  g_test_add_func ("/store/bundle/escaped-nul", test_escaped_nul_in_bundle);
  g_test_add_func ("/store/bundle/bad-input", test_bad_input);
  g_test_add_func ("/store/bundle/at-most-fifty-problems", test_at_most_fifty_problems);
  g_test_add_func ("/store/bundle/too-large", test_too_large);
  g_test_add_func ("/store/bundle/conflicts", test_conflicts);
  g_test_add_func ("/store/bundle/templates", test_templates);
  g_test_add_func ("/store/bundle/bulk-keeps-search", test_bulk_keeps_search);
  g_test_add_func ("/store/bundle/events", test_events);
  g_test_add_func ("/store/bundle/events-bad-input", test_events_bad_input);
  g_test_add_func ("/store/bundle/vocabulary-paths", test_vocabulary_paths);

  return g_test_run ();
}
