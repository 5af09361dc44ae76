/* sportello-content-bin.c: the window's content, measured by the window alone
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On X11, GDK answers every resize queued anywhere in the window (a page
 * pushed, a label's new text, the search results' rows) by asking the
 * window for its size again: GtkWindow measures all its content for its
 * minimum and natural sizes, and AdwBreakpointBin measures it once more
 * for the minimum size it warns about, each at other sizes than the one the
 * content is then laid out at. For a client page that is two passes over a
 * few hundred widgets and their labels' text, about 11 ms before the
 * frame. (On Wayland the size is asked only when the compositor
 * configures the window.)
 *
 * The window's minimum size is its own (width-request and height-request:
 * with breakpoints, AdwBreakpointBin already reports none for the content),
 * and its size after the first map is what the user made it, so the
 * content's sizes are never needed for the window's: this bin reports
 * none. It measures its child only for the width it is given, which its
 * layout needs anyway, and gives it all its space. What AdwBreakpointBin
 * warned of, content wider or taller than the smallest window, the UI
 * tests check (test-ui-shell.c, /ui/shell/smallest-window).
 */

#include "config.h"

#include "sportello-content-bin.h"

struct _SportelloContentBin
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (SportelloContentBin, sportello_content_bin, ADW_TYPE_BIN)

static GtkSizeRequestMode
sportello_content_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
sportello_content_bin_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  /* none: see above */
  *minimum = *natural = 0;
  if (minimum_baseline != NULL)
    *minimum_baseline = -1;
  if (natural_baseline != NULL)
    *natural_baseline = -1;
}

static void
sportello_content_bin_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  int min_width, min_height;

  if (child == NULL || !gtk_widget_get_visible (child))
    return;

  /* the child is measured for the width it gets, never less than its
   * minimum width (GTK measures that for any height-for-width request
   * anyway); and as AdwBreakpointBin does, it gets at least its minimum
   * size, which it needs while the window crosses a breakpoint (the
   * setters apply after the allocation at the new size). Measuring also
   * takes the child's resize as done, so that the next reaches the window. */
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  width = MAX (width, min_width);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  gtk_widget_allocate (child, width, MAX (height, min_height), baseline, NULL);
}

static void
sportello_content_bin_class_init (SportelloContentBinClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = sportello_content_bin_get_request_mode;
  widget_class->measure = sportello_content_bin_measure;
  widget_class->size_allocate = sportello_content_bin_size_allocate;
}

static void
sportello_content_bin_init (SportelloContentBin *self)
{
  /* AdwBin's layout manager would measure the child: the vfuncs above do
   * instead */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}
