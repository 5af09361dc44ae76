/* test-crypt.c: bundles protected with a password, as gpg sees them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "sportello-bundle.h"
#include "sportello-client-list.h"
#include "sportello-crypt.h"
#include "sportello-database.h"
#include "sportello-demo.h"

#define PASSWORD "correct horse battery staple"

static char *tmp_dir;   /* TMPDIR of this program alone: the engine's homes go there */
static char *gpg_home;  /* for gpg as a colleague runs it; short, for the agent's sockets */

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
data_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* gpg itself, on a keyring of the test's own; returns its standard output */
static char *
gpg (const char * const *args,
     int                *status)
{
  const char *home = gpg_home;
  g_autofree char *pass = data_path ("password.txt");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_assert_true (g_file_set_contents (pass, PASSWORD "\n", -1, NULL));
  g_strv_builder_add_many (builder, "gpg", "--homedir", home, "--batch", "--quiet",
                           "--pinentry-mode", "loopback", "--passphrase-file", pass, NULL);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (*err)
    g_test_message ("gpg: %s", err);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;

  {
    const char *kill[] = { "gpgconf", "--homedir", home, "--kill", "all", NULL };

    g_spawn_sync (NULL, (char **) kill, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return out;
}

/* Whether a gpg-agent of the engine's runs */
static gboolean
agent_running (void)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *cmdline = NULL;
      gsize length = 0;

      if (!g_ascii_isdigit (*name) || !g_file_get_contents (path, &cmdline, &length, NULL))
        continue;
      for (gsize i = 0; i + 1 < length; i++)
        if (cmdline[i] == '\0')
          cmdline[i] = ' ';
      if (strstr (cmdline, "gpg-agent") != NULL && strstr (cmdline, tmp_dir) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* No home of the engine left, and no agent of theirs running */
static void
assert_no_traces (void)
{
  g_autoptr(GDir) listing = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, "sportello-gpg-"));

  /* an agent told to stop may take a moment to go */
  for (guint tries = 0; tries < 50 && agent_running (); tries++)
    g_usleep (100 * 1000);
  g_assert_false (agent_running ());
}

static void
test_sniff (void)
{
  static const guint8 bom_json[] = { 0xef, 0xbb, 0xbf, '{', '}' };
  static const guint8 skesk[] = { 0x8c, 0x0d, 0x04, 0x09 };
  static const guint8 skesk_new[] = { 0xc3, 0x0d, 0x04, 0x09 };
  static const guint8 seipd[] = { 0xd2, 0x47 };
  static const guint8 pkesk[] = { 0x85, 0x01, 0x0c };
  static const guint8 literal[] = { 0xcb, 0x10 };

  g_assert_false (sportello_crypt_is_protected ((const guint8 *) "{\"format\"", 9));
  g_assert_false (sportello_crypt_is_protected ((const guint8 *) "  \n{", 4));
  g_assert_false (sportello_crypt_is_protected (bom_json, sizeof bom_json));
  g_assert_false (sportello_crypt_is_protected ((const guint8 *) "", 0));
  g_assert_false (sportello_crypt_is_protected (literal, sizeof literal));
  g_assert_true (sportello_crypt_is_protected (skesk, sizeof skesk));
  g_assert_true (sportello_crypt_is_protected (skesk_new, sizeof skesk_new));
  g_assert_true (sportello_crypt_is_protected (seipd, sizeof seipd));
  g_assert_true (sportello_crypt_is_protected (pkesk, sizeof pkesk));
  g_assert_true (sportello_crypt_is_protected ((const guint8 *) "-----BEGIN PGP MESSAGE-----\n", 28));
  g_assert_true (sportello_crypt_is_protected ((const guint8 *) "\n-----BEGIN PGP MESSAGE-----\n", 29));
  g_assert_false (sportello_crypt_is_protected ((const guint8 *) "-----BEGIN PGP SIGNATURE-----\n", 30));
}

static gboolean
count_cb (guint    done,
          guint    total,
          gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, <=, total);
  *last = total > 0 ? done * 100 / total : 100;
  return TRUE;
}

/* Protected: gpg opens it and finds the plain bundle, byte for byte;
 * Sportello opens it with the password, and only with it */
static void
test_round_trip (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("crypt-round-trip");
  g_autofree char *plain_path = data_path ("plain.sportello");
  g_autofree char *path = data_path ("protected.sportello");
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) protected = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *decrypted = NULL;
  g_autofree char *packets = NULL;
  guint last = 0;
  int status;

  g_setenv ("SOURCE_DATE_EPOCH", "1764072000", TRUE);
  /* a megabyte or so: more than passes through the buffer at once */
  g_assert_true (sportello_demo_fill (db, 200, &error));
  g_assert_true (sportello_bundle_export (db, NULL, plain_path, &error));
  g_assert_true (sportello_bundle_export_full (db, NULL, path, PASSWORD, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_no_traces ();

  plain = read_bytes (plain_path);
  protected = read_bytes (path);
  g_assert_cmpuint (g_bytes_get_size (plain), >, 4 * 256 * 1024);
  g_assert_true (sportello_bundle_is_protected (path));
  g_assert_false (sportello_bundle_is_protected (plain_path));
  /* compressed: a good deal smaller than the JSON */
  g_assert_cmpuint (g_bytes_get_size (protected), <, g_bytes_get_size (plain) / 2);
  g_assert_null (g_strstr_len (g_bytes_get_data (protected, NULL), g_bytes_get_size (protected), "sportello-bundle"));

  decrypted = gpg ((const char *[]) { "--decrypt", path, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (decrypted, ==, g_bytes_get_data (plain, NULL));

  /* AES-256 (algorithm 9) with an integrity check */
  packets = gpg ((const char *[]) { "--list-packets", path, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (packets, "symkey enc packet: version 4, cipher 9"));
  /* the password's key: iterated and salted SHA-512 (10), as many rounds as can be said */
  g_assert_nonnull (strstr (packets, ", s2k 3, hash 10"));
  g_assert_nonnull (strstr (packets, "count 65011712"));
  g_assert_true (strstr (packets, "mdc_method: 2") != NULL || strstr (packets, "aead") != NULL);

  /* back in, with the progress following the file */
  bundle = sportello_bundle_load_full (path, PASSWORD, count_cb, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, 100);
  g_assert_cmpuint (sportello_bundle_get_problems (bundle)->len, ==, 0);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 200);
  assert_no_traces ();

  /* without a password, or with a wrong one: said so, and nothing read */
  g_assert_null (sportello_bundle_load (path, &error));
  g_assert_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE);
  g_clear_error (&error);
  g_assert_null (sportello_bundle_load_bytes (protected, &error));
  g_assert_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE);
  g_clear_error (&error);
  g_assert_null (sportello_bundle_load_full (path, "wrong horse", NULL, NULL, &error));
  g_assert_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  assert_no_traces ();

  /* and again, right this time */
  g_clear_pointer (&bundle, sportello_bundle_free);
  bundle = sportello_bundle_load_full (path, PASSWORD, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 200);

  /* a password on a plain bundle does no harm */
  g_clear_pointer (&bundle, sportello_bundle_free);
  bundle = sportello_bundle_load_full (plain_path, PASSWORD, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 200);
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

/* A bundle a colleague protected with gpg alone, binary or armored */
static void
test_from_gpg (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("crypt-from-gpg");
  g_autofree char *plain_path = data_path ("colleague.sportello");
  g_autofree char *binary = data_path ("colleague.sportello.gpg");
  g_autofree char *armored = data_path ("colleague.sportello.asc");
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (sportello_demo_fill (db, 5, &error));
  g_assert_true (sportello_bundle_export (db, NULL, plain_path, &error));
  g_free (gpg ((const char *[]) { "--symmetric", "--cipher-algo", "AES256", "-o", binary, plain_path, NULL }, &status));
  g_assert_cmpint (status, ==, 0);
  g_free (gpg ((const char *[]) { "--symmetric", "--armor", "-o", armored, plain_path, NULL }, &status));
  g_assert_cmpint (status, ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SportelloBundle) bundle = sportello_bundle_load_full (i ? armored : binary, PASSWORD, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (sportello_bundle_get_problems (bundle)->len, ==, 0);
      g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 5);
    }
  assert_no_traces ();
}

/* A changed byte anywhere is refused, never read as a bundle */
static void
test_tampered (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("crypt-tampered");
  g_autofree char *path = data_path ("tampered.sportello");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  guint8 *data;
  gsize places[3];

  g_assert_true (sportello_demo_fill (db, 40, &error));
  g_assert_true (sportello_bundle_export_full (db, NULL, path, PASSWORD, NULL, NULL, &error));
  bytes = read_bytes (path);
  length = g_bytes_get_size (bytes);
  places[0] = length / 2;
  places[1] = length - 5;
  places[2] = 40;

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *changed = data_path ("changed.sportello");
      g_autoptr(SportelloBundle) bundle = NULL;

      data = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
      data[places[i]] ^= 0x01;
      g_assert_true (g_file_set_contents (changed, (const char *) data, length, NULL));
      g_free (data);

      bundle = sportello_bundle_load_full (changed, PASSWORD, NULL, NULL, &error);
      g_assert_null (bundle);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SPORTELLO_CRYPT_ERROR);
      g_assert_cmpint (error->code, !=, SPORTELLO_CRYPT_ERROR_WRONG_PASSPHRASE);
      g_test_message ("byte %" G_GSIZE_FORMAT " changed: %s", places[i], error->message);
      g_clear_error (&error);
    }

  /* cut short */
  {
    g_autofree char *cut = data_path ("cut.sportello");

    g_assert_true (g_file_set_contents (cut, g_bytes_get_data (bytes, NULL), length - 30, NULL));
    g_assert_null (sportello_bundle_load_full (cut, PASSWORD, NULL, NULL, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == SPORTELLO_CRYPT_ERROR ||
                   g_error_matches (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID));
    g_clear_error (&error);
  }
  assert_no_traces ();
}

/* More plain text than allowed stops the decryption */
static void
test_too_large (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("crypt-too-large");
  g_autofree char *path = data_path ("large.sportello");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GInputStream) plain = NULL;
  g_autoptr(GError) error = NULL;
  guint8 buffer[4096];

  g_assert_true (sportello_demo_fill (db, 20, &error));
  g_assert_true (sportello_bundle_export_full (db, NULL, path, PASSWORD, NULL, NULL, &error));
  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);

  plain = sportello_crypt_decrypt (G_INPUT_STREAM (stream), PASSWORD, 1000, &error);
  if (plain != NULL)
    while (g_input_stream_read (plain, buffer, sizeof buffer, NULL, &error) > 0)
      ;
  g_assert_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_TOO_LARGE);
  g_clear_object (&plain);
  assert_no_traces ();
}

static gboolean
stop_cb (guint    done,
         guint    total,
         gpointer user_data)
{
  guint *calls_left = user_data;

  return (*calls_left)-- > 0;
}

/* Stopped half-way: the earlier file stays whole, no half message, no agent */
static void
test_cancel (void)
{
  g_autoptr(SportelloDatabase) db = open_named ("crypt-cancel");
  g_autofree char *path = data_path ("stopped.sportello");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  guint calls_left = 2;

  g_assert_true (sportello_demo_fill (db, 300, &error));
  g_assert_true (sportello_bundle_export_full (db, NULL, path, PASSWORD, NULL, NULL, &error));
  before = read_bytes (path);

  g_assert_false (sportello_bundle_export_full (db, NULL, path, "another one", stop_cb, &calls_left, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".goutputstream"));
  }
  assert_no_traces ();

  /* reading, stopped */
  calls_left = 1;
  g_assert_null (sportello_bundle_load_full (path, PASSWORD, stop_cb, &calls_left, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_no_traces ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* the engine's homes and agents of this test alone, to look for
   * leftovers: set before anything asks GLib for the temporary folder */
  tmp_dir = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp", "test-crypt-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (tmp_dir));
  gpg_home = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp", "test-gpg-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (gpg_home));
  g_setenv ("TMPDIR", tmp_dir, TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/crypt/sniff", test_sniff);
  g_test_add_func ("/store/crypt/round-trip", test_round_trip);
  g_test_add_func ("/store/crypt/from-gpg", test_from_gpg);
  g_test_add_func ("/store/crypt/tampered", test_tampered);
  g_test_add_func ("/store/crypt/too-large", test_too_large);
  g_test_add_func ("/store/crypt/cancel", test_cancel);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  {
    const char *rm[] = { "rm", "-rf", gpg_home, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return status;
}
