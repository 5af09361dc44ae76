/* sportello-welcome-dialog.c: who the consultant is, asked at the first start
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every record, document and bundle carries its origin: the consultant and
 * the hub. On a fresh profile nobody has said them yet, and the first
 * document would print «da completare» where they go. So the first start
 * asks, once: the answers go to the same settings Preferences shows, and
 * “Later” leaves them empty. Either way the question is not asked again
 * (the “first-run-done” setting).
 */

#define G_LOG_DOMAIN "sportello-welcome-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-welcome-dialog.h"

struct _SportelloWelcomeDialog
{
  AdwDialog    parent_instance;

  GSettings   *settings;

  AdwEntryRow *name_row;
  AdwEntryRow *email_row;
  AdwEntryRow *hub_row;

  gboolean     touched;          /* a key pressed, a click: the user took over */
  guint        settle_frames;
};

G_DEFINE_FINAL_TYPE (SportelloWelcomeDialog, sportello_welcome_dialog, ADW_TYPE_DIALOG)

/**
 * sportello_welcome_dialog_is_due:
 *
 * Returns: whether the first start's question is still to ask: never
 *   asked, and no consultant or hub set in another way
 */
gboolean
sportello_welcome_dialog_is_due (GSettings *settings)
{
  g_autofree char *consultant = NULL;
  g_autofree char *hub = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  if (g_settings_get_boolean (settings, "first-run-done"))
    return FALSE;

  consultant = g_settings_get_string (settings, "consultant-name");
  hub = g_settings_get_string (settings, "hub-name");
  return consultant[0] == '\0' && hub[0] == '\0';
}

static void
set_trimmed (GSettings   *settings,
             const char  *key,
             AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_settings_set_string (settings, key, text);
}

/**
 * sportello_welcome_dialog_save:
 *
 * Keeps what was typed as the consultant's name and e-mail and the hub's
 * name, and closes.
 */
void
sportello_welcome_dialog_save (SportelloWelcomeDialog *self)
{
  g_return_if_fail (SPORTELLO_IS_WELCOME_DIALOG (self));

  /* not g_settings_delay(): the application's settings would stay in
   * delay-apply mode for good */
  set_trimmed (self->settings, "consultant-name", self->name_row);
  set_trimmed (self->settings, "consultant-email", self->email_row);
  set_trimmed (self->settings, "hub-name", self->hub_row);
  g_settings_set_boolean (self->settings, "first-run-done", TRUE);

  adw_dialog_close (ADW_DIALOG (self));
}

static void
save_cb (SportelloWelcomeDialog *self)
{
  sportello_welcome_dialog_save (self);
}

static void
later_cb (SportelloWelcomeDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

/* Enter in a row goes to the next one, and saves from the last */
static void
name_activated_cb (SportelloWelcomeDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
}

static void
email_activated_cb (SportelloWelcomeDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->hub_row));
}

/* On a narrow window the window settles after the dialog is shown (the
 * breakpoint collapses the split view, the window picks its first focus)
 * and the focus ended up elsewhere, in the e-mail row or outside: until
 * the user presses a key or clicks, it goes back to the first field */
static gboolean
refocus_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  SportelloWelcomeDialog *self = SPORTELLO_WELCOME_DIALOG (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->touched || ++self->settle_frames > 120)
    return G_SOURCE_REMOVE;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->name_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return G_SOURCE_CONTINUE;
}

static gboolean
key_pressed_cb (SportelloWelcomeDialog *self)
{
  self->touched = TRUE;
  return GDK_EVENT_PROPAGATE;
}

static void
pressed_cb (SportelloWelcomeDialog *self)
{
  self->touched = TRUE;
}

static void
sportello_welcome_dialog_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sportello_welcome_dialog_parent_class)->map (widget);

  gtk_widget_add_tick_callback (widget, refocus_tick_cb, NULL, NULL);
}

/* However it goes, saved, “Later” or Esc, it was asked */
static void
sportello_welcome_dialog_closed (AdwDialog *dialog)
{
  SportelloWelcomeDialog *self = SPORTELLO_WELCOME_DIALOG (dialog);

  g_settings_set_boolean (self->settings, "first-run-done", TRUE);

  if (ADW_DIALOG_CLASS (sportello_welcome_dialog_parent_class)->closed)
    ADW_DIALOG_CLASS (sportello_welcome_dialog_parent_class)->closed (dialog);
}

static void
sportello_welcome_dialog_dispose (GObject *object)
{
  SportelloWelcomeDialog *self = SPORTELLO_WELCOME_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_WELCOME_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sportello_welcome_dialog_parent_class)->dispose (object);
}

static void
sportello_welcome_dialog_class_init (SportelloWelcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = sportello_welcome_dialog_dispose;
  dialog_class->closed = sportello_welcome_dialog_closed;
  widget_class->map = sportello_welcome_dialog_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-welcome-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloWelcomeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloWelcomeDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloWelcomeDialog, hub_row);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, later_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_activated_cb);
}

static void
sportello_welcome_dialog_init (SportelloWelcomeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }
}

SportelloWelcomeDialog *
sportello_welcome_dialog_new (GSettings *settings)
{
  SportelloWelcomeDialog *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SPORTELLO_TYPE_WELCOME_DIALOG, NULL);
  self->settings = g_object_ref (settings);

  /* what Preferences may hold already (an e-mail alone) */
  {
    g_autofree char *name = g_settings_get_string (settings, "consultant-name");
    g_autofree char *email = g_settings_get_string (settings, "consultant-email");
    g_autofree char *hub = g_settings_get_string (settings, "hub-name");

    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
    gtk_editable_set_text (GTK_EDITABLE (self->email_row), email);
    gtk_editable_set_text (GTK_EDITABLE (self->hub_row), hub);
  }

  return self;
}
