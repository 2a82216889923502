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

/* Fills and strokes the current path; its dashes start @dash_offset into
 * their pattern. */
static void
fill_and_stroke_from (cairo_t            *cr,
                      const JourneyPaint *paint,
                      gboolean            closed,
                      double              dash_offset)
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
      cairo_set_dash (cr, paint->dash, paint->n_dash, dash_offset);
      cairo_set_line_cap (cr, paint->round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      cairo_set_line_join (cr, paint->round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
      cairo_stroke (cr);
    }

  cairo_new_path (cr);
}

static void
fill_and_stroke (cairo_t            *cr,
                 const JourneyPaint *paint,
                 gboolean            closed)
{
  fill_and_stroke_from (cr, paint, closed, 0);
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
append_op (cairo_t             *cr,
           const JourneyPathOp *op)
{
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
      break;
    }
}

/* Where a line or curve op ends. */
static JourneyPoint
op_end (const JourneyPathOp *op)
{
  return op->op == JOURNEY_PATH_CURVE ? op->p[2] : op->p[0];
}

/* The length of the ops of @node from @first to before @end, starting at
 * @from, as cairo's dashes measure it: along the path flattened on @cr. */
static double
flat_length (cairo_t                *cr,
             const JourneySceneNode *node,
             JourneyPoint            from,
             guint                   first,
             guint                   end)
{
  cairo_path_t *flat;
  double length = 0, x = from.x, y = from.y;

  if (first >= end)
    return 0;

  cairo_new_path (cr);
  cairo_move_to (cr, from.x, from.y);
  for (guint i = first; i < end; i++)
    append_op (cr, &node->path.ops[i]);
  flat = cairo_copy_path_flat (cr);
  cairo_new_path (cr);

  for (int d = 0; d < flat->num_data; d += flat->data[d].header.length)
    {
      const cairo_path_data_t *data = &flat->data[d];

      if (data->header.type == CAIRO_PATH_LINE_TO)
        length += hypot (data[1].point.x - x, data[1].point.y - y);
      if (data->header.type == CAIRO_PATH_MOVE_TO || data->header.type == CAIRO_PATH_LINE_TO)
        {
          x = data[1].point.x;
          y = data[1].point.y;
        }
    }
  cairo_path_destroy (flat);
  return length;
}

/* Whether a line or curve op from @from comes within @margin of @clip
 * (a curve lies inside the hull of its points). */
static gboolean
op_meets (JourneyPoint         from,
          const JourneyPathOp *op,
          const JourneyRect   *clip,
          double               margin)
{
  double x0 = from.x, x1 = from.x, y0 = from.y, y1 = from.y;
  guint n = op->op == JOURNEY_PATH_CURVE ? 3 : 1;

  for (guint k = 0; k < n; k++)
    {
      x0 = MIN (x0, op->p[k].x);
      x1 = MAX (x1, op->p[k].x);
      y0 = MIN (y0, op->p[k].y);
      y1 = MAX (y1, op->p[k].y);
    }
  return x1 + margin >= clip->x && x0 - margin <= clip->x + clip->width
      && y1 + margin >= clip->y && y0 - margin <= clip->y + clip->height;
}

/* An open, unfilled path that only partly meets @clip: only its runs of
 * ops that meet it, each with its dashes where the whole path has them
 * (the ops before a run measured, not stroked). */
static void
stroke_path_in (cairo_t                *cr,
                const JourneySceneNode *node,
                const JourneyRect      *clip)
{
  const JourneyPaint *paint = &node->paint;
  double margin = 2 * paint->stroke_width + 1;
  JourneyPoint at = { 0, 0 }, measured_at = { 0, 0 };
  guint measured = 0;      /* the ops before it are in @length */
  double length = 0, run_offset = 0;
  gboolean in_run = FALSE;

  for (guint i = 0; i < node->path.n_ops; i++)
    {
      const JourneyPathOp *op = &node->path.ops[i];
      gboolean meets;

      if (op->op == JOURNEY_PATH_MOVE)
        {
          /* Dashes start again with each subpath. */
          if (in_run)
            fill_and_stroke_from (cr, paint, FALSE, run_offset);
          in_run = FALSE;
          at = measured_at = op->p[0];
          measured = i + 1;
          length = 0;
          continue;
        }

      meets = op_meets (at, op, clip, margin);
      if (meets && !in_run)
        {
          if (paint->n_dash > 0)
            length += flat_length (cr, node, measured_at, measured, i);
          measured = i;
          measured_at = at;
          run_offset = length;
          cairo_move_to (cr, at.x, at.y);
          in_run = TRUE;
        }
      else if (!meets && in_run)
        {
          fill_and_stroke_from (cr, paint, FALSE, run_offset);
          in_run = FALSE;
        }
      if (meets)
        append_op (cr, op);
      at = op_end (op);
    }
  if (in_run)
    fill_and_stroke_from (cr, paint, FALSE, run_offset);
  cairo_new_path (cr);
}

/* Dashes start afresh every ANCHOR_OPS ops of a subpath in a quick draw. */
#define ANCHOR_OPS JOURNEY_PAINTER_DASH_PIECE

/* An open, unfilled, dashed path that only partly meets @clip, quickly:
 * its pieces of ANCHOR_OPS ops that meet @clip, each stroked from its
 * start with the dashes starting afresh, so that any clip draws the same
 * pixels (tiles of a view meet exactly) and a change to an op changes
 * the dashes up to the end of its piece only. */
static void
stroke_path_anchored (cairo_t                *cr,
                      const JourneySceneNode *node,
                      const JourneyRect      *clip)
{
  const JourneyPaint *paint = &node->paint;
  double margin = 2 * paint->stroke_width + 1;
  JourneyPoint at = { 0, 0 };
  guint i = 0;

  while (i < node->path.n_ops)
    {
      JourneyPoint start;
      guint first, end;
      gboolean meets = FALSE;

      if (node->path.ops[i].op == JOURNEY_PATH_MOVE)
        {
          at = node->path.ops[i].p[0];
          i++;
          continue;
        }

      /* A piece: up to ANCHOR_OPS ops, or to the next subpath. */
      start = at;
      first = i;
      for (end = i; end < node->path.n_ops && end - first < ANCHOR_OPS
                    && node->path.ops[end].op != JOURNEY_PATH_MOVE; end++)
        {
          meets = meets || op_meets (at, &node->path.ops[end], clip, margin);
          at = op_end (&node->path.ops[end]);
        }
      i = end;
      if (!meets)
        continue;

      cairo_move_to (cr, start.x, start.y);
      for (guint k = first; k < end; k++)
        append_op (cr, &node->path.ops[k]);
      fill_and_stroke_from (cr, paint, FALSE, 0);
    }
  cairo_new_path (cr);
}

static void
draw_path (cairo_t                *cr,
           const JourneySceneNode *node,
           const JourneyRect      *clip,
           gboolean                exact)
{
  gboolean closed = FALSE;

  for (guint i = 0; i < node->path.n_ops; i++)
    closed = closed || node->path.ops[i].op == JOURNEY_PATH_CLOSE;

  /* A long curve, of which a frame or a band shows a little. */
  if (clip != NULL && !closed && !node->paint.has_fill && node->path.n_ops > 8)
    {
      if (exact || node->paint.n_dash == 0)
        stroke_path_in (cr, node, clip);
      else
        stroke_path_anchored (cr, node, clip);
      return;
    }

  for (guint i = 0; i < node->path.n_ops; i++)
    append_op (cr, &node->path.ops[i]);
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

static void
draw_node (JourneyPainter         *self,
           JourneyScene           *scene,
           cairo_t                *cr,
           const JourneySceneNode *node,
           const JourneyRect      *clip,
           gboolean                exact)
{
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
      draw_path (cr, node, clip, exact);
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

void
journey_painter_draw_node (JourneyPainter         *self,
                           JourneyScene           *scene,
                           cairo_t                *cr,
                           const JourneySceneNode *node,
                           const JourneyRect      *clip)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node != NULL);

  draw_node (self, scene, cr, node, clip, FALSE);
}

typedef struct
{
  JourneyPainter    *painter;
  JourneyScene      *scene;
  cairo_t           *cr;
  const JourneyRect *clip;
  guint              drawn;
} DrawClosure;

static void
draw_one (const JourneySceneNode *node,
          gpointer                data)
{
  DrawClosure *closure = data;

  /* Bands and tiles of one picture: their dashes meet where they join. */
  draw_node (closure->painter, closure->scene, closure->cr, node, closure->clip, TRUE);
  closure->drawn++;
}

guint
journey_painter_draw (JourneyPainter    *self,
                      JourneyScene      *scene,
                      cairo_t           *cr,
                      const JourneyRect *clip)
{
  DrawClosure closure = { self, scene, cr, clip, 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (scene != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  /* The layout follows the target's transformation. */
  pango_cairo_update_context (cr, self->context);
  pango_layout_context_changed (self->layout);

  cairo_save (cr);
  journey_scene_foreach_in (scene, clip, draw_one, &closure);
  cairo_restore (cr);

  return closure.drawn;
}
