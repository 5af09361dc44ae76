/* sportello-identifiers-email.c: email and PEC addresses
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
          g_autofree char *shown = _sportello_identifiers_char_at (p);

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
      if (_sportello_identifiers_is_blank (g_utf8_get_char (p)))
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
          g_autofree char *shown = _sportello_identifiers_char_at (p);

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
  char *value = _sportello_identifiers_clean (input, CLEAN_TRIM);
  const char *at = strchr (value, '@');

  /* the domain in lower case, the local part as typed */
  if (at != NULL)
    {
      g_autofree char *local = g_strndup (value, at - value);
      g_autofree char *domain = g_utf8_strdown (at + 1, -1);

      g_free (value);
      value = g_strconcat (local, "@", domain, NULL);
    }

  return _sportello_identifiers_check_and_report (value, check_email, normalized, message);
}
