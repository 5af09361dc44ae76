/* sportello-grants-section.c: the Grant Calls section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grant calls (bandi) followed by the hub: open ones first by the
 * nearest deadline, then forthcoming, then closed, as the store lists
 * them, in a GtkListView. A search narrows them; a call opens its page.
 *
 * The section preloads: after the window's first frame, and after each
 * change to the calls while it is hidden, it reads them in an idle and
 * hands them to the list in steps (LOAD_STEP calls at a time), so no step
 * holds the main loop for a frame and showing the section finds its list
 * built. Shown before the steps are done, it takes the rest at once.
 */

#define G_LOG_DOMAIN "sportello-grants-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-format.h"
#include "sportello-grant-call.h"
#include "sportello-grant-call-page.h"
#include "sportello-grants-section.h"
#include "sportello-section.h"
#include "sportello-vocabulary.h"

struct _SportelloGrantsSection
{
  GtkWidget           parent_instance;

  GListStore         *store;
  GPtrArray          *loading;     /* the calls still to hand to the list */
  guint               loaded;      /* how many of them are in it */
  guint               load_idle;

  AdwNavigationView  *navigation_view;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_button;
};

static void section_iface_init (SportelloSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloGrantsSection, sportello_grants_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SPORTELLO_TYPE_SECTION, section_iface_init))

/* the status pill's look, as the clients' statuses have it */
static const char *
status_class (SportelloGrantCallStatus status)
{
  switch (status)
    {
    case SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON:
      return "status-consulting";
    case SPORTELLO_GRANT_CALL_STATUS_OPEN:
      return "status-followed";
    case SPORTELLO_GRANT_CALL_STATUS_FORTHCOMING:
      return "status-new";
    case SPORTELLO_GRANT_CALL_STATUS_CLOSED:
    default:
      return "status-closed";
    }
}

/**
 * sportello_grant_call_when_text:
 * @call: a call
 *
 * When the call closes, or opens, in words: “scade il 15 dicembre 2026”,
 * “a sportello”.
 *
 * Returns: (transfer full): the text, "" when the call gives no date
 */
char *
sportello_grant_call_when_text (SportelloGrantCall *call)
{
  SportelloGrantCallStatus status = sportello_grant_call_get_status (call);
  g_autofree char *deadline = sportello_format_date_on (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_DEADLINE),
                                                        SPORTELLO_DATE_LONG);
  g_autofree char *opens = sportello_format_date_on (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_OPENS_AT),
                                                     SPORTELLO_DATE_LONG);

  if (status == SPORTELLO_GRANT_CALL_STATUS_FORTHCOMING && opens != NULL)
    /* Translators: when a grant call opens; the date carries its article in Italian: “apre il 2 febbraio 2027” */
    return g_strdup_printf (_("opens %s"), opens);
  if (deadline != NULL && status == SPORTELLO_GRANT_CALL_STATUS_CLOSED)
    /* Translators: when a grant call closed: “chiuso il 30 giugno 2026” */
    return g_strdup_printf (_("closed %s"), deadline);
  if (deadline != NULL)
    /* Translators: a grant call's deadline: “scade il 15 dicembre 2026” */
    return g_strdup_printf (_("closes %s"), deadline);
  if (sportello_grant_call_get_flag (call, SPORTELLO_GRANT_CALL_FIRST_COME))
    /* Translators: a grant call with no deadline, open until the funds run out: “a sportello” */
    return g_strdup (_("first come, first served"));

  return g_strdup ("");
}

static void
activate_cb (SportelloGrantsSection *self,
             guint                position)
{
  g_autoptr(SportelloGrantCall) call = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (call != NULL)
    sportello_grants_section_open (self, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID));
}

static void
search_changed_cb (SportelloGrantsSection *self)
{
  sportello_section_queue_reload (SPORTELLO_SECTION (self));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *pill = gtk_label_new (NULL);
  GtkWidget *when = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (details, TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (when, "caption");
  gtk_widget_set_valign (when, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (line), details);
  gtk_box_append (GTK_BOX (line), when);
  gtk_box_append (GTK_BOX (line), pill);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  SportelloGrantCall *call = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *line = gtk_widget_get_next_sibling (title);
  GtkWidget *details = gtk_widget_get_first_child (line);
  GtkWidget *when = gtk_widget_get_next_sibling (details);
  GtkWidget *pill = gtk_widget_get_next_sibling (when);
  SportelloGrantCallStatus status = sportello_grant_call_get_status (call);
  g_autofree char *text = NULL;
  g_autofree char *when_text = sportello_grant_call_when_text (call);
  g_autofree char *a11y = NULL;
  const char *name = sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_TITLE);

  /* Translators: who funds a grant call and what it gives: “Regione · Fondo perduto” */
  text = g_strdup_printf (_("%s · %s"),
                          sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_FUNDER,
                                                      sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_FUNDER)),
                          sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_KIND,
                                                      sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_KIND)));
  gtk_label_set_label (GTK_LABEL (title), name[0] ? name : _("Untitled call"));
  gtk_label_set_label (GTK_LABEL (details), text);
  gtk_label_set_label (GTK_LABEL (when), when_text);
  gtk_label_set_label (GTK_LABEL (pill), sportello_grant_call_status_label (status));
  gtk_widget_set_css_classes (pill, (const char *[]) { "status-pill", "caption", status_class (status), NULL });

  a11y = g_strdup_printf ("%s, %s, %s, %s", name, text, sportello_grant_call_status_label (status), when_text);
  gtk_list_item_set_accessible_label (item, a11y);
}

static void
new_call_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SportelloGrantsSection *self = SPORTELLO_GRANTS_SECTION (widget);
  SportelloContext *context = sportello_section_get_context (SPORTELLO_SECTION (self));
  g_autoptr(SportelloGrantCall) call = sportello_grant_call_new (_("New call"));
  g_autoptr(GError) error = NULL;

  if (context == NULL)
    return;
  if (!sportello_grant_call_save (call, sportello_context_get_database (context), &error))
    {
      sportello_context_toast_error (context, error);
      return;
    }

  /* gone again if the page closes with nothing written */
  sportello_context_mark_made (context, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID));
  sportello_grants_section_open (self, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID));
}

/* calls handed to the list per step while the section is hidden: the
 * list view makes and lays out rows for the first of them, a few
 * milliseconds a step */
#define LOAD_STEP 25

static void
load_finish (SportelloGrantsSection *self)
{
  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_clear_pointer (&self->loading, g_ptr_array_unref);
  self->loaded = 0;
}

/* The hidden section at the size its stack gives the section shown, as
 * it will be shown: measuring it styles and measures the rows made so
 * far (the sizes are kept), and the last step allocates it, so showing
 * it only draws them. */
static void
lay_out_hidden (SportelloGrantsSection *self,
                gboolean             allocate)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  int width, height, min_width, min_height;

  if (parent == NULL || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return;
  width = gtk_widget_get_width (parent);
  height = gtk_widget_get_height (parent);
  if (width <= 0 || height <= 0)
    return;

  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  if (allocate && min_width <= width && min_height <= height)
    gtk_widget_allocate (GTK_WIDGET (self), width, height, -1, NULL);
}

/* Puts the next @n calls of those loading in place of the ones listed
 * there (their rows are bound again, not made anew); the last step drops
 * what is left of the old list */
static void
load_step (SportelloGrantsSection *self,
           guint                n)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_replaced;

  n = MIN (n, self->loading->len - self->loaded);
  n_replaced = MIN (n, n_items - MIN (n_items, self->loaded));
  if (self->loaded + n == self->loading->len)
    n_replaced = n_items - MIN (n_items, self->loaded);
  g_list_store_splice (self->store, self->loaded, n_replaced, self->loading->pdata + self->loaded, n);
  self->loaded += n;
}

static gboolean
load_idle_cb (gpointer data)
{
  SportelloGrantsSection *self = data;

  if (self->loaded < self->loading->len || self->loading->len == 0)
    {
      load_step (self, LOAD_STEP);
      lay_out_hidden (self, FALSE);
      if (self->loading->len > 0)
        return G_SOURCE_CONTINUE;
    }

  /* a step of its own */
  lay_out_hidden (self, TRUE);
  self->load_idle = 0;
  load_finish (self);

  return G_SOURCE_REMOVE;
}

static void
reload (SportelloSection *section)
{
  SportelloGrantsSection *self = SPORTELLO_GRANTS_SECTION (section);
  SportelloDatabase *db = sportello_section_get_database (section);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  calls = sportello_grant_call_list (db, search[0] ? search : NULL, now, &error);
  if (calls == NULL)
    {
      g_warning ("Cannot list the grant calls: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    g_ptr_array_add (items, g_list_model_get_item (calls, i));

  load_finish (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), items->pdata, items->len);
  else
    {
      /* hidden: in steps, after this one's query */
      self->loading = g_ptr_array_ref (items);
      self->load_idle = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
    }

  adw_status_page_set_title (self->empty_page, search[0] ? _("No Results") : _("No Calls"));
  gtk_widget_set_visible (self->empty_button, search[0] == '\0');
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
}

static void
section_iface_init (SportelloSectionInterface *iface)
{
  static const char * const follows[] = { SPORTELLO_CHANGE_GRANT_CALL, NULL };

  iface->follows = follows;
  iface->preload = TRUE;
  iface->reload = reload;
}

/* shown before the steps are done: the rest at once */
static void
sportello_grants_section_map (GtkWidget *widget)
{
  SportelloGrantsSection *self = SPORTELLO_GRANTS_SECTION (widget);

  if (self->loading != NULL)
    {
      load_step (self, G_MAXUINT);
      load_finish (self);
    }

  GTK_WIDGET_CLASS (sportello_grants_section_parent_class)->map (widget);
}

static void
sportello_grants_section_dispose (GObject *object)
{
  SportelloGrantsSection *self = (SportelloGrantsSection *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_GRANTS_SECTION);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  load_finish (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sportello_grants_section_parent_class)->dispose (object);
}

static void
sportello_grants_section_class_init (SportelloGrantsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_grants_section_dispose;
  widget_class->map = sportello_grants_section_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-grants-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloGrantsSection, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloGrantsSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SportelloGrantsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloGrantsSection, list_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloGrantsSection, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SportelloGrantsSection, empty_button);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_install_action (widget_class, "grants.new", NULL, new_call_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sportello_grants_section_init (SportelloGrantsSection *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (SPORTELLO_TYPE_GRANT_CALL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)))));
}

GListModel *
sportello_grants_section_get_model (SportelloGrantsSection *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANTS_SECTION (self), NULL);

  return G_LIST_MODEL (self->store);
}

void
sportello_grants_section_open (SportelloGrantsSection *self,
                            const char          *uuid)
{
  SportelloContext *context;
  g_autoptr(GError) error = NULL;
  SportelloGrantCallPage *page;

  g_return_if_fail (SPORTELLO_IS_GRANTS_SECTION (self));

  context = sportello_section_get_context (SPORTELLO_SECTION (self));
  page = sportello_grant_call_page_new (context, uuid, &error);
  if (page == NULL)
    {
      sportello_context_toast_error (context, error);
      return;
    }

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}
