/* sportello-certificate-pdf.c: attendance certificates as one PDF
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One A4 page for each certificate, drawn with cairo and Pango from the
 * same Markdown blocks as printed advice documents (sportello-markdown.c),
 * centred inside a thin double frame. No GTK here: the command line uses
 * it without a display. The file is a tagged PDF with its metadata, written
 * atomically by sportello-pdf.c.
 */

#define G_LOG_DOMAIN "sportello-certificate"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sportello-certificate-pdf.h"
#include "sportello-markdown.h"
#include "sportello-pdf.h"
#include "sportello-event.h"

#define A4_WIDTH   SPORTELLO_PDF_A4_WIDTH
#define A4_HEIGHT  SPORTELLO_PDF_A4_HEIGHT
#define MARGIN     85.0      /* 30 mm */
#define FRAME      34.0      /* 12 mm */
#define SPACING    14.0
#define BODY_FONT  "Serif 14"

static PangoLayout *
layout_for (cairo_t        *cr,
            SportelloBlock *block,
            double          width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (BODY_FONT);
  static const char * const heading_sizes[3] = { "xx-large", "x-large", "large" };
  g_autofree char *markup = sportello_block_to_markup (block, heading_sizes, TRUE);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static void
unref_layout (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

static double
block_height (SportelloBlock *block,
              PangoLayout    *layout)
{
  int height;

  if (layout == NULL)
    return 3 * SPACING;
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE + SPACING * (block->kind == SPORTELLO_BLOCK_HEADING ? 1.5 : 1);
}

static void
draw_page (cairo_t    *cr,
           const char *markdown)
{
  g_autoptr(GPtrArray) blocks = sportello_markdown_to_blocks (markdown);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (unref_layout);
  double width = A4_WIDTH - 2 * MARGIN;
  double height = A4_HEIGHT - 2 * MARGIN;
  double total = 0;
  double scale = 1;
  double y;

  /* the frame */
  cairo_set_source_rgb (cr, 0.25, 0.32, 0.45);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, FRAME, FRAME, A4_WIDTH - 2 * FRAME, A4_HEIGHT - 2 * FRAME);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, FRAME + 6, FRAME + 6, A4_WIDTH - 2 * FRAME - 12, A4_HEIGHT - 2 * FRAME - 12);
  cairo_stroke (cr);

  for (guint i = 0; i < blocks->len; i++)
    {
      SportelloBlock *block = g_ptr_array_index (blocks, i);
      PangoLayout *layout = block->kind == SPORTELLO_BLOCK_RULE ? NULL : layout_for (cr, block, width);

      g_ptr_array_add (layouts, layout);
      total += block_height (block, layout);
    }

  /* one page, always: a long template is made smaller to fit */
  if (total > height)
    scale = height / total;
  cairo_save (cr);
  cairo_translate (cr, MARGIN, MARGIN + (height - total * scale) / 2.5);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, (width / scale - width) / 2, 0);

  y = 0;
  for (guint i = 0; i < blocks->len; i++)
    {
      SportelloBlock *block = g_ptr_array_index (blocks, i);
      PangoLayout *layout = g_ptr_array_index (layouts, i);

      if (layout == NULL)
        {
                  cairo_set_source_rgb (cr, 0.25, 0.32, 0.45);
          cairo_set_line_width (cr, 0.8);
          cairo_move_to (cr, width / 3, y + 1.5 * SPACING);
          cairo_line_to (cr, 2 * width / 3, y + 1.5 * SPACING);
          cairo_stroke (cr);
                }
      else
        {
          const char *tag = block->kind == SPORTELLO_BLOCK_HEADING ? sportello_pdf_heading_tag (block->level) : "P";

          sportello_pdf_begin (cr, tag);
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, layout);
          sportello_pdf_end (cr, tag);
        }
      y += block_height (block, layout);
    }
  cairo_restore (cr);
}

/**
 * sportello_certificate_write_pdf:
 * @certificates: (element-type SportelloCertificate): at least one
 * @title: (nullable): the event's title, for the PDF's subject
 * @author: (nullable): who signs: the consultant
 *
 * Writes one A4 page for each certificate to @path, atomically, as a
 * tagged PDF with its metadata.
 */
gboolean
sportello_certificate_write_pdf (GPtrArray   *certificates,
                                 const char  *title,
                                 const char  *author,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(SportelloPdf) pdf = NULL;
  g_autofree char *subject = NULL;
  cairo_t *cr;

  g_return_val_if_fail (certificates != NULL && certificates->len > 0, FALSE);

  pdf = sportello_pdf_new (path, SPORTELLO_PDF_A4_WIDTH, SPORTELLO_PDF_A4_HEIGHT, error);
  if (pdf == NULL)
    return FALSE;
  if (title != NULL && *title != '\0')
    /* Translators: the subject in the PDF's properties; %s is the event */
    subject = g_strdup_printf (_("Attendance at “%s”"), title);
  sportello_pdf_set_info (pdf, _("Attendance certificates"), author, subject);
  cr = sportello_pdf_get_cairo (pdf);
  for (guint i = 0; i < certificates->len; i++)
    {
      SportelloCertificate *certificate = g_ptr_array_index (certificates, i);

      if (i > 0)
        sportello_pdf_next_page (pdf);
      sportello_pdf_begin (cr, "Sect");
      draw_page (cr, certificate->markdown);
      sportello_pdf_end (cr, "Sect");
    }

  return sportello_pdf_close (g_steal_pointer (&pdf), error);
}

/**
 * sportello_certificate_export:
 * @n_pages: (out) (optional): how many certificates were written
 *
 * The certificates of everyone who attended the event, from the
 * database's template, as one PDF at @path. Nobody attended: an error
 * (%SPORTELLO_STORE_ERROR_INVALID) and no file.
 */
gboolean
sportello_certificate_export (SportelloDatabase  *db,
                              const char         *event_uuid,
                              const char         *path,
                              guint              *n_pages,
                              GError            **error)
{
  g_autoptr(GPtrArray) certificates = sportello_certificate_render (db, event_uuid, NULL, error);
  g_autoptr(SportelloEvent) event = NULL;

  if (certificates == NULL)
    return FALSE;
  event = sportello_event_load (db, event_uuid, NULL);
  if (!sportello_certificate_write_pdf (certificates,
                                        event ? sportello_event_get (event, SPORTELLO_EVENT_TITLE) : NULL,
                                        sportello_database_get_consultant (db), path, error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = certificates->len;
  return TRUE;
}
