/* sportello-identifiers-private.h: what the identifier checks share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-identifiers.h"

G_BEGIN_DECLS

typedef enum {
  CLEAN_TRIM        = 0,       /* always done: blanks at both ends */
  CLEAN_SPACES      = 1 << 0,  /* blanks inside too */
  CLEAN_PUNCTUATION = 1 << 1,  /* dots and hyphens */
  CLEAN_PARENTHESES = 1 << 2,  /* "(CO)" as written after a town */
  CLEAN_UPPER       = 1 << 3,  /* ASCII letters only */
} CleanFlags;

typedef SportelloIdVerdict (*CheckFunc) (const char  *value,
                                         char       **why);

/* The blanks clean() takes away */
static inline gboolean
_sportello_identifiers_is_blank (gunichar c)
{
  /* ASCII, the common case, without the Unicode tables: the characters
   * g_unichar_isspace() takes below 0x80 (not \v, a control character) */
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  /* g_unichar_isspace() covers the no-break spaces pasted from PDFs and web pages */
  return g_unichar_isspace (c) || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

char               *_sportello_identifiers_clean            (const char          *input,
                                                             CleanFlags           flags);
char               *_sportello_identifiers_char_at          (const char          *p);
gboolean            _sportello_identifiers_is_ascii_digits  (const char          *s);
SportelloIdVerdict  _sportello_identifiers_report           (SportelloIdVerdict   verdict,
                                                             char                *value,
                                                             char                *why,
                                                             char               **normalized,
                                                             char               **message);
SportelloIdVerdict  _sportello_identifiers_check_and_report (char                *value,
                                                             CheckFunc            check,
                                                             char               **normalized,
                                                             char               **message);

G_END_DECLS
