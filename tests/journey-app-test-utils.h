/* journey-app-test-utils.h: what the tests of the application around the
 * map share (test-app, test-app-export, test-app-view): the program's
 * application, a window on an example, widgets and dialogs found in it,
 * and its screenshots.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "journey-application.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"
#include "journey-window.h"


static inline JourneyWindow *
open_example (const char *name)
{
  g_autofree char *dir = test_examples_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return test_open_window (test_app, path);
}

/* The @n-th widget of @type under @widget, depth first. */
static inline GtkWidget *
find_nth_widget (GtkWidget *widget,
                 GType      type,
                 guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (*n == 0)
        return widget;
      (*n)--;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth_widget (child, type, n);
      if (found)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
nth_widget (GtkWidget *widget,
            GType      type,
            guint      n)
{
  return find_nth_widget (widget, type, &n);
}

/* Saves a picture of @window as NAME.png in $JOURNEYS_SCREENSHOT_DIR. */
static inline void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("JOURNEYS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_name = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  test_run_for (600);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strdup_printf ("%s%s.png", name, g_getenv ("ADW_DEBUG_COLOR_SCHEME") ? "-dark" : "");
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The toplevel of @type transient for @parent, or NULL. */
static inline GtkWindow *
find_dialog (GtkWindow *parent,
             GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}
