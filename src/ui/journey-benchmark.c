/* journey-benchmark.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-benchmark"

#include "config.h"

#include <stdio.h>

#include "journey-benchmark.h"

gboolean
journey_benchmark_enabled (void)
{
  return g_getenv ("JOURNEYS_BENCHMARK_FIRST_FRAME") != NULL;
}

static void
on_after_paint (GdkFrameClock *clock,
                JourneyWindow *window)
{
  JourneyCanvas *canvas = journey_window_get_canvas (window);
  GApplication *app;

  /* The first frame that has the map in it. */
  if (journey_window_get_map (window) == NULL || !gtk_widget_get_mapped (GTK_WIDGET (canvas)))
    return;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  fputs ("first-frame\n", stdout);
  fflush (stdout);
  app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  if (app != NULL)
    g_application_quit (app);
}

static void
on_realize (JourneyWindow *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                           G_CALLBACK (on_after_paint), window, 0);
}

void
journey_benchmark_watch (JourneyWindow *window)
{
  g_return_if_fail (JOURNEY_IS_WINDOW (window));

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (window);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}
