/* sportello-document.h: a piece of advice written for one client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"
#include "sportello-record.h"
#include "sportello-template.h"

G_BEGIN_DECLS

typedef enum
{
  SPORTELLO_DOCUMENT_UUID,
  SPORTELLO_DOCUMENT_CLIENT_UUID,
  SPORTELLO_DOCUMENT_TEMPLATE_ID,
  SPORTELLO_DOCUMENT_TITLE,
  SPORTELLO_DOCUMENT_BODY,             /* Markdown */
  SPORTELLO_DOCUMENT_STATUS,           /* “draft” or “sent” */
  SPORTELLO_DOCUMENT_SENT_ON,          /* YYYY-MM-DD or "" */
  SPORTELLO_DOCUMENT_CREATED_AT,
  SPORTELLO_DOCUMENT_UPDATED_AT,
  SPORTELLO_DOCUMENT_ORIGIN_CONSULTANT,
  SPORTELLO_DOCUMENT_ORIGIN_HUB,
  SPORTELLO_DOCUMENT_N_TEXT_FIELDS
} SportelloDocumentField;

#define SPORTELLO_TYPE_DOCUMENT (sportello_document_get_type ())

G_DECLARE_FINAL_TYPE (SportelloDocument, sportello_document, SPORTELLO, DOCUMENT, SportelloRecord)

const char        *sportello_document_get           (SportelloDocument  *self,
                                                     SportelloDocumentField field);
void               sportello_document_set           (SportelloDocument  *self,
                                                     SportelloDocumentField field,
                                                     const char         *value);
GHashTable        *sportello_document_values        (SportelloDatabase  *db,
                                                     const char         *client_uuid,
                                                     const char         *consultant_email,
                                                     GError            **error);
SportelloDocument *sportello_document_new_from_template (SportelloDatabase       *db,
                                                     const char              *client_uuid,
                                                     const SportelloTemplate *template,
                                                     const char              *consultant_email,
                                                     GError                 **error);
SportelloDocument *sportello_document_new_from_template_with_values (SportelloDatabase *db,
                                                     const char              *client_uuid,
                                                     const SportelloTemplate *template,
                                                     const char              *consultant_email,
                                                     GHashTable              *extra_values,
                                                     GError                 **error);
gboolean           sportello_document_save          (SportelloDocument  *self,
                                                     SportelloDatabase  *db,
                                                     GError            **error);
gboolean           sportello_document_save_body     (SportelloDatabase  *db,
                                                     const char         *uuid,
                                                     const char         *body,
                                                     GError            **error);
SportelloDocument *sportello_document_load          (SportelloDatabase  *db,
                                                     const char         *uuid,
                                                     GError            **error);
gboolean           sportello_document_delete        (SportelloDatabase  *db,
                                                     const char         *uuid,
                                                     GError            **error);
GListModel        *sportello_document_list          (SportelloDatabase  *db,
                                                     const char         *client_uuid,
                                                     GError            **error);

G_END_DECLS
