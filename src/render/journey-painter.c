/* journey-painter.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "journey-painter.h"
#include "journey-text.h"

/* Fonts by size, weight and style; a map uses a handful. */
typedef struct
{
  double                size;
  gboolean              bold;
  gboolean              italic;
  PangoFontDescription *desc;
} FontEntry;

struct _JourneyPainter
{
  PangoContext *context;
  PangoLayout  *layout;
  char         *family;
  GArray       *fonts;
};

static void
font_entry_clear (gpointer data)
{
  FontEntry *entry = data;

  pango_font_description_free (entry->desc);
}

JourneyPainter *
journey_painter_new (void)
{
  JourneyPainter *self = g_new0 (JourneyPainter, 1);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();

  self->context = pango_font_map_create_context (font_map);
  journey_text_configure_context (self->context);
  self->layout = journey_text_layout_new (self->context);
  self->fonts = g_array_new (FALSE, TRUE, sizeof (FontEntry));
  g_array_set_clear_func (self->fonts, font_entry_clear);
  return self;
}

void
journey_painter_free (JourneyPainter *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_clear_pointer (&self->fonts, g_array_unref);
  g_free (self->family);
  g_free (self);
}

static PangoFontDescription *
font_for (JourneyPainter    *self,
          const char        *family,
          const JourneyFont *font)
{
  FontEntry entry;

  if (g_strcmp0 (family, self->family) != 0)
    {
      g_array_set_size (self->fonts, 0);
      g_free (self->family);
      self->family = g_strdup (family);
    }

  for (guint i = 0; i < self->fonts->len; i++)
    {
      FontEntry *e = &g_array_index (self->fonts, FontEntry, i);

      if (e->size == font->size && e->bold == font->bold && e->italic == font->italic)
        return e->desc;
    }

  entry.size = font->size;
  entry.bold = font->bold;
  entry.italic = font->italic;
  entry.desc = journey_text_font_description (family, font->size, font->bold, font->italic);
  g_array_append_val (self->fonts, entry);
  return entry.desc;
}

static void
set_color (cairo_t *cr,
           guint32  rgb,
           double   alpha)
{
  cairo_set_source_rgba (cr,
                         ((rgb >> 16) & 0xff) / 255.0,
                         ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0,
                         alpha);
}

static void
fill_and_stroke (cairo_t            *cr,
                 const JourneyPaint *paint,
                 gboolean            closed)
{
  if (paint->has_fill && closed && paint->fill_opacity > 0)
    {
      set_color (cr, paint->fill, paint->fill_opacity);
      if (paint->stroke_width > 0)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }

  if (paint->stroke_width > 0)
    {
      set_color (cr, paint->stroke, 1);
      cairo_set_line_width (cr, paint->stroke_width);
      cairo_set_dash (cr, paint->dash, paint->n_dash, 0);
      cairo_set_line_cap (cr, paint->round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      cairo_set_line_join (cr, paint->round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
      cairo_stroke (cr);
    }

  cairo_new_path (cr);
}

static void
rounded_rect (cairo_t           *cr,
              const JourneyRect *r,
              double             radius)
{
  double x0 = r->x, y0 = r->y, x1 = r->x + r->width, y1 = r->y + r->height;

  if (radius <= 0)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x1 - radius, y0 + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x1 - radius, y1 - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x0 + radius, y1 - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x0 + radius, y0 + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_path (cairo_t                *cr,
           const JourneySceneNode *node)
{
  gboolean closed = FALSE;

  for (guint i = 0; i < node->path.n_ops; i++)
    {
      const JourneyPathOp *op = &node->path.ops[i];

      switch (op->op)
        {
        case JOURNEY_PATH_MOVE:
          cairo_move_to (cr, op->p[0].x, op->p[0].y);
          break;
        case JOURNEY_PATH_LINE:
          cairo_line_to (cr, op->p[0].x, op->p[0].y);
          break;
        case JOURNEY_PATH_CURVE:
          cairo_curve_to (cr, op->p[0].x, op->p[0].y, op->p[1].x, op->p[1].y, op->p[2].x, op->p[2].y);
          break;
        case JOURNEY_PATH_CLOSE:
        default:
          cairo_close_path (cr);
          closed = TRUE;
          break;
        }
    }
  /* A filled path is filled as SVG does, closed or not. */
  fill_and_stroke (cr, &node->paint, closed || node->paint.has_fill);
}

static void
draw_text (JourneyPainter         *self,
           JourneyScene           *scene,
           cairo_t                *cr,
           const JourneySceneNode *node)
{
  const char *p = node->text.text;
  double baseline = node->text.baseline;

  pango_layout_set_font_description (self->layout,
                                     font_for (self, journey_scene_get_font_family (scene), &node->text.font));
  set_color (cr, node->paint.fill, node->paint.fill_opacity);

  while (p != NULL)
    {
      const char *nl = strchr (p, '\n');
      int length = nl ? (int) (nl - p) : -1;
      double x = node->text.x;

      pango_layout_set_text (self->layout, p, length);
      if (node->text.font.anchor == JOURNEY_TEXT_ANCHOR_MIDDLE)
        {
          PangoRectangle logical;

          pango_layout_get_extents (self->layout, NULL, &logical);
          x -= logical.width / (2.0 * PANGO_SCALE);
        }
      cairo_move_to (cr, x, baseline - pango_layout_get_baseline (self->layout) / (double) PANGO_SCALE);
      pango_cairo_show_layout (cr, self->layout);

      baseline += node->text.line_height;
      p = nl ? nl + 1 : NULL;
    }
}

void
journey_painter_draw_node (JourneyPainter         *self,
                           JourneyScene           *scene,
                           cairo_t                *cr,
                           const JourneySceneNode *node)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node != NULL);

  switch (node->kind)
    {
    case JOURNEY_SCENE_RECT:
      rounded_rect (cr, &node->rect.rect, node->rect.radius);
      fill_and_stroke (cr, &node->paint, TRUE);
      break;
    case JOURNEY_SCENE_LINE:
      cairo_move_to (cr, node->line.x1, node->line.y1);
      cairo_line_to (cr, node->line.x2, node->line.y2);
      fill_and_stroke (cr, &node->paint, FALSE);
      break;
    case JOURNEY_SCENE_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, node->circle.cx, node->circle.cy, node->circle.r, 0, 2 * G_PI);
      cairo_close_path (cr);
      fill_and_stroke (cr, &node->paint, TRUE);
      break;
    case JOURNEY_SCENE_PATH:
      draw_path (cr, node);
      break;
    case JOURNEY_SCENE_TEXT:
      draw_text (self, scene, cr, node);
      break;
    case JOURNEY_SCENE_GROUP_BEGIN:
    case JOURNEY_SCENE_GROUP_END:
    default:
      break;
    }
}

guint
journey_painter_draw (JourneyPainter    *self,
                      JourneyScene      *scene,
                      cairo_t           *cr,
                      const JourneyRect *clip)
{
  const JourneySceneNode *nodes;
  guint n, drawn = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (scene != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  nodes = journey_scene_get_nodes (scene);
  n = journey_scene_get_n_nodes (scene);

  /* The layout follows the target's transformation. */
  pango_cairo_update_context (cr, self->context);
  pango_layout_context_changed (self->layout);

  cairo_save (cr);
  for (guint i = 0; i < n;)
    {
      const JourneySceneNode *node = &nodes[i];

      if (clip != NULL && node->kind != JOURNEY_SCENE_GROUP_END && !journey_rect_intersects (&node->bounds, clip))
        {
          i += node->kind == JOURNEY_SCENE_GROUP_BEGIN ? node->group.size : 1;
          continue;
        }
      if (node->kind != JOURNEY_SCENE_GROUP_BEGIN && node->kind != JOURNEY_SCENE_GROUP_END)
        {
          journey_painter_draw_node (self, scene, cr, node);
          drawn++;
        }
      i++;
    }
  cairo_restore (cr);

  return drawn;
}
