/* sportello-identifiers-business.c: the firm's codes: SDI recipient code and ATECO activity code
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-identifiers"

#ifndef GETTEXT_PACKAGE
# include "config.h"
#endif

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sportello-identifiers-private.h"

static SportelloIdVerdict
check_sdi_code (const char  *value,
                char       **why)
{
  gsize len;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
        {
          g_autofree char *c = _sportello_identifiers_char_at (p);

          /* Translators: %s is the character that was typed */
          *why = g_strdup_printf (_("Only letters and digits are allowed, not “%s”"), c);
          return SPORTELLO_ID_INVALID;
        }
    }

  len = strlen (value);
  if (len == 6)
    {
      *why = g_strdup (_("A recipient code has 7 characters; 6-character codes are the office "
                         "codes of public administrations (codice univoco ufficio)"));
      return SPORTELLO_ID_INVALID;
    }

  if (len != 7)
    {
      *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: SDI code; %u: how many */
                                           "A recipient code has 7 characters, this one has %u",
                                           "A recipient code has 7 characters, this one has %u",
                                           len),
                              (guint) len);
      return SPORTELLO_ID_INVALID;
    }

  return SPORTELLO_ID_OK;
}

/* ^\d{2}(\.\d{1,2}){0,2}$ */
static gboolean
ateco_pattern_matches (const char *value)
{
  const char *p = value;
  guint groups = 0;

  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;
  p += 2;

  while (*p != '\0')
    {
      guint n = 0;

      if (*p != '.' || groups == 2)
        return FALSE;
      p++;

      while (g_ascii_isdigit (*p) && n < 3)
        {
          p++;
          n++;
        }

      if (n < 1 || n > 2)
        return FALSE;
      groups++;
    }

  return TRUE;
}

static SportelloIdVerdict
check_ateco (const char  *value,
             char       **why)
{
  if (value[0] >= 'A' && value[0] <= 'V' && ateco_pattern_matches (value + 1))
    {
      /* Translators: %c is an ATECO section letter, e.g. “I” */
      *why = g_strdup_printf (_("Leave out the section letter “%c”: the code starts with "
                                "two digits, as in 56.10.11"),
                              value[0]);
      return SPORTELLO_ID_INVALID;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isdigit (*p) && *p != '.')
        {
          g_autofree char *c = _sportello_identifiers_char_at (p);

          /* Translators: %s is the character that was typed */
          *why = g_strdup_printf (_("Only digits and dots are allowed, not “%s”"), c);
          return SPORTELLO_ID_INVALID;
        }
    }

  if (ateco_pattern_matches (value))
    return SPORTELLO_ID_OK;

  if (strchr (value, '.') == NULL && strlen (value) > 2)
    *why = g_strdup (_("Separate the groups of digits with dots, as in 56.10.11"));
  else
    *why = g_strdup (_("An ATECO code has two digits, then up to two groups of one or two "
                       "digits after a dot, as in 56.10.11"));

  return SPORTELLO_ID_INVALID;
}

/**
 * sportello_validate_sdi_code:
 * @input: (nullable): a codice destinatario SDI as typed
 * @normalized: (out) (optional) (transfer full): upper-cased, without blanks, dots, hyphens
 * @message: (out) (optional) (transfer full) (nullable): why it is not valid
 *
 * Seven letters or digits. “0000000” (no channel) and “XXXXXXX” (abroad) are valid.
 *
 * Returns: the verdict
 */
SportelloIdVerdict
sportello_validate_sdi_code (const char  *input,
                             char       **normalized,
                             char       **message)
{
  char *value = _sportello_identifiers_clean (input, CLEAN_SPACES | CLEAN_PUNCTUATION | CLEAN_UPPER);

  return _sportello_identifiers_check_and_report (value, check_sdi_code, normalized, message);
}

/**
 * sportello_validate_ateco:
 * @input: (nullable): an ATECO code as typed, e.g. “56.10.11”
 * @normalized: (out) (optional) (transfer full): without blanks (the dots are kept)
 * @message: (out) (optional) (transfer full) (nullable): why it is not valid
 *
 * Checks the pattern `^\d{2}(\.\d{1,2}){0,2}$` only: it fits ATECO 2007 and ATECO 2025, and
 * existence would need the ISTAT table.
 *
 * Returns: the verdict
 */
SportelloIdVerdict
sportello_validate_ateco (const char  *input,
                          char       **normalized,
                          char       **message)
{
  char *value = _sportello_identifiers_clean (input, CLEAN_SPACES | CLEAN_UPPER);

  return _sportello_identifiers_check_and_report (value, check_ateco, normalized, message);
}
