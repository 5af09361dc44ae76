/* sportello-bundle-attachments.c: the files of the clients in a bundle
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An attachment travels as a record of the “attachments” array with its
 * bytes inline, “content” in standard base64, next to its “size” and
 * “sha256” (docs/bundle-format.md). The bundle is checked whole before
 * anything is written: base64 that is not canonical, a size or a SHA-256
 * that does not match what it decodes to, or a file over the limit a
 * bundle states, and the import is refused with the member's path. The
 * record itself is written by the generic code of sportello-bundle.c; its
 * bytes go to the content file here, inside the import's transaction.
 */

#define G_LOG_DOMAIN "sportello-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-attachment-private.h"
#include "sportello-bundle.h"
#include "sportello-bundle-private.h"

/**
 * _sportello_bundle_check_attachment:
 * @member: (out): the member the problem is about
 *
 * Returns: (nullable): what is wrong with an attachment of a bundle, or
 *   %NULL when its content is what its size and hash say
 */
char *
_sportello_bundle_check_attachment (const char  *content,
                                    const char  *sha256,
                                    gint64       size,
                                    const char **member)
{
  g_autofree guint8 *data = NULL;
  g_autofree char *actual = NULL;
  gsize length;

  *member = "size";
  if (size < 0)
    return g_strdup (_("a size is not negative"));
  if (size > SPORTELLO_ATTACHMENT_BUNDLE_MAX_FILE)
    {
      g_autofree char *limit = g_format_size (SPORTELLO_ATTACHMENT_BUNDLE_MAX_FILE);

      return g_strdup_printf (_("the file is larger than a bundle may carry (%s)"), limit);
    }

  *member = "sha256";
  if (sha256 == NULL)
    return NULL;   /* told already: not a string */
  if (!_sportello_attachment_is_sha256 (sha256))
    return g_strdup (_("expected a SHA-256 in 64 lower-case hexadecimal digits"));

  *member = "content";
  /* the length of the base64 tells the size before anything is decoded */
  if (strlen (content) != (gsize) ((size + 2) / 3 * 4))
    return g_strdup (_("the content is not as many bytes as the size says"));
  if (!(data = _sportello_attachment_decode_base64 (content, &length)))
    return g_strdup (_("the content is not valid base64"));
  if ((gint64) length != size)
    return g_strdup (_("the content is not as many bytes as the size says"));

  actual = _sportello_attachment_sha256 (data, length);
  if (!g_str_equal (actual, sha256))
    return g_strdup (_("the content does not match its SHA-256: the file was damaged or changed"));

  return NULL;
}

/* The bytes of an attachment being imported, to its content file (once) */
gboolean
_sportello_bundle_store_attachment (SportelloDatabase  *db,
                                    const char         *content,
                                    const char         *sha256,
                                    GError            **error)
{
  g_autofree guint8 *data = NULL;
  g_autofree char *actual = NULL;
  gsize length;

  /* checked when the bundle was read; checked again, as it costs little
   * next to writing the file */
  if (content == NULL || sha256 == NULL || !(data = _sportello_attachment_decode_base64 (content, &length)) ||
      !g_str_equal ((actual = _sportello_attachment_sha256 (data, length)), sha256))
    {
      g_set_error_literal (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                           _("An attachment of the bundle does not match its SHA-256"));
      return FALSE;
    }

  return _sportello_attachment_store_content (db, data, length, sha256, error);
}
