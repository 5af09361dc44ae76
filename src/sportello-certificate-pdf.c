/* sportello-certificate-pdf.c: attendance certificates as one PDF
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One A4 page for each certificate, drawn with cairo and Pango from the
 * same Markdown blocks as printed advice documents (sportello-markdown.c),
 * centred inside a thin double frame. No GTK here: the command line uses
 * it without a display. The file is written to a temporary name and
 * renamed once complete, so a failure leaves nothing behind and a file of
 * the same name as it was.
 */

#define G_LOG_DOMAIN "sportello-certificate"

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sportello-certificate-pdf.h"
#include "sportello-markdown.h"

#define A4_WIDTH   595.276   /* points */
#define A4_HEIGHT  841.890
#define MARGIN     85.0      /* 30 mm */
#define FRAME      34.0      /* 12 mm */
#define SPACING    14.0
#define BODY_FONT  "Serif 14"

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;
  gsize written;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, &written, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

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
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, layout);
        }
      y += block_height (block, layout);
    }
  cairo_restore (cr);
}

/* Closes a stream of g_file_replace() leaving the file it would replace
 * as it was, and no temporary file */
static void
discard (GOutputStream *stream)
{
  g_autoptr(GCancellable) cancel = g_cancellable_new ();

  g_cancellable_cancel (cancel);
  g_output_stream_close (stream, cancel, NULL);
}

/**
 * sportello_certificate_write_pdf:
 * @certificates: (element-type SportelloCertificate): at least one
 *
 * Writes one A4 page for each certificate to @path, atomically.
 */
gboolean
sportello_certificate_write_pdf (GPtrArray   *certificates,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  Sink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (certificates != NULL && certificates->len > 0, FALSE);

  /* g_file_replace() writes to a temporary name and renames on close */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, _("Cannot write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  sink.stream = G_OUTPUT_STREAM (stream);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Attendance certificates"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cr = cairo_create (surface);
  for (guint i = 0; i < certificates->len; i++)
    {
      SportelloCertificate *certificate = g_ptr_array_index (certificates, i);

      draw_page (cr, certificate->markdown);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || sink.error != NULL)
    {
      discard (G_OUTPUT_STREAM (stream));
      g_set_error (error, G_IO_ERROR, sink.error ? sink.error->code : G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path,
                   sink.error ? sink.error->message : cairo_status_to_string (status));
      g_clear_error (&sink.error);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code, _("Cannot write “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
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

  if (certificates == NULL)
    return FALSE;
  if (!sportello_certificate_write_pdf (certificates, path, error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = certificates->len;
  return TRUE;
}
