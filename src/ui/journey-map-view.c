/* journey-map-view.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shows a map as the export draws it: the layout's scene, drawn by the
 * cairo painter.  What the workshop sees is what the slide shows.  (The
 * editing canvas, with drags and hit tests, replaces this view in a later
 * step.) */

#define G_LOG_DOMAIN "journey-map-view"

#include "config.h"

#include <math.h>

#include "journey-layout.h"
#include "journey-map-view.h"
#include "journey-painter.h"
#include "journey-scene.h"

struct _JourneyMapView
{
  GtkWidget       parent_instance;

  JourneyProject *project;
  JourneyMap     *map;

  /* Derived from the map, made again when it changes. */
  JourneyLayout  *layout;
  JourneyScene   *scene;
  JourneyPainter *painter;
};

G_DEFINE_FINAL_TYPE (JourneyMapView, journey_map_view, GTK_TYPE_WIDGET)

static void
ensure_rendering (JourneyMapView *self)
{
  if (self->scene != NULL || self->map == NULL)
    return;

  g_clear_pointer (&self->layout, journey_layout_free);
  self->layout = journey_layout_new (self->map, self->project, journey_style_get_default ());
  self->scene = journey_scene_new (self->layout);
}

static void
journey_map_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  JourneyMapView *self = JOURNEY_MAP_VIEW (widget);
  double size = 0;

  ensure_rendering (self);
  if (self->layout != NULL)
    size = orientation == GTK_ORIENTATION_HORIZONTAL ? self->layout->width : self->layout->height;

  *minimum = *natural = (int) ceil (size);
}

/* The part of the view its scrolled window shows: a large map is drawn
 * only where it can be seen. */
static graphene_rect_t
visible_area (JourneyMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  graphene_rect_t seen;

  if (scrolled == NULL)
    return all;

  {
    GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    seen = GRAPHENE_RECT_INIT (gtk_adjustment_get_value (h), gtk_adjustment_get_value (v),
                               gtk_adjustment_get_page_size (h), gtk_adjustment_get_page_size (v));
  }
  if (seen.size.width <= 0 || seen.size.height <= 0 || !graphene_rect_intersection (&all, &seen, &seen))
    return all;
  return seen;
}

/* Scrolling shows another part: draw it. */
static void
journey_map_view_root (GtkWidget *widget)
{
  GtkWidget *scrolled;

  GTK_WIDGET_CLASS (journey_map_view_parent_class)->root (widget);

  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    return;
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)), "value-changed",
                           G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), "value-changed",
                           G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
}

static void
journey_map_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  JourneyMapView *self = JOURNEY_MAP_VIEW (widget);
  graphene_rect_t area;
  JourneyRect clip;
  cairo_t *cr;

  ensure_rendering (self);
  if (self->scene == NULL)
    return;

  if (self->painter == NULL)
    self->painter = journey_painter_new ();

  area = visible_area (self);
  clip = (JourneyRect) { area.origin.x, area.origin.y, area.size.width, area.size.height };
  cr = gtk_snapshot_append_cairo (snapshot, &area);
  journey_painter_draw (self->painter, self->scene, cr, &clip);
  cairo_destroy (cr);
}

static void
journey_map_view_dispose (GObject *object)
{
  JourneyMapView *self = JOURNEY_MAP_VIEW (object);

  g_clear_pointer (&self->scene, journey_scene_free);
  g_clear_pointer (&self->painter, journey_painter_free);
  g_clear_pointer (&self->layout, journey_layout_free);
  g_clear_object (&self->map);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (journey_map_view_parent_class)->dispose (object);
}

static void
journey_map_view_class_init (JourneyMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = journey_map_view_dispose;
  widget_class->measure = journey_map_view_measure;
  widget_class->snapshot = journey_map_view_snapshot;
  widget_class->root = journey_map_view_root;

  gtk_widget_class_set_css_name (widget_class, "journeymapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
journey_map_view_init (JourneyMapView *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "journey-map-view");
}

GtkWidget *
journey_map_view_new (void)
{
  return g_object_new (JOURNEY_TYPE_MAP_VIEW, NULL);
}

void
journey_map_view_set_map (JourneyMapView *self,
                          JourneyProject *project,
                          JourneyMap     *map)
{
  g_return_if_fail (JOURNEY_IS_MAP_VIEW (self));

  g_set_object (&self->project, project);
  g_set_object (&self->map, map);
  journey_map_view_invalidate (self);

  if (map != NULL && map->title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, map->title,
                                    -1);
}

JourneyMap *
journey_map_view_get_map (JourneyMapView *self)
{
  g_return_val_if_fail (JOURNEY_IS_MAP_VIEW (self), NULL);

  return self->map;
}

/**
 * journey_map_view_invalidate:
 *
 * Says that the map changed: it is laid out and drawn again.
 */
void
journey_map_view_invalidate (JourneyMapView *self)
{
  g_return_if_fail (JOURNEY_IS_MAP_VIEW (self));

  g_clear_pointer (&self->scene, journey_scene_free);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
