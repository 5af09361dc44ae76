/* sportello-clients-section-csv.c: the Clients section's spreadsheets, in and out
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Importa da foglio di calcolo…" opens the CSV import dialog for a file;
 * "Esporta elenco…" writes the clients as the list shows them.
 */

#define G_LOG_DOMAIN "sportello-clients-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-client-csv.h"
#include "sportello-clients-section-private.h"
#include "sportello-csv-import-dialog.h"
#include "sportello-file-toast.h"

static GListModel *
csv_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  g_list_store_append (filters, filter);
  return G_LIST_MODEL (filters);
}

static void
import_csv_chosen_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SportelloClientsSection) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL && self->context != NULL)
    sportello_clients_section_import_csv (self, file);
}

void
_sportello_clients_section_import_csv_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = csv_filters ();

  gtk_file_dialog_set_title (dialog, _("Import from Spreadsheet"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        import_csv_chosen_cb, g_object_ref (widget));
}

static void
export_csv_chosen_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SportelloClientsSection) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL && self->context != NULL)
    sportello_clients_section_export_csv (self, file);
}

void
_sportello_clients_section_export_csv_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = csv_filters ();

  gtk_file_dialog_set_title (dialog, _("Export Client List"));
  /* Translators: the file name an exported client list is offered under */
  gtk_file_dialog_set_initial_name (dialog, _("clients.csv"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        export_csv_chosen_cb, g_object_ref (widget));
}

/**
 * sportello_clients_section_import_csv:
 * @file: a spreadsheet saved as CSV
 *
 * Shows what importing @file would do, for the consultant to check the
 * columns and import.
 *
 * Returns: (transfer none): the preview
 */
AdwDialog *
sportello_clients_section_import_csv (SportelloClientsSection *self,
                                   GFile                *file)
{
  SportelloCsvImportDialog *dialog;

  g_return_val_if_fail (SPORTELLO_IS_CLIENTS_SECTION (self), NULL);

  dialog = sportello_csv_import_dialog_new (self->context, file);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
  return ADW_DIALOG (dialog);
}

/**
 * sportello_clients_section_export_csv:
 *
 * Writes the clients as the list shows them (searched, filtered, sorted)
 * to @file as CSV for a spreadsheet.
 */
gboolean
sportello_clients_section_export_csv (SportelloClientsSection *self,
                                   GFile                *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;
  guint n = 0;

  g_return_val_if_fail (SPORTELLO_IS_CLIENTS_SECTION (self), FALSE);

  if (!sportello_client_csv_export (self->db, G_LIST_MODEL (self->list), path, &n, &error))
    {
      _sportello_clients_section_show_error (self, error);
      return FALSE;
    }

  /* Translators: the number has the locale’s thousands separator (%'u) */
  message = g_strdup_printf (ngettext ("%'u client exported", "%'u clients exported", n), n);
  sportello_context_toast (self->context, sportello_file_toast_new (message, file));
  return TRUE;
}
