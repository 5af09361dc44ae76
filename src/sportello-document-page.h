/* sportello-document-page.h: one advice document, written for a client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"
#include "sportello-document.h"
#include "sportello-record-page.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_DOCUMENT_PAGE (sportello_document_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloDocumentPage, sportello_document_page, SPORTELLO, DOCUMENT_PAGE, SportelloRecordPage)

SportelloDocumentPage *sportello_document_page_new          (SportelloContext      *context,
                                                             const char            *uuid,
                                                             GError               **error);
SportelloDocument     *sportello_document_page_get_document (SportelloDocumentPage *self);
GtkTextView           *sportello_document_page_get_view     (SportelloDocumentPage *self);
guint                  sportello_document_page_count_missing (SportelloDocumentPage *self);
gboolean               sportello_document_page_go_to_missing (SportelloDocumentPage *self);
gboolean               sportello_document_page_export_pdf   (SportelloDocumentPage *self,
                                                             GFile                 *file,
                                                             GError               **error);

G_END_DECLS
