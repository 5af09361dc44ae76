/* sportello-template.h: advice templates and their placeholders
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;    /* “client.name”, “input.budget” */
  char *label;   /* what an empty one shows: «da completare: <label>» */
} SportelloPlaceholder;

typedef struct
{
  char      *id;
  char      *title;
  char      *description;
  char      *category;
  char      *verified_on;
  GPtrArray *inputs;       /* SportelloPlaceholder */
  char      *body;
} SportelloTemplate;

typedef struct
{
  guint  line;             /* 1-based */
  char  *name;
} SportelloTemplateProblem;

const GPtrArray   *sportello_templates_builtin        (void);
const SportelloTemplate *sportello_templates_find      (const char          *id);
const char        *sportello_template_display_title   (const SportelloTemplate *template);
const char        *sportello_template_display_description (const SportelloTemplate *template);
const char        *sportello_templates_header         (void);
const char        *sportello_templates_closing        (void);
const GPtrArray   *sportello_placeholders             (void);
const char        *sportello_placeholder_label        (const char          *name);
gboolean           sportello_placeholder_is_list      (const char          *name);

GPtrArray         *sportello_template_check           (const char          *text,
                                                       GPtrArray           *inputs);
char              *sportello_template_render          (const char          *text,
                                                       GPtrArray           *inputs,
                                                       GHashTable          *values,
                                                       GPtrArray          **problems);
char              *sportello_markdown_escape          (const char          *text);
void               sportello_template_problem_free    (SportelloTemplateProblem *problem);
void               sportello_placeholder_free         (gpointer             placeholder);

G_END_DECLS
