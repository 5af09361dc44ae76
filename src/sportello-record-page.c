/* sportello-record-page.c: a page that edits one record
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every page that edits a meeting, a document, an assessment or a
 * template does the same way, written once:
 *
 *   - there is no Save button: a change is stored shortly after the last
 *     one (autosave), and what waits is stored when the page is hidden
 *     (going back, another page on top) and when it leaves the window
 *     (popped, or the window closing), before anything is freed;
 *   - changes made while the page fills its widgets are not changes (a
 *     field bound to its row changes the record only when it is edited);
 *   - a delete stores what waits, removes the record, offers Undo in a
 *     toast (which brings it back after the page is gone) and goes back;
 *   - messages go to the context's toast, which the window shows.
 *
 * A page keeps only what differs: how it saves, deletes and restores.
 */

#define G_LOG_DOMAIN "sportello-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-autosave.h"
#include "sportello-record-page.h"

typedef struct
{
  SportelloContext  *context;
  GObject           *record;
  SportelloAutosave  autosave;
  gboolean           saving;      /* what the save itself sets is no edit */
  gboolean           untouched;   /* just made, nothing written: not kept */
} SportelloRecordPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SportelloRecordPage, sportello_record_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
autosave_cb (GtkWidget  *owner,
             GError    **error)
{
  SportelloRecordPage *self = SPORTELLO_RECORD_PAGE (owner);
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);
  gboolean saved;

  /* a save stamps the record and may tidy what was typed (a title's
   * spaces): that is stored already, nothing to store again */
  priv->saving = TRUE;
  saved = SPORTELLO_RECORD_PAGE_GET_CLASS (self)->save (self, error);
  priv->saving = FALSE;

  return saved;
}

static void
autosave_toast_cb (GtkWidget *owner,
                   AdwToast  *toast)
{
  sportello_record_page_toast (SPORTELLO_RECORD_PAGE (owner), toast);
}

static void
sportello_record_page_real_flush (SportelloRecordPage *self)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  sportello_autosave_flush (&priv->autosave);
}

/* ------------------------------------------------------------ delete ---- */

typedef struct
{
  SportelloContext     *context;
  SportelloRestoreFunc  restore;
  gpointer              kept;
  GDestroyNotify        kept_free;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  if (deleted->kept_free != NULL)
    deleted->kept_free (deleted->kept);
  g_object_unref (deleted->context);
  g_free (deleted);
}

static void
undo_delete_cb (AdwToast *toast,
                Deleted  *deleted)
{
  g_autoptr(GError) error = NULL;

  if (!deleted->restore (sportello_context_get_database (deleted->context), deleted->kept, &error))
    sportello_context_toast_error (deleted->context, error);
}

/* ----------------------------------------------------------- GObject ---- */

static void
sportello_record_page_hidden (AdwNavigationPage *page)
{
  sportello_record_page_flush (SPORTELLO_RECORD_PAGE (page));

  ADW_NAVIGATION_PAGE_CLASS (sportello_record_page_parent_class)->hidden (page);
}

/* Leaving the window (popped, or the window closing) comes before the
 * page and its widgets are disposed: the last chance to store what is on
 * screen, with everything still there */
static void
sportello_record_page_unroot (GtkWidget *widget)
{
  SportelloRecordPage *self = SPORTELLO_RECORD_PAGE (widget);
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  if (priv->context != NULL && priv->untouched)
    {
      SportelloRecordPageClass *klass = SPORTELLO_RECORD_PAGE_GET_CLASS (self);
      g_autoptr(GError) error = NULL;
      gpointer kept = NULL;

      /* “New meeting” by mistake, then back: nothing is left behind */
      priv->untouched = FALSE;
      sportello_autosave_cancel (&priv->autosave);
      if (klass->delete_record != NULL && !klass->delete_record (self, &kept, &error))
        sportello_context_toast_error (priv->context, error);
      else if (kept != NULL && klass->kept_free != NULL)
        klass->kept_free (kept);
    }
  else if (priv->context != NULL)
    sportello_record_page_flush (self);
  sportello_autosave_cancel (&priv->autosave);

  GTK_WIDGET_CLASS (sportello_record_page_parent_class)->unroot (widget);
}

static void
sportello_record_page_dispose (GObject *object)
{
  SportelloRecordPage *self = SPORTELLO_RECORD_PAGE (object);
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  /* a page that never was in a window has nothing typed to keep */
  sportello_autosave_cancel (&priv->autosave);
  g_clear_object (&priv->record);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (sportello_record_page_parent_class)->dispose (object);
}

static void
sportello_record_page_constructed (GObject *object)
{
  SportelloRecordPage *self = SPORTELLO_RECORD_PAGE (object);
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);
  SportelloRecordPageClass *klass = SPORTELLO_RECORD_PAGE_GET_CLASS (self);

  G_OBJECT_CLASS (sportello_record_page_parent_class)->constructed (object);

  sportello_autosave_init (&priv->autosave, GTK_WIDGET (self),
                           klass->autosave_delay_ms > 0 ? klass->autosave_delay_ms : 500,
                           autosave_cb, autosave_toast_cb);
}

static void
sportello_record_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SportelloRecordPage *self = SPORTELLO_RECORD_PAGE (object);
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;

    case PROP_RECORD:
      g_value_set_object (value, priv->record);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_record_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SportelloRecordPage *self = SPORTELLO_RECORD_PAGE (object);
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;

    case PROP_RECORD:
      priv->record = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_record_page_class_init (SportelloRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwNavigationPageClass *page_class = ADW_NAVIGATION_PAGE_CLASS (klass);

  object_class->constructed = sportello_record_page_constructed;
  object_class->dispose = sportello_record_page_dispose;
  object_class->get_property = sportello_record_page_get_property;
  object_class->set_property = sportello_record_page_set_property;
  widget_class->unroot = sportello_record_page_unroot;
  page_class->hidden = sportello_record_page_hidden;

  klass->autosave_delay_ms = 500;
  klass->flush = sportello_record_page_real_flush;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SPORTELLO_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * SportelloRecordPage:record:
   *
   * The record the page edits, when it is an object (a template is not).
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sportello_record_page_init (SportelloRecordPage *self)
{
}

/* -------------------------------------------------------------- API ---- */

SportelloContext *
sportello_record_page_get_context (SportelloRecordPage *self)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  g_return_val_if_fail (SPORTELLO_IS_RECORD_PAGE (self), NULL);

  return priv->context;
}

SportelloDatabase *
sportello_record_page_get_database (SportelloRecordPage *self)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  g_return_val_if_fail (SPORTELLO_IS_RECORD_PAGE (self), NULL);

  return sportello_context_get_database (priv->context);
}

GObject *
sportello_record_page_get_record (SportelloRecordPage *self)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  g_return_val_if_fail (SPORTELLO_IS_RECORD_PAGE (self), NULL);

  return priv->record;
}

/**
 * sportello_record_page_changed:
 *
 * Something on screen changed: it is stored shortly, unless more follows.
 */
void
sportello_record_page_changed (SportelloRecordPage *self)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  g_return_if_fail (SPORTELLO_IS_RECORD_PAGE (self));

  if (priv->context != NULL)
    {
      priv->untouched = FALSE;
      sportello_autosave_schedule (&priv->autosave);
    }
}

static void
record_notify_cb (SportelloRecordPage *self)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  if (!priv->saving)
    sportello_record_page_changed (self);
}

/**
 * sportello_record_page_bind:
 * @binding: (transfer none): a field of the page's record bound to a row
 *   (sportello_bind_text(), …), the record its source
 *
 * From now on, a change of that field is stored shortly, as
 * sportello_record_page_changed() does: typed in the row, or set on the
 * record. Filling the row when the binding is made changes nothing.
 *
 * Returns: (transfer none): @binding
 */
GBinding *
sportello_record_page_bind (SportelloRecordPage *self,
                            GBinding            *binding)
{
  g_autoptr(GObject) source = NULL;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (SPORTELLO_IS_RECORD_PAGE (self), binding);
  g_return_val_if_fail (G_IS_BINDING (binding), binding);

  source = g_binding_dup_source (binding);
  signal = g_strconcat ("notify::", g_binding_get_source_property (binding), NULL);
  g_signal_connect_object (source, signal, G_CALLBACK (record_notify_cb), self, G_CONNECT_SWAPPED);
  return binding;
}

/**
 * sportello_record_page_set_untouched:
 *
 * The record was made a moment ago for this page (“New meeting”): if the
 * page goes away before anything is written, so does the record.
 */
void
sportello_record_page_set_untouched (SportelloRecordPage *self,
                                     gboolean             untouched)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  g_return_if_fail (SPORTELLO_IS_RECORD_PAGE (self));

  priv->untouched = untouched;
}

/**
 * sportello_record_page_touched:
 *
 * Something was written that autosave does not see (a page's own saves):
 * the record stays.
 */
void
sportello_record_page_touched (SportelloRecordPage *self)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  g_return_if_fail (SPORTELLO_IS_RECORD_PAGE (self));

  priv->untouched = FALSE;
}

/**
 * sportello_record_page_flush:
 *
 * Stores at once whatever autosave is still waiting for.
 */
void
sportello_record_page_flush (SportelloRecordPage *self)
{
  g_return_if_fail (SPORTELLO_IS_RECORD_PAGE (self));

  SPORTELLO_RECORD_PAGE_GET_CLASS (self)->flush (self);
}

/**
 * sportello_record_page_stored:
 *
 * What is on screen was stored some other way: autosave has nothing to do.
 */
void
sportello_record_page_stored (SportelloRecordPage *self)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  g_return_if_fail (SPORTELLO_IS_RECORD_PAGE (self));

  sportello_autosave_cancel (&priv->autosave);
}

/**
 * sportello_record_page_delete:
 *
 * Deletes the record, with Undo in a toast when the page can restore it,
 * and goes back.
 */
void
sportello_record_page_delete (SportelloRecordPage *self)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);
  SportelloRecordPageClass *klass;
  g_autoptr(GError) error = NULL;
  AdwNavigationView *view;
  gpointer kept = NULL;

  g_return_if_fail (SPORTELLO_IS_RECORD_PAGE (self));

  klass = SPORTELLO_RECORD_PAGE_GET_CLASS (self);
  sportello_record_page_flush (self);
  if (!klass->delete_record (self, &kept, &error))
    {
      sportello_record_page_toast_error (self, error);
      return;
    }
  /* nothing is stored after the record is gone */
  sportello_autosave_cancel (&priv->autosave);

  if (klass->restore != NULL)
    {
      Deleted *deleted = g_new0 (Deleted, 1);
      AdwToast *toast = adw_toast_new (klass->deleted_message);

      deleted->context = g_object_ref (priv->context);
      deleted->restore = klass->restore;
      deleted->kept = kept;
      deleted->kept_free = klass->kept_free;
      adw_toast_set_button_label (toast, _("_Undo"));
      /* Undo cannot wait behind another message */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                             (GClosureNotify) (void (*) (void)) deleted_free, 0);
      sportello_record_page_toast (self, toast);
    }
  else if (kept != NULL && klass->kept_free != NULL)
    klass->kept_free (kept);

  view = ADW_NAVIGATION_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_NAVIGATION_VIEW));
  if (view != NULL)
    adw_navigation_view_pop (view);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sportello_record_page_delete (SPORTELLO_RECORD_PAGE (widget));
}

/**
 * sportello_record_page_class_install_delete:
 * @action_name: the page's own name for it, e.g. "meeting.delete"
 *
 * Installs the action that deletes the page's record, with Undo
 * (sportello_record_page_delete()).
 */
void
sportello_record_page_class_install_delete (SportelloRecordPageClass *klass,
                                            const char               *action_name)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), action_name, NULL, delete_action);
}

/**
 * sportello_record_page_toast:
 * @toast: (transfer full): the message
 */
void
sportello_record_page_toast (SportelloRecordPage *self,
                             AdwToast            *toast)
{
  SportelloRecordPagePrivate *priv = sportello_record_page_get_instance_private (self);

  g_return_if_fail (SPORTELLO_IS_RECORD_PAGE (self));

  if (priv->context != NULL)
    sportello_context_toast (priv->context, toast);
  else
    g_object_unref (toast);
}

void
sportello_record_page_toast_error (SportelloRecordPage *self,
                                   const GError        *error)
{
  sportello_record_page_toast (self, adw_toast_new (error->message));
}

typedef struct
{
  GObject                 *record;
  SportelloRecordSaveFunc  save;
  GListModel              *children;
  SportelloRecordSaveFunc  save_child;
} Kept;

/**
 * sportello_record_page_keep:
 * @record: the record deleted
 * @save: its save function
 * @children: the records that went with it
 * @save_child: their save function
 *
 * Returns: (transfer full): what sportello_record_page_restore_kept()
 *   brings back and sportello_record_page_kept_free() frees
 */
gpointer
sportello_record_page_keep (gpointer                 record,
                            SportelloRecordSaveFunc  save,
                            GListModel              *children,
                            SportelloRecordSaveFunc  save_child)
{
  Kept *kept = g_new0 (Kept, 1);

  kept->record = g_object_ref (record);
  kept->save = save;
  kept->children = g_object_ref (children);
  kept->save_child = save_child;
  return kept;
}

/* the record first, then each of its children: one that cannot come back
 * does not keep the others away */
gboolean
sportello_record_page_restore_kept (SportelloDatabase  *database,
                                    gpointer            data,
                                    GError            **error)
{
  Kept *kept = data;

  if (!kept->save (kept->record, database, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (kept->children); i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (kept->children, i);
      g_autoptr(GError) local_error = NULL;

      if (!kept->save_child (child, database, &local_error))
        g_debug ("Cannot restore a %s: %s", G_OBJECT_TYPE_NAME (child), local_error->message);
    }

  return TRUE;
}

void
sportello_record_page_kept_free (gpointer data)
{
  Kept *kept = data;

  g_object_unref (kept->record);
  g_object_unref (kept->children);
  g_free (kept);
}
