/* sportello-item-text.c: how the rows show a checklist item's texts
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the checklist's and the assessment's item rows, whose
 * templates bind these through closures.
 */

#define G_LOG_DOMAIN "sportello-item-text"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "sportello-agenda.h"
#include "sportello-checklist.h"
#include "sportello-format.h"
#include "sportello-item-text.h"

/* “D.Lgs. 206/2005 · checked in November 2026” */
char *
sportello_item_text_legal_basis (const char *legal_basis,
                                 const char *verified_on)
{
  g_autofree char *month = NULL;

  if (legal_basis == NULL || legal_basis[0] == '\0')
    return g_strdup ("");
  month = sportello_format_month (verified_on);
  /* Translators: a legal reference and the month it was last checked, as in “… · checked in November 2026” */
  return g_strdup_printf (_("%s · checked in %s"), legal_basis, month ? month : verified_on ? verified_on : "");
}

/* checked more than 12 months ago */
gboolean
sportello_item_text_needs_review (const char *verified_on)
{
  g_autoptr(GDate) today = sportello_today ();
  SportelloChecklistItem item = { .verified_on = (char *) verified_on };

  return sportello_item_needs_review (&item, today);
}

/* The badge and the warning exist only where they apply: a prefix or a
 * suffix, even hidden, would move the row's title or wrap its subtitle. */
GtkWidget *
sportello_item_text_blocking_badge (void)
{
  GtkWidget *badge = gtk_label_new (_("Blocking"));

  gtk_widget_add_css_class (badge, "status-pill");
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

GtkWidget *
sportello_item_text_review_warning (gboolean labelled)
{
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (warning, "warning");
  gtk_widget_set_tooltip_text (warning, _("Checked more than 12 months ago: check for changes in the law before relying on it"));
  if (labelled)
    gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Checked more than 12 months ago: check for changes in the law before relying on it"), -1);
  return warning;
}
