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

/* Encodes an RGB24 image surface as an 8-bit RGB PNG.  A map is mostly
 * flat colour: with the "up" filter (most rows repeat the one above) the
 * fastest deflate level packs it about as small as cairo's encoder does
 * at its default level, in a third of the time (tests/export/bench-export). */
static gboolean
encode_png (cairo_surface_t *surface,
            GByteArray      *out)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  png_structp png;
  png_infop info;
  guint8 *volatile row = NULL;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png == NULL)
    return FALSE;
  info = png_create_info_struct (png);
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_free (row);
      return FALSE;
    }

  png_set_write_fn (png, out, png_write_to_byte_array, png_flush_nothing);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8, PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, 1);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_write_info (png, info);

  row = g_malloc ((gsize) width * 3);
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          row[3 * x] = (pixels[x] >> 16) & 0xff;
          row[3 * x + 1] = (pixels[x] >> 8) & 0xff;
          row[3 * x + 2] = pixels[x] & 0xff;
        }
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  g_free (row);
  return TRUE;
}

static cairo_status_t
write_to_byte_array (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws @scene onto @surface at @scale.  The scene's background is opaque
 * white paper: the map is made for slides, and an opaque image looks the
 * same in every viewer. */
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
  cairo_surface_t *surface;
  double width, height;
  gboolean ok;
  int pw, ph;

  g_return_val_if_fail (scene != NULL, NULL);

  width = journey_scene_get_width (scene);
  height = journey_scene_get_height (scene);
  scale = journey_raster_clamp_scale (width, height, scale);
  pw = MAX (1, (int) ceil (width * scale));
  ph = MAX (1, (int) ceil (height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED,
                   _("Could not make a %d × %d image: %s"), pw, ph,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  if (!draw (surface, scene, scale, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);

  bytes = g_byte_array_sized_new ((guint) MIN ((gsize) pw * ph / 8, 64 * 1024 * 1024));
  ok = encode_png (surface, bytes);
  cairo_surface_destroy (surface);

  if (!ok)
    {
      g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED,
                   _("Could not encode the PNG"));
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
