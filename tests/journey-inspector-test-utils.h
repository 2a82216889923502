/* journey-inspector-test-utils.h: what the tests of the inspector share:
 * an inspector in a window of its own, its widgets found by their titles
 * and tooltips (as a person finds them), typed into and clicked, and an
 * edit checked as one undo step in the saved file.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "export/export-test-utils.h"
#include "journey-inspector.h"
#include "journey-test-utils.h"

typedef struct
{
  GtkWidget        *window;
  JourneyInspector *inspector;
  JourneyProject   *project;
  JourneyMap       *map;
  JourneyHistory   *history;
  JourneyTouchpoint *a;   /* "Visits the website": lists, target, votes */
  JourneyTouchpoint *b;   /* "Books a room": evidence */
} Fixture;

static inline char *
saved (JourneyProject *project)
{
  gsize length;

  return journey_format_write_data (project, &length);
}

static inline void
select_touchpoints (Fixture           *f,
                    JourneyTouchpoint *first,
                    ...)
{
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (JourneyTouchpoint *tp = first; tp != NULL; tp = va_arg (args, JourneyTouchpoint *))
    g_ptr_array_add (selection, tp);
  va_end (args);
  journey_inspector_set_selection (f->inspector, selection);
  test_iterate ();
}

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *scrolled;

  f->project = test_load_string (EXPORT_TEST_PROJECT);
  f->map = test_first_map (f->project);
  f->history = journey_history_new ();
  f->a = journey_map_find_touchpoint (f->map, "a");
  f->b = journey_map_find_touchpoint (f->map, "b");

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 420, 900);
  f->inspector = JOURNEY_INSPECTOR (journey_inspector_new ());
  scrolled = GTK_WIDGET (f->inspector);
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  journey_inspector_set_map (f->inspector, f->project, f->map, f->history);
  gtk_window_present (GTK_WINDOW (f->window));
  while (gtk_widget_get_width (GTK_WIDGET (f->inspector)) == 0)
    g_main_context_iteration (NULL, TRUE);
  test_iterate ();
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_iterate ();
  g_clear_object (&f->history);
  g_clear_object (&f->project);
}

/* -- Finding widgets ------------------------------------------------------ */

typedef gboolean (*Match) (GtkWidget *widget, const char *text);

static inline GtkWidget *
find_widget (GtkWidget  *root,
             Match       match,
             const char *text,
             guint       skip)
{
  GQueue queue = G_QUEUE_INIT;
  guint seen = 0;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (gtk_widget_get_mapped (widget) && match (widget, text) && seen++ == skip)
        {
          g_queue_clear (&queue);
          return widget;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_mapped (child))
          g_queue_push_tail (&queue, child);
    }
  return NULL;
}

static inline gboolean
match_row (GtkWidget  *widget,
           const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static inline gboolean
match_tooltip (GtkWidget  *widget,
               const char *tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static inline gboolean
match_scale (GtkWidget  *widget,
             const char *unused)
{
  return GTK_IS_SCALE (widget);
}

static inline gboolean
match_spin (GtkWidget  *widget,
            const char *unused)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static inline gboolean
match_text_view (GtkWidget  *widget,
                 const char *unused)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static inline gpointer
row (Fixture    *f,
     const char *title)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (f->inspector), match_row, title, 0);

  if (widget == NULL)
    g_error ("no row “%s”", title);
  return widget;
}

static inline void
click_in (GtkWidget  *root,
          const char *tooltip,
          guint       skip)
{
  GtkWidget *button = find_widget (root, match_tooltip, tooltip, skip);

  if (button == NULL)
    g_error ("no button “%s”", tooltip);
  g_signal_emit_by_name (button, "clicked");
  test_iterate ();
}

static inline void
click (Fixture    *f,
       const char *tooltip,
       guint       skip)
{
  click_in (GTK_WIDGET (f->inspector), tooltip, skip);
}

static inline void
expand (Fixture    *f,
        const char *title)
{
  adw_expander_row_set_expanded (row (f, title), TRUE);
  test_iterate ();
}

/* Types @text into @editable one character at a time, as a person does. */
static inline void
type (GtkEditable *editable,
      const char  *text)
{
  g_autofree char *start = g_strdup (gtk_editable_get_text (editable));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      g_autofree char *typed = g_strndup (text, g_utf8_next_char (p) - text);
      g_autofree char *now = g_strconcat (start, typed, NULL);

      gtk_editable_set_text (editable, now);
    }
  test_iterate ();
}

/* Checks one step labelled @label: undone it gives @before, redone @after. */
static inline void
assert_one_step (Fixture    *f,
                 guint       steps_before,
                 const char *label,
                 const char *before,
                 const char *after)
{
  g_autofree char *now = saved (f->project);

  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, steps_before + 1);
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, label);
  g_assert_cmpstr (now, ==, after);
  g_assert_true (journey_history_undo (f->history));
  test_iterate ();
  {
    g_autofree char *undone = saved (f->project);
    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (journey_history_redo (f->history));
  test_iterate ();
  {
    g_autofree char *redone = saved (f->project);
    g_assert_cmpstr (redone, ==, after);
  }
}

/* -- The test program ----------------------------------------------------- */

/* GTK and libadwaita for a test program of the inspector. */
static inline void
inspector_test_init (int    *argc,
                     char ***argv)
{
  /* Comments show their time in the local zone. */
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Expanders open at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* A test at @path: @func with the inspector of a window of its own. */
#define INSPECTOR_TEST_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
