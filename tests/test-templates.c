/* test-templates.c: placeholders, missing values, escaping, lists
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sportello-assessment.h"
#include "sportello-checklist.h"

#include "sportello-client.h"
#include "sportello-database.h"
#include "sportello-document.h"
#include "sportello-follow-up.h"
#include "sportello-meeting.h"
#include "sportello-template.h"
#include "sportello-user-template.h"

static GHashTable *
values_new (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

static void
test_builtin (void)
{
  const GPtrArray *templates = sportello_templates_builtin ();
  g_autoptr(GPtrArray) header = sportello_template_check (sportello_templates_header (), NULL);
  g_autoptr(GPtrArray) closing = sportello_template_check (sportello_templates_closing (), NULL);

  g_assert_cmpuint (templates->len, >=, 6);
  g_assert_cmpuint (header->len, ==, 0);
  g_assert_cmpuint (closing->len, ==, 0);

  /* every built-in body uses only known placeholders and its own inputs */
  for (guint i = 0; i < templates->len; i++)
    {
      SportelloTemplate *t = g_ptr_array_index (templates, i);
      g_autoptr(GPtrArray) problems = sportello_template_check (t->body, t->inputs);

      if (problems->len > 0)
        g_error ("%s: unknown placeholder %s", t->id,
                 ((SportelloTemplateProblem *) g_ptr_array_index (problems, 0))->name);
      g_assert_nonnull (sportello_templates_find (t->id));
    }

  g_assert_cmpstr (sportello_placeholder_label ("client.vat"), ==, "partita IVA");
  g_assert_null (sportello_placeholder_label ("client.shoe_size"));
}

static void
test_values_and_missing (void)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *out = NULL;

  g_hash_table_insert (values, (gpointer) "client.name", (gpointer) "Ottica Colombo");
  g_hash_table_insert (values, (gpointer) "client.city", (gpointer) "");
  out = sportello_template_render ("Cliente: {{client.name}} · {{ client.city }} · P.IVA {{client.vat}}", NULL, values, &problems);

  g_assert_cmpuint (problems->len, ==, 0);
  /* never an empty string: a visible marker with the label */
  g_assert_cmpstr (out, ==, "Cliente: Ottica Colombo · «to complete: comune» · P.IVA «to complete: partita IVA»");
}

static void
test_unknown_with_line (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *out = sportello_template_render ("Riga uno\nRiga due {{client.shoe_size}}\n\n{{nope}}", NULL, NULL, &problems);
  SportelloTemplateProblem *first, *second;

  g_assert_null (out);
  g_assert_cmpuint (problems->len, ==, 2);
  first = g_ptr_array_index (problems, 0);
  second = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (first->name, ==, "client.shoe_size");
  g_assert_cmpuint (first->line, ==, 2);
  g_assert_cmpstr (second->name, ==, "nope");
  g_assert_cmpuint (second->line, ==, 4);
}

static void
test_inputs (void)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new ();
  SportelloPlaceholder budget = { (char *) "input.budget", (char *) "Budget annuo indicativo" };
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *filled = NULL;

  g_ptr_array_add (inputs, &budget);
  empty = sportello_template_render ("Budget: {{input.budget}}", inputs, values, &problems);
  g_assert_cmpstr (empty, ==, "Budget: «to complete: Budget annuo indicativo»");
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_hash_table_insert (values, (gpointer) "input.budget", (gpointer) "3.000 € l'anno");
  filled = sportello_template_render ("Budget: {{input.budget}}", inputs, values, &problems);
  g_assert_cmpstr (filled, ==, "Budget: 3.000 € l'anno");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* another template's input is unknown here */
  g_assert_null (sportello_template_render ("{{input.altro}}", inputs, values, &problems));
}

static void
test_escaping (void)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *out = NULL;

  /* a value that looks like a placeholder or like Markdown stays as typed */
  g_hash_table_insert (values, (gpointer) "client.name", (gpointer) "{{client.vat}} *Rossi* <b>Bar</b> [x](y)");
  g_hash_table_insert (values, (gpointer) "client.vat", (gpointer) "SHOULD NOT APPEAR");
  out = sportello_template_render ("# {{client.name}}", NULL, values, &problems);
  g_assert_cmpstr (out, ==, "# \\{\\{client.vat\\}\\} \\*Rossi\\* \\<b\\>Bar\\</b\\> \\[x\\](y)");
  g_assert_null (strstr (out, "SHOULD NOT APPEAR"));

  /* and nothing is escaped that Markdown would not misread */
  {
    static const struct { const char *in, *out; } cases[] = {
      { "Bar Sole & Luna S.r.l.", "Bar Sole & Luna S.r.l." },
      { "Rossi &amp; figli", "Rossi \\&amp; figli" },
      { "- Rossi", "\\- Rossi" },
      { "# 1", "\\# 1" },
      { "1. Rossi", "1\\. Rossi" },
      { "2026. Rossi", "2026\\. Rossi" },
      { "3.000 €", "3.000 €" },
      { "Via Roma 1-3 (Novara)", "Via Roma 1-3 (Novara)" },
      { "a_b ~c~", "a\\_b \\~c\\~" },
      { "", "" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *escaped = sportello_markdown_escape (cases[i].in);

        g_assert_cmpstr (escaped, ==, cases[i].out);
      }
  }
}

static void
test_lists (void)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *out = NULL;

  g_hash_table_insert (values, (gpointer) "assessment.gaps", (gpointer) "- LEG-04 Recesso online — parziale\n- SIC-03 Backup — assente\n");
  out = sportello_template_render ("5. **Piano delle azioni** — {{assessment.gaps}}", NULL, values, &problems);
  g_assert_cmpstr (out, ==, "5. **Piano delle azioni** — \n\n- LEG-04 Recesso online — parziale\n- SIC-03 Backup — assente\n");
}

/* A document for a client from a built-in template */
static void
test_document (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "documents", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloDocument) doc = NULL;
  g_autoptr(SportelloDocument) loaded = NULL;
  g_autoptr(GListModel) docs = NULL;
  const char *body;

  sportello_database_set_origin (db, "Sara Nava", "ComoNext – Lomazzo");
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Rossi *Arredi* {{x}}");
  sportello_client_set (client, SPORTELLO_CLIENT_VAT_NUMBER, "00743110157");
  sportello_client_set (client, SPORTELLO_CLIENT_MUNICIPALITY, "Lomazzo");
  g_assert_true (sportello_client_save (client, db, &error));

  doc = sportello_document_new_from_template (db, sportello_client_get_uuid (client),
                                              sportello_templates_find ("parere-piattaforma-ecommerce"),
                                              "sara.nava@example.org", &error);
  g_assert_no_error (error);
  body = sportello_document_get (doc, SPORTELLO_DOCUMENT_BODY);
  g_assert_nonnull (strstr (body, "ComoNext – Lomazzo"));
  g_assert_nonnull (strstr (body, "Rossi \\*Arredi\\* \\{\\{x\\}\\}"));
  g_assert_nonnull (strstr (body, "00743110157"));
  g_assert_nonnull (strstr (body, "sara.nava@example.org"));
  /* no assessment yet, no budget given: visible markers, never blanks */
  g_assert_nonnull (strstr (body, "«to complete: "));
  g_assert_null (strstr (body, "{{"));

  g_assert_true (sportello_document_save (doc, db, &error));
  g_assert_true (sportello_document_save_body (db, sportello_document_get (doc, SPORTELLO_DOCUMENT_UUID), "Testo nuovo", &error));
  loaded = sportello_document_load (db, sportello_document_get (doc, SPORTELLO_DOCUMENT_UUID), &error);
  g_assert_cmpstr (sportello_document_get (loaded, SPORTELLO_DOCUMENT_BODY), ==, "Testo nuovo");
  g_assert_cmpstr (sportello_document_get (loaded, SPORTELLO_DOCUMENT_STATUS), ==, "draft");

  sportello_document_set (loaded, SPORTELLO_DOCUMENT_STATUS, "sent");
  sportello_document_set (loaded, SPORTELLO_DOCUMENT_SENT_ON, "2026-11-25");
  g_assert_true (sportello_document_save (loaded, db, &error));
  docs = sportello_document_list (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 1);

  /* erasure takes the documents too */
  g_assert_true (sportello_client_erase (db, sportello_client_get_uuid (client), &error));
  g_clear_object (&docs);
  docs = sportello_document_list (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 0);
}

/* {{assessment.date}} is written as a long date in a letter, as {{date}}
 * and {{meeting.date}} are, never as the stored ISO date */
static void
test_document_assessment_date (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "documents-assessment", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloAssessment) assessment = NULL;
  g_autoptr(SportelloDocument) doc = NULL;
  g_autofree char *checklist_uuid = NULL;
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  const char *body;

  sportello_database_set_origin (db, "Sara Nava", "Polo di Lomazzo");
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Ceramiche Molteni");
  g_assert_true (sportello_client_save (client, db, &error));
  checklist_uuid = sportello_checklist_store (db, checklist, &error);
  g_assert_no_error (error);

  assessment = sportello_assessment_new (sportello_client_get_uuid (client), checklist_uuid);
  sportello_assessment_set (assessment, SPORTELLO_ASSESSMENT_ASSESSED_ON, "2026-11-08");
  for (guint i = 0; i < checklist->items->len; i++)
    sportello_assessment_set_answer (assessment, g_array_index (checklist->items, SportelloChecklistItem, i).id,
                                     SPORTELLO_ANSWER_PARTIAL, "");
  g_assert_true (sportello_assessment_save (assessment, db, &error));
  g_assert_no_error (error);

  doc = sportello_document_new_from_template (db, sportello_client_get_uuid (client),
                                              sportello_templates_find ("parere-piattaforma-ecommerce"),
                                              "sara.nava@example.org", &error);
  g_assert_no_error (error);
  body = sportello_document_get (doc, SPORTELLO_DOCUMENT_BODY);
  /* the program runs in the C locale: the template is Italian, the date English */
  g_assert_nonnull (strstr (body, "(valutazione in data 8 November 2026)"));
  g_assert_null (strstr (body, "2026-11-08"));
}

/* The open follow-ups in a document say when they are due as the window
 * does, through the same “by %s” and the same date */
static void
test_document_follow_up_due (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "documents-follow-ups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloMeeting) meeting = NULL;
  g_autoptr(SportelloFollowUp) follow_up = NULL;
  g_autoptr(SportelloDocument) doc = NULL;
  const char *body;

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Ferramenta Sala");
  g_assert_true (sportello_client_save (client, db, &error));
  meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  sportello_meeting_set (meeting, SPORTELLO_MEETING_STARTS_AT, "2026-11-20T09:00:00Z");
  g_assert_true (sportello_meeting_save (meeting, db, &error));
  follow_up = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "Mandare la visura camerale");
  sportello_follow_up_set (follow_up, SPORTELLO_FOLLOW_UP_DUE_DATE, "2026-12-08");
  g_assert_true (sportello_follow_up_save (follow_up, db, &error));
  g_assert_no_error (error);

  doc = sportello_document_new_from_template (db, sportello_client_get_uuid (client),
                                              sportello_templates_find ("orientamento-bandi"),
                                              "sara.nava@example.org", &error);
  g_assert_no_error (error);
  body = sportello_document_get (doc, SPORTELLO_DOCUMENT_BODY);
  /* the C locale: “by 8 December 2026”; Italian makes it “entro l'8 dicembre 2026” */
  g_assert_nonnull (strstr (body, "- Mandare la visura camerale — Consultant, by 8 December 2026\n"));
}

/* The consultant's own templates: duplicated, edited, used, deleted */
static void
test_user_templates (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "user-templates", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloTemplate) copy = NULL;
  g_autoptr(SportelloTemplate) loaded = NULL;
  g_autoptr(SportelloTemplate) builtin = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SportelloDocument) doc = NULL;

  /* a built-in template cannot be overwritten */
  builtin = sportello_template_lookup (db, "orientamento-bandi", &error);
  g_assert_no_error (error);
  g_assert_false (sportello_user_template_save (db, builtin, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* its duplicate has no inputs: they became markers to fill in */
  copy = sportello_user_template_duplicate (builtin);
  g_assert_cmpstr (copy->id, ==, "");
  g_assert_cmpstr (copy->title, ==, "Orientamento ai bandi per la digitalizzazione (copy)");
  g_assert_cmpuint (copy->inputs->len, ==, 0);
  g_assert_null (strstr (copy->body, "{{input."));
  g_assert_nonnull (strstr (copy->body, "«to complete: progetto da finanziare»"));
  g_assert_nonnull (strstr (copy->body, "{{client.name}}"));
  problems = sportello_template_check (copy->body, copy->inputs);
  g_assert_cmpuint (problems->len, ==, 0);

  g_free (copy->title);
  copy->title = g_strdup ("Bandi regionali Piemonte");
  g_assert_true (sportello_user_template_save (db, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (copy->id), ==, 36);

  /* edited and stored again under the same id */
  g_free (copy->body);
  copy->body = g_strdup ("Per {{client.name}}: {{hub.name}}");
  g_assert_true (sportello_user_template_save (db, copy, &error));
  loaded = sportello_template_lookup (db, copy->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->body, ==, "Per {{client.name}}: {{hub.name}}");
  g_assert_cmpstr (loaded->title, ==, "Bandi regionali Piemonte");

  /* a title is required */
  g_free (loaded->title);
  loaded->title = g_strdup ("  ");
  g_assert_false (sportello_user_template_save (db, loaded, &error));
  g_clear_error (&error);

  /* and a document can be made from it */
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Officina Gallo");
  g_assert_true (sportello_client_save (client, db, &error));
  doc = sportello_document_new_from_template (db, sportello_client_get_uuid (client), copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (sportello_document_get (doc, SPORTELLO_DOCUMENT_BODY), "Per Officina Gallo: "));
  g_assert_cmpstr (sportello_document_get (doc, SPORTELLO_DOCUMENT_TEMPLATE_ID), ==, copy->id);

  list = sportello_user_templates_list (db, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (sportello_user_template_delete (db, copy->id, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sportello_user_templates_list (db, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (sportello_template_lookup (db, copy->id, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
}

/* The built-in content is Italian, and so are its bodies in every
 * language; its titles and descriptions are translated: English is the
 * source, and Italian gives back the JSON's own words. */
static void
test_display_names (void)
{
  const GPtrArray *templates = sportello_templates_builtin ();
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  SportelloTemplate copy;

  if (setlocale (LC_ALL, "it_IT.UTF-8") == NULL)
    {
      g_test_skip ("no it_IT.UTF-8 locale");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpuint (templates->len, ==, 6);
  for (guint i = 0; i < templates->len; i++)
    {
      const SportelloTemplate *t = g_ptr_array_index (templates, i);

      g_assert_cmpstr (sportello_template_display_title (t), !=, t->title);
      g_assert_true (g_str_has_prefix (sportello_template_display_description (t), "When to use it: "));
    }
  g_assert_cmpstr (sportello_template_display_title (sportello_templates_find ("parere-piattaforma-ecommerce")), ==,
                   "Choosing an E-Commerce Platform");
  g_assert_cmpstr (sportello_checklist_display_title (checklist->id, checklist->title), ==, "E-Commerce Readiness");
  g_assert_true (g_str_has_prefix (sportello_checklist_display_description (checklist->id, checklist->description),
                                   "Assesses whether a firm is ready to sell online"));

  /* in Italian, the words of the content itself: it.po and the JSON agree */
  g_setenv ("LANGUAGE", "it", TRUE);
  for (guint i = 0; i < templates->len; i++)
    {
      const SportelloTemplate *t = g_ptr_array_index (templates, i);

      g_assert_cmpstr (sportello_template_display_title (t), ==, t->title);
      g_assert_cmpstr (sportello_template_display_description (t), ==, t->description);
    }
  g_assert_cmpstr (sportello_checklist_display_title (checklist->id, checklist->title), ==, checklist->title);
  g_assert_cmpstr (sportello_checklist_display_description (checklist->id, checklist->description), ==, checklist->description);

  /* a template of the user's, or a checklist copied and renamed, keeps its own words */
  g_setenv ("LANGUAGE", "en", TRUE);
  copy = *(const SportelloTemplate *) g_ptr_array_index (templates, 0);
  copy.title = (char *) "Scelta della piattaforma (copia)";
  g_assert_cmpstr (sportello_template_display_title (&copy), ==, "Scelta della piattaforma (copia)");
  g_assert_cmpstr (sportello_checklist_display_title ("mia-checklist", "La mia checklist"), ==, "La mia checklist");

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/template/builtin", test_builtin);
  g_test_add_func ("/store/template/values-and-missing", test_values_and_missing);
  g_test_add_func ("/store/template/unknown-with-line", test_unknown_with_line);
  g_test_add_func ("/store/template/inputs", test_inputs);
  g_test_add_func ("/store/template/escaping", test_escaping);
  g_test_add_func ("/store/template/lists", test_lists);
  g_test_add_func ("/store/template/document", test_document);
  g_test_add_func ("/store/template/document-assessment-date", test_document_assessment_date);
  g_test_add_func ("/store/template/document-follow-up-due", test_document_follow_up_due);
  g_test_add_func ("/store/template/user-templates", test_user_templates);
  g_test_add_func ("/store/template/display-names", test_display_names);

  return g_test_run ();
}
