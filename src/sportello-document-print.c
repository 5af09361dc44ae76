/* sportello-document-print.c: an advice document on A4 paper, or as PDF
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Markdown of the document is laid out with Pango block by block and
 * paginated line by line, so a long paragraph continues on the next page.
 * Every page has the hub, the consultant and the date at the top and
 * “Pagina N di M” at the bottom; margins are 20 mm on A4.
 */

#define G_LOG_DOMAIN "sportello-document-print"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-document-print.h"
#include "sportello-format.h"
#include "sportello-markdown.h"
#include "sportello-pdf.h"

#define MARGIN_MM      20.0
#define HEADER_HEIGHT  28.0   /* points, with the rule under it */
#define FOOTER_HEIGHT  22.0
#define INDENT         18.0   /* per list or quote level */
#define BLOCK_SPACING  6.0
#define BODY_FONT      "Sans 10"

typedef struct
{
  guint block;
  guint line;
} Position;

typedef struct
{
  char        *title;
  char        *consultant;
  char        *header_left;
  char        *header_right;
  GPtrArray   *blocks;      /* SportelloBlock */
  GPtrArray   *layouts;     /* PangoLayout, one per block, NULL for rules */
  GArray      *pages;       /* Position where each page starts */
  double       width;
  double       height;
  double       body_height;
  gboolean     tagged;      /* drawing a whole PDF, in order */
  guint        open_lists;  /* “L” elements open while tagging */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->title);
  g_free (job->consultant);
  g_free (job->header_left);
  g_free (job->header_right);
  g_clear_pointer (&job->blocks, g_ptr_array_unref);
  g_clear_pointer (&job->layouts, g_ptr_array_unref);
  g_clear_pointer (&job->pages, g_array_unref);
  g_free (job);
}

static double
block_indent (SportelloBlock *block)
{
  return block->kind == SPORTELLO_BLOCK_HEADING ? 0 : INDENT * block->level;
}

/* Room above a block, but never at the top of a page */
static double
space_before (SportelloBlock *block,
              gboolean        top_of_page)
{
  return block->kind == SPORTELLO_BLOCK_HEADING && !top_of_page ? 2 * BLOCK_SPACING : 0;
}

static PangoLayout *
layout_for (cairo_t        *cr,
            SportelloBlock *block,
            double          width)
{
  PangoLayout *layout = sportello_pdf_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (BODY_FONT);
  static const char * const heading_sizes[3] = { "x-large", "large", "medium" };
  /* the bullets are drawn in the indent */
  g_autofree char *markup = sportello_block_to_markup (block, heading_sizes, FALSE);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - block_indent (block)) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static double
line_height (PangoLayoutLine *line)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Lays the blocks out on pages of @width × @height points */
static void
job_paginate (Job     *job,
              cairo_t *cr,
              double   width,
              double   height)
{
  double y = 0;
  Position start = { 0, 0 };

  job->width = width;
  job->height = height;
  job->body_height = height - HEADER_HEIGHT - FOOTER_HEIGHT;
  g_clear_pointer (&job->layouts, g_ptr_array_unref);
  g_clear_pointer (&job->pages, g_array_unref);
  job->layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_object_unref);
  job->pages = g_array_new (FALSE, FALSE, sizeof (Position));
  g_array_append_val (job->pages, start);

  for (guint b = 0; b < job->blocks->len; b++)
    {
      SportelloBlock *block = g_ptr_array_index (job->blocks, b);
      PangoLayout *layout;

      if (block->kind == SPORTELLO_BLOCK_RULE)
        {
          g_ptr_array_add (job->layouts, NULL);
          if (y + 2 * BLOCK_SPACING > job->body_height)
            {
              Position next = { b, 0 };

              g_array_append_val (job->pages, next);
              y = 0;
            }
          y += 2 * BLOCK_SPACING;
          continue;
        }

      layout = layout_for (cr, block, width);
      g_ptr_array_add (job->layouts, layout);

      /* a heading does not stay alone at the bottom of a page */
      if (block->kind == SPORTELLO_BLOCK_HEADING && y > 0 && y + 4 * line_height (pango_layout_get_line_readonly (layout, 0)) > job->body_height)
        {
          Position next = { b, 0 };

          g_array_append_val (job->pages, next);
          y = 0;
        }
      y += space_before (block, y == 0);

      for (int l = 0; l < pango_layout_get_line_count (layout); l++)
        {
          double h = line_height (pango_layout_get_line_readonly (layout, l));

          if (y + h > job->body_height && y > 0)
            {
              Position next = { b, l };

              g_array_append_val (job->pages, next);
              y = 0;
            }
          y += h;
        }
      y += BLOCK_SPACING * (block->kind == SPORTELLO_BLOCK_HEADING ? 2 : 1);
    }
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  job_paginate (job, gtk_print_context_get_cairo_context (context),
                gtk_print_context_get_width (context),
                gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, job->pages->len);
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  const PangoAttribute *x = *(const PangoAttribute **) a;
  const PangoAttribute *y = *(const PangoAttribute **) b;

  return x->start_index < y->start_index ? -1 : x->start_index > y->start_index;
}

/* Where the links of @block are in its layout: the spans whose colour and
 * underline start and end together (sportello-markdown.c writes links so,
 * and nothing else), in order; NULL if they cannot be matched to targets */
static GPtrArray *
link_ranges (SportelloBlock *block,
             PangoLayout    *layout)
{
  PangoAttrList *list = pango_layout_get_attributes (layout);
  g_autoptr(GPtrArray) ranges = g_ptr_array_new_with_free_func ((GDestroyNotify) pango_attribute_destroy);
  GSList *attributes;

  if (block->links == NULL || list == NULL)
    return NULL;

  attributes = pango_attr_list_get_attributes (list);
  for (GSList *u = attributes; u != NULL; u = u->next)
    {
      PangoAttribute *underline = u->data;

      if (underline->klass->type != PANGO_ATTR_UNDERLINE)
        continue;
      for (GSList *f = attributes; f != NULL; f = f->next)
        {
          PangoAttribute *foreground = f->data;

          if (foreground->klass->type == PANGO_ATTR_FOREGROUND &&
              foreground->start_index == underline->start_index &&
              foreground->end_index == underline->end_index)
            {
              g_ptr_array_add (ranges, pango_attribute_copy (underline));
              break;
            }
        }
    }
  g_slist_free_full (attributes, (GDestroyNotify) pango_attribute_destroy);

  if (ranges->len != block->links->len)
    return NULL;
  g_ptr_array_sort (ranges, compare_start);
  return g_steal_pointer (&ranges);
}

/* Marks the parts of @line that are links, the line drawn at (@x, @top) */
static void
tag_links (cairo_t         *cr,
           SportelloBlock  *block,
           GPtrArray       *ranges,
           PangoLayoutLine *line,
           double           x,
           double           top,
           double           height)
{
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      PangoAttribute *range = g_ptr_array_index (ranges, i);
      int from = MAX ((int) range->start_index, line->start_index);
      int to = MIN ((int) range->end_index, line->start_index + line->length);
      int x_from, x_to;

      if (from >= to)
        continue;
      pango_layout_line_index_to_x (line, from, FALSE, &x_from);
      pango_layout_line_index_to_x (line, to, FALSE, &x_to);
      if (x_to < x_from)
        {
          int swap = x_from;

          x_from = x_to;
          x_to = swap;
        }
      sportello_pdf_link (cr, g_ptr_array_index (block->links, i),
                          x + (double) x_from / PANGO_SCALE, top,
                          (double) (x_to - x_from) / PANGO_SCALE, height);
    }
}

/* The list elements a block needs around it: open or close “L” until as
 * many are open as the item is deep */
static void
tag_lists (Job            *job,
           cairo_t        *cr,
           SportelloBlock *block)
{
  guint depth = block != NULL && block->kind == SPORTELLO_BLOCK_ITEM ? MAX (block->level, 1) : 0;

  for (; job->open_lists > depth; job->open_lists--)
    sportello_pdf_end (cr, "L");
  for (; job->open_lists < depth; job->open_lists++)
    sportello_pdf_begin (cr, "L");
}

static const char *
block_tag (SportelloBlock *block)
{
  switch (block->kind)
    {
    case SPORTELLO_BLOCK_HEADING: return sportello_pdf_heading_tag (block->level);
    case SPORTELLO_BLOCK_ITEM:    return "LBody";
    case SPORTELLO_BLOCK_CODE:    return "Code";
    case SPORTELLO_BLOCK_RULE:    return NULL;
    case SPORTELLO_BLOCK_PARAGRAPH:
    default:                      return "P";
    }
}

/* Draws page @page_nr with its top left corner at the origin. Tagged, the
 * pages must be drawn all and in order: a block split across two pages is
 * one element */
static void
job_draw_page (Job     *job,
               cairo_t *cr,
               int      page_nr)
{
  double width = job->width;
  double height = job->height;
  Position from = g_array_index (job->pages, Position, page_nr);
  Position to = (guint) page_nr + 1 < job->pages->len
    ? g_array_index (job->pages, Position, page_nr + 1)
    : (Position) { job->blocks->len, 0 };
  g_autofree char *footer = NULL;
  double y = HEADER_HEIGHT;

  /* header: hub and consultant, date; and a thin rule; the footer */
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  sportello_pdf_text (cr, NULL, job->header_left, "Sans 8", 0, 0, width * 0.7, PANGO_ALIGN_LEFT);
  sportello_pdf_text (cr, NULL, job->header_right, "Sans 8", width * 0.7, 0, width * 0.3, PANGO_ALIGN_RIGHT);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, HEADER_HEIGHT - 10);
  cairo_line_to (cr, width, HEADER_HEIGHT - 10);
  cairo_stroke (cr);

  /* Translators: the page number at the foot of a printed document */
  footer = g_strdup_printf (_("Page %d of %d"), page_nr + 1, (int) job->pages->len);
  sportello_pdf_text (cr, NULL, footer, "Sans 8", 0, height - FOOTER_HEIGHT + 8, width, PANGO_ALIGN_CENTER);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint b = from.block; b < job->blocks->len && b <= to.block; b++)
    {
      SportelloBlock *block = g_ptr_array_index (job->blocks, b);
      PangoLayout *layout = g_ptr_array_index (job->layouts, b);
      int first = b == from.block ? (int) from.line : 0;
      int n_lines = layout ? pango_layout_get_line_count (layout) : 1;
      int last = b == to.block ? (int) to.line : n_lines;
      double x = block_indent (block);
      const char *tag = job->tagged ? block_tag (block) : NULL;
      g_autoptr(GPtrArray) ranges = NULL;

      if (b == to.block && to.line == 0)
        break;

      if (layout == NULL)
        {
          if (job->tagged)
            tag_lists (job, cr, NULL);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, x, y + BLOCK_SPACING);
          cairo_line_to (cr, width, y + BLOCK_SPACING);
          cairo_stroke (cr);
          y += 2 * BLOCK_SPACING;
          continue;
        }

      if (first == 0)
        {
          y += space_before (block, y == HEADER_HEIGHT);
          if (tag != NULL)
            {
              tag_lists (job, cr, block);
              if (block->kind == SPORTELLO_BLOCK_ITEM)
                sportello_pdf_begin (cr, "LI");
            }
        }
      if (tag != NULL)
        {
          ranges = link_ranges (block, layout);
          sportello_pdf_begin (cr, tag);
        }
      for (int l = first; l < last; l++)
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (layout, l);
          PangoRectangle logical;

          pango_layout_line_get_extents (line, NULL, &logical);
          if (l == 0 && block->bullet != NULL)
            {
              g_autoptr(PangoLayout) bullet = sportello_pdf_create_layout (cr);
              g_autoptr(PangoFontDescription) font = pango_font_description_from_string (BODY_FONT);

              /* the label is the list item's, before its body */
              if (tag != NULL)
                {
                  sportello_pdf_end (cr, tag);
                  sportello_pdf_begin (cr, "Lbl");
                }
              pango_layout_set_font_description (bullet, font);
              pango_layout_set_text (bullet, block->bullet, -1);
              pango_layout_set_width (bullet, (int) ((INDENT - 4) * PANGO_SCALE));
              pango_layout_set_alignment (bullet, PANGO_ALIGN_RIGHT);
              cairo_move_to (cr, x - INDENT, y);
              pango_cairo_show_layout (cr, bullet);
              if (tag != NULL)
                {
                  sportello_pdf_end (cr, "Lbl");
                  sportello_pdf_begin (cr, tag);
                }
            }
          /* a line is drawn from its baseline */
          cairo_move_to (cr, x, y - (double) logical.y / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, line);
          if (tag != NULL)
            tag_links (cr, block, ranges, line, x, y, (double) logical.height / PANGO_SCALE);
          y += (double) logical.height / PANGO_SCALE;
        }
      if (tag != NULL)
        {
          sportello_pdf_end (cr, tag);
          if (last == n_lines && block->kind == SPORTELLO_BLOCK_ITEM)
            sportello_pdf_end (cr, "LI");
        }
      y += BLOCK_SPACING * (block->kind == SPORTELLO_BLOCK_HEADING ? 2 : 1);
    }
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Job               *job)
{
  job_draw_page (job, gtk_print_context_get_cairo_context (context), page_nr);
}

static Job *
job_new (SportelloDocument *document,
         const char        *hub,
         const char        *consultant)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *link_color = NULL;
  Job *job = g_new0 (Job, 1);

  job->title = g_strdup (sportello_document_get (document, SPORTELLO_DOCUMENT_TITLE));
  job->consultant = g_strdup (consultant);
  if (hub != NULL && *hub != '\0' && consultant != NULL && *consultant != '\0')
    /* Translators: the header of a printed document: hub, then consultant */
    job->header_left = g_strdup_printf (_("%s · %s"), hub, consultant);
  else
    job->header_left = g_strdup (hub != NULL && *hub != '\0' ? hub : consultant != NULL ? consultant : "");
  job->header_right = sportello_format_date_long (today);
  /* paper is white: the accent as it reads on a light background */
  link_color = sportello_document_link_color (FALSE);
  job->blocks = sportello_markdown_to_blocks_full (sportello_document_get (document, SPORTELLO_DOCUMENT_BODY),
                                                   link_color);
  return job;
}

/**
 * sportello_document_print_operation_new:
 * @hub: (nullable): the hub's name, for the header
 * @consultant: (nullable): the consultant's name, for the header
 *
 * Returns: (transfer full): an operation ready to run: A4, 20 mm margins
 */
GtkPrintOperation *
sportello_document_print_operation_new (SportelloDocument *document,
                                        const char        *hub,
                                        const char        *consultant)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Job *job = job_new (document, hub, consultant);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, sportello_document_get (document, SPORTELLO_DOCUMENT_TITLE));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "sportello-job", job, job_free);

  return operation;
}

/**
 * sportello_document_link_color:
 * @dark: whether the text sits on a dark background
 *
 * The colour of links in a document: the system's accent colour as text on
 * a light (paper, light style) or dark background, so the printed page and
 * the preview follow the accent the consultant chose.
 *
 * Returns: (transfer full): “#rrggbb”, as Pango markup reads it
 */
char *
sportello_document_link_color (gboolean dark)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkRGBA rgba;

  adw_accent_color_to_standalone_rgba (adw_style_manager_get_accent_color (manager), dark, &rgba);
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba.red, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (rgba.green, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (rgba.blue, 0, 1) * 255 + 0.5));
}

/**
 * sportello_document_export_pdf:
 * @filename: where the PDF goes; replaced, once complete, if it exists
 *
 * Writes the document as a tagged PDF on A4 with 20 mm margins, the same
 * pages that would be printed, titled after the document with the
 * consultant as its author.
 */
gboolean
sportello_document_export_pdf (SportelloDocument *document,
                               const char        *hub,
                               const char        *consultant,
                               const char        *filename,
                               GError           **error)
{
  g_autoptr(SportelloPdf) pdf = NULL;
  g_autofree char *subject = NULL;
  double margin = MARGIN_MM * 72 / 25.4;
  Job *job;
  cairo_t *cr;
  gboolean ok;

  pdf = sportello_pdf_new (filename, SPORTELLO_PDF_A4_WIDTH, SPORTELLO_PDF_A4_HEIGHT, error);
  if (pdf == NULL)
    return FALSE;

  job = job_new (document, hub, consultant);
  job->tagged = TRUE;
  if (hub != NULL && *hub != '\0')
    /* Translators: the subject in a PDF's properties; %s is the hub */
    subject = g_strdup_printf (_("Advice document from %s"), hub);
  else
    subject = g_strdup (_("Advice document"));
  sportello_pdf_set_info (pdf, job->title, consultant, subject);
  cr = sportello_pdf_get_cairo (pdf);
  job_paginate (job, cr, SPORTELLO_PDF_A4_WIDTH - 2 * margin, SPORTELLO_PDF_A4_HEIGHT - 2 * margin);
  for (guint page = 0; page < job->pages->len; page++)
    {
      if (page > 0)
        sportello_pdf_next_page (pdf);
      cairo_save (cr);
      cairo_translate (cr, margin, margin);
      job_draw_page (job, cr, (int) page);
      if (page + 1 == job->pages->len)
        tag_lists (job, cr, NULL);
      cairo_restore (cr);
    }
  job_free (job);

  ok = sportello_pdf_close (g_steal_pointer (&pdf), error);
  return ok;
}
