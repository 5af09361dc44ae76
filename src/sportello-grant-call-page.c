/* sportello-grant-call-page.c: one grant call, the firms that fit it and its applications
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The call's fields are stored shortly after the last change, as on every
 * record page. Below them, its applications and the firms that fit it,
 * each with what it meets, misses and what its data do not say: a firm
 * is never said to fit on data nobody has.
 */

#define G_LOG_DOMAIN "sportello-grant-call-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-binding.h"
#include "sportello-date-entry.h"
#include "sportello-format.h"
#include "sportello-grant-application.h"
#include "sportello-grant-application-dialog.h"
#include "sportello-grant-call-page.h"
#include "sportello-grant-match.h"
#include "sportello-section.h"
#include "sportello-vocabulary.h"

#include <string.h>

#define AUTOSAVE_DELAY_MS 500
/* a call open to every firm fits thousands: the page shows the first */
#define MAX_MATCH_ROWS 100

struct _SportelloGrantCallPage
{
  SportelloRecordPage  parent_instance;

  SportelloGrantCall  *call;   /* the page's record */

  AdwEntryRow         *title_row;
  AdwComboRow         *funder_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *url_row;
  AdwEntryRow         *opens_row;
  AdwEntryRow         *deadline_row;
  AdwSwitchRow        *first_come_row;
  AdwSwitchRow        *exhausted_row;
  AdwEntryRow         *budget_row;
  AdwEntryRow         *percent_row;
  AdwEntryRow         *min_row;
  AdwEntryRow         *max_row;
  AdwSwitchRow        *de_minimis_row;
  AdwActionRow        *area_row;
  AdwActionRow        *sizes_row;
  AdwActionRow        *sectors_row;
  AdwSwitchRow        *startups_row;
  AdwEntryRow         *years_row;
  GtkTextView         *expenses_view;
  GtkTextView         *documents_view;
  GtkTextView         *notes_view;
  GtkListBox          *applications_list;
  GtkListBox          *matches_list;
  AdwPreferencesGroup *matches_group;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (SportelloGrantCallPage, sportello_grant_call_page, SPORTELLO_TYPE_RECORD_PAGE)

#define DATABASE(self) (sportello_record_page_get_database (SPORTELLO_RECORD_PAGE (self)))
#define CONTEXT(self) (sportello_record_page_get_context (SPORTELLO_RECORD_PAGE (self)))

/* the text rows and the fields they edit */
#define TEXT_ROWS(self) \
  { (self)->title_row, SPORTELLO_GRANT_CALL_TITLE }, \
  { (self)->url_row, SPORTELLO_GRANT_CALL_URL }

#define NUMBER_ROWS(self) \
  { (self)->budget_row, SPORTELLO_GRANT_CALL_BUDGET }, \
  { (self)->percent_row, SPORTELLO_GRANT_CALL_CONTRIBUTION_PERCENT }, \
  { (self)->min_row, SPORTELLO_GRANT_CALL_CONTRIBUTION_MIN }, \
  { (self)->max_row, SPORTELLO_GRANT_CALL_CONTRIBUTION_MAX }, \
  { (self)->years_row, SPORTELLO_GRANT_CALL_MIN_YEARS }

#define FLAG_ROWS(self) \
  { (self)->first_come_row, SPORTELLO_GRANT_CALL_FIRST_COME }, \
  { (self)->exhausted_row, SPORTELLO_GRANT_CALL_FUNDS_EXHAUSTED }, \
  { (self)->de_minimis_row, SPORTELLO_GRANT_CALL_DE_MINIMIS }, \
  { (self)->startups_row, SPORTELLO_GRANT_CALL_STARTUPS_ONLY }

#define DATE_ROWS(self) \
  { (self)->opens_row, SPORTELLO_GRANT_CALL_OPENS_AT }, \
  { (self)->deadline_row, SPORTELLO_GRANT_CALL_DEADLINE }

#define VIEWS(self) \
  { (self)->expenses_view, SPORTELLO_GRANT_CALL_EXPENSES }, \
  { (self)->documents_view, SPORTELLO_GRANT_CALL_DOCUMENTS }, \
  { (self)->notes_view, SPORTELLO_GRANT_CALL_NOTES }

typedef struct { AdwEntryRow *row; SportelloGrantCallField field; } TextRow;
typedef struct { AdwEntryRow *row; SportelloGrantCallField field; } DateRow;
typedef struct { AdwEntryRow *row; SportelloGrantCallNumber number; } NumberRow;
typedef struct { AdwSwitchRow *row; SportelloGrantCallFlag flag; } FlagRow;
typedef struct { GtkTextView *view; SportelloGrantCallField field; } ViewRow;

/* a stored date and time as the local date in a date entry, “31/12/2026” */
static char *
local_date (const char *stored)
{
  g_autoptr(GDateTime) dt = NULL;

  if (stored == NULL || stored[0] == '\0' || !(dt = g_date_time_new_from_iso8601 (stored, NULL)))
    return g_strdup (stored ? stored : "");
  return sportello_date_entry_format (dt, FALSE);
}

/* What a date row's text is as the store takes it: a local day,
 * “2026-12-31”, or a local date and time if one was typed; "" for none.
 * NULL when the text is no date. */
static char *
parse_date (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  gboolean has_time;

  if (stripped[0] == '\0')
    return g_strdup ("");
  if ((dt = sportello_parse_date_input (stripped, NULL, &has_time)) != NULL)
    return g_date_time_format (dt, has_time ? "%Y-%m-%dT%H:%M:%S%:z" : "%Y-%m-%d");
  return NULL;
}

/* FALSE, with the row in red, when what it holds is not taken */
static gboolean
mark_row (AdwEntryRow *row,
          gboolean     ok)
{
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return ok;
}

/* "CO,LC" or "CO, LC" as its items */
static GStrv
split_list (const char *list)
{
  g_auto(GStrv) parts = g_strsplit_set (list ? list : "", ", ;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* "" is not given (-1); FALSE when the text is no whole number; the
 * call's rows also take white space around the number */
static gboolean
parse_number (const char *text,
              gint64     *value)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));

  return sportello_binding_parse_whole_number (clean, value);
}

static void
update_title (SportelloGrantCallPage *self)
{
  const char *title = sportello_grant_call_get (self->call, SPORTELLO_GRANT_CALL_TITLE);

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), title[0] ? title : _("Grant Call"));
}

static void update_criteria (SportelloGrantCallPage *self);

/* The call's fields reach it through their bindings as they are typed;
 * a number or a date that is not one does not */
static gboolean
save (SportelloRecordPage  *page,
      GError              **error)
{
  SportelloGrantCallPage *self = SPORTELLO_GRANT_CALL_PAGE (page);
  NumberRow numbers[] = { NUMBER_ROWS (self) };
  AdwEntryRow *dates[] = { self->opens_row, self->deadline_row };
  g_autoptr(GError) local_error = NULL;
  gboolean input_ok = TRUE;

  /* every row is checked, so that each says what is wrong */
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      gint64 value;

      input_ok &= mark_row (numbers[i].row, parse_number (gtk_editable_get_text (GTK_EDITABLE (numbers[i].row)), &value));
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *date = parse_date (gtk_editable_get_text (GTK_EDITABLE (dates[i])));

      input_ok &= mark_row (dates[i], date != NULL);
    }

  /* what is half typed (a region, a date) is no failure to retry: the
   * page says what is wrong, and the next change tries again */
  if (!input_ok)
    return TRUE;
  if (!sportello_grant_call_save (self->call, DATABASE (self), &local_error))
    {
      if (g_error_matches (local_error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID))
        {
          gtk_label_set_label (self->error_label, local_error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_title (self);
  update_criteria (self);
  return TRUE;
}

static void
changed_cb (SportelloGrantCallPage *self)
{
  sportello_record_page_changed (SPORTELLO_RECORD_PAGE (self));
}

/* ------------------------------------------------- criteria pickers ---- */

/* What a criterion row says the call asks, e.g. “Lombardia, CO” or “Any” */
static void
update_criteria (SportelloGrantCallPage *self)
{
  g_auto(GStrv) regions = split_list (sportello_grant_call_get (self->call, SPORTELLO_GRANT_CALL_REGIONS));
  g_auto(GStrv) provinces = split_list (sportello_grant_call_get (self->call, SPORTELLO_GRANT_CALL_PROVINCES));
  g_auto(GStrv) sizes = split_list (sportello_grant_call_get (self->call, SPORTELLO_GRANT_CALL_SIZES));
  g_auto(GStrv) sectors = split_list (sportello_grant_call_get (self->call, SPORTELLO_GRANT_CALL_ATECO_SECTIONS));
  g_autoptr(GString) area = g_string_new (NULL);
  g_autoptr(GString) size = g_string_new (NULL);
  g_autofree char *sector = NULL;

  for (guint i = 0; regions[i]; i++)
    {
      const char *name = sportello_grant_region_name (regions[i]);

      g_string_append_printf (area, "%s%s", area->len ? ", " : "", name ? name : regions[i]);
    }
  for (guint i = 0; provinces[i]; i++)
    g_string_append_printf (area, "%s%s", area->len ? ", " : "", provinces[i]);
  for (guint i = 0; sizes[i]; i++)
    g_string_append_printf (size, "%s%s", size->len ? ", " : "",
                            sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_SIZE, sizes[i]));
  sector = g_strjoinv (", ", sectors);

  /* Translators: a call's area when it asks none */
  adw_action_row_set_subtitle (self->area_row, area->len ? area->str : _("Anywhere in Italy"));
  /* Translators: a call's firm sizes when it asks none */
  adw_action_row_set_subtitle (self->sizes_row, size->len ? size->str : _("Any size"));
  /* Translators: a call's ATECO sections when it asks none */
  adw_action_row_set_subtitle (self->sectors_row, sector[0] ? sector : _("Any sector"));
}

/* A choice in a picker: which of the call's lists it is in, and its id */
static void
choice_toggled_cb (GtkCheckButton         *check,
                   GParamSpec             *pspec,
                   SportelloGrantCallPage *self)
{
  SportelloGrantCallField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "field"));
  const char *id = g_object_get_data (G_OBJECT (check), "id");
  g_auto(GStrv) items = split_list (sportello_grant_call_get (self->call, field));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree char *joined = NULL;
  gboolean active = gtk_check_button_get_active (check);
  gboolean present = FALSE;

  /* the list keeps its order: a choice is added at the end */
  for (guint i = 0; items[i]; i++)
    {
      if (g_ascii_strcasecmp (items[i], id) == 0)
        {
          present = TRUE;
          if (!active)
            continue;
        }
      g_strv_builder_add (builder, items[i]);
    }
  if (active && !present)
    g_strv_builder_add (builder, id);
  kept = g_strv_builder_end (builder);
  joined = g_strjoinv (",", kept);

  sportello_grant_call_set (self->call, field, joined);
  update_criteria (self);
  sportello_record_page_changed (SPORTELLO_RECORD_PAGE (self));
}

static void
add_choice (SportelloGrantCallPage  *self,
            GtkListBox              *list,
            SportelloGrantCallField  field,
            const char              *id,
            const char              *title,
            const char              *subtitle)
{
  g_auto(GStrv) items = split_list (sportello_grant_call_get (self->call, field));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  gboolean chosen = FALSE;

  for (guint i = 0; items[i]; i++)
    chosen |= g_ascii_strcasecmp (items[i], id) == 0;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
  g_object_set_data (G_OBJECT (check), "field", GINT_TO_POINTER (field));
  g_object_set_data_full (G_OBJECT (check), "id", g_strdup (id), g_free);
  g_signal_connect_object (check, "notify::active", G_CALLBACK (choice_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_name (row, id);
  gtk_list_box_append (list, row);
}

static gboolean
choice_visible (GtkListBoxRow *row,
                gpointer       user_data)
{
  GtkEditable *search = user_data;
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (search), -1);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (needle[0] == '\0')
    return TRUE;
  title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  subtitle = g_utf8_casefold (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) ?: "", -1);
  return strstr (title, needle) != NULL || strstr (subtitle, needle) != NULL;
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   GtkListBox     *list)
{
  gtk_list_box_invalidate_filter (list);
}

/* A dialog of check rows, with a search when @searchable */
static AdwDialog *
picker_new (SportelloGrantCallPage  *self,
            const char              *title,
            const char              *description,
            gboolean                 searchable,
            GtkListBox             **list)
{
  AdwDialog *dialog = adw_dialog_new ();
  GtkWidget *view = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_dialog_set_title (dialog, title);
  adw_dialog_set_content_width (dialog, 480);
  adw_dialog_set_content_height (dialog, searchable ? 640 : 420);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  *list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (*list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (*list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (*list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (*list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), header);
  if (searchable)
    {
      GtkWidget *bar = gtk_search_bar_new ();
      GtkWidget *entry = gtk_search_entry_new ();

      gtk_search_entry_set_placeholder_text (GTK_SEARCH_ENTRY (entry), _("Search regions and provinces"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Search regions and provinces"), -1);
      gtk_search_bar_set_child (GTK_SEARCH_BAR (bar), entry);
      gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), TRUE);
      gtk_search_bar_connect_entry (GTK_SEARCH_BAR (bar), GTK_EDITABLE (entry));
      gtk_search_bar_set_key_capture_widget (GTK_SEARCH_BAR (bar), GTK_WIDGET (dialog));
      gtk_list_box_set_filter_func (*list, choice_visible, entry, NULL);
      g_signal_connect_object (entry, "search-changed", G_CALLBACK (search_changed_cb), *list, 0);
      adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), bar);
      adw_dialog_set_focus (dialog, entry);
    }
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), page);
  adw_dialog_set_child (dialog, view);
  return dialog;
}

/**
 * sportello_grant_call_page_pick:
 * @criterion: "area", "sizes" or "sectors"
 *
 * Shows the picker of one of the call's criteria.
 *
 * Returns: (transfer none): the picker
 */
AdwDialog *
sportello_grant_call_page_pick (SportelloGrantCallPage *self,
                                const char             *criterion)
{
  AdwDialog *dialog;
  GtkListBox *list;

  g_return_val_if_fail (SPORTELLO_IS_GRANT_CALL_PAGE (self), NULL);

  if (g_str_equal (criterion, "area"))
    {
      const char * const *regions = sportello_grant_region_ids ();

      dialog = picker_new (self, _("Regions and Provinces"),
                           _("Firms in any region or province chosen may apply; none chosen, firms anywhere in Italy"),
                           TRUE, &list);
      for (guint i = 0; regions[i]; i++)
        /* Translators: under a region's name in the list of a call's area */
        add_choice (self, list, SPORTELLO_GRANT_CALL_REGIONS, regions[i], sportello_grant_region_name (regions[i]),
                    _("Region, every province"));
      for (guint i = 0; regions[i]; i++)
        {
          g_auto(GStrv) codes = g_strsplit (sportello_grant_region_provinces (regions[i]), " ", -1);
          /* Translators: under a province code, as in “Provincia in Lombardia” */
          g_autofree char *where = g_strdup_printf (_("Province in %s"), sportello_grant_region_name (regions[i]));

          for (guint j = 0; codes[j]; j++)
            add_choice (self, list, SPORTELLO_GRANT_CALL_PROVINCES, codes[j], codes[j], where);
        }
    }
  else if (g_str_equal (criterion, "sizes"))
    {
      const SportelloTerm *terms;
      guint n;

      dialog = picker_new (self, _("Firm Sizes"),
                           _("By employees; none chosen, firms of any size may apply"), FALSE, &list);
      terms = sportello_vocabulary_terms (SPORTELLO_VOCABULARY_GRANT_SIZE, &n);
      for (guint i = 0; i < n; i++)
        add_choice (self, list, SPORTELLO_GRANT_CALL_SIZES, terms[i].id,
                    sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_SIZE, terms[i].id), NULL);
    }
  else
    {
      const char * const *sections = sportello_grant_ateco_section_ids ();

      dialog = picker_new (self, _("ATECO Sections"),
                           _("From the firms’ ATECO codes; none chosen, firms of any sector may apply"), FALSE, &list);
      for (guint i = 0; sections[i]; i++)
        {
          /* Translators: an ATECO section's letter, as in “Sezione C” */
          g_autofree char *letter = g_strdup_printf (_("Section %s"), sections[i]);

          add_choice (self, list, SPORTELLO_GRANT_CALL_ATECO_SECTIONS, sections[i],
                      sportello_grant_ateco_section_label (sections[i]), letter);
        }
    }

  adw_dialog_present (dialog, GTK_WIDGET (self));
  return dialog;
}

static void
pick_area_cb (SportelloGrantCallPage *self)
{
  sportello_grant_call_page_pick (self, "area");
}

static void
pick_sizes_cb (SportelloGrantCallPage *self)
{
  sportello_grant_call_page_pick (self, "sizes");
}

static void
pick_sectors_cb (SportelloGrantCallPage *self)
{
  sportello_grant_call_page_pick (self, "sectors");
}

/* ------------------------------------------------- fits and applications ---- */

static char *
criteria_text (SportelloGrantMatch          *match,
               SportelloGrantCriterionResult result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int c = 0; c < SPORTELLO_GRANT_N_CRITERIA; c++)
    if (sportello_grant_match_get_result (match, c) == result)
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, sportello_grant_criterion_label (c));
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* “Fits · meets: Region or province; unknown: Firm size” */
char *
sportello_grant_match_describe (SportelloGrantMatch *match)
{
  g_autoptr(GString) text = g_string_new (sportello_grant_fit_label (sportello_grant_match_get_fit (match)));
  g_autofree char *met = criteria_text (match, SPORTELLO_GRANT_CRITERION_MET);
  g_autofree char *missed = criteria_text (match, SPORTELLO_GRANT_CRITERION_MISSED);
  g_autofree char *unknown = criteria_text (match, SPORTELLO_GRANT_CRITERION_UNKNOWN);

  if (met[0])
    /* Translators: the criteria of a grant call a firm meets, as in “ · soddisfa: Regione o provincia” */
    g_string_append_printf (text, _(" · meets: %s"), met);
  if (missed[0])
    /* Translators: the criteria of a grant call a firm does not meet */
    g_string_append_printf (text, _(" · misses: %s"), missed);
  if (unknown[0])
    /* Translators: the criteria of a grant call the firm's data say nothing about */
    g_string_append_printf (text, _(" · unknown: %s"), unknown);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
open_application (SportelloGrantCallPage *self,
                  const char             *client_uuid)
{
  g_autoptr(GError) error = NULL;

  if (!sportello_grant_application_open (GTK_WIDGET (self), CONTEXT (self), client_uuid,
                                         sportello_grant_call_get (self->call, SPORTELLO_GRANT_CALL_UUID), &error))
    sportello_record_page_toast_error (SPORTELLO_RECORD_PAGE (self), error);
}

static void
start_clicked_cb (GtkButton              *button,
                  SportelloGrantCallPage *self)
{
  open_application (self, g_object_get_data (G_OBJECT (button), "client-uuid"));
}

static void
application_activated_cb (AdwActionRow           *row,
                          SportelloGrantCallPage *self)
{
  open_application (self, g_object_get_data (G_OBJECT (row), "client-uuid"));
}

static void
clear_list (GtkListBox *list)
{
  gtk_list_box_remove_all (list);
}

static void
placeholder (GtkListBox *list,
             const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
reload_lists (SportelloGrantCallPage *self)
{
  const char *uuid = sportello_grant_call_get (self->call, SPORTELLO_GRANT_CALL_UUID);
  g_autoptr(GListModel) applications = NULL;
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GHashTable) applied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint n;

  clear_list (self->applications_list);
  clear_list (self->matches_list);

  applications = sportello_grant_application_list (DATABASE (self), NULL, uuid, &error);
  if (applications == NULL)
    {
      g_warning ("Cannot list the applications: %s", error->message);
      g_clear_error (&error);
    }
  n = applications ? g_list_model_get_n_items (applications) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SportelloGrantApplication) a = g_list_model_get_item (applications, i);
      const char *client_uuid = sportello_grant_application_get (a, SPORTELLO_GRANT_APPLICATION_CLIENT_UUID);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sportello_grant_application_get (a, SPORTELLO_GRANT_APPLICATION_CLIENT_NAME));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sportello_grant_application_status_label (sportello_grant_application_get (a, SPORTELLO_GRANT_APPLICATION_STATUS)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "client-uuid", g_strdup (client_uuid), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (application_activated_cb), self);
      gtk_list_box_append (self->applications_list, row);
      g_hash_table_add (applied, g_strdup (client_uuid));
    }
  if (n == 0)
    placeholder (self->applications_list, _("No applications yet"));
  else
    /* an application started from a new call keeps it */
    sportello_record_page_touched (SPORTELLO_RECORD_PAGE (self));

  matches = sportello_grant_match_clients (DATABASE (self), uuid, FALSE, &error);
  if (matches == NULL)
    {
      g_warning ("Cannot match the clients: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (matches);
  for (guint i = 0; i < MIN (n, MAX_MATCH_ROWS); i++)
    {
      g_autoptr(SportelloGrantMatch) m = g_list_model_get_item (matches, i);
      const char *client_uuid = sportello_grant_match_get_client_uuid (m);
      g_autofree char *subtitle = sportello_grant_match_describe (m);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_grant_match_get_client_name (m));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!g_hash_table_contains (applied, client_uuid))
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Start Application"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "client-uuid", g_strdup (client_uuid), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (start_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->matches_list, row);
    }
  if (n == 0)
    placeholder (self->matches_list, _("No client fits this call"));
  else if (n > MAX_MATCH_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more client",
                                                            "and %u more clients", n - MAX_MATCH_ROWS),
                                               n - MAX_MATCH_ROWS);
      placeholder (self->matches_list, more);
    }
}

static void
reload_lists_cb (GtkWidget *widget)
{
  reload_lists (SPORTELLO_GRANT_CALL_PAGE (widget));
}

/* ---------------------------------------------------------- actions ---- */

static void
open_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SportelloGrantCallPage *self = SPORTELLO_GRANT_CALL_PAGE (widget);
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autoptr(GtkUriLauncher) launcher = NULL;

  if (url[0] == '\0')
    return;
  launcher = gtk_uri_launcher_new (url);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL, NULL);
}

static gboolean
delete_record (SportelloRecordPage  *page,
               gpointer             *kept,
               GError              **error)
{
  SportelloGrantCallPage *self = SPORTELLO_GRANT_CALL_PAGE (page);

  if (!sportello_grant_call_delete (DATABASE (self), sportello_grant_call_get (self->call, SPORTELLO_GRANT_CALL_UUID), error))
    return FALSE;
  *kept = g_object_ref (self->call);
  return TRUE;
}

static gboolean
restore (SportelloDatabase  *db,
         gpointer            kept,
         GError            **error)
{
  return sportello_grant_call_save (SPORTELLO_GRANT_CALL (kept), db, error);
}

/* ---------------------------------------------------------- GObject ---- */

static void
sportello_grant_call_page_dispose (GObject *object)
{
  SportelloGrantCallPage *self = (SportelloGrantCallPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_GRANT_CALL_PAGE);
  self->call = NULL;

  G_OBJECT_CLASS (sportello_grant_call_page_parent_class)->dispose (object);
}

static void
sportello_grant_call_page_class_init (SportelloGrantCallPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SportelloRecordPageClass *page_class = SPORTELLO_RECORD_PAGE_CLASS (klass);

  object_class->dispose = sportello_grant_call_page_dispose;
  page_class->autosave_delay_ms = AUTOSAVE_DELAY_MS;
  page_class->deleted_message = _("Call deleted");
  page_class->restore = restore;
  page_class->kept_free = g_object_unref;
  page_class->save = save;
  page_class->delete_record = delete_record;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-grant-call-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SportelloGrantCallPage, name)
  BIND (title_row); BIND (funder_row); BIND (kind_row); BIND (url_row); BIND (opens_row);
  BIND (deadline_row); BIND (first_come_row); BIND (exhausted_row); BIND (budget_row);
  BIND (percent_row); BIND (min_row); BIND (max_row); BIND (de_minimis_row); BIND (area_row);
  BIND (sizes_row); BIND (sectors_row); BIND (startups_row);
  BIND (years_row); BIND (expenses_view); BIND (documents_view); BIND (notes_view);
  BIND (applications_list); BIND (matches_list); BIND (matches_group); BIND (error_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, pick_area_cb);
  gtk_widget_class_bind_template_callback (widget_class, pick_sizes_cb);
  gtk_widget_class_bind_template_callback (widget_class, pick_sectors_cb);

  gtk_widget_class_install_action (widget_class, "call.open-url", NULL, open_url_action);
  sportello_record_page_class_install_delete (page_class, "call.delete");
}

static void
sportello_grant_call_page_init (SportelloGrantCallPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  sportello_binding_fill_terms (self->funder_row, SPORTELLO_VOCABULARY_GRANT_FUNDER, NULL);
  sportello_binding_fill_terms (self->kind_row, SPORTELLO_VOCABULARY_GRANT_KIND, NULL);
  sportello_date_entry_add_calendar (self->opens_row, FALSE);
  sportello_date_entry_add_calendar (self->deadline_row, FALSE);
}

/* numbers: -1, not given, is no text */
static gboolean
number_to_row (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  gint64 value = g_value_get_int64 (from);

  g_value_take_string (to, value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup (""));
  return TRUE;
}

/* what is no whole number leaves the call alone (save () says so) */
static gboolean
number_from_row (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  gint64 value;

  if (!parse_number (g_value_get_string (from), &value))
    return FALSE;
  g_value_set_int64 (to, value);
  return TRUE;
}

/* A save stores a date in UTC: the row, which says the same day, keeps
 * what was typed (a time, too) */
static gboolean
date_to_row (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  g_autoptr(GObject) row = g_binding_dup_target (binding);
  g_autofree char *shown = local_date (g_value_get_string (from));

  if (row != NULL)
    {
      g_autofree char *typed = parse_date (gtk_editable_get_text (GTK_EDITABLE (row)));
      g_autofree char *typed_day = typed ? local_date (typed) : NULL;

      if (g_strcmp0 (typed_day, shown) == 0 && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), shown) != 0)
        return FALSE;
    }

  g_value_take_string (to, g_steal_pointer (&shown));
  return TRUE;
}

/* what is no date leaves the call alone (save () says so) */
static gboolean
date_from_row (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  char *date = parse_date (g_value_get_string (from));

  if (date == NULL)
    return FALSE;
  g_value_take_string (to, date);
  return TRUE;
}

/* The call's fields are bound to their rows: a change of one is stored
 * shortly (SportelloRecordPage); making the bindings fills the rows and
 * changes nothing */
static void
bind_fields (SportelloGrantCallPage *self)
{
  SportelloRecordPage *page = SPORTELLO_RECORD_PAGE (self);
  SportelloGrantCall *call = self->call;
  TextRow texts[] = { TEXT_ROWS (self) };
  NumberRow numbers[] = { NUMBER_ROWS (self) };
  FlagRow flags[] = { FLAG_ROWS (self) };
  DateRow dates[] = { DATE_ROWS (self) };
  ViewRow views[] = { VIEWS (self) };
  /* the properties of the numbers and flags, in the order of their enums */
  static const char * const number_properties[] = {
    "budget", "contribution-percent", "contribution-min", "contribution-max", "min-years",
  };
  static const char * const flag_properties[] = {
    "first-come", "funds-exhausted", "startups-only", "de-minimis",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (number_properties) == SPORTELLO_GRANT_CALL_N_NUMBERS);
  G_STATIC_ASSERT (G_N_ELEMENTS (flag_properties) == SPORTELLO_GRANT_CALL_N_FLAGS);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    sportello_record_page_bind (page, sportello_bind_text (call, sportello_binding_field_property (call, texts[i].field),
                                                           texts[i].row));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    sportello_record_page_bind (page, sportello_bind_text (call, sportello_binding_field_property (call, views[i].field),
                                                           gtk_text_view_get_buffer (views[i].view)));
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    sportello_record_page_bind (page, g_object_bind_property (call, flag_properties[flags[i].flag], flags[i].row, "active",
                                                              SPORTELLO_BINDING_FLAGS));
  sportello_record_page_bind (page, sportello_bind_term (call, sportello_binding_field_property (call, SPORTELLO_GRANT_CALL_FUNDER),
                                                         self->funder_row, SPORTELLO_VOCABULARY_GRANT_FUNDER, FALSE, NULL));
  sportello_record_page_bind (page, sportello_bind_term (call, sportello_binding_field_property (call, SPORTELLO_GRANT_CALL_KIND),
                                                         self->kind_row, SPORTELLO_VOCABULARY_GRANT_KIND, FALSE, NULL));

  /* a number or a date typed wrong does not reach the call, but the save
   * that says so is due all the same */
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      sportello_record_page_bind (page, g_object_bind_property_full (call, number_properties[numbers[i].number],
                                                                     numbers[i].row, "text", SPORTELLO_BINDING_FLAGS,
                                                                     number_to_row, number_from_row, NULL, NULL));
      g_signal_connect_object (numbers[i].row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      sportello_record_page_bind (page, g_object_bind_property_full (call, sportello_binding_field_property (call, dates[i].field),
                                                                     dates[i].row, "text", SPORTELLO_BINDING_FLAGS,
                                                                     date_to_row, date_from_row, NULL, NULL));
      g_signal_connect_object (dates[i].row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
    }
}

SportelloGrantCallPage *
sportello_grant_call_page_new (SportelloContext  *context,
                               const char        *uuid,
                               GError           **error)
{
  static const char * const follows[] = {
    SPORTELLO_CHANGE_GRANT_CALL, SPORTELLO_CHANGE_GRANT_APPLICATION, SPORTELLO_CHANGE_CLIENT, NULL
  };
  SportelloDatabase *db = sportello_context_get_database (context);
  g_autoptr(SportelloGrantCall) call = NULL;
  SportelloGrantCallPage *self;

  if (!(call = sportello_grant_call_load (db, uuid, error)))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_GRANT_CALL_PAGE, "context", context, "record", call, NULL);
  self->call = SPORTELLO_GRANT_CALL (sportello_record_page_get_record (SPORTELLO_RECORD_PAGE (self)));

  bind_fields (self);
  sportello_record_page_set_untouched (SPORTELLO_RECORD_PAGE (self), sportello_context_take_made (context, uuid));

  update_title (self);
  update_criteria (self);
  reload_lists (self);
  /* the fits follow the call's criteria, the clients' data and the applications */
  sportello_widget_follow (GTK_WIDGET (self), db, follows, reload_lists_cb);

  return self;
}

SportelloGrantCall *
sportello_grant_call_page_get_call (SportelloGrantCallPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_CALL_PAGE (self), NULL);

  return self->call;
}

GtkListBox *
sportello_grant_call_page_get_matches (SportelloGrantCallPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_CALL_PAGE (self), NULL);

  return self->matches_list;
}
