/* fuzz-bundle.c: libFuzzer target for the bundle reader and validator
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built and run by build-aux/run-fuzz.sh with clang and
 * -fsanitize=fuzzer,address,undefined. Any crash, leak or sanitizer
 * report fails the run.
 */

#include "config.h"

#include <stdint.h>

#include "sportello-bundle.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;

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
