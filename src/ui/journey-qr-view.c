/* journey-qr-view.c: a QR code drawn as rectangles: whole pixels per
 * module, sharp at any size (GTK 4.8 cannot scale a texture without
 * blurring it).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <glib/gi18n.h>

#include "journey-qr-view.h"
#include "journey-session-qr.h"

#define QR_QUIET 4

struct _JourneyQrView
{
  GtkWidget  parent_instance;
  GBytes    *modules;
  guint      width;
  int        min_size;
  int        natural_size;
};

G_DEFINE_FINAL_TYPE (JourneyQrView, journey_qr_view, GTK_TYPE_WIDGET)

static void
journey_qr_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  JourneyQrView *self = JOURNEY_QR_VIEW (widget);
  const GdkRGBA white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  const guint8 *m;
  guint total;
  int module, side, x0, y0;

  if (self->modules == NULL)
    return;
  total = self->width + 2 * QR_QUIET;
  /* Whole pixels per module: sharp edges at any size. */
  module = MAX (1, MIN (w, h) / (int) total);
  side = module * (int) total;
  x0 = (w - side) / 2;
  y0 = (h - side) / 2;
  m = g_bytes_get_data (self->modules, NULL);

  /* Black on white in dark mode too: that is what readers expect. */
  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (x0, y0, side, side));
  for (guint y = 0; y < self->width; y++)
    for (guint x = 0; x < self->width; x++)
      if (m[y * self->width + x])
        gtk_snapshot_append_color (snapshot, &black,
                                   &GRAPHENE_RECT_INIT (x0 + (x + QR_QUIET) * module, y0 + (y + QR_QUIET) * module,
                                                        module, module));
}

static void
journey_qr_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  JourneyQrView *self = JOURNEY_QR_VIEW (widget);
  guint total = self->width + 2 * QR_QUIET;

  /* At least two pixels a module, that a phone reads it. */
  *minimum = self->modules ? MAX (self->min_size, (int) total * 2) : self->min_size;
  *natural = MAX (*minimum, self->natural_size);
}

static void
journey_qr_view_finalize (GObject *object)
{
  g_clear_pointer (&JOURNEY_QR_VIEW (object)->modules, g_bytes_unref);
  G_OBJECT_CLASS (journey_qr_view_parent_class)->finalize (object);
}

static void
journey_qr_view_class_init (JourneyQrViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = journey_qr_view_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = journey_qr_view_snapshot;
  GTK_WIDGET_CLASS (klass)->measure = journey_qr_view_measure;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
journey_qr_view_init (JourneyQrView *self)
{
  self->min_size = 160;
  self->natural_size = 360;
}

/**
 * journey_qr_view_new:
 * @text: what the code holds (an address)
 * @min_size: its least width and height, in pixels
 * @natural_size: the size it asks for
 *
 * Returns: (transfer floating): a QR code of @text, black on white
 */
GtkWidget *
journey_qr_view_new (const char *text,
                     int         min_size,
                     int         natural_size)
{
  JourneyQrView *self = g_object_new (JOURNEY_TYPE_QR_VIEW, NULL);

  g_return_val_if_fail (text != NULL, NULL);

  self->modules = journey_session_qr_new (text, &self->width);
  self->min_size = min_size;
  self->natural_size = natural_size;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QR code of the address"), -1);
  return GTK_WIDGET (self);
}

