/* sportello-crypt.h: bundles protected with a password (OpenPGP, through GPGME)
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SPORTELLO_CRYPT_ERROR (sportello_crypt_error_quark ())

typedef enum
{
  SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE,     /* protected, and no password was given */
  SPORTELLO_CRYPT_ERROR_WRONG_PASSPHRASE,     /* ask again */
  SPORTELLO_CRYPT_ERROR_NOT_FOR_PASSPHRASE,   /* encrypted for someone's key instead */
  SPORTELLO_CRYPT_ERROR_DAMAGED,              /* cut short, tampered with, not OpenPGP */
  SPORTELLO_CRYPT_ERROR_TOO_LARGE,            /* decrypts to more than the limit */
  SPORTELLO_CRYPT_ERROR_ENGINE,               /* GnuPG is missing or fails */
} SportelloCryptError;

GQuark         sportello_crypt_error_quark    (void);

gboolean       sportello_crypt_is_protected   (const guint8  *head,
                                               gsize          length);

GOutputStream *sportello_crypt_encrypt        (GOutputStream *ciphertext,
                                               const char    *passphrase,
                                               GError       **error);

GInputStream  *sportello_crypt_decrypt        (GInputStream  *ciphertext,
                                               const char    *passphrase,
                                               goffset        max_size,
                                               GError       **error);
goffset        sportello_crypt_get_bytes_read (GInputStream  *plaintext);
gboolean       sportello_crypt_finish         (GInputStream  *plaintext,
                                               GError       **error);

G_END_DECLS
