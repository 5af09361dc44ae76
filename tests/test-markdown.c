/* test-markdown.c: Markdown to printable blocks
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pango.h>

#include "sportello-markdown.h"

#define BLOCK(blocks, i) ((SportelloBlock *) g_ptr_array_index (blocks, i))

static void
test_structure (void)
{
  g_autoptr(GPtrArray) blocks = sportello_markdown_to_blocks (
    "# Parere\n"
    "\n"
    "Testo con **grassetto**, *corsivo* e un [link](https://example.org).\n"
    "\n"
    "- primo\n"
    "- secondo\n"
    "  - interno\n"
    "\n"
    "3. tre\n"
    "4. quattro\n"
    "\n"
    "---\n"
    "\n"
    "- [ ] da fare\n"
    "- [x] fatto\n");

  g_assert_cmpuint (blocks->len, ==, 10);

  g_assert_cmpint (BLOCK (blocks, 0)->kind, ==, SPORTELLO_BLOCK_HEADING);
  g_assert_cmpuint (BLOCK (blocks, 0)->level, ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==, "Parere");

  g_assert_cmpint (BLOCK (blocks, 1)->kind, ==, SPORTELLO_BLOCK_PARAGRAPH);
  g_assert_cmpstr (BLOCK (blocks, 1)->markup, ==,
                   "Testo con <b>grassetto</b>, <i>corsivo</i> e un "
                   "<span foreground=\"#1a5fb4\" underline=\"single\">link</span> (https://example.org).");

  /* an address written as itself is not repeated after it */
  {
    g_autoptr(GPtrArray) autolinks = sportello_markdown_to_blocks ("Su https://meet.example.it/x e <anna@example.it>\n");

    g_assert_cmpstr (BLOCK (autolinks, 0)->markup, ==,
                     "Su <span foreground=\"#1a5fb4\" underline=\"single\">https://meet.example.it/x</span> e "
                     "<span foreground=\"#1a5fb4\" underline=\"single\">anna@example.it</span>");
  }

  g_assert_cmpint (BLOCK (blocks, 2)->kind, ==, SPORTELLO_BLOCK_ITEM);
  g_assert_cmpstr (BLOCK (blocks, 2)->bullet, ==, "•");
  g_assert_cmpstr (BLOCK (blocks, 2)->markup, ==, "primo");
  g_assert_cmpuint (BLOCK (blocks, 2)->level, ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 3)->markup, ==, "secondo");
  g_assert_cmpstr (BLOCK (blocks, 4)->bullet, ==, "◦");
  g_assert_cmpuint (BLOCK (blocks, 4)->level, ==, 2);
  g_assert_cmpstr (BLOCK (blocks, 4)->markup, ==, "interno");

  /* an ordered list keeps its numbers */
  g_assert_cmpstr (BLOCK (blocks, 5)->bullet, ==, "3.");
  g_assert_cmpstr (BLOCK (blocks, 6)->bullet, ==, "4.");

  g_assert_cmpint (BLOCK (blocks, 7)->kind, ==, SPORTELLO_BLOCK_RULE);

  g_assert_cmpstr (BLOCK (blocks, 8)->bullet, ==, "☐");
  g_assert_cmpstr (BLOCK (blocks, 9)->bullet, ==, "☑");
  g_assert_cmpstr (BLOCK (blocks, 9)->markup, ==, "fatto");
}

static void
test_literal_text (void)
{
  /* what the template renderer escapes comes out as the client typed it */
  g_autoptr(GPtrArray) blocks = sportello_markdown_to_blocks (
    "Cliente: \\{\\{x\\}\\} \\*Rossi\\* \\<b\\>Bar\\</b\\> Sole & Luna, Rossi \\&amp; figli, <i>html</i> &egrave; &#233;\n");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==,
                   "Cliente: {{x}} *Rossi* &lt;b&gt;Bar&lt;/b&gt; Sole &amp; Luna, Rossi &amp;amp; figli, "
                   "&lt;i&gt;html&lt;/i&gt; &amp;egrave; é");

  /* every block is markup Pango accepts */
  g_assert_true (pango_parse_markup (BLOCK (blocks, 0)->markup, -1, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_numbered_sections (void)
{
  /* the templates' “1. **Titolo** — testo” sections, separated by blank lines */
  g_autoptr(GPtrArray) blocks = sportello_markdown_to_blocks ("1. **Uno** — a\n\n2. **Due** — b\n");

  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpstr (BLOCK (blocks, 0)->bullet, ==, "1.");
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==, "<b>Uno</b> — a");
  g_assert_cmpstr (BLOCK (blocks, 1)->bullet, ==, "2.");
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) blocks = sportello_markdown_to_blocks ("");
  g_autoptr(GPtrArray) none = sportello_markdown_to_blocks (NULL);

  g_assert_cmpuint (blocks->len, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_link_color (void)
{
  g_autoptr(GPtrArray) blocks = sportello_markdown_to_blocks_full ("un [link](https://example.org)", "#c061cb");

  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==,
                   "un <span foreground=\"#c061cb\" underline=\"single\">link</span> (https://example.org)");
  g_assert_true (pango_parse_markup (BLOCK (blocks, 0)->markup, -1, 0, NULL, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/structure", test_structure);
  g_test_add_func ("/markdown/literal-text", test_literal_text);
  g_test_add_func ("/markdown/numbered-sections", test_numbered_sections);
  g_test_add_func ("/markdown/empty", test_empty);
  g_test_add_func ("/markdown/link-color", test_link_color);

  return g_test_run ();
}
