/* sportello-client-row.c: one client in the list
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-client-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-client-row.h"
#include "sportello-client-slots.h"
#include "sportello-format.h"
#include "sportello-vocabulary.h"

struct _SportelloClientRow
{
  GtkWidget        parent_instance;

  SportelloClient *client;
  SportelloClientSlot *slot;   /* followed: its client is the row's */
  gboolean         stale;       /* out of sight, waiting to show the slot's client */
  gpointer         waiting_in;  /* the Stale it waits in, while it does */

  GtkLabel        *name_label;
  GtkLabel        *details_label;
  GtkLabel        *match_label;
  GtkLabel        *status_label;
  GtkLabel        *meeting_label;
};

G_DEFINE_FINAL_TYPE (SportelloClientRow, sportello_client_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A row's layout: its first two children share the first line, the next
 * two the second, as in a horizontal box (spacing 12, those that expand
 * taking what is left), and any other child has a line of its own; the
 * lines one under the other (spacing 2), as in a vertical box. The same
 * as boxes in boxes, without their widgets. */
#define PAIR_SPACING 12
#define LINE_SPACING 2

#define SPORTELLO_TYPE_CLIENT_ROW_LAYOUT (sportello_client_row_layout_get_type ())
G_DECLARE_FINAL_TYPE (SportelloClientRowLayout, sportello_client_row_layout, SPORTELLO, CLIENT_ROW_LAYOUT, GtkLayoutManager)

struct _SportelloClientRowLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (SportelloClientRowLayout, sportello_client_row_layout, GTK_TYPE_LAYOUT_MANAGER)

/* the visible children of @widget by line, at most two a line; returns
 * how many lines */
static guint
row_lines (GtkWidget *widget,
           GtkWidget *lines[][2],
           guint      max_lines)
{
  guint n = 0;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child), i++)
    {
      gboolean paired = i == 1 || i == 3;

      if (!gtk_widget_should_layout (child))
        continue;
      if (paired && n > 0 && lines[n - 1][1] == NULL && lines[n - 1][0] != NULL &&
          lines[n - 1][0] == gtk_widget_get_prev_sibling (child))
        {
          lines[n - 1][1] = child;
          continue;
        }
      if (n == max_lines)
        break;
      lines[n][0] = child;
      lines[n][1] = NULL;
      n++;
    }
  return n;
}

/* the widths a horizontal box gives the two of @line in @width */
static void
pair_widths (GtkWidget *line[2],
             int        width,
             int        widths[2])
{
  GtkRequestedSize sizes[2];
  int extra = width - PAIR_SPACING;
  guint n_expand = 0;

  for (guint i = 0; i < 2; i++)
    {
      gtk_widget_measure (line[i], GTK_ORIENTATION_HORIZONTAL, -1, &sizes[i].minimum_size, &sizes[i].natural_size,
                          NULL, NULL);
      sizes[i].data = line[i];
      extra -= sizes[i].minimum_size;
      if (gtk_widget_compute_expand (line[i], GTK_ORIENTATION_HORIZONTAL))
        n_expand++;
    }

  extra = gtk_distribute_natural_allocation (MAX (extra, 0), 2, sizes);
  for (guint i = 0, extra_pixels = n_expand > 0 ? extra % n_expand : 0; i < 2; i++)
    {
      widths[i] = sizes[i].minimum_size;
      if (n_expand > 0 && gtk_widget_compute_expand (line[i], GTK_ORIENTATION_HORIZONTAL))
        {
          widths[i] += extra / n_expand + (extra_pixels > 0 ? 1 : 0);
          if (extra_pixels > 0)
            extra_pixels--;
        }
    }
}

/* @line's height, in @width (or any with -1) */
static void
line_height (GtkWidget *line[2],
             int        width,
             int       *minimum,
             int       *natural)
{
  int widths[2] = { width, -1 };

  *minimum = *natural = 0;
  if (line[1] != NULL && width >= 0)
    pair_widths (line, width, widths);
  for (guint i = 0; i < 2 && line[i] != NULL; i++)
    {
      int min, nat;

      gtk_widget_measure (line[i], GTK_ORIENTATION_VERTICAL, width < 0 ? -1 : widths[i], &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

#define MAX_LINES 4

static void
sportello_client_row_layout_measure (GtkLayoutManager *manager,
                                     GtkWidget        *widget,
                                     GtkOrientation    orientation,
                                     int               for_size,
                                     int              *minimum,
                                     int              *natural,
                                     int              *minimum_baseline,
                                     int              *natural_baseline)
{
  GtkWidget *lines[MAX_LINES][2];
  guint n = row_lines (widget, lines, MAX_LINES);

  *minimum = *natural = 0;
  for (guint l = 0; l < n; l++)
    {
      int min = 0, nat = 0;

      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          line_height (lines[l], for_size, &min, &nat);
          *minimum += min + (l > 0 ? LINE_SPACING : 0);
          *natural += nat + (l > 0 ? LINE_SPACING : 0);
          continue;
        }

      for (guint i = 0; i < 2 && lines[l][i] != NULL; i++)
        {
          int child_min, child_nat;

          gtk_widget_measure (lines[l][i], GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          min += child_min + (i > 0 ? PAIR_SPACING : 0);
          nat += child_nat + (i > 0 ? PAIR_SPACING : 0);
        }
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static void
sportello_client_row_layout_allocate (GtkLayoutManager *manager,
                                      GtkWidget        *widget,
                                      int               width,
                                      int               height,
                                      int               baseline)
{
  GtkWidget *lines[MAX_LINES][2];
  GtkRequestedSize sizes[MAX_LINES];
  guint n = row_lines (widget, lines, MAX_LINES);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int extra = height;
  int y = 0;

  for (guint l = 0; l < n; l++)
    {
      line_height (lines[l], width, &sizes[l].minimum_size, &sizes[l].natural_size);
      sizes[l].data = NULL;
      extra -= sizes[l].minimum_size + (l > 0 ? LINE_SPACING : 0);
    }
  /* nothing expands upwards: what is left stays under the lines */
  gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);

  for (guint l = 0; l < n; l++)
    {
      int line_h = sizes[l].minimum_size;
      int widths[2] = { width, 0 };
      int x = 0;

      if (lines[l][1] != NULL)
        pair_widths (lines[l], width, widths);
      for (guint i = 0; i < 2 && lines[l][i] != NULL; i++)
        {
          GtkAllocation child = { rtl ? width - x - widths[i] : x, y, widths[i], line_h };

          gtk_widget_size_allocate (lines[l][i], &child, -1);
          x += widths[i] + PAIR_SPACING;
        }
      y += line_h + LINE_SPACING;
    }
}

static GtkSizeRequestMode
sportello_client_row_layout_get_request_mode (GtkLayoutManager *manager,
                                              GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sportello_client_row_layout_class_init (SportelloClientRowLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = sportello_client_row_layout_get_request_mode;
  layout_class->measure = sportello_client_row_layout_measure;
  layout_class->allocate = sportello_client_row_layout_allocate;
}

static void
sportello_client_row_layout_init (SportelloClientRowLayout *self)
{
}

static char *
details_text (SportelloClient *client)
{
  const char *category = sportello_vocabulary_label (SPORTELLO_VOCABULARY_CATEGORY,
                                                     sportello_client_get (client, SPORTELLO_CLIENT_CATEGORY));
  const char *municipality = sportello_client_get (client, SPORTELLO_CLIENT_MUNICIPALITY);

  if (municipality[0] == '\0')
    return g_strdup (category);

  /* Translators: a client's category and municipality, as in “Artisan · Como” */
  return g_strdup_printf (_("%s · %s"), category, municipality);
}

static char *
meeting_text (SportelloClient *client)
{
  g_autofree char *date = sportello_format_date_on (sportello_client_get (client, SPORTELLO_CLIENT_LAST_MEETING_AT),
                                                   SPORTELLO_DATE_SHORT);

  if (date == NULL)
    return g_strdup (_("No meetings"));

  /* Translators: %s is a date with its article where the language needs one,
   * as in “Last meeting 12 Nov 2026”, “Ultimo incontro l'8 dic 2026” */
  return g_strdup_printf (_("Last meeting %s"), date);
}

/**
 * sportello_client_row_describe:
 *
 * What a screen reader says for a client in the list.
 */
char *
sportello_client_row_describe (SportelloClient *client)
{
  g_autofree char *details = NULL;
  g_autofree char *meeting = NULL;

  if (client == NULL)
    return NULL;

  details = details_text (client);
  meeting = meeting_text (client);

  /* Translators: read by screen readers for a row of the client list:
   * name, category and municipality, status, last meeting */
  return g_strdup_printf (_("%s, %s, %s, %s"),
                          sportello_client_get_name (client), details,
                          sportello_vocabulary_label (SPORTELLO_VOCABULARY_STATUS,
                                                      sportello_client_get (client, SPORTELLO_CLIENT_STATUS)),
                          meeting);
}

static void
update (SportelloClientRow *self)
{
  g_autofree char *details = NULL;
  g_autofree char *meeting = NULL;
  const char *status;
  g_autofree char *status_class = NULL;

  if (self->client == NULL)
    return;

  details = details_text (self->client);
  meeting = meeting_text (self->client);
  status = sportello_client_get (self->client, SPORTELLO_CLIENT_STATUS);

  gtk_label_set_label (self->name_label, sportello_client_get_name (self->client));
  gtk_label_set_label (self->details_label, details);
  gtk_label_set_label (self->status_label, sportello_vocabulary_label (SPORTELLO_VOCABULARY_STATUS, status));
  gtk_label_set_label (self->meeting_label, meeting);

  /* a class set again restyles the pill (and the row's other nodes
   * with it) even when it is the same: only when the status changes */
  status_class = g_strconcat ("status-", status, NULL);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->status_label), status_class))
    gtk_widget_set_css_classes (GTK_WIDGET (self->status_label),
                                (const char *[]) { "status-pill", "caption", status_class, NULL });
}

static void
sportello_client_row_dispose (GObject *object)
{
  SportelloClientRow *self = (SportelloClientRow *)object;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  sportello_client_row_set_slot (self, NULL);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sportello_client_row_parent_class)->dispose (object);
}

static void
sportello_client_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SportelloClientRow *self = SPORTELLO_CLIENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_client_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SportelloClientRow *self = SPORTELLO_CLIENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      sportello_client_row_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_client_row_class_init (SportelloClientRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_client_row_dispose;
  object_class->get_property = sportello_client_row_get_property;
  object_class->set_property = sportello_client_row_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SPORTELLO_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, SPORTELLO_TYPE_CLIENT_ROW_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clientrow");
}

static GtkLabel *
new_label (GtkWidget  *parent,
           float       xalign,
           int         width_chars,
           const char *style,
           const char *style2)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (style2 != NULL)
    gtk_widget_add_css_class (label, style2);
  gtk_widget_set_parent (label, parent);

  return GTK_LABEL (label);
}

/* GtkListView keeps 200 rows and makes a new one for each client that a
 * search brings into them, so a row is built here rather than from a
 * template, which GtkBuilder would read again for each; and with as few
 * widgets as it can (each costs some 4 KB, its accessible object with it):
 * the row lays out its labels itself, in lines, and the line of the notes
 * that matched is only made for a search that needs it.
 *
 * The name takes the whole first line but for the short status pill; the
 * details and the last meeting share the second, both giving way, so that
 * on a phone the name is not cut to “Associazione …”. Under them, while a
 * search found the client by its notes, those words. */
static void
sportello_client_row_init (SportelloClientRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_margin_top (widget, 8);
  gtk_widget_set_margin_bottom (widget, 8);
  gtk_widget_set_margin_start (widget, 12);
  gtk_widget_set_margin_end (widget, 12);

  /* next to a long pill on a phone, a long name takes more lines (at most three) */
  self->name_label = new_label (widget, 0, -1, "heading", NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);
  gtk_label_set_wrap (self->name_label, TRUE);
  gtk_label_set_wrap_mode (self->name_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->name_label, 3);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->status_label), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->status_label), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->status_label), widget);

  self->details_label = new_label (widget, 0, 12, "dim-label", NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->details_label), TRUE);
  self->meeting_label = new_label (widget, 1, 8, "caption", "dim-label");
}

/* the line for the notes that matched, made when first needed (hidden) */
static GtkLabel *
match_label (SportelloClientRow *self)
{
  if (self->match_label == NULL)
    {
      self->match_label = new_label (GTK_WIDGET (self), 0, -1, "caption", "search-match");
      gtk_widget_set_visible (GTK_WIDGET (self->match_label), FALSE);
      gtk_widget_set_hexpand (GTK_WIDGET (self->match_label), TRUE);
      gtk_label_set_use_markup (self->match_label, TRUE);
    }
  return self->match_label;
}

SportelloClient *
sportello_client_row_get_client (SportelloClientRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_ROW (self), NULL);

  return self->client;
}

void
sportello_client_row_set_client (SportelloClientRow *self,
                                 SportelloClient    *client)
{
  g_return_if_fail (SPORTELLO_IS_CLIENT_ROW (self));

  if (g_set_object (&self->client, client))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
    }
}

/* The rows out of sight whose slot has another client: a search changes
 * the client of every one of the list view's 200 rows, of which a window
 * shows a dozen; the others follow a few a frame, those in sight first.
 * Each list view has its own (its data), ticking with its frames. */
#define STALE_PER_FRAME 16

typedef struct
{
  GPtrArray *rows;        /* SportelloClientRow, held, waiting */
  guint      tick;        /* while some wait */
  guint      followed;    /* rows that followed at once since the last tick */
  gboolean   held;        /* newer clients are on their way */
  GPtrArray *going;       /* SportelloClientRow, held: their list items went */
  guint      going_idle;
} Stale;

#define STALE_KEY "sportello-client-row-stale"

static void
stale_free (Stale *stale)
{
  /* the view's tick went first, and the rows with it; those added since
   * wait no more */
  for (guint i = 0; i < stale->rows->len; i++)
    ((SportelloClientRow *) g_ptr_array_index (stale->rows, i))->waiting_in = NULL;
  g_ptr_array_unref (stale->rows);
  g_clear_handle_id (&stale->going_idle, g_source_remove);
  g_ptr_array_unref (stale->going);
  g_free (stale);
}

/* @view's, made when first asked for */
static Stale *
stale_of (GtkWidget *view)
{
  Stale *stale = g_object_get_data (G_OBJECT (view), STALE_KEY);

  if (stale == NULL)
    {
      stale = g_new0 (Stale, 1);
      stale->rows = g_ptr_array_new_with_free_func (g_object_unref);
      stale->going = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (view), STALE_KEY, stale, (GDestroyNotify) stale_free);
    }
  return stale;
}

static gboolean
in_sight (SportelloClientRow *self,
          GtkWidget          *view)
{
  graphene_rect_t bounds;
  int height = gtk_widget_get_height (view);

  /* not placed yet: shown at once */
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self), view, &bounds) || height <= 0)
    return TRUE;

  /* a list view places its rows in its own frame, scrolled, and those
   * out of sight nowhere (no height) */
  return bounds.size.height > 0 && bounds.origin.y + bounds.size.height >= 0 && bounds.origin.y <= height;
}

static void
follow_slot (SportelloClientRow *self)
{
  self->stale = FALSE;
  self->waiting_in = NULL;
  if (self->slot != NULL)
    sportello_client_row_set_client (self, sportello_client_slot_get_client (self->slot));
}

static gboolean
stale_tick_cb (GtkWidget     *view,
               GdkFrameClock *clock,
               gpointer       data)
{
  Stale *stale = data;
  g_autoptr(GPtrArray) now = g_ptr_array_new_with_free_func (g_object_unref);
  /* a frame after a change has its rows in sight to lay out already */
  guint budget = stale->followed < STALE_PER_FRAME ? STALE_PER_FRAME - stale->followed : 0;

  stale->followed = 0;
  if (stale->held)
    budget = 0;
  /* those in sight first (scrolled to), then the oldest */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < stale->rows->len && now->len < (pass == 0 ? STALE_PER_FRAME : MAX (budget, now->len));)
      {
        SportelloClientRow *row = g_ptr_array_index (stale->rows, i);

        if (pass == 0 && !in_sight (row, view))
          {
            i++;
            continue;
          }
        g_ptr_array_add (now, g_ptr_array_steal_index (stale->rows, i));
      }

  for (guint i = 0; i < now->len; i++)
    follow_slot (g_ptr_array_index (now, i));

  /* held, the others wait for the newer clients (without a frame each) */
  if (stale->rows->len > 0 && !stale->held)
    return G_SOURCE_CONTINUE;

  stale->tick = 0;
  return G_SOURCE_REMOVE;
}

/* the list view went (or its tick was removed): the rows left follow now */
static void
stale_tick_gone (gpointer data)
{
  Stale *stale = data;

  /* ended by stale_tick_cb itself */
  if (stale->tick == 0)
    return;
  stale->tick = 0;
  while (stale->rows->len > 0)
    {
      g_autoptr(SportelloClientRow) row = g_ptr_array_steal_index (stale->rows, 0);

      follow_slot (row);
    }
}

/* unbound, or bound anew: it waits no more (a list view may take it out
 * of itself first) */
static void
forget_stale (SportelloClientRow *self)
{
  Stale *stale = self->waiting_in;

  self->stale = FALSE;
  self->waiting_in = NULL;
  if (stale != NULL)
    g_ptr_array_remove (stale->rows, self);
}

static void
slot_client_cb (SportelloClientRow  *self,
                GParamSpec          *pspec,
                SportelloClientSlot *slot)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_VIEW);
  Stale *stale;

  if (self->stale)
    return;

  if (view == NULL || !gtk_widget_get_mapped (view))
    {
      follow_slot (self);
      return;
    }

  stale = stale_of (view);
  if (in_sight (self, view))
    {
      stale->followed++;
      follow_slot (self);
      return;
    }

  self->stale = TRUE;
  self->waiting_in = stale;
  g_ptr_array_add (stale->rows, g_object_ref (self));
  if (stale->tick == 0)
    stale->tick = gtk_widget_add_tick_callback (view, stale_tick_cb, stale, stale_tick_gone);
}

/* When a search leaves fewer results than the list view has rows, it
 * destroys the rows of the items it no longer has, 150 or more at once
 * (0.1-0.2 ms each): they go a few at a time instead, in the main
 * loop's spare time. Out of their list items they show nowhere. */
#define GOING_PER_IDLE 16

static gboolean
going_idle_cb (gpointer data)
{
  Stale *stale = data;

  g_ptr_array_remove_range (stale->going, 0, MIN (GOING_PER_IDLE, stale->going->len));
  if (stale->going->len > 0)
    return G_SOURCE_CONTINUE;

  stale->going_idle = 0;
  return G_SOURCE_REMOVE;
}

/**
 * sportello_client_rows_let_go:
 * @view: the list view @row is in
 * @row: a row unbound, whose list item may go
 *
 * Keeps @row a moment and lets it go later, with others, a few at a
 * time: for a list view's factory, when it unbinds a row. A row bound
 * again meanwhile is only held a little longer.
 */
void
sportello_client_rows_let_go (GtkWidget          *view,
                              SportelloClientRow *row)
{
  Stale *stale;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (SPORTELLO_IS_CLIENT_ROW (row));

  stale = stale_of (view);
  g_ptr_array_add (stale->going, g_object_ref (row));
  if (stale->going_idle == 0)
    stale->going_idle = g_idle_add_full (G_PRIORITY_LOW, going_idle_cb, stale, NULL);
}

/**
 * sportello_client_rows_hold:
 * @view: a list view of client rows
 * @hold: whether newer clients are on their way to its slots
 *
 * While a list's next results are on their way, its rows out of sight
 * need not catch up with clients about to go: they wait until @hold is
 * %FALSE again (those in sight still follow).
 */
void
sportello_client_rows_hold (GtkWidget *view,
                            gboolean   hold)
{
  Stale *stale;

  g_return_if_fail (GTK_IS_WIDGET (view));

  stale = stale_of (view);
  stale->held = hold;
  if (!hold && stale->rows->len > 0 && stale->tick == 0)
    stale->tick = gtk_widget_add_tick_callback (view, stale_tick_cb, stale, stale_tick_gone);
}

/**
 * sportello_client_row_set_slot:
 * @slot: (nullable): the list's slot the row shows, or %NULL
 *
 * The row shows @slot's client, and another when the slot's changes: a
 * search changes the labels of the rows it keeps, and makes none. With
 * %NULL the row stops following (and keeps its client until the next).
 */
void
sportello_client_row_set_slot (SportelloClientRow  *self,
                               SportelloClientSlot *slot)
{
  g_return_if_fail (SPORTELLO_IS_CLIENT_ROW (self));
  g_return_if_fail (slot == NULL || SPORTELLO_IS_CLIENT_SLOT (slot));

  if (self->slot == slot)
    return;

  if (self->slot != NULL)
    g_signal_handlers_disconnect_by_func (self->slot, slot_client_cb, self);
  forget_stale (self);
  g_set_object (&self->slot, slot);
  if (slot != NULL)
    {
      g_signal_connect_object (slot, "notify::client", G_CALLBACK (slot_client_cb), self, G_CONNECT_SWAPPED);
      sportello_client_row_set_client (self, sportello_client_slot_get_client (slot));
    }
}

/* @match as Pango markup, its words between U+0002 and U+0003 in bold;
 * or, with @plain, as text */
static char *
match_text (const char *match,
            gboolean    plain)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *start = match;

  for (const char *p = match; ; p++)
    {
      if (*p == '\x02' || *p == '\x03' || *p == '\0')
        {
          g_autofree char *part = plain ? g_strndup (start, p - start)
                                        : g_markup_escape_text (start, p - start);

          g_string_append (out, part);
          if (!plain && *p == '\x02')
            g_string_append (out, "<b>");
          else if (!plain && *p == '\x03')
            g_string_append (out, "</b>");
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }

  /* the notes' lines make one line here */
  g_strdelimit (out->str, "\n\t", ' ');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sportello_client_row_set_match_pending:
 * @pending: whether the row's client was found by what the row does not
 *   show, so that why is being looked up
 *
 * Keeps, or takes away, the line under the client for the words that
 * sportello_client_row_set_match() shows later, empty until then: the
 * row has its height from the start, and keeps it when they come.
 */
void
sportello_client_row_set_match_pending (SportelloClientRow *self,
                                        gboolean            pending)
{
  g_return_if_fail (SPORTELLO_IS_CLIENT_ROW (self));

  if (pending || self->match_label != NULL)
    {
      gtk_label_set_label (match_label (self), "");
      gtk_widget_set_visible (GTK_WIDGET (self->match_label), pending);
    }
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * sportello_client_row_set_match:
 * @match: (nullable): why the client is in the results of a search, as
 *   sportello_client_list_dup_match() says it, or %NULL
 *
 * Shows, under the client, the words of its notes that a search found,
 * those searched in bold. With %NULL the line is empty, and kept if
 * sportello_client_row_set_match_pending() kept it.
 */
void
sportello_client_row_set_match (SportelloClientRow *self,
                                const char         *match)
{
  g_autofree char *markup = NULL;
  g_autofree char *described = NULL;

  g_return_if_fail (SPORTELLO_IS_CLIENT_ROW (self));

  if (match == NULL)
    {
      if (self->match_label != NULL)
        gtk_label_set_label (self->match_label, "");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  markup = match_text (match, FALSE);
  gtk_label_set_markup (match_label (self), markup);
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), TRUE);
  /* a screen reader hears it after the row's name */
  described = sportello_client_row_describe_match (match);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described, -1);
}

/**
 * sportello_client_row_describe_match:
 *
 * What a screen reader adds to a client's row for @match.
 */
char *
sportello_client_row_describe_match (const char *match)
{
  g_autofree char *text = NULL;

  if (match == NULL)
    return NULL;

  text = match_text (match, TRUE);
  /* Translators: read by screen readers after a client's row, when a search
   * found the client by its notes; %s is the words around those searched */
  return g_strdup_printf (_("found in the notes: %s"), text);
}
