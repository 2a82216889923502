/* journey-canvas.c: drawing, scrolling and zooming the workshop's map.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "journey-canvas-private.h"
#include "journey-text.h"
#include "journey-theme.h"

/* The least zoom, unless the whole map needs less to fit in the view. */
#define MIN_ZOOM 0.1
#define MAX_ZOOM 4.0
/* The least the zoom property takes: a map of any size fits. */
#define LEAST_ZOOM 1e-6


enum
{
  PROP_0,
  PROP_ZOOM,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum
{
  SELECTION_CHANGED,
  ACTIVATE_TOUCHPOINT,
  ACTIVATE_NOTE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (JourneyCanvas, journey_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* -- the layout and the scene --------------------------------------------- */

static void
clear_layout (JourneyCanvas *self)
{
  g_clear_pointer (&self->scene, journey_scene_free);
  g_clear_pointer (&self->layout, journey_layout_free);
}

/* Brings the layout and the scene up to date with the map: a new layout,
 * and a scene that rebuilds only the cards that changed when it can. */
/* The scale of the timeline that a new layout keeps, or 0 for the one
 * the layout chooses.  Cards moved about keep it (SPEC §9, Stability): a
 * drop, a move by keyboard or in the inspector, an undo of one never
 * rescales the map under the pointer, nor a stage dragged longer.  Cards
 * added or removed, lanes changed or another map let the layout choose
 * again, as it does for the exports. */
static double
kept_scale (JourneyCanvas *self)
{
  if (self->drag == DRAG_CARDS || self->drag == DRAG_STAGE)
    return self->drag_px_per_unit;
  if (self->layout == NULL
      || journey_list_get_length (self->map->touchpoints) != self->layout->n_touchpoints
      || journey_list_get_length (self->map->lanes) != self->layout->n_lanes)
    return 0;
  return self->layout->px_per_unit;
}

void
journey_canvas_update_layout (JourneyCanvas *self)
{
  JourneyLayout *layout;
  JourneyStyle style;

  if (self->map == NULL)
    {
      clear_layout (self);
      return;
    }

  /* Only cards moved (a drag): the same layout, brought up to date. */
  if (self->layout_dirty && self->cards_moved_only && self->layout != NULL && self->scene != NULL
      && !self->frame_dirty
      && journey_layout_update (self->layout, self->project, (JourneyTouchpoint *const *) self->changed->pdata,
                                self->changed->len))
    self->layout_dirty = FALSE;
  self->cards_moved_only = FALSE;

  /* Only what the person points at changed, or the cards that moved: the
   * same layout, those cards again. */
  if (!self->layout_dirty && self->layout != NULL)
    {
      if (self->changed->len > 0 && self->scene != NULL)
        journey_scene_update (self->scene, self->layout,
                              (JourneyTouchpoint *const *) self->changed->pdata, self->changed->len);
      g_ptr_array_set_size (self->changed, 0);
      return;
    }

  style = *journey_style_get_default ();
  style.fixed_px_per_unit = kept_scale (self);
  style.row_hints = self->row_hints;
  layout = journey_layout_new (self->map, self->project, &style);
  if (self->scene == NULL || self->frame_dirty)
    {
      g_clear_pointer (&self->scene, journey_scene_free);
      self->scene = journey_scene_new_with_state (layout, &self->state);
    }
  else
    journey_scene_update (self->scene, layout,
                          (JourneyTouchpoint *const *) self->changed->pdata, self->changed->len);

  g_clear_pointer (&self->layout, journey_layout_free);
  self->layout = layout;
  self->layout_dirty = FALSE;
  self->frame_dirty = FALSE;
  g_ptr_array_set_size (self->changed, 0);
}

/* The map changed: lay it out again. */
void
journey_canvas_map_changed (JourneyCanvas *self)
{
  self->layout_dirty = TRUE;
  self->cards_moved_only = FALSE;
  /* The map's size may change, and the scrolled window measures it. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Only the selection, focus or hover changed. */
static void
invalidate_state (JourneyCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @touchpoint's card must be drawn again (its state or its content). */
void
journey_canvas_touchpoint_changed (JourneyCanvas     *self,
                                   JourneyTouchpoint *touchpoint)
{
  if (touchpoint != NULL)
    g_ptr_array_add (self->changed, touchpoint);
  invalidate_state (self);
}

void
journey_canvas_state_changed (JourneyCanvas *self)
{
  invalidate_state (self);
}

/* Anything in the map changed: the history does not say what, so every
 * card is looked at again.  Drags say which touchpoints they move. */
static void
on_history_changed (JourneyCanvas  *self,
                    JourneyHistory *history)
{
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  gboolean gone = FALSE;

  /* Undo can remove a selected or focused touchpoint. */
  for (guint i = 0; i < journey_list_get_length (self->map->touchpoints); i++)
    g_hash_table_add (present, journey_list_peek (self->map->touchpoints, i));
  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      {
        g_hash_table_iter_remove (&iter);
        gone = TRUE;
      }
  g_hash_table_iter_init (&iter, self->row_hints);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);
  if (self->state.focused != NULL && !g_hash_table_contains (present, self->state.focused))
    self->state.focused = NULL;
  if (self->state.hovered != NULL && !g_hash_table_contains (present, self->state.hovered))
    self->state.hovered = NULL;

  if (self->drag == DRAG_NONE || self->drag == DRAG_PENDING)
    self->frame_dirty = TRUE;
  /* The view a map opened at is kept as it is once it is edited: a drop
   * never changes the zoom. */
  self->orient_pending = FALSE;
  journey_canvas_map_changed (self);
  /* The step of a card drag that ends: only the cards it moved changed,
   * and the layout follows them as it did during the drag. */
  if (self->drag == DRAG_CARDS)
    self->cards_moved_only = TRUE;
  if (gone)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

int
journey_canvas_card_of (JourneyCanvas     *self,
                        JourneyTouchpoint *touchpoint)
{
  journey_canvas_update_layout (self);
  if (self->layout == NULL)
    return -1;
  for (guint c = 0; c < self->layout->n_cards; c++)
    if (self->layout->cards[c].touchpoint == touchpoint)
      return (int) c;
  return -1;
}

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
static void
get_content_size (JourneyCanvas *self,
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

static void
configure_adjustments (JourneyCanvas *self)
{
  double width, height;
  double view_width = gtk_widget_get_width (GTK_WIDGET (self));
  double view_height = gtk_widget_get_height (GTK_WIDGET (self));

  get_content_size (self, &width, &height);
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

static void
on_adjustment_changed (JourneyCanvas *self)
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

static void
set_adjustment (JourneyCanvas  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self,
                           G_CONNECT_SWAPPED);
  configure_adjustments (self);
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
static void
orient (JourneyCanvas *self)
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  configure_adjustments (self);
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
  configure_adjustments (self);
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
  configure_adjustments (self);

  /* The same map point under (x, y) again. */
  journey_canvas_map_to_widget (self, mx, my, &nx, &ny);
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + nx - x);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + ny - y);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
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

/* -- size ----------------------------------------------------------------- */

static void
journey_canvas_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  double width, height;

  /* The scrolled window gives what it has; the map scrolls inside.  The
   * natural size is the map's, from which the scrolled window decides
   * whether it shows a scrollbar (the canvas's scroll policies are
   * "natural"). */
  journey_canvas_update_layout (self);
  get_content_size (self, &width, &height);
  /* Past the edges by half the view on either side, when presenting: the
   * adjustments then span more than a page, and so does this. */
  if (self->overscroll)
    {
      width += gtk_widget_get_width (widget);
      height += gtk_widget_get_height (widget);
    }
  *minimum = 0;
  *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
journey_canvas_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  self->allocating = TRUE;
  journey_canvas_update_layout (self);
  if (self->orient_pending)
    orient (self);
  configure_adjustments (self);
  journey_canvas_allocate_a11y (self);
  /* Popovers are laid out by the widget they belong to. */
  if (self->title_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->title_popover));
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  self->allocating = FALSE;
}

/* -- GObject -------------------------------------------------------------- */

static void
journey_canvas_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JourneyCanvas *self = JOURNEY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
journey_canvas_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JourneyCanvas *self = JOURNEY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      journey_canvas_zoom_at (self, g_value_get_double (value), NAN, NAN);
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
journey_canvas_dispose (GObject *object)
{
  JourneyCanvas *self = JOURNEY_CANVAS (object);

  journey_canvas_cancel_drag (self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_handle_id (&self->allocate_id, g_source_remove);
  g_clear_pointer (&self->title_popover, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  journey_canvas_dispose_a11y (self);
  clear_layout (self);
  g_clear_object (&self->history);
  g_clear_object (&self->map);
  g_clear_object (&self->project);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (journey_canvas_parent_class)->dispose (object);
}

static void
journey_canvas_finalize (GObject *object)
{
  JourneyCanvas *self = JOURNEY_CANVAS (object);

  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->band_before, g_hash_table_unref);
  g_clear_pointer (&self->channel_filter, g_free);
  g_clear_pointer (&self->changed, g_ptr_array_unref);
  g_clear_pointer (&self->drag_touchpoints, g_ptr_array_unref);
  g_clear_pointer (&self->drag_times, g_array_unref);
  g_clear_pointer (&self->drag_lanes, g_array_unref);
  g_clear_pointer (&self->drag_centres, g_array_unref);
  g_clear_pointer (&self->row_hints, g_hash_table_unref);
  g_clear_pointer (&self->painter, journey_painter_free);
  g_clear_pointer (&self->curve_tiles, g_ptr_array_unref);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (journey_canvas_parent_class)->finalize (object);
}

static void
journey_canvas_class_init (JourneyCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = journey_canvas_dispose;
  object_class->finalize = journey_canvas_finalize;
  object_class->get_property = journey_canvas_get_property;
  object_class->set_property = journey_canvas_set_property;

  widget_class->snapshot = journey_canvas_snapshot_frame;
  widget_class->measure = journey_canvas_measure;
  widget_class->size_allocate = journey_canvas_size_allocate;
  widget_class->focus = journey_canvas_focus_a11y;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, LEAST_ZOOM, MAX_ZOOM, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * JourneyCanvas::selection-changed:
   */
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * JourneyCanvas::activate-touchpoint:
   *
   * Enter on a touchpoint, or a double click on its card: open it.
   */
  signals[ACTIVATE_TOUCHPOINT] = g_signal_new ("activate-touchpoint", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, JOURNEY_TYPE_TOUCHPOINT);
  /**
   * JourneyCanvas::activate-note:
   * @touchpoint: the touchpoint whose note it is
   * @kind: a JourneyNoteKind: pain point, opportunity or action
   * @item: its place in the touchpoint's list of that kind
   *
   * A double click on a note on the map: open the note's field.
   */
  signals[ACTIVATE_NOTE] = g_signal_new ("activate-note", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 3, JOURNEY_TYPE_TOUCHPOINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "journeycanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  journey_canvas_class_init_commands (widget_class);
}

static void
journey_canvas_init (JourneyCanvas *self)
{
  self->zoom = 1;
  self->hscroll_policy = GTK_SCROLL_NATURAL;
  self->vscroll_policy = GTK_SCROLL_NATURAL;
  self->drop_lane = -1;
  self->pointer_x = self->pointer_y = NAN;
  self->selected = g_hash_table_new (NULL, NULL);
  self->band_before = g_hash_table_new (NULL, NULL);
  self->state.selected = self->selected;
  self->changed = g_ptr_array_new ();
  self->drag_touchpoints = g_ptr_array_new ();
  self->drag_times = g_array_new (FALSE, FALSE, sizeof (double));
  self->drag_lanes = g_array_new (FALSE, FALSE, sizeof (int));
  self->drag_centres = g_array_new (FALSE, FALSE, sizeof (double));
  self->row_hints = g_hash_table_new (NULL, NULL);
  self->layouts = journey_canvas_layout_cache_new ();
  self->painter = journey_painter_new ();
  self->curve_tiles = journey_canvas_tiles_new ();
  self->settings = g_settings_new (APP_ID);

  /* Text is shaped as the layout measures it and the exports draw it. */
  self->pango = gtk_widget_create_pango_context (GTK_WIDGET (self));
  journey_text_configure_context (self->pango);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "journey-canvas");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"), -1);

  journey_canvas_init_input (self);
  journey_canvas_init_a11y (self);
}

/* -- public API ----------------------------------------------------------- */

GtkWidget *
journey_canvas_new (void)
{
  return g_object_new (JOURNEY_TYPE_CANVAS, NULL);
}

/**
 * journey_canvas_set_map:
 *
 * Shows @map of @project; edits go through @history.
 */
void
journey_canvas_set_map (JourneyCanvas  *self,
                        JourneyProject *project,
                        JourneyMap     *map,
                        JourneyHistory *history)
{
  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  journey_canvas_cancel_drag (self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  g_set_object (&self->project, project);
  g_set_object (&self->map, map);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "changed", G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);

  g_hash_table_remove_all (self->selected);
  g_hash_table_remove_all (self->row_hints);
  self->state.focused = NULL;
  self->state.hovered = NULL;
  clear_layout (self);
  self->frame_dirty = TRUE;
  journey_canvas_map_changed (self);

  if (map != NULL && map->title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, map->title, -1);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

JourneyMap *
journey_canvas_get_map (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), NULL);
  return self->map;
}

JourneyLayout *
journey_canvas_get_layout (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), NULL);
  journey_canvas_update_layout (self);
  return self->layout;
}

/**
 * journey_canvas_get_selection:
 *
 * Returns: (transfer container): the selected touchpoints in map order
 */
GPtrArray *
journey_canvas_get_selection (JourneyCanvas *self)
{
  GPtrArray *selection = g_ptr_array_new ();

  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), selection);

  if (self->map != NULL)
    for (guint i = 0; i < journey_list_get_length (self->map->touchpoints); i++)
      {
        JourneyTouchpoint *tp = journey_list_peek (self->map->touchpoints, i);

        if (g_hash_table_contains (self->selected, tp))
          g_ptr_array_add (selection, tp);
      }
  return selection;
}

/**
 * journey_canvas_select:
 * @add: add to the selection; else the selection is only @touchpoint
 */
void
journey_canvas_select (JourneyCanvas     *self,
                       JourneyTouchpoint *touchpoint,
                       gboolean           add)
{
  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  if (!add)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->selected);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (key != touchpoint)
          {
            g_ptr_array_add (self->changed, key);
            g_hash_table_iter_remove (&iter);
          }
    }
  if (touchpoint != NULL && g_hash_table_add (self->selected, touchpoint))
    g_ptr_array_add (self->changed, touchpoint);

  invalidate_state (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
journey_canvas_unselect_all (JourneyCanvas *self)
{
  journey_canvas_select (self, NULL, FALSE);
}

/**
 * journey_canvas_set_channel_filter:
 * @channel: (nullable): the id of a channel, or %NULL for all
 *
 * Shows the touchpoints of @channel in full and veils the others.
 */
void
journey_canvas_set_channel_filter (JourneyCanvas *self,
                                   const char    *channel)
{
  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  if (g_strcmp0 (channel, self->channel_filter) == 0)
    return;
  g_free (self->channel_filter);
  self->channel_filter = g_strdup (channel);
  self->state.channel = self->channel_filter;
  /* Every card may change. */
  self->frame_dirty = TRUE;
  journey_canvas_map_changed (self);
}

const char *
journey_canvas_get_channel_filter (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), NULL);
  return self->channel_filter;
}

JourneyTouchpoint *
journey_canvas_get_focus_touchpoint (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), NULL);
  return self->state.focused;
}

/**
 * journey_canvas_set_focus_touchpoint:
 *
 * Gives the keyboard focus to @touchpoint's card, and scrolls it into view.
 */
void
journey_canvas_set_focus_touchpoint (JourneyCanvas     *self,
                                     JourneyTouchpoint *touchpoint)
{
  int card;

  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  if (self->state.focused == touchpoint)
    {
      journey_canvas_focus_changed_a11y (self);
      return;
    }
  if (self->state.focused != NULL)
    g_ptr_array_add (self->changed, self->state.focused);
  self->state.focused = touchpoint;
  journey_canvas_touchpoint_changed (self, touchpoint);

  card = touchpoint ? journey_canvas_card_of (self, touchpoint) : -1;
  if (card >= 0)
    journey_canvas_scroll_to_map_rect (self, &self->layout->cards[card].rect);
  journey_canvas_focus_changed_a11y (self);
}

/**
 * journey_canvas_set_show_selection:
 *
 * Whether the selection's outline is drawn: not while presenting, where
 * the room sees the map and not what the facilitator clicked.  The
 * selection itself stays.
 */
void
journey_canvas_set_show_selection (JourneyCanvas *self,
                                   gboolean       show)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  if ((self->state.selected != NULL) == !!show)
    return;
  self->state.selected = show ? self->selected : NULL;
  /* Only the selected cards change. */
  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (self->changed, key);
  invalidate_state (self);
}
