/* sportello-identifiers-address.c: the postal code (CAP) and the province code of an address
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-identifiers"

#ifndef GETTEXT_PACKAGE
# include "config.h"
#endif

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "sportello-identifiers-private.h"


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
static SportelloIdVerdict
check_postal_code (const char  *value,
                   char       **why)
{
  gsize len;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isdigit (*p))
        {
          g_autofree char *c = _sportello_identifiers_char_at (p);

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
          g_autofree char *c = _sportello_identifiers_char_at (p);

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
  char *value = _sportello_identifiers_clean (input, CLEAN_SPACES | CLEAN_PUNCTUATION | CLEAN_UPPER);

  return _sportello_identifiers_check_and_report (value, check_postal_code, normalized, message);
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
  char *value = _sportello_identifiers_clean (input, flags);

  return _sportello_identifiers_check_and_report (value, check_province, normalized, message);
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
