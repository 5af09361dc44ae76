/* sportello-identifiers.h: validation of Italian identifiers
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SPORTELLO_ID_OK = 0,        /* valid */
  SPORTELLO_ID_WARNING,       /* acceptable but worth a look (unknown province code,
                               * empty optional field...) */
  SPORTELLO_ID_INVALID        /* fails a rule; the message says which */
} SportelloIdVerdict;

/* Each validator: @input may be NULL or empty, and need not be valid UTF-8.
 *
 * Returns the verdict. If @normalized is not NULL it receives a newly allocated normalized
 * form (trimmed, spaces/dots/hyphens removed, upper-cased, IT prefix stripped for P.IVA),
 * even when the input is invalid, so the UI can show it. If @message is not NULL it receives
 * a newly allocated, translated explanation of the rule that failed when the verdict is not
 * SPORTELLO_ID_OK, and NULL when it is.
 *
 * Empty input (NULL, "" or only blanks): every validator returns SPORTELLO_ID_OK with
 * normalized = "" (whether a missing value matters is the caller's decision).
 */
SportelloIdVerdict  sportello_validate_vat          (const char  *input,
                                                     char       **normalized,
                                                     char       **message);
SportelloIdVerdict  sportello_validate_tax_code     (const char  *input,
                                                     char       **normalized,
                                                     char       **message);
SportelloIdVerdict  sportello_validate_postal_code  (const char  *input,
                                                     char       **normalized,
                                                     char       **message);
SportelloIdVerdict  sportello_validate_province     (const char  *input,
                                                     char       **normalized,
                                                     char       **message);
SportelloIdVerdict  sportello_validate_sdi_code     (const char  *input,
                                                     char       **normalized,
                                                     char       **message);
SportelloIdVerdict  sportello_validate_ateco        (const char  *input,
                                                     char       **normalized,
                                                     char       **message);
SportelloIdVerdict  sportello_validate_email        (const char  *input,
                                                     char       **normalized,
                                                     char       **message);

typedef enum {
  SPORTELLO_IDENTIFIER_VAT,           /* partita IVA */
  SPORTELLO_IDENTIFIER_TAX_CODE,      /* codice fiscale */
  SPORTELLO_IDENTIFIER_POSTAL_CODE,
  SPORTELLO_IDENTIFIER_PROVINCE,
  SPORTELLO_IDENTIFIER_SDI_CODE,
  SPORTELLO_IDENTIFIER_ATECO,
  SPORTELLO_IDENTIFIER_EMAIL,
  SPORTELLO_N_IDENTIFIERS
} SportelloIdentifierKind;

/* The form an identifier is stored in, whichever way it enters (the
 * editor, a bundle, the command line, a CSV file): its normalized form when
 * it passes its rule or only deserves a warning (“IT 007.431-101 57” →
 * “00743110157”), otherwise @input unchanged, for the checks to refuse.
 * Newly allocated; never NULL. */
char               *sportello_identifier_normalize  (SportelloIdentifierKind  kind,
                                                     const char              *input);
/* “vat”, “tax_code”… for SQL; -1 when unknown */
int                 sportello_identifier_kind_from_name (const char          *name);
SportelloIdVerdict  sportello_identifier_validate   (SportelloIdentifierKind  kind,
                                                     const char              *input,
                                                     char                   **normalized,
                                                     char                   **message);

guint               sportello_vat_check_digit       (const char  *first10);
const char * const *sportello_province_codes        (void);

G_END_DECLS
