/* fuzz-bundle.c: libFuzzer target for the bundle reader and validator
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by meson with -Dfuzzing=true (clang, -fsanitize=fuzzer,address,
 * undefined; tests/fuzz/meson.build) and run by build-aux/run-fuzz.sh.
 * Any crash, leak or sanitizer report fails the run.
 */

#include "config.h"

#include <stdint.h>

#include "sportello-bundle.h"
#include "sportello-json-scanner.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Reads one JSON document whole; its error message, or NULL */
static char *
scan (SportelloJsonScanner *scanner)
{
  g_autoptr(GError) error = NULL;
  SportelloJsonValue value;

  if (sportello_json_scanner_read_value (scanner, &value, &error) &&
      sportello_json_scanner_end (scanner, &error))
    return NULL;
  return g_strdup (error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;

  /* the scanner says the same of the text in memory as of the text read
   * from a stream a few bytes at a time, whatever the edges cut */
  {
    g_autoptr(SportelloJsonScanner) whole = sportello_json_scanner_new_for_data ((const char *) data, size);
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
    g_autoptr(SportelloJsonScanner) pieces =
      _sportello_json_scanner_new_for_stream_sized (stream, 1 + (size > 0 ? data[size - 1] % 13 : 0));
    g_autofree char *in_memory = scan (whole);
    g_autofree char *streamed = scan (pieces);

    if (g_strcmp0 (in_memory, streamed) != 0)
      g_error ("memory: %s; stream: %s", in_memory ? in_memory : "ok", streamed ? streamed : "ok");

    /* a NUL byte is neither the end of the text nor part of it: JSON that
     * holds one anywhere is refused (\u0000 in a string is no NUL byte) */
    if (in_memory == NULL && memchr (data, '\0', size) != NULL)
      g_error ("a NUL byte was accepted");
  }

  bundle = sportello_bundle_load_bytes (bytes, &error);
  if (bundle != NULL)
    {
      GPtrArray *problems = sportello_bundle_get_problems (bundle);

      /* the reader's own promise */
      g_assert (problems->len <= SPORTELLO_BUNDLE_MAX_PROBLEMS);
      for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
        (void) sportello_bundle_count (bundle, kind);
    }
  else
    g_assert (error != NULL);

  return 0;
}
