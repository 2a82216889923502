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

#define MIN_ZOOM 0.1
#define MAX_ZOOM 4.0
/* Text layouts kept between frames, at most. */
#define MAX_LAYOUTS 20000

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
void
journey_canvas_update_layout (JourneyCanvas *self)
{
  JourneyLayout *layout;

  if (self->map == NULL)
    {
      clear_layout (self);
      return;
    }

  /* Only what the person points at changed: the same layout, those cards
   * again. */
  if (!self->layout_dirty && self->layout != NULL)
    {
      if (self->changed->len > 0 && self->scene != NULL)
        journey_scene_update (self->scene, self->layout,
                              (JourneyTouchpoint *const *) self->changed->pdata, self->changed->len);
      g_ptr_array_set_size (self->changed, 0);
      return;
    }

  if (self->drag == DRAG_CARDS || self->drag == DRAG_STAGE)
    {
      /* The timeline keeps its scale under the pointer while it drags. */
      JourneyStyle style = *journey_style_get_default ();

      style.fixed_px_per_unit = self->drag_px_per_unit;
      layout = journey_layout_new (self->map, self->project, &style);
    }
  else
    layout = journey_layout_new (self->map, self->project, journey_style_get_default ());
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
  gtk_widget_queue_allocate (GTK_WIDGET (self));
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
  if (self->state.focused != NULL && !g_hash_table_contains (present, self->state.focused))
    self->state.focused = NULL;
  if (self->state.hovered != NULL && !g_hash_table_contains (present, self->state.hovered))
    self->state.hovered = NULL;

  if (self->drag == DRAG_NONE || self->drag == DRAG_PENDING)
    self->frame_dirty = TRUE;
  journey_canvas_map_changed (self);
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

/* Where the map's origin is drawn: centred while it is smaller than the
 * view. */
static void
get_origin (JourneyCanvas *self,
            double        *x,
            double        *y)
{
  double width = self->layout ? self->layout->width * self->zoom : 0;
  double height = self->layout ? self->layout->height * self->zoom : 0;

  *x = MAX (0, (gtk_widget_get_width (GTK_WIDGET (self)) - width) / 2);
  *y = MAX (0, (gtk_widget_get_height (GTK_WIDGET (self)) - height) / 2);
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

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         page)
{
  double value;

  if (adjustment == NULL)
    return;
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, content - page));
  gtk_adjustment_configure (adjustment, value, 0, MAX (content, page), page * 0.1, page * 0.9, page);
}

static void
configure_adjustments (JourneyCanvas *self)
{
  double width = self->layout ? self->layout->width * self->zoom : 0;
  double height = self->layout ? self->layout->height * self->zoom : 0;

  configure_adjustment (self->hadjustment, width, gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, height, gtk_widget_get_height (GTK_WIDGET (self)));
}

static void
on_adjustment_changed (JourneyCanvas *self)
{
  /* The accessible children follow the cards in view. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
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
  double x0, y0, x1, y1;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  journey_canvas_map_to_widget (self, rect->x, rect->y, &x0, &y0);
  journey_canvas_map_to_widget (self, rect->x + rect->width, rect->y + rect->height, &x1, &y1);

  if (self->hadjustment && x0 < 0)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + x0 - 24);
  else if (self->hadjustment && x1 > width)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + x1 - width + 24);
  if (self->vadjustment && y0 < 0)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + y0 - 24);
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
  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  if (!isfinite (x) || !isfinite (y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  journey_canvas_update_layout (self);
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
  gtk_widget_queue_allocate (GTK_WIDGET (self));
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
  journey_canvas_zoom_at (self, MIN (width / self->layout->width, height / self->layout->height), NAN, NAN);
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

/* -- drawing -------------------------------------------------------------- */

static GdkRGBA
rgba (guint32 rgb,
      double  alpha)
{
  return (GdkRGBA) { ((rgb >> 16) & 0xff) / 255.f, ((rgb >> 8) & 0xff) / 255.f, (rgb & 0xff) / 255.f, alpha };
}

#define GRECT(r) GRAPHENE_RECT_INIT ((r)->x, (r)->y, (r)->width, (r)->height)

/* A fill and a centred stroke of a rounded rectangle (a circle is one). */
static void
snapshot_box (GtkSnapshot        *snapshot,
              const JourneyRect  *r,
              double              radius,
              const JourneyPaint *paint)
{
  GskRoundedRect box;

  if (paint->has_fill && paint->fill_opacity > 0)
    {
      GdkRGBA fill = rgba (paint->fill, paint->fill_opacity);

      if (radius > 0)
        {
          gsk_rounded_rect_init_from_rect (&box, &GRECT (r), radius);
          gtk_snapshot_push_rounded_clip (snapshot, &box);
          gtk_snapshot_append_color (snapshot, &fill, &box.bounds);
          gtk_snapshot_pop (snapshot);
        }
      else
        gtk_snapshot_append_color (snapshot, &fill, &GRECT (r));
    }

  if (paint->stroke_width > 0)
    {
      double w = paint->stroke_width;
      JourneyRect outer = { r->x - w / 2, r->y - w / 2, r->width + w, r->height + w };
      GdkRGBA colors[4];
      float widths[4] = { w, w, w, w };

      for (int i = 0; i < 4; i++)
        colors[i] = rgba (paint->stroke, 1);
      gsk_rounded_rect_init_from_rect (&box, &GRECT (&outer), radius > 0 ? radius + w / 2 : 0);
      gtk_snapshot_append_border (snapshot, &box, widths, colors);
    }
}

/* A level or upright line as boxes: one per dash, rounded for round caps
 * (a dash of no length with round caps is a dot). */
static void
snapshot_axis_line (GtkSnapshot            *snapshot,
                    const JourneySceneNode *node)
{
  const JourneyPaint *paint = &node->paint;
  GdkRGBA color = rgba (paint->stroke, 1);
  double w = paint->stroke_width;
  double cap = paint->round ? w / 2 : 0;
  gboolean level = node->line.y1 == node->line.y2;
  double from = level ? MIN (node->line.x1, node->line.x2) : MIN (node->line.y1, node->line.y2);
  double to = level ? MAX (node->line.x1, node->line.x2) : MAX (node->line.y1, node->line.y2);
  double across = level ? node->line.y1 : node->line.x1;
  double pattern = 0;
  guint k = 0;

  for (guint i = 0; i < paint->n_dash; i++)
    pattern += paint->dash[i];

  for (double at = from; at < to;)
    {
      double length = pattern > 0 ? paint->dash[k % paint->n_dash] : to - from;
      gboolean on = pattern <= 0 || k % 2 == 0;

      if (on)
        {
          double a = at - cap, b = MIN (at + length, to) + cap;
          JourneyRect r = level ? (JourneyRect) { a, across - w / 2, b - a, w }
                                : (JourneyRect) { across - w / 2, a, w, b - a };
          GskRoundedRect box;

          if (cap > 0)
            {
              gsk_rounded_rect_init_from_rect (&box, &GRECT (&r), cap);
              gtk_snapshot_push_rounded_clip (snapshot, &box);
              gtk_snapshot_append_color (snapshot, &color, &box.bounds);
              gtk_snapshot_pop (snapshot);
            }
          else
            gtk_snapshot_append_color (snapshot, &color, &GRECT (&r));
        }
      at += length;
      k++;
      if (pattern <= 0)
        break;
    }
}

typedef struct
{
  double      size;
  guint       flags;
  const char *text;
} LayoutKey;

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_str_hash (key->text) ^ ((guint) (key->size * 64) << 3) ^ key->flags;
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *ka = a, *kb = b;

  return ka->size == kb->size && ka->flags == kb->flags && strcmp (ka->text, kb->text) == 0;
}

static void
layout_key_free (gpointer data)
{
  LayoutKey *key = data;

  g_free ((char *) key->text);
  g_free (key);
}

/* A Pango layout of one line of text in @font, measured and shaped as the
 * layout and the painter do, kept for the next frames. */
static PangoLayout *
text_layout (JourneyCanvas     *self,
             const char        *line,
             gsize              length,
             const JourneyFont *font)
{
  g_autofree char *text = g_strndup (line, length);
  LayoutKey key = { font->size, (font->bold ? 1 : 0) | (font->italic ? 2 : 0), text };
  PangoLayout *layout = g_hash_table_lookup (self->layouts, &key);
  PangoFontDescription *desc;
  LayoutKey *stored;

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->layouts) > MAX_LAYOUTS)
    g_hash_table_remove_all (self->layouts);

  desc = journey_text_font_description (journey_scene_get_font_family (self->scene), font->size, font->bold,
                                        font->italic);
  layout = journey_text_layout_new (self->pango);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (desc);

  stored = g_new (LayoutKey, 1);
  *stored = key;
  stored->text = g_steal_pointer (&text);
  g_hash_table_insert (self->layouts, stored, layout);
  return layout;
}

static void
snapshot_text (JourneyCanvas          *self,
               GtkSnapshot            *snapshot,
               const JourneySceneNode *node)
{
  GdkRGBA color = rgba (node->paint.fill, node->paint.fill_opacity);
  double baseline = node->text.baseline;
  const char *p = node->text.text;

  while (p != NULL)
    {
      const char *nl = strchr (p, '\n');
      gsize length = nl ? (gsize) (nl - p) : strlen (p);
      PangoLayout *layout = text_layout (self, p, length, &node->text.font);
      double x = node->text.x;

      if (node->text.font.anchor == JOURNEY_TEXT_ANCHOR_MIDDLE)
        {
          PangoRectangle logical;

          pango_layout_get_extents (layout, NULL, &logical);
          x -= logical.width / (2.0 * PANGO_SCALE);
        }

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, baseline - pango_layout_get_baseline (layout) / (double) PANGO_SCALE));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);

      baseline += node->text.line_height;
      p = nl ? nl + 1 : NULL;
    }
}

/* Textures larger than this on a side are drawn at a lower resolution. */
#define MAX_TEXTURE_SIDE 8192

static void
snapshot_painted (JourneyCanvas          *self,
                  GtkSnapshot            *snapshot,
                  const JourneySceneNode *node)
{
  double scale = self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  JourneyRect area = { node->bounds.x - 2, node->bounds.y - 2, node->bounds.width + 4, node->bounds.height + 4 };
  double x0 = MAX (area.x, self->visible.x), y0 = MAX (area.y, self->visible.y);
  double x1 = MIN (area.x + area.width, self->visible.x + self->visible.width);
  double y1 = MIN (area.y + area.height, self->visible.y + self->visible.height);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  if (x1 <= x0 || y1 <= y0)
    return;
  /* Whole pixels of the frame. */
  x0 = floor (x0 * scale) / scale;
  y0 = floor (y0 * scale) / scale;
  width = (int) ceil ((x1 - x0) * scale);
  height = (int) ceil ((y1 - y0) * scale);
  if (width > MAX_TEXTURE_SIDE || height > MAX_TEXTURE_SIDE)
    {
      scale *= MIN (MAX_TEXTURE_SIDE / (double) width, MAX_TEXTURE_SIDE / (double) height);
      width = MIN (width, MAX_TEXTURE_SIDE);
      height = MIN (height, MAX_TEXTURE_SIDE);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -x0, -y0);
  journey_painter_draw_node (self->painter, self->scene, cr, node);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT (x0, y0, width / scale, height / scale));
}

void
journey_canvas_snapshot_node (JourneyCanvas          *self,
                              GtkSnapshot            *snapshot,
                              const JourneySceneNode *node)
{
  const JourneyPaint *paint = &node->paint;

  switch (node->kind)
    {
    case JOURNEY_SCENE_RECT:
      if (paint->n_dash == 0)
        {
          snapshot_box (snapshot, &node->rect.rect, node->rect.radius, paint);
          return;
        }
      break;

    case JOURNEY_SCENE_CIRCLE:
      {
        JourneyRect r = { node->circle.cx - node->circle.r, node->circle.cy - node->circle.r,
                          2 * node->circle.r, 2 * node->circle.r };

        if (paint->n_dash == 0)
          {
            snapshot_box (snapshot, &r, node->circle.r, paint);
            return;
          }
      }
      break;

    case JOURNEY_SCENE_LINE:
      /* Level and upright lines, dashed or not, are boxes. */
      if (node->line.x1 == node->line.x2 || node->line.y1 == node->line.y2)
        {
          snapshot_axis_line (snapshot, node);
          return;
        }
      break;

    case JOURNEY_SCENE_TEXT:
      snapshot_text (self, snapshot, node);
      return;

    case JOURNEY_SCENE_PATH:
    case JOURNEY_SCENE_GROUP_BEGIN:
    case JOURNEY_SCENE_GROUP_END:
    default:
      break;
    }

  /* Curves and slanted lines: drawn by the painter into a texture at the
   * resolution of the frame (GTK 4.8's cairo nodes lose paths drawn under
   * a zoom), only over the part in view. */
  if (node->kind != JOURNEY_SCENE_GROUP_BEGIN && node->kind != JOURNEY_SCENE_GROUP_END)
    snapshot_painted (self, snapshot, node);
}

static void
journey_canvas_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  const JourneySceneNode *nodes;
  JourneyRect visible;
  double ox, oy;
  guint n;

  journey_canvas_update_layout (self);
  if (self->scene == NULL)
    return;

  get_origin (self, &ox, &oy);
  journey_canvas_widget_to_map (self, 0, 0, &visible.x, &visible.y);
  visible.width = gtk_widget_get_width (widget) / self->zoom;
  visible.height = gtk_widget_get_height (widget) / self->zoom;
  self->visible = visible;

  /* The map is a sheet of paper on the view: a soft shadow around it. */
  {
    GskRoundedRect paper;
    GdkRGBA shadow = { 0, 0, 0, 0.18f };

    gsk_rounded_rect_init_from_rect (&paper, &GRAPHENE_RECT_INIT (ox, oy, self->layout->width * self->zoom,
                                                                  self->layout->height * self->zoom), 0);
    gtk_snapshot_append_outset_shadow (snapshot, &paper, &shadow, 0, 1, 0, 6);
  }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ox, oy));
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);

  /* Only what can be seen. */
  nodes = journey_scene_get_nodes (self->scene);
  n = journey_scene_get_n_nodes (self->scene);
  for (guint i = 0; i < n;)
    {
      const JourneySceneNode *node = &nodes[i];

      if (node->kind != JOURNEY_SCENE_GROUP_END && !journey_rect_intersects (&node->bounds, &visible))
        {
          i += node->kind == JOURNEY_SCENE_GROUP_BEGIN ? node->group.size : 1;
          continue;
        }
      journey_canvas_snapshot_node (self, snapshot, node);
      i++;
    }

  journey_canvas_snapshot_overlays (self, snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
journey_canvas_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* The scrolled window gives what it has; the map scrolls inside. */
  *minimum = 0;
  *natural = 400;
}

static void
journey_canvas_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  journey_canvas_update_layout (self);
  configure_adjustments (self);
  journey_canvas_allocate_a11y (self);
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
  g_clear_pointer (&self->changed, g_ptr_array_unref);
  g_clear_pointer (&self->drag_touchpoints, g_ptr_array_unref);
  g_clear_pointer (&self->drag_times, g_array_unref);
  g_clear_pointer (&self->drag_lanes, g_array_unref);
  g_clear_pointer (&self->painter, journey_painter_free);
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

  widget_class->snapshot = journey_canvas_snapshot;
  widget_class->measure = journey_canvas_measure;
  widget_class->size_allocate = journey_canvas_size_allocate;
  widget_class->focus = journey_canvas_focus_a11y;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1,
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

  gtk_widget_class_set_css_name (widget_class, "journeycanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  journey_canvas_class_init_input (widget_class);
}

static void
journey_canvas_init (JourneyCanvas *self)
{
  self->zoom = 1;
  self->drop_lane = -1;
  self->pointer_x = self->pointer_y = NAN;
  self->selected = g_hash_table_new (NULL, NULL);
  self->band_before = g_hash_table_new (NULL, NULL);
  self->state.selected = self->selected;
  self->changed = g_ptr_array_new ();
  self->drag_touchpoints = g_ptr_array_new ();
  self->drag_times = g_array_new (FALSE, FALSE, sizeof (double));
  self->drag_lanes = g_array_new (FALSE, FALSE, sizeof (int));
  self->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free, g_object_unref);
  self->painter = journey_painter_new ();
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
