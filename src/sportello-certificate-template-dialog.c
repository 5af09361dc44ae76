/* sportello-certificate-template-dialog.c: the hub's certificate template
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One template for every event of the hub: stored shortly after the
 * typing stops while it is valid, and reset to the built-in one. An
 * unknown placeholder is said, and nothing is stored until it is fixed.
 */

#define G_LOG_DOMAIN "sportello-certificate-template-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-autosave.h"
#include "sportello-certificate.h"
#include "sportello-certificate-template-dialog.h"
#include "sportello-template.h"

#define AUTOSAVE_DELAY_MS 500

struct _SportelloCertificateTemplateDialog
{
  AdwDialog          parent_instance;

  SportelloContext  *context;
  GtkTextBuffer     *buffer;
  GtkLabel          *problem;
  SportelloAutosave  autosave;
};

G_DEFINE_FINAL_TYPE (SportelloCertificateTemplateDialog, sportello_certificate_template_dialog, ADW_TYPE_DIALOG)

enum {
  STORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define DATABASE(self) (sportello_context_get_database ((self)->context))

static gboolean
template_save (GtkWidget  *owner,
               GError    **error)
{
  SportelloCertificateTemplateDialog *self = SPORTELLO_CERTIFICATE_TEMPLATE_DIALOG (owner);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  /* an unknown placeholder is said, and nothing is stored until it is fixed */
  if (!sportello_certificate_set_template (DATABASE (self), text, &local_error))
    {
      if (!g_error_matches (local_error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      gtk_label_set_label (self->problem, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      return TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  g_signal_emit (self, signals[STORED], 0);
  return TRUE;
}

static void
template_toast_cb (GtkWidget *owner,
                   AdwToast  *toast)
{
  sportello_context_toast (SPORTELLO_CERTIFICATE_TEMPLATE_DIALOG (owner)->context, toast);
}

static void
template_changed_cb (SportelloCertificateTemplateDialog *self)
{
  sportello_autosave_schedule (&self->autosave);
}

static void
template_closed_cb (SportelloCertificateTemplateDialog *self)
{
  sportello_autosave_flush (&self->autosave);
}

/* the text shown, which is no change to store */
static void
show_text (SportelloCertificateTemplateDialog *self,
           const char                         *text)
{
  g_signal_handlers_block_by_func (self->buffer, template_changed_cb, self);
  gtk_text_buffer_set_text (self->buffer, text, -1);
  g_signal_handlers_unblock_by_func (self->buffer, template_changed_cb, self);
}

static void
template_reset_cb (SportelloCertificateTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;

  sportello_autosave_cancel (&self->autosave);
  if (!sportello_certificate_set_template (DATABASE (self), NULL, &error))
    {
      sportello_context_toast_error (self->context, error);
      return;
    }
  show_text (self, sportello_certificate_builtin_template ());
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  g_signal_emit (self, signals[STORED], 0);
}

static void
sportello_certificate_template_dialog_dispose (GObject *object)
{
  SportelloCertificateTemplateDialog *self = (SportelloCertificateTemplateDialog *)object;

  sportello_autosave_cancel (&self->autosave);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sportello_certificate_template_dialog_parent_class)->dispose (object);
}

static void
sportello_certificate_template_dialog_class_init (SportelloCertificateTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sportello_certificate_template_dialog_dispose;

  /**
   * SportelloCertificateTemplateDialog::stored:
   *
   * The template was stored, or reset to the built-in one.
   */
  signals[STORED] = g_signal_new ("stored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sportello_certificate_template_dialog_init (SportelloCertificateTemplateDialog *self)
{
  AdwDialog *dialog = ADW_DIALOG (self);
  g_autoptr(GPtrArray) placeholders = sportello_certificate_placeholders ();
  g_autoptr(GString) list = g_string_new (NULL);
  GtkWidget *view, *header, *reset, *box, *scrolled, *text_view, *label;

  adw_dialog_set_title (dialog, _("Certificate Template"));
  adw_dialog_set_content_width (dialog, 640);
  adw_dialog_set_content_height (dialog, 640);
  sportello_autosave_init (&self->autosave, GTK_WIDGET (self), AUTOSAVE_DELAY_MS, template_save, template_toast_cb);

  header = adw_header_bar_new ();
  reset = gtk_button_new_with_mnemonic (_("_Reset to Default"));
  gtk_widget_set_tooltip_text (reset, _("Use the built-in template again"));
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (template_reset_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), reset);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 12);

  label = gtk_label_new (_("One A4 page for each person who attended, written in Markdown. The placeholders between double braces are filled in for each page; the same engine fills advice documents."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  self->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_label_set_xalign (self->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem));

  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (text_view), TRUE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Certificate template"), -1);
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  /* the text comes with the context (sportello_certificate_template_dialog_new ()) */
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (template_changed_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_box_append (GTK_BOX (box), scrolled);

  /* what can be filled in: the certificate's own, then the hub's */
  g_string_append (list, _("Placeholders:"));
  for (guint i = 0; i < placeholders->len; i++)
    {
      SportelloPlaceholder *p = g_ptr_array_index (placeholders, i);

      g_string_append_printf (list, "\n{{%s}} — %s", p->name, p->label);
    }
  g_string_append_printf (list, "\n{{hub.name}} — %s\n{{consultant.name}} — %s\n{{date}} — %s",
                          _("the hub"), _("the consultant who signs"), _("today’s date"));
  label = gtk_label_new (list->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  view = adw_toolbar_view_new ();
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), header);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), box);
  adw_dialog_set_child (dialog, view);
  g_signal_connect (self, "closed", G_CALLBACK (template_closed_cb), NULL);
}

/**
 * sportello_certificate_template_dialog_new:
 *
 * Returns: (transfer floating): the editor of @context's hub's template
 */
SportelloCertificateTemplateDialog *
sportello_certificate_template_dialog_new (SportelloContext *context)
{
  SportelloCertificateTemplateDialog *self;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SPORTELLO_IS_CONTEXT (context), NULL);

  self = g_object_new (SPORTELLO_TYPE_CERTIFICATE_TEMPLATE_DIALOG, NULL);
  self->context = g_object_ref (context);
  text = sportello_certificate_get_template (DATABASE (self), &error);
  if (text == NULL)
    sportello_context_toast_error (context, error);
  show_text (self, text ? text : sportello_certificate_builtin_template ());

  return self;
}

/**
 * sportello_certificate_template_dialog_flush:
 *
 * Stores at once what was typed and waits.
 */
void
sportello_certificate_template_dialog_flush (SportelloCertificateTemplateDialog *self)
{
  g_return_if_fail (SPORTELLO_IS_CERTIFICATE_TEMPLATE_DIALOG (self));

  sportello_autosave_flush (&self->autosave);
}
