/* sportello-statistics-file.c: the statistics file the hubs exchange, written and read back checked
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is docs/statistics-format.md: counts and sums only, every
 * group of fewer than SPORTELLO_STATISTICS_MIN_GROUP firms (and what is
 * made from one) null. A file read is checked against it before any
 * figure of it is used.
 */

#define G_LOG_DOMAIN "sportello-statistics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sportello-atomic-file.h"
#include "sportello-statistics-private.h"

#define FORMAT_NAME "sportello-statistics"
#define FORMAT_VERSION 1

/* ---------------------------------------------------------- writing ---- */

typedef enum
{
  SPEC_FIGURE,
  SPEC_GROUP,        /* member → figure */
  SPEC_OBJECT,       /* the members given */
  SPEC_CATEGORIES,   /* member → null or { count, p25, p50, p75 } */
  SPEC_MONTHS,       /* "YYYY-MM" → { meetings, firms_served } */
} SpecKind;

typedef struct _Spec Spec;
struct _Spec
{
  const char *name;
  SpecKind    kind;
  const Spec *members;   /* SPEC_OBJECT, and a member of SPEC_CATEGORIES / SPEC_MONTHS */
};

static const Spec meetings_spec[] = {
  { "total", SPEC_FIGURE }, { "by_kind", SPEC_GROUP }, { NULL }
};
static const Spec category_spec[] = {
  { "count", SPEC_FIGURE }, { "p25", SPEC_FIGURE }, { "p50", SPEC_FIGURE }, { "p75", SPEC_FIGURE }, { NULL }
};
static const Spec assessments_spec[] = {
  { "total", SPEC_FIGURE }, { "firms", SPEC_FIGURE }, { "mean_score", SPEC_FIGURE },
  { "firms_compared", SPEC_FIGURE }, { "mean_change", SPEC_FIGURE },
  { "by_category", SPEC_CATEGORIES, category_spec }, { NULL }
};
static const Spec events_spec[] = {
  { "total", SPEC_FIGURE }, { "registrations", SPEC_FIGURE }, { "attended", SPEC_FIGURE },
  { "attendance_rate", SPEC_FIGURE }, { NULL }
};
static const Spec grants_spec[] = {
  { "total", SPEC_FIGURE }, { "submitted", SPEC_FIGURE }, { "funded", SPEC_FIGURE },
  { "rejected", SPEC_FIGURE }, { "amount_requested", SPEC_FIGURE }, { "amount_granted", SPEC_FIGURE }, { NULL }
};
static const Spec month_spec[] = {
  { "meetings", SPEC_FIGURE }, { "firms_served", SPEC_FIGURE }, { NULL }
};
/* the figures of the file, after format, version, period and hub */
static const Spec file_spec[] = {
  { "firms_served", SPEC_FIGURE },
  { "firms_new", SPEC_FIGURE },
  { "meetings", SPEC_OBJECT, meetings_spec },
  { "consulting_hours", SPEC_FIGURE },
  { "documents_sent", SPEC_FIGURE },
  { "follow_ups_done", SPEC_FIGURE },
  { "assessments", SPEC_OBJECT, assessments_spec },
  { "firms_by_category", SPEC_GROUP },
  { "firms_by_province", SPEC_GROUP },
  { "firms_by_size", SPEC_GROUP },
  { "firms_by_source", SPEC_GROUP },
  { "events", SPEC_OBJECT, events_spec },
  { "grant_applications", SPEC_OBJECT, grants_spec },
  { "monthly", SPEC_MONTHS, month_spec },
  { NULL }
};

static gboolean
suppressed (SportelloStatistics   *self,
            const char            *path,
            const SportelloFigure *figure)
{
  g_autofree char *weight = NULL;

  if (figure->state == SPORTELLO_FIGURE_UNKNOWN)
    return TRUE;
  if (_sportello_statistics_counts_firms (path) && _sportello_statistics_too_few (figure->value))
    return TRUE;
  if ((weight = _sportello_statistics_weight_of (path)) != NULL)
    {
      SportelloFigure *w = g_hash_table_lookup (self->figures, weight);

      /* a mean of fewer than 5 firms, or an amount of fewer than 5
       * applications, could be one firm's */
      if (w == NULL || w->state == SPORTELLO_FIGURE_UNKNOWN || _sportello_statistics_too_few (w->value))
        return TRUE;
    }
  return FALSE;
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_figure (SportelloStatistics *self,
               GString             *out,
               const char          *path)
{
  SportelloFigure *figure = g_hash_table_lookup (self->figures, path);
  guint decimals = _sportello_statistics_decimals_for (path);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = NULL;

  if (figure == NULL || suppressed (self, path, figure))
    {
      g_string_append (out, "null");
      return;
    }
  if (decimals == 0)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) llround (figure->value));
      return;
    }
  format = g_strdup_printf ("%%.%uf", decimals);
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, format, figure->value));
}

static void
indent (GString *out,
        guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* The object at @prefix ("meetings"), from the figures under it, in order */
static void
append_object (SportelloStatistics *self,
               GString             *out,
               const char          *prefix,
               guint                depth)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *dotted = g_strconcat (prefix, ".", NULL);
  gsize length = strlen (dotted);

  for (guint i = 0; i < self->paths->len; i++)
    {
      const char *path = g_ptr_array_index (self->paths, i);
      const char *dot;
      char *member;

      if (!g_str_has_prefix (path, dotted))
        continue;
      dot = strchr (path + length, '.');
      member = dot ? g_strndup (path + length, dot - (path + length)) : g_strdup (path + length);
      if (!g_hash_table_contains (seen, member))
        {
          g_hash_table_add (seen, member);
          g_ptr_array_add (members, member);
        }
      else
        g_free (member);
    }

  if (members->len == 0)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append_c (out, '{');
  for (guint i = 0; i < members->len; i++)
    {
      const char *member = g_ptr_array_index (members, i);
      g_autofree char *path = g_strconcat (dotted, member, NULL);

      indent (out, depth + 1);
      append_string (out, member);
      g_string_append (out, ": ");
      if (g_hash_table_contains (self->figures, path))
        append_figure (self, out, path);
      else if (g_str_equal (prefix, "assessments.by_category"))
        {
          /* a category of fewer than 5 firms assessed is null as a whole */
          g_autofree char *count = g_strconcat (path, ".count", NULL);
          SportelloFigure *figure = g_hash_table_lookup (self->figures, count);

          if (figure == NULL || suppressed (self, count, figure))
            g_string_append (out, "null");
          else
            append_object (self, out, path, depth + 1);
        }
      else
        append_object (self, out, path, depth + 1);
      if (i + 1 < members->len)
        g_string_append_c (out, ',');
    }
  indent (out, depth);
  g_string_append_c (out, '}');
}

/**
 * sportello_statistics_to_json:
 *
 * The statistics file (docs/statistics-format.md): counts and sums only,
 * every group of fewer than 5 firms (and what is made from one) null.
 */
char *
sportello_statistics_to_json (SportelloStatistics *self)
{
  GString *out = g_string_new ("{");

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);

  indent (out, 1);
  g_string_append_printf (out, "\"format\": \"%s\",", FORMAT_NAME);
  indent (out, 1);
  g_string_append_printf (out, "\"version\": %d,", FORMAT_VERSION);
  indent (out, 1);
  g_string_append (out, "\"period\": {\"from\": ");
  append_string (out, self->from);
  g_string_append (out, ", \"to\": ");
  append_string (out, self->to);
  g_string_append (out, "},");
  indent (out, 1);
  g_string_append (out, "\"hub\": ");
  append_string (out, self->hub ? self->hub : "");

  for (const Spec *m = file_spec; m->name; m++)
    {
      g_string_append_c (out, ',');
      indent (out, 1);
      append_string (out, m->name);
      g_string_append (out, ": ");
      if (g_hash_table_contains (self->figures, m->name))
        append_figure (self, out, m->name);
      else
        append_object (self, out, m->name, 1);
    }
  g_string_append (out, "\n}\n");

  return g_string_free (out, FALSE);
}

/**
 * sportello_statistics_write:
 *
 * Writes the statistics file to @path, whole or not at all.
 */
gboolean
sportello_statistics_write (SportelloStatistics  *self,
                            const char           *path,
                            GError              **error)
{
  g_autoptr(SportelloAtomicFile) file = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), FALSE);

  json = sportello_statistics_to_json (self);
  if (!(file = sportello_atomic_file_new (path, error)) ||
      !g_output_stream_write_all (sportello_atomic_file_get_stream (file), json, strlen (json), NULL, NULL, error))
    return FALSE;
  return sportello_atomic_file_commit (file, error);
}

/* ---------------------------------------------------------- reading ---- */

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a problem in a statistics file: where (“meetings.total”) and what */
  g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
               _("%s: %s"), path, reason);
  return FALSE;
}

static gboolean
valid_key (const char *key)
{
  return g_str_equal (_sportello_statistics_member_key (key), key);
}

static gboolean
valid_month (const char *key)
{
  GDate date;
  g_autofree char *day = g_strconcat (key, "-01", NULL);

  return strlen (key) == 7 && _sportello_statistics_read_iso_date (day, &date);
}

static gboolean
read_figure (SportelloStatistics  *self,
             const char           *path,
             JsonNode             *node,
             GError              **error)
{
  double value;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      _sportello_statistics_put_unknown (self, path);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return invalid (error, path, _("not a number or null"));
  if (_sportello_statistics_decimals_for (path) == 0 && json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, path, _("not a whole number"));

  value = json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                           : json_node_get_double (node);
  if (value < 0 && !g_str_equal (path, "assessments.mean_change"))
    return invalid (error, path, _("a negative number"));
  if ((g_str_equal (path, "assessments.mean_score") || _sportello_statistics_is_quartile (path)) && value > 100)
    return invalid (error, path, _("a score above 100"));
  if (g_str_equal (path, "assessments.mean_change") && fabs (value) > 100)
    return invalid (error, path, _("a change of score beyond 100"));
  if (g_str_equal (path, "events.attendance_rate") && value > 1)
    return invalid (error, path, _("a rate above 1"));
  if (_sportello_statistics_counts_firms (path) && _sportello_statistics_too_few (value))
    return invalid (error, path, _("a group of fewer than 5 firms, which the format writes as null"));

  _sportello_statistics_put (self, path, value);
  return TRUE;
}

static gboolean read_object (SportelloStatistics *self, const char *prefix, JsonObject *object,
                             const Spec *members, GError **error);

static gboolean
read_member (SportelloStatistics  *self,
             const char           *path,
             JsonNode             *node,
             const Spec           *spec,
             GError              **error)
{
  JsonObject *object;
  g_autoptr(GList) names = NULL;

  if (spec->kind == SPEC_FIGURE)
    return read_figure (self, path, node, error);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, path, _("not an object"));
  object = json_node_get_object (node);

  if (spec->kind == SPEC_OBJECT)
    return read_object (self, path, object, spec->members, error);

  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *child = g_strconcat (path, ".", name, NULL);
      JsonNode *value = json_object_get_member (object, name);

      if (spec->kind == SPEC_MONTHS ? !valid_month (name) : !valid_key (name))
        return invalid (error, child, spec->kind == SPEC_MONTHS ? _("not a month (YYYY-MM)")
                                                               : _("not a name of a group (letters, digits, “_” and “-”)"));
      if (spec->kind == SPEC_GROUP)
        {
          if (!read_figure (self, child, value, error))
            return FALSE;
        }
      else if (spec->kind == SPEC_CATEGORIES && JSON_NODE_HOLDS_NULL (value))
        {
          for (const Spec *m = spec->members; m->name; m++)
            {
              g_autofree char *leaf = g_strconcat (child, ".", m->name, NULL);

              _sportello_statistics_put_unknown (self, leaf);
            }
        }
      else if (!JSON_NODE_HOLDS_OBJECT (value))
        return invalid (error, child, _("not an object"));
      else if (!read_object (self, child, json_node_get_object (value), spec->members, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_object (SportelloStatistics  *self,
             const char           *prefix,
             JsonObject           *object,
             const Spec           *members,
             GError              **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (const Spec *m = members; m->name && !known; m++)
        known = g_str_equal (m->name, l->data);
      if (!known && !(prefix == NULL && (g_str_equal (l->data, "format") || g_str_equal (l->data, "version") ||
                                         g_str_equal (l->data, "period") || g_str_equal (l->data, "hub"))))
        {
          g_autofree char *path = prefix ? g_strconcat (prefix, ".", l->data, NULL) : g_strdup (l->data);

          return invalid (error, path, _("not a member of a statistics file"));
        }
    }

  for (const Spec *m = members; m->name; m++)
    {
      g_autofree char *path = prefix ? g_strconcat (prefix, ".", m->name, NULL) : g_strdup (m->name);
      JsonNode *node = json_object_get_member (object, m->name);

      if (node == NULL)
        return invalid (error, path, _("missing"));
      if (!read_member (self, path, node, m, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * sportello_statistics_new_from_data:
 *
 * Reads a statistics file, checked against the format: a file that does
 * not follow it is refused with the place and the reason of its first
 * problem (%SPORTELLO_STATISTICS_ERROR_INVALID).
 */
SportelloStatistics *
sportello_statistics_new_from_data (const char  *data,
                                    gssize       length,
                                    GError     **error)
{
  g_autoptr(SportelloStatistics) self = g_object_new (SPORTELLO_TYPE_STATISTICS, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *node;
  JsonObject *object, *period;
  const char *from, *to;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
                   _("Not a statistics file: it is not JSON (%s)"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
                   _("Not a statistics file: it is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), FORMAT_NAME))
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
                   _("Not a statistics file: its “format” is not “%s”"), FORMAT_NAME);
      return NULL;
    }
  node = json_object_get_member (object, "version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != FORMAT_VERSION)
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
                   _("A statistics file of a version this Sportello does not read (it reads version %d)"),
                   FORMAT_VERSION);
      return NULL;
    }

  node = json_object_get_member (object, "period");
  period = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  from = period ? json_object_get_string_member_with_default (period, "from", NULL) : NULL;
  to = period ? json_object_get_string_member_with_default (period, "to", NULL) : NULL;
  if (period == NULL || json_object_get_size (period) != 2 || !sportello_statistics_check_period (from, to, NULL))
    {
      invalid (error, "period", _("not two dates, “from” and “to” (YYYY-MM-DD), the first not after the second"));
      return NULL;
    }
  node = json_object_get_member (object, "hub");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      invalid (error, "hub", _("not a text"));
      return NULL;
    }

  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->hub = g_strdup (json_node_get_string (node));
  g_ptr_array_add (self->hub_names, g_strdup (self->hub));

  if (!read_object (self, NULL, object, file_spec, error))
    return NULL;

  return g_steal_pointer (&self);
}

#define MAX_FILE_SIZE (16 * 1024 * 1024)

/**
 * sportello_statistics_load:
 *
 * Reads the statistics file at @path (see
 * sportello_statistics_new_from_data()); the error names the file.
 */
SportelloStatistics *
sportello_statistics_load (const char  *path,
                           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  gsize length = 0;
  SportelloStatistics *self;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
                   _("“%s” is not a statistics file: not a regular file of at most 16 MB"), name);
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  if (!(self = sportello_statistics_new_from_data (contents, length, error)))
    g_prefix_error (error, _("“%s” refused: "), name);
  return self;
}
