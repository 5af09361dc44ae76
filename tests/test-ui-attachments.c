/* test-ui-attachments.c: the files of a client, on its page
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sportello-attachment.h"
#include "sportello-client.h"
#include "sportello-client-attachments.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

static char *
make_client (const char *data_dir)
{
  return sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Ferramenta Bianchi snc",
                                    SPORTELLO_CLIENT_MUNICIPALITY, "Nardò", -1);
}

static GListModel *
stored (SportelloApplication *app,
        const char           *client_uuid)
{
  g_autoptr(GError) error = NULL;
  SportelloDatabase *db = sportello_application_get_database (app, &error);
  GListModel *list;

  g_assert_no_error (error);
  list = sportello_attachment_list_for_client (db, client_uuid, &error);
  g_assert_no_error (error);
  return list;
}

static void
wait_idle (SportelloClientAttachments *group)
{
  /* the copy runs on a worker thread: until it is back */
  for (guint i = 0; i < 400 && sportello_client_attachments_is_busy (group); i++)
    sportello_test_iterate (25);
  g_assert_false (sportello_client_attachments_is_busy (group));
  sportello_test_iterate (100);
}

static void
test_add_rename_delete_undo (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-attachments", NULL);
  g_autofree char *client_uuid = make_client (data_dir);
  g_autofree char *source = g_build_filename (g_get_tmp_dir (), "visura camerale.txt", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *content_path = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloClientAttachments *group;
  GtkWidget *client_page;
  GtkWidget *undo;
  AdwDialog *dialog;
  GtkWidget *entry;
  GtkWidget *button;
  g_autofree char *photo = g_build_filename (g_get_tmp_dir (), "vetrina.jpg", NULL);
  g_autofree char *photo_uri = NULL;
  const char *uris[3] = { NULL, NULL, NULL };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9 };

  g_assert_true (g_file_set_contents (source, "VISURA ORDINARIA\nFerramenta Bianchi snc\nNardò (LE)\n", -1, NULL));
  g_assert_true (g_file_set_contents (photo, (const char *) jpeg, sizeof jpeg, NULL));
  uri = g_filename_to_uri (source, NULL, NULL);
  photo_uri = g_filename_to_uri (photo, NULL, NULL);
  uris[0] = uri;
  uris[1] = photo_uri;

  client_page = sportello_test_open_client (window, client_uuid);
  group = SPORTELLO_CLIENT_ATTACHMENTS (sportello_test_find_type (client_page, SPORTELLO_TYPE_CLIENT_ATTACHMENTS));
  g_assert_nonnull (group);

  /* the group, in Italian, empty */
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (group), "Allegati"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (group), "Nessun allegato"));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  /* and every other empty group of the page shows the same kind of row */
  {
    const char *empty[] = { "Nessuna persona", "Nessun incontro", "Nessuna valutazione", "Nessun documento" };

    for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
      {
        GtkWidget *label = sportello_test_find_label (client_page, empty[i]);
        GtkWidget *row;

        g_assert_nonnull (label);
        g_assert_true (gtk_widget_is_visible (label));
        row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);
        g_assert_nonnull (row);
        g_assert_true (gtk_widget_has_css_class (row, "dim-label"));
      }
  }
  g_free (sportello_test_screenshot (GTK_WIDGET (group), "client-attachments-empty"));

  /* files through the action (what a drop gives): copied off the main thread */
  gtk_widget_activate_action_variant (client_page, "client.attach-files", g_variant_new_strv (uris, 2));
  g_assert_true (sportello_client_attachments_is_busy (group));
  wait_idle (group);
  {
    g_autoptr(GListModel) list = stored (app, client_uuid);
    g_autoptr(SportelloAttachment) attachment = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
    attachment = g_list_model_get_item (list, 0);
    if (!g_str_equal (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME), "visura camerale.txt"))
      {
        g_clear_object (&attachment);
        attachment = g_list_model_get_item (list, 1);
      }
    uuid = g_strdup (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_UUID));
    content_path = sportello_attachment_get_content_path (attachment, sportello_application_get_database (app, &error));
    g_assert_cmpstr (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME), ==, "visura camerale.txt");
  }
  g_assert_true (g_file_test (content_path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (group), "visura camerale.txt"));
  g_assert_null (sportello_test_find_label (GTK_WIDGET (group), "Nessun allegato"));
  /* its type, size and day; and its buttons named for a screen reader */
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (group), "byte"));
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (sportello_client_attachments_get_list (group), 0);
    g_autofree char *label = NULL;

    g_assert_nonnull (row);
    g_object_get (row, "tooltip-text", &label, NULL);
    g_assert_cmpstr (label, ==, "Apri");
  }
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "2 file allegati"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (group), "vetrina.jpg"));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sportello_client_attachments_get_list (group), 0)));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "client-attachments");
  g_free (sportello_test_screenshot (GTK_WIDGET (group), "client-attachments-group"));

  /* renamed in its dialog */
  gtk_widget_activate_action (GTK_WIDGET (group), "attachment.rename", "s", uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (dialog), "Rinomina allegato"));
  entry = sportello_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "visura camerale.txt");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  button = sportello_test_find_button (GTK_WIDGET (dialog), "_Rinomina");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));   /* no empty name */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Visura 2026.txt");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  sportello_test_iterate (300);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (group), "Visura 2026.txt"));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloAttachment) attachment = sportello_attachment_load (sportello_application_get_database (app, NULL),
                                                                           uuid, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sportello_attachment_get (attachment, SPORTELLO_ATTACHMENT_NAME), ==, "Visura 2026.txt");
  }

  /* deleted, asking nothing; Undo brings it back */
  gtk_widget_activate_action (GTK_WIDGET (group), "attachment.delete", "s", uuid);
  sportello_test_iterate (100);
  g_assert_null (sportello_test_find_label (GTK_WIDGET (group), "Visura 2026.txt"));
  {
    g_autoptr(GListModel) list = stored (app, client_uuid);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  }
  g_assert_true (g_file_test (content_path, G_FILE_TEST_IS_REGULAR));   /* the undo window */
  undo = sportello_test_find_button (GTK_WIDGET (window), "_Annulla");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  sportello_test_iterate (300);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (group), "Visura 2026.txt"));
  {
    g_autoptr(GListModel) list = stored (app, client_uuid);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  }

  /* a file dropped on the page, as a file manager drops it */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (client_page);
    g_autofree char *dropped = g_build_filename (g_get_tmp_dir (), "preventivo.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (dropped);
    GSList files = { file, NULL };
    GValue value = G_VALUE_INIT;
    GtkDropTarget *target = NULL;
    gboolean accepted = FALSE;

    g_assert_true (g_file_set_contents (dropped, "Preventivo: 1.200 euro", -1, NULL));
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_assert_true (g_type_is_a (GDK_TYPE_FILE_LIST, gtk_drop_target_get_gtypes (target, NULL)[0]));

    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (&files));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_value_unset (&value);
    g_assert_true (accepted);
    wait_idle (group);
    g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (group), "preventivo.txt"));
    {
      g_autoptr(GListModel) list = stored (app, client_uuid);

      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
    }
  }

  /* deleted again, and the window closes before the toast goes: final,
   * and the file with its last reference */
  gtk_widget_activate_action (GTK_WIDGET (group), "attachment.delete", "s", uuid);
  sportello_test_iterate (100);
  gtk_window_close (window);
  sportello_test_iterate (200);
  g_assert_false (g_file_test (content_path, G_FILE_TEST_EXISTS));

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/attachments/add-rename-delete-undo", test_add_rename_delete_undo);

  return g_test_run ();
}
