/* journey-canvas-tiles.c: the long curves of a map in tiles kept between
 * frames, so that a frame draws again only the part of a curve that
 * changed or came into view.
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

/* Tiles are columns of the map this many device pixels wide, as tall as
 * the curve. */
#define TILE_WIDTH 256
#define MAX_TILE_HEIGHT 8192
/* Tiles kept beyond the view on either side. */
#define KEPT_COLUMNS 4

struct _JourneyCurveTiles
{
  JourneySceneRole  role;
  char             *variant;
  double            scale;
  double            top;        /* device pixels */
  int               height;
  JourneyPaint      paint;
  JourneyPathOp    *ops;        /* what the tiles show */
  guint             n_ops;
  GHashTable       *tiles;      /* column → GdkTexture */
};

static void
curve_tiles_free (JourneyCurveTiles *self)
{
  g_free (self->variant);
  g_free (self->ops);
  g_hash_table_unref (self->tiles);
  g_free (self);
}

GPtrArray *
journey_canvas_tiles_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) curve_tiles_free);
}

/* The tiles of the curve @node is, made when first asked. */
static JourneyCurveTiles *
find_tiles (JourneyCanvas          *self,
            const JourneySceneNode *node)
{
  JourneyCurveTiles *tiles;

  for (guint i = 0; i < self->curve_tiles->len; i++)
    {
      tiles = g_ptr_array_index (self->curve_tiles, i);
      if (tiles->role == node->role && g_strcmp0 (tiles->variant, node->variant) == 0)
        return tiles;
    }

  tiles = g_new0 (JourneyCurveTiles, 1);
  tiles->role = node->role;
  tiles->variant = g_strdup (node->variant);
  tiles->tiles = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_ptr_array_add (self->curve_tiles, tiles);
  return tiles;
}

/* Grows [*x0, *x1] to the ops [first, end) of @ops, and the point before
 * them. */
static void
extend_over (const JourneyPathOp *ops,
             guint                first,
             guint                end,
             double              *x0,
             double              *x1)
{
  for (guint i = first > 0 ? first - 1 : 0; i < end; i++)
    for (guint k = 0; k < (ops[i].op == JOURNEY_PATH_CURVE ? 3u : 1u); k++)
      {
        *x0 = MIN (*x0, ops[i].p[k].x);
        *x1 = MAX (*x1, ops[i].p[k].x);
      }
}

/* Forgets the tiles that the change from the ops the tiles show to those
 * of @node touches: the ops that differ, and the dashes after them up to
 * the end of their piece (journey_painter_draw_node()). */
static void
forget_changed (JourneyCurveTiles      *tiles,
                const JourneySceneNode *node)
{
  const JourneyPathOp *ops = node->path.ops;
  guint n = node->path.n_ops;
  guint first = n, last = 0, end;
  double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE;
  double margin = 2 * node->paint.stroke_width + 1;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < n; i++)
    if (memcmp (&ops[i], &tiles->ops[i], sizeof *ops) != 0)
      {
        first = MIN (first, i);
        last = i;
      }
  if (first == n)
    return;

  end = MIN (n, last + 1 + (node->paint.n_dash > 0 ? JOURNEY_PAINTER_DASH_PIECE : 0));
  extend_over (ops, first, end, &x0, &x1);
  extend_over (tiles->ops, first, end, &x0, &x1);
  x0 = (x0 - margin) * tiles->scale;
  x1 = (x1 + margin) * tiles->scale;

  g_hash_table_iter_init (&iter, tiles->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      double left = GPOINTER_TO_INT (key) * (double) TILE_WIDTH;

      if (left <= x1 && left + TILE_WIDTH >= x0)
        g_hash_table_iter_remove (&iter);
    }
}

/* Column @column of @node, drawn by the painter. */
static GdkTexture *
draw_tile (JourneyCanvas          *self,
           JourneyCurveTiles      *tiles,
           const JourneySceneNode *node,
           int                     column)
{
  double scale = tiles->scale;
  JourneyRect area = { column * (double) TILE_WIDTH / scale, tiles->top / scale,
                       TILE_WIDTH / scale, tiles->height / scale };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_WIDTH, tiles->height);
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area.x, -area.y);
  journey_painter_draw_node (self->painter, self->scene, cr, node, &area);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * tiles->height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (TILE_WIDTH, tiles->height, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

/* Snapshots the long open curve @node from its tiles, drawing the tiles
 * in view that changed or were not drawn yet.  Returns FALSE when @node
 * is too tall for tiles. */
gboolean
journey_canvas_snapshot_tiles (JourneyCanvas          *self,
                               GtkSnapshot            *snapshot,
                               const JourneySceneNode *node)
{
  double scale = self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double top = floor (node->bounds.y * scale) - 2;
  int height = (int) ceil ((node->bounds.y + node->bounds.height) * scale) + 2 - (int) top;
  JourneyCurveTiles *tiles;
  int first, last;
  GHashTableIter iter;
  gpointer key;

  if (height > MAX_TILE_HEIGHT || height <= 0)
    return FALSE;

  tiles = find_tiles (self, node);
  if (tiles->scale != scale || tiles->top != top || tiles->height != height
      || tiles->n_ops != node->path.n_ops || memcmp (&tiles->paint, &node->paint, sizeof node->paint) != 0)
    {
      g_hash_table_remove_all (tiles->tiles);
      tiles->scale = scale;
      tiles->top = top;
      tiles->height = height;
      tiles->paint = node->paint;
    }
  else
    forget_changed (tiles, node);

  if (tiles->n_ops != node->path.n_ops)
    {
      g_free (tiles->ops);
      tiles->ops = g_new (JourneyPathOp, MAX (node->path.n_ops, 1));
      tiles->n_ops = node->path.n_ops;
    }
  memcpy (tiles->ops, node->path.ops, node->path.n_ops * sizeof (JourneyPathOp));

  /* The columns in view, of the curve. */
  first = (int) floor (MAX (self->visible.x, node->bounds.x) * scale / TILE_WIDTH);
  last = (int) floor (MIN (self->visible.x + self->visible.width, node->bounds.x + node->bounds.width)
                      * scale / TILE_WIDTH);

  for (int column = first; column <= last; column++)
    {
      GdkTexture *texture = g_hash_table_lookup (tiles->tiles, GINT_TO_POINTER (column));

      if (texture == NULL)
        {
          texture = draw_tile (self, tiles, node, column);
          g_hash_table_insert (tiles->tiles, GINT_TO_POINTER (column), texture);
        }
      gtk_snapshot_append_texture (snapshot, texture,
                                   &GRAPHENE_RECT_INIT (column * (double) TILE_WIDTH / scale, top / scale,
                                                        TILE_WIDTH / scale, height / scale));
    }

  /* Only the tiles near the view are kept. */
  g_hash_table_iter_init (&iter, tiles->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (GPOINTER_TO_INT (key) < first - KEPT_COLUMNS || GPOINTER_TO_INT (key) > last + KEPT_COLUMNS)
      g_hash_table_iter_remove (&iter);

  return TRUE;
}
