/* journey-window-test-utils.h: what the tests of whole windows share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "journey-application.h"
#include "journey-test-utils.h"
#include "journey-window.h"

/* The application of a test program, registered but not shared over
 * D-Bus: each test program has its own. */
static inline JourneyApplication *
test_app_new (void)
{
  g_autoptr(GError) error = NULL;
  JourneyApplication *app = journey_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

/* The application of the test program: test_app_init () makes it. */
G_GNUC_UNUSED static JourneyApplication *test_app;

/* What every window test program's main () does first: GTK and
 * libadwaita set up, the app's own icons found for screenshots, and
 * test_app made. */
static inline void
test_app_init (int    *argc,
               char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  if (g_getenv ("JOURNEYS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *icons = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", NULL);

      gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icons);
    }
  test_app = test_app_new ();
}

/* The tests run, and test_app gone. */
static inline int
test_app_run (void)
{
  int status = g_test_run ();

  g_clear_object (&test_app);
  return status;
}

/* Runs the main loop until @window's document has finished loading or
 * saving, and what it queued is done. */
static inline void
test_wait_for_document (JourneyWindow *window)
{
  JourneyDocument *document = journey_window_get_document (window);

  while (journey_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A window of @app on the file @path, shown, its document loaded. */
static inline JourneyWindow *
test_open_window (JourneyApplication *app,
                  const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneyWindow *window = journey_window_new (app);

  journey_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_document (window);
  g_assert_nonnull (journey_window_get_project (window));
  return window;
}

/* Presses @keyval with @modifiers through @widget's own key bindings (its
 * shortcut controllers), then lets the frames it queued be drawn. */
static inline void
test_press_key (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut));
              test_iterate_frames ();
              return;
            }
        }
    }
  g_error ("no binding for %s", gtk_accelerator_name (keyval, modifiers));
}

/* The first widget of @type in @widget, depth first (@widget itself
 * too). */
static inline GtkWidget *
test_find_widget (GtkWidget *widget,
                  GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button in @widget that activates @action. */
static inline GtkWidget *
test_find_button_for_action (GtkWidget  *widget,
                             const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_button_for_action (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button under @widget whose label is @label (with its mnemonic). */
static inline GtkWidget *
test_find_button (GtkWidget  *widget,
                  const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A click on @button, at once (activating a button clicks it after a
 * moment), as a person can: it must be there and sensitive. */
static inline void
test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The message dialog on screen, if any. */
static inline AdwMessageDialog *
test_find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The first label under @widget (itself too), depth first, that reads
 * @text, or (@prefix) begins with it. */
static inline GtkWidget *
test_find_label (GtkWidget  *widget,
                 const char *text,
                 gboolean    prefix)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));

      if (prefix ? g_str_has_prefix (label, text) : g_str_equal (label, text))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_label (child, text, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}
