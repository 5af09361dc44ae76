/* sportello-client-page-groups.c: the groups under a client's own fields
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meetings and open follow-ups, assessments, documents and the templates
 * menu, grants, attachments and events: made from
 * sportello-client-page-groups.ui with their first fill, after the page's
 * first frame, one step an idle (the page decides when; this file what
 * each step does).
 */

#define G_LOG_DOMAIN "sportello-client-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-assessment.h"
#include "sportello-checklist.h"
#include "sportello-client-events.h"
#include "sportello-client-page-private.h"
#include "sportello-document.h"
#include "sportello-follow-up.h"
#include "sportello-follow-up-row.h"
#include "sportello-format.h"
#include "sportello-meeting.h"
#include "sportello-user-template.h"
#include "sportello-vocabulary.h"

static GtkWidget *
create_open_follow_up_row (gpointer item,
                           gpointer user_data)
{
  SportelloClientPage *self = user_data;

  return sportello_follow_up_row_new (self->context, item, FALSE);
}

static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  SportelloMeeting *meeting = item;
  g_autofree char *date = sportello_format_date_long (sportello_meeting_get (meeting, SPORTELLO_MEETING_STARTS_AT));
  g_autofree char *excerpt = sportello_meeting_dup_excerpt (meeting, 120);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a meeting in a client's timeline: date and kind */
  title = g_strdup_printf (_("%s · %s"), date ? date : "",
                           sportello_vocabulary_label (SPORTELLO_VOCABULARY_MEETING_KIND,
                                                       sportello_meeting_get (meeting, SPORTELLO_MEETING_KIND)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), excerpt[0] ? excerpt : _("No notes yet"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
meeting_activated_cb (SportelloClientPage *self,
                      GtkListBoxRow       *row)
{
  g_autoptr(SportelloMeeting) meeting = _sportello_client_page_item_of_row (self->meetings, GTK_WIDGET (row));

  if (meeting != NULL)
    g_signal_emit (self, _sportello_client_page_signals[SPORTELLO_CLIENT_PAGE_OPEN_MEETING], 0, sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
}

static void
fill_meetings (SportelloClientPage *self)
{
  const char *uuid = sportello_client_get_uuid (self->client);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->meetings);
  g_clear_object (&self->open_follow_ups);
  self->meetings = sportello_meeting_list (self->db, uuid, NULL, &error);
  if (self->meetings == NULL)
    {
      g_warning ("Cannot list the meetings: %s", error->message);
      self->meetings = G_LIST_MODEL (g_list_store_new (SPORTELLO_TYPE_MEETING));
      g_clear_error (&error);
    }
  self->open_follow_ups = sportello_follow_up_list_open (self->db, uuid, NULL, &error);
  if (self->open_follow_ups == NULL)
    {
      g_warning ("Cannot list the follow-ups: %s", error->message);
      self->open_follow_ups = G_LIST_MODEL (g_list_store_new (SPORTELLO_TYPE_FOLLOW_UP));
    }

  gtk_list_box_bind_model (self->meetings_list, self->meetings, create_meeting_row, self, NULL);
  gtk_list_box_bind_model (self->open_follow_ups_list, self->open_follow_ups, create_open_follow_up_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->meetings_list), g_list_model_get_n_items (self->meetings) > 0);
  gtk_widget_set_visible (self->meetings_empty, g_list_model_get_n_items (self->meetings) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->open_follow_ups_list), g_list_model_get_n_items (self->open_follow_ups) > 0);
}

static GtkWidget *
create_assessment_row (gpointer item,
                       gpointer user_data)
{
  SportelloAssessment *assessment = item;
  SportelloClientPage *self = user_data;
  g_autoptr(SportelloChecklist) checklist = NULL;
  g_autoptr(SportelloScore) score = NULL;
  g_autofree char *date = sportello_format_date_long (sportello_assessment_get (assessment, SPORTELLO_ASSESSMENT_ASSESSED_ON));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  checklist = sportello_checklist_load_version (self->db, sportello_assessment_get (assessment, SPORTELLO_ASSESSMENT_CHECKLIST_UUID), NULL);
  if (checklist != NULL)
    {
      g_autofree char *verdict = NULL;
      g_autofree char *value = NULL;

      score = sportello_assessment_score (assessment, checklist);
      verdict = sportello_score_verdict (score);
      value = score->defined ? sportello_format_tenths (score->tenths) : g_strdup ("—");
      if (score->n_unanswered > 0)
        /* Translators: a draft assessment: provisional score, answered items */
        subtitle = g_strdup_printf (_("%s/100, provisional — %u of %u answered"), value,
                                    checklist->items->len - score->n_unanswered, checklist->items->len);
      else
        /* Translators: score and verdict of an assessment, as in “73,5/100 — Pronta” */
        subtitle = g_strdup_printf (_("%s/100 — %s"), value, verdict);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date ? date : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  {
    /* Translators: an assessment row for a screen reader: its date, then
     * its score, as in “Assessment, 8 December 2026: 73,5/100 — Ready” */
    g_autofree char *name = g_strdup_printf (_("Assessment, %s: %s"), date ? date : "", subtitle ? subtitle : "");

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
assessment_activated_cb (SportelloClientPage *self,
                         GtkListBoxRow       *row)
{
  g_autoptr(SportelloAssessment) assessment = _sportello_client_page_item_of_row (self->assessments, GTK_WIDGET (row));

  if (assessment != NULL)
    g_signal_emit (self, _sportello_client_page_signals[SPORTELLO_CLIENT_PAGE_OPEN_ASSESSMENT], 0,
                   sportello_assessment_get (assessment, SPORTELLO_ASSESSMENT_UUID));
}

static void
fill_assessments (SportelloClientPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->assessments);
  g_clear_object (&self->documents);
  self->assessments = sportello_assessment_list (self->db, sportello_client_get_uuid (self->client), &error);
  if (self->assessments == NULL)
    {
      g_warning ("Cannot list the assessments: %s", error->message);
      self->assessments = G_LIST_MODEL (g_list_store_new (SPORTELLO_TYPE_ASSESSMENT));
    }
  gtk_list_box_bind_model (self->assessments_list, self->assessments, create_assessment_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->assessments_list), g_list_model_get_n_items (self->assessments) > 0);
  gtk_widget_set_visible (self->assessments_empty, g_list_model_get_n_items (self->assessments) == 0);
}

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  SportelloDocument *document = item;
  gboolean sent = g_str_equal (sportello_document_get (document, SPORTELLO_DOCUMENT_STATUS), "sent");
  g_autofree char *date = sportello_format_date_on (sent ? sportello_document_get (document, SPORTELLO_DOCUMENT_SENT_ON)
                                                         : sportello_document_get (document, SPORTELLO_DOCUMENT_UPDATED_AT),
                                                    SPORTELLO_DATE_LONG);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (sent)
    /* Translators: an advice document in a client's page, with the date it was sent;
     * %s comes with its article where the language needs one (“l'8 dicembre 2026”) */
    subtitle = g_strdup_printf (_("Sent on %s"), date ? date : "");
  else
    /* Translators: an advice document not sent yet, with the date of its last change;
     * %s comes with its article where the language needs one (“l'8 dicembre 2026”) */
    subtitle = g_strdup_printf (_("Draft, changed on %s"), date ? date : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_document_get (document, SPORTELLO_DOCUMENT_TITLE));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  {
    /* Translators: a document row for a screen reader: its title, then
     * whether it was sent, as in “Advice document “Online shop”, sent on
     * 8 December 2026” */
    g_autofree char *name = g_strdup_printf (_("Advice document “%s”, %s"),
                                             sportello_document_get (document, SPORTELLO_DOCUMENT_TITLE), subtitle);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
document_activated_cb (SportelloClientPage *self,
                       GtkListBoxRow       *row)
{
  g_autoptr(SportelloDocument) document = _sportello_client_page_item_of_row (self->documents, GTK_WIDGET (row));

  if (document != NULL)
    g_signal_emit (self, _sportello_client_page_signals[SPORTELLO_CLIENT_PAGE_OPEN_DOCUMENT], 0, sportello_document_get (document, SPORTELLO_DOCUMENT_UUID));
}

static void
append_templates (GMenu           *menu,
                  const GPtrArray *templates)
{
  for (guint i = 0; i < templates->len; i++)
    {
      const SportelloTemplate *template = g_ptr_array_index (templates, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (sportello_template_display_title (template), NULL);

      g_menu_item_set_action_and_target_value (item, "client.new-document", g_variant_new_string (template->id));
      g_menu_append_item (menu, item);
    }
}

/* “New advice document” offers the user's templates, then the built-in ones */
static void
fill_document_menu (SportelloClientPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) builtin = g_menu_new ();
  g_autoptr(GPtrArray) own = sportello_user_templates_list (self->db, NULL);

  if (own != NULL && own->len > 0)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      append_templates (section, own);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
  append_templates (builtin, sportello_templates_builtin ());
  g_menu_append_section (menu, NULL, G_MENU_MODEL (builtin));
  gtk_menu_button_set_menu_model (self->new_document_button, G_MENU_MODEL (menu));
}

static void
fill_documents (SportelloClientPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->documents);
  self->documents = sportello_document_list (self->db, sportello_client_get_uuid (self->client), &error);
  if (self->documents == NULL)
    {
      g_warning ("Cannot list the documents: %s", error->message);
      self->documents = G_LIST_MODEL (g_list_store_new (SPORTELLO_TYPE_DOCUMENT));
    }
  gtk_list_box_bind_model (self->documents_list, self->documents, create_document_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->documents_list), g_list_model_get_n_items (self->documents) > 0);
  gtk_widget_set_visible (self->documents_empty, g_list_model_get_n_items (self->documents) == 0);
}

/* The groups under the client's own fields are made with their first
 * fill, not with the page: until then the page has only what its first
 * frame shows */
static void
make_groups (SportelloClientPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  static const char * const groups[] = {
    "meetings_group", "assessments_group", "grants_group", "attachments_group", "documents_group"
  };

  if (self->meetings_group != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/sportello-client-page-groups.ui");
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_box_append (self->groups_box, GTK_WIDGET (gtk_builder_get_object (builder, groups[i])));
  self->meetings_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "meetings_group"));
  self->open_follow_ups_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "open_follow_ups_list"));
  self->meetings_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "meetings_list"));
  self->assessments_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "assessments_group"));
  self->assessments_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "assessments_list"));
  self->grants_group = SPORTELLO_CLIENT_GRANTS (gtk_builder_get_object (builder, "grants_group"));
  self->attachments_group = SPORTELLO_CLIENT_ATTACHMENTS (gtk_builder_get_object (builder, "attachments_group"));
  self->documents_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "documents_group"));
  self->new_document_button = GTK_MENU_BUTTON (gtk_builder_get_object (builder, "new_document_button"));
  self->documents_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "documents_list"));

  self->meetings_empty = _sportello_client_page_empty_list_new (self->meetings_list, _("No meetings"),
                                         _("At the desk, by phone or on a visit: add one with the + button"));
  self->assessments_empty = _sportello_client_page_empty_list_new (self->assessments_list, _("No assessments"),
                                            _("How ready the firm is to sell online, item by item"));
  self->documents_empty = _sportello_client_page_empty_list_new (self->documents_list, _("No documents"),
                                          _("Advice written from a template, filled in with this file"));
  g_signal_connect_object (self->meetings_list, "row-activated",
                           G_CALLBACK (meeting_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assessments_list, "row-activated",
                           G_CALLBACK (assessment_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents_list, "row-activated",
                           G_CALLBACK (document_activated_cb), self, G_CONNECT_SWAPPED);
}

static void
fill_grants (SportelloClientPage *self)
{
  sportello_client_grants_set_client (self->grants_group, self->context, sportello_client_get_uuid (self->client));
}

static void
fill_attachments (SportelloClientPage *self)
{
  sportello_client_attachments_set_client (self->attachments_group, self->context, sportello_client_get_uuid (self->client));
}

static void
fill_events (SportelloClientPage *self)
{
  if (self->events_group == NULL)
    {
      /* the events its people attended: a group that follows the database itself */
      self->events_group = sportello_client_events_new (self->db, sportello_client_get_uuid (self->client));
      gtk_box_append (self->groups_box, self->events_group);
    }
}

/* The groups under the client's own fields, what they list read and made
 * into rows: after the page's first frame, one step an idle (each a few
 * milliseconds), so that the main loop is never blocked for all of them */
static void (* const fill_steps[]) (SportelloClientPage *self) = {
  _sportello_client_page_fill_fields_below,
  make_groups,
  fill_meetings,
  fill_assessments,
  fill_documents,
  fill_grants,
  fill_attachments,
  fill_document_menu,
  fill_events,
};

/* Does the groups' next step of their first fill: FALSE once all are done */
gboolean
_sportello_client_page_fill_next_group (SportelloClientPage *self)
{
  if (self->fill_step < G_N_ELEMENTS (fill_steps))
    fill_steps[self->fill_step++] (self);

  return self->fill_step < G_N_ELEMENTS (fill_steps);
}

/* Every group read afresh and its rows made again */
void
_sportello_client_page_fill_groups (SportelloClientPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fill_steps); i++)
    fill_steps[i] (self);
}
