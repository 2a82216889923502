/* journey-qr-view.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* JourneyQrView: a QR code, black on white in light and dark alike (what
 * readers expect), with its quiet zone. */

#define JOURNEY_TYPE_QR_VIEW (journey_qr_view_get_type ())
G_DECLARE_FINAL_TYPE (JourneyQrView, journey_qr_view, JOURNEY, QR_VIEW, GtkWidget)

GtkWidget *journey_qr_view_new (const char *text,
                                int         min_size,
                                int         natural_size);

G_END_DECLS
