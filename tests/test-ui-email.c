/* test-ui-email.c: Send by E-mail…, against a stand-in e-mail portal
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stand-in owns org.freedesktop.portal.Desktop on the test session bus,
 * from a thread and a connection of its own (libportal asks for the
 * interface's version with a synchronous call from the main thread, which
 * a portal served by the main loop could never answer). It implements
 * org.freedesktop.portal.Email.ComposeEmail as xdg-desktop-portal does:
 * it answers with a request path and then sends that request's Response
 * signal to the caller, and it records what it was asked: the addresses,
 * the subject, and the bytes of the attachment read from the file
 * descriptor it was given.
 */

#include "config.h"

#include <fcntl.h>
#include <gio/gunixfdlist.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sportello-client.h"
#include "sportello-calendar-export.h"
#include "sportello-client-page.h"
#include "sportello-client-page-private.h"
#include "sportello-contact.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-document.h"
#include "sportello-document-page.h"
#include "sportello-handoff.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

#define CLIENT_EMAIL "amministrazione@pasticcerianardo.it"

static const char portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Email'>"
  "<method name='ComposeEmail'><arg type='s' name='parent_window' direction='in'/>"
  "<arg type='a{sv}' name='options' direction='in'/><arg type='o' name='handle' direction='out'/></method>"
  "<property name='version' type='u' access='read'/>"
  "</interface></node>";

typedef struct
{
  GMutex        lock;
  GCond         cond;
  gboolean      ready;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  guint32       response;      /* what to answer: 0 sent, 1 cancelled, 2 failed */

  /* the calls, under the lock */
  guint         n_calls;
  char         *parent_window;
  char        **addresses;
  char         *subject;
  char         *attachment_path;
  GBytes       *attachment;
} Portal;

static void
portal_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  Portal *portal = user_data;
  GUnixFDList *fds = g_dbus_message_get_unix_fd_list (g_dbus_method_invocation_get_message (invocation));
  g_autoptr(GVariant) options = NULL;
  g_autoptr(GVariant) handles = NULL;
  g_autofree char *sender_part = NULL;
  g_autofree char *request = NULL;
  const char *parent_window = NULL;
  const char *token = "t";
  const char *subject = NULL;
  char **addresses = NULL;
  GBytes *attachment = NULL;
  char *attachment_path = NULL;
  guint32 response;

  g_variant_get (parameters, "(&s@a{sv})", &parent_window, &options);
  g_variant_lookup (options, "handle_token", "&s", &token);
  g_variant_lookup (options, "subject", "&s", &subject);
  if (!g_variant_lookup (options, "addresses", "^as", &addresses))
    {
      const char *address = NULL;

      if (g_variant_lookup (options, "address", "&s", &address))
        addresses = g_strdupv ((char *[]) { (char *) address, NULL });
    }
  handles = g_variant_lookup_value (options, "attachment_fds", G_VARIANT_TYPE ("ah"));
  if (handles != NULL && g_variant_n_children (handles) == 1 && fds != NULL)
    {
      gint32 index;
      g_autoptr(GError) error = NULL;
      g_autofd int fd = -1;
      g_autofree char *proc = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_variant_get_child (handles, 0, "h", &index);
      fd = g_unix_fd_list_get (fds, index, &error);
      g_assert_no_error (error);
      /* an O_PATH descriptor, as xdg-desktop-portal gets it: read through /proc */
      proc = g_strdup_printf ("/proc/self/fd/%d", fd);
      attachment_path = g_file_read_link (proc, NULL);
      g_assert_true (g_file_get_contents (proc, &contents, &length, &error));
      g_assert_no_error (error);
      attachment = g_bytes_new_take (g_steal_pointer (&contents), length);
    }

  g_mutex_lock (&portal->lock);
  portal->n_calls++;
  g_free (portal->parent_window);
  portal->parent_window = g_strdup (parent_window);
  g_strfreev (portal->addresses);
  portal->addresses = addresses;
  g_free (portal->subject);
  portal->subject = g_strdup (subject);
  g_free (portal->attachment_path);
  portal->attachment_path = attachment_path;
  g_clear_pointer (&portal->attachment, g_bytes_unref);
  portal->attachment = attachment;
  response = portal->response;
  g_mutex_unlock (&portal->lock);

  /* “:1.42” → “1_42”, as the portal documentation says */
  sender_part = g_strdup (sender + 1);
  g_strdelimit (sender_part, ".", '_');
  request = g_strconcat ("/org/freedesktop/portal/desktop/request/", sender_part, "/", token, NULL);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", request));
  /* then the answer, to the caller only, as the real portal sends it */
  g_dbus_connection_emit_signal (connection, sender, request, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(u@a{sv})", response,
                                                g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                                 NULL);
}

static GVariant *
portal_get_property_cb (GDBusConnection  *connection,
                        const char       *sender,
                        const char       *object_path,
                        const char       *interface_name,
                        const char       *property_name,
                        GError          **error,
                        gpointer          user_data)
{
  return g_variant_new_uint32 (4);
}

static gpointer
portal_thread (gpointer data)
{
  static const GDBusInterfaceVTable vtable = { portal_method_cb, portal_get_property_cb, NULL, { 0 } };
  Portal *portal = data;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint32 result = 0;

  g_main_context_push_thread_default (portal->context);

  /* a connection of its own, not the process's shared one */
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  bus = g_dbus_connection_new_for_address_sync (address,
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/freedesktop/portal/desktop", info->interfaces[0],
                                     &vtable, portal, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.portal.Desktop", 4 /* do not queue */),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);   /* the primary owner */

  g_mutex_lock (&portal->lock);
  portal->ready = TRUE;
  g_cond_signal (&portal->cond);
  g_mutex_unlock (&portal->lock);

  g_main_loop_run (portal->loop);

  g_dbus_connection_close_sync (bus, NULL, NULL);
  g_main_context_pop_thread_default (portal->context);
  return NULL;
}

static Portal *
portal_start (void)
{
  Portal *portal = g_new0 (Portal, 1);

  g_mutex_init (&portal->lock);
  g_cond_init (&portal->cond);
  portal->context = g_main_context_new ();
  portal->loop = g_main_loop_new (portal->context, FALSE);
  portal->thread = g_thread_new ("email-portal", portal_thread, portal);

  g_mutex_lock (&portal->lock);
  while (!portal->ready)
    g_cond_wait (&portal->cond, &portal->lock);
  g_mutex_unlock (&portal->lock);

  return portal;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
portal_stop (Portal *portal)
{
  g_main_context_invoke (portal->context, quit_cb, portal->loop);
  g_thread_join (portal->thread);
  g_main_loop_unref (portal->loop);
  g_main_context_unref (portal->context);
  g_free (portal->parent_window);
  g_strfreev (portal->addresses);
  g_free (portal->subject);
  g_free (portal->attachment_path);
  g_clear_pointer (&portal->attachment, g_bytes_unref);
  g_mutex_clear (&portal->lock);
  g_cond_clear (&portal->cond);
  g_free (portal);
}

static guint
portal_n_calls (Portal *portal)
{
  guint n;

  g_mutex_lock (&portal->lock);
  n = portal->n_calls;
  g_mutex_unlock (&portal->lock);
  return n;
}

/* Until the portal has had @n calls, and libportal its answer */
static void
wait_for_calls (Portal *portal,
                guint   n)
{
  while (portal_n_calls (portal) < n)
    sportello_test_iterate (20);
  sportello_test_iterate (200);
}

static GtkWidget *
wait_for_label_containing (GtkWidget  *root,
                           const char *text)
{
  GtkWidget *label;

  /* no deadline of our own: the test's timeout is the limit */
  while ((label = sportello_test_find_label_containing (root, text)) == NULL)
    sportello_test_iterate (50);
  return label;
}

static void
set_response (Portal  *portal,
              guint32  response)
{
  g_mutex_lock (&portal->lock);
  portal->response = response;
  g_mutex_unlock (&portal->lock);
}

static void
wait_idle (SportelloWindow *window)
{
  sportello_test_iterate (50);
  while (sportello_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  sportello_test_iterate (100);
}

static void
test_send (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-email", NULL);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "sportello", "e-mail", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_uuid = NULL;
  g_autofree char *title = NULL;
  SportelloDocumentPage *page;
  GtkWindow *window;
  GtkWidget *client_page;
  Portal *portal;

  client_uuid = sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Pasticceria Nardò",
                                           SPORTELLO_CLIENT_MUNICIPALITY, "Nardò",
                                           SPORTELLO_CLIENT_EMAIL, CLIENT_EMAIL, -1);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 760);
  client_page = sportello_test_open_client (window, client_uuid);
  gtk_widget_activate_action (client_page, "client.new-document", "s", "presenza-online-horeca");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_DOCUMENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_DOCUMENT_PAGE));
  g_assert_nonnull (page);
  title = g_strdup (sportello_document_get (sportello_document_page_get_document (page), SPORTELLO_DOCUMENT_TITLE));

  /* no portal on the bus: a toast says what is missing, nothing crashes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.send-email", NULL));
  wait_for_label_containing (GTK_WIDGET (window), "manca il portale per l'email");

  /* with the portal: the PDF, to the client, with the document's title */
  portal = portal_start ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.send-email", NULL));
  wait_for_calls (portal, 1);
  {
    g_autofree char *expected_name = g_strconcat (title, ".pdf", NULL);
    g_autofree char *name = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_nonnull (portal->addresses);
    g_assert_cmpstrv (portal->addresses, ((const char *[]) { CLIENT_EMAIL, NULL }));
    g_assert_cmpstr (portal->subject, ==, title);
    /* the window the mail client's belongs to */
    g_assert_true (g_str_has_prefix (portal->parent_window, "x11:"));

    /* a PDF in the user cache, named after the document, handed over whole */
    g_assert_nonnull (portal->attachment_path);
    g_assert_true (g_str_has_prefix (portal->attachment_path, cache));
    name = g_path_get_basename (portal->attachment_path);
    g_assert_cmpstr (name, ==, expected_name);
    g_assert_true (g_file_get_contents (portal->attachment_path, &contents, &length, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_assert_nonnull (portal->attachment);
    g_assert_cmpmem (g_bytes_get_data (portal->attachment, NULL), g_bytes_get_size (portal->attachment),
                     contents, length);
  }

  /* the user closes the mail client's dialog: no error to show */
  set_response (portal, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.send-email", NULL));
  wait_for_calls (portal, 2);
  g_assert_null (sportello_test_find_label_containing (GTK_WIDGET (window), "programma di posta non è riuscito"));

  /* the portal fails: a toast says so */
  set_response (portal, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.send-email", NULL));
  wait_for_calls (portal, 3);
  wait_for_label_containing (GTK_WIDGET (window), "programma di posta non è riuscito");
  set_response (portal, 0);

  /* a dossier: the export dialog's switch sends it on once written, byte for byte */
  {
    g_autofree char *path = g_build_filename (data_dir, "fascicolo.sportello", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;
    gsize length = 0;
    AdwDialog *alert;
    GtkWidget *send;

    sportello_handoff_confirm_export (SPORTELLO_WINDOW (window), client_uuid, file);
    alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (alert));
    sportello_test_wait_for_draw (GTK_WIDGET (alert));
    send = sportello_test_find_type (GTK_WIDGET (alert), ADW_TYPE_SWITCH_ROW);
    g_assert_nonnull (send);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (send)), ==, "Invia per email");
    g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (send)));
    adw_switch_row_set_active (ADW_SWITCH_ROW (send), TRUE);
    g_signal_emit_by_name (alert, "response", "export");
    adw_dialog_force_close (alert);
    wait_idle (SPORTELLO_WINDOW (window));
    wait_for_calls (portal, 4);

    g_assert_cmpstr (portal->subject, ==, "Fascicolo di Pasticceria Nardò");
    /* a dossier goes to a colleague, whose address the user types */
    g_assert_null (portal->addresses);
    g_assert_cmpstr (portal->attachment_path, ==, path);
    g_assert_true (g_file_get_contents (path, &contents, &length, &error));
    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (portal->attachment, NULL), g_bytes_get_size (portal->attachment),
                     contents, length);

    /* the whole database's export has no such switch: it is not a dossier */
    sportello_handoff_confirm_export (SPORTELLO_WINDOW (window), NULL, file);
    alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (alert));
    g_assert_null (sportello_test_find_type (GTK_WIDGET (alert), ADW_TYPE_SWITCH_ROW));
    adw_dialog_force_close (alert);
  }

  portal_stop (portal);

  /* the client's people as vCards, from its page */
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloContact) contact = sportello_contact_new (client_uuid);
    g_autofree char *path = g_build_filename (data_dir, "referenti.vcf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;
    guint n = 0;

    sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, "Zoë De Luca");
    sportello_contact_set (contact, SPORTELLO_CONTACT_ROLE, "Titolare");
    sportello_contact_set (contact, SPORTELLO_CONTACT_EMAIL, "zoe@pasticcerianardo.it");
    g_assert_true (sportello_contact_save (contact, db, &error));
    g_assert_no_error (error);
    g_assert_true (_sportello_client_page_export_contacts (SPORTELLO_CLIENT_PAGE (client_page), file, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);
    g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
    g_assert_nonnull (strstr (contents, "FN:Zoë De Luca\r\nN:De Luca;Zoë;;;\r\n"));
    g_assert_nonnull (strstr (contents, "ORG:Pasticceria Nardò\r\n"));
  }

  /* the calendar, from the primary menu's action, in a thread */
  {
    g_autofree char *path = g_build_filename (data_dir, "agenda.ics", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;

    sportello_calendar_export (SPORTELLO_WINDOW (window), file);
    wait_for_label_containing (GTK_WIDGET (window), "Calendario esportato come «agenda.ics»");
    g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
    g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  }

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/email/send", test_send);

  return g_test_run ();
}
