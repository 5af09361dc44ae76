/* test-identifiers.c: tests for the validation of Italian identifiers
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vectors of docs/identifiers.md §4, then our own. Messages are checked
 * in the C locale, so they are the English msgids.
 */

#include <string.h>
#include <glib.h>

#include "sportello-identifiers.h"

typedef SportelloIdVerdict (*Validator) (const char  *input,
                                         char       **normalized,
                                         char       **message);

typedef struct {
  const char *input;
  const char *mention;  /* a token the message must contain, or NULL */
} InvalidCase;

static const char *
verdict_name (SportelloIdVerdict verdict)
{
  switch (verdict)
    {
    case SPORTELLO_ID_OK:
      return "OK";
    case SPORTELLO_ID_WARNING:
      return "WARNING";
    case SPORTELLO_ID_INVALID:
      return "INVALID";
    default:
      return "(not a verdict)";
    }
}

/* TRUE if @token occurs in @message as a whole word: not next to ASCII letters or digits,
 * so that “7” is not found in “789”.
 */
static gboolean
mentions (const char *message,
          const char *token)
{
  gsize len = strlen (token);

  for (const char *p = strstr (message, token); p != NULL; p = strstr (p + 1, token))
    {
      gboolean clear_before = p == message || !g_ascii_isalnum (p[-1]);
      gboolean clear_after = !g_ascii_isalnum (p[len]);

      if (clear_before && clear_after)
        return TRUE;
    }

  return FALSE;
}

/* Runs @validator on @input and checks the verdict, the normalized form (unless
 * @expected_normalized is NULL) and, for a verdict other than OK, that the message exists
 * and mentions @mention (unless NULL). Failures name the input.
 */
static void
check (Validator           validator,
       const char         *input,
       SportelloIdVerdict  expected,
       const char         *expected_normalized,
       const char         *mention)
{
  static char sentinel[] = "not touched";
  g_autofree char *normalized = NULL;
  char *message = sentinel;
  g_autofree char *owned_message = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  SportelloIdVerdict verdict;

  verdict = validator (input, &normalized, &message);
  g_assert_true (message != sentinel);
  owned_message = message;

  got = g_strdup_printf ("“%s” → %s (%s)", input ? input : "(null)", verdict_name (verdict),
                         message ? message : "no message");
  want = g_strdup_printf ("“%s” → %s (%s)", input ? input : "(null)", verdict_name (expected),
                          message ? message : "no message");
  g_assert_cmpstr (got, ==, want);

  g_assert_nonnull (normalized);
  g_assert_true (g_utf8_validate (normalized, -1, NULL));
  if (expected_normalized != NULL)
    g_assert_cmpstr (normalized, ==, expected_normalized);

  if (verdict == SPORTELLO_ID_OK)
    {
      g_assert_null (message);
    }
  else
    {
      g_assert_nonnull (message);
      g_assert_cmpstr (message, !=, "");
      g_assert_true (g_utf8_validate (message, -1, NULL));
      if (mention != NULL)
        {
          const char *found = mentions (message, mention) ? mention : message;

          g_assert_cmpstr (found, ==, mention);
        }
    }

  /* The same call with no outputs must not crash or leak (see valgrind) */
  g_assert_cmpint (validator (input, NULL, NULL), ==, verdict);
}

static void
check_invalid_cases (Validator          validator,
                     const InvalidCase *cases,
                     gsize              n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    check (validator, cases[i].input, SPORTELLO_ID_INVALID, NULL, cases[i].mention);
}

/* An independent implementation of the codice fiscale check character, written from the
 * description of the domain notes, to generate test codes.
 */
static char
reference_cf_check_char (const char *first15)
{
  static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static const int odd[36] = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
    23,
  };
  static const int even[36] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    25,
  };
  int total = 0;

  for (int position = 1; position <= 15; position++)
    {
      int k = strchr (alphabet, first15[position - 1]) - alphabet;

      total += position % 2 == 1 ? odd[k] : even[k];
    }

  return 'A' + total % 26;
}

/* Partita IVA */

static void
test_vat_valid (void)
{
  static const struct {
    const char *input;
    const char *normalized;
  } cases[] = {
    { "00743110157", "00743110157" },
    { "12345670017", "12345670017" },
    { "00000010017", "00000010017" },
    { "09876540122", "09876540122" },
    { "02710890134", "02710890134" },
    { "05555551000", "05555551000" },  /* office 100 */
    { "76543211205", "76543211205" },  /* office 120 */
    { "11111118888", "11111118888" },  /* office 888 */
    { "02000009999", "02000009999" },  /* office 999 */
    { "IT 00743110157", "00743110157" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check (sportello_validate_vat, cases[i].input, SPORTELLO_ID_OK, cases[i].normalized, NULL);
}

static void
test_vat_invalid (void)
{
  static const InvalidCase cases[] = {
    { "00743110158", "7" },        /* check digit 8, expected 7 */
    { "0074311015", "10" },        /* length 10 */
    { "007431101570", "12" },      /* length 12 */
    { "00743A10157", "A" },        /* non-digit character */
    { "00000000000", "0000000" },  /* serial number 0000000 */
    { "01234567897", "789" },      /* office 789 */
    { "12345670009", "000" },      /* office 000 */
    { "76543211204", "5" },        /* check digit 4, expected 5 */
    { "02710890143", "2" },        /* last two digits swapped */
    /* ours */
    { "IT", "0" },
    { "IT0074311015", "10" },
    { "DE123456789", "DE" },
    { "EL123456789", "EL" },
    { "RSSMRA80A01H501U", NULL },  /* a person's codice fiscale */
    { "00743110l57", "L" },         /* upper-cased first */
    { "0074311015€", "€" },
  };

  check_invalid_cases (sportello_validate_vat, cases, G_N_ELEMENTS (cases));

  /* The message says what was wrong, not just that something was */
  check (sportello_validate_vat, "00743110158", SPORTELLO_ID_INVALID, "00743110158",
         "expected");
  check (sportello_validate_vat, "01234567897", SPORTELLO_ID_INVALID, NULL, "Office");
}

static void
test_vat_normalize (void)
{
  check (sportello_validate_vat, "IT 007.431.101-57", SPORTELLO_ID_OK, "00743110157", NULL);
  check (sportello_validate_vat, "it00743110157", SPORTELLO_ID_OK, "00743110157", NULL);
  check (sportello_validate_vat, "IT-00743110157", SPORTELLO_ID_OK, "00743110157", NULL);
  check (sportello_validate_vat, "  00743110157\n", SPORTELLO_ID_OK, "00743110157", NULL);
  /* no-break space and an en dash, as pasted from a PDF */
  check (sportello_validate_vat, "00743\u00a0110\u2013157", SPORTELLO_ID_OK, "00743110157", NULL);
  /* invalid input is still normalized, for the UI to show */
  check (sportello_validate_vat, "it 0074 3110 158", SPORTELLO_ID_INVALID, "00743110158", "7");
  /* bytes that are not UTF-8 */
  check (sportello_validate_vat, "00743\xff" "10157", SPORTELLO_ID_INVALID, NULL, NULL);
}

static void
test_vat_check_digit (void)
{
  static const char * const valid[] = {
    "00743110157", "12345670017", "00000010017", "09876540122", "02710890134",
    "05555551000", "76543211205", "11111118888", "02000009999",
  };

  g_assert_cmpuint (sportello_vat_check_digit ("0074311015"), ==, 7);
  g_assert_cmpuint (sportello_vat_check_digit ("7654321120"), ==, 5);
  g_assert_cmpuint (sportello_vat_check_digit ("0000000000"), ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_cmpuint (sportello_vat_check_digit (valid[i]), ==, (guint) (valid[i][10] - '0'));
}

static void
test_vat_generated (void)
{
  static const guint special_offices[] = { 120, 121, 888, 999 };

  for (guint i = 0; i < 1000; i++)
    {
      guint serial = g_test_rand_int_range (1, 10000000);
      guint choice = g_test_rand_int_range (0, 100 + G_N_ELEMENTS (special_offices));
      guint office = choice < 100 ? choice + 1 : special_offices[choice - 100];
      guint check_digit;
      char number[12];

      g_snprintf (number, sizeof number, "%07u%03u0", serial, office);
      check_digit = sportello_vat_check_digit (number);
      g_assert_cmpuint (check_digit, <=, 9);
      number[10] = '0' + check_digit;

      check (sportello_validate_vat, number, SPORTELLO_ID_OK, number, NULL);
      check (sportello_validate_tax_code, number, SPORTELLO_ID_OK, number, NULL);

      /* Every other last digit is caught, and the message gives the right one */
      for (guint delta = 1; delta <= 9; delta++)
        {
          char wrong[12];
          char expected[2] = { '0' + check_digit, '\0' };

          memcpy (wrong, number, sizeof wrong);
          wrong[10] = '0' + (check_digit + delta) % 10;
          check (sportello_validate_vat, wrong, SPORTELLO_ID_INVALID, wrong, expected);
        }
    }
}

/* Codice fiscale */

static void
test_tax_code_valid (void)
{
  static const char * const cases[] = {
    "RSSMRA80A01H501U",  /* Rossi Mario, M, 1 Jan 1980, Roma */
    "BNCNNA75T71F205N",  /* Bianchi Anna, F, 31 Dec 1975, Milano */
    "CLMGFR90H15C933Z",  /* Colombo Gianfranco, M, 15 Jun 1990, Como */
    "FOXDIA01B68F952H",  /* Fo Ida, F, 28 Feb 2001, Novara */
    "SMTJHN85L04Z404B",  /* Smith John, M, 4 Jul 1985, USA */
    "SPSCHR68P50B963M",  /* Esposito Chiara, F, 10 Sep 1968, Caserta */
    "LVOLEA55C60E379V",  /* Oliva Lea, F, 20 Mar 1955, Ivrea */
    "DLCMTR77E45L219Y",  /* De Luca Maria Teresa, F, 5 May 1977, Torino */
    "FOXDIA00B69F952I",  /* 29 Feb of year “00” */
    "RSSMRA80A01H50MM",  /* omocodia: 1 substitution */
    "RSSMRA80A01HRLMS",  /* 3 */
    "RSSMRAULALMHRLMD",  /* 7 */
    "00743110157",       /* numeric */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check (sportello_validate_tax_code, cases[i], SPORTELLO_ID_OK, cases[i], NULL);
}

static void
test_tax_code_invalid (void)
{
  static const InvalidCase cases[] = {
    { "RSSMRA80A01H501A", "U" },    /* check character A, expected U */
    { "RSSMRA80A01H501", "15" },    /* length 15 */
    { "RSSMRA80Z01H501A", "Z" },    /* Z is not a month letter */
    { "RSSMRA80A32H501C", "32" },   /* day 32 */
    { "BNCNNA75B70F205A", "30" },   /* 30 February */
    { "FOXDIA01B69F952J", "01" },   /* 29 February 2001 */
    { "RSSMRA8OA01H501U", "O" },    /* letter O in the year */
    { "1SSMRA80A01H501U", "1" },    /* digit in the surname */
    { "RSSMRA80A01H50MU", "M" },    /* omocodia, check character not recomputed */
    { "RSSMRA80A01H510U", "W" },    /* place digits swapped: expected W */
    { "00743110158", "7" },         /* numeric, wrong check digit */
    { "RSSMRA80A01H501UX", "17" },  /* length 17 */
    /* ours */
    { "0074311015", "10" },         /* numeric, 10 digits */
    { "007431101570", "12" },
    { "01234567897", "789" },       /* numeric, office 789 */
    { "00000000000", "0000000" },
    { "RSSMRÀ80A01H501U", "À" },    /* 16 characters, one not ASCII */
    { "RSSMRA80A01H5011", "1" },    /* digit as check character */
    { "RSSMRA80A0!H501U", "!" },
    { "RSSMRA80A01150IU", "1" },    /* digit where the place letter goes */
  };

  check_invalid_cases (sportello_validate_tax_code, cases, G_N_ELEMENTS (cases));
  check (sportello_validate_tax_code, "BNCNNA75B70F205A", SPORTELLO_ID_INVALID, NULL, "February");
  check (sportello_validate_tax_code, "RSSMRA80Z01H501A", SPORTELLO_ID_INVALID, NULL, "month");
}

static void
test_tax_code_normalize (void)
{
  check (sportello_validate_tax_code, "rssmra80a01h501u", SPORTELLO_ID_OK, "RSSMRA80A01H501U",
         NULL);
  check (sportello_validate_tax_code, " RSS MRA 80A01 H501U ", SPORTELLO_ID_OK,
         "RSSMRA80A01H501U", NULL);
  check (sportello_validate_tax_code, "RSSMRA-80A01-H501U", SPORTELLO_ID_OK, "RSSMRA80A01H501U",
         NULL);
  check (sportello_validate_tax_code, "rssmraulalmhrlmd", SPORTELLO_ID_OK, "RSSMRAULALMHRLMD",
         NULL);
  check (sportello_validate_tax_code, "rssmra80a01h501a", SPORTELLO_ID_INVALID,
         "RSSMRA80A01H501A", "U");
  check (sportello_validate_tax_code, "007.431.101.57", SPORTELLO_ID_OK, "00743110157", NULL);
}

static void
test_tax_code_omocodia (void)
{
  /* The official order: positions 15, 14, 13, 11, 10, 8, 7 (1-based) */
  static const char * const chain[] = {
    "RSSMRA80A01H501U",
    "RSSMRA80A01H50MM",
    "RSSMRA80A01H5LMX",
    "RSSMRA80A01HRLMS",
    "RSSMRA80A0MHRLMK",
    "RSSMRA80ALMHRLMV",
    "RSSMRA8LALMHRLMG",
    "RSSMRAULALMHRLMD",
  };
  static const guint positions[7] = { 14, 13, 12, 10, 9, 7, 6 };  /* 0-based */
  static const char letters[] = "LMNPQRSTUV";

  for (gsize i = 0; i < G_N_ELEMENTS (chain); i++)
    {
      check (sportello_validate_tax_code, chain[i], SPORTELLO_ID_OK, chain[i], NULL);
      g_assert_cmpint (reference_cf_check_char (chain[i]), ==, chain[i][15]);
    }

  /* Any combination of the seven positions decodes to the same date */
  for (guint mask = 0; mask < (1 << 7); mask++)
    {
      char code[17] = "RSSMRA80A01H501?";
      char expected[2];

      for (guint bit = 0; bit < 7; bit++)
        if ((mask & (1 << bit)) != 0)
          code[positions[bit]] = letters[code[positions[bit]] - '0'];

      code[15] = reference_cf_check_char (code);
      check (sportello_validate_tax_code, code, SPORTELLO_ID_OK, code, NULL);

      /* and a stale check character is still caught */
      expected[0] = code[15];
      expected[1] = '\0';
      code[15] = code[15] == 'A' ? 'B' : 'A';
      check (sportello_validate_tax_code, code, SPORTELLO_ID_INVALID, code, expected);
    }

  /* The date is decoded: day 32 hidden behind omocodia letters is caught (3 = P, 2 = N) */
  {
    char code[17] = "RSSMRA80APNH501?";

    code[15] = reference_cf_check_char (code);
    check (sportello_validate_tax_code, code, SPORTELLO_ID_INVALID, code, "32");
  }
}

static void
test_tax_code_female_days (void)
{
  check (sportello_validate_tax_code, "RSSMRA80A41H501Y", SPORTELLO_ID_OK, NULL, NULL);
  check (sportello_validate_tax_code, "RSSMRA80A71H501B", SPORTELLO_ID_OK, NULL, NULL);
  check (sportello_validate_tax_code, "RSSMRA80A40H501Z", SPORTELLO_ID_INVALID, NULL, "40");
  check (sportello_validate_tax_code, "RSSMRA80A72H501G", SPORTELLO_ID_INVALID, NULL, "72");
  check (sportello_validate_tax_code, "RSSMRA80A00H501V", SPORTELLO_ID_INVALID, NULL, "0");
  check (sportello_validate_tax_code, "RSSMRA80D31H501D", SPORTELLO_ID_INVALID, NULL, "April");

  /* Generated: every day of every month, both sexes */
  {
    static const char months[] = "ABCDEHLMPRST";
    static const guint month_days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    for (guint m = 0; m < 12; m++)
      for (guint day = 1; day <= 31; day++)
        for (guint female = 0; female <= 1; female++)
          {
            char code[17];

            g_snprintf (code, sizeof code, "RSSMRA80%c%02uH501?", months[m], day + 40 * female);
            code[15] = reference_cf_check_char (code);
            check (sportello_validate_tax_code, code,
                   day <= month_days[m] ? SPORTELLO_ID_OK : SPORTELLO_ID_INVALID, code, NULL);
          }
  }
}

static void
test_tax_code_leap_year (void)
{
  check (sportello_validate_tax_code, "RSSMRA04B29H501C", SPORTELLO_ID_OK, NULL, NULL);
  check (sportello_validate_tax_code, "RSSMRA01B29H501Z", SPORTELLO_ID_INVALID, NULL, "01");
  check (sportello_validate_tax_code, "RSSMRA04B69H501G", SPORTELLO_ID_OK, NULL, NULL);
  check (sportello_validate_tax_code, "RSSMRA01B69H501D", SPORTELLO_ID_INVALID, NULL, "29");
  check (sportello_validate_tax_code, "FOXDIA00B69F952I", SPORTELLO_ID_OK, NULL, NULL);

  for (guint year = 0; year < 100; year++)
    {
      char code[17];

      g_snprintf (code, sizeof code, "RSSMRA%02uB29H501?", year);
      code[15] = reference_cf_check_char (code);
      check (sportello_validate_tax_code, code,
             year % 4 == 0 ? SPORTELLO_ID_OK : SPORTELLO_ID_INVALID, code, NULL);
    }
}

/* Other identifiers */

static void
test_postal_code (void)
{
  check (sportello_validate_postal_code, "22074", SPORTELLO_ID_OK, "22074", NULL);
  check (sportello_validate_postal_code, "00118", SPORTELLO_ID_OK, "00118", NULL);
  check (sportello_validate_postal_code, " 22 074 ", SPORTELLO_ID_OK, "22074", NULL);
  check (sportello_validate_postal_code, "2207", SPORTELLO_ID_INVALID, "2207", "4");
  check (sportello_validate_postal_code, "220740", SPORTELLO_ID_INVALID, NULL, "6");
  check (sportello_validate_postal_code, "22O74", SPORTELLO_ID_INVALID, "22O74", "O");
  check (sportello_validate_postal_code, "22o74", SPORTELLO_ID_INVALID, "22O74", "O");
}

static void
test_province_valid (void)
{
  static const char * const codes[] = {
    "CO", "NO", "TO", "CE", "RM", "SS", "NU", "OR", "CA", "SU",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (codes); i++)
    check (sportello_validate_province, codes[i], SPORTELLO_ID_OK, codes[i], NULL);

  check (sportello_validate_province, "co", SPORTELLO_ID_OK, "CO", NULL);
  check (sportello_validate_province, " Co ", SPORTELLO_ID_OK, "CO", NULL);
  check (sportello_validate_province, "(CO)", SPORTELLO_ID_OK, "CO", NULL);
  check (sportello_validate_province, "C.O.", SPORTELLO_ID_OK, "CO", NULL);
}

static void
test_province_warning (void)
{
  check (sportello_validate_province, "XY", SPORTELLO_ID_WARNING, "XY", "XY");
  check (sportello_validate_province, "xy", SPORTELLO_ID_WARNING, "XY", "XY");
  check (sportello_validate_province, "OG", SPORTELLO_ID_WARNING, "OG", "Ogliastra");
  check (sportello_validate_province, "OT", SPORTELLO_ID_WARNING, "OT", "OT");
  check (sportello_validate_province, "CI", SPORTELLO_ID_WARNING, "CI", "CI");
  check (sportello_validate_province, "VS", SPORTELLO_ID_WARNING, "VS", "VS");
  check (sportello_validate_province, "EE", SPORTELLO_ID_WARNING, "EE", "EE");
}

static void
test_province_invalid (void)
{
  check (sportello_validate_province, "C", SPORTELLO_ID_INVALID, "C", "1");
  check (sportello_validate_province, "ROMA", SPORTELLO_ID_INVALID, "ROMA", "4");
  check (sportello_validate_province, "C1", SPORTELLO_ID_INVALID, "C1", "1");
  check (sportello_validate_province, "Cò", SPORTELLO_ID_INVALID, "Cò", "ò");
}

static void
test_province_list (void)
{
  const char * const *codes = sportello_province_codes ();
  guint n = 0;

  g_assert_nonnull (codes);

  for (; codes[n] != NULL; n++)
    {
      g_assert_cmpuint (strlen (codes[n]), ==, 2);
      g_assert_true (g_ascii_isupper (codes[n][0]) && g_ascii_isupper (codes[n][1]));
      if (n > 0)
        g_assert_cmpstr (codes[n - 1], <, codes[n]);  /* sorted, no duplicates */
      check (sportello_validate_province, codes[n], SPORTELLO_ID_OK, codes[n], NULL);
    }

  g_assert_cmpuint (n, ==, 107);
  g_assert_true (g_strv_contains ((const char * const *) codes, "SU"));
  g_assert_true (g_strv_contains ((const char * const *) codes, "MB"));
  g_assert_true (g_strv_contains ((const char * const *) codes, "BT"));
  g_assert_true (g_strv_contains ((const char * const *) codes, "FM"));
  g_assert_false (g_strv_contains ((const char * const *) codes, "OG"));
  g_assert_false (g_strv_contains ((const char * const *) codes, "EE"));
}

static void
test_sdi_code (void)
{
  check (sportello_validate_sdi_code, "0000000", SPORTELLO_ID_OK, "0000000", NULL);
  check (sportello_validate_sdi_code, "XXXXXXX", SPORTELLO_ID_OK, "XXXXXXX", NULL);
  check (sportello_validate_sdi_code, "ABC1234", SPORTELLO_ID_OK, "ABC1234", NULL);
  check (sportello_validate_sdi_code, "abc1234", SPORTELLO_ID_OK, "ABC1234", NULL);
  check (sportello_validate_sdi_code, " ABC 1234 ", SPORTELLO_ID_OK, "ABC1234", NULL);
  check (sportello_validate_sdi_code, "ABC123", SPORTELLO_ID_INVALID, "ABC123", "6");
  /* a public administration's 6-character office code is recognised as such */
  check (sportello_validate_sdi_code, "UFABCD", SPORTELLO_ID_INVALID, "UFABCD",
         "codice univoco ufficio");
  check (sportello_validate_sdi_code, "ABC12345", SPORTELLO_ID_INVALID, NULL, "8");
  check (sportello_validate_sdi_code, "AB", SPORTELLO_ID_INVALID, NULL, "2");
  check (sportello_validate_sdi_code, "ABC_234", SPORTELLO_ID_INVALID, NULL, "_");
}

static void
test_ateco (void)
{
  check (sportello_validate_ateco, "56.10.11", SPORTELLO_ID_OK, "56.10.11", NULL);
  check (sportello_validate_ateco, "56.1", SPORTELLO_ID_OK, "56.1", NULL);
  check (sportello_validate_ateco, "56", SPORTELLO_ID_OK, "56", NULL);
  check (sportello_validate_ateco, "56.11.0", SPORTELLO_ID_OK, "56.11.0", NULL);
  check (sportello_validate_ateco, " 56.10.11 ", SPORTELLO_ID_OK, "56.10.11", NULL);
  check (sportello_validate_ateco, "5610", SPORTELLO_ID_INVALID, "5610", "56.10.11");
  check (sportello_validate_ateco, "5", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_ateco, "56.", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_ateco, "56..10", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_ateco, "56.101", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_ateco, "56.10.11.1", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_ateco, "56,10", SPORTELLO_ID_INVALID, NULL, ",");
  check (sportello_validate_ateco, "I56.10.11", SPORTELLO_ID_INVALID, NULL, "I");
  check (sportello_validate_ateco, "i 56.10.11", SPORTELLO_ID_INVALID, "I56.10.11", "I");
}

static void
test_email (void)
{
  /* valid */
  check (sportello_validate_email, "info@rossi.it", SPORTELLO_ID_OK, "info@rossi.it", NULL);
  check (sportello_validate_email, "mario.rossi@pec.it", SPORTELLO_ID_OK, NULL, NULL);
  check (sportello_validate_email, "studio.bianchi@legalmail.it", SPORTELLO_ID_OK, NULL, NULL);
  check (sportello_validate_email, "a+b_c-d@mail.pec.provider.it", SPORTELLO_ID_OK, NULL, NULL);
  check (sportello_validate_email, "x@xn--mller-kva.de", SPORTELLO_ID_OK, NULL, NULL);
  check (sportello_validate_email, "  Mario.Rossi@PEC.IT \n", SPORTELLO_ID_OK,
         "Mario.Rossi@pec.it", NULL);

  /* warning: not every server takes UTF-8 addresses */
  check (sportello_validate_email, "müller@firma.de", SPORTELLO_ID_WARNING, NULL, NULL);
  check (sportello_validate_email, "info@caffè.it", SPORTELLO_ID_WARNING, "info@caffè.it", NULL);
  check (sportello_validate_email, "info@CAFFÈ.IT", SPORTELLO_ID_WARNING, "info@caffè.it", NULL);

  /* invalid */
  check (sportello_validate_email, "a@b", SPORTELLO_ID_INVALID, "a@b", "b");
  check (sportello_validate_email, "no-at-sign", SPORTELLO_ID_INVALID, "no-at-sign", NULL);
  check (sportello_validate_email, "a b@c.it", SPORTELLO_ID_INVALID, "a b@c.it", NULL);
  check (sportello_validate_email, "a@@b.it", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "a@b@c.it", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "@rossi.it", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "info@", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, ".info@rossi.it", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "info.@rossi.it", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "in..fo@rossi.it", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "info@rossi..it", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "info@.rossi.it", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "info@rossi.it.", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "info@-rossi.it", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "info@rossi-.it", SPORTELLO_ID_INVALID, NULL, NULL);
  check (sportello_validate_email, "info@rossi.i", SPORTELLO_ID_INVALID, NULL, "i");
  check (sportello_validate_email, "info@10.0.0.1", SPORTELLO_ID_INVALID, NULL, "1");
  check (sportello_validate_email, "info@rossi,it", SPORTELLO_ID_INVALID, NULL, ",");
  check (sportello_validate_email, "Mario Rossi <info@rossi.it>", SPORTELLO_ID_INVALID, NULL,
         NULL);
  check (sportello_validate_email, "a;b@rossi.it", SPORTELLO_ID_INVALID, NULL, ";");
  check (sportello_validate_email, "\"a\"@rossi.it", SPORTELLO_ID_INVALID, NULL, NULL);

  {
    g_autofree char *long_local = g_strnfill (65, 'a');
    g_autofree char *address = g_strconcat (long_local, "@rossi.it", NULL);

    check (sportello_validate_email, address, SPORTELLO_ID_INVALID, NULL, NULL);
  }
  {
    g_autofree char *long_label = g_strnfill (64, 'a');
    g_autofree char *address = g_strconcat ("info@", long_label, ".it", NULL);

    check (sportello_validate_email, address, SPORTELLO_ID_INVALID, NULL, NULL);
  }
}

/* All validators */

static const struct {
  const char *name;
  Validator validator;
} validators[] = {
  { "vat", sportello_validate_vat },
  { "tax-code", sportello_validate_tax_code },
  { "postal-code", sportello_validate_postal_code },
  { "province", sportello_validate_province },
  { "sdi-code", sportello_validate_sdi_code },
  { "ateco", sportello_validate_ateco },
  { "email", sportello_validate_email },
};

static void
test_empty (void)
{
  static const char * const empty_inputs[] = { NULL, "", " ", "\t\n ", "\u00a0", "\u200b" };

  for (gsize v = 0; v < G_N_ELEMENTS (validators); v++)
    for (gsize i = 0; i < G_N_ELEMENTS (empty_inputs); i++)
      check (validators[v].validator, empty_inputs[i], SPORTELLO_ID_OK, "", NULL);
}

static void
test_garbage (void)
{
  /* Nothing crashes, every result is valid UTF-8 (check() looks), messages exist */
  static const char * const inputs[] = {
    "\xff\xfe", "\xc3", "@", "@@", ".", "..", "-", "IT", "it", "\u200b@\u200b",
    "😀", "😀@😀.😀", "RSSMRA80A01H501😀", "0000000000😀", "(", ")", "()",
  };

  for (gsize v = 0; v < G_N_ELEMENTS (validators); v++)
    for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
      {
        g_autofree char *normalized = NULL;
        g_autofree char *message = NULL;
        SportelloIdVerdict verdict;

        verdict = validators[v].validator (inputs[i], &normalized, &message);
        g_assert_nonnull (normalized);
        g_assert_true (g_utf8_validate (normalized, -1, NULL));
        g_assert_true ((verdict == SPORTELLO_ID_OK) == (message == NULL));
        if (message != NULL)
          g_assert_true (g_utf8_validate (message, -1, NULL));
      }
}

/* The one normalization every way into the database takes: the stored
 * form of a valid identifier, an invalid one as typed */
static void
test_normalize_for_storage (void)
{
  static const struct { SportelloIdentifierKind kind; const char *typed; const char *stored; } cases[] = {
    { SPORTELLO_IDENTIFIER_VAT, "IT 00743110157", "00743110157" },
    { SPORTELLO_IDENTIFIER_VAT, "IT-007.431.101-57", "00743110157" },
    { SPORTELLO_IDENTIFIER_VAT, "P.IVA 00743110157", "P.IVA 00743110157" },   /* invalid: as typed */
    { SPORTELLO_IDENTIFIER_VAT, " 007 431 101 57 ", "00743110157" },
    { SPORTELLO_IDENTIFIER_VAT, "it00743110157", "00743110157" },
    { SPORTELLO_IDENTIFIER_VAT, "00743110158", "00743110158" },               /* wrong check digit */
    { SPORTELLO_IDENTIFIER_VAT, "", "" },
    { SPORTELLO_IDENTIFIER_VAT, NULL, "" },
    { SPORTELLO_IDENTIFIER_TAX_CODE, "rss mra 80a01 h501u", "RSSMRA80A01H501U" },
    { SPORTELLO_IDENTIFIER_TAX_CODE, "007.431.101-57", "00743110157" },
    { SPORTELLO_IDENTIFIER_POSTAL_CODE, "22 100", "22100" },
    { SPORTELLO_IDENTIFIER_PROVINCE, "co", "CO" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stored = sportello_identifier_normalize (cases[i].kind, cases[i].typed);

      g_assert_cmpstr (stored, ==, cases[i].stored);
    }

  g_assert_cmpint (sportello_identifier_kind_from_name ("vat"), ==, SPORTELLO_IDENTIFIER_VAT);
  g_assert_cmpint (sportello_identifier_kind_from_name ("tax_code"), ==, SPORTELLO_IDENTIFIER_TAX_CODE);
  g_assert_cmpint (sportello_identifier_kind_from_name ("nothing"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  /* No setlocale(): the program stays in the C locale, so the messages checked here are the
   * English msgids even when the test environment sets LANGUAGE=it. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/identifiers/vat/valid", test_vat_valid);
  g_test_add_func ("/store/identifiers/vat/invalid", test_vat_invalid);
  g_test_add_func ("/store/identifiers/vat/normalize", test_vat_normalize);
  g_test_add_func ("/store/identifiers/normalize-for-storage", test_normalize_for_storage);
  g_test_add_func ("/store/identifiers/vat/check-digit", test_vat_check_digit);
  g_test_add_func ("/store/identifiers/vat/generated", test_vat_generated);
  g_test_add_func ("/store/identifiers/tax-code/valid", test_tax_code_valid);
  g_test_add_func ("/store/identifiers/tax-code/invalid", test_tax_code_invalid);
  g_test_add_func ("/store/identifiers/tax-code/normalize", test_tax_code_normalize);
  g_test_add_func ("/store/identifiers/tax-code/omocodia", test_tax_code_omocodia);
  g_test_add_func ("/store/identifiers/tax-code/female-days", test_tax_code_female_days);
  g_test_add_func ("/store/identifiers/tax-code/leap-year", test_tax_code_leap_year);
  g_test_add_func ("/store/identifiers/postal-code", test_postal_code);
  g_test_add_func ("/store/identifiers/province/valid", test_province_valid);
  g_test_add_func ("/store/identifiers/province/warning", test_province_warning);
  g_test_add_func ("/store/identifiers/province/invalid", test_province_invalid);
  g_test_add_func ("/store/identifiers/province/list", test_province_list);
  g_test_add_func ("/store/identifiers/sdi-code", test_sdi_code);
  g_test_add_func ("/store/identifiers/ateco", test_ateco);
  g_test_add_func ("/store/identifiers/email", test_email);
  g_test_add_func ("/store/identifiers/empty", test_empty);
  g_test_add_func ("/store/identifiers/garbage", test_garbage);

  return g_test_run ();
}
