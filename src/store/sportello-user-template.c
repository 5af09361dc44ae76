/* sportello-user-template.c: the consultant's own advice templates
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built-in templates are read-only data; a consultant who wants another
 * wording duplicates one (or starts from nothing) and the copy lives in the
 * database, with a UUID for its id.  A user template has no inputs of its
 * own: what is not a known placeholder is written in by hand.
 */

#define G_LOG_DOMAIN "sportello-user-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-database-private.h"
#include "sportello-user-template.h"
#include "sportello-user-template-private.h"

/* What the list of columns (sportello-user-template-private.h) gives:
 * the SELECT of a template, the row's id first, and the upsert, which
 * keeps the template's identity, creation and origin */
#define SELECT_COLUMN(name) ", " name
#define VALUE(name)         ", ?"
#define UPDATE(name)        ", " name " = excluded." name

#define TEMPLATE_SELECT \
  "SELECT id" SPORTELLO_USER_TEMPLATE_COLUMNS (SELECT_COLUMN) " FROM user_templates "

#define TEMPLATE_UPSERT \
  "INSERT INTO user_templates (id" SPORTELLO_USER_TEMPLATE_COLUMNS (SELECT_COLUMN) ") " \
  "VALUES (NULL" SPORTELLO_USER_TEMPLATE_COLUMNS (VALUE) ") " \
  "ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at" \
  SPORTELLO_USER_TEMPLATE_OWN_COLUMNS (UPDATE)

/* The member that holds a column, or NULL for those the database keeps */
static char **
template_member (SportelloTemplate *template,
                 const char        *name)
{
  if (g_str_equal (name, "uuid"))
    return &template->id;
  if (g_str_equal (name, "title"))
    return &template->title;
  if (g_str_equal (name, "description"))
    return &template->description;
  if (g_str_equal (name, "category"))
    return &template->category;
  if (g_str_equal (name, "body"))
    return &template->body;
  return NULL;
}

SportelloTemplate *
sportello_template_copy (const SportelloTemplate *template)
{
  SportelloTemplate *copy = g_new0 (SportelloTemplate, 1);

  copy->id = g_strdup (template->id);
  copy->title = g_strdup (template->title);
  copy->description = g_strdup (template->description);
  copy->category = g_strdup (template->category);
  copy->verified_on = g_strdup (template->verified_on ? template->verified_on : "");
  copy->body = g_strdup (template->body);
  copy->inputs = g_ptr_array_new_with_free_func (sportello_placeholder_free);
  for (guint i = 0; template->inputs != NULL && i < template->inputs->len; i++)
    {
      SportelloPlaceholder *p = g_ptr_array_index (template->inputs, i);
      SportelloPlaceholder *q = g_new0 (SportelloPlaceholder, 1);

      q->name = g_strdup (p->name);
      q->label = g_strdup (p->label);
      g_ptr_array_add (copy->inputs, q);
    }

  return copy;
}

void
sportello_template_free (SportelloTemplate *template)
{
  if (template == NULL)
    return;

  g_free (template->id);
  g_free (template->title);
  g_free (template->description);
  g_free (template->category);
  g_free (template->verified_on);
  g_free (template->body);
  g_clear_pointer (&template->inputs, g_ptr_array_unref);
  g_free (template);
}

static SportelloTemplate *
template_from_row (sqlite3_stmt *stmt)
{
  SportelloTemplate *t = g_new0 (SportelloTemplate, 1);
  int i = 0;

#define READ_COLUMN(name) \
  if (template_member (t, name) != NULL) \
    *template_member (t, name) = g_strdup ((const char *) sqlite3_column_text (stmt, i + 1)); \
  i++;
  SPORTELLO_USER_TEMPLATE_COLUMNS (READ_COLUMN)
  t->verified_on = g_strdup ("");
  t->inputs = g_ptr_array_new_with_free_func (sportello_placeholder_free);
  return t;
}

/**
 * sportello_user_templates_list:
 *
 * Returns: (transfer full) (element-type SportelloTemplate): the user's
 *   templates, by title
 */
GPtrArray *
sportello_user_templates_list (SportelloDatabase  *db,
                               GError            **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_template_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sportello_database_prepare (db, TEMPLATE_SELECT "ORDER BY title COLLATE NOCASE, uuid", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, template_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

SportelloTemplate *
sportello_user_template_load (SportelloDatabase  *db,
                              const char         *id,
                              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _sportello_database_prepare (db, TEMPLATE_SELECT "WHERE uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return template_from_row (stmt);

  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND, _("The template does not exist any more"));
  return NULL;
}

/**
 * sportello_template_lookup:
 *
 * A built-in template or one of the user's, by id.
 *
 * Returns: (transfer full): a copy to free
 */
SportelloTemplate *
sportello_template_lookup (SportelloDatabase  *db,
                           const char         *id,
                           GError            **error)
{
  const SportelloTemplate *builtin = sportello_templates_find (id);

  if (builtin != NULL)
    return sportello_template_copy (builtin);
  return sportello_user_template_load (db, id, error);
}

/**
 * sportello_user_template_duplicate:
 *
 * A new user template with the text of @template, not stored yet.  Inputs
 * of a built-in template become plain placeholders' markers, since only
 * built-in templates have inputs: each “{{input.x}}” is replaced by the
 * «da completare» marker it would render as.
 */
SportelloTemplate *
sportello_user_template_duplicate (const SportelloTemplate *template)
{
  SportelloTemplate *copy = sportello_template_copy (template);
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) body = g_string_new (template->body);

  /* only the inputs are rendered; the rest of the placeholders stay */
  for (guint i = 0; template->inputs != NULL && i < template->inputs->len; i++)
    {
      SportelloPlaceholder *p = g_ptr_array_index (template->inputs, i);
      g_autofree char *placeholder = g_strdup_printf ("{{%s}}", p->name);
      g_autofree char *spaced = g_strdup_printf ("{{ %s }}", p->name);
      g_autofree char *marker = g_strdup_printf (_("«to complete: %s»"), p->label);

      g_string_replace (body, placeholder, marker, 0);
      g_string_replace (body, spaced, marker, 0);
    }

  g_free (copy->id);
  copy->id = g_strdup ("");
  g_free (copy->body);
  copy->body = g_string_free (g_steal_pointer (&body), FALSE);
  g_clear_pointer (&copy->inputs, g_ptr_array_unref);
  copy->inputs = g_ptr_array_new_with_free_func (sportello_placeholder_free);
  g_free (copy->verified_on);
  copy->verified_on = g_strdup ("");
  /* Translators: the title of a duplicated template */
  g_free (copy->title);
  copy->title = g_strdup_printf (_("%s (copy)"), template->title);

  return copy;
}

/**
 * sportello_user_template_save:
 *
 * Stores @template, giving it an id the first time.  A template with
 * unknown placeholders is stored too (it is being written); documents
 * cannot be made from it until it is fixed.
 */
gboolean
sportello_user_template_save (SportelloDatabase  *db,
                              SportelloTemplate  *template,
                              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sportello_now_utc ();

  if (template->title == NULL || *g_strstrip (template->title) == '\0')
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID, _("A template needs a title"));
      return FALSE;
    }
  if (sportello_templates_find (template->id) != NULL)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("Built-in templates cannot be changed: duplicate it first"));
      return FALSE;
    }
  if (template->id == NULL || template->id[0] == '\0')
    {
      g_free (template->id);
      template->id = sportello_new_uuid ();
    }

  stmt = _sportello_database_prepare (db, TEMPLATE_UPSERT, error);
  if (stmt == NULL)
    return FALSE;

  {
    int n = 0;

    /* the stamps: made now, here */
#define BIND_COLUMN(name) \
    n++; \
    if (template_member (template, name) != NULL) \
      sqlite3_bind_text (stmt, n, *template_member (template, name) ? *template_member (template, name) : "", -1, SQLITE_STATIC); \
    else if (g_str_equal (name, "origin_consultant")) \
      sqlite3_bind_text (stmt, n, sportello_database_get_consultant (db), -1, SQLITE_STATIC); \
    else if (g_str_equal (name, "origin_hub")) \
      sqlite3_bind_text (stmt, n, sportello_database_get_hub (db), -1, SQLITE_STATIC); \
    else \
      sqlite3_bind_text (stmt, n, now, -1, SQLITE_STATIC);
    SPORTELLO_USER_TEMPLATE_COLUMNS (BIND_COLUMN)
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
sportello_user_template_delete (SportelloDatabase  *db,
                                const char         *id,
                                GError            **error)
{
  return _sportello_database_run_on_uuid (db, "DELETE FROM user_templates WHERE uuid = ?", id, error);
}
