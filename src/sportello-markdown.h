/* sportello-markdown.h: Markdown as blocks of Pango markup, for printing
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SPORTELLO_BLOCK_PARAGRAPH,
  SPORTELLO_BLOCK_HEADING,
  SPORTELLO_BLOCK_ITEM,
  SPORTELLO_BLOCK_CODE,
  SPORTELLO_BLOCK_RULE,
} SportelloBlockKind;

typedef struct
{
  SportelloBlockKind kind;
  guint              level;    /* heading level; for the rest, how deep in lists and quotes */
  char              *bullet;   /* “•”, “3.”, “☐” for items, else NULL */
  char              *markup;   /* Pango markup */
  GPtrArray         *links;    /* char *: the targets of its links, in order, or NULL */
} SportelloBlock;

/* links when no colour is given: the light standalone blue of the GNOME palette */
#define SPORTELLO_MARKDOWN_LINK_COLOR "#1a5fb4"

GPtrArray *sportello_markdown_to_blocks      (const char     *markdown);
GPtrArray *sportello_markdown_to_blocks_full (const char     *markdown,
                                              const char     *link_color);
void       sportello_block_free              (SportelloBlock *block);
char      *sportello_block_to_markup         (SportelloBlock     *block,
                                              const char * const  heading_sizes[3],
                                              gboolean            with_bullet);

G_END_DECLS
