/* sportello-identifiers-tax.c: the partita IVA and the codice fiscale
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

/* Offices of the Agenzia delle Entrate that assign partite IVA (digits 8–10). */
static const struct {
  guint first;
  guint last;
} vat_office_ranges[] = {
  { 1, 100 },    /* provincial offices */
  { 120, 121 },
  { 888, 888 },
  { 999, 999 },
};

/* Countries whose VAT numbers people paste into the field by mistake: the EU (Greece is EL),
 * Northern Ireland (XI), the United Kingdom, San Marino and Switzerland (CHE…). IT is ours.
 */
static const char foreign_vat_prefixes[][3] = {
  "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "GB",
  "HR", "HU", "IE", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
  "SM", "XI",
};

/* Codice fiscale of a person: month letters, the letters that replace digits (omocodia),
 * and the values of the characters in odd positions (0/A, 1/B, … 9/J, K, … Z).
 */
static const char cf_month_letters[] = "ABCDEHLMPRST";
static const char cf_omocodia_letters[] = "LMNPQRSTUV";
static const guint8 cf_odd_values[26] = {
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
};

typedef enum {
  CF_LETTER,  /* surname, name, first character of the place, check character */
  CF_DIGIT,   /* year, day, place number: a digit or an omocodia letter */
  CF_MONTH,
} CfSlot;

static const CfSlot cf_layout[16] = {
  CF_LETTER, CF_LETTER, CF_LETTER, CF_LETTER, CF_LETTER, CF_LETTER,
  CF_DIGIT, CF_DIGIT,
  CF_MONTH,
  CF_DIGIT, CF_DIGIT,
  CF_LETTER, CF_DIGIT, CF_DIGIT, CF_DIGIT,
  CF_LETTER,
};
/* Partita IVA */

static gboolean
vat_office_exists (guint code)
{
  for (guint i = 0; i < G_N_ELEMENTS (vat_office_ranges); i++)
    if (code >= vat_office_ranges[i].first && code <= vat_office_ranges[i].last)
      return TRUE;

  return FALSE;
}

static gboolean
has_foreign_vat_prefix (const char *value)
{
  if (!g_ascii_isupper (value[0]) || !g_ascii_isupper (value[1]) || value[2] == '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (foreign_vat_prefixes); i++)
    if (strncmp (value, foreign_vat_prefixes[i], 2) == 0)
      return TRUE;

  return FALSE;
}

/* The rules after the character check: length, serial number, office, check digit.
 * Shared by the partita IVA and the numeric codice fiscale. @digits is all ASCII digits.
 */
static SportelloIdVerdict
check_vat_digits (const char  *digits,
                  char       **why)
{
  gsize len = strlen (digits);
  guint office;
  guint expected;

  if (len != 11)
    {
      *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u: how many were typed */
                                           "A VAT number has 11 digits, this one has %u",
                                           "A VAT number has 11 digits, this one has %u",
                                           len),
                              (guint) len);
      return SPORTELLO_ID_INVALID;
    }

  if (strncmp (digits, "0000000", 7) == 0)
    {
      /* Translators: the first 7 digits of a VAT number (matricola) */
      *why = g_strdup (_("The serial number cannot be 0000000"));
      return SPORTELLO_ID_INVALID;
    }

  office = (digits[7] - '0') * 100 + (digits[8] - '0') * 10 + (digits[9] - '0');
  if (!vat_office_exists (office))
    {
      /* Translators: digits 8–10 of a VAT number, the tax office that assigned it;
       * %03u is those three digits, e.g. “789” */
      *why = g_strdup_printf (_("Office code %03u does not exist"), office);
      return SPORTELLO_ID_INVALID;
    }

  expected = sportello_vat_check_digit (digits);
  if ((guint) (digits[10] - '0') != expected)
    {
      /* Translators: %u is a digit */
      *why = g_strdup_printf (_("Wrong check digit: expected %u"), expected);
      return SPORTELLO_ID_INVALID;
    }

  return SPORTELLO_ID_OK;
}

static gboolean check_person_tax_code_layout (const char  *value,
                                              char       **why);

static SportelloIdVerdict
check_vat (const char  *value,
           char       **why)
{
  if (g_utf8_strlen (value, -1) == 16 && check_person_tax_code_layout (value, NULL))
    {
      *why = g_strdup (_("This is a person’s tax code (codice fiscale), not a VAT number"));
      return SPORTELLO_ID_INVALID;
    }

  if (has_foreign_vat_prefix (value))
    {
      g_autofree char *country = g_strndup (value, 2);

      /* Translators: %s is a country prefix such as “DE” */
      *why = g_strdup_printf (_("This looks like a VAT number of another country (%s): "
                                "only Italian ones can be checked"),
                              country);
      return SPORTELLO_ID_INVALID;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isdigit (*p))
        {
          g_autofree char *c = _sportello_identifiers_char_at (p);

          /* Translators: %s is the character that was typed */
          *why = g_strdup_printf (_("Only digits are allowed, not “%s”"), c);
          return SPORTELLO_ID_INVALID;
        }
    }

  return check_vat_digits (value, why);
}

/* Codice fiscale */

static char
cf_check_char (const char *first15)
{
  guint sum = 0;

  for (guint i = 0; i < 15; i++)
    {
      char c = first15[i];
      guint v = g_ascii_isdigit (c) ? (guint) (c - '0') : (guint) (c - 'A');

      /* i is 0-based: i even is an odd position */
      sum += i % 2 == 0 ? cf_odd_values[v] : v;
    }

  return 'A' + sum % 26;
}

/* A digit, or the omocodia letter that replaced it. */
static guint
cf_digit_value (char c)
{
  const char *letter;

  if (g_ascii_isdigit (c))
    return c - '0';

  letter = strchr (cf_omocodia_letters, c);
  g_assert (letter != NULL && c != '\0');

  return letter - cf_omocodia_letters;
}

/* Checks the character classes of a 16-character code; @why may be NULL. */
static gboolean
check_person_tax_code_layout (const char  *value,
                              char       **why)
{
  const char *p = value;

  for (guint i = 0; i < 16; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *shown = NULL;

      g_assert (c != 0);

      switch (cf_layout[i])
        {
        case CF_LETTER:
          if (c < 0x80 && g_ascii_isupper (c))
            continue;
          if (why != NULL)
            {
              shown = _sportello_identifiers_char_at (p);
              /* Translators: %u is a position (1–16), %s the character found there */
              *why = g_strdup_printf (_("Character %u must be a letter, not “%s”"),
                                      i + 1, shown);
            }
          return FALSE;

        case CF_DIGIT:
          if (c < 0x80 && (g_ascii_isdigit (c) || strchr (cf_omocodia_letters, c) != NULL))
            continue;
          if (why != NULL)
            {
              shown = _sportello_identifiers_char_at (p);
              if (c < 0x80 && g_ascii_isupper (c))
                /* Translators: %u is a position (1–16), %s the letter found there; the
                 * listed letters replace digits in some codes (omocodia) */
                *why = g_strdup_printf (_("Character %u must be a digit or one of the letters "
                                          "L M N P Q R S T U V, not “%s”"),
                                        i + 1, shown);
              else
                /* Translators: %u is a position (1–16), %s the character found there */
                *why = g_strdup_printf (_("Character %u must be a digit, not “%s”"),
                                        i + 1, shown);
            }
          return FALSE;

        case CF_MONTH:
          if (c < 0x80 && c != 0 && strchr (cf_month_letters, c) != NULL)
            continue;
          if (why != NULL)
            {
              shown = _sportello_identifiers_char_at (p);
              /* Translators: %s is the character found where the month letter goes */
              *why = g_strdup_printf (_("“%s” is not a month letter (A B C D E H L M P R S T)"),
                                      shown);
            }
          return FALSE;

        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

static SportelloIdVerdict
check_person_birth_date (const char  *value,
                         char       **why)
{
  guint year = cf_digit_value (value[6]) * 10 + cf_digit_value (value[7]);
  guint month = strchr (cf_month_letters, value[8]) - cf_month_letters + 1;
  guint raw_day = cf_digit_value (value[9]) * 10 + cf_digit_value (value[10]);
  guint day;

  if (!((raw_day >= 1 && raw_day <= 31) || (raw_day >= 41 && raw_day <= 71)))
    {
      /* Translators: %u is the day number read from the code */
      *why = g_strdup_printf (_("Day %u does not exist: the day is 1–31 for men "
                                "and 41–71 (day + 40) for women"),
                              raw_day);
      return SPORTELLO_ID_INVALID;
    }

  day = raw_day > 40 ? raw_day - 40 : raw_day;

  switch (month)
    {
    case 2:
      if (day == 29 && year % 4 != 0)
        {
          /* Translators: %02u is the two-digit birth year, e.g. “01” */
          *why = g_strdup_printf (_("29 February does not exist in a year ending in %02u"), year);
          return SPORTELLO_ID_INVALID;
        }
      if (day > 29)
        {
          /* Translators: %u is 30 or 31 */
          *why = g_strdup_printf (_("%u February does not exist"), day);
          return SPORTELLO_ID_INVALID;
        }
      break;

    case 4:
      if (day == 31)
        {
          *why = g_strdup (_("31 April does not exist"));
          return SPORTELLO_ID_INVALID;
        }
      break;

    case 6:
      if (day == 31)
        {
          *why = g_strdup (_("31 June does not exist"));
          return SPORTELLO_ID_INVALID;
        }
      break;

    case 9:
      if (day == 31)
        {
          *why = g_strdup (_("31 September does not exist"));
          return SPORTELLO_ID_INVALID;
        }
      break;

    case 11:
      if (day == 31)
        {
          *why = g_strdup (_("31 November does not exist"));
          return SPORTELLO_ID_INVALID;
        }
      break;

    default:
      break;
    }

  return SPORTELLO_ID_OK;
}

static SportelloIdVerdict
check_tax_code (const char  *value,
                char       **why)
{
  glong len;
  char expected;

  /* Companies, bodies and some persons (temporarily) have an 11-digit code */
  if (_sportello_identifiers_is_ascii_digits (value))
    {
      gsize n_digits = strlen (value);

      if (n_digits != 11)
        {
          *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %u: how many were typed */
                                               "A numeric tax code has 11 digits, this one has %u",
                                               "A numeric tax code has 11 digits, this one has %u",
                                               n_digits),
                                  (guint) n_digits);
          return SPORTELLO_ID_INVALID;
        }

      return check_vat_digits (value, why);
    }

  len = g_utf8_strlen (value, -1);
  if (len != 16)
    {
      *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u: how many were typed */
                                           "A tax code has 16 characters, this one has %u",
                                           "A tax code has 16 characters, this one has %u",
                                           len),
                              (guint) len);
      return SPORTELLO_ID_INVALID;
    }

  if (!check_person_tax_code_layout (value, why))
    return SPORTELLO_ID_INVALID;

  /* From here on the code is 16 ASCII characters */
  expected = cf_check_char (value);
  if (value[15] != expected)
    {
      /* Translators: %c is a letter */
      *why = g_strdup_printf (_("Wrong check character: expected %c"), expected);
      return SPORTELLO_ID_INVALID;
    }

  return check_person_birth_date (value, why);
}

/* Other identifiers */
/**
 * sportello_validate_vat:
 * @input: (nullable): a partita IVA as typed, e.g. “IT 00743110157”
 * @normalized: (out) (optional) (transfer full): the 11 digits, without the IT prefix
 * @message: (out) (optional) (transfer full) (nullable): why it is not valid
 *
 * Checks the characters, the length (11), the serial number (not 0000000), the office code
 * and the check digit, in this order.
 *
 * Returns: the verdict
 */
SportelloIdVerdict
sportello_validate_vat (const char  *input,
                        char       **normalized,
                        char       **message)
{
  char *value = _sportello_identifiers_clean (input, CLEAN_SPACES | CLEAN_PUNCTUATION | CLEAN_UPPER);
  char *why = NULL;
  SportelloIdVerdict verdict = SPORTELLO_ID_OK;

  /* “IT” alone is typed, not empty: it is checked (and refused) */
  if (*value != '\0')
    {
      if (g_str_has_prefix (value, "IT"))
        memmove (value, value + 2, strlen (value + 2) + 1);
      verdict = check_vat (value, &why);
    }

  return _sportello_identifiers_report (verdict, value, why, normalized, message);
}

/**
 * sportello_validate_tax_code:
 * @input: (nullable): a codice fiscale as typed
 * @normalized: (out) (optional) (transfer full): upper-cased, without blanks, dots, hyphens
 * @message: (out) (optional) (transfer full) (nullable): why it is not valid
 *
 * Accepts the 16-character code of a person, omocodia included, and the 11-digit numeric
 * code (checked like a partita IVA). For persons: characters, check character, then birth
 * date (29 February is accepted whenever the two-digit year is a multiple of 4, because
 * the century is unknown). The Belfiore place code is not looked up.
 *
 * Returns: the verdict
 */
SportelloIdVerdict
sportello_validate_tax_code (const char  *input,
                             char       **normalized,
                             char       **message)
{
  char *value = _sportello_identifiers_clean (input, CLEAN_SPACES | CLEAN_PUNCTUATION | CLEAN_UPPER);

  return _sportello_identifiers_check_and_report (value, check_tax_code, normalized, message);
}

/**
 * sportello_vat_check_digit:
 * @first10: the first 10 digits of a partita IVA (further characters are ignored)
 *
 * Computes the check digit (the 11th) with the official Luhn-like algorithm.
 *
 * Returns: the check digit, 0–9
 */
guint
sportello_vat_check_digit (const char *first10)
{
  guint sum = 0;

  g_return_val_if_fail (first10 != NULL, 0);

  for (guint i = 0; i < 10; i++)
    {
      guint d;

      g_return_val_if_fail (g_ascii_isdigit (first10[i]), 0);

      d = first10[i] - '0';
      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }

  return (10 - sum % 10) % 10;
}
