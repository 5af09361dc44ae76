/* sportello-markdown.c: Markdown as blocks of Pango markup, for printing
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * md4c parses (CommonMark with GitHub's tables, strikethrough and task
 * lists); this file only turns its callbacks into a flat list of blocks a
 * printer can lay out one after the other: headings, paragraphs, list items
 * with their bullet or number, code and rules.  Links keep their address
 * after the text, since paper cannot be clicked.
 */

#define G_LOG_DOMAIN "sportello-markdown"

#include "config.h"

#include <md4c.h>

#include "sportello-markdown.h"

typedef struct
{
  gboolean ordered;
  guint    next;
} List;

typedef struct
{
  GPtrArray      *blocks;
  GArray         *lists;        /* List */
  guint           quotes;
  SportelloBlock *current;
  gboolean        in_cell;
  GPtrArray      *hrefs;        /* char *, one per open link */
  const char     *link_color;
} Parser;

void
sportello_block_free (SportelloBlock *block)
{
  g_free (block->bullet);
  g_free (block->markup);
  g_clear_pointer (&block->links, g_ptr_array_unref);
  g_free (block);
}

static void
flush (Parser *p)
{
  if (p->current == NULL)
    return;

  /* an item keeps its bullet even when empty; blank paragraphs go */
  if (p->current->markup[0] != '\0' || p->current->bullet != NULL)
    g_ptr_array_add (p->blocks, p->current);
  else
    sportello_block_free (p->current);
  p->current = NULL;
}

static void
open_block (Parser             *p,
            SportelloBlockKind  kind,
            guint               level,
            char               *bullet)
{
  flush (p);
  p->current = g_new0 (SportelloBlock, 1);
  p->current->kind = kind;
  p->current->level = level;
  p->current->bullet = bullet;
  p->current->markup = g_strdup ("");
}

static void
append (Parser     *p,
        const char *markup)
{
  char *joined;

  if (p->current == NULL)
    open_block (p, SPORTELLO_BLOCK_PARAGRAPH, p->lists->len + p->quotes, NULL);

  joined = g_strconcat (p->current->markup, markup, NULL);
  g_free (p->current->markup);
  p->current->markup = joined;
}

static void
append_text (Parser     *p,
             const char *text,
             gsize       size)
{
  g_autofree char *escaped = g_markup_escape_text (text, size);

  append (p, escaped);
}

static int
enter_block (MD_BLOCKTYPE  type,
             void         *detail,
             void         *userdata)
{
  Parser *p = userdata;
  guint depth = p->lists->len + p->quotes;

  switch (type)
    {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      {
        List list = { type == MD_BLOCK_OL, type == MD_BLOCK_OL ? ((MD_BLOCK_OL_DETAIL *) detail)->start : 0 };

        flush (p);
        g_array_append_val (p->lists, list);
      }
      break;

    case MD_BLOCK_LI:
      {
        MD_BLOCK_LI_DETAIL *li = detail;
        List *list = &g_array_index (p->lists, List, p->lists->len - 1);
        char *bullet;

        if (li->is_task)
          bullet = g_strdup (li->task_mark == ' ' ? "☐" : "☑");
        else if (list->ordered)
          bullet = g_strdup_printf ("%u.", list->next++);
        else
          bullet = g_strdup (p->lists->len > 1 ? "◦" : "•");
        open_block (p, SPORTELLO_BLOCK_ITEM, depth, bullet);
      }
      break;

    case MD_BLOCK_P:
      /* the first paragraph of an item is the item's text */
      if (p->current != NULL && p->current->kind == SPORTELLO_BLOCK_ITEM && p->current->markup[0] == '\0')
        break;
      open_block (p, SPORTELLO_BLOCK_PARAGRAPH, depth, NULL);
      break;

    case MD_BLOCK_H:
      open_block (p, SPORTELLO_BLOCK_HEADING, ((MD_BLOCK_H_DETAIL *) detail)->level, NULL);
      break;

    case MD_BLOCK_CODE:
      open_block (p, SPORTELLO_BLOCK_CODE, depth, NULL);
      break;

    case MD_BLOCK_HTML:
      open_block (p, SPORTELLO_BLOCK_PARAGRAPH, depth, NULL);
      break;

    case MD_BLOCK_QUOTE:
      flush (p);
      p->quotes++;
      break;

    case MD_BLOCK_HR:
      open_block (p, SPORTELLO_BLOCK_RULE, depth, NULL);
      p->current->bullet = NULL;
      g_ptr_array_add (p->blocks, p->current);
      p->current = NULL;
      break;

    case MD_BLOCK_TR:
      open_block (p, SPORTELLO_BLOCK_PARAGRAPH, depth, NULL);
      p->in_cell = FALSE;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (p->in_cell)
        append (p, " · ");
      p->in_cell = TRUE;
      break;

    case MD_BLOCK_DOC:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    default:
      break;
    }

  return 0;
}

static int
leave_block (MD_BLOCKTYPE  type,
             void         *detail,
             void         *userdata)
{
  Parser *p = userdata;

  switch (type)
    {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      flush (p);
      g_array_set_size (p->lists, p->lists->len - 1);
      break;

    case MD_BLOCK_QUOTE:
      flush (p);
      p->quotes--;
      break;

    case MD_BLOCK_CODE:
      /* code ends with its last newline */
      if (p->current != NULL && g_str_has_suffix (p->current->markup, "\n"))
        p->current->markup[strlen (p->current->markup) - 1] = '\0';
      flush (p);
      break;

    case MD_BLOCK_P:
    case MD_BLOCK_H:
    case MD_BLOCK_LI:
    case MD_BLOCK_HTML:
    case MD_BLOCK_TR:
      flush (p);
      break;

    default:
      break;
    }

  return 0;
}

static int
enter_span (MD_SPANTYPE  type,
            void        *detail,
            void        *userdata)
{
  Parser *p = userdata;

  switch (type)
    {
    case MD_SPAN_EM:     append (p, "<i>"); break;
    case MD_SPAN_STRONG: append (p, "<b>"); break;
    case MD_SPAN_U:      append (p, "<u>"); break;
    case MD_SPAN_DEL:    append (p, "<s>"); break;
    case MD_SPAN_CODE:   append (p, "<tt>"); break;
    case MD_SPAN_A:
      {
        MD_SPAN_A_DETAIL *a = detail;

        g_autofree char *open = g_markup_printf_escaped ("<span foreground=\"%s\" underline=\"single\">",
                                                         p->link_color);

        g_ptr_array_add (p->hrefs, g_strndup (a->href.text, a->href.size));
        append (p, open);
      }
      break;
    case MD_SPAN_IMG:
    default:
      break;
    }

  return 0;
}

static int
leave_span (MD_SPANTYPE  type,
            void        *detail,
            void        *userdata)
{
  Parser *p = userdata;

  switch (type)
    {
    case MD_SPAN_EM:     append (p, "</i>"); break;
    case MD_SPAN_STRONG: append (p, "</b>"); break;
    case MD_SPAN_U:      append (p, "</u>"); break;
    case MD_SPAN_DEL:    append (p, "</s>"); break;
    case MD_SPAN_CODE:   append (p, "</tt>"); break;
    case MD_SPAN_A:
      {
        g_autofree char *href = g_ptr_array_steal_index (p->hrefs, p->hrefs->len - 1);
        g_autofree char *escaped = NULL;
        const char *shown = href;
        gboolean repeated;

        /* “mailto:x@y” reads as “x@y”; an address that is the text is not
         * repeated (checked before the span closes, or it never matches) */
        if (g_str_has_prefix (shown, "mailto:"))
          shown = href + strlen ("mailto:");
        escaped = g_markup_escape_text (shown, -1);
        repeated = g_str_has_suffix (p->current->markup, escaped);
        append (p, "</span>");
        /* the text just closed is the link's: printing finds it again as
         * the span whose colour and underline start and end together */
        if (p->current->links == NULL)
          p->current->links = g_ptr_array_new_with_free_func (g_free);
        g_ptr_array_add (p->current->links, g_strdup (href));
        if (*shown != '\0' && !repeated)
          {
            g_autofree char *after = g_strdup_printf (" (%s)", escaped);

            append (p, after);
          }
      }
      break;
    case MD_SPAN_IMG:
    default:
      break;
    }

  return 0;
}

static int
text (MD_TEXTTYPE    type,
      const MD_CHAR *chars,
      MD_SIZE        size,
      void          *userdata)
{
  Parser *p = userdata;

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      append (p, "\xEF\xBF\xBD");
      break;

    case MD_TEXT_BR:
      append (p, "\n");
      break;

    case MD_TEXT_SOFTBR:
      append (p, " ");
      break;

    case MD_TEXT_ENTITY:
      {
        /* numeric and XML entities mean what they say; others stay as typed */
        g_autofree char *entity = g_strndup (chars, size);
        const char *named[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" };
        gboolean known = entity[1] == '#';

        for (guint i = 0; i < G_N_ELEMENTS (named) && !known; i++)
          known = g_str_equal (entity, named[i]);
        if (known)
          {
            g_autofree char *valid = NULL;
            gunichar c = 0;

            if (entity[1] == '#')
              {
                c = (entity[2] == 'x' || entity[2] == 'X')
                  ? (gunichar) g_ascii_strtoull (entity + 3, NULL, 16)
                  : (gunichar) g_ascii_strtoull (entity + 2, NULL, 10);
                if (!g_unichar_validate (c) || c == 0)
                  c = 0xFFFD;
                valid = g_ucs4_to_utf8 (&c, 1, NULL, NULL, NULL);
                append_text (p, valid, -1);
              }
            else
              append (p, entity);
          }
        else
          append_text (p, chars, size);
      }
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      append_text (p, chars, size);
      break;
    }

  return 0;
}

/**
 * sportello_markdown_to_blocks:
 * @markdown: CommonMark text
 *
 * Like sportello_markdown_to_blocks_full() with links in
 * %SPORTELLO_MARKDOWN_LINK_COLOR.
 *
 * Returns: (transfer full) (element-type SportelloBlock): the blocks, in order
 */
GPtrArray *
sportello_markdown_to_blocks (const char *markdown)
{
  return sportello_markdown_to_blocks_full (markdown, NULL);
}

/**
 * sportello_markdown_to_blocks_full:
 * @markdown: CommonMark text
 * @link_color: (nullable): the colour of link text, as Pango reads it
 *   (“#rrggbb”), or %NULL for %SPORTELLO_MARKDOWN_LINK_COLOR
 *
 * Returns: (transfer full) (element-type SportelloBlock): the blocks, in order
 */
GPtrArray *
sportello_markdown_to_blocks_full (const char *markdown,
                                   const char *link_color)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS |
             MD_FLAG_NOHTML,
    .enter_block = enter_block,
    .leave_block = leave_block,
    .enter_span = enter_span,
    .leave_span = leave_span,
    .text = text,
  };
  Parser p = { 0 };

  p.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_block_free);
  p.lists = g_array_new (FALSE, FALSE, sizeof (List));
  p.hrefs = g_ptr_array_new_with_free_func (g_free);
  p.link_color = link_color != NULL ? link_color : SPORTELLO_MARKDOWN_LINK_COLOR;

  md_parse (markdown ? markdown : "", markdown ? strlen (markdown) : 0, &parser, &p);
  flush (&p);

  g_array_unref (p.lists);
  g_ptr_array_unref (p.hrefs);

  return p.blocks;
}

/**
 * sportello_block_to_markup:
 * @heading_sizes: the Pango sizes of headings of level 1, 2, and 3 or more
 * @with_bullet: whether a list item starts with its bullet (else the
 *   bullet is drawn apart)
 *
 * The markup that lays @block out: headings bold in their size, code in
 * monospace, the rest as it is.
 *
 * Returns: (transfer full): Pango markup
 */
char *
sportello_block_to_markup (SportelloBlock     *block,
                           const char * const  heading_sizes[3],
                           gboolean            with_bullet)
{
  switch (block->kind)
    {
    case SPORTELLO_BLOCK_HEADING:
      return g_strdup_printf ("<span weight=\"bold\" size=\"%s\">%s</span>",
                              block->level == 1 ? heading_sizes[0] : block->level == 2 ? heading_sizes[1] : heading_sizes[2],
                              block->markup);
    case SPORTELLO_BLOCK_ITEM:
      if (with_bullet)
        return g_strdup_printf ("%s %s", block->bullet ? block->bullet : "•", block->markup);
      return g_strdup (block->markup);
    case SPORTELLO_BLOCK_CODE:
      return g_strdup_printf ("<tt>%s</tt>", block->markup);
    default:
      return g_strdup (block->markup);
    }
}
