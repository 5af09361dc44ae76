/* sportello-document-print.h: an advice document on A4 paper, or as PDF
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-document.h"

G_BEGIN_DECLS

GtkPrintOperation *sportello_document_print_operation_new (SportelloDocument *document,
                                                           const char        *hub,
                                                           const char        *consultant);
gboolean           sportello_document_export_pdf          (SportelloDocument *document,
                                                           const char        *hub,
                                                           const char        *consultant,
                                                           const char        *filename,
                                                           GError           **error);
char              *sportello_document_link_color          (gboolean           dark);

G_END_DECLS
