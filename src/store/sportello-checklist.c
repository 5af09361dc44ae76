/* sportello-checklist.c: checklists and the scoring of assessments
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checklists are data (JSON files in data/checklists, built in through a
 * GResource). Scoring follows the normative rules of the built-in
 * checklist: area score p/(2n)×100 over the items not N/A; the overall
 * score is the mean of the applicable areas weighted by their renormalised
 * weights; it is kept as an exact fraction and rounded half up to one
 * decimal only for display, and the level is read from the displayed
 * value. Any unmet blocker caps the verdict, whatever the score.
 */

#define G_LOG_DOMAIN "sportello-checklist"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "sportello-checklist.h"
#include "sportello-checklist-private.h"

G_DEFINE_QUARK (sportello-checklist-error-quark, sportello_checklist_error)

#define BUILTIN_RESOURCE "/io/github/sportello/Sportello/checklists/prontezza-ecommerce.json"

static void
clear_item (gpointer data)
{
  SportelloChecklistItem *item = data;

  g_free (item->id);
  g_free (item->title);
  g_free (item->why);
  g_free (item->how);
  g_free (item->na_hint);
  g_free (item->legal_basis);
  g_free (item->verified_on);
}

static void
clear_area (gpointer data)
{
  SportelloChecklistArea *area = data;

  g_free (area->id);
  g_free (area->title);
}

void
sportello_checklist_free (SportelloChecklist *checklist)
{
  if (checklist == NULL)
    return;

  g_free (checklist->id);
  g_free (checklist->version);
  g_free (checklist->title);
  g_free (checklist->description);
  g_free (checklist->json);
  g_clear_pointer (&checklist->areas, g_array_unref);
  g_clear_pointer (&checklist->items, g_array_unref);
  g_free (checklist);
}

static char *
dup_member (JsonObject *object,
            const char *key)
{
  return g_strdup (json_object_get_string_member_with_default (object, key, ""));
}

SportelloChecklist *
sportello_checklist_new_from_bytes (GBytes  *json,
                                    GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SportelloChecklist) checklist = g_new0 (SportelloChecklist, 1);
  JsonObject *root;
  JsonArray *areas;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !json_object_has_member ((root = json_node_get_object (json_parser_get_root (parser))), "areas"))
    {
      g_set_error (error, SPORTELLO_CHECKLIST_ERROR, 0, _("This is not a checklist"));
      return NULL;
    }

  checklist->json = g_strndup (data, size);
  checklist->id = dup_member (root, "id");
  checklist->version = dup_member (root, "version");
  checklist->title = dup_member (root, "title");
  checklist->description = dup_member (root, "description");
  checklist->areas = g_array_new (FALSE, TRUE, sizeof (SportelloChecklistArea));
  checklist->items = g_array_new (FALSE, TRUE, sizeof (SportelloChecklistItem));
  g_array_set_clear_func (checklist->areas, clear_area);
  g_array_set_clear_func (checklist->items, clear_item);

  areas = json_object_get_array_member (root, "areas");
  for (guint a = 0; areas != NULL && a < json_array_get_length (areas); a++)
    {
      JsonObject *area_object = json_array_get_object_element (areas, a);
      JsonArray *items = json_object_get_array_member (area_object, "items");
      SportelloChecklistArea area = { 0, };

      area.id = dup_member (area_object, "id");
      area.title = dup_member (area_object, "title");
      area.weight = (guint) MAX (json_object_get_int_member_with_default (area_object, "weight", 0), 0);
      area.first_item = checklist->items->len;
      area.n_items = items ? json_array_get_length (items) : 0;

      for (guint i = 0; i < area.n_items; i++)
        {
          JsonObject *o = json_array_get_object_element (items, i);
          SportelloChecklistItem item = { 0, };

          item.id = dup_member (o, "id");
          item.title = dup_member (o, "title");
          item.why = dup_member (o, "why");
          item.how = dup_member (o, "how");
          item.blocker = json_object_get_boolean_member_with_default (o, "blocker", FALSE);
          item.na_allowed = json_object_get_boolean_member_with_default (o, "na_allowed", FALSE);
          item.na_hint = dup_member (o, "na_hint");
          item.legal_basis = dup_member (o, "legal_basis");
          item.verified_on = dup_member (o, "verified_on");
          item.area = a;
          g_array_append_val (checklist->items, item);
        }

      g_array_append_val (checklist->areas, area);
    }

  return g_steal_pointer (&checklist);
}

/* The built-in “Preparazione all'e-commerce”, loaded once */
/**
 * sportello_checklist_display_title:
 * @id: a checklist's id
 * @title: its title
 *
 * The title to show in the user's language. The built-in checklist is
 * Italian content, but its name is translated like the interface: English
 * is the source, and in Italian it is the title of the checklist itself.
 * Any other checklist shows its own @title.
 */
const char *
sportello_checklist_display_title (const char *id,
                                   const char *title)
{
  if (g_strcmp0 (id, SPORTELLO_CHECKLIST_BUILTIN_ID) == 0)
    return _("E-Commerce Readiness");
  return title;
}

const char *
sportello_checklist_display_description (const char *id,
                                         const char *description)
{
  if (g_strcmp0 (id, SPORTELLO_CHECKLIST_BUILTIN_ID) == 0)
    return _("Assesses whether a firm is ready to sell online across ten weighted areas, from strategy to security, "
             "with a score from 0 to 100 and a level. It is filled in with the client in a 30–60 minute meeting; "
             "the blocking legal requirements must be met before selling online, whatever the score.");
  return description;
}

SportelloChecklist *
sportello_checklist_get_builtin (void)
{
  static SportelloChecklist *builtin;

  if (g_once_init_enter_pointer (&builtin))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (BUILTIN_RESOURCE, 0, NULL);
      SportelloChecklist *loaded = bytes ? sportello_checklist_new_from_bytes (bytes, NULL) : NULL;

      g_assert (loaded != NULL);
      g_once_init_leave_pointer (&builtin, loaded);
    }

  return builtin;
}

int
sportello_checklist_find_item (SportelloChecklist *checklist,
                               const char         *item_id)
{
  for (guint i = 0; i < checklist->items->len; i++)
    if (g_strcmp0 (g_array_index (checklist->items, SportelloChecklistItem, i).id, item_id) == 0)
      return (int) i;

  return -1;
}

/* ---------------------------------------------------------- scoring ---- */

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

/* ⌊(20·N + D) / (2·D)⌋: N/D × 10, rounded half up */
guint
sportello_round_tenths (gint64 num,
                        gint64 den)
{
  return (guint) ((20 * num + den) / (2 * den));
}

SportelloLevel
sportello_level_for_tenths (guint tenths)
{
  if (tenths >= 900)
    return SPORTELLO_LEVEL_ADVANCED;
  if (tenths >= 700)
    return SPORTELLO_LEVEL_READY;
  if (tenths >= 400)
    return SPORTELLO_LEVEL_PREPARING;
  return SPORTELLO_LEVEL_NOT_STARTED;
}

typedef struct
{
  SportelloChecklist    *checklist;
  const SportelloAnswer *answers;
  const gboolean        *answered;
  const gboolean        *unmet;
} GapOrder;

static int
compare_gaps (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const GapOrder *order = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  SportelloChecklistItem *x = &g_array_index (order->checklist->items, SportelloChecklistItem, i);
  SportelloChecklistItem *y = &g_array_index (order->checklist->items, SportelloChecklistItem, j);
  guint wx = g_array_index (order->checklist->areas, SportelloChecklistArea, x->area).weight;
  guint wy = g_array_index (order->checklist->areas, SportelloChecklistArea, y->area).weight;
  int ax = order->answered[i] ? (int) order->answers[i] : 0;
  int ay = order->answered[j] ? (int) order->answers[j] : 0;

  /* unmet blockers first, then heavier areas, then 0 before 1, then order */
  if (order->unmet[i] != order->unmet[j])
    return order->unmet[i] ? -1 : 1;
  if (wx != wy)
    return wx > wy ? -1 : 1;
  if (ax != ay)
    return ax < ay ? -1 : 1;
  return (int) i - (int) j;
}

/**
 * sportello_checklist_score:
 * @answers: one per item, in checklist order
 * @answered: one per item: %FALSE for an item not answered yet (a draft)
 *
 * Scores an assessment. Unanswered items count as 0, and unanswered
 * blockers as unmet; #SportelloScore.n_unanswered says how many there were.
 */
SportelloScore *
sportello_checklist_score (SportelloChecklist    *checklist,
                           const SportelloAnswer *answers,
                           const gboolean        *answered)
{
  return _sportello_checklist_score_full (checklist, answers, answered, TRUE);
}

/* The score, and with @plan the gaps in action-plan order (a sort the
 * report's figures, which read only the score, do without) */
SportelloScore *
_sportello_checklist_score_full (SportelloChecklist    *checklist,
                                 const SportelloAnswer *answers,
                                 const gboolean        *answered,
                                 gboolean               plan)
{
  SportelloScore *score = g_new0 (SportelloScore, 1);
  g_autofree gboolean *unmet = g_new0 (gboolean, checklist->items->len);
  gint64 lcm = 1, weights = 0, num = 0;
  GapOrder order = { checklist, answers, answered, unmet };

  score->areas = g_new0 (SportelloAreaScore, checklist->areas->len);
  score->unmet_blockers = g_array_new (FALSE, FALSE, sizeof (guint));
  score->gaps = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < checklist->items->len; i++)
    {
      SportelloChecklistItem *item = &g_array_index (checklist->items, SportelloChecklistItem, i);
      SportelloAreaScore *area = &score->areas[item->area];
      SportelloAnswer answer = answered[i] ? answers[i] : SPORTELLO_ANSWER_MISSING;

      if (!answered[i])
        score->n_unanswered++;
      if (answer == SPORTELLO_ANSWER_NA)
        continue;

      area->answered++;
      area->points += answer;
      if (answer != SPORTELLO_ANSWER_COMPLETE)
        {
          g_array_append_val (score->gaps, i);
          if (item->blocker)
            {
              unmet[i] = TRUE;
              g_array_append_val (score->unmet_blockers, i);
            }
        }
    }

  /* the overall score as an exact fraction: Σ w·100·p/(2n) / Σ w */
  for (guint a = 0; a < checklist->areas->len; a++)
    {
      SportelloAreaScore *area = &score->areas[a];

      if (area->answered == 0)
        continue;
      area->applicable = TRUE;
      area->tenths = sportello_round_tenths (100 * (gint64) area->points, 2 * (gint64) area->answered);
      lcm = lcm / gcd64 (lcm, 2 * area->answered) * (2 * area->answered);
    }

  for (guint a = 0; a < checklist->areas->len; a++)
    {
      SportelloAreaScore *area = &score->areas[a];
      guint weight = g_array_index (checklist->areas, SportelloChecklistArea, a).weight;

      if (!area->applicable)
        continue;
      weights += weight;
      num += (gint64) weight * 100 * area->points * (lcm / (2 * area->answered));
    }

  if (weights > 0)
    {
      gint64 den = weights * lcm;
      gint64 g = gcd64 (num, den);

      score->defined = TRUE;
      score->exact_num = num / (g ? g : 1);
      score->exact_den = den / (g ? g : 1);
      score->tenths = sportello_round_tenths (num, den);
      score->level = sportello_level_for_tenths (score->tenths);
    }
  else
    score->level = SPORTELLO_LEVEL_NONE;

  if (plan)
    g_array_sort_with_data (score->gaps, compare_gaps, &order);

  return score;
}

/* The overall score alone, as _sportello_checklist_score_full() makes it
 * (the same exact fraction, rounded the same way), without allocating:
 * @scratch holds 2 × the number of areas. FALSE when no area applies. */
gboolean
_sportello_checklist_score_tenths (SportelloChecklist    *checklist,
                                   const SportelloAnswer *answers,
                                   const gboolean        *answered,
                                   guint                 *scratch,
                                   guint                 *tenths)
{
  guint n_areas = checklist->areas->len;
  guint *points = scratch, *counted = scratch + n_areas;
  gint64 lcm = 1, weights = 0, num = 0;

  memset (scratch, 0, sizeof *scratch * 2 * n_areas);
  for (guint i = 0; i < checklist->items->len; i++)
    {
      guint area = g_array_index (checklist->items, SportelloChecklistItem, i).area;
      SportelloAnswer answer = answered[i] ? answers[i] : SPORTELLO_ANSWER_MISSING;

      if (answer == SPORTELLO_ANSWER_NA)
        continue;
      counted[area]++;
      points[area] += answer;
    }

  for (guint a = 0; a < n_areas; a++)
    if (counted[a] > 0)
      lcm = lcm / gcd64 (lcm, 2 * counted[a]) * (2 * counted[a]);

  for (guint a = 0; a < n_areas; a++)
    {
      guint weight = g_array_index (checklist->areas, SportelloChecklistArea, a).weight;

      if (counted[a] == 0)
        continue;
      weights += weight;
      num += (gint64) weight * 100 * points[a] * (lcm / (2 * counted[a]));
    }

  if (weights == 0)
    return FALSE;
  *tenths = sportello_round_tenths (num, weights * lcm);
  return TRUE;
}

void
sportello_score_free (SportelloScore *score)
{
  if (score == NULL)
    return;

  g_free (score->areas);
  g_array_unref (score->unmet_blockers);
  g_array_unref (score->gaps);
  g_free (score);
}

const char *
sportello_level_label (SportelloLevel level)
{
  switch (level)
    {
    case SPORTELLO_LEVEL_NOT_STARTED:
      return C_("readiness level", "Not started");
    case SPORTELLO_LEVEL_PREPARING:
      return C_("readiness level", "In preparation");
    case SPORTELLO_LEVEL_READY:
      return C_("readiness level", "Ready");
    case SPORTELLO_LEVEL_ADVANCED:
      return C_("readiness level", "Advanced");
    case SPORTELLO_LEVEL_NONE:
    default:
      return C_("readiness level", "Cannot be assessed");
    }
}

/* “73,5” in Italian: one decimal, the locale's separator */
char *
sportello_format_tenths (guint tenths)
{
  /* Translators: a score with one decimal, as in “73.5”; Italian: “%u,%u” */
  return g_strdup_printf (_("%u.%u"), tenths / 10, tenths % 10);
}

/**
 * sportello_score_verdict:
 *
 * The verdict: the level, or “not ready to sell online” while a blocker is
 * unmet, or “cannot be assessed” when nothing applies.
 */
char *
sportello_score_verdict (SportelloScore *score)
{
  if (!score->defined)
    return g_strdup (sportello_level_label (SPORTELLO_LEVEL_NONE));

  if (score->unmet_blockers->len > 0)
    return g_strdup (_("Not ready to sell online"));

  return g_strdup (sportello_level_label (score->level));
}

/* A legal reference checked more than 12 months ago should be checked again */
gboolean
sportello_item_needs_review (SportelloChecklistItem *item,
                             GDate                  *today)
{
  unsigned int y, m;
  int months;

  if (item->verified_on == NULL || sscanf (item->verified_on, "%4u-%2u", &y, &m) != 2)
    return FALSE;

  months = (g_date_get_year (today) - (int) y) * 12 + ((int) g_date_get_month (today) - (int) m);
  return months > 12;
}

/* ---------------------------------------------------------- editing ---- */

/* The checklist as a document, keys in a fixed order */
char *
sportello_checklist_to_json (SportelloChecklist *checklist)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, checklist->id);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, checklist->version);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, checklist->title);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, checklist->description);
  json_builder_set_member_name (b, "areas");
  json_builder_begin_array (b);
  for (guint a = 0; a < checklist->areas->len; a++)
    {
      SportelloChecklistArea *area = &g_array_index (checklist->areas, SportelloChecklistArea, a);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, area->id);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, area->title);
      json_builder_set_member_name (b, "weight");
      json_builder_add_int_value (b, area->weight);
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      for (guint i = area->first_item; i < area->first_item + area->n_items; i++)
        {
          SportelloChecklistItem *item = &g_array_index (checklist->items, SportelloChecklistItem, i);
          const struct { const char *key; const char *value; } texts[] = {
            { "id", item->id }, { "title", item->title }, { "why", item->why }, { "how", item->how },
          };

          json_builder_begin_object (b);
          for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
            {
              json_builder_set_member_name (b, texts[t].key);
              json_builder_add_string_value (b, texts[t].value);
            }
          json_builder_set_member_name (b, "blocker");
          json_builder_add_boolean_value (b, item->blocker);
          json_builder_set_member_name (b, "na_allowed");
          json_builder_add_boolean_value (b, item->na_allowed);
          json_builder_set_member_name (b, "na_hint");
          json_builder_add_string_value (b, item->na_hint);
          json_builder_set_member_name (b, "legal_basis");
          json_builder_add_string_value (b, item->legal_basis);
          json_builder_set_member_name (b, "verified_on");
          json_builder_add_string_value (b, item->verified_on);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

SportelloChecklist *
sportello_checklist_copy (SportelloChecklist *checklist)
{
  g_autofree char *json = sportello_checklist_to_json (checklist);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&json), strlen (json));

  return sportello_checklist_new_from_bytes (bytes, NULL);
}

/**
 * sportello_checklist_check:
 *
 * What prevents saving a checklist: weights must sum to 100, every area
 * needs a title and at least one item, every item a title and an id of
 * its own. Returns translated messages.
 */
GPtrArray *
sportello_checklist_check (SportelloChecklist *checklist)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint weights = 0;

  if (g_strstrip (checklist->title)[0] == '\0')
    g_ptr_array_add (problems, g_strdup (_("The checklist needs a title")));

  for (guint a = 0; a < checklist->areas->len; a++)
    {
      SportelloChecklistArea *area = &g_array_index (checklist->areas, SportelloChecklistArea, a);

      weights += area->weight;
      if (g_strstrip (area->title)[0] == '\0')
        g_ptr_array_add (problems, g_strdup_printf (_("Area %s needs a title"), area->id));
      if (area->n_items == 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Area “%s” has no items"), area->title));
    }

  if (weights != 100)
    g_ptr_array_add (problems, g_strdup_printf (_("The weights of the areas add up to %u: they must add up to 100"), weights));

  for (guint i = 0; i < checklist->items->len; i++)
    {
      SportelloChecklistItem *item = &g_array_index (checklist->items, SportelloChecklistItem, i);

      if (g_strstrip (item->title)[0] == '\0')
        g_ptr_array_add (problems, g_strdup_printf (_("Item %s needs a title"), item->id));
      if (!g_hash_table_add (ids, item->id))
        g_ptr_array_add (problems, g_strdup_printf (_("Item id %s is used twice"), item->id));
    }

  return problems;
}

static void
renumber (SportelloChecklist *checklist)
{
  guint first = 0;

  for (guint a = 0; a < checklist->areas->len; a++)
    {
      SportelloChecklistArea *area = &g_array_index (checklist->areas, SportelloChecklistArea, a);

      area->first_item = first;
      first += area->n_items;
    }
  for (guint i = 0; i < checklist->items->len; i++)
    {
      SportelloChecklistItem *item = &g_array_index (checklist->items, SportelloChecklistItem, i);

      for (guint a = 0; a < checklist->areas->len; a++)
        {
          SportelloChecklistArea *area = &g_array_index (checklist->areas, SportelloChecklistArea, a);

          if (i >= area->first_item && i < area->first_item + area->n_items)
            item->area = a;
        }
    }
}

/* A new, empty item at the end of @area, with an id never used before */
void
sportello_checklist_add_item (SportelloChecklist *checklist,
                              guint               area_index)
{
  SportelloChecklistArea *area = &g_array_index (checklist->areas, SportelloChecklistArea, area_index);
  SportelloChecklistItem item = { 0, };
  guint n = area->n_items + 1;

  do
    {
      g_free (item.id);
      item.id = g_strdup_printf ("%s-%02u", area->id, n++);
    }
  while (sportello_checklist_find_item (checklist, item.id) >= 0);

  item.title = g_strdup ("");
  item.why = g_strdup ("");
  item.how = g_strdup ("");
  item.na_hint = g_strdup ("");
  item.legal_basis = g_strdup ("");
  item.verified_on = g_strdup ("");
  item.area = area_index;

  g_array_insert_val (checklist->items, area->first_item + area->n_items, item);
  area->n_items++;
  renumber (checklist);
}

void
sportello_checklist_remove_item (SportelloChecklist *checklist,
                                 guint               index)
{
  SportelloChecklistItem *item = &g_array_index (checklist->items, SportelloChecklistItem, index);
  SportelloChecklistArea *area = &g_array_index (checklist->areas, SportelloChecklistArea, item->area);

  area->n_items--;
  g_array_remove_index (checklist->items, index);
  renumber (checklist);
}
