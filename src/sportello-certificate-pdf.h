/* sportello-certificate-pdf.h: attendance certificates as one PDF
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sportello-certificate.h"

G_BEGIN_DECLS

gboolean sportello_certificate_write_pdf (GPtrArray    *certificates,
                                          const char   *title,
                                          const char   *author,
                                          const char   *path,
                                          GError      **error);
gboolean sportello_certificate_export    (SportelloDatabase *db,
                                          const char   *event_uuid,
                                          const char   *path,
                                          guint        *n_pages,
                                          GError      **error);

G_END_DECLS
