/* journey-session-qr.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The QR code of @text (libqrencode, error correction M): @width × @width
 * modules, row by row, 1 for a dark module; a quiet zone of 4 modules is
 * the drawer's.  The window draws each dark module as a rectangle, sharp at
 * any size.  NULL when @text does not fit a QR code. */
GBytes *journey_session_qr_new (const char *text,
                                guint      *width);

G_END_DECLS
