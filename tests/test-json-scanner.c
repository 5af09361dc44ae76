/* test-json-scanner.c: the streaming JSON reader under the bundle reader
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sportello-json-scanner.h"

/* A scanner over @text in memory (@chunk 0), or reading it from a stream
 * @chunk bytes at a time */
static SportelloJsonScanner *
scanner_for (const char *text,
             gsize       chunk)
{
  g_autoptr(GInputStream) stream = NULL;

  if (chunk == 0)
    return sportello_json_scanner_new_for_data (text, strlen (text));

  stream = g_memory_input_stream_new_from_data (text, strlen (text), NULL);
  return _sportello_json_scanner_new_for_stream_sized (stream, chunk);
}

static const gsize chunks[] = { 0, 1, 2, 3, 7, 64 * 1024 };

static void
test_values (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr(SportelloJsonScanner) scanner =
        scanner_for (" [\"Caff\\u00e8 \\\"Sole\\\"\\n\\ud83d\\ude00/\\/\", -12, 0, 9223372036854775807, "
                     "9223372036854775808, 1.5, 2e3, true, false, null, {\"a\": [1, {\"b\": []}]}, []]\n", chunks[c]);
      g_autoptr(GError) error = NULL;
      SportelloJsonValue value;
      gboolean more;
      guint i = 0;

      g_assert_true (sportello_json_scanner_expect (scanner, '[', &error));

      g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpint (value.type, ==, SPORTELLO_JSON_STRING);
      g_assert_cmpstr (value.string, ==, "Caffè \"Sole\"\n😀//");
      g_assert_cmpuint (value.length, ==, strlen ("Caffè \"Sole\"\n😀//"));

      g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpint (value.type, ==, SPORTELLO_JSON_INTEGER);
      g_assert_cmpint (value.integer, ==, -12);

      g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpint (value.type, ==, SPORTELLO_JSON_INTEGER);
      g_assert_cmpint (value.integer, ==, 0);

      g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpint (value.type, ==, SPORTELLO_JSON_INTEGER);
      g_assert_cmpint (value.integer, ==, G_MAXINT64);

      /* beyond 64 bits, a fraction, an exponent: not whole numbers */
      for (guint k = 0; k < 3; k++)
        {
          g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error) && more);
          g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
          g_assert_cmpint (value.type, ==, SPORTELLO_JSON_DOUBLE);
        }

      g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpint (value.type, ==, SPORTELLO_JSON_BOOLEAN);
      g_assert_true (value.boolean);
      g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpint (value.type, ==, SPORTELLO_JSON_BOOLEAN);
      g_assert_false (value.boolean);
      g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpint (value.type, ==, SPORTELLO_JSON_NULL);

      /* containers are read through */
      g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpint (value.type, ==, SPORTELLO_JSON_OBJECT);
      g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpint (value.type, ==, SPORTELLO_JSON_ARRAY);

      g_assert_true (sportello_json_scanner_next (scanner, ']', i++, &more, &error));
      g_assert_false (more);
      g_assert_true (sportello_json_scanner_end (scanner, &error));
      g_assert_no_error (error);
    }
}

static void
test_object (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr(SportelloJsonScanner) scanner = scanner_for ("{\"nome\" : \"Rossi\",\n \"età\":3}", chunks[c]);
      g_autoptr(GError) error = NULL;
      SportelloJsonValue value;
      const char *key;
      gboolean more;

      g_assert_true (sportello_json_scanner_expect (scanner, '{', &error));
      g_assert_true (sportello_json_scanner_next (scanner, '}', 0, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_key (scanner, &key, &error));
      g_assert_cmpstr (key, ==, "nome");
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpstr (value.string, ==, "Rossi");
      g_assert_true (sportello_json_scanner_next (scanner, '}', 1, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_key (scanner, &key, &error));
      g_assert_cmpstr (key, ==, "età");
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_cmpint (value.integer, ==, 3);
      g_assert_true (sportello_json_scanner_next (scanner, '}', 2, &more, &error));
      g_assert_false (more);
      g_assert_true (sportello_json_scanner_end (scanner, &error));
      g_assert_cmpint (sportello_json_scanner_get_offset (scanner), ==, strlen ("{\"nome\" : \"Rossi\",\n \"età\":3}"));
    }
}

/* Stepping into an object that may be something else */
static void
test_enter (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr(SportelloJsonScanner) scanner = scanner_for ("[[1, {\"a\": 2}], {}, ", chunks[c]);
      g_autoptr(GError) error = NULL;
      gboolean entered;
      gboolean more;

      g_assert_true (sportello_json_scanner_enter (scanner, '[', &entered, &error));
      g_assert_true (entered);
      /* an array where an object should be: read through whole */
      g_assert_true (sportello_json_scanner_next (scanner, ']', 0, &more, &error) && more);
      g_assert_true (sportello_json_scanner_enter (scanner, '{', &entered, &error));
      g_assert_false (entered);
      g_assert_true (sportello_json_scanner_next (scanner, ']', 1, &more, &error) && more);
      g_assert_true (sportello_json_scanner_enter (scanner, '{', &entered, &error));
      g_assert_true (entered);
      g_assert_true (sportello_json_scanner_next (scanner, '}', 0, &more, &error));
      g_assert_false (more);
      /* cut short after a comma */
      g_assert_true (sportello_json_scanner_next (scanner, ']', 2, &more, &error) && more);
      g_assert_false (sportello_json_scanner_enter (scanner, '{', &entered, &error));
      g_assert_error (error, SPORTELLO_JSON_SCANNER_ERROR, SPORTELLO_JSON_SCANNER_ERROR_SYNTAX);
    }
}

/* A string longer than the scanner's buffer, with escapes on its edges */
static void
test_long_string (void)
{
  g_autoptr(GString) json = g_string_new ("\"");
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(SportelloJsonScanner) scanner = NULL;
  g_autoptr(GError) error = NULL;
  SportelloJsonValue value;

  while (json->len < 200 * 1024)
    {
      g_string_append (json, "perché \\u00e8 \\\"così\\\"\\n");
      g_string_append (expected, "perché è \"così\"\n");
    }
  g_string_append_c (json, '"');

  for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_clear_pointer (&scanner, sportello_json_scanner_free);
      scanner = scanner_for (json->str, chunks[c] == 1 ? 4093 : chunks[c]);
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (value.length, ==, expected->len);
      g_assert_cmpstr (value.string, ==, expected->str);
      g_assert_true (sportello_json_scanner_end (scanner, &error));
    }
}

/* Each of these is refused with its line and column */
static void
test_errors (void)
{
  static const struct { const char *text; const char *where; } cases[] = {
    { "", "riga 1, colonna 1" },
    { "[1, 2", "riga 1, colonna 6" },
    { "[1 2]", "riga 1, colonna 4" },
    { "[1,]", "riga 1, colonna 4" },
    { "{\"a\" 1}", "riga 1, colonna 6" },
    { "{a: 1}", "riga 1, colonna 2" },
    { "\n\n  [tru]", "riga 3, colonna 7" },
    { "[\"cut", "riga 1, colonna 6" },
    { "[\"a\tb\"]", "riga 1, colonna 4" },
    { "[\"\\x\"]", "riga 1, colonna 4" },
    { "[\"\\u12G4\"]", NULL },
    { "[\"\\ud800\"]", NULL },
    { "[\"\\udc00\"]", NULL },
    { "[\"\xff\xfe\"]", NULL },
    { "[-]", NULL },
    { "[1.]", NULL },
    { "[1e+]", NULL },
    { "[01]", "riga 1, colonna 3" },
    { "[+1]", NULL },
    { "{} {}", "riga 1, colonna 4" },
    { "[1] x", NULL },
    { "nul", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
      {
        g_autoptr(SportelloJsonScanner) scanner = scanner_for (cases[i].text, chunks[c]);
        g_autoptr(GError) error = NULL;
        SportelloJsonValue value;

        if (sportello_json_scanner_read_value (scanner, &value, &error))
          sportello_json_scanner_end (scanner, &error);
        if (error == NULL)
          g_error ("accepted: %s", cases[i].text);
        g_assert_error (error, SPORTELLO_JSON_SCANNER_ERROR, SPORTELLO_JSON_SCANNER_ERROR_SYNTAX);
        if (cases[i].where != NULL && !g_str_has_prefix (error->message, cases[i].where))
          g_error ("%s: “%s”, expected at %s", cases[i].text, error->message, cases[i].where);
      }
}

static SportelloJsonScanner *
scanner_for_len (const char *text,
                 gsize       length,
                 gsize       chunk)
{
  g_autoptr(GInputStream) stream = NULL;

  if (chunk == 0)
    return sportello_json_scanner_new_for_data (text, length);

  stream = g_memory_input_stream_new_from_data (text, (gssize) length, NULL);
  return _sportello_json_scanner_new_for_stream_sized (stream, chunk);
}

/* A NUL byte is not the end of the input: wherever it is, it is an error
 * that says so, at its line and column */
static void
test_nul_byte (void)
{
  static const struct { const char *text; gsize length; guint line; guint column; } cases[] = {
    { "[1]\0{\"more\": 1}", 16, 1, 4 },
    { "[1]\n\0", 5, 2, 1 },
    { "\0", 1, 1, 1 },
    { "[1,\0 2]", 7, 1, 4 },
    { "[\"a\0b\"]", 7, 1, 4 },
    { "[tr\0e]", 6, 1, 4 },
    { "[\"\\\0\"]", 6, 1, 4 },
    { "[\"\\u00\0\"]", 9, 1, 7 },
    { "{\"a\"\0: 1}", 9, 1, 5 },
    { "[12\0]", 5, 1, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
      {
        g_autoptr(SportelloJsonScanner) scanner = scanner_for_len (cases[i].text, cases[i].length, chunks[c]);
        g_autoptr(GError) error = NULL;
        g_autofree char *expected = g_strdup_printf (_("line %u, column %u: %s"), cases[i].line, cases[i].column,
                                                     _("a NUL byte, which JSON text cannot hold"));
        SportelloJsonValue value;

        if (sportello_json_scanner_read_value (scanner, &value, &error))
          sportello_json_scanner_end (scanner, &error);
        if (error == NULL)
          g_error ("accepted case %u", i);
        g_assert_error (error, SPORTELLO_JSON_SCANNER_ERROR, SPORTELLO_JSON_SCANNER_ERROR_SYNTAX);
        if (g_strcmp0 (error->message, expected) != 0)
          g_error ("case %u: “%s”, expected “%s”", i, error->message, expected);
      }
}

/* \u0000 is valid JSON: a string holds it, its length counts it; a name
 * holding it is never taken for the name without it */
static void
test_escaped_nul (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr(SportelloJsonScanner) scanner = scanner_for ("{\"na\\u0000me\": \"a\\u0000b\\u0000\", \"x\": [\"\\u0000\"]}", chunks[c]);
      g_autoptr(GError) error = NULL;
      SportelloJsonValue value;
      const char *key;
      gboolean more;

      g_assert_true (sportello_json_scanner_expect (scanner, '{', &error));
      g_assert_true (sportello_json_scanner_next (scanner, '}', 0, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_key (scanner, &key, &error));
      g_assert_cmpstr (key, ==, "na\\u0000me");
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value.type, ==, SPORTELLO_JSON_STRING);
      g_assert_cmpmem (value.string, value.length, "a\0b\0", 4);
      g_assert_true (sportello_json_scanner_next (scanner, '}', 1, &more, &error) && more);
      g_assert_true (sportello_json_scanner_read_key (scanner, &key, &error));
      g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
      g_assert_true (sportello_json_scanner_next (scanner, '}', 2, &more, &error));
      g_assert_false (more);
      g_assert_true (sportello_json_scanner_end (scanner, &error));
      g_assert_no_error (error);
    }
}

/* Deep nesting is refused, not a stack overflow */
static void
test_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) fine = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  SportelloJsonValue value;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100; i++)
    g_string_append (fine, "{\"a\":[");
  for (guint i = 0; i < 100; i++)
    g_string_append (fine, "]}");

  {
    g_autoptr(SportelloJsonScanner) scanner = scanner_for (deep->str, 0);

    g_assert_false (sportello_json_scanner_read_value (scanner, &value, &error));
    g_assert_error (error, SPORTELLO_JSON_SCANNER_ERROR, SPORTELLO_JSON_SCANNER_ERROR_SYNTAX);
  }
  {
    g_autoptr(SportelloJsonScanner) scanner = scanner_for (fine->str, 0);

    g_clear_error (&error);
    g_assert_true (sportello_json_scanner_read_value (scanner, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpint (value.type, ==, SPORTELLO_JSON_OBJECT);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/json-scanner/values", test_values);
  g_test_add_func ("/store/json-scanner/object", test_object);
  g_test_add_func ("/store/json-scanner/enter", test_enter);
  g_test_add_func ("/store/json-scanner/long-string", test_long_string);
  g_test_add_func ("/store/json-scanner/errors", test_errors);
  g_test_add_func ("/store/json-scanner/nul-byte", test_nul_byte);
  g_test_add_func ("/store/json-scanner/escaped-nul", test_escaped_nul);
  g_test_add_func ("/store/json-scanner/depth", test_depth);

  return g_test_run ();
}
