/* test-i18n.c: the application and the command line in German.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "journey-application.h"
#include "journey-layout.h"
#include "journey-test-utils.h"
#include "journey-start-page.h"
#include "journey-window-test-utils.h"
#include "journey-window.h"

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);
      if (found)
        return found;
    }
  return NULL;
}

/* journeys --help speaks German. */
static void
test_cli_help (void)
{
  const char *argv[] = { g_getenv ("JOURNEYS_BIN"), "--help", NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  env = g_environ_setenv (env, "LANGUAGE", "de", TRUE);
  env = g_environ_setenv (env, "JOURNEYS_LOCALEDIR", JOURNEYS_BUILD_LOCALEDIR, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Customer Journeys kartieren: DATEIen in Fenstern öffnen oder sie prüfen und exportieren."));
  g_assert_nonnull (strstr (out, "DATEI und die DATEIen danach prüfen und ihre Probleme ausgeben"));
  g_assert_nonnull (strstr (out, "Beispiel: journeys --export karte.svg hotel.journey"));
  g_assert_null (strstr (out, "Check FILE"));
}

/* The window, its start page and its menu speak German. */
static void
test_window (void)
{
  JourneyApplication *app = JOURNEY_APPLICATION (g_application_get_default ());
  JourneyWindow *window = journey_window_new (app);
  GMenuModel *menu;
  char *label = NULL;

  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_nonnull (test_find_label (GTK_WIDGET (window), "Eine Customer Journey kartieren", FALSE));
  g_assert_nonnull (test_find_label (GTK_WIDGET (window), "Neue Karte", FALSE));
  g_assert_null (test_find_label (GTK_WIDGET (window), "Map a Customer Journey", FALSE));

  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find_primary_menu_button (GTK_WIDGET (window))));
  g_assert_nonnull (menu);
  {
    g_autoptr(GMenuModel) first = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);

    g_assert_true (g_menu_model_get_item_attribute (first, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "_Neues Fenster");
    g_free (label);
  }

  /* Plural forms. */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", 3), ==, "%u Probleme");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A lane's kind, long in German, is on the map whole: on two lines,
 * not cut short. */
static void
test_lane_caption (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("JOURNEYS_EXAMPLES_DIR"), "hotel.journey", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JourneyProject) project = NULL;
  JourneyLayout *layout;
  gboolean found = FALSE;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  project = test_load_string (text);
  layout = journey_layout_new (test_first_map (project), project, NULL);
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      JourneyTextBlock *caption = &layout->lanes[l].caption;
      g_autofree char *joined = g_strjoinv (" ", caption->lines);

      if (!g_str_equal (joined, "Handlungen der Kundschaft"))
        continue;
      found = TRUE;
      g_assert_false (caption->truncated);
      g_assert_cmpuint (caption->n_lines, ==, 2);
    }
  g_assert_true (found);
  journey_layout_free (layout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JourneyApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, JOURNEYS_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = journey_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_set_default (G_APPLICATION (app));

  g_test_add_func ("/i18n/cli-help", test_cli_help);
  g_test_add_func ("/i18n/window", test_window);
  g_test_add_func ("/i18n/lane-caption", test_lane_caption);

  status = g_test_run ();
  return status;
}
