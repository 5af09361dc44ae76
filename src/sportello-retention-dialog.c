/* sportello-retention-dialog.c: the review of clients past retention
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the clients with no activity for longer than the period set in
 * Preferences (see sportello-retention.c for what activity is), the
 * longest quiet first, a batch at a time; each can be kept, anonymised
 * or erased. Anonymising and erasing ask first: neither can be undone.
 */

#define G_LOG_DOMAIN "sportello-retention-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-format.h"
#include "sportello-retention.h"
#include "sportello-retention-dialog.h"

/* Rows shown at once: a review is a batch, and the list stays small */
#define BATCH 100

struct _SportelloRetentionDialog
{
  AdwDialog             parent_instance;

  SportelloDatabase    *db;
  guint                 years;
  GPtrArray            *rows;
  AdwToast             *last_toast;   /* (weak) */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwPreferencesGroup  *group;
};

G_DEFINE_FINAL_TYPE (SportelloRetentionDialog, sportello_retention_dialog, ADW_TYPE_DIALOG)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (SportelloRetentionDialog *self);

/**
 * sportello_retention_describe:
 *
 * “3 clients with no activity for more than 2 years”, for the banner and
 * the review.
 */
char *
sportello_retention_describe (guint n_clients,
                              guint years)
{
  g_autofree char *period = g_strdup_printf (ngettext ("%u year", "%u years", years), years);

  /* Translators: %u is a number of clients, %s a period such as “2 years” */
  return g_strdup_printf (ngettext ("%u client with no activity for more than %s",
                                    "%u clients with no activity for more than %s", n_clients),
                          n_clients, period);
}

/* One decision, one toast: the last one replaces the one before */
static void
toast (SportelloRetentionDialog *self,
       const char               *title)
{
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);

  g_set_weak_pointer (&self->last_toast, adw_toast_new (title));
  adw_toast_overlay_add_toast (self->toast_overlay, self->last_toast);
}

static void
show_error (SportelloRetentionDialog *self,
            const GError             *error)
{
  toast (self, error->message);
}

/* The row is done with: it goes, and the next batch comes once the last
 * one is reviewed */
static void
row_done (SportelloRetentionDialog *self,
          GtkWidget                *row)
{
  guint count = 0;

  adw_preferences_group_remove (self->group, row);
  g_ptr_array_remove (self->rows, row);
  g_signal_emit (self, signals[CHANGED], 0);

  if (self->rows->len == 0)
    reload (self);
  else if (sportello_retention_count (self->db, self->years, NULL, &count, NULL))
    {
      g_autofree char *title = sportello_retention_describe (count, self->years);

      adw_preferences_group_set_title (self->group, title);
    }
}

static const char *
row_uuid (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "uuid");
}

static const char *
row_name (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
keep_clicked_cb (GtkButton *button,
                 GtkWidget *row)
{
  SportelloRetentionDialog *self = SPORTELLO_RETENTION_DIALOG (gtk_widget_get_ancestor (row, SPORTELLO_TYPE_RETENTION_DIALOG));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!sportello_retention_keep (self->db, row_uuid (row), NULL, &error))
    {
      show_error (self, error);
      return;
    }

  /* Translators: %s is the client's name */
  title = g_strdup_printf (_("“%s” kept"), row_name (row));
  toast (self, title);
  row_done (self, row);
}

static void
confirm_response_cb (AdwAlertDialog *alert,
                     const char     *response,
                     GtkWidget      *row)
{
  SportelloRetentionDialog *self = g_object_get_data (G_OBJECT (alert), "dialog");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (g_str_equal (response, "anonymise"))
    {
      if (!sportello_retention_anonymise (self->db, row_uuid (row), &error))
        {
          show_error (self, error);
          return;
        }
      /* Translators: %s is the client's name as it was */
      title = g_strdup_printf (_("“%s” anonymised"), row_name (row));
    }
  else if (g_str_equal (response, "erase"))
    {
      if (!sportello_retention_erase (self->db, row_uuid (row), &error))
        {
          show_error (self, error);
          return;
        }
      title = g_strdup (_("All the client’s data was erased"));
    }
  else
    return;

  toast (self, title);
  row_done (self, row);
}

static void
confirm (SportelloRetentionDialog *self,
         GtkWidget                *row,
         const char               *response,
         const char               *heading,
         const char               *body,
         const char               *label)
{
  AdwDialog *alert = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  response, label,
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), response, ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  g_object_set_data (G_OBJECT (alert), "dialog", self);
  g_signal_connect_object (alert, "response", G_CALLBACK (confirm_response_cb), row, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

/* The client's name goes in the body: a heading does not wrap */
static void
anonymise_clicked_cb (GtkButton *button,
                      GtkWidget *row)
{
  SportelloRetentionDialog *self = SPORTELLO_RETENTION_DIALOG (gtk_widget_get_ancestor (row, SPORTELLO_TYPE_RETENTION_DIALOG));
  /* Translators: %s is the client's name */
  g_autofree char *body = g_strdup_printf (_("“%s” loses for good its name, identifiers, address, contacts, notes, "
                                             "attached files and every text written about it. The yearly figures keep what they count: its "
                                             "category, province, size and source, and the dates, kinds and durations of "
                                             "its meetings, the documents sent, the follow-ups done and the assessment "
                                             "scores. This cannot be undone."),
                                           row_name (row));

  confirm (self, row, "anonymise", _("Anonymise the Client?"), body, _("_Anonymise"));
}

static void
erase_clicked_cb (GtkButton *button,
                  GtkWidget *row)
{
  SportelloRetentionDialog *self = SPORTELLO_RETENTION_DIALOG (gtk_widget_get_ancestor (row, SPORTELLO_TYPE_RETENTION_DIALOG));
  /* Translators: %s is the client's name */
  g_autofree char *body = g_strdup_printf (_("“%s”: the file, contacts and everything attached to it are removed for "
                                             "good, as the GDPR right to erasure requires. This cannot be undone."),
                                           row_name (row));

  confirm (self, row, "erase", _("Erase the Client?"), body, _("_Erase"));
}

static GtkWidget *
action_button (const char *label,
               const char *style,
               GCallback   callback,
               GtkWidget  *row)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  g_signal_connect (button, "clicked", callback, row);

  return button;
}

static GtkWidget *
candidate_row (SportelloRetentionCandidate *candidate)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *since = sportello_format_date_long (candidate->last_activity);

  /* Translators: %s is a date, “12 March 2019” */
  g_string_printf (subtitle, _("No activity since %s"), since);
  if (candidate->municipality[0] != '\0')
    g_string_append_printf (subtitle, " · %s", candidate->municipality);
  if (candidate->province[0] != '\0')
    g_string_append_printf (subtitle, candidate->municipality[0] != '\0' ? " (%s)" : " · %s", candidate->province);
  if (candidate->kept_at != NULL)
    {
      g_autofree char *kept = sportello_format_date_long (candidate->kept_at);

      g_string_append (subtitle, "\n");
      /* Translators: %s is a date */
      g_string_append_printf (subtitle, _("Kept at the review of %s"), kept);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (candidate->uuid), g_free);

  gtk_box_append (GTK_BOX (box), action_button (_("_Keep"), NULL, G_CALLBACK (keep_clicked_cb), row));
  gtk_box_append (GTK_BOX (box), action_button (_("A_nonymise…"), NULL, G_CALLBACK (anonymise_clicked_cb), row));
  gtk_box_append (GTK_BOX (box), action_button (_("_Erase…"), "destructive-action", G_CALLBACK (erase_clicked_cb), row));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  return row;
}

static void
reload (SportelloRetentionDialog *self)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) description = NULL;
  g_autofree char *count_text = NULL;
  guint count = 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (!sportello_retention_count (self->db, self->years, NULL, &count, &error) ||
      !(candidates = sportello_retention_list (self->db, self->years, NULL, BATCH, &error)))
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      GtkWidget *row = candidate_row (g_ptr_array_index (candidates, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  count_text = sportello_retention_describe (count, self->years);
  adw_preferences_group_set_title (self->group, count_text);
  description = g_string_new (_("Activity is any change to the client’s file or its records, and any meeting, held or planned. "
                                "A client you keep is listed again when as long has passed since the review."));
  if (count > candidates->len)
    {
      g_string_append_c (description, ' ');
      g_string_append_printf (description,
                              ngettext ("The %u quiet longest is listed; the others follow once it is reviewed.",
                                        "The %u quiet longest are listed; the others follow once these are reviewed.",
                                        candidates->len),
                              candidates->len);
    }
  adw_preferences_group_set_description (self->group, description->str);

  gtk_stack_set_visible_child_name (self->stack, candidates->len > 0 ? "list" : "done");
}

static void
sportello_retention_dialog_dispose (GObject *object)
{
  SportelloRetentionDialog *self = (SportelloRetentionDialog *)object;

  g_clear_weak_pointer (&self->last_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_RETENTION_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sportello_retention_dialog_parent_class)->dispose (object);
}

static void
sportello_retention_dialog_class_init (SportelloRetentionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_retention_dialog_dispose;

  /**
   * SportelloRetentionDialog::changed:
   *
   * A client was kept, anonymised or erased.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-retention-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloRetentionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SportelloRetentionDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloRetentionDialog, group);
}

static void
sportello_retention_dialog_init (SportelloRetentionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
}

SportelloRetentionDialog *
sportello_retention_dialog_new (SportelloDatabase *db,
                                guint              years)
{
  SportelloRetentionDialog *self;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  self = g_object_new (SPORTELLO_TYPE_RETENTION_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->years = years;
  reload (self);

  return self;
}

/* How many clients the review shows now */
guint
sportello_retention_dialog_get_n_listed (SportelloRetentionDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_RETENTION_DIALOG (self), 0);

  return self->rows->len;
}
