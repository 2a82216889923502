/* journey-raster.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <librsvg/rsvg.h>

#include <glib/gi18n-lib.h>

#include "journey-export.h"
#include "journey-raster.h"

/* librsvg 2.54 declares no autoptr for its handle. */
typedef RsvgHandle JourneyRsvgHandle;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneyRsvgHandle, g_object_unref)

/* PDF viewers refuse pages larger than 200 inches (14 400 pt). */
#define MAX_PDF_SIDE 14400.0

static cairo_status_t
write_to_byte_array (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static RsvgHandle *
load_svg (const char  *svg,
          gsize        length,
          GError     **error)
{
  RsvgHandle *handle;

  /* Our own SVG can be large (tens of thousands of elements): allow it;
   * it has no external references to protect against. */
  handle = rsvg_handle_new_from_data ((const guint8 *) svg, length, error);
  return handle;
}

static gboolean
render (RsvgHandle  *handle,
        cairo_t     *cr,
        double       width,
        double       height,
        GError     **error)
{
  RsvgRectangle viewport = { 0, 0, width, height };

  if (!rsvg_handle_render_document (handle, cr, &viewport, error))
    return FALSE;

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED,
                   _("Could not draw the map: %s"), cairo_status_to_string (cairo_status (cr)));
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
journey_raster_png (const char  *svg,
                    gsize        length,
                    double       width,
                    double       height,
                    double       scale,
                    GError     **error)
{
  g_autoptr(JourneyRsvgHandle) handle = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int pw, ph;

  g_return_val_if_fail (svg != NULL, NULL);

  handle = load_svg (svg, length, error);
  if (handle == NULL)
    return NULL;

  scale = journey_raster_clamp_scale (width, height, scale);
  pw = MAX (1, (int) ceil (width * scale));
  ph = MAX (1, (int) ceil (height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED,
                   _("Could not make a %d × %d image: %s"), pw, ph,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  /* Opaque white: the map is made for slides, and a PNG without alpha
   * looks the same in every viewer. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (!render (handle, cr, pw, ph, error))
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_byte_array_sized_new ((guint) MIN ((gsize) pw * ph / 4, 64 * 1024 * 1024));
  status = cairo_surface_write_to_png_stream (surface, write_to_byte_array, bytes);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED,
                   _("Could not encode the PNG: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
journey_raster_pdf (const char  *svg,
                    gsize        length,
                    double       width,
                    double       height,
                    GError     **error)
{
  g_autoptr(JourneyRsvgHandle) handle = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double pt_w, pt_h, fit;

  g_return_val_if_fail (svg != NULL, NULL);

  handle = load_svg (svg, length, error);
  if (handle == NULL)
    return NULL;

  /* CSS pixels are 1/96 inch, points 1/72. */
  pt_w = MAX (1, width * 0.75);
  pt_h = MAX (1, height * 0.75);
  fit = MIN (1.0, MIN (MAX_PDF_SIDE / pt_w, MAX_PDF_SIDE / pt_h));
  pt_w *= fit;
  pt_h *= fit;

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_to_byte_array, bytes, pt_w, pt_h);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  cr = cairo_create (surface);

  if (!render (handle, cr, pt_w, pt_h, error))
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_show_page (cr);
  cairo_destroy (cr);
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
