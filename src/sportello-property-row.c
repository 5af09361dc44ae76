/* sportello-property-row.c: a read-only field, its name over its value
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an AdwActionRow with the "property" style shows (the field's name
 * small and dimmed, its selectable value under it, maybe a button at the
 * end), with fewer widgets: the two labels and the button are the row's
 * own children, laid out by the row as AdwActionRow's boxes would lay
 * them out (row > box.header > box.title), so the client page's first
 * frame has two boxes fewer a field to style, measure and draw. The name
 * is one line that never wraps (one Pango layout for any width); the
 * value wraps, as a long address or note must, but its minimum width is
 * measured at ten characters rather than one.
 *
 * The row is not focusable and not activatable; its button, if any, is a
 * Tab stop, as in an AdwActionRow. For assistive technologies the row is
 * labelled by its title and described by its value, as an AdwActionRow is.
 */

#define G_LOG_DOMAIN "sportello-property-row"

#include "config.h"

#include "sportello-property-row.h"

struct _SportelloPropertyRow
{
  AdwPreferencesRow parent_instance;

  GtkWidget        *title;   /* label.title */
  GtkWidget        *value;   /* label.value */
};

G_DEFINE_FINAL_TYPE (SportelloPropertyRow, sportello_property_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Adwaita's sizes for row > box.header > box.title (libadwaita 1.7 to 1.9,
 * src/stylesheet/widgets/_lists.scss): the header's margins, spacing and
 * height, the title box's margins and spacing */
#define HEADER_MARGIN      12
#define HEADER_SPACING      6
#define HEADER_MIN_HEIGHT  50
#define TEXT_MARGIN         6
#define TEXT_SPACING        3

/* The layout: the labels one under the other, as in AdwActionRow's
 * vertical title box, and the suffix after them, as in its header box */
#define SPORTELLO_TYPE_PROPERTY_ROW_LAYOUT (sportello_property_row_layout_get_type ())
G_DECLARE_FINAL_TYPE (SportelloPropertyRowLayout, sportello_property_row_layout, SPORTELLO, PROPERTY_ROW_LAYOUT, GtkLayoutManager)

struct _SportelloPropertyRowLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (SportelloPropertyRowLayout, sportello_property_row_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkWidget *
shown_suffix (SportelloPropertyRow *self)
{
  GtkWidget *suffix = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));

  return suffix != NULL && gtk_widget_should_layout (suffix) ? suffix : NULL;
}

/* The title box's size, its margins included: the widest label, or the
 * labels' heights for @for_size */
static void
text_measure (SportelloPropertyRow *self,
              GtkOrientation        orientation,
              int                   for_size,
              int                  *minimum,
              int                  *natural)
{
  GtkWidget *labels[] = { self->title, self->value };
  guint n_shown = 0;

  *minimum = *natural = 0;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int min, nat;

      if (!gtk_widget_should_layout (labels[i]))
        continue;
      gtk_widget_measure (labels[i], orientation, for_size, &min, &nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      else
        {
          *minimum += min;
          *natural += nat;
        }
      n_shown++;
    }

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int extra = 2 * TEXT_MARGIN + (n_shown > 1 ? TEXT_SPACING : 0);

      *minimum += extra;
      *natural += extra;
    }
}

/* How a horizontal box @width wide shares it between the expanding title
 * box and the suffix */
static void
header_widths (SportelloPropertyRow *self,
               GtkWidget            *suffix,
               int                   width,
               int                  *text_width,
               int                  *suffix_width)
{
  GtkRequestedSize sizes[2];
  int extra;

  if (suffix == NULL)
    {
      *text_width = width;
      *suffix_width = 0;
      return;
    }

  text_measure (self, GTK_ORIENTATION_HORIZONTAL, -1, &sizes[0].minimum_size, &sizes[0].natural_size);
  gtk_widget_measure (suffix, GTK_ORIENTATION_HORIZONTAL, -1, &sizes[1].minimum_size, &sizes[1].natural_size,
                      NULL, NULL);
  sizes[0].data = sizes[1].data = NULL;
  extra = width - HEADER_SPACING - sizes[0].minimum_size - sizes[1].minimum_size;
  if (extra > 0)
    extra = gtk_distribute_natural_allocation (extra, G_N_ELEMENTS (sizes), sizes);
  *text_width = sizes[0].minimum_size + MAX (extra, 0);
  *suffix_width = sizes[1].minimum_size;
}

/* The header's height for @width (-1: any) */
static void
header_height (SportelloPropertyRow *self,
               GtkWidget            *suffix,
               int                   width,
               int                  *minimum,
               int                  *natural,
               int                  *text_width,
               int                  *suffix_width)
{
  *text_width = *suffix_width = -1;
  if (width >= 0)
    header_widths (self, suffix, width, text_width, suffix_width);

  text_measure (self, GTK_ORIENTATION_VERTICAL, *text_width, minimum, natural);
  if (suffix != NULL)
    {
      int min, nat;

      gtk_widget_measure (suffix, GTK_ORIENTATION_VERTICAL, *suffix_width, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
  *minimum = MAX (*minimum, HEADER_MIN_HEIGHT);
  *natural = MAX (*natural, HEADER_MIN_HEIGHT);
}

static GtkSizeRequestMode
sportello_property_row_layout_get_request_mode (GtkLayoutManager *manager,
                                                GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sportello_property_row_layout_measure (GtkLayoutManager *manager,
                                       GtkWidget        *widget,
                                       GtkOrientation    orientation,
                                       int               for_size,
                                       int              *minimum,
                                       int              *natural,
                                       int              *minimum_baseline,
                                       int              *natural_baseline)
{
  SportelloPropertyRow *self = SPORTELLO_PROPERTY_ROW (widget);
  GtkWidget *suffix = shown_suffix (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      text_measure (self, orientation, -1, minimum, natural);
      if (suffix != NULL)
        {
          int min, nat;

          gtk_widget_measure (suffix, orientation, -1, &min, &nat, NULL, NULL);
          *minimum += HEADER_SPACING + min;
          *natural += HEADER_SPACING + nat;
        }
      *minimum += 2 * HEADER_MARGIN;
      *natural += 2 * HEADER_MARGIN;
    }
  else
    {
      int text_width, suffix_width;

      header_height (self, suffix, for_size < 0 ? -1 : MAX (for_size - 2 * HEADER_MARGIN, 0),
                     minimum, natural, &text_width, &suffix_width);
    }
}

static void
allocate_child (GtkWidget *child,
                int        row_width,
                int        x,
                int        y,
                int        width,
                int        height)
{
  if (gtk_widget_get_direction (child) == GTK_TEXT_DIR_RTL)
    x = row_width - x - width;
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
sportello_property_row_layout_allocate (GtkLayoutManager *manager,
                                        GtkWidget        *widget,
                                        int               width,
                                        int               height,
                                        int               baseline)
{
  SportelloPropertyRow *self = SPORTELLO_PROPERTY_ROW (widget);
  GtkWidget *suffix = shown_suffix (self);
  GtkWidget *labels[] = { self->title, self->value };
  int header_min, header_nat, text_min, text_nat;
  int text_width, suffix_width;
  int y;

  /* the header box, centred in the row (valign: center) */
  header_height (self, suffix, MAX (width - 2 * HEADER_MARGIN, 0), &header_min, &header_nat,
                 &text_width, &suffix_width);
  if (height > header_nat)
    {
      y = (height - header_nat) / 2;
      height = header_nat;
    }
  else
    y = 0;

  if (suffix != NULL)
    allocate_child (suffix, width, HEADER_MARGIN + text_width + HEADER_SPACING, y, suffix_width, height);

  /* the title box in it, centred too, with its margins */
  text_measure (self, GTK_ORIENTATION_VERTICAL, text_width, &text_min, &text_nat);
  if (height > text_nat)
    y += (height - text_nat) / 2;
  y += TEXT_MARGIN;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int min, nat;

      if (!gtk_widget_should_layout (labels[i]))
        continue;
      gtk_widget_measure (labels[i], GTK_ORIENTATION_VERTICAL, text_width, &min, &nat, NULL, NULL);
      allocate_child (labels[i], width, HEADER_MARGIN, y, text_width, nat);
      y += nat + TEXT_SPACING;
    }
}

static void
sportello_property_row_layout_class_init (SportelloPropertyRowLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = sportello_property_row_layout_get_request_mode;
  manager_class->measure = sportello_property_row_layout_measure;
  manager_class->allocate = sportello_property_row_layout_allocate;
}

static void
sportello_property_row_layout_init (SportelloPropertyRowLayout *self)
{
}

static void
update_title (SportelloPropertyRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_label (GTK_LABEL (self->title), title);
  gtk_widget_set_visible (self->title, title != NULL && title[0] != '\0');
}

/* The title is AdwPreferencesRow's */
static void
sportello_property_row_notify (GObject    *object,
                               GParamSpec *pspec)
{
  if (g_str_equal (pspec->name, "title"))
    update_title (SPORTELLO_PROPERTY_ROW (object));

  if (G_OBJECT_CLASS (sportello_property_row_parent_class)->notify != NULL)
    G_OBJECT_CLASS (sportello_property_row_parent_class)->notify (object, pspec);
}

static void
sportello_property_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SportelloPropertyRow *self = SPORTELLO_PROPERTY_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, sportello_property_row_get_value (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_property_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SportelloPropertyRow *self = SPORTELLO_PROPERTY_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      sportello_property_row_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_property_row_dispose (GObject *object)
{
  SportelloPropertyRow *self = SPORTELLO_PROPERTY_ROW (object);

  g_clear_pointer (&self->title, gtk_widget_unparent);
  g_clear_pointer (&self->value, gtk_widget_unparent);

  G_OBJECT_CLASS (sportello_property_row_parent_class)->dispose (object);
}

static void
sportello_property_row_class_init (SportelloPropertyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sportello_property_row_get_property;
  object_class->set_property = sportello_property_row_set_property;
  object_class->notify = sportello_property_row_notify;
  object_class->dispose = sportello_property_row_dispose;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, SPORTELLO_TYPE_PROPERTY_ROW_LAYOUT);
}

static void
sportello_property_row_init (SportelloPropertyRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  /* read-only: neither the row nor its value is a Tab stop */
  gtk_widget_set_focusable (widget, FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_widget_add_css_class (widget, "property");

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_add_css_class (self->title, "title");
  gtk_widget_add_css_class (self->title, "dimmed");
  gtk_widget_set_visible (self->title, FALSE);
  gtk_widget_set_parent (self->title, widget);

  self->value = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->value), 0);
  gtk_label_set_wrap (GTK_LABEL (self->value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->value), PANGO_WRAP_WORD_CHAR);
  /* Its minimum width is measured at 10 characters, not at 0: at 0 Pango
   * lays out a line per character (word-char), for nothing, as the row's
   * title, which does not wrap, is wider than that anyway; its natural
   * width is still the whole line's */
  gtk_label_set_width_chars (GTK_LABEL (self->value), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (self->value), 1000);
  gtk_label_set_selectable (GTK_LABEL (self->value), TRUE);
  gtk_widget_set_focusable (self->value, FALSE);
  gtk_widget_add_css_class (self->value, "value");
  gtk_widget_set_visible (self->value, FALSE);
  gtk_widget_set_parent (self->value, widget);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->value, NULL,
                                  -1);
}

/**
 * sportello_property_row_new:
 * @title: the field's name
 * @value: (nullable): its value
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
sportello_property_row_new (const char *title,
                            const char *value)
{
  GtkWidget *row = g_object_new (SPORTELLO_TYPE_PROPERTY_ROW, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  sportello_property_row_set_value (SPORTELLO_PROPERTY_ROW (row), value);

  return row;
}

const char *
sportello_property_row_get_value (SportelloPropertyRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_PROPERTY_ROW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->value));
}

void
sportello_property_row_set_value (SportelloPropertyRow *self,
                                  const char           *value)
{
  g_return_if_fail (SPORTELLO_IS_PROPERTY_ROW (self));

  if (value == NULL)
    value = "";
  if (g_strcmp0 (value, gtk_label_get_label (GTK_LABEL (self->value))) == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->value), value);
  gtk_widget_set_visible (self->value, value[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/**
 * sportello_property_row_get_suffix:
 *
 * Returns: (transfer none) (nullable): the widget at the row's end
 */
GtkWidget *
sportello_property_row_get_suffix (SportelloPropertyRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_PROPERTY_ROW (self), NULL);

  return gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));
}

/**
 * sportello_property_row_set_suffix:
 * @suffix: (nullable): a widget for the row's end, as a button that opens
 *   the value
 *
 * The suffix is the row's GtkListBoxRow child, so that the Tab key
 * reaches it as it reaches an AdwActionRow's suffix.
 */
void
sportello_property_row_set_suffix (SportelloPropertyRow *self,
                                   GtkWidget            *suffix)
{
  g_return_if_fail (SPORTELLO_IS_PROPERTY_ROW (self));
  g_return_if_fail (suffix == NULL || GTK_IS_WIDGET (suffix));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), suffix);
}
