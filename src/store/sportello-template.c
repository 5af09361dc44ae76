/* sportello-template.c: advice templates and their placeholders
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Placeholders are exactly {{namespace.key}} (or {{date}}). Rendering is one
 * pass over the template: values are inserted literally (Markdown escaped,
 * never scanned again, so a client called “{{x}}” or “*Rossi*” stays as
 * typed), list values become Markdown lists, a known placeholder with no
 * value shows «da completare: <label>», and an unknown one is an error with
 * its line.
 */

#define G_LOG_DOMAIN "sportello-template"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sportello-template.h"

#define BUILTIN_RESOURCE "/io/github/sportello/Sportello/templates/advice-templates.json"

typedef struct
{
  GPtrArray *templates;
  GPtrArray *placeholders;
  char      *header;
  char      *closing;
} Builtin;

static const char * const list_placeholders[] = {
  "assessment.blockers", "assessment.gaps", "assessment.areas", "followups.open",
  "call.documents", "call.expenses",
};

void
sportello_placeholder_free (gpointer data)
{
  SportelloPlaceholder *p = data;

  g_free (p->name);
  g_free (p->label);
  g_free (p);
}

static GPtrArray *
read_placeholders (JsonArray *array,
                   const char *name_key)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (sportello_placeholder_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      SportelloPlaceholder *p = g_new0 (SportelloPlaceholder, 1);

      p->name = g_strdup (json_object_get_string_member_with_default (o, name_key, ""));
      p->label = g_strdup (json_object_get_string_member_with_default (o, "label", ""));
      g_ptr_array_add (list, p);
    }

  return list;
}

static Builtin *
builtin (void)
{
  static Builtin *data;

  if (g_once_init_enter_pointer (&data))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (BUILTIN_RESOURCE, 0, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      Builtin *loaded = g_new0 (Builtin, 1);
      JsonObject *root;
      JsonArray *templates;

      g_assert (bytes != NULL);
      g_assert (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      root = json_node_get_object (json_parser_get_root (parser));

      loaded->placeholders = read_placeholders (json_object_get_array_member (root, "placeholders"), "name");
      loaded->header = g_strdup (json_object_get_string_member_with_default (root, "header", ""));
      loaded->closing = g_strdup (json_object_get_string_member_with_default (root, "closing", ""));
      loaded->templates = g_ptr_array_new ();

      templates = json_object_get_array_member (root, "templates");
      for (guint i = 0; i < json_array_get_length (templates); i++)
        {
          JsonObject *o = json_array_get_object_element (templates, i);
          SportelloTemplate *t = g_new0 (SportelloTemplate, 1);

          t->id = g_strdup (json_object_get_string_member_with_default (o, "id", ""));
          t->title = g_strdup (json_object_get_string_member_with_default (o, "title", ""));
          t->description = g_strdup (json_object_get_string_member_with_default (o, "description", ""));
          t->category = g_strdup (json_object_get_string_member_with_default (o, "category", ""));
          t->verified_on = g_strdup (json_object_get_string_member_with_default (o, "verified_on", ""));
          t->body = g_strdup (json_object_get_string_member_with_default (o, "body", ""));
          t->inputs = read_placeholders (json_object_get_array_member (o, "inputs"), "id");
          g_ptr_array_add (loaded->templates, t);
        }

      g_once_init_leave_pointer (&data, loaded);
    }

  return data;
}

const GPtrArray *
sportello_templates_builtin (void)
{
  return builtin ()->templates;
}

const SportelloTemplate *
sportello_templates_find (const char *id)
{
  const GPtrArray *templates = sportello_templates_builtin ();

  for (guint i = 0; i < templates->len; i++)
    if (g_strcmp0 (((SportelloTemplate *) g_ptr_array_index (templates, i))->id, id) == 0)
      return g_ptr_array_index (templates, i);

  return NULL;
}

/* The built-in templates are Italian content: their bodies stay Italian
 * whatever the language. Their titles and descriptions, which the lists
 * show, have English names here, the source language of the translations;
 * it.po gives back the Italian of the JSON (tests/test-templates.c checks
 * that the two agree). */
static const struct
{
  const char *id;
  const char *title;
  const char *description;
} builtin_names[] = {
  { "parere-piattaforma-ecommerce",
    N_("Choosing an E-Commerce Platform"),
    N_("When to use it: the client must choose where to open an online shop, or rethink a choice already made.") },
  { "avvio-marketplace",
    N_("Starting to Sell on Marketplaces"),
    N_("When to use it: the client wants to sell on Amazon, eBay, Etsy, Zalando or similar.") },
  { "gestionale-fatturazione",
    N_("Management Software and E-Invoicing"),
    N_("When to use it: the client handles orders, stock and invoices by hand or with tools that do not talk to each other.") },
  { "presenza-online-horeca",
    N_("Online Presence for Bars and Restaurants"),
    N_("When to use it: for bars, restaurants, pizzerias and pastry shops.") },
  { "sicurezza-base-micro",
    N_("Basic Cybersecurity for Micro-Enterprises"),
    N_("When to use it: for every micro-enterprise, even without e-commerce.") },
  { "orientamento-bandi",
    N_("Guidance on Grants for Digitalisation"),
    N_("When to use it: the client asks for funding for a digital project.") },
};

static int
builtin_name (const SportelloTemplate *template)
{
  const SportelloTemplate *builtin_template;

  if (template == NULL || (builtin_template = sportello_templates_find (template->id)) == NULL ||
      g_strcmp0 (builtin_template->title, template->title) != 0)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (builtin_names); i++)
    if (g_str_equal (builtin_names[i].id, template->id))
      return i;
  return -1;
}

/**
 * sportello_template_display_title:
 *
 * The title to show in the user's language: a built-in template's English
 * name through gettext (in Italian, the title of its text), a user's own
 * template its own title.
 */
const char *
sportello_template_display_title (const SportelloTemplate *template)
{
  int i = builtin_name (template);

  g_return_val_if_fail (template != NULL, NULL);

  return i >= 0 ? _(builtin_names[i].title) : template->title;
}

const char *
sportello_template_display_description (const SportelloTemplate *template)
{
  int i = builtin_name (template);

  g_return_val_if_fail (template != NULL, NULL);

  return i >= 0 ? _(builtin_names[i].description) : template->description;
}

const char *
sportello_templates_header (void)
{
  return builtin ()->header;
}

const char *
sportello_templates_closing (void)
{
  return builtin ()->closing;
}

const GPtrArray *
sportello_placeholders (void)
{
  return builtin ()->placeholders;
}

const char *
sportello_placeholder_label (const char *name)
{
  const GPtrArray *list = sportello_placeholders ();

  for (guint i = 0; i < list->len; i++)
    {
      SportelloPlaceholder *p = g_ptr_array_index (list, i);

      if (g_str_equal (p->name, name))
        return p->label;
    }

  return NULL;
}

gboolean
sportello_placeholder_is_list (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_placeholders); i++)
    if (g_str_equal (list_placeholders[i], name))
      return TRUE;

  return FALSE;
}

void
sportello_template_problem_free (SportelloTemplateProblem *problem)
{
  g_free (problem->name);
  g_free (problem);
}

/* Does an HTML entity such as “&amp;” or “&#39;” start at @p? */
static gboolean
starts_entity (const char *p)
{
  const char *q = p + 1;

  if (*q == '#')
    q++;
  if (!g_ascii_isalnum (*q))
    return FALSE;
  while (g_ascii_isalnum (*q))
    q++;
  return *q == ';';
}

/*
 * A backslash before what Markdown would read as syntax, and nowhere else:
 * the consultant edits the result, and “S\.r\.l\.” or “Sole \& Luna” in
 * the text would be noise.  Emphasis, code, links, HTML and braces (so a
 * value never becomes a placeholder) are escaped anywhere; headings, lists
 * and quotes only where the value starts, which may be a line's start.
 */
char *
sportello_markdown_escape (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text ? text : "";

  if (strchr ("#+->=", *p) != NULL && *p != '\0')
    g_string_append_c (out, '\\');
  else if (g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if ((*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\0'))
        {
          g_string_append_len (out, p, q - p);
          g_string_append_c (out, '\\');
          p = q;
        }
    }

  for (; *p; p++)
    {
      if (strchr ("\\`*_{}[]<>~", *p) != NULL || (*p == '&' && starts_entity (p)))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
label_for (const char *name,
           GPtrArray  *inputs)
{
  for (guint i = 0; inputs != NULL && i < inputs->len; i++)
    {
      SportelloPlaceholder *p = g_ptr_array_index (inputs, i);

      if (g_str_equal (p->name, name))
        return p->label;
    }

  return sportello_placeholder_label (name);
}

static gboolean
valid_name (const char *name)
{
  g_autoptr(GRegex) regex = g_regex_new ("^[a-z]+(\\.[a-z_]+)?$", 0, 0, NULL);

  return g_regex_match (regex, name, 0, NULL);
}

/**
 * sportello_template_render:
 * @inputs: (nullable): the template's own prompts (SportelloPlaceholder)
 * @values: (nullable): placeholder name → plain value; list placeholders
 *   take Markdown lists as they are
 * @problems: (out): unknown placeholders, with their line
 *
 * Returns the rendered Markdown, or %NULL when a placeholder is unknown.
 */
char *
sportello_template_render (const char  *text,
                           GPtrArray   *inputs,
                           GHashTable  *values,
                           GPtrArray  **problems)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_template_problem_free);
  guint line = 1;
  const char *p = text;

  while (*p)
    {
      const char *end;

      if (p[0] != '{' || p[1] != '{' || !(end = strstr (p + 2, "}}")) || memchr (p + 2, '\n', end - p - 2))
        {
          if (*p == '\n')
            line++;
          g_string_append_c (out, *p++);
          continue;
        }

      {
        g_autofree char *name = g_strstrip (g_strndup (p + 2, end - p - 2));
        const char *label = valid_name (name) ? label_for (name, inputs) : NULL;
        const char *value = values ? g_hash_table_lookup (values, name) : NULL;

        if (label == NULL)
          {
            SportelloTemplateProblem *problem = g_new0 (SportelloTemplateProblem, 1);

            problem->line = line;
            problem->name = g_strdup (name);
            g_ptr_array_add (found, problem);
          }
        else if (value == NULL || value[0] == '\0')
          /* Translators: the marker of a value still to be written, as in «da completare: partita IVA» */
          g_string_append_printf (out, _("«to complete: %s»"), label);
        else if (sportello_placeholder_is_list (name))
          {
            /* a list starts a block of its own */
            if (out->len > 0 && out->str[out->len - 1] != '\n')
              g_string_append (out, "\n\n");
            g_string_append (out, value);
          }
        else
          {
            g_autofree char *escaped = sportello_markdown_escape (value);

            g_string_append (out, escaped);
          }

        p = end + 2;
      }
    }

  if (problems != NULL)
    *problems = g_ptr_array_ref (found);

  if (found->len > 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The unknown placeholders of @text (an empty array when there is none) */
GPtrArray *
sportello_template_check (const char *text,
                          GPtrArray  *inputs)
{
  GPtrArray *problems = NULL;
  g_autofree char *rendered = sportello_template_render (text, inputs, NULL, &problems);

  return problems;
}
