/* sportello-pdf.c: tagged PDF files with metadata
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every PDF Sportello writes goes through here: a cairo PDF surface with
 * Title, Author, Subject, Creator (“Sportello 0.2.0”) and the creation
 * date, whose content sits under a “Document” structure element, so that
 * the headings, paragraphs, lists and links the drawing code tags with
 * cairo's tag API (sportello_pdf_begin() and friends) make a tagged PDF
 * that screen readers and archives can read. The tag helpers are no-ops on
 * other surfaces, so the same drawing serves the printer and the screen.
 * Running headers and footers are not marked as artifacts: cairo 1.18
 * writes a damaged file for “Artifact” (qpdf --check finds it).
 *
 * A file is written through g_file_replace(): to a temporary name, renamed
 * when complete, so a failure leaves the file it would replace as it was.
 * No GTK here: the command line writes PDFs without a display.
 */

#define G_LOG_DOMAIN "sportello-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sportello-pdf.h"

struct _SportelloPdf
{
  char            *path;        /* NULL for a stream of the caller's */
  GFile           *file;
  GOutputStream   *stream;
  GError          *error;       /* the first failure writing */
  cairo_surface_t *surface;
  cairo_t         *cr;
};

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  SportelloPdf *pdf = closure;
  gsize written;

  if (pdf->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (pdf->stream, data, length, &written, NULL, &pdf->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static SportelloPdf *
pdf_new (GOutputStream *stream,
         double         width,
         double         height)
{
  SportelloPdf *pdf = g_new0 (SportelloPdf, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format_iso8601 (now);
  g_autofree char *creator = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);

  pdf->stream = stream;
  pdf->surface = cairo_pdf_surface_create_for_stream (write_cb, pdf, width, height);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, creator);
  /* cairo wants no fractions of a second */
  if (date != NULL && strchr (date, '.') != NULL)
    {
      g_autofree char *plain = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

      g_free (date);
      date = g_steal_pointer (&plain);
    }
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  pdf->cr = cairo_create (pdf->surface);
  cairo_tag_begin (pdf->cr, "Document", NULL);

  return pdf;
}

/**
 * sportello_pdf_new:
 * @path: where the PDF goes; replaced, once complete, if it exists
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Returns: (transfer full) (nullable): a PDF to draw on, or %NULL with
 *   @error set if @path cannot be written
 */
SportelloPdf *
sportello_pdf_new (const char  *path,
                   double       width,
                   double       height,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  SportelloPdf *pdf;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, _("Cannot write “%s”: %s"), path, local_error->message);
      return NULL;
    }

  pdf = pdf_new (G_OUTPUT_STREAM (g_steal_pointer (&stream)), width, height);
  pdf->path = g_strdup (path);
  pdf->file = g_steal_pointer (&file);
  return pdf;
}

/**
 * sportello_pdf_new_for_stream:
 *
 * Like sportello_pdf_new(), writing to @stream, which the caller closes.
 *
 * Returns: (transfer full): a PDF to draw on
 */
SportelloPdf *
sportello_pdf_new_for_stream (GOutputStream *stream,
                              double         width,
                              double         height)
{
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  return pdf_new (g_object_ref (stream), width, height);
}

static void
set_metadata (SportelloPdf        *pdf,
              cairo_pdf_metadata_t what,
              const char          *value)
{
  if (value != NULL && *value != '\0')
    cairo_pdf_surface_set_metadata (pdf->surface, what, value);
}

/**
 * sportello_pdf_set_info:
 * @title: (nullable): the document's title
 * @author: (nullable): who wrote it: the consultant
 * @subject: (nullable): what it is about
 *
 * The document information; empty values are left out.
 */
void
sportello_pdf_set_info (SportelloPdf *pdf,
                        const char   *title,
                        const char   *author,
                        const char   *subject)
{
  g_return_if_fail (pdf != NULL);

  set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, title);
  set_metadata (pdf, CAIRO_PDF_METADATA_AUTHOR, author);
  set_metadata (pdf, CAIRO_PDF_METADATA_SUBJECT, subject);
}

/**
 * sportello_pdf_get_cairo:
 *
 * Returns: (transfer none): the context to draw with; between pages,
 *   call sportello_pdf_next_page(), not cairo_show_page()
 */
cairo_t *
sportello_pdf_get_cairo (SportelloPdf *pdf)
{
  g_return_val_if_fail (pdf != NULL, NULL);

  return pdf->cr;
}

/**
 * sportello_pdf_next_page:
 *
 * Ends the page drawn so far and starts a new one. sportello_pdf_close()
 * ends the last page.
 */
void
sportello_pdf_next_page (SportelloPdf *pdf)
{
  g_return_if_fail (pdf != NULL);

  cairo_show_page (pdf->cr);
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

static void
pdf_destroy (SportelloPdf *pdf)
{
  g_clear_pointer (&pdf->cr, cairo_destroy);
  g_clear_pointer (&pdf->surface, cairo_surface_destroy);
  g_clear_object (&pdf->stream);
  g_clear_object (&pdf->file);
  g_clear_error (&pdf->error);
  g_free (pdf->path);
  g_free (pdf);
}

/**
 * sportello_pdf_close:
 * @pdf: (transfer full): the PDF, freed
 *
 * Ends the document and writes it out: the file appears under its name
 * only now, and only if all went well.
 */
gboolean
sportello_pdf_close (SportelloPdf  *pdf,
                     GError       **error)
{
  cairo_status_t status;
  g_autoptr(GError) local_error = NULL;
  const char *name;
  gboolean ok = TRUE;

  g_return_val_if_fail (pdf != NULL, FALSE);

  name = pdf->path != NULL ? pdf->path : "PDF";
  /* the root ends on the last page: ended after it, it makes one more */
  cairo_tag_end (pdf->cr, "Document");
  cairo_show_page (pdf->cr);
  status = cairo_status (pdf->cr);
  g_clear_pointer (&pdf->cr, cairo_destroy);
  cairo_surface_finish (pdf->surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf->surface);

  if (status != CAIRO_STATUS_SUCCESS || pdf->error != NULL)
    {
      if (pdf->file != NULL)
        discard (pdf->stream);
      g_set_error (error, G_IO_ERROR, pdf->error ? pdf->error->code : G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), name,
                   pdf->error ? pdf->error->message : cairo_status_to_string (status));
      ok = FALSE;
    }
  else if (pdf->file != NULL && !g_output_stream_close (pdf->stream, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code, _("Cannot write “%s”: %s"), name, local_error->message);
      ok = FALSE;
    }

  pdf_destroy (pdf);
  return ok;
}

/**
 * sportello_pdf_free:
 *
 * Abandons a PDF that was not closed: no file is left behind.
 */
void
sportello_pdf_free (SportelloPdf *pdf)
{
  if (pdf == NULL)
    return;
  if (pdf->file != NULL && pdf->stream != NULL && !g_output_stream_is_closed (pdf->stream))
    discard (pdf->stream);
  pdf_destroy (pdf);
}

/* ------------------------------------------------------- structure ---- */

static gboolean
is_pdf (cairo_t *cr)
{
  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;
}

/**
 * sportello_pdf_begin:
 * @tag: a structure element: “H1”…“H6”, “P”, “L”, “LI”, “Lbl”, “LBody”,
 *   “Table”, “TR”, “TH”, “TD”, “Figure”, “Sect”…
 *
 * Opens a structure element; what is drawn until sportello_pdf_end()
 * belongs to it.
 */
void
sportello_pdf_begin (cairo_t    *cr,
                     const char *tag)
{
  if (is_pdf (cr))
    cairo_tag_begin (cr, tag, NULL);
}

void
sportello_pdf_end (cairo_t    *cr,
                   const char *tag)
{
  if (is_pdf (cr))
    cairo_tag_end (cr, tag);
}

/**
 * sportello_pdf_heading_tag:
 *
 * Returns: “H1” to “H6”
 */
const char *
sportello_pdf_heading_tag (guint level)
{
  static const char * const tags[] = { "H1", "H2", "H3", "H4", "H5", "H6" };

  return tags[CLAMP (level, 1, 6) - 1];
}

/**
 * sportello_pdf_link:
 * @uri: where the link goes
 *
 * A link over the rectangle (in user space) where its text was drawn.
 */
void
sportello_pdf_link (cairo_t    *cr,
                    const char *uri,
                    double      x,
                    double      y,
                    double      width,
                    double      height)
{
  GString *attributes;

  if (!is_pdf (cr) || uri == NULL || *uri == '\0' || width <= 0 || height <= 0)
    return;

  attributes = g_string_new ("uri='");
  for (const char *c = uri; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *c);
    }
  /* cairo reads the numbers in the C locale */
  {
    char buf[4][G_ASCII_DTOSTR_BUF_SIZE];

    g_string_append_printf (attributes, "' rect=[%s %s %s %s]",
                            g_ascii_formatd (buf[0], sizeof buf[0], "%.2f", x),
                            g_ascii_formatd (buf[1], sizeof buf[1], "%.2f", y),
                            g_ascii_formatd (buf[2], sizeof buf[2], "%.2f", width),
                            g_ascii_formatd (buf[3], sizeof buf[3], "%.2f", height));
  }
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  g_string_free (attributes, TRUE);
}

/**
 * sportello_pdf_create_layout:
 *
 * A layout measured in points, as GtkPrintContext makes them (no hinted
 * metrics, 72 dpi), so that a page lays out the same on paper, in a PDF
 * and on screen.
 *
 * Returns: (transfer full): a layout for @cr
 */
PangoLayout *
sportello_pdf_create_layout (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoLayout *layout;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  layout = pango_layout_new (context);
  g_object_unref (context);

  return layout;
}

/**
 * sportello_pdf_text:
 * @tag: (nullable): the structure element the text is, if any
 * @font: a Pango font description, in points
 * @alignment: a #PangoAlignment
 *
 * A line of plain text, ellipsized to @width, with its top at @y.
 */
void
sportello_pdf_text (cairo_t    *cr,
                    const char *tag,
                    const char *text,
                    const char *font,
                    double      x,
                    double      y,
                    double      width,
                    int         alignment)
{
  g_autoptr(PangoLayout) layout = sportello_pdf_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, (PangoAlignment) alignment);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (tag != NULL)
    sportello_pdf_begin (cr, tag);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  if (tag != NULL)
    sportello_pdf_end (cr, tag);
}
