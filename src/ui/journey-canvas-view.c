/* journey-canvas-view.c: where the map is in the canvas's view: scrolling,
 * zooming, and the view a map opens at.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-canvas"

#include "config.h"

#include <math.h>

#include "journey-canvas-private.h"

/* -- scrolling ------------------------------------------------------------ */

/* Where the map's origin is drawn: centred across while it is narrower
 * than the view, at the top while it is shorter, so that a lane that
 * grows (a card dragged into a new row) moves nothing above it. */
static void
get_origin (JourneyCanvas *self,
            double        *x,
            double        *y)
{
  double width = self->layout ? self->layout->width * self->zoom : 0;

  *x = MAX (0, (gtk_widget_get_width (GTK_WIDGET (self)) - width) / 2);
  *y = 0;
  if (self->hadjustment)
    *x -= gtk_adjustment_get_value (self->hadjustment);
  if (self->vadjustment)
    *y -= gtk_adjustment_get_value (self->vadjustment);
}

void
journey_canvas_widget_to_map (JourneyCanvas *self,
                              double         x,
                              double         y,
                              double        *map_x,
                              double        *map_y)
{
  double ox, oy;

  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  get_origin (self, &ox, &oy);
  *map_x = (x - ox) / self->zoom;
  *map_y = (y - oy) / self->zoom;
}

void
journey_canvas_map_to_widget (JourneyCanvas *self,
                              double         map_x,
                              double         map_y,
                              double        *x,
                              double        *y)
{
  double ox, oy;

  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  get_origin (self, &ox, &oy);
  *x = map_x * self->zoom + ox;
  *y = map_y * self->zoom + oy;
}

/* The map's size on screen in whole pixels: what the canvas asks of its
 * scrolled window (journey_canvas_measure()) and what its adjustments
 * span, so that both agree on whether a scrollbar is needed.  Were they to
 * disagree, the scrolled window would find out only from the adjustments,
 * while it lays the canvas out, and would queue a resize of itself that
 * GTK drops there: it would then be drawn without an allocation, blank,
 * until the window's size changed. */
void
journey_canvas_get_content_size (JourneyCanvas *self,
                  double        *width,
                  double        *height)
{
  *width = self->layout ? round (self->layout->width * self->zoom) : 0;
  *height = self->layout ? round (self->layout->height * self->zoom) : 0;
}

/* @margin: how far the view may reach past either edge of the content */
static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         page,
                      double         margin)
{
  double value, upper;

  if (adjustment == NULL)
    return;
  upper = MAX (content, page) + margin;
  value = CLAMP (gtk_adjustment_get_value (adjustment), -margin, upper - page);
  gtk_adjustment_configure (adjustment, value, -margin, upper, page * 0.1, page * 0.9, page);
}

void
journey_canvas_configure_adjustments (JourneyCanvas *self)
{
  double width, height;
  double view_width = gtk_widget_get_width (GTK_WIDGET (self));
  double view_height = gtk_widget_get_height (GTK_WIDGET (self));

  journey_canvas_get_content_size (self, &width, &height);
  configure_adjustment (self->hadjustment, width, view_width, self->overscroll ? view_width / 2 : 0);
  configure_adjustment (self->vadjustment, height, view_height, self->overscroll ? view_height / 2 : 0);
}

static gboolean
allocate_later (gpointer data)
{
  JourneyCanvas *self = data;

  self->allocate_id = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

void
journey_canvas_on_adjustment_changed (JourneyCanvas *self)
{
  /* Scrolled by the person: the view is theirs now. */
  if (!self->allocating)
    self->orient_pending = FALSE;
  /* The accessible children follow the cards in view: laid out again
   * after this, for the scrolled window may set its adjustments while a
   * frame is laid out, after the canvas's turn (a canvas that asks to be
   * laid out then is not drawn in that frame); not at all while the
   * canvas itself sets them up in its size_allocate. */
  if (!self->allocating && self->allocate_id == 0)
    self->allocate_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, allocate_later, self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
journey_canvas_set_adjustment (JourneyCanvas  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, journey_canvas_on_adjustment_changed, self);
  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (journey_canvas_on_adjustment_changed), self,
                           G_CONNECT_SWAPPED);
  journey_canvas_configure_adjustments (self);
}

/* Scrolls the least that shows @rect (map coordinates). */
void
journey_canvas_scroll_to_map_rect (JourneyCanvas     *self,
                                   const JourneyRect *rect)
{
  double x0, y0, x1, y1, left, top;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  journey_canvas_map_to_widget (self, rect->x, rect->y, &x0, &y0);
  journey_canvas_map_to_widget (self, rect->x + rect->width, rect->y + rect->height, &x1, &y1);
  /* Not under the frozen headers. */
  journey_canvas_frozen_insets (self, &left, &top);

  if (self->hadjustment && x0 < left)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + x0 - left - 24);
  else if (self->hadjustment && x1 > width)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + x1 - width + 24);
  if (self->vadjustment && y0 < top)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + y0 - top - 24);
  else if (self->vadjustment && y1 > height)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + y1 - height + 24);
}

/* -- zooming -------------------------------------------------------------- */

double
journey_canvas_get_zoom (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), 1);
  return self->zoom;
}

/* The zoom at which the whole map shows in the view as it is now, or 0
 * without a map or a size. */
static double
get_fit_zoom (JourneyCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout == NULL || width <= 0 || height <= 0 || self->layout->width <= 0 || self->layout->height <= 0)
    return 0;
  return MIN (width / self->layout->width, height / self->layout->height);
}

/* Zooming out reaches the whole map, however large. */
static double
get_min_zoom (JourneyCanvas *self)
{
  double fit = get_fit_zoom (self);

  return fit > 0 ? MAX (LEAST_ZOOM, MIN (MIN_ZOOM, fit)) : MIN_ZOOM;
}

/* The zoom a map opens at: all of it when its text stays readable, else
 * the zoom that shows all its lanes; never beyond 100 % (a small map shows
 * all of itself at 100 % too); 0 without a map or a size. */
static double
get_opening_zoom (JourneyCanvas *self)
{
  JourneyLayout *layout = self->layout;
  double fit = get_fit_zoom (self);
  double bottom, lanes;

  if (fit <= 0)
    return 0;
  if (fit * layout->style.body_size >= JOURNEY_CANVAS_READABLE_TEXT)
    return MIN (fit, 1);
  /* From the top of the map to its last lane. */
  bottom = layout->n_lanes > 0 ? layout->lanes[layout->n_lanes - 1].rect.y
                                   + layout->lanes[layout->n_lanes - 1].rect.height
                               : layout->height;
  lanes = gtk_widget_get_height (GTK_WIDGET (self)) / MIN (layout->height, bottom + layout->style.margin);
  return CLAMP (MIN (lanes, 1), fit, MAX_ZOOM);
}

/* In size_allocate: the view the map opens at, for the size the canvas
 * has now, at the start of the map (its title, its lane names and its
 * first stage). */
void
journey_canvas_orient_now (JourneyCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  g_assert (self->allocating);

  if (width == self->oriented_width && height == self->oriented_height)
    return;
  zoom = get_opening_zoom (self);
  if (zoom <= 0)
    return;
  self->oriented_width = width;
  self->oriented_height = height;
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      journey_canvas_notify_zoom (self);
    }
  journey_canvas_configure_adjustments (self);
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

/**
 * journey_canvas_orient:
 *
 * Shows the map as it opens (SPEC §9 Orientation): all of it when its
 * body text stays readable, else all its lanes at its first stage.  Done
 * when the canvas is next allocated, and again while its size settles (a
 * window being maximised), until the view is zoomed or scrolled or the
 * map is edited: a one-time view, not a mode.
 */
void
journey_canvas_orient (JourneyCanvas *self)
{
  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  self->orient_pending = TRUE;
  self->oriented_width = self->oriented_height = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * journey_canvas_set_overscroll:
 *
 * While @overscroll is set, the view can reach past the map's edges by
 * half its size: presenting shows the first and the last stage in the
 * middle of the screen.
 */
void
journey_canvas_set_overscroll (JourneyCanvas *self,
                               gboolean       overscroll)
{
  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  overscroll = !!overscroll;
  if (self->overscroll == overscroll)
    return;
  self->overscroll = overscroll;
  journey_canvas_configure_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
journey_canvas_zoom_at (JourneyCanvas *self,
                        double         zoom,
                        double         x,
                        double         y)
{
  double mx, my, nx, ny;

  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  if (!isfinite (zoom))
    return;
  journey_canvas_update_layout (self);
  /* The person's zoom, from here on. */
  self->orient_pending = FALSE;
  zoom = CLAMP (zoom, get_min_zoom (self), MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  if (!isfinite (x) || !isfinite (y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  journey_canvas_widget_to_map (self, x, y, &mx, &my);
  self->zoom = zoom;
  journey_canvas_configure_adjustments (self);

  /* The same map point under (x, y) again. */
  journey_canvas_map_to_widget (self, mx, my, &nx, &ny);
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + nx - x);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + ny - y);

  journey_canvas_notify_zoom (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
journey_canvas_zoom_to_fit (JourneyCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  journey_canvas_update_layout (self);
  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  journey_canvas_zoom_at (self, get_fit_zoom (self), NAN, NAN);
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, 0);
}
