/* sportello-client-page.c: one client's file
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page follows the database: whatever changes the client, its people,
 * meetings, follow-ups, assessments or documents (here, in a page on top,
 * in an import) shows when the page is next on screen. The client.*
 * actions live here; what outlives the page (a delete waiting for its
 * Undo, the pages opened from it) is the Clients section's, told through
 * the page's signals.
 *
 * Opening it costs one frame of what a window shows first: its header,
 * the company's data and its people are there at once; the client's
 * Privacy and At the Desk fields under them (below the fold in a window
 * of common size, and nothing under them yet to push down) come in the
 * first step after the page's first frame; then the groups under them
 * (meetings and follow-ups, assessments, grants, attachments, documents,
 * events and the templates menu) are made, read and filled, one short
 * step an idle, hidden until all are there so that nothing above them
 * moves (SportelloClientPage:loaded). A page closed or
 * covered before that reads nothing more. Nor is the client menu made
 * before it first opens, and a page taken off the window is let go after
 * the next frame, not inside the next page's opening.
 */

#define G_LOG_DOMAIN "sportello-client-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sportello-client-dialog.h"
#include "sportello-client-page-private.h"
#include "sportello-contact.h"
#include "sportello-format.h"
#include "sportello-property-row.h"
#include "sportello-retention.h"
#include "sportello-section.h"
#include "sportello-vocabulary.h"

G_DEFINE_FINAL_TYPE (SportelloClientPage, sportello_client_page, ADW_TYPE_NAVIGATION_PAGE)

guint _sportello_client_page_signals[_SPORTELLO_CLIENT_PAGE_N_SIGNALS];

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define signals _sportello_client_page_signals

/* The tooltip of a widget not yet on screen, set while it is hidden: set on
 * a visible widget, GTK asks the display at once where the pointer is (a
 * round trip to the X server for each button of each row) */
void
_sportello_client_page_set_tooltip (GtkWidget  *widget,
                                    const char *text)
{
  gboolean visible = gtk_widget_get_visible (widget);

  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, visible);
}

static GtkWidget *
add_row (SportelloClientPage *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return NULL;

  row = sportello_property_row_new (title, value);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

/* A website, e-mail or PEC with a button that opens it (GtkUriLauncher,
 * through client.open-uri): the browser, or the mail client to write to */
static void
add_link_field (SportelloClientPage  *self,
                AdwPreferencesGroup  *group,
                SportelloClientField  field,
                const char           *icon_name,
                const char           *tooltip)
{
  const char *value = sportello_client_get (self->client, field);
  GtkWidget *row = add_row (self, group, sportello_client_field_label (field), value);
  g_autofree char *uri = NULL;
  GtkWidget *button;

  if (row == NULL)
    return;

  if (field == SPORTELLO_CLIENT_WEBSITE)
    uri = strstr (value, "://") ? g_strdup (value) : g_strconcat ("https://", value, NULL);
  else
    uri = g_strconcat ("mailto:", value, NULL);

  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  _sportello_client_page_set_tooltip (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "client.open-uri");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  sportello_property_row_set_suffix (SPORTELLO_PROPERTY_ROW (row), button);
}

static void
add_field (SportelloClientPage  *self,
           AdwPreferencesGroup  *group,
           SportelloClientField  field)
{
  add_row (self, group, sportello_client_field_label (field), sportello_client_get (self->client, field));
}

void
_sportello_client_page_show_error (SportelloClientPage *self,
                                   const GError        *error)
{
  sportello_context_toast_error (self->context, error);
}

#define show_error _sportello_client_page_show_error

/* The item a row of a bound list box shows (a reference), or NULL */
gpointer
_sportello_client_page_item_of_row (GListModel *model,
                                    GtkWidget  *widget)
{
  GtkWidget *row = GTK_IS_LIST_BOX_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  int index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  return model != NULL && index >= 0 ? g_list_model_get_item (model, index) : NULL;
}

/* An empty group's one dim row, as Attachments shows it, right where
 * @list would be */
GtkWidget *
_sportello_client_page_empty_list_new (GtkListBox *list,
                                     const char *title,
                                     const char *subtitle)
{
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (box), row);
  gtk_widget_set_visible (box, FALSE);
  gtk_widget_insert_after (box, gtk_widget_get_parent (GTK_WIDGET (list)), GTK_WIDGET (list));

  return box;
}

static void
update_actions (SportelloClientPage *self)
{
  gboolean archived = g_str_equal (sportello_client_get (self->client, SPORTELLO_CLIENT_STATUS), "archived");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.archive", !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.unarchive", archived);
}

/* The fields under the client's people, Privacy and At the Desk: their
 * groups are hidden until then, so that the page's first frame shows no
 * empty group; below them only the groups that come later still */
void
_sportello_client_page_fill_fields_below (SportelloClientPage *self)
{
  SportelloClient *c = self->client;
  g_autofree char *consent_date = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *origin = NULL;

  /* Privacy */
  consent_date = sportello_format_date_long (sportello_client_get (c, SPORTELLO_CLIENT_CONSENT_DATE));
  add_row (self, self->privacy_group, _("Consent to data processing"),
           sportello_client_get_consent_given (c)
             ? (consent_date ? consent_date : _("Given"))
             : _("Not given"));
  add_row (self, self->privacy_group, _("Legal basis"),
           sportello_vocabulary_label (SPORTELLO_VOCABULARY_CONSENT_BASIS, sportello_client_get (c, SPORTELLO_CLIENT_CONSENT_BASIS)));
  add_field (self, self->privacy_group, SPORTELLO_CLIENT_CONSENT_NOTE);

  /* At the desk */
  add_field (self, self->desk_group, SPORTELLO_CLIENT_TAGS);
  add_row (self, self->desk_group, sportello_client_field_label (SPORTELLO_CLIENT_SOURCE),
           sportello_vocabulary_label (SPORTELLO_VOCABULARY_SOURCE, sportello_client_get (c, SPORTELLO_CLIENT_SOURCE)));
  add_field (self, self->desk_group, SPORTELLO_CLIENT_NOTES);
  /* Translators: who follows the client: consultant, then hub */
  origin = g_strdup_printf (_("%s, %s"), sportello_client_get (c, SPORTELLO_CLIENT_OWNER_CONSULTANT),
                            sportello_client_get (c, SPORTELLO_CLIENT_OWNER_HUB));
  if (sportello_client_get (c, SPORTELLO_CLIENT_OWNER_CONSULTANT)[0] || sportello_client_get (c, SPORTELLO_CLIENT_OWNER_HUB)[0])
    add_row (self, self->desk_group, _("Followed by"), origin);
  created = sportello_format_date_long (sportello_client_get (c, SPORTELLO_CLIENT_CREATED_AT));
  updated = sportello_format_date_long (sportello_client_get (c, SPORTELLO_CLIENT_UPDATED_AT));
  add_row (self, self->desk_group, _("File opened"), created);
  add_row (self, self->desk_group, _("Last change"), updated);

  gtk_widget_set_visible (GTK_WIDGET (self->privacy_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->desk_group), TRUE);
}

static void
fill (SportelloClientPage *self)
{
  SportelloClient *c = self->client;
  const char *status = sportello_client_get (c, SPORTELLO_CLIENT_STATUS);
  g_autofree char *status_class = g_strconcat ("status-", status, NULL);
  g_autofree char *address = NULL;
  g_autofree char *employees = NULL;
  g_autoptr(GError) error = NULL;
  gboolean writable = !sportello_retention_is_anonymised (self->db, sportello_client_get_uuid (c));

  /* an anonymised client is read-only: nothing new is added to it either */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.new-meeting", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.new-assessment", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.new-document", writable);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->rows, 0);

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), sportello_client_get_name (c));
  gtk_label_set_label (self->name_label, sportello_client_get_name (c));
  gtk_label_set_label (self->status_label, sportello_vocabulary_label (SPORTELLO_VOCABULARY_STATUS, status));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label),
                              (const char *[]) { "status-pill", "caption", status_class, NULL });
  gtk_label_set_label (self->category_label,
                       sportello_vocabulary_label (SPORTELLO_VOCABULARY_CATEGORY,
                                                   sportello_client_get (c, SPORTELLO_CLIENT_CATEGORY)));

  /* Company data */
  add_row (self, self->company_group, _("Legal form"),
           sportello_vocabulary_label (SPORTELLO_VOCABULARY_LEGAL_FORM, sportello_client_get (c, SPORTELLO_CLIENT_LEGAL_FORM)));
  add_field (self, self->company_group, SPORTELLO_CLIENT_VAT_NUMBER);
  add_field (self, self->company_group, SPORTELLO_CLIENT_TAX_CODE);
  add_field (self, self->company_group, SPORTELLO_CLIENT_ATECO_CODE);
  if (sportello_client_get_employees (c) > 0)
    {
      employees = g_strdup_printf ("%d", sportello_client_get_employees (c));
      add_row (self, self->company_group, _("Employees"), employees);
    }
  /* an Italian address, “Via Roma 1, 22074 Lomazzo (CO)”, with what is known */
  {
    const char *street = sportello_client_get (c, SPORTELLO_CLIENT_STREET);
    const char *cap = sportello_client_get (c, SPORTELLO_CLIENT_POSTAL_CODE);
    const char *town = sportello_client_get (c, SPORTELLO_CLIENT_MUNICIPALITY);
    const char *province = sportello_client_get (c, SPORTELLO_CLIENT_PROVINCE);
    g_autoptr(GString) line = g_string_new (street);

    if (*cap || *town)
      {
        if (line->len > 0)
          g_string_append (line, ", ");
        g_string_append_printf (line, "%s%s%s", cap, *cap && *town ? " " : "", town);
        if (*province)
          g_string_append_printf (line, " (%s)", province);
      }
    address = g_string_free (g_steal_pointer (&line), FALSE);
  }
  if (address[0] != '\0')
    add_row (self, self->company_group, _("Address"), address);
  add_field (self, self->company_group, SPORTELLO_CLIENT_PHONE);
  add_link_field (self, self->company_group, SPORTELLO_CLIENT_EMAIL, "mail-send-symbolic", _("Write an E-mail"));
  add_link_field (self, self->company_group, SPORTELLO_CLIENT_PEC, "mail-send-symbolic", _("Write to the PEC Address"));
  add_field (self, self->company_group, SPORTELLO_CLIENT_SDI_CODE);
  add_link_field (self, self->company_group, SPORTELLO_CLIENT_WEBSITE, "web-browser-symbolic", _("Open the Website"));

  /* Privacy and At the Desk: below the fold, made after the first frame
   * (their step of the fill), or now if that step has been and gone */
  if (self->fill_step > 0 && !self->loaded)
    _sportello_client_page_fill_fields_below (self);

  /* People */
  g_clear_object (&self->contacts);
  self->contacts = sportello_contact_list_for_client (self->db, sportello_client_get_uuid (c), &error);
  if (self->contacts == NULL)
    {
      g_warning ("Cannot list the contacts: %s", error->message);
      self->contacts = G_LIST_MODEL (g_list_store_new (SPORTELLO_TYPE_CONTACT));
    }
  gtk_list_box_bind_model (self->contacts_list, self->contacts, _sportello_client_page_create_contact_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_list), g_list_model_get_n_items (self->contacts) > 0);
  /* the dim row of a firm with no people, made the first time it has none */
  if (self->contacts_empty == NULL && g_list_model_get_n_items (self->contacts) == 0)
    self->contacts_empty = _sportello_client_page_empty_list_new (self->contacts_list, _("No people"),
                                                                  _("Add the people you talk to at this firm"));
  if (self->contacts_empty != NULL)
    gtk_widget_set_visible (self->contacts_empty, g_list_model_get_n_items (self->contacts) == 0);

  update_actions (self);
}

/* Files dropped anywhere on the page are attached to the client (the
 * attachments group, made and told its client first if need be) */
static gboolean
drop_cb (SportelloClientPage *self,
         const GValue        *value,
         double               x,
         double               y)
{
  g_autoptr(GSList) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  _sportello_client_page_ensure_loaded (self);
  sportello_client_attachments_add_files (self->attachments_group, (GFile **) array->pdata, array->len);

  return array->len > 0;
}

static void
stop_waiting_to_fill (SportelloClientPage *self)
{
  g_clear_handle_id (&self->fill_idle, g_source_remove);
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
}

static void
set_loaded (SportelloClientPage *self)
{
  if (!self->loaded)
    {
      self->loaded = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->groups_box), TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

static gboolean
fill_idle_cb (gpointer data)
{
  SportelloClientPage *self = data;

  /* covered or gone before it filled: it goes on when it is shown again */
  if (self->hidden || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->fill_idle = 0;
      return G_SOURCE_REMOVE;
    }
  if (_sportello_client_page_fill_next_group (self))
    return G_SOURCE_CONTINUE;

  self->fill_idle = 0;
  set_loaded (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (SportelloClientPage *self)
{
  g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  /* out of the frame clock's cycle */
  if (self->fill_idle == 0)
    self->fill_idle = g_idle_add (fill_idle_cb, self);
}

/* Waits for the page's first frame on screen to fill its groups */
static void
wait_to_fill (SportelloClientPage *self)
{
  if (self->loaded || self->frame_clock != NULL || self->fill_idle != 0
      || !gtk_widget_get_mapped (GTK_WIDGET (self)) || self->hidden)
    return;

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->after_paint_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                   G_CALLBACK (first_frame_cb), self);
}

void
_sportello_client_page_ensure_loaded (SportelloClientPage *self)
{
  if (self->loaded)
    return;

  stop_waiting_to_fill (self);
  while (_sportello_client_page_fill_next_group (self))
    ;
  set_loaded (self);
}

gboolean
sportello_client_page_get_loaded (SportelloClientPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_PAGE (self), FALSE);

  return self->loaded;
}

/* ---------------------------------------------------------- GObject ---- */

static void
sportello_client_page_shown (AdwNavigationPage *page)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (page);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  update_actions (self);
  wait_to_fill (self);

  /* A page just opened starts at its first action; coming back, the
   * navigation view has put the focus back where it was. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (page)) || GTK_IS_LABEL (focus))
    gtk_widget_grab_focus (self->edit_button);

  ADW_NAVIGATION_PAGE_CLASS (sportello_client_page_parent_class)->shown (page);
}

static void
sportello_client_page_showing (AdwNavigationPage *page)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (page);

  self->hidden = FALSE;
  ADW_NAVIGATION_PAGE_CLASS (sportello_client_page_parent_class)->showing (page);
}

static void
sportello_client_page_hiding (AdwNavigationPage *page)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (page);

  /* going away before it filled: nothing more to read */
  self->hidden = TRUE;
  stop_waiting_to_fill (self);
  ADW_NAVIGATION_PAGE_CLASS (sportello_client_page_parent_class)->hiding (page);
}

static void
sportello_client_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sportello_client_page_parent_class)->map (widget);
  wait_to_fill (SPORTELLO_CLIENT_PAGE (widget));
}

static void
sportello_client_page_unmap (GtkWidget *widget)
{
  stop_waiting_to_fill (SPORTELLO_CLIENT_PAGE (widget));
  GTK_WIDGET_CLASS (sportello_client_page_parent_class)->unmap (widget);
}

/* A page let go of after the window's next frame */
typedef struct
{
  GdkFrameClock *clock;
  GtkWidget     *page;
  gulong         id;
} Release;

static gboolean
release_idle_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
release_after_paint_cb (GdkFrameClock *clock,
                        Release       *release)
{
  g_signal_handler_disconnect (clock, release->id);
  g_idle_add (release_idle_cb, release->page);
  g_object_unref (release->clock);
  g_free (release);
}

static void
sportello_client_page_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  /* the window's: the page itself is no longer realized here */
  GdkFrameClock *clock = root != NULL ? gtk_widget_get_frame_clock (GTK_WIDGET (root)) : NULL;

  /* Taken off the window (a page popped, or replaced by the next one
   * opened): its widgets are let go after the window's next frame, in an
   * idle, rather than in the middle of opening the page that follows. */
  if (clock != NULL && !gtk_widget_in_destruction (GTK_WIDGET (root)))
    {
      Release *release = g_new0 (Release, 1);

      release->clock = g_object_ref (clock);
      release->page = g_object_ref (widget);
      release->id = g_signal_connect (clock, "after-paint", G_CALLBACK (release_after_paint_cb), release);
    }

  GTK_WIDGET_CLASS (sportello_client_page_parent_class)->unroot (widget);
}

static void
sportello_client_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SportelloClientPage *self = SPORTELLO_CLIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_client_page_dispose (GObject *object)
{
  SportelloClientPage *self = (SportelloClientPage *)object;

  stop_waiting_to_fill (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_CLIENT_PAGE);
  /* the groups went with the template's groups_box */
  self->meetings_group = self->assessments_group = self->documents_group = NULL;
  self->open_follow_ups_list = self->meetings_list = self->assessments_list = self->documents_list = NULL;
  self->grants_group = NULL;
  self->attachments_group = NULL;
  self->new_document_button = NULL;
  self->meetings_empty = self->assessments_empty = self->documents_empty = NULL;
  self->events_group = NULL;

  g_clear_object (&self->client);
  g_clear_object (&self->contacts);
  g_clear_object (&self->meetings);
  g_clear_object (&self->open_follow_ups);
  g_clear_object (&self->assessments);
  g_clear_object (&self->documents);
  self->db = NULL;
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sportello_client_page_parent_class)->dispose (object);
}

static void
sportello_client_page_class_init (SportelloClientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwNavigationPageClass *page_class = ADW_NAVIGATION_PAGE_CLASS (klass);

  object_class->dispose = sportello_client_page_dispose;
  object_class->get_property = sportello_client_page_get_property;
  widget_class->map = sportello_client_page_map;
  widget_class->unmap = sportello_client_page_unmap;
  widget_class->unroot = sportello_client_page_unroot;
  page_class->showing = sportello_client_page_showing;
  page_class->shown = sportello_client_page_shown;
  page_class->hiding = sportello_client_page_hiding;

  /**
   * SportelloClientPage:loaded:
   *
   * Whether the groups under the client's own fields (meetings,
   * assessments, grants, attachments, documents, events) are filled: the
   * page fills them after its first frame on screen.
   */
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-client-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, client_menu);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, category_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, company_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, privacy_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, desk_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloClientPage, groups_box);
  g_type_ensure (SPORTELLO_TYPE_CLIENT_GRANTS);
  g_type_ensure (SPORTELLO_TYPE_CLIENT_ATTACHMENTS);
  gtk_widget_class_install_action (widget_class, "contacts.add", NULL, _sportello_client_page_contacts_add_action);

  /**
   * SportelloClientPage::open-meeting:
   * @uuid: the meeting to show
   */
  signals[SPORTELLO_CLIENT_PAGE_OPEN_MEETING] = g_signal_new ("open-meeting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SPORTELLO_CLIENT_PAGE_OPEN_ASSESSMENT] = g_signal_new ("open-assessment", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SPORTELLO_CLIENT_PAGE_OPEN_DOCUMENT] = g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * SportelloClientPage::open-client:
   * @uuid: another client to show (the editor found it has the same VAT number)
   */
  signals[SPORTELLO_CLIENT_PAGE_OPEN_CLIENT] = g_signal_new ("open-client", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * SportelloClientPage::trashed:
   * @uuid: the client
   * @name: its name, for the Undo toast
   *
   * The client went to the trash, and the page back; it stays there
   * until the section purges it or restores it.
   */
  signals[SPORTELLO_CLIENT_PAGE_TRASHED] = g_signal_new ("trashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  _sportello_client_page_class_init_actions (widget_class);
}

/* The client menu's popover (nine buttons and their bindings) is made the
 * first time it opens, not with every page */
static void
menu_popup_cb (GtkMenuButton *button,
               gpointer       user_data)
{
  SportelloClientPage *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->client_menu);
}

static void
sportello_client_page_init (SportelloClientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  g_signal_connect_object (self->contacts_list, "row-activated",
                           G_CALLBACK (_sportello_client_page_contact_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->menu_button, menu_popup_cb, self, NULL);
  /* a file dropped anywhere on the page is attached to the client */
  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
}

static void
reload_cb (GtkWidget *widget)
{
  sportello_client_page_reload (SPORTELLO_CLIENT_PAGE (widget));
}

/**
 * sportello_client_page_new_spare:
 *
 * Makes a page's widgets without a client, in idle time, for the next
 * sportello_client_page_new() to fill: opening a client then costs
 * reading and filling it, not building its page.
 *
 * Returns: (transfer full): a page to pass to sportello_client_page_new()
 */
SportelloClientPage *
sportello_client_page_new_spare (void)
{
  return g_object_ref_sink (g_object_new (SPORTELLO_TYPE_CLIENT_PAGE, NULL));
}

/**
 * sportello_client_page_new:
 * @context: the window's context
 * @uuid: the client
 * @spare: (transfer full) (nullable): a page from
 *   sportello_client_page_new_spare() to fill, or %NULL for a new one;
 *   it is let go if the client cannot be read
 * @error: where the reason goes if the client cannot be read
 *
 * Returns: (transfer full) (nullable): the client's page, not floating
 */
SportelloClientPage *
sportello_client_page_new (SportelloContext    *context,
                           const char          *uuid,
                           SportelloClientPage *spare,
                           GError             **error)
{
  /* all that the page shows of the client */
  static const char * const follows[] = {
    SPORTELLO_CHANGE_CLIENT, SPORTELLO_CHANGE_CONTACT, SPORTELLO_CHANGE_MEETING, SPORTELLO_CHANGE_FOLLOW_UP,
    SPORTELLO_CHANGE_ASSESSMENT, SPORTELLO_CHANGE_DOCUMENT, SPORTELLO_CHANGE_TEMPLATE, NULL
  };
  g_autoptr(SportelloClient) client = NULL;
  SportelloClientPage *self;

  g_autoptr(SportelloClientPage) blank = spare;

  g_return_val_if_fail (SPORTELLO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (spare == NULL || (SPORTELLO_IS_CLIENT_PAGE (spare) && spare->client == NULL), NULL);

  if (!(client = sportello_client_load (sportello_context_get_database (context), uuid, error)))
    return NULL;

  self = blank != NULL ? g_steal_pointer (&blank) : sportello_client_page_new_spare ();
  self->context = g_object_ref (context);
  self->db = sportello_context_get_database (context);
  self->client = g_steal_pointer (&client);
  /* the header and the client's own fields now, the groups under them
   * after the first frame (wait_to_fill) */
  fill (self);
  sportello_widget_follow (GTK_WIDGET (self), self->db, follows, reload_cb);

  return self;
}

const char *
sportello_client_page_get_uuid (SportelloClientPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_PAGE (self), NULL);

  return sportello_client_get_uuid (self->client);
}

SportelloClient *
sportello_client_page_get_client (SportelloClientPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_PAGE (self), NULL);

  return self->client;
}

gboolean
sportello_client_page_reload (SportelloClientPage *self)
{
  g_autoptr(SportelloClient) client = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SPORTELLO_IS_CLIENT_PAGE (self), FALSE);

  if (!(client = sportello_client_load (self->db, sportello_client_get_uuid (self->client), &error)))
    {
      g_debug ("Cannot reload the client: %s", error->message);
      return FALSE;
    }

  g_set_object (&self->client, client);
  fill (self);
  /* the groups read afresh when they fill, if they have not yet */
  if (self->loaded)
    _sportello_client_page_fill_groups (self);

  return TRUE;
}
