/* sportello-pdf.h: tagged PDF files with metadata
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define SPORTELLO_PDF_A4_WIDTH  595.276   /* points */
#define SPORTELLO_PDF_A4_HEIGHT 841.890

typedef struct _SportelloPdf SportelloPdf;

SportelloPdf *sportello_pdf_new             (const char    *path,
                                             double         width,
                                             double         height,
                                             GError       **error);
SportelloPdf *sportello_pdf_new_for_stream  (GOutputStream *stream,
                                             double         width,
                                             double         height);
void          sportello_pdf_set_info        (SportelloPdf  *pdf,
                                             const char    *title,
                                             const char    *author,
                                             const char    *subject);
cairo_t      *sportello_pdf_get_cairo       (SportelloPdf  *pdf);
void          sportello_pdf_next_page       (SportelloPdf  *pdf);
gboolean      sportello_pdf_close           (SportelloPdf  *pdf,
                                             GError       **error);
void          sportello_pdf_free            (SportelloPdf  *pdf);

/* Structure: no-ops on a surface that is not PDF */
void          sportello_pdf_begin           (cairo_t       *cr,
                                             const char    *tag);
void          sportello_pdf_end             (cairo_t       *cr,
                                             const char    *tag);
const char   *sportello_pdf_heading_tag     (guint          level);
void          sportello_pdf_link            (cairo_t       *cr,
                                             const char    *uri,
                                             double         x,
                                             double         y,
                                             double         width,
                                             double         height);
PangoLayout  *sportello_pdf_create_layout   (cairo_t       *cr);
void          sportello_pdf_text            (cairo_t       *cr,
                                             const char    *tag,
                                             const char    *text,
                                             const char    *font,
                                             double         x,
                                             double         y,
                                             double         width,
                                             int            alignment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloPdf, sportello_pdf_free)

G_END_DECLS
