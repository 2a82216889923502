/* journey-raster.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-raster"

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <png.h>

#include <glib/gi18n-lib.h>

#include "journey-export.h"
#include "journey-painter.h"
#include "journey-raster.h"

/* PDF viewers refuse pages larger than 200 inches (14 400 pt). */
#define MAX_PDF_SIDE 14400.0

static void
png_write_to_byte_array (png_structp  png,
                         png_bytep    data,
                         png_size_t   length)
{
  g_byte_array_append (png_get_io_ptr (png), data, (guint) length);
}

static void
png_flush_nothing (png_structp png)
{
}

/* Rows drawn at a time: a band of the image stays in the processor's
 * caches between drawing and encoding, and a PNG of any size needs only a
 * few bands of memory. */
#define BAND_ROWS 128
#define N_BANDS   3

typedef struct
{
  cairo_surface_t *surface;
  int              top;
  int              rows;   /* 0: the last band was drawn; -1: drawing failed */
} Band;

/* The drawing half of a PNG export: a thread of its own draws bands while
 * the caller encodes the ones before. */
typedef struct
{
  JourneyScene *scene;
  double        scale;
  int           width;
  int           height;
  GAsyncQueue  *empty;     /* bands to draw into */
  GAsyncQueue  *drawn;     /* bands to encode, in order */
  gint          cancelled;
} BandDrawer;

static gpointer
draw_bands (gpointer data)
{
  BandDrawer *d = data;
  g_autoptr(JourneyPainter) painter = journey_painter_new ();

  for (int top = 0; top < d->height; top += BAND_ROWS)
    {
      Band *band = g_async_queue_pop (d->empty);
      JourneyRect clip;
      cairo_t *cr;

      if (g_atomic_int_get (&d->cancelled))
        {
          band->rows = 0;
          g_async_queue_push (d->drawn, band);
          return NULL;
        }

      band->top = top;
      band->rows = MIN (BAND_ROWS, d->height - top);
      clip = (JourneyRect) { 0, top / d->scale, d->width / d->scale, band->rows / d->scale };

      /* The scene's background is opaque white paper, drawn in every band:
       * the map is made for slides, and an opaque image looks the same in
       * every viewer. */
      cr = cairo_create (band->surface);
      cairo_rectangle (cr, 0, 0, d->width, band->rows);
      cairo_clip (cr);
      cairo_translate (cr, 0, -top);
      cairo_scale (cr, d->scale, d->scale);
      journey_painter_draw (painter, d->scene, cr, &clip);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        band->rows = -1;
      cairo_destroy (cr);
      cairo_surface_flush (band->surface);

      g_async_queue_push (d->drawn, band);
      if (band->rows < 0)
        return NULL;
    }

  {
    Band *band = g_async_queue_pop (d->empty);

    band->rows = 0;
    g_async_queue_push (d->drawn, band);
  }
  return NULL;
}

/* Encodes the bands @drawer draws, in order, as rows of an 8-bit RGB PNG.
 * A map is mostly flat colour: with the "up" filter (most rows repeat the
 * one above) the fastest deflate level packs it about as small as cairo's
 * encoder does at its default level, in a third of the time
 * (tests/export/bench-export). */
static gboolean
encode_bands (BandDrawer *d,
              GByteArray *out,
              guint8     *row,
              gboolean   *finished)
{
  png_structp png;
  png_infop info = NULL;
  volatile gboolean ok = FALSE;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png != NULL)
    info = png_create_info_struct (png);
  if (png == NULL || info == NULL)
    goto out;
  if (setjmp (png_jmpbuf (png)))
    goto out;

  png_set_write_fn (png, out, png_write_to_byte_array, png_flush_nothing);
  png_set_IHDR (png, info, (png_uint_32) d->width, (png_uint_32) d->height, 8, PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, 1);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_write_info (png, info);

  for (;;)
    {
      Band *band = g_async_queue_pop (d->drawn);
      int stride = cairo_image_surface_get_stride (band->surface);
      const guint8 *data = cairo_image_surface_get_data (band->surface);
      int rows = band->rows;

      for (int y = 0; y < rows; y++)
        {
          const guint32 *pixels = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);

          for (int x = 0; x < d->width; x++)
            {
              row[3 * x] = (pixels[x] >> 16) & 0xff;
              row[3 * x + 1] = (pixels[x] >> 8) & 0xff;
              row[3 * x + 2] = pixels[x] & 0xff;
            }
          png_write_row (png, row);
        }
      cairo_surface_mark_dirty (band->surface);
      g_async_queue_push (d->empty, band);
      if (rows <= 0)
        {
          *finished = TRUE;
          if (rows == 0)
            png_write_end (png, info);
          ok = rows == 0;
          break;
        }
    }

out:
  png_destroy_write_struct (&png, &info);
  return ok;
}

/* Draws @scene at @scale into a @width × @height PNG. */
static gboolean
draw_png (JourneyScene *scene,
          double        scale,
          int           width,
          int           height,
          GByteArray   *out)
{
  BandDrawer d = { scene, scale, width, height, g_async_queue_new (), g_async_queue_new (), 0 };
  g_autofree guint8 *row = g_malloc ((gsize) width * 3);
  Band bands[N_BANDS];
  gboolean ok = TRUE, finished = FALSE;
  GThread *thread;

  for (guint i = 0; i < N_BANDS; i++)
    {
      bands[i].surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, BAND_ROWS);
      ok = ok && cairo_surface_status (bands[i].surface) == CAIRO_STATUS_SUCCESS;
      g_async_queue_push (d.empty, &bands[i]);
    }

  if (ok)
    {
      thread = g_thread_new ("journeys-png", draw_bands, &d);
      ok = encode_bands (&d, out, row, &finished);
      if (!finished)
        {
          /* Let the drawing thread finish: it stops at its next band. */
          g_atomic_int_set (&d.cancelled, 1);
          for (;;)
            {
              Band *band = g_async_queue_pop (d.drawn);
              int rows = band->rows;

              g_async_queue_push (d.empty, band);
              if (rows <= 0)
                break;
            }
        }
      g_thread_join (thread);
    }

  for (guint i = 0; i < N_BANDS; i++)
    cairo_surface_destroy (bands[i].surface);
  g_async_queue_unref (d.empty);
  g_async_queue_unref (d.drawn);
  return ok;
}

static cairo_status_t
write_to_byte_array (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws @scene onto @surface at @scale. */
static gboolean
draw (cairo_surface_t  *surface,
      JourneyScene     *scene,
      double            scale,
      GError          **error)
{
  g_autoptr(JourneyPainter) painter = journey_painter_new ();
  cairo_status_t status;
  cairo_t *cr;

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  journey_painter_draw (painter, scene, cr, NULL);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED,
                   _("Could not draw the map: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

double
journey_raster_clamp_scale (double width,
                            double height,
                            double scale)
{
  if (!isfinite (scale) || scale <= 0)
    scale = 1;
  scale = MIN (scale, 16);
  if (width <= 0 || height <= 0)
    return scale;

  scale = MIN (scale, JOURNEY_RASTER_MAX_SIDE / width);
  scale = MIN (scale, JOURNEY_RASTER_MAX_SIDE / height);
  scale = MIN (scale, sqrt (JOURNEY_RASTER_MAX_PIXELS / (width * height)));
  return scale;
}

GBytes *
journey_raster_png (JourneyScene  *scene,
                    double         scale,
                    GError       **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  double width, height;
  int pw, ph;

  g_return_val_if_fail (scene != NULL, NULL);

  width = journey_scene_get_width (scene);
  height = journey_scene_get_height (scene);
  scale = journey_raster_clamp_scale (width, height, scale);
  pw = MAX (1, (int) ceil (width * scale));
  ph = MAX (1, (int) ceil (height * scale));

  bytes = g_byte_array_sized_new ((guint) MIN ((gsize) pw * ph / 8, 64 * 1024 * 1024));
  if (!draw_png (scene, scale, pw, ph, bytes))
    {
      g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED,
                   _("Could not draw a %d × %d image of the map"), pw, ph);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
journey_raster_pdf (JourneyScene  *scene,
                    GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  double pt_w, pt_h, scale;

  g_return_val_if_fail (scene != NULL, NULL);

  /* CSS pixels are 1/96 inch, points 1/72. */
  scale = 0.75;
  pt_w = MAX (1, journey_scene_get_width (scene) * scale);
  pt_h = MAX (1, journey_scene_get_height (scene) * scale);
  scale *= MIN (1.0, MIN (MAX_PDF_SIDE / pt_w, MAX_PDF_SIDE / pt_h));
  pt_w = MAX (1, journey_scene_get_width (scene) * scale);
  pt_h = MAX (1, journey_scene_get_height (scene) * scale);

  surface = cairo_pdf_surface_create_for_stream (write_to_byte_array, bytes, pt_w, pt_h);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);

  if (!draw (surface, scene, scale, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
