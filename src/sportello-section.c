/* sportello-section.c: what the window's sections have in common
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A section gets the window's context and then keeps itself up to date:
 * it names the kinds of record it shows, and a committed change to one of
 * them (SportelloDatabase::changed) reloads it, once per commit, after the
 * change is announced. A section that is not on screen only notes that it
 * is stale and reloads when it is next shown, so a large database costs
 * nothing for sections nobody opens. The same following is there for any
 * widget that shows records (sportello_widget_follow(), the client page).
 *
 * A section that preloads (SportelloSectionInterface.preload) does not
 * wait to be shown: once the window has drawn its first frame, a stale
 * section reloads in an idle of low priority, behind drawing and input,
 * so showing it costs no more than showing it again.
 */

#define G_LOG_DOMAIN "sportello-section"

#include "config.h"

#include "sportello-section.h"

G_DEFINE_INTERFACE (SportelloSection, sportello_section, GTK_TYPE_WIDGET)

typedef struct
{
  GtkWidget           *widget;   /* not a reference: this lives on it */
  GStrv                kinds;
  SportelloReloadFunc  reload;
  gboolean             stale;
  guint                idle;
  gboolean             preload;        /* reloads while hidden, once ready */
  gboolean             preload_ready;  /* the window has drawn its first frame */
  guint                preload_idle;
} Follow;

static GQuark follow_quark;
static GQuark context_quark;

static void
sportello_section_default_init (SportelloSectionInterface *iface)
{
  follow_quark = g_quark_from_static_string ("sportello-follow");
  context_quark = g_quark_from_static_string ("sportello-section-context");
}

static void
follow_free (gpointer data)
{
  Follow *follow = data;

  g_clear_handle_id (&follow->idle, g_source_remove);
  g_clear_handle_id (&follow->preload_idle, g_source_remove);
  g_strfreev (follow->kinds);
  g_free (follow);
}

static void
reload_now (Follow *follow)
{
  follow->stale = FALSE;
  g_clear_handle_id (&follow->idle, g_source_remove);
  g_clear_handle_id (&follow->preload_idle, g_source_remove);
  follow->reload (follow->widget);
}

static gboolean
preload_idle_cb (gpointer data)
{
  Follow *follow = data;

  follow->preload_idle = 0;
  /* not once the window is gone: the widget may be disposed */
  if (follow->stale && gtk_widget_get_root (follow->widget) != NULL)
    reload_now (follow);

  return G_SOURCE_REMOVE;
}

/* Hidden: reload when next shown, or before that if the widget preloads */
static void
mark_stale (Follow *follow)
{
  follow->stale = TRUE;
  if (follow->preload && follow->preload_ready && follow->preload_idle == 0)
    follow->preload_idle = g_idle_add_full (G_PRIORITY_LOW, preload_idle_cb, follow, NULL);
}

static gboolean
reload_idle_cb (gpointer data)
{
  Follow *follow = data;

  follow->idle = 0;
  if (gtk_widget_get_mapped (follow->widget))
    reload_now (follow);
  else
    mark_stale (follow);

  return G_SOURCE_REMOVE;
}

static void
map_cb (GtkWidget *widget,
        Follow    *follow)
{
  if (follow->stale)
    reload_now (follow);
}

/* One commit may announce several kinds: they make one reload */
static void
changed_cb (SportelloDatabase *database,
            const char        *kind,
            GArray            *ids,
            GtkWidget         *widget)
{
  Follow *follow = g_object_get_qdata (G_OBJECT (widget), follow_quark);

  if (follow == NULL || !g_strv_contains ((const char * const *) follow->kinds, kind))
    return;

  if (follow->idle == 0)
    follow->idle = g_idle_add (reload_idle_cb, follow);
}

/**
 * sportello_widget_follow:
 * @kinds: the kinds of record @widget shows (SPORTELLO_CHANGE_*)
 * @reload: what shows them again
 *
 * Keeps @widget up to date with @database; follows one database at a time.
 */
void
sportello_widget_follow (GtkWidget          *widget,
                         SportelloDatabase  *database,
                         const char * const *kinds,
                         SportelloReloadFunc reload)
{
  Follow *follow;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SPORTELLO_IS_DATABASE (database));

  g_type_ensure (SPORTELLO_TYPE_SECTION);   /* the quarks */
  g_return_if_fail (g_object_get_qdata (G_OBJECT (widget), follow_quark) == NULL);

  follow = g_new0 (Follow, 1);
  follow->widget = widget;
  follow->kinds = g_strdupv ((char **) kinds);
  follow->reload = reload;
  g_object_set_qdata_full (G_OBJECT (widget), follow_quark, follow, follow_free);

  g_signal_connect_object (database, "changed", G_CALLBACK (changed_cb), widget, 0);
  g_signal_connect (widget, "map", G_CALLBACK (map_cb), follow);
}

/**
 * sportello_widget_queue_reload:
 *
 * Reloads @widget now if it is on screen, else when it is next shown.
 */
void
sportello_widget_queue_reload (GtkWidget *widget)
{
  Follow *follow = g_object_get_qdata (G_OBJECT (widget), follow_quark);

  g_return_if_fail (follow != NULL);

  if (gtk_widget_get_mapped (widget))
    reload_now (follow);
  else
    mark_stale (follow);
}

/* The window has drawn its first frame: a preloading section may load */
static void
first_paint_cb (GdkFrameClock *clock,
                GtkWidget     *widget)
{
  Follow *follow = g_object_get_qdata (G_OBJECT (widget), follow_quark);

  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, widget);
  if (follow == NULL || follow->preload_ready)
    return;

  follow->preload_ready = TRUE;
  if (follow->stale && !gtk_widget_get_mapped (widget))
    mark_stale (follow);
}

static void
root_realize_cb (GtkWidget *root,
                 GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (root);

  g_signal_handlers_disconnect_by_func (root, root_realize_cb, widget);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_paint_cb), widget, 0);
}

/* Preloads @widget from its window's first frame on: at once if the
 * window is on screen already */
static void
follow_preload (GtkWidget *widget)
{
  Follow *follow = g_object_get_qdata (G_OBJECT (widget), follow_quark);
  GtkRoot *root = gtk_widget_get_root (widget);

  follow->preload = TRUE;
  if (root == NULL)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (root)))
    follow->preload_ready = TRUE;
  else if (gtk_widget_get_realized (GTK_WIDGET (root)))
    root_realize_cb (GTK_WIDGET (root), widget);
  else
    g_signal_connect_object (root, "realize", G_CALLBACK (root_realize_cb), widget, 0);
}

/**
 * sportello_widget_get_stale:
 *
 * Whether @widget missed a change it follows and has not reloaded yet.
 */
gboolean
sportello_widget_get_stale (GtkWidget *widget)
{
  Follow *follow = g_object_get_qdata (G_OBJECT (widget), follow_quark);

  g_return_val_if_fail (follow != NULL, FALSE);

  return follow->stale || follow->idle != 0;
}

static void
reload_section (GtkWidget *widget)
{
  SPORTELLO_SECTION_GET_IFACE (widget)->reload (SPORTELLO_SECTION (widget));
}

/**
 * sportello_section_set_context:
 *
 * Gives the section what it works with; it shows the database from then
 * on. Set once, by the window.
 */
void
sportello_section_set_context (SportelloSection *self,
                               SportelloContext *context)
{
  SportelloSectionInterface *iface;

  g_return_if_fail (SPORTELLO_IS_SECTION (self));
  g_return_if_fail (SPORTELLO_IS_CONTEXT (context));
  g_return_if_fail (sportello_section_get_context (self) == NULL);

  iface = SPORTELLO_SECTION_GET_IFACE (self);
  g_object_set_qdata_full (G_OBJECT (self), context_quark, g_object_ref (context), g_object_unref);
  sportello_widget_follow (GTK_WIDGET (self), sportello_context_get_database (context),
                           iface->follows, reload_section);
  if (iface->preload)
    follow_preload (GTK_WIDGET (self));
  if (iface->context_set != NULL)
    iface->context_set (self, context);
  sportello_section_queue_reload (self);
}

SportelloContext *
sportello_section_get_context (SportelloSection *self)
{
  g_return_val_if_fail (SPORTELLO_IS_SECTION (self), NULL);

  return g_object_get_qdata (G_OBJECT (self), context_quark);
}

SportelloDatabase *
sportello_section_get_database (SportelloSection *self)
{
  SportelloContext *context = sportello_section_get_context (self);

  return context != NULL ? sportello_context_get_database (context) : NULL;
}

/**
 * sportello_section_queue_reload:
 *
 * Shows the database as it is now, or when the section is next shown.
 */
void
sportello_section_queue_reload (SportelloSection *self)
{
  g_return_if_fail (SPORTELLO_IS_SECTION (self));

  if (sportello_section_get_context (self) != NULL)
    sportello_widget_queue_reload (GTK_WIDGET (self));
}

/**
 * sportello_section_type_preloads:
 * @type: a type of section
 *
 * Whether sections of @type load while hidden
 * (SportelloSectionInterface.preload), asked of the type before any
 * section of it is made.
 */
gboolean
sportello_section_type_preloads (GType type)
{
  g_autoptr(GTypeClass) klass = NULL;
  SportelloSectionInterface *iface;

  g_return_val_if_fail (g_type_is_a (type, SPORTELLO_TYPE_SECTION), FALSE);

  klass = g_type_class_ref (type);
  iface = g_type_interface_peek (klass, SPORTELLO_TYPE_SECTION);

  return iface->preload;
}

/**
 * sportello_section_finish:
 *
 * The window closes: what the section keeps waiting (a delete's Undo)
 * becomes final.
 */
void
sportello_section_finish (SportelloSection *self)
{
  SportelloSectionInterface *iface;

  g_return_if_fail (SPORTELLO_IS_SECTION (self));

  iface = SPORTELLO_SECTION_GET_IFACE (self);
  if (iface->finish != NULL)
    iface->finish (self);
}

/**
 * sportello_widget_unfocus_labels:
 *
 * A selectable label takes the focus, and with it comes up all selected;
 * read-only text inside @widget is selected with the mouse only.
 */
void
sportello_widget_unfocus_labels (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)))
    gtk_widget_set_focusable (widget, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sportello_widget_unfocus_labels (child);
}

/**
 * sportello_boxed_list_new:
 *
 * Returns: (transfer floating): a new #GtkListBox in the boxed-list
 *   style, its rows not selectable
 */
GtkWidget *
sportello_boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

/**
 * sportello_group_add_list:
 * @group: where the list goes, last
 * @label: its accessible name
 *
 * Returns: (transfer none): a new boxed list in @group, rows not selectable
 */
GtkListBox *
sportello_group_add_list (AdwPreferencesGroup *group,
                          const char          *label)
{
  GtkListBox *list;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);

  list = GTK_LIST_BOX (sportello_boxed_list_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_preferences_group_add (group, GTK_WIDGET (list));
  return list;
}
