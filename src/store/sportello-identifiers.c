/* sportello-identifiers.c: what every identifier check shares: cleaning, the verdict, the checks by kind
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Algorithms and test vectors: docs/identifiers.md. Every validator normalises first,
 * then applies the rules in the order given there and reports the first rule that fails,
 * with a message meant for the user. The validators are split by what they check:
 * sportello-identifiers-tax.c (partita IVA, codice fiscale), sportello-identifiers-address.c
 * (postal code, province), sportello-identifiers-business.c (SDI code, ATECO) and
 * sportello-identifiers-email.c.
 */

#define G_LOG_DOMAIN "sportello-identifiers"

#ifndef GETTEXT_PACKAGE
# include "config.h"
#endif

#include <string.h>

#include "sportello-identifiers-private.h"

/* Helpers */

static gboolean
is_hyphen (gunichar c)
{
  /* hyphen-minus, soft hyphen, the U+2010 … U+2015 dashes, minus sign */
  return c == '-' || c == 0x00AD || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* Returns a newly allocated, valid UTF-8 copy of @input cleaned as @flags say. */
char *
_sportello_identifiers_clean (const char *input,
                              CleanFlags  flags)
{
  g_autofree char *valid = NULL;
  const char *start;
  const char *end;
  GString *out;

  if (input == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (input, -1);

  start = valid;
  while (*start != '\0' && _sportello_identifiers_is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (!_sportello_identifiers_is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  out = g_string_sized_new (end - start);

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((flags & CLEAN_SPACES) != 0 && _sportello_identifiers_is_blank (c))
        continue;
      if ((flags & CLEAN_PUNCTUATION) != 0 && (c == '.' || is_hyphen (c)))
        continue;
      if ((flags & CLEAN_PARENTHESES) != 0 && (c == '(' || c == ')'))
        continue;
      if ((flags & CLEAN_UPPER) != 0 && c < 0x80)
        c = g_ascii_toupper (c);

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Newly allocated copy of the (UTF-8) character at @p, for messages. */
char *
_sportello_identifiers_char_at (const char *p)
{
  return g_strndup (p, g_utf8_next_char (p) - p);
}

gboolean
_sportello_identifiers_is_ascii_digits (const char *s)
{
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;

  return TRUE;
}

/* Hands the results to the caller. Takes ownership of @value and @why. */
SportelloIdVerdict
_sportello_identifiers_report (SportelloIdVerdict   verdict,
                               char                *value,
                               char                *why,
                               char               **normalized,
                               char               **message)
{
  g_assert (value != NULL);
  g_assert (verdict == SPORTELLO_ID_OK || why != NULL);

  if (normalized != NULL)
    *normalized = value;
  else
    g_free (value);

  if (verdict == SPORTELLO_ID_OK)
    g_clear_pointer (&why, g_free);

  if (message != NULL)
    *message = why;
  else
    g_free (why);

  return verdict;
}

/* Checks @value, already cleaned (and taken), unless it is empty; then
 * hands the results to the caller */
SportelloIdVerdict
_sportello_identifiers_check_and_report (char       *value,
                                         CheckFunc   check,
                                         char      **normalized,
                                         char      **message)
{
  char *why = NULL;
  SportelloIdVerdict verdict = *value != '\0' ? check (value, &why) : SPORTELLO_ID_OK;

  return _sportello_identifiers_report (verdict, value, why, normalized, message);
}

static const struct {
  const char *name;
  SportelloIdVerdict (*validate) (const char *, char **, char **);
} identifiers[SPORTELLO_N_IDENTIFIERS] = {
  [SPORTELLO_IDENTIFIER_VAT] = { "vat", sportello_validate_vat },
  [SPORTELLO_IDENTIFIER_TAX_CODE] = { "tax_code", sportello_validate_tax_code },
  [SPORTELLO_IDENTIFIER_POSTAL_CODE] = { "postal_code", sportello_validate_postal_code },
  [SPORTELLO_IDENTIFIER_PROVINCE] = { "province", sportello_validate_province },
  [SPORTELLO_IDENTIFIER_SDI_CODE] = { "sdi_code", sportello_validate_sdi_code },
  [SPORTELLO_IDENTIFIER_ATECO] = { "ateco", sportello_validate_ateco },
  [SPORTELLO_IDENTIFIER_EMAIL] = { "email", sportello_validate_email },
};

/**
 * sportello_identifier_validate:
 *
 * As the validator of @kind (sportello_validate_vat() and the others).
 */
SportelloIdVerdict
sportello_identifier_validate (SportelloIdentifierKind   kind,
                               const char               *input,
                               char                    **normalized,
                               char                    **message)
{
  g_return_val_if_fail (kind < SPORTELLO_N_IDENTIFIERS, SPORTELLO_ID_INVALID);

  return identifiers[kind].validate (input, normalized, message);
}

/**
 * sportello_identifier_normalize:
 * @input: (nullable): the identifier as typed
 *
 * The one normalization every way into the database goes through.
 *
 * Returns: (transfer full): the form to store
 */
char *
sportello_identifier_normalize (SportelloIdentifierKind  kind,
                                const char              *input)
{
  char *normalized = NULL;

  g_return_val_if_fail (kind < SPORTELLO_N_IDENTIFIERS, g_strdup (input ? input : ""));

  if (identifiers[kind].validate (input, &normalized, NULL) == SPORTELLO_ID_INVALID)
    {
      g_free (normalized);
      return g_strdup (input ? input : "");
    }
  return normalized;
}

int
sportello_identifier_kind_from_name (const char *name)
{
  for (guint i = 0; name != NULL && i < SPORTELLO_N_IDENTIFIERS; i++)
    if (g_str_equal (identifiers[i].name, name))
      return (int) i;
  return -1;
}
