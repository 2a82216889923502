/* test-app.c: the parts of the application around the map: preferences,
 * the menu, its shortcuts and About, the start page and templates, a
 * journey opened twice or from the recent ones, and the drafts that a
 * crashed session left.
 *
 * With JOURNEYS_SCREENSHOT_DIR set, each test also saves a picture of the
 * window or dialog it drives there.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <utime.h>

#include "journey-application.h"
#include "journey-autosave.h"
#include "journey-preferences.h"
#include "journey-inspector.h"
#include "journey-start-page.h"
#include "journey-app-test-utils.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"
#include "journey-window.h"
#include "journey-window-files.h"

/* -- Preferences ---------------------------------------------------------- */

static gboolean
setting_is (GSettings  *settings,
            const char *key,
            const char *value)
{
  g_autofree char *now = g_settings_get_string (settings, key);

  return g_str_equal (now, value);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.journeys.Journeys");
  JourneyWindow *window = open_example ("hotel.journey");
  GtkWidget *preferences;
  GtkSwitch *snap, *backup, *autosave;
  GtkSpinButton *step, *minutes;
  AdwComboRow *scale_row, *text_size_row;
  GListModel *names;

  g_settings_reset (settings, "default-scale");
  g_settings_reset (settings, "presentation-text-size");
  g_settings_reset (settings, "snap-to-grid");
  g_settings_reset (settings, "snap-step");
  g_settings_reset (settings, "make-backup");
  g_settings_reset (settings, "autosave-interval");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (test_app), "preferences"));
  preferences = journey_preferences_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  test_iterate ();

  snap = GTK_SWITCH (nth_widget (preferences, GTK_TYPE_SWITCH, 0));
  backup = GTK_SWITCH (nth_widget (preferences, GTK_TYPE_SWITCH, 1));
  autosave = GTK_SWITCH (nth_widget (preferences, GTK_TYPE_SWITCH, 2));
  step = GTK_SPIN_BUTTON (nth_widget (preferences, GTK_TYPE_SPIN_BUTTON, 0));
  minutes = GTK_SPIN_BUTTON (nth_widget (preferences, GTK_TYPE_SPIN_BUTTON, 1));
  scale_row = ADW_COMBO_ROW (nth_widget (preferences, ADW_TYPE_COMBO_ROW, 0));
  text_size_row = ADW_COMBO_ROW (nth_widget (preferences, ADW_TYPE_COMBO_ROW, 1));

  /* The rows show the settings... */
  g_assert_true (gtk_switch_get_active (snap));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (step), 0.25, 1e-9);
  g_assert_false (gtk_switch_get_active (backup));
  g_assert_true (gtk_switch_get_active (autosave));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (minutes), ==, 1);
  /* The scales the inspector offers, CSAT first and chosen. */
  names = adw_combo_row_get_model (scale_row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "CSAT, 1 to 5");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 3), ==, "NPS, 0 to 10");
  g_assert_cmpuint (adw_combo_row_get_selected (scale_row), ==, 0);
  names = adw_combo_row_get_model (text_size_row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Normal");
  g_assert_cmpuint (adw_combo_row_get_selected (text_size_row), ==, 0);
  screenshot (preferences, "preferences");

  /* ...and change them. */
  gtk_switch_set_active (snap, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "snap-to-grid"));
  gtk_spin_button_set_value (step, 0.5);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "snap-step"), 0.5, 1e-9);
  gtk_switch_set_active (backup, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "make-backup"));
  gtk_spin_button_set_value (minutes, 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 300);
  /* The document follows at once. */
  g_assert_cmpuint (journey_document_get_autosave_interval (journey_window_get_document (window)), ==, 300);
  gtk_switch_set_active (autosave, FALSE);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 0);
  gtk_switch_set_active (autosave, TRUE);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 300);

  adw_combo_row_set_selected (scale_row, 3);
  g_assert_true (setting_is (settings, "default-scale", "nps"));
  adw_combo_row_set_selected (text_size_row, 2);
  g_assert_true (setting_is (settings, "presentation-text-size", "huge"));

  /* A change made elsewhere shows. */
  g_settings_set_double (settings, "snap-step", 1.0);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (step), 1.0, 1e-9);
  g_settings_set_string (settings, "default-scale", "plus-minus");
  g_assert_cmpuint (adw_combo_row_get_selected (scale_row), ==, 1);
  g_settings_set_string (settings, "presentation-text-size", "large");
  g_assert_cmpuint (adw_combo_row_get_selected (text_size_row), ==, 1);

  g_settings_reset (settings, "snap-to-grid");
  g_settings_reset (settings, "snap-step");
  g_settings_reset (settings, "make-backup");
  g_settings_reset (settings, "autosave-interval");
  g_settings_reset (settings, "default-scale");
  g_settings_reset (settings, "presentation-text-size");
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* -- Menu, shortcuts, About ---------------------------------------------------- */

static gboolean
has_action (JourneyWindow *window,
            const char    *detailed)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  const char *name;
  const char *property;
  const GVariantType *type;
  GType owner;

  if (g_str_has_prefix (detailed, "app."))
    return g_action_group_has_action (G_ACTION_GROUP (test_app), detailed + 4);
  if (g_str_has_prefix (detailed, "win.") &&
      g_action_group_has_action (G_ACTION_GROUP (window), detailed + 4))
    return TRUE;
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    if (g_str_equal (name, detailed))
      return TRUE;
  return FALSE;
}

static void
collect_menu (GMenuModel *model,
              GPtrArray  *labels,
              GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      char *label = NULL;
      char *action = NULL;

      if (section != NULL)
        {
          collect_menu (section, labels, actions);
          continue;
        }
      g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_ptr_array_add (labels, label);
      g_ptr_array_add (actions, action);
    }
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *actions,
                   guint     *n_shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *action = NULL;
      char *accelerator = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &accelerator, NULL);
      /* Each row shows keys: an accelerator, or an action that has one. */
      g_assert_true (action != NULL || (accelerator != NULL && accelerator[0] != '\0'));
      if (action != NULL)
        g_ptr_array_add (actions, action);
      g_free (accelerator);
      (*n_shortcuts)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, actions, n_shortcuts);
}

/* The keys that the shortcuts window shows for @action. */
static char *
shown_keys (GtkWidget  *widget,
            const char *action)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *name = NULL;

      g_object_get (widget, "action-name", &name, NULL);
      if (g_strcmp0 (name, action) == 0)
        {
          GtkWidget *label = nth_widget (widget, GTK_TYPE_SHORTCUT_LABEL, 0);

          return label != NULL ? g_strdup (gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (label))) : NULL;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      char *keys = shown_keys (child, action);

      if (keys != NULL)
        return keys;
    }
  return NULL;
}

static void
test_menu_and_shortcuts (void)
{
  static const char *const hig_order[] = {
    "_New Window", "_Open…", "_Save", "Save _As…", "_Import Survey…", "_Compare With Evidence", "_Export…", "Copy as _Mermaid", "_Print…",
    "P_resent", "Start _Workshop Session…",
    "_Preferences", "_Keyboard Shortcuts", "_Help", "_About Journeys", NULL,
  };
  JourneyWindow *window = open_example ("hotel.journey");
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) shortcut_actions = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) with_accels = NULL;
  GtkShortcutsWindow *overlay;
  GtkMenuButton *menu_button = NULL;
  guint n_shortcuts = 0;

  /* The primary menu, in the order of the HIG, every item working. */
  for (guint n = 0; (menu_button = GTK_MENU_BUTTON (nth_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, n))); n++)
    if (gtk_menu_button_get_primary (menu_button))
      break;
  g_assert_nonnull (menu_button);
  collect_menu (gtk_menu_button_get_menu_model (menu_button), labels, actions);
  g_ptr_array_add (labels, NULL);
  g_assert_cmpstrv ((char **) labels->pdata, hig_order);
  for (guint i = 0; i < actions->len; i++)
    {
      if (!has_action (window, g_ptr_array_index (actions, i)))
        g_error ("menu item for %s: no such action", (char *) g_ptr_array_index (actions, i));
    }

  /* The shortcuts window names real actions, and every action that has
   * keys is in it. */
  overlay = GTK_SHORTCUTS_WINDOW (journey_window_get_shortcuts_window (window));
  g_assert_nonnull (overlay);
  collect_shortcuts (GTK_WIDGET (overlay), shortcut_actions, &n_shortcuts);
  g_assert_cmpuint (n_shortcuts, >=, 40);
  for (guint i = 0; i < shortcut_actions->len; i++)
    g_assert_true (has_action (window, g_ptr_array_index (shortcut_actions, i)));
  with_accels = gtk_application_list_action_descriptions (GTK_APPLICATION (test_app));
  for (guint i = 0; with_accels[i] != NULL; i++)
    {
      gboolean listed = FALSE;

      for (guint j = 0; j < shortcut_actions->len && !listed; j++)
        listed = g_str_equal (with_accels[i], g_ptr_array_index (shortcut_actions, j));
      /* Shortcuts lists itself by its keys. */
      if (!listed && !g_str_equal (with_accels[i], "win.show-help-overlay"))
        g_error ("%s has keys but is not in the shortcuts window", with_accels[i]);
    }
  /* Ctrl+? and the menu item show it, over the window. */
  {
    g_auto(GStrv) keys = gtk_application_get_accels_for_action (GTK_APPLICATION (test_app), "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char *const *) keys, "<Control>question"));
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_true (journey_window_get_shortcuts_window (window) == GTK_WINDOW (overlay));
  {
    g_autofree char *keys = shown_keys (GTK_WIDGET (overlay), "win.save");

    g_assert_cmpstr (keys, ==, "<Control>s");
  }
  /* Ctrl+0 shows the whole map, Ctrl+1 is 100 %. */
  {
    g_autofree char *fit = shown_keys (GTK_WIDGET (overlay), "win.zoom-fit");
    g_autofree char *actual = shown_keys (GTK_WIDGET (overlay), "win.zoom-reset");

    g_assert_true (g_str_has_prefix (fit, "<Control>0"));
    g_assert_true (g_str_has_prefix (actual, "<Control>1"));
  }
  screenshot (GTK_WIDGET (overlay), "shortcuts");
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);

  /* About names the website, the tracker and the translators. */
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "about", NULL);
  test_iterate ();
  {
    AdwAboutWindow *about = ADW_ABOUT_WINDOW (find_dialog (GTK_WINDOW (window), ADW_TYPE_ABOUT_WINDOW));

    g_assert_nonnull (about);
    g_assert_true (g_str_has_prefix (adw_about_window_get_website (about), "https://"));
    g_assert_true (g_str_has_prefix (adw_about_window_get_issue_url (about), "https://"));
    g_assert_nonnull (strstr (adw_about_window_get_copyright (about), "2026"));
    g_assert_nonnull (adw_about_window_get_translator_credits (about));
    screenshot (GTK_WIDGET (about), "about");
    gtk_window_destroy (GTK_WINDOW (about));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* -- Start page, templates, opening ----------------------------------------------- */

static guint
count_windows_with (GFile *file)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l; l = l->next)
    {
      GFile *open = journey_document_get_file (journey_window_get_document (l->data));

      if (open != NULL && g_file_equal (open, file))
        n++;
    }
  return n;
}

static void
test_start_page (void)
{
  JourneyWindow *window = journey_window_new (test_app);
  const char *const *templates = journey_start_page_get_templates ();
  JourneyStartPage *page;
  GtkStack *stack;
  guint n_template_rows = 0;

  gtk_window_present (GTK_WINDOW (window));
  test_run_for (100);
  page = JOURNEY_START_PAGE (test_find_widget (GTK_WIDGET (window), JOURNEY_TYPE_START_PAGE));
  g_assert_nonnull (page);
  stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_STACK));
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (page));
  /* A row for each template, and Open. */
  for (guint n = 0; ; n++)
    {
      GtkWidget *row = nth_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, n);

      if (row == NULL)
        break;
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), "win.new-from-template") == 0)
        n_template_rows++;
    }
  g_assert_cmpuint (n_template_rows, ==, g_strv_length ((char **) templates));
  g_assert_nonnull (test_find_button_for_action (GTK_WIDGET (page), "win.open"));
  screenshot (GTK_WIDGET (window), "start-page");

  /* Every template makes a valid, unsaved map. */
  for (guint i = 0; templates[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      JourneyWindow *made = journey_window_new_from_template (window, templates[i], &error);
      JourneyProject *project;

      g_assert_no_error (error);
      g_assert_nonnull (made);
      /* The empty window takes the first; the others get windows of
       * their own. */
      g_assert_true ((i == 0) == (made == window));
      project = journey_window_get_project (made);
      g_assert_nonnull (project);
      g_assert_cmpuint (journey_list_get_length (project->maps), >=, 1);
      g_assert_null (journey_document_get_file (journey_window_get_document (made)));
      g_assert_false (journey_document_get_dirty (journey_window_get_document (made)));

      if (g_str_equal (templates[i], "blueprint"))
        {
          JourneyMap *map = journey_list_peek (project->maps, 0);
          gboolean kinds[5] = { FALSE };

          for (guint l = 0; l < journey_list_get_length (map->lanes); l++)
            {
              JourneyLane *lane = journey_list_peek (map->lanes, l);

              g_assert_cmpint (lane->kind, <, 5);
              kinds[lane->kind] = TRUE;
            }
          for (guint k = 0; k < 5; k++)
            g_assert_true (kinds[k]);
        }
      if (made != window)
        gtk_window_destroy (GTK_WINDOW (made));
    }
  test_iterate ();

  /* The action does the same. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template", "s", "blank"));
  test_iterate ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (test_app))), ==, 2);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l; l = l->next)
    if (l->data != window)
      {
        gtk_window_destroy (l->data);
        break;
      }
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* New maps start on the scale the preferences choose; the examples keep
 * their own. */
static void
test_new_map_scale (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.journeys.Journeys");
  g_autoptr(GError) error = NULL;
  JourneyWindow *window = journey_window_new (test_app);
  JourneyWindow *made;
  JourneyMap *map;
  JourneyHistory *history;
  GtkWidget *inspector;
  guint steps;

  gtk_window_present (GTK_WINDOW (window));
  test_run_for (50);

  /* The default: CSAT, 1 to 5. */
  g_settings_reset (settings, "default-scale");
  made = journey_window_new_from_template (window, "blank", &error);
  g_assert_no_error (error);
  g_assert_true (made == window);
  map = journey_list_peek (journey_window_get_project (window)->maps, 0);
  g_assert_cmpint (map->scale->min, ==, 1);
  g_assert_cmpint (map->scale->max, ==, 5);
  g_assert_cmpstr (journey_scale_get_label (map->scale, 1), ==, "Very dissatisfied");

  /* −2 to +2 for a blank map... */
  g_settings_set_string (settings, "default-scale", "plus-minus");
  made = journey_window_new_from_template (window, "blank", &error);
  g_assert_no_error (error);
  g_assert_true (made != window);
  map = journey_list_peek (journey_window_get_project (made)->maps, 0);
  g_assert_cmpint (map->scale->min, ==, -2);
  g_assert_cmpint (map->scale->max, ==, 2);
  g_assert_cmpstr (journey_scale_get_label (map->scale, -2), ==, "Very negative");
  g_assert_cmpstr (journey_scale_get_label (map->scale, 2), ==, "Very positive");
  g_assert_false (journey_document_get_dirty (journey_window_get_document (made)));
  gtk_window_destroy (GTK_WINDOW (made));

  /* ...but an example keeps its scale (SaaS onboarding: NPS, 0 to 10). */
  made = journey_window_new_from_template (window, "saas-onboarding", &error);
  g_assert_no_error (error);
  map = journey_list_peek (journey_window_get_project (made)->maps, 0);
  g_assert_cmpint (map->scale->min, ==, 0);
  g_assert_cmpint (map->scale->max, ==, 10);
  gtk_window_destroy (GTK_WINDOW (made));
  made = journey_window_new_from_template (window, "hotel", &error);
  g_assert_no_error (error);
  map = journey_list_peek (journey_window_get_project (made)->maps, 0);
  g_assert_cmpint (map->scale->min, ==, 1);
  g_assert_cmpint (map->scale->max, ==, 5);

  /* A blank map added in the inspector: 1 to 7, in one undo step. */
  g_settings_set_string (settings, "default-scale", "seven");
  test_run_for (50);
  history = journey_window_get_history (made);
  steps = journey_history_get_n_steps (history);
  inspector = nth_widget (GTK_WIDGET (made), JOURNEY_TYPE_INSPECTOR, 0);
  g_assert_true (gtk_widget_activate_action (inspector, "inspector.add-map", "s", "blank"));
  test_iterate ();
  g_assert_cmpuint (journey_list_get_length (journey_window_get_project (made)->maps), ==, 2);
  map = journey_list_peek (journey_window_get_project (made)->maps, 1);
  g_assert_cmpint (map->scale->min, ==, 1);
  g_assert_cmpint (map->scale->max, ==, 7);
  g_assert_cmpstr (journey_scale_get_label (map->scale, 3), ==, "Somewhat dissatisfied");
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps + 1);
  g_assert_true (journey_history_undo (history));
  g_assert_cmpuint (journey_list_get_length (journey_window_get_project (made)->maps), ==, 1);
  journey_history_mark_clean (history);

  g_settings_reset (settings, "default-scale");
  gtk_window_destroy (GTK_WINDOW (made));
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

static void
test_open_twice_and_recent (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *examples = test_examples_dir ();
  g_autofree char *source = g_build_filename (examples, "hotel.journey", NULL);
  g_autofree char *path = g_build_filename (dir, "workshop.journey", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  JourneyWindow *first, *empty, *found;
  JourneyStartPage *page;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);

  g_application_open (G_APPLICATION (test_app), &file, 1, "");
  first = journey_application_find_window (test_app, file);
  g_assert_null (first);  /* still loading: the file is set when it is read */
  while (count_windows_with (file) == 0)
    g_main_context_iteration (NULL, TRUE);
  first = journey_application_find_window (test_app, file);
  g_assert_nonnull (first);
  test_wait_for_document (first);

  /* Again: the same window, no second one. */
  g_application_open (G_APPLICATION (test_app), &file, 1, "");
  test_iterate ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (test_app))), ==, 1);

  /* The journey is in the recent files: a new window's start page lists
   * it, and opening it from there shows the window it is open in. */
  test_run_for (100);
  empty = journey_window_new (test_app);
  gtk_window_present (GTK_WINDOW (empty));
  test_iterate ();
  page = JOURNEY_START_PAGE (test_find_widget (GTK_WIDGET (empty), JOURNEY_TYPE_START_PAGE));
  g_assert_cmpuint (journey_start_page_get_n_recent (page), ==, 1);
  screenshot (GTK_WIDGET (empty), "start-page-recent");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (empty), "win.open-recent", "s", uri));
  test_iterate ();
  g_assert_null (journey_window_get_project (empty));
  g_assert_cmpuint (count_windows_with (file), ==, 1);

  /* A journey dropped on the empty window opens there; other files are
   * left alone. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (empty));
    GtkDropTarget *target = NULL;
    g_autofree char *other = g_build_filename (dir, "other.journey", NULL);
    g_autofree char *picture = g_build_filename (dir, "picture.png", NULL);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);
    g_autoptr(GFile) picture_file = g_file_new_for_path (picture);
    g_auto(GValue) value = G_VALUE_INIT;
    GSList *list = NULL;
    gboolean accepted = FALSE;

    g_assert_true (g_file_set_contents (other, text, -1, NULL));
    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);

    list = g_slist_append (list, picture_file);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_false (accepted);
    g_value_unset (&value);

    list = g_slist_append (list, other_file);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);
    g_slist_free (list);
    test_wait_for_document (empty);
    found = journey_application_find_window (test_app, other_file);
    g_assert_true (found == empty);
  }

  gtk_window_destroy (GTK_WINDOW (empty));
  gtk_window_destroy (GTK_WINDOW (first));
  test_iterate ();
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
  test_tmpdir_remove (dir);
}

/* -- Drafts ------------------------------------------------------------------ */

static gboolean
window_has_label (JourneyWindow *window,
                  const char    *text)
{
  for (guint n = 0; ; n++)
    {
      GtkWidget *label = nth_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, n);

      if (label == NULL)
        return FALSE;
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
        return TRUE;
    }
}

/* Journeys never saved, left as drafts by a session that crashed: the
 * start opens each in a window of its own, unsaved, without a file, with
 * the toast; discarding one removes its draft and its window, and the
 * last one leaves the start page. */
static void
test_drafts_at_start (void)
{
  g_autofree char *examples = test_examples_dir ();
  g_autofree char *hotel_path = g_build_filename (examples, "hotel.journey", NULL);
  g_autofree char *shop_path = g_build_filename (examples, "online-shop.journey", NULL);
  g_autoptr(GFile) hotel_file = g_file_new_for_path (hotel_path);
  g_autoptr(GFile) shop_file = g_file_new_for_path (shop_path);
  g_autoptr(JourneyProject) hotel = journey_format_read_file (hotel_file, NULL, NULL);
  g_autoptr(JourneyProject) shop = journey_format_read_file (shop_file, NULL, NULL);
  g_autoptr(GPtrArray) left = journey_draft_list ();
  g_autofree char *first = journey_draft_new_id ();
  g_autofree char *second = journey_draft_new_id ();
  g_autofree char *first_path = journey_draft_path_for (first);
  g_autofree char *second_path = journey_draft_path_for (second);
  g_autoptr(GError) error = NULL;
  JourneyWindow *windows[2] = { NULL, NULL };
  GList *list;

  /* Only this test's drafts; the shop's is the newer. */
  for (guint i = 0; i < left->len; i++)
    journey_draft_remove (g_ptr_array_index (left, i));
  g_assert_true (journey_draft_write (hotel, first, &error));
  g_assert_cmpint (g_utime (first_path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);
  g_assert_true (journey_draft_write (shop, second, &error));
  g_assert_no_error (error);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (test_app)));

  g_application_activate (G_APPLICATION (test_app));
  test_iterate ();
  list = gtk_application_get_windows (GTK_APPLICATION (test_app));
  g_assert_cmpuint (g_list_length (list), ==, 2);
  for (GList *l = list; l != NULL; l = l->next)
    {
      JourneyDocument *document = journey_window_get_document (l->data);
      const char *id = journey_document_get_draft_id (document);

      g_assert_nonnull (id);
      windows[g_str_equal (id, first) ? 0 : 1] = l->data;
      g_assert_null (journey_document_get_file (document));
      g_assert_true (journey_document_get_dirty (document));
      g_assert_true (window_has_label (l->data, "An unsaved journey from the last session was recovered"));
    }
  g_assert_nonnull (windows[0]);
  g_assert_nonnull (windows[1]);
  g_assert_cmpstr (journey_window_get_project (windows[0])->title, ==, hotel->title);
  g_assert_cmpstr (journey_window_get_project (windows[1])->title, ==, shop->title);
  screenshot (GTK_WIDGET (windows[1]), "draft-recovered");

  /* A second activation opens no draft twice. */
  g_application_activate (G_APPLICATION (test_app));
  test_iterate ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (test_app))), ==, 2);

  /* Discarded: the draft and its window go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (windows[0]), "win.discard-draft", NULL));
  test_iterate ();
  g_assert_false (g_file_test (first_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second_path, G_FILE_TEST_EXISTS));
  list = gtk_application_get_windows (GTK_APPLICATION (test_app));
  g_assert_cmpuint (g_list_length (list), ==, 1);
  g_assert_true (list->data == windows[1]);

  /* The last one leaves an empty window behind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (windows[1]), "win.discard-draft", NULL));
  test_iterate ();
  g_assert_false (g_file_test (second_path, G_FILE_TEST_EXISTS));
  list = gtk_application_get_windows (GTK_APPLICATION (test_app));
  g_assert_cmpuint (g_list_length (list), ==, 1);
  g_assert_null (journey_window_get_project (list->data));
  gtk_window_destroy (list->data);
  test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  g_test_add_func ("/app/preferences", test_preferences);
  g_test_add_func ("/app/menu-and-shortcuts", test_menu_and_shortcuts);
  g_test_add_func ("/app/start-page", test_start_page);
  g_test_add_func ("/app/new-map-scale", test_new_map_scale);
  /* Before any other activates or opens: the drafts are offered at the
   * first. */
  g_test_add_func ("/app/drafts-at-start", test_drafts_at_start);
  g_test_add_func ("/app/open-twice-and-recent", test_open_twice_and_recent);

  return test_app_run ();
}
