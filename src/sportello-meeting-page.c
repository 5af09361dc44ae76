/* sportello-meeting-page.c: one meeting, its notes and follow-ups
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * There is no Save button: notes are stored half a second after the last
 * keystroke, and whatever is pending when the page goes away (closing the
 * window, going back) is stored then (SportelloRecordPage). The notes have
 * an autosave of their own, so typing never waits for the details.
 */

#define G_LOG_DOMAIN "sportello-meeting-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <gtksourceview/gtksource.h>
#include <libspelling.h>

#include "sportello-autosave.h"
#include "sportello-binding.h"
#include "sportello-follow-up.h"
#include "sportello-follow-up-row.h"
#include "sportello-date-entry.h"
#include "sportello-format.h"
#include "sportello-meeting-page.h"
#include "sportello-section.h"
#include "sportello-text-editor.h"
#include "sportello-vocabulary.h"

#define AUTOSAVE_DELAY_MS 500

struct _SportelloMeetingPage
{
  SportelloRecordPage        parent_instance;

  SportelloMeeting          *meeting;   /* the page's record */
  GListModel                *follow_ups;
  SportelloAutosave          notes_autosave;

  gboolean                   shown_once;
  AdwExpanderRow            *details_row;
  AdwEntryRow               *starts_at_row;
  AdwSpinRow                *duration_row;
  AdwComboRow               *kind_row;
  AdwEntryRow               *participants_row;
  AdwEntryRow               *topics_row;
  SportelloTextEditor       *notes_view;
  GtkListBox                *follow_ups_list;
  AdwEntryRow               *new_follow_up_row;
};

G_DEFINE_FINAL_TYPE (SportelloMeetingPage, sportello_meeting_page, SPORTELLO_TYPE_RECORD_PAGE)

#define DATABASE(self) (sportello_record_page_get_database (SPORTELLO_RECORD_PAGE (self)))
#define TOAST(self, t) (sportello_record_page_toast (SPORTELLO_RECORD_PAGE (self), (t)))

static char *
get_notes (SportelloMeetingPage *self)
{
  return sportello_text_editor_get_text (self->notes_view);
}

static gboolean
save_notes (GtkWidget  *widget,
            GError    **error)
{
  SportelloMeetingPage *self = SPORTELLO_MEETING_PAGE (widget);
  g_autofree char *notes = get_notes (self);

  if (!sportello_meeting_save_notes (DATABASE (self), sportello_meeting_get (self->meeting, SPORTELLO_MEETING_UUID),
                                     notes, error))
    return FALSE;

  sportello_meeting_set (self->meeting, SPORTELLO_MEETING_NOTES, notes);
  return TRUE;
}

static void
notes_toast_cb (GtkWidget *owner,
                AdwToast  *toast)
{
  TOAST (owner, toast);
}

/* connected once the notes are loaded: loading them is no change */
static void
notes_changed_cb (SportelloMeetingPage *self)
{
  sportello_record_page_touched (SPORTELLO_RECORD_PAGE (self));
  sportello_autosave_schedule (&self->notes_autosave);
}

static void
update_title (SportelloMeetingPage *self)
{
  g_autofree char *date = sportello_format_date_long (sportello_meeting_get (self->meeting, SPORTELLO_MEETING_STARTS_AT));
  g_autofree char *title = NULL;
  const char *kind = sportello_vocabulary_label (SPORTELLO_VOCABULARY_MEETING_KIND,
                                                 sportello_meeting_get (self->meeting, SPORTELLO_MEETING_KIND));

  /* Translators: the title of a meeting page: the client's name */
  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), sportello_meeting_get (self->meeting, SPORTELLO_MEETING_CLIENT_NAME));
  /* Translators: summary of a meeting: kind and date, as in “Videochiamata · 25 novembre 2026” */
  title = g_strdup_printf (_("%s · %s"), kind, date ? date : "");
  adw_expander_row_set_subtitle (self->details_row, title);
}

/* The details reach the record through their bindings as they are
 * typed. A start that is no date is not stored: the row says so, and
 * that is no failure to try again */
static gboolean
save_details (SportelloRecordPage  *page,
              GError              **error)
{
  SportelloMeetingPage *self = SPORTELLO_MEETING_PAGE (page);
  g_autofree char *starts_at = sportello_date_entry_parse_utc (gtk_editable_get_text (GTK_EDITABLE (self->starts_at_row)), 9);

  if (starts_at == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->starts_at_row), "error");
      return TRUE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->starts_at_row), "error");

  /* the notes go with the details, so a details save never undoes typing */
  {
    g_autofree char *notes = get_notes (self);

    sportello_meeting_set (self->meeting, SPORTELLO_MEETING_NOTES, notes);
    sportello_autosave_cancel (&self->notes_autosave);
  }

  if (!sportello_meeting_save (self->meeting, DATABASE (self), error))
    return FALSE;

  update_title (self);
  return TRUE;
}

/* a start typed that is no date does not reach the record, but the save
 * that says so is due all the same */
static void
starts_at_changed_cb (SportelloMeetingPage *self)
{
  sportello_record_page_changed (SPORTELLO_RECORD_PAGE (self));
}

/* the details first: they store the notes too */
static void
flush (SportelloRecordPage *page)
{
  SportelloMeetingPage *self = SPORTELLO_MEETING_PAGE (page);

  SPORTELLO_RECORD_PAGE_CLASS (sportello_meeting_page_parent_class)->flush (page);
  sportello_autosave_flush (&self->notes_autosave);
}

/* ------------------------------------------------------- follow-ups ---- */

static GtkWidget *
create_follow_up_row (gpointer item,
                      gpointer user_data)
{
  SportelloMeetingPage *self = user_data;

  return sportello_follow_up_row_new (sportello_record_page_get_context (SPORTELLO_RECORD_PAGE (self)), item, FALSE);
}

static void
reload_follow_ups (SportelloMeetingPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->follow_ups);
  self->follow_ups = sportello_follow_up_list_for_meeting (DATABASE (self), sportello_meeting_get (self->meeting, SPORTELLO_MEETING_UUID), &error);
  if (self->follow_ups == NULL)
    {
      sportello_record_page_toast_error (SPORTELLO_RECORD_PAGE (self), error);
      self->follow_ups = G_LIST_MODEL (g_list_store_new (SPORTELLO_TYPE_FOLLOW_UP));
    }
  gtk_list_box_bind_model (self->follow_ups_list, self->follow_ups, create_follow_up_row, self, NULL);
  /* the scrolled window, not just the list: it would leave a blank gap
   * under the heading of a new meeting */
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->follow_ups_list), GTK_TYPE_SCROLLED_WINDOW),
                          g_list_model_get_n_items (self->follow_ups) > 0);
}

static gboolean
add_follow_up (SportelloMeetingPage *self,
               const char           *text)
{
  g_autoptr(SportelloFollowUp) f = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) week = g_date_time_add_days (now, 7);
  g_autofree char *due = g_date_time_format (week, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  f = sportello_follow_up_new (sportello_meeting_get (self->meeting, SPORTELLO_MEETING_UUID), text);
  sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_DUE_DATE, due);
  if (!sportello_follow_up_save (f, DATABASE (self), &error))
    {
      sportello_record_page_toast_error (SPORTELLO_RECORD_PAGE (self), error);
      return FALSE;
    }

  /* the list follows the database (reload_follow_ups) */
  sportello_record_page_touched (SPORTELLO_RECORD_PAGE (self));
  return TRUE;
}

static void
new_follow_up_cb (SportelloMeetingPage *self)
{
  if (add_follow_up (self, gtk_editable_get_text (GTK_EDITABLE (self->new_follow_up_row))))
    gtk_editable_set_text (GTK_EDITABLE (self->new_follow_up_row), "");
}

static void
line_to_follow_up_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  SportelloMeetingPage *self = SPORTELLO_MEETING_PAGE (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  GtkTextIter start, end;
  g_autofree char *line = NULL;
  char *text;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
      end = start;
      gtk_text_iter_set_line_offset (&start, 0);
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
    }

  line = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  text = g_strstrip (line);
  /* a Markdown list item or heading becomes plain text */
  while (*text == '-' || *text == '*' || *text == '#' || *text == '>' || *text == ' ' ||
         (*text == '[' && (text[1] == ' ' || text[1] == 'x') && text[2] == ']'))
    text += *text == '[' ? 3 : 1;

  if (*text == '\0')
    {
      TOAST (self, adw_toast_new (_("Put the cursor on a line of the notes first")));
      return;
    }

  if (add_follow_up (self, text))
    TOAST (self, adw_toast_new (_("Follow-up added, due in a week")));
}

/* ----------------------------------------------------------- delete ---- */

static gboolean
delete_record (SportelloRecordPage  *page,
               gpointer             *kept,
               GError              **error)
{
  SportelloMeetingPage *self = SPORTELLO_MEETING_PAGE (page);

  if (!sportello_meeting_delete (DATABASE (self), sportello_meeting_get (self->meeting, SPORTELLO_MEETING_UUID), error))
    return FALSE;

  /* what brings it back: itself and its follow-ups */
  *kept = sportello_record_page_keep (self->meeting, (SportelloRecordSaveFunc) sportello_meeting_save,
                                      self->follow_ups, (SportelloRecordSaveFunc) sportello_follow_up_save);
  return TRUE;
}

/* ---------------------------------------------------------- GObject ---- */

static void
sportello_meeting_page_dispose (GObject *object)
{
  SportelloMeetingPage *self = (SportelloMeetingPage *)object;

  /* what was typed is stored when the page leaves the window */
  sportello_autosave_cancel (&self->notes_autosave);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_MEETING_PAGE);

  g_clear_object (&self->follow_ups);
  self->meeting = NULL;

  G_OBJECT_CLASS (sportello_meeting_page_parent_class)->dispose (object);
}

/* a meeting opens with the cursor in its notes, at their end */
static void
sportello_meeting_page_shown (AdwNavigationPage *page)
{
  SportelloMeetingPage *self = SPORTELLO_MEETING_PAGE (page);

  ADW_NAVIGATION_PAGE_CLASS (sportello_meeting_page_parent_class)->shown (page);

  if (!self->shown_once)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
      GtkTextIter end;

      self->shown_once = TRUE;
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
      gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
    }
}

static void
sportello_meeting_page_class_init (SportelloMeetingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SportelloRecordPageClass *page_class = SPORTELLO_RECORD_PAGE_CLASS (klass);

  object_class->dispose = sportello_meeting_page_dispose;
  ADW_NAVIGATION_PAGE_CLASS (klass)->shown = sportello_meeting_page_shown;
  page_class->autosave_delay_ms = AUTOSAVE_DELAY_MS;
  page_class->deleted_message = _("Meeting deleted");
  page_class->restore = sportello_record_page_restore_kept;
  page_class->kept_free = sportello_record_page_kept_free;
  page_class->save = save_details;
  page_class->flush = flush;
  page_class->delete_record = delete_record;

  g_type_ensure (SPORTELLO_TYPE_TEXT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-meeting-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingPage, details_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingPage, starts_at_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingPage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingPage, participants_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingPage, topics_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingPage, follow_ups_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingPage, new_follow_up_row);
  gtk_widget_class_bind_template_callback (widget_class, new_follow_up_cb);

  gtk_widget_class_install_action (widget_class, "meeting.line-to-follow-up", NULL, line_to_follow_up_action);
  sportello_record_page_class_install_delete (page_class, "meeting.delete");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "meeting.line-to-follow-up", NULL);
}

static void
sportello_meeting_page_init (SportelloMeetingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sportello_autosave_init (&self->notes_autosave, GTK_WIDGET (self), AUTOSAVE_DELAY_MS, save_notes, notes_toast_cb);

  sportello_binding_fill_terms (self->kind_row, SPORTELLO_VOCABULARY_MEETING_KIND, NULL);
  sportello_date_entry_add_calendar (self->starts_at_row, TRUE);
}

/* The details are bound to the meeting: a change of one is stored
 * shortly (SportelloRecordPage); making the bindings fills the rows and
 * changes nothing */
static void
bind_details (SportelloMeetingPage *self)
{
  SportelloRecordPage *page = SPORTELLO_RECORD_PAGE (self);
  SportelloMeeting *meeting = self->meeting;

#define FIELD(f) sportello_binding_field_property (meeting, SPORTELLO_MEETING_##f)
  sportello_record_page_bind (page, sportello_bind_start (meeting, FIELD (STARTS_AT), self->starts_at_row, 9));
  sportello_record_page_bind (page, g_object_bind_property (meeting, "duration", self->duration_row, "value",
                                                            SPORTELLO_BINDING_FLAGS));
  sportello_record_page_bind (page, sportello_bind_term (meeting, FIELD (KIND), self->kind_row,
                                                         SPORTELLO_VOCABULARY_MEETING_KIND, FALSE, "desk"));
  sportello_record_page_bind (page, sportello_bind_text (meeting, FIELD (PARTICIPANTS), self->participants_row));
  sportello_record_page_bind (page, sportello_bind_text (meeting, FIELD (TOPICS), self->topics_row));
#undef FIELD
  g_signal_connect_object (self->starts_at_row, "changed", G_CALLBACK (starts_at_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
reload_follow_ups_cb (GtkWidget *widget)
{
  reload_follow_ups (SPORTELLO_MEETING_PAGE (widget));
}

SportelloMeetingPage *
sportello_meeting_page_new (SportelloContext  *context,
                            const char        *uuid,
                            GError           **error)
{
  static const char * const follows[] = { SPORTELLO_CHANGE_FOLLOW_UP, NULL };
  SportelloDatabase *db = sportello_context_get_database (context);
  g_autoptr(SportelloMeeting) meeting = NULL;
  SportelloMeetingPage *self;

  if (!(meeting = sportello_meeting_load (db, uuid, error)))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_MEETING_PAGE, "context", context, "record", meeting, NULL);
  self->meeting = SPORTELLO_MEETING (sportello_record_page_get_record (SPORTELLO_RECORD_PAGE (self)));
  sportello_text_editor_set_settings (self->notes_view, sportello_context_get_settings (context));

  bind_details (self);
  sportello_text_editor_load (self->notes_view, sportello_meeting_get (self->meeting, SPORTELLO_MEETING_NOTES));
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  sportello_record_page_set_untouched (SPORTELLO_RECORD_PAGE (self), sportello_context_take_made (context, uuid));

  update_title (self);
  reload_follow_ups (self);
  /* checked off in a row, added here or in the to-do list */
  sportello_widget_follow (GTK_WIDGET (self), db, follows, reload_follow_ups_cb);

  return self;
}

SportelloMeeting *
sportello_meeting_page_get_meeting (SportelloMeetingPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_MEETING_PAGE (self), NULL);

  return self->meeting;
}

gboolean
sportello_meeting_page_get_spell_checking (SportelloMeetingPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_MEETING_PAGE (self), FALSE);

  return sportello_text_editor_checks_italian (self->notes_view);
}

GtkTextView *
sportello_meeting_page_get_view (SportelloMeetingPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_MEETING_PAGE (self), NULL);

  return GTK_TEXT_VIEW (self->notes_view);
}
