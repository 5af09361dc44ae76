/* sportello-certificate.h: attendance certificates, as Markdown pages
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"

G_BEGIN_DECLS

typedef struct
{
  char *registration_uuid;
  char *name;         /* the participant's */
  char *markdown;     /* the page, rendered from the template */
} SportelloCertificate;

const char      *sportello_certificate_builtin_template (void);
GPtrArray       *sportello_certificate_placeholders     (void);
char            *sportello_certificate_get_template     (SportelloDatabase  *db,
                                                         GError            **error);
gboolean         sportello_certificate_set_template     (SportelloDatabase  *db,
                                                         const char         *text,
                                                         GError            **error);
gboolean         sportello_certificate_check_template   (const char         *text,
                                                         GError            **error);
GPtrArray       *sportello_certificate_render           (SportelloDatabase  *db,
                                                         const char         *event_uuid,
                                                         const char         *template_text,
                                                         GError            **error);
char            *sportello_format_duration              (int                 minutes);
void             sportello_certificate_free             (SportelloCertificate *certificate);

G_END_DECLS
