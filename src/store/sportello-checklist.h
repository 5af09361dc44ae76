/* sportello-checklist.h: checklists and the scoring of assessments
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SPORTELLO_CHECKLIST_ERROR (sportello_checklist_error_quark ())

typedef enum
{
  SPORTELLO_ANSWER_MISSING = 0,
  SPORTELLO_ANSWER_PARTIAL = 1,
  SPORTELLO_ANSWER_COMPLETE = 2,
  SPORTELLO_ANSWER_NA = 3,
} SportelloAnswer;

typedef enum
{
  SPORTELLO_LEVEL_NONE,          /* nothing applicable: “Non valutabile” */
  SPORTELLO_LEVEL_NOT_STARTED,   /* 0 – 39,9 */
  SPORTELLO_LEVEL_PREPARING,     /* 40,0 – 69,9 */
  SPORTELLO_LEVEL_READY,         /* 70,0 – 89,9 */
  SPORTELLO_LEVEL_ADVANCED,      /* 90,0 – 100 */
} SportelloLevel;

typedef struct
{
  char     *id;
  char     *title;
  char     *why;
  char     *how;
  gboolean  blocker;
  gboolean  na_allowed;
  char     *na_hint;
  char     *legal_basis;
  char     *verified_on;   /* YYYY-MM, or "" */
  guint     area;          /* index of its area */
} SportelloChecklistItem;

typedef struct
{
  char   *id;
  char   *title;
  guint   weight;
  guint   first_item;
  guint   n_items;
} SportelloChecklistArea;

typedef struct
{
  char                   *id;
  char                   *version;
  char                   *title;
  char                   *description;
  GArray                 *areas;   /* SportelloChecklistArea */
  GArray                 *items;   /* SportelloChecklistItem, area by area */
  char                   *json;    /* the document it was read from */
} SportelloChecklist;

typedef struct
{
  gboolean applicable;
  guint    points;
  guint    answered;     /* n_a: items answered 0, 1 or 2 */
  guint    tenths;       /* displayed score × 10, rounded half up */
} SportelloAreaScore;

typedef struct
{
  SportelloAreaScore *areas;          /* one per area */
  gboolean            defined;        /* at least one applicable area */
  guint               tenths;         /* displayed overall score × 10 */
  gint64              exact_num;      /* the overall score is exact_num / exact_den */
  gint64              exact_den;
  SportelloLevel      level;
  guint               n_unanswered;   /* a draft: counted as 0, blockers as unmet */
  GArray             *unmet_blockers; /* item indices */
  GArray             *gaps;           /* item indices, in action-plan order */
} SportelloScore;

GQuark               sportello_checklist_error_quark (void);
SportelloChecklist  *sportello_checklist_new_from_bytes (GBytes              *json,
                                                         GError             **error);
#define SPORTELLO_CHECKLIST_BUILTIN_ID "prontezza-ecommerce"

SportelloChecklist  *sportello_checklist_get_builtin (void);
const char          *sportello_checklist_display_title (const char *id,
                                                        const char *title);
const char          *sportello_checklist_display_description (const char *id,
                                                              const char *description);
void                 sportello_checklist_free        (SportelloChecklist  *checklist);
int                  sportello_checklist_find_item   (SportelloChecklist  *checklist,
                                                      const char          *item_id);

SportelloScore      *sportello_checklist_score       (SportelloChecklist  *checklist,
                                                      const SportelloAnswer *answers,
                                                      const gboolean      *answered);
void                 sportello_score_free            (SportelloScore      *score);
guint                sportello_round_tenths          (gint64               num,
                                                      gint64               den);
SportelloLevel       sportello_level_for_tenths      (guint                tenths);
const char          *sportello_level_label           (SportelloLevel       level);
char                *sportello_score_verdict         (SportelloScore      *score);
char                *sportello_format_tenths         (guint                tenths);
gboolean             sportello_item_needs_review     (SportelloChecklistItem *item,
                                                      GDate               *today);

char                *sportello_checklist_to_json     (SportelloChecklist  *checklist);
SportelloChecklist  *sportello_checklist_copy        (SportelloChecklist  *checklist);
GPtrArray           *sportello_checklist_check       (SportelloChecklist  *checklist);
void                 sportello_checklist_add_item    (SportelloChecklist  *checklist,
                                                      guint                area);
void                 sportello_checklist_remove_item (SportelloChecklist  *checklist,
                                                      guint                item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloChecklist, sportello_checklist_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloScore, sportello_score_free)

G_END_DECLS
