/* journey-session-qr.c: the QR code of a session's address.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <qrencode.h>

#include "journey-session-qr.h"

GBytes *
journey_session_qr_new (const char *text,
                        guint      *width)
{
  QRcode *code;
  guint8 *modules;
  gsize n;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (width != NULL, NULL);

  /* Capitals and digits of a URL would fit the alphanumeric mode only
   * if all were; 8-bit is what any reader takes. */
  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    return NULL;

  *width = (guint) code->width;
  n = (gsize) code->width * code->width;
  modules = g_malloc (n);
  for (gsize i = 0; i < n; i++)
    modules[i] = code->data[i] & 1;
  QRcode_free (code);
  return g_bytes_new_take (modules, n);
}
