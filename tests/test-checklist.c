/* test-checklist.c: the scoring of e-commerce readiness assessments
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worked examples of the domain notes, to the decimal and to the
 * order of the action plan, and the edge cases of the rules.
 */

#include "config.h"

#include "sportello-checklist.h"

#define NA 3

typedef struct
{
  SportelloAnswer *answers;
  gboolean        *answered;
} Answers;

/* answers given area by area, as the worked examples list them */
static Answers
answers_from (SportelloChecklist *checklist,
              const int          *values)
{
  Answers a = { g_new0 (SportelloAnswer, checklist->items->len), g_new0 (gboolean, checklist->items->len) };

  for (guint i = 0; i < checklist->items->len; i++)
    {
      g_assert_cmpint (values[i], >=, 0);
      a.answers[i] = values[i];
      a.answered[i] = TRUE;
    }
  return a;
}

static void
answers_clear (Answers *a)
{
  g_free (a->answers);
  g_free (a->answered);
}

static char *
gap_list (SportelloChecklist *checklist,
          SportelloScore     *score,
          const Answers      *a)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < score->gaps->len; i++)
    {
      guint item = g_array_index (score->gaps, guint, i);

      g_string_append_printf (out, "%s%s(%d)", i ? ", " : "",
                              g_array_index (checklist->items, SportelloChecklistItem, item).id,
                              (int) a->answers[item]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
check_example (const int  *values,
               gint64      num,
               gint64      den,
               guint       tenths,
               SportelloLevel level,
               guint       unmet,
               const char *gaps)
{
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  Answers a = answers_from (checklist, values);
  g_autoptr(SportelloScore) score = sportello_checklist_score (checklist, a.answers, a.answered);
  g_autofree char *got_gaps = gap_list (checklist, score, &a);

  g_assert_true (score->defined);
  g_assert_cmpint (score->exact_num * den, ==, num * score->exact_den);
  g_assert_cmpuint (score->tenths, ==, tenths);
  g_assert_cmpint (score->level, ==, level);
  g_assert_cmpuint (score->unmet_blockers->len, ==, unmet);
  g_assert_cmpuint (score->n_unanswered, ==, 0);
  g_assert_cmpstr (got_gaps, ==, gaps);

  answers_clear (&a);
}

/* Example A — Bar Sport, Novara */
static const int bar[] = {
  1, 1, 0, 0,   1, 1, 0, 0,   0, 1, 1, 0,   1, 1, 0, 1,   NA, NA, NA, NA,
  1, 0, 1, 1, 1, 1, 2, NA, NA, 1, NA,
  1, 0, 0, 0,   2, 1, 1,   1, 0, 0,   1, 0, 0, 2,
};

/* Example B — Laboratorio di ceramica, Caserta */
static const int ceramics[] = {
  2, 2, 1, 1,   2, 2, 1, 1,   2, 2, 1, 2,   2, 2, 1, 1,   1, 2, 1, 1,
  2, 2, 2, 2, 2, 2, 2, NA, 2, 1, 1,
  1, 1, 0, 1,   2, 2, 1,   1, 1, 1,   2, 1, 1, 2,
};

/* Example C — Negozio di abbigliamento, Como */
static const int clothes[] = {
  2, 2, 2, 1,   2, 2, 2, 2,   2, 2, 2, 2,   2, 2, 2, 2,   2, 2, 2, 1,
  2, 2, 2, 1, 2, 2, 2, 1, 2, 2, 2,
  2, 2, 1, 2,   2, 1, 2,   2, 2, 1,   2, 2, 1, 2,
};

static void
test_builtin (void)
{
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  guint weights = 0, blockers = 0;

  g_assert_cmpstr (checklist->id, ==, "prontezza-ecommerce");
  g_assert_cmpuint (checklist->areas->len, ==, 10);
  g_assert_cmpuint (checklist->items->len, ==, 45);
  for (guint a = 0; a < checklist->areas->len; a++)
    weights += g_array_index (checklist->areas, SportelloChecklistArea, a).weight;
  for (guint i = 0; i < checklist->items->len; i++)
    blockers += g_array_index (checklist->items, SportelloChecklistItem, i).blocker;
  g_assert_cmpuint (weights, ==, 100);
  g_assert_cmpuint (blockers, ==, 7);
  /* the order the worked examples rely on */
  g_assert_cmpint (sportello_checklist_find_item (checklist, "STR-01"), ==, 0);
  g_assert_cmpint (sportello_checklist_find_item (checklist, "LEG-01"), ==, 20);
  g_assert_cmpint (sportello_checklist_find_item (checklist, "SIC-04"), ==, 44);
}

static void
test_example_bar (void)
{
  check_example (bar, 1835, 54, 340, SPORTELLO_LEVEL_NOT_STARTED, 6,
                 "LEG-02(0), LEG-01(1), LEG-03(1), LEG-04(1), LEG-05(1), LEG-06(1), LEG-10(1), STR-03(0), STR-04(0), "
                 "CAT-03(0), CAT-04(0), PIA-01(0), PIA-04(0), SIC-02(0), SIC-03(0), STR-01(1), STR-02(1), CAT-01(1), "
                 "CAT-02(1), PIA-02(1), PIA-03(1), SIC-01(1), PAG-03(0), MKT-02(0), MKT-03(0), MKT-04(0), ORG-02(0), "
                 "ORG-03(0), PAG-01(1), PAG-02(1), PAG-04(1), MKT-01(1), ORG-01(1), SOC-02(1), SOC-03(1)");
}

static void
test_example_ceramics (void)
{
  check_example (ceramics, 147, 2, 735, SPORTELLO_LEVEL_READY, 0,
                 "LEG-10(1), LEG-11(1), STR-03(1), STR-04(1), CAT-03(1), CAT-04(1), PIA-03(1), LOG-01(1), LOG-03(1), "
                 "LOG-04(1), SIC-02(1), SIC-03(1), MKT-03(0), PAG-03(1), PAG-04(1), MKT-01(1), MKT-02(1), MKT-04(1), "
                 "ORG-01(1), ORG-02(1), ORG-03(1), SOC-03(1)");
}

static void
test_example_clothes (void)
{
  check_example (clothes, 12025, 132, 911, SPORTELLO_LEVEL_ADVANCED, 1,
                 "LEG-04(1), LEG-08(1), STR-04(1), LOG-04(1), SIC-03(1), MKT-03(1), ORG-03(1), SOC-02(1)");
}

static void
test_verdicts (void)
{
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  Answers a = answers_from (checklist, clothes);
  g_autoptr(SportelloScore) capped = sportello_checklist_score (checklist, a.answers, a.answered);
  g_autofree char *capped_verdict = sportello_score_verdict (capped);
  g_autoptr(SportelloScore) fixed = NULL;
  g_autofree char *fixed_verdict = NULL;

  /* 91,1 and Avanzata, but a blocker is unmet */
  g_assert_cmpstr (capped_verdict, ==, "Not ready to sell online");

  a.answers[sportello_checklist_find_item (checklist, "LEG-04")] = SPORTELLO_ANSWER_COMPLETE;
  fixed = sportello_checklist_score (checklist, a.answers, a.answered);
  fixed_verdict = sportello_score_verdict (fixed);
  g_assert_cmpstr (fixed_verdict, ==, "Advanced");

  /* a blocker answered N/A is not unmet */
  a.answers[sportello_checklist_find_item (checklist, "LEG-04")] = SPORTELLO_ANSWER_NA;
  {
    g_autoptr(SportelloScore) na = sportello_checklist_score (checklist, a.answers, a.answered);
    g_assert_cmpuint (na->unmet_blockers->len, ==, 0);
  }
  answers_clear (&a);
}

static void
test_edge_cases (void)
{
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  guint n = checklist->items->len;
  g_autofree SportelloAnswer *answers = g_new0 (SportelloAnswer, n);
  g_autofree gboolean *answered = g_new0 (gboolean, n);
  g_autoptr(SportelloScore) draft = NULL;
  g_autoptr(SportelloScore) all_na = NULL;
  g_autoptr(SportelloScore) area_na = NULL;
  g_autofree char *verdict = NULL;

  /* a draft: nothing answered counts as 0, blockers unmet */
  draft = sportello_checklist_score (checklist, answers, answered);
  g_assert_cmpuint (draft->n_unanswered, ==, n);
  g_assert_true (draft->defined);
  g_assert_cmpuint (draft->tenths, ==, 0);
  g_assert_cmpuint (draft->unmet_blockers->len, ==, 7);

  /* everything N/A: no score, “cannot be assessed” */
  for (guint i = 0; i < n; i++)
    {
      answers[i] = SPORTELLO_ANSWER_NA;
      answered[i] = TRUE;
    }
  all_na = sportello_checklist_score (checklist, answers, answered);
  g_assert_false (all_na->defined);
  g_assert_cmpint (all_na->level, ==, SPORTELLO_LEVEL_NONE);
  verdict = sportello_score_verdict (all_na);
  g_assert_cmpstr (verdict, ==, "Cannot be assessed");
  g_assert_cmpuint (all_na->gaps->len, ==, 0);

  /* one area all complete, everything else N/A: that area alone, 100 */
  for (guint i = 0; i < 4; i++)
    answers[i] = SPORTELLO_ANSWER_COMPLETE;
  area_na = sportello_checklist_score (checklist, answers, answered);
  g_assert_true (area_na->defined);
  g_assert_cmpuint (area_na->tenths, ==, 1000);
  g_assert_false (area_na->areas[1].applicable);
  g_assert_true (area_na->areas[0].applicable);
}

static void
test_levels_and_rounding (void)
{
  static const struct { guint tenths; SportelloLevel level; } cases[] = {
    { 399, SPORTELLO_LEVEL_NOT_STARTED }, { 400, SPORTELLO_LEVEL_PREPARING },
    { 699, SPORTELLO_LEVEL_PREPARING }, { 700, SPORTELLO_LEVEL_READY },
    { 899, SPORTELLO_LEVEL_READY }, { 900, SPORTELLO_LEVEL_ADVANCED },
    { 1000, SPORTELLO_LEVEL_ADVANCED }, { 0, SPORTELLO_LEVEL_NOT_STARTED },
  };
  g_autofree char *formatted = sportello_format_tenths (735);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sportello_level_for_tenths (cases[i].tenths), ==, cases[i].level);

  g_assert_cmpstr (formatted, ==, "73.5");

  /* exact values, rounded half up to one decimal: 69,95 → 70,0 → Pronta */
  g_assert_cmpuint (sportello_round_tenths (6995, 100), ==, 700);
  g_assert_cmpint (sportello_level_for_tenths (sportello_round_tenths (6995, 100)), ==, SPORTELLO_LEVEL_READY);
  g_assert_cmpuint (sportello_round_tenths (7345, 100), ==, 735);
  g_assert_cmpuint (sportello_round_tenths (7344, 100), ==, 734);
  g_assert_cmpuint (sportello_round_tenths (1835, 54), ==, 340);
  g_assert_cmpuint (sportello_round_tenths (12025, 132), ==, 911);
}

static void
test_review_date (void)
{
  SportelloChecklistItem item = { 0, };
  g_autoptr(GDate) soon = g_date_new_dmy (30, G_DATE_NOVEMBER, 2027);
  g_autoptr(GDate) later = g_date_new_dmy (1, G_DATE_DECEMBER, 2027);

  item.verified_on = (char *) "2026-11";
  g_assert_false (sportello_item_needs_review (&item, soon));
  g_assert_true (sportello_item_needs_review (&item, later));
  item.verified_on = (char *) "";
  g_assert_false (sportello_item_needs_review (&item, later));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/checklist/builtin", test_builtin);
  g_test_add_func ("/store/checklist/example-bar", test_example_bar);
  g_test_add_func ("/store/checklist/example-ceramics", test_example_ceramics);
  g_test_add_func ("/store/checklist/example-clothes", test_example_clothes);
  g_test_add_func ("/store/checklist/verdicts", test_verdicts);
  g_test_add_func ("/store/checklist/edge-cases", test_edge_cases);
  g_test_add_func ("/store/checklist/levels-and-rounding", test_levels_and_rounding);
  g_test_add_func ("/store/checklist/review-date", test_review_date);

  return g_test_run ();
}
