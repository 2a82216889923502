/* journey-canvas-draw.c: the canvas's frames, drawn from the scene
 * through GtkSnapshot.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-canvas-private.h"
#include "journey-text.h"
#include "journey-theme.h"

/* Text layouts kept between frames, at most. */
#define MAX_LAYOUTS 20000

/* -- drawing -------------------------------------------------------------- */

static GdkRGBA
rgba (guint32 rgb,
      double  alpha)
{
  return (GdkRGBA) { ((rgb >> 16) & 0xff) / 255.f, ((rgb >> 8) & 0xff) / 255.f, (rgb & 0xff) / 255.f, alpha };
}

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
                    const JourneySceneNode *node,
                    const JourneyRect      *visible)
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

  /* A long dashed line (a step of the scale runs the whole timeline):
   * only its dashes in view, from a whole number of periods on, so that
   * they stay where they are. */
  if (pattern > 0)
    {
      double period = paint->n_dash % 2 ? 2 * pattern : pattern;
      double first = (level ? visible->x : visible->y) - w;
      double last = (level ? visible->x + visible->width : visible->y + visible->height) + w;

      if (first > from)
        from += floor ((first - from) / period) * period;
      to = MIN (to, last);
    }

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

/* Text layouts by line and font, kept between frames. */
GHashTable *
journey_canvas_layout_cache_new (void)
{
  return g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free, g_object_unref);
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
  journey_painter_draw_node (self->painter, self->scene, cr, node,
                             &(JourneyRect) { x0, y0, width / scale, height / scale });
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
          snapshot_axis_line (snapshot, node, &self->visible);
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
   * a zoom), only over the part in view; long curves in tiles kept
   * between frames. */
  if (node->kind == JOURNEY_SCENE_PATH && node->path.n_ops > JOURNEY_PAINTER_DASH_PIECE
      && !node->paint.has_fill && journey_canvas_snapshot_tiles (self, snapshot, node))
    return;
  if (node->kind != JOURNEY_SCENE_GROUP_BEGIN && node->kind != JOURNEY_SCENE_GROUP_END)
    snapshot_painted (self, snapshot, node);
}

typedef struct
{
  JourneyCanvas *canvas;
  GtkSnapshot   *snapshot;
} Frame;

static void
snapshot_one (const JourneySceneNode *node,
              gpointer                data)
{
  Frame *frame = data;

  journey_canvas_snapshot_node (frame->canvas, frame->snapshot, node);
}

void
journey_canvas_snapshot_frame (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  Frame frame;
  JourneyRect visible;
  double ox, oy;

  journey_canvas_update_layout (self);
  if (self->scene == NULL)
    return;

  journey_canvas_map_to_widget (self, 0, 0, &ox, &oy);
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
  frame.canvas = self;
  frame.snapshot = snapshot;
  journey_scene_foreach_in (self->scene, &visible, snapshot_one, &frame);

  journey_canvas_snapshot_frozen (self, snapshot);
  journey_canvas_snapshot_overlays (self, snapshot);
  gtk_snapshot_restore (snapshot);
}

/* -- overlays ------------------------------------------------------------- */

static void
snapshot_overlay_rect (JourneyCanvas     *self,
                       GtkSnapshot       *snapshot,
                       JourneySceneRole   role,
                       const JourneyRect *rect,
                       double             radius)
{
  JourneySceneNode node = { 0 };

  node.kind = JOURNEY_SCENE_RECT;
  node.role = role;
  node.rect.rect = *rect;
  node.rect.radius = radius;
  node.bounds = *rect;
  journey_theme_paint (role, NULL, &node.paint);
  journey_canvas_snapshot_node (self, snapshot, &node);
}

/* The space on either side of the value label's text, map pixels. */
#define VALUE_LABEL_PADDING 10

/* The value a handle is dragged to, as the scale reads it, beside it. */
static void
snapshot_value_label (JourneyCanvas *self,
                      GtkSnapshot   *snapshot)
{
  JourneyLayout *layout = self->layout;
  int card = journey_canvas_card_of (self, self->drag_touchpoint);
  const JourneyStyle *style = &layout->style;
  JourneySceneNode node = { 0 };
  g_autofree char *text = NULL;
  double value = self->drag_value;
  double x, y, width;
  JourneyRect pill;

  if (card < 0)
    return;

  text = journey_scale_format_value (self->map->scale, value);
  node.kind = JOURNEY_SCENE_TEXT;
  node.role = JOURNEY_ROLE_VALUE_LABEL;
  journey_theme_paint (node.role, NULL, &node.paint);
  journey_theme_font (node.role, NULL, style, &node.text.font);

  /* The pill fits the text as the layout's measurer shapes it, whatever
   * the script: a CJK label takes about 1 em a character, not 0.6. */
  x = layout->cards[card].rect.x + layout->cards[card].rect.width / 2 + style->handle_radius + 12;
  y = journey_layout_y_for_value (layout, value);
  width = journey_text_measure (journey_text_get_for_thread (style->font_family), text,
                                node.text.font.size, node.text.font.bold) + 2 * VALUE_LABEL_PADDING;
  pill = (JourneyRect) { x, y - style->body_size, width, style->body_size * 2 };
  snapshot_overlay_rect (self, snapshot, JOURNEY_ROLE_VALUE_LABEL_BACKGROUND, &pill, style->body_size);

  node.text.text = text;
  node.text.n_lines = 1;
  node.text.x = x + VALUE_LABEL_PADDING;
  node.text.baseline = y + style->body_size * 0.35;
  journey_canvas_snapshot_node (self, snapshot, &node);
}

/* What a gesture under way shows: the rubber band, the lane a card goes
 * to, the value a handle is set to.  Map coordinates. */
void
journey_canvas_snapshot_overlays (JourneyCanvas *self,
                                  GtkSnapshot   *snapshot)
{
  switch (self->drag)
    {
    case DRAG_BAND:
      snapshot_overlay_rect (self, snapshot, JOURNEY_ROLE_RUBBER_BAND, &self->band, 0);
      break;
    case DRAG_CARDS:
      if (self->drop_lane >= 0 && (guint) self->drop_lane < self->layout->n_lanes)
        snapshot_overlay_rect (self, snapshot, JOURNEY_ROLE_DROP_TARGET,
                               &self->layout->lanes[self->drop_lane].rect, 0);
      break;
    case DRAG_SATISFACTION:
    case DRAG_TARGET:
      snapshot_value_label (self, snapshot);
      break;
    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_STAGE:
    case DRAG_PAN:
    default:
      break;
    }
}

