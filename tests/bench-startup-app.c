/* bench-startup-app.c: the application as `journeys FILE` runs it, which
 * prints "first-frame" on standard output once a window has drawn the map
 * of the journey it opened, and quits.  bench-startup.c times it; the
 * application itself ships no benchmark code.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "journey-application.h"
#include "journey-window.h"

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

/* Every window the application opens is watched from its realization. */
static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (!JOURNEY_IS_WINDOW (window))
    return;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (JOURNEY_WINDOW (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JourneyApplication) app = NULL;

  setlocale (LC_ALL, "");
  app = journey_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
