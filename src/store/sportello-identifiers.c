/* sportello-identifiers.c: validation of Italian identifiers
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Algorithms and test vectors: docs/identifiers.md. Every validator normalises first,
 * then applies the rules in the order given there and reports the first rule that fails,
 * with a message meant for the user.
 */

#define G_LOG_DOMAIN "sportello-identifiers"

#ifndef GETTEXT_PACKAGE
# include "config.h"
#endif

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "sportello-identifiers.h"

typedef enum {
  CLEAN_TRIM        = 0,       /* always done: blanks at both ends */
  CLEAN_SPACES      = 1 << 0,  /* blanks inside too */
  CLEAN_PUNCTUATION = 1 << 1,  /* dots and hyphens */
  CLEAN_PARENTHESES = 1 << 2,  /* "(CO)" as written after a town */
  CLEAN_UPPER       = 1 << 3,  /* ASCII letters only */
} CleanFlags;

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

/* Italian province codes (the "sigle" of addresses and number plates), valid on
 * 17 July 2025, when the definitive Sardinian reorganisation came into force (ISTAT, "Codici
 * delle unità amministrative"): 107 codes for the provinces, metropolitan cities and Sicilian
 * free municipal consortia, plus Aosta and the abolished provinces of Friuli-Venezia Giulia
 * (GO, PN, TS, UD), which addresses still use.
 *
 * Sardinia: CA and SS are metropolitan cities, NU and OR provinces. The provinces re-created
 * in 2025 (Gallura Nord-Est Sardegna, Ogliastra, Sulcis Iglesiente, Medio Campidano) had no
 * code of their own at that date, so addresses there still carry SS, NU or SU; SU (Sud
 * Sardegna, 2016–2025) therefore stays valid. Their former codes OT, OG, CI and VS are
 * accepted with a warning (see former_province_codes).
 *
 * Keep it sorted: it is searched with bsearch() and returned to callers as a sorted list.
 */
static const char * const province_codes[] = {
  "AG", "AL", "AN", "AO", "AP", "AQ", "AR", "AT", "AV",
  "BA", "BG", "BI", "BL", "BN", "BO", "BR", "BS", "BT", "BZ",
  "CA", "CB", "CE", "CH", "CL", "CN", "CO", "CR", "CS", "CT", "CZ",
  "EN",
  "FC", "FE", "FG", "FI", "FM", "FR",
  "GE", "GO", "GR",
  "IM", "IS",
  "KR",
  "LC", "LE", "LI", "LO", "LT", "LU",
  "MB", "MC", "ME", "MI", "MN", "MO", "MS", "MT",
  "NA", "NO", "NU",
  "OR",
  "PA", "PC", "PD", "PE", "PG", "PI", "PN", "PO", "PR", "PT", "PU", "PV", "PZ",
  "RA", "RC", "RE", "RG", "RI", "RM", "RN", "RO",
  "SA", "SI", "SO", "SP", "SR", "SS", "SU", "SV",
  "TA", "TE", "TN", "TO", "TP", "TR", "TS", "TV",
  "UD",
  "VA", "VB", "VC", "VE", "VI", "VR", "VT", "VV",
  NULL
};

/* Sardinian codes withdrawn in 2017: their areas became provinces again in 2025, but
 * without a code as of the date above. Accepted with a warning. The whole phrase is
 * translated, as Italian writes “della provincia dell'Ogliastra”, “del Medio Campidano”.
 */
static const struct {
  const char *code;
  const char *name;
} former_province_codes[] = {
  /* Translators: completes ““CI” was the code …”; Italian: “della provincia di Carbonia-Iglesias (2005–2016)” */
  { "CI", N_("of the province of Carbonia-Iglesias (2005–2016)") },
  /* Translators: completes ““OG” was the code …”; Italian: “della provincia dell'Ogliastra (2005–2016)” */
  { "OG", N_("of the province of Ogliastra (2005–2016)") },
  /* Translators: completes ““OT” was the code …”; Italian: “della provincia di Olbia-Tempio (2005–2016)” */
  { "OT", N_("of the province of Olbia-Tempio (2005–2016)") },
  /* Translators: completes ““VS” was the code …”; Italian: “della provincia del Medio Campidano (2005–2016)” */
  { "VS", N_("of the province of Medio Campidano (2005–2016)") },
};

/* Helpers */

static inline gboolean
is_blank (gunichar c)
{
  /* ASCII, the common case, without the Unicode tables: the characters
   * g_unichar_isspace() takes below 0x80 (not \v, a control character) */
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  /* g_unichar_isspace() covers the no-break spaces pasted from PDFs and web pages */
  return g_unichar_isspace (c) || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

static gboolean
is_hyphen (gunichar c)
{
  /* hyphen-minus, soft hyphen, the U+2010 … U+2015 dashes, minus sign */
  return c == '-' || c == 0x00AD || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* Returns a newly allocated, valid UTF-8 copy of @input cleaned as @flags say. */
static char *
clean (const char *input,
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
  while (*start != '\0' && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  out = g_string_sized_new (end - start);

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((flags & CLEAN_SPACES) != 0 && is_blank (c))
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
static char *
char_at (const char *p)
{
  return g_strndup (p, g_utf8_next_char (p) - p);
}

static gboolean
is_ascii_digits (const char *s)
{
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;

  return TRUE;
}

/* Hands the results to the caller. Takes ownership of @value and @why. */
static SportelloIdVerdict
report (SportelloIdVerdict   verdict,
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

typedef SportelloIdVerdict (*CheckFunc) (const char  *value,
                                         char       **why);

/* Checks @value, already cleaned (and taken), unless it is empty; then
 * hands the results to the caller */
static SportelloIdVerdict
check_and_report (char       *value,
                  CheckFunc   check,
                  char      **normalized,
                  char      **message)
{
  char *why = NULL;
  SportelloIdVerdict verdict = *value != '\0' ? check (value, &why) : SPORTELLO_ID_OK;

  return report (verdict, value, why, normalized, message);
}

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
          g_autofree char *c = char_at (p);

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
              shown = char_at (p);
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
              shown = char_at (p);
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
              shown = char_at (p);
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
  if (is_ascii_digits (value))
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

static SportelloIdVerdict
check_postal_code (const char  *value,
                   char       **why)
{
  gsize len;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isdigit (*p))
        {
          g_autofree char *c = char_at (p);

          *why = g_strdup_printf (_("Only digits are allowed, not “%s”"), c);
          return SPORTELLO_ID_INVALID;
        }
    }

  len = strlen (value);
  if (len != 5)
    {
      *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: CAP; %u: how many typed */
                                           "A postal code has 5 digits, this one has %u",
                                           "A postal code has 5 digits, this one has %u",
                                           len),
                              (guint) len);
      return SPORTELLO_ID_INVALID;
    }

  return SPORTELLO_ID_OK;
}

static int
compare_codes (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static SportelloIdVerdict
check_province (const char  *value,
                char       **why)
{
  gsize len;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isupper (*p))
        {
          g_autofree char *c = char_at (p);

          /* Translators: %s is the character that was typed */
          *why = g_strdup_printf (_("Only the letters A–Z are allowed, not “%s”"), c);
          return SPORTELLO_ID_INVALID;
        }
    }

  len = strlen (value);
  if (len != 2)
    {
      *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u: how many were typed */
                                           "A province code has 2 letters, this one has %u",
                                           "A province code has 2 letters, this one has %u",
                                           len),
                              (guint) len);
      return SPORTELLO_ID_INVALID;
    }

  if (bsearch (&value, province_codes, G_N_ELEMENTS (province_codes) - 1,
               sizeof (province_codes[0]), compare_codes) != NULL)
    return SPORTELLO_ID_OK;

  for (guint i = 0; i < G_N_ELEMENTS (former_province_codes); i++)
    {
      if (strcmp (value, former_province_codes[i].code) == 0)
        {
          /* Translators: the first %s is a code such as “OG”, the second says whose
           * code it was, e.g. “of the province of Ogliastra (2005–2016)” */
          *why = g_strdup_printf (_("“%s” was the code %s and is not assigned at the moment"),
                                  value, _(former_province_codes[i].name));
          return SPORTELLO_ID_WARNING;
        }
    }

  if (strcmp (value, "EE") == 0)
    {
      *why = g_strdup (_("“EE” is used for addresses abroad, not for an Italian province"));
      return SPORTELLO_ID_WARNING;
    }

  /* Translators: %s is a two-letter code */
  *why = g_strdup_printf (_("“%s” is not a known province code"), value);
  return SPORTELLO_ID_WARNING;
}

static SportelloIdVerdict
check_sdi_code (const char  *value,
                char       **why)
{
  gsize len;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
        {
          g_autofree char *c = char_at (p);

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
          g_autofree char *c = char_at (p);

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

static gboolean
is_email_local_char (char c)
{
  /* RFC 5322 atext; quoted local parts are not accepted */
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+/=?^_`{|}~-", c) != NULL;
}

/* @domain is already lower-cased */
static SportelloIdVerdict
check_email_domain (const char  *domain,
                    gboolean    *non_ascii,
                    char       **why)
{
  const char *label = domain;
  const char *tld;
  gboolean tld_all_digits = TRUE;

  for (const char *p = domain; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80 && g_unichar_isalnum (c))
        *non_ascii = TRUE;
      else if (!g_ascii_isalnum (c) && c != '-' && c != '.')
        {
          g_autofree char *shown = char_at (p);

          /* Translators: %s is the character that was typed */
          *why = g_strdup_printf (_("“%s” is not allowed in an email address"), shown);
          return SPORTELLO_ID_INVALID;
        }
    }

  if (strchr (domain, '.') == NULL)
    {
      /* Translators: %s is the part after the “@”, e.g. “rossi” */
      *why = g_strdup_printf (_("The domain “%s” has no dot: the address is incomplete"),
                              domain);
      return SPORTELLO_ID_INVALID;
    }

  if (strlen (domain) > 253)
    {
      *why = g_strdup (_("The domain is too long"));
      return SPORTELLO_ID_INVALID;
    }

  /* Labels: not empty, at most 63 bytes, no hyphen at either end */
  for (const char *p = domain;; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          gsize label_len = p - label;

          if (label_len == 0)
            {
              *why = g_strdup (_("The domain cannot start or end with a dot "
                                 "or have two dots in a row"));
              return SPORTELLO_ID_INVALID;
            }
          if (label[0] == '-' || p[-1] == '-')
            {
              *why = g_strdup (_("A part of the domain cannot start or end with a hyphen"));
              return SPORTELLO_ID_INVALID;
            }
          if (label_len > 63)
            {
              *why = g_strdup (_("A part of the domain is too long"));
              return SPORTELLO_ID_INVALID;
            }

          if (*p == '\0')
            break;
          label = p + 1;
        }
    }

  tld = strrchr (domain, '.') + 1;
  for (const char *p = tld; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      tld_all_digits = FALSE;

  if (tld_all_digits || g_utf8_strlen (tld, -1) < 2)
    {
      /* Translators: %s is the last part of the domain, e.g. “it” in “rossi.it” */
      *why = g_strdup_printf (_("“%s” is not a valid ending for a domain"), tld);
      return SPORTELLO_ID_INVALID;
    }

  return SPORTELLO_ID_OK;
}

static SportelloIdVerdict
check_email (const char  *value,
             char       **why)
{
  const char *at;
  gsize local_len;
  gboolean non_ascii = FALSE;
  SportelloIdVerdict verdict;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (is_blank (g_utf8_get_char (p)))
        {
          *why = g_strdup (_("An email address cannot contain spaces"));
          return SPORTELLO_ID_INVALID;
        }
    }

  at = strchr (value, '@');
  if (at == NULL)
    {
      *why = g_strdup (_("An email address needs an “@”"));
      return SPORTELLO_ID_INVALID;
    }

  if (strchr (at + 1, '@') != NULL)
    {
      *why = g_strdup (_("An email address has only one “@”"));
      return SPORTELLO_ID_INVALID;
    }

  local_len = at - value;
  if (local_len == 0)
    {
      *why = g_strdup (_("The name before the “@” is missing"));
      return SPORTELLO_ID_INVALID;
    }

  if (at[1] == '\0')
    {
      *why = g_strdup (_("The domain after the “@” is missing"));
      return SPORTELLO_ID_INVALID;
    }

  for (const char *p = value; p < at; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80 && g_unichar_isalnum (c))
        non_ascii = TRUE;
      else if (c >= 0x80 || (!is_email_local_char (c) && c != '.'))
        {
          g_autofree char *shown = char_at (p);

          *why = g_strdup_printf (_("“%s” is not allowed in an email address"), shown);
          return SPORTELLO_ID_INVALID;
        }
    }

  if (value[0] == '.' || at[-1] == '.' || g_strstr_len (value, local_len, "..") != NULL)
    {
      *why = g_strdup (_("The name before the “@” cannot start or end with a dot "
                         "or have two dots in a row"));
      return SPORTELLO_ID_INVALID;
    }

  if (local_len > 64)
    {
      *why = g_strdup (_("The name before the “@” is too long"));
      return SPORTELLO_ID_INVALID;
    }

  verdict = check_email_domain (at + 1, &non_ascii, why);
  if (verdict != SPORTELLO_ID_OK)
    return verdict;

  if (non_ascii)
    {
      *why = g_strdup (_("The address contains accented or non-Latin letters: "
                         "not every mail server accepts them"));
      return SPORTELLO_ID_WARNING;
    }

  return SPORTELLO_ID_OK;
}

/* API */

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
  char *value = clean (input, CLEAN_SPACES | CLEAN_PUNCTUATION | CLEAN_UPPER);
  char *why = NULL;
  SportelloIdVerdict verdict = SPORTELLO_ID_OK;

  /* “IT” alone is typed, not empty: it is checked (and refused) */
  if (*value != '\0')
    {
      if (g_str_has_prefix (value, "IT"))
        memmove (value, value + 2, strlen (value + 2) + 1);
      verdict = check_vat (value, &why);
    }

  return report (verdict, value, why, normalized, message);
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
  return check_and_report (clean (input, CLEAN_SPACES | CLEAN_PUNCTUATION | CLEAN_UPPER), check_tax_code, normalized, message);
}

/**
 * sportello_validate_postal_code:
 * @input: (nullable): a CAP as typed
 * @normalized: (out) (optional) (transfer full): the digits
 * @message: (out) (optional) (transfer full) (nullable): why it is not valid
 *
 * Five digits; existence is not checked.
 *
 * Returns: the verdict
 */
SportelloIdVerdict
sportello_validate_postal_code (const char  *input,
                                char       **normalized,
                                char       **message)
{
  return check_and_report (clean (input, CLEAN_SPACES | CLEAN_PUNCTUATION | CLEAN_UPPER), check_postal_code, normalized, message);
}

/**
 * sportello_validate_province:
 * @input: (nullable): a province code as typed, e.g. “co” or “(CO)”
 * @normalized: (out) (optional) (transfer full): upper-cased, without blanks or parentheses
 * @message: (out) (optional) (transfer full) (nullable): why it is not valid
 *
 * Two letters are required (%SPORTELLO_ID_INVALID otherwise); a code missing from the list
 * of sportello_province_codes() is only a %SPORTELLO_ID_WARNING, since the list changes.
 *
 * Returns: the verdict
 */
SportelloIdVerdict
sportello_validate_province (const char  *input,
                             char       **normalized,
                             char       **message)
{
  CleanFlags flags = CLEAN_SPACES | CLEAN_PUNCTUATION | CLEAN_PARENTHESES | CLEAN_UPPER;

  return check_and_report (clean (input, flags), check_province, normalized, message);
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
  return check_and_report (clean (input, CLEAN_SPACES | CLEAN_PUNCTUATION | CLEAN_UPPER), check_sdi_code, normalized, message);
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
  return check_and_report (clean (input, CLEAN_SPACES | CLEAN_UPPER), check_ateco, normalized, message);
}

/**
 * sportello_validate_email:
 * @input: (nullable): an email or PEC address as typed
 * @normalized: (out) (optional) (transfer full): trimmed, with the domain lower-cased
 * @message: (out) (optional) (transfer full) (nullable): why it is not valid
 *
 * A practical syntax check (one “@”, dot-atom name, domain with a dot and valid labels), not
 * full RFC 5322: quoted names and IP-address domains are refused. Accented or non-Latin
 * letters give a %SPORTELLO_ID_WARNING.
 *
 * Returns: the verdict
 */
SportelloIdVerdict
sportello_validate_email (const char  *input,
                          char       **normalized,
                          char       **message)
{
  char *value = clean (input, CLEAN_TRIM);
  const char *at = strchr (value, '@');

  /* the domain in lower case, the local part as typed */
  if (at != NULL)
    {
      g_autofree char *local = g_strndup (value, at - value);
      g_autofree char *domain = g_utf8_strdown (at + 1, -1);

      g_free (value);
      value = g_strconcat (local, "@", domain, NULL);
    }

  return check_and_report (value, check_email, normalized, message);
}

/**
 * sportello_vat_check_digit:
 * @first10: the first 10 digits of a partita IVA (further characters are ignored)
 *
 * Computes the check digit (the 11th) with the official Luhn-like algorithm.
 *
 * Returns: the check digit, 0–9
 */
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

/**
 * sportello_province_codes:
 *
 * Returns: (transfer none) (array zero-terminated=1): the known province codes, sorted
 */
const char * const *
sportello_province_codes (void)
{
  return province_codes;
}
