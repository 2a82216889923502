/* test-inspector.c: the inspector's fields and lists, driven through its
 * own widgets (found by their titles and tooltips, as a person finds
 * them), checked in the model, in the history's steps, and in the saved
 * file.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include <adwaita.h>

#include "export/export-test-utils.h"
#include "journey-test-utils.h"
#include "journey-edit.h"
#include "journey-inspector.h"
#include "journey-inspector-evidence-chart.h"
#include "journey-layout.h"

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

static char *
saved (JourneyProject *project)
{
  gsize length;

  return journey_format_write_data (project, &length);
}

static void
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

static void
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

static void
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

static GtkWidget *
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

static gboolean
match_row (GtkWidget  *widget,
           const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
match_chart (GtkWidget  *widget,
             const char *unused)
{
  return JOURNEY_IS_EVIDENCE_CHART (widget);
}

static gboolean
match_tooltip (GtkWidget  *widget,
               const char *tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
match_scale (GtkWidget  *widget,
             const char *unused)
{
  return GTK_IS_SCALE (widget);
}

static gboolean
match_spin (GtkWidget  *widget,
            const char *unused)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
match_text_view (GtkWidget  *widget,
                 const char *unused)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gpointer
row (Fixture    *f,
     const char *title)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (f->inspector), match_row, title, 0);

  if (widget == NULL)
    g_error ("no row “%s”", title);
  return widget;
}

static void
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

static void
click (Fixture    *f,
       const char *tooltip,
       guint       skip)
{
  click_in (GTK_WIDGET (f->inspector), tooltip, skip);
}

static void
expand (Fixture    *f,
        const char *title)
{
  adw_expander_row_set_expanded (row (f, title), TRUE);
  test_iterate ();
}

/* Types @text into @editable one character at a time, as a person does. */
static void
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
static void
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

/* -- Tests ---------------------------------------------------------------- */

static void
count_call (guint *calls)
{
  (*calls)++;
}

/* Leaves the field that has the focus, as a click elsewhere does. */
static void
focus_out (Fixture *f)
{
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  test_iterate ();
}

static char *
field_text (GtkWidget *field)
{
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
}

/* Takes the focus into @field (an entry row or a text view) and types
 * @text at its end, a key at a time. */
static void
type_in (GtkWidget  *field,
         const char *text)
{
  gtk_widget_grab_focus (field);
  test_iterate ();
  g_assert_nonnull (gtk_window_get_focus (GTK_WINDOW (gtk_widget_get_root (field))));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (gtk_widget_get_root (field))), field) ||
                 gtk_widget_has_focus (field));
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));

      for (const char *p = text; *p; p = g_utf8_next_char (p))
        {
          GtkTextIter end;

          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_insert (buffer, &end, p, g_utf8_next_char (p) - p);
        }
      test_iterate ();
    }
  else
    type (GTK_EDITABLE (field), text);
}

static void
test_title_typing (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *title;
  g_autofree char *before = saved (f->project);
  g_autofree char *after = NULL;

  select_touchpoints (f, f->a, NULL);
  title = row (f, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Visits the website");

  /* Cleared and typed word by word, from focus in to focus out: one step. */
  gtk_widget_grab_focus (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  type_in (title, "Reads the prices");
  g_assert_cmpstr (f->a->title, ==, "Reads the prices");
  focus_out (f);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 1);
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Rename “Visits the website”");

  after = saved (f->project);
  g_assert_nonnull (strstr (after, "\"title\": \"Reads the prices\""));

  /* One undo gives the old title back, in the model and in the field. */
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Visits the website");
  {
    g_autofree char *undone = saved (f->project);
    g_assert_cmpstr (undone, ==, before);
  }
  journey_history_redo (f->history);
  test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Reads the prices");
  {
    g_autofree char *redone = saved (f->project);
    g_assert_cmpstr (redone, ==, after);
  }
}

/* The inspector follows the selection model: a "change" that selects what
 * was selected already neither shows the page again nor ends the run of
 * typing (one step for the whole title); a real change does both. */
static void
test_selection_no_op (Fixture       *f,
                      gconstpointer  data)
{
  JourneySelection *selection = journey_inspector_get_selection_model (f->inspector);
  JourneyTouchpoint *same[] = { f->a };
  GtkWidget *title;
  guint changes = 0;

  g_signal_connect_swapped (selection, "changed", G_CALLBACK (count_call), &changes);
  select_touchpoints (f, f->a, NULL);
  g_assert_cmpuint (changes, ==, 1);
  title = row (f, "Title");

  type_in (title, " twice");
  /* What a rubber band or a click on the selected card asks for. */
  g_assert_false (journey_selection_set_touchpoints (selection, same, 1));
  g_assert_false (journey_selection_select (selection, f->a, FALSE));
  g_assert_false (journey_selection_select (selection, f->a, TRUE));
  select_touchpoints (f, f->a, NULL);
  g_assert_cmpuint (changes, ==, 1);
  type (GTK_EDITABLE (title), " over");
  focus_out (f);
  g_assert_cmpstr (f->a->title, ==, "Visits the website twice over");
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 1);

  /* Another touchpoint and back: a new run, a new step. */
  type_in (title, "!");
  select_touchpoints (f, f->b, NULL);
  select_touchpoints (f, f->a, NULL);
  g_assert_cmpuint (changes, ==, 3);
  type_in (title, "?");
  focus_out (f);
  g_assert_cmpstr (f->a->title, ==, "Visits the website twice over!?");
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 3);
  g_signal_handlers_disconnect_by_data (selection, &changes);
}

/* The map page counts the touchpoints of each stage, lane and channel: an
 * edit made while a touchpoint was shown is counted when the page shows
 * again, and an empty selection emptied again changes nothing. */
static void
test_selection_counts (Fixture       *f,
                       gconstpointer  data)
{
  JourneySelection *selection = journey_inspector_get_selection_model (f->inspector);
  JourneyLane *staff = journey_map_find_lane (f->map, "on");
  g_auto(GValue) value = G_VALUE_INIT;

  select_touchpoints (f, NULL);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row (f, "Guest")), ==, "3 touchpoints · Customer actions");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row (f, "Staff")), ==, "1 touchpoint · Onstage (seen by the customer)");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row (f, "Website")), ==, "1 touchpoint");

  /* Shown on its own page, a and b move to Staff, and b takes the web. */
  select_touchpoints (f, f->a, f->b, NULL);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, staff->id);
  journey_edit_set_shared (f->history, (JourneyTouchpoint *[]) { f->a, f->b }, 2, "lane", &value, "Move");
  g_value_set_string (&value, "web");
  journey_edit_set_shared (f->history, (JourneyTouchpoint *[]) { f->b }, 1, "channel", &value, "Channel");
  test_iterate ();

  g_assert_true (journey_selection_unselect_all (selection));
  test_iterate ();
  g_assert_false (journey_selection_unselect_all (selection));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row (f, "Guest")), ==, "1 touchpoint · Customer actions");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row (f, "Staff")), ==, "3 touchpoints · Onstage (seen by the customer)");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row (f, "Website")), ==, "2 touchpoints");
  g_assert_cmpuint (journey_map_count_in_lane (f->map, staff), ==, 3);

  /* An undo while the map page shows counts again at once. */
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpstr (adw_expander_row_get_subtitle (row (f, "Website")), ==, "1 touchpoint");
}

/* A field of the inspector: @row, the title of an entry row, or else the
 * text view @view; inside the expander row @expand, if not NULL. */
typedef struct
{
  const char *expand;
  const char *row;
  int         view;
} Field;

static GtkWidget *
field_widget (Fixture     *f,
              const Field *field)
{
  if (field->expand != NULL)
    expand (f, field->expand);
  if (field->row != NULL)
    return row (f, field->row);
  return find_widget (GTK_WIDGET (f->inspector), match_text_view, NULL, field->view);
}

/* Types several words into each of @fields in turn and leaves it: one
 * step each, which one undo takes back, field and file. */
static void
check_one_step_per_field (Fixture     *f,
                          const Field *fields,
                          guint        n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *widget = field_widget (f, &fields[i]);
      g_autofree char *before = saved (f->project);
      g_autofree char *old = field_text (widget);
      g_autofree char *after = NULL;
      g_autofree char *now = NULL;
      g_autofree char *expected = g_strconcat (old, " one two three", NULL);
      guint n = journey_history_get_n_steps (f->history);

      g_test_message ("field %s %s %d", fields[i].expand ? fields[i].expand : "", fields[i].row ? fields[i].row : "",
                      fields[i].view);
      type_in (widget, " one two three");
      focus_out (f);
      now = field_text (widget);
      g_assert_cmpstr (now, ==, expected);
      after = saved (f->project);
      g_assert_cmpstr (after, !=, before);
      assert_one_step (f, n, journey_history_get_undo_label (f->history), before, after);

      /* Back as it was, for the next field. */
      journey_history_undo (f->history);
      test_iterate ();
      g_clear_pointer (&now, g_free);
      now = field_text (widget);
      g_assert_cmpstr (now, ==, old);
      if (fields[i].expand != NULL)
        {
          adw_expander_row_set_expanded (row (f, fields[i].expand), FALSE);
          test_iterate ();
        }
    }
}

static void
test_one_step_per_field (Fixture       *f,
                         gconstpointer  data)
{
  static const Field touchpoint_fields[] = {
    { NULL, "Title", -1 },
    { NULL, "When", -1 },
    { NULL, NULL, 0 },      /* description */
    { NULL, NULL, 1 },      /* thoughts */
    { NULL, NULL, 2 },      /* feelings */
    { NULL, "Pain Point 1", -1 },
    { NULL, "Opportunity 1", -1 },
    { "Show taxes", "Action", -1 },
    { "Show taxes", "Owner", -1 },
    { "New comment", "Comment", -1 },
    { "New comment", "Author", -1 },
    { "New comment", "Role", -1 },
  };
  static const Field map_fields[] = {
    { NULL, "Title", -1 },
    { NULL, "Objective", -1 },
    { NULL, "Scope", -1 },
    { NULL, "Project Title", -1 },
    { NULL, "Label of 1", -1 },
    { "Book", "Name", -1 },
    { "Guest", "Name", -1 },
    { "Leisure traveller", "Name", -1 },
    { "Leisure traveller", "Description", -1 },
    { "Website", "Name", -1 },
  };

  select_touchpoints (f, f->a, NULL);
  click (f, "Add a Comment", 0);
  focus_out (f);
  check_one_step_per_field (f, touchpoint_fields, G_N_ELEMENTS (touchpoint_fields));

  select_touchpoints (f, NULL);
  check_one_step_per_field (f, map_fields, G_N_ELEMENTS (map_fields));
}

/* Two fields edited in turn are two steps; Enter ends a field's step too. */
static void
test_two_fields (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *s0 = NULL, *s1 = NULL;
  guint n;

  select_touchpoints (f, f->a, NULL);
  expand (f, "Show taxes");
  s0 = saved (f->project);
  n = journey_history_get_n_steps (f->history);

  /* An action's text, then its owner, moving from one to the other. */
  type_in (row (f, "Action"), " in the first price");
  s1 = saved (f->project);
  type_in (row (f, "Owner"), " and sales");
  focus_out (f);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n + 2);
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Edit an Action of “Visits the website”");
  journey_history_undo (f->history);
  test_iterate ();
  {
    g_autofree char *undone = saved (f->project);
    g_assert_cmpstr (undone, ==, s1);
  }
  g_assert_cmpstr (gtk_editable_get_text (row (f, "Owner")), ==, "Web team");
  g_assert_cmpstr (gtk_editable_get_text (row (f, "Action")), ==, "Show taxes in the first price");
  journey_history_undo (f->history);
  test_iterate ();
  {
    g_autofree char *undone = saved (f->project);
    g_assert_cmpstr (undone, ==, s0);
  }

  /* Enter in an entry row ends its step: what is typed after is another. */
  n = journey_history_get_n_steps (f->history);
  type_in (row (f, "Title"), " first");
  g_signal_emit_by_name (row (f, "Title"), "entry-activated");
  type_in (row (f, "Title"), " second");
  focus_out (f);
  g_assert_cmpstr (f->a->title, ==, "Visits the website first second");
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n + 2);
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpstr (f->a->title, ==, "Visits the website first");
}

/* Undo while typing takes back what was typed in the field so far; typing
 * on is a new step. */
static void
test_undo_while_typing (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *s0 = NULL;
  GtkWidget *title;
  guint n;

  select_touchpoints (f, f->a, NULL);
  title = row (f, "Title");
  s0 = saved (f->project);
  n = journey_history_get_n_steps (f->history);

  type_in (title, " and the prices");
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n + 1);
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)), title));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Visits the website");
  g_assert_cmpstr (f->a->title, ==, "Visits the website");
  g_assert_true (journey_history_can_redo (f->history));

  /* Still in the field: what comes next is one new step, redo is gone. */
  type_in (title, " twice");
  focus_out (f);
  g_assert_cmpstr (f->a->title, ==, "Visits the website twice");
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n + 1);
  g_assert_false (journey_history_can_redo (f->history));
  journey_history_undo (f->history);
  test_iterate ();
  {
    g_autofree char *undone = saved (f->project);
    g_assert_cmpstr (undone, ==, s0);
  }
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *s0 = saved (f->project);
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL, *s5 = NULL, *s6 = NULL, *s7 = NULL;
  GtkTextBuffer *buffer;
  GtkWidget *view;
  guint n;

  select_touchpoints (f, f->a, NULL);

  /* Lane: "Staff" is the third lane. */
  n = journey_history_get_n_steps (f->history);
  adw_combo_row_set_selected (row (f, "Lane"), 2);
  test_iterate ();
  g_assert_cmpstr (f->a->lane, ==, "on");
  s1 = saved (f->project);
  assert_one_step (f, n, "Set Lane of “Visits the website”", s0, s1);

  /* Channel: none. */
  n = journey_history_get_n_steps (f->history);
  adw_combo_row_set_selected (row (f, "Channel"), 0);
  test_iterate ();
  g_assert_null (f->a->channel);
  s2 = saved (f->project);
  g_assert_null (strstr (s2, "\"channel\""));
  assert_one_step (f, n, "Set Channel of “Visits the website”", s1, s2);

  /* Weight: minor. */
  n = journey_history_get_n_steps (f->history);
  adw_combo_row_set_selected (row (f, "Weight"), 0);
  test_iterate ();
  g_assert_cmpint (f->a->weight, ==, JOURNEY_WEIGHT_MINOR);
  s3 = saved (f->project);
  assert_one_step (f, n, "Set Weight of “Visits the website”", s2, s3);

  /* When. */
  n = journey_history_get_n_steps (f->history);
  type (row (f, "When"), "Day-14");
  journey_inspector_end_typing (f->inspector);
  g_assert_cmpstr (f->a->when, ==, "Day-14");
  s4 = saved (f->project);
  g_assert_nonnull (strstr (s4, "\"when\": \"Day-14\""));
  assert_one_step (f, n, "Set When of “Visits the website”", s3, s4);

  /* Satisfaction, through its scale. */
  n = journey_history_get_n_steps (f->history);
  gtk_range_set_value (GTK_RANGE (find_widget (GTK_WIDGET (f->inspector), match_scale, NULL, 0)), 2.5);
  gtk_range_set_value (GTK_RANGE (find_widget (GTK_WIDGET (f->inspector), match_scale, NULL, 0)), 2);
  journey_inspector_end_typing (f->inspector);
  test_iterate ();
  g_assert_cmpfloat (f->a->satisfaction, ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (row (f, "As Is")), ==, "Dissatisfied");
  s5 = saved (f->project);
  assert_one_step (f, n, "Set Satisfaction of “Visits the website”", s4, s5);

  /* Target: cleared with its switch. */
  n = journey_history_get_n_steps (f->history);
  adw_expander_row_set_enable_expansion (row (f, "Target (To Be)"), FALSE);
  test_iterate ();
  g_assert_false (journey_touchpoint_has_target (f->a));
  s6 = saved (f->project);
  assert_one_step (f, n, "Set Target of “Visits the website”", s5, s6);

  /* Description, a text view that grows. */
  n = journey_history_get_n_steps (f->history);
  view = find_widget (GTK_WIDGET (f->inspector), match_text_view, NULL, 0);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, "Long", -1);
  gtk_text_buffer_set_text (buffer, "Long text", -1);
  journey_inspector_end_typing (f->inspector);
  test_iterate ();
  g_assert_cmpstr (f->a->description, ==, "Long text");
  s7 = saved (f->project);
  g_assert_nonnull (strstr (s7, "\"description\": \"Long text\""));
  assert_one_step (f, n, "Edit Description of “Visits the website”", s6, s7);
}

static gboolean
match_field_error (GtkWidget  *widget,
                   const char *unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "journey-field-error");
}

/* Types @text into the spin button and ends it, as Enter does. */
static void
type_spin (GtkSpinButton *spin,
           const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, text);
  gtk_spin_button_update (spin);
  test_iterate ();
}

static void
test_time_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = saved (f->project);
  g_autofree char *after = NULL;
  guint n = journey_history_get_n_steps (f->history);
  GtkSpinButton *spin;
  GtkWidget *error;

  select_touchpoints (f, f->a, NULL);
  spin = GTK_SPIN_BUTTON (find_widget (row (f, "Time on the Timeline"), match_spin, NULL, 0));
  g_assert_null (find_widget (GTK_WIDGET (f->inspector), match_field_error, NULL, 0));

  /* Beyond the timeline (0 to 6): refused where it is typed, the time as
   * it was, no step, and the model's reason beside the field. */
  type_spin (spin, "12");
  g_assert_cmpfloat (f->a->time, ==, 0.5);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 0.5);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n);
  {
    g_autofree char *file = saved (f->project);
    g_assert_cmpstr (file, ==, before);
  }
  error = find_widget (GTK_WIDGET (f->inspector), match_field_error, NULL, 0);
  g_assert_nonnull (error);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "12 is not on the timeline, from 0 to 6");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (spin), "error"));
  /* Under the field, in the same group. */
  g_assert_true (gtk_widget_get_ancestor (error, ADW_TYPE_PREFERENCES_GROUP) ==
                 gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_PREFERENCES_GROUP));

  /* Before it too; and what is not a number. */
  type_spin (spin, "-1");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "-1 is not on the timeline, from 0 to 6");
  type_spin (spin, "-");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "“-” is not a number");
  g_assert_cmpfloat (f->a->time, ==, 0.5);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n);

  /* An edit elsewhere leaves the reason in place. */
  journey_edit_vote (f->history, f->a, 1);
  test_iterate ();
  g_assert_true (gtk_widget_get_visible (error));
  journey_history_undo (f->history);
  test_iterate ();

  /* A time on the timeline: one step, the reason gone, in the file. */
  type_spin (spin, "2.5");
  g_assert_cmpfloat (f->a->time, ==, 2.5);
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (spin), "error"));
  after = saved (f->project);
  g_assert_nonnull (strstr (after, "\"time\": 2.5"));
  assert_one_step (f, n, "Move “Visits the website”", before, after);

  /* Another touchpoint starts without a reason shown. */
  type_spin (spin, "7");
  g_assert_true (gtk_widget_get_visible (error));
  select_touchpoints (f, f->b, NULL);
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (spin), "error"));
}

static void
test_ids (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *before = saved (f->project);
  g_autofree char *after = NULL;
  guint n = journey_history_get_n_steps (f->history);
  GtkEditable *id;
  GtkWidget *error;

  select_touchpoints (f, f->a, NULL);
  id = row (f, "Id");
  g_assert_cmpstr (gtk_editable_get_text (id), ==, "a");

  /* Emptied: the reason shows as it is typed, beside the field. */
  gtk_editable_set_text (id, "");
  test_iterate ();
  error = find_widget (GTK_WIDGET (f->inspector), match_field_error, NULL, 0);
  g_assert_nonnull (error);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "An id cannot be empty");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (id), "error"));
  g_assert_cmpstr (f->a->id, ==, "a");

  /* Another touchpoint's: refused on Enter; the field shows the id again
   * and the reason stays; nothing changed. */
  type (id, "b");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "“b” is already the id of “Books a room”");
  g_signal_emit_by_name (id, "entry-activated");
  test_iterate ();
  g_assert_cmpstr (f->a->id, ==, "a");
  g_assert_cmpstr (gtk_editable_get_text (id), ==, "a");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n);
  {
    g_autofree char *file = saved (f->project);
    g_assert_cmpstr (file, ==, before);
  }

  /* A free one: taken on Enter as one step, the reason gone. */
  gtk_editable_set_text (id, "website");
  test_iterate ();
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (id), "error"));
  g_assert_cmpstr (f->a->id, ==, "a");
  g_signal_emit_by_name (id, "entry-activated");
  test_iterate ();
  g_assert_cmpstr (f->a->id, ==, "website");
  after = saved (f->project);
  g_assert_nonnull (strstr (after, "\"id\": \"website\""));
  assert_one_step (f, n, "Change the Id of “Visits the website”", before, after);
  g_assert_cmpstr (gtk_editable_get_text (id), ==, "website");

  /* A lane's id: its touchpoints follow in the same step. */
  select_touchpoints (f, NULL);
  expand (f, "Guest");
  id = GTK_EDITABLE (find_widget (row (f, "Guest"), match_row, "Id", 0));
  g_assert_cmpstr (gtk_editable_get_text (id), ==, "cust");
  type (id, "omer");
  g_signal_emit_by_name (id, "entry-activated");
  test_iterate ();
  g_assert_cmpstr (f->b->lane, ==, "customer");
  g_assert_cmpstr (journey_map_find_touchpoint (f->map, "d")->lane, ==, "customer");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Change the Id of “Guest”");
  {
    g_autofree char *file = saved (f->project);
    g_autoptr(JourneyProject) reread = test_load_string (file);

    g_assert_null (strstr (file, "\"cust\""));
    g_assert_cmpstr (journey_map_find_touchpoint (test_first_map (reread), "b")->lane, ==, "customer");
  }
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpstr (f->b->lane, ==, "cust");
  g_assert_cmpstr (gtk_editable_get_text (id), ==, "cust");

  /* The map's id. */
  id = row (f, "Id");
  g_assert_cmpstr (gtk_editable_get_text (id), ==, f->map->id);
  gtk_editable_set_text (id, "weekend");
  g_signal_emit_by_name (id, "entry-activated");
  test_iterate ();
  g_assert_cmpstr (f->map->id, ==, "weekend");
}

/* Whether the wheel over @widget reaches it (else it scrolls the panel). */
static gboolean
takes_wheel (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_NONE)
        return TRUE;
    }
  return FALSE;
}

static void
test_wheel_scrolls (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  GtkWidget *scale;

  /* Sliders and number fields leave the wheel to the panel, which
   * scrolls, so that no value changes under a passing pointer. */
  select_touchpoints (f, f->a, NULL);
  scale = find_widget (GTK_WIDGET (f->inspector), match_scale, NULL, 0);
  g_assert_false (takes_wheel (scale));
  g_assert_false (takes_wheel (find_widget (GTK_WIDGET (f->inspector), match_scale, NULL, 1)));
  g_assert_false (takes_wheel (find_widget (row (f, "Time on the Timeline"), match_spin, NULL, 0)));
  scrolled = gtk_widget_get_ancestor (scale, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  g_assert_true (takes_wheel (scrolled));

  select_touchpoints (f, NULL);
  g_assert_false (takes_wheel (find_widget (row (f, "Lowest"), match_spin, NULL, 0)));
  g_assert_false (takes_wheel (find_widget (row (f, "Highest"), match_spin, NULL, 0)));
  expand (f, "Book");
  g_assert_false (takes_wheel (find_widget (row (f, "Length"), match_spin, NULL, 0)));
}

static void
test_follows_model (Fixture       *f,
                    gconstpointer  data)
{
  GtkEditable *title;

  select_touchpoints (f, f->a, NULL);
  title = row (f, "Title");

  /* An edit from elsewhere (the canvas) shows at once. */
  journey_edit_set_satisfaction (f->history, f->map, f->a, 3, NULL);
  test_iterate ();
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (find_widget (GTK_WIDGET (f->inspector), match_scale, NULL, 0))), ==, 3);

  /* The field being typed in keeps its text and cursor. */
  gtk_widget_grab_focus (GTK_WIDGET (title));
  type (title, " now");
  gtk_editable_set_position (title, 3);
  journey_edit_set_satisfaction (f->history, f->map, f->a, 4, NULL);
  test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Visits the website now");
  g_assert_cmpint (gtk_editable_get_position (title), ==, 3);

  /* A deleted touchpoint leaves the panel: the map shows, with the map's
   * values, and no field of a touchpoint is left. */
  journey_edit_delete (f->history, f->map, &f->a, 1);
  test_iterate ();
  g_assert_null (find_widget (GTK_WIDGET (f->inspector), match_row, "Time on the Timeline", 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, "Objective"))), ==,
                   f->map->objective != NULL ? f->map->objective : "");
  {
    AdwComboRow *persona = ADW_COMBO_ROW (row (f, "Persona"));
    JourneyPersona *expected = journey_project_find_persona (f->project, f->map->persona);
    GtkStringObject *shown = adw_combo_row_get_selected_item (persona);

    g_assert_nonnull (expected);
    g_assert_nonnull (shown);
    g_assert_cmpstr (gtk_string_object_get_string (shown), ==, journey_persona_get_display_name (expected));
  }
}

static void
test_several (Fixture       *f,
              gconstpointer  data)
{
  JourneyTouchpoint *c = journey_map_find_touchpoint (f->map, "c");
  g_autofree char *before = saved (f->project);
  g_autofree char *after = NULL;
  guint n = journey_history_get_n_steps (f->history);

  select_touchpoints (f, f->a, f->b, c, NULL);
  /* a and b are in "cust", c in "on": no lane is shared. */
  g_assert_cmpuint (adw_combo_row_get_selected (row (f, "Lane")), ==, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (row (f, "Lane"), 3);
  test_iterate ();
  g_assert_cmpstr (f->a->lane, ==, "off");
  g_assert_cmpstr (f->b->lane, ==, "off");
  g_assert_cmpstr (c->lane, ==, "off");
  after = saved (f->project);
  assert_one_step (f, n, "Set Lane of 3 Touchpoints", before, after);

  n = journey_history_get_n_steps (f->history);
  adw_combo_row_set_selected (row (f, "Weight"), 1);
  test_iterate ();
  g_assert_cmpint (c->weight, ==, JOURNEY_WEIGHT_MAJOR);
  g_assert_cmpint (f->b->weight, ==, JOURNEY_WEIGHT_MAJOR);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n + 1);
}

static void
test_strings (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *s0 = saved (f->project);
  g_autofree char *s1 = NULL, *s2 = NULL;
  guint n;

  select_touchpoints (f, f->a, NULL);
  g_assert_cmpstr (gtk_editable_get_text (row (f, "Pain Point 1")), ==, "Prices without taxes");

  /* Add, then type: two steps. */
  click (f, "Add a Pain Point", 0);
  g_assert_cmpuint (g_strv_length (f->a->pain_points), ==, 2);
  type (row (f, "Pain Point 2"), "Slow");
  journey_inspector_end_typing (f->inspector);
  g_assert_cmpstr (f->a->pain_points[1], ==, "Slow");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Edit a Pain Point of “Visits the website”");
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpstr (f->a->pain_points[1], ==, "");
  journey_history_redo (f->history);
  test_iterate ();
  s1 = saved (f->project);
  g_assert_nonnull (strstr (s1, "\"Prices without taxes\",\n"));
  g_assert_nonnull (strstr (s1, "\"Slow\""));

  /* Move the second up. */
  n = journey_history_get_n_steps (f->history);
  click_in (row (f, "Pain Point 2"), "Move Up", 0);
  g_assert_cmpstr (f->a->pain_points[0], ==, "Slow");
  s2 = saved (f->project);
  assert_one_step (f, n, "Reorder the Pain Points of “Visits the website”", s1, s2);
  g_assert_cmpstr (gtk_editable_get_text (row (f, "Pain Point 1")), ==, "Slow");

  /* Delete both. */
  click_in (row (f, "Pain Point 1"), "Delete", 0);
  click_in (row (f, "Pain Point 1"), "Delete", 0);
  g_assert_cmpuint (g_strv_length (f->a->pain_points), ==, 0);
  for (int i = 0; i < 2; i++)
    journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpuint (g_strv_length (f->a->pain_points), ==, 2);

  /* Opportunities are the same kind of list. */
  click (f, "Add an Opportunity", 0);
  type (row (f, "Opportunity 2"), "Show it");
  journey_inspector_end_typing (f->inspector);
  g_assert_cmpstr (f->a->opportunities[1], ==, "Show it");
  (void) s0;
}

static void
test_actions_comments_votes (Fixture       *f,
                             gconstpointer  data)
{
  JourneyAction *action;
  JourneyComment *comment;
  g_autofree char *file = NULL;

  select_touchpoints (f, f->a, NULL);

  /* The action of the file, expanded: its owner and status. */
  expand (f, "Show taxes");
  type (row (f, "Owner"), "s");
  journey_inspector_end_typing (f->inspector);
  action = journey_list_peek (f->a->actions, 0);
  g_assert_cmpstr (action->owner, ==, "Web teams");
  adw_combo_row_set_selected (row (f, "Status"), 2);
  test_iterate ();
  g_assert_cmpint (action->status, ==, JOURNEY_STATUS_DONE);
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Set the Status of an Action of “Visits the website”");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row (f, "Show taxes")), ==, "Done · Web teams");
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpint (action->status, ==, JOURNEY_STATUS_OPEN);
  g_assert_cmpuint (adw_combo_row_get_selected (row (f, "Status")), ==, 0);

  /* A new action, then its text. */
  click (f, "Add an Action", 0);
  g_assert_cmpuint (journey_list_get_length (f->a->actions), ==, 2);
  /* The new one is open, its text ready to type. */
  type (row (f, "Action"), "Fix");
  journey_inspector_end_typing (f->inspector);
  action = journey_list_peek (f->a->actions, 1);
  g_assert_cmpstr (action->text, ==, "Fix");
  g_assert_nonnull (row (f, "Fix"));
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpstr (action->text, ==, "");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Add an Action to “Visits the website”");
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpuint (journey_list_get_length (f->a->actions), ==, 1);

  /* A comment: the time it was made, now. */
  click (f, "Add a Comment", 0);
  test_iterate ();
  g_assert_cmpuint (journey_list_get_length (f->a->comments), ==, 1);
  comment = journey_list_peek (f->a->comments, 0);
  g_assert_nonnull (comment->created);
  g_assert_true (g_str_has_suffix (comment->created, "Z"));
  {
    g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (comment->created, NULL);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_assert_nonnull (created);
    g_assert_cmpint (g_date_time_difference (now, created), <, 60 * G_TIME_SPAN_SECOND);
  }
  g_object_set (comment, "created", "2026-11-20T10:05:00Z", NULL);
  type (row (f, "Comment"), "Guests ask about parking");
  gtk_editable_set_text (row (f, "Role"), "Front desk");
  journey_inspector_end_typing (f->inspector);
  g_assert_cmpstr (comment->text, ==, "Guests ask about parking");
  g_assert_cmpstr (comment->role, ==, "Front desk");
  {
    g_autofree char *expected = g_strdup_printf ("%s · 20 Nov 2026, 10:05", comment->author);

    g_assert_cmpstr (adw_expander_row_get_subtitle (row (f, "Guests ask about parking")), ==, expected);
  }

  /* Votes. */
  click (f, "Vote", 0);
  click (f, "Vote", 0);
  click (f, "Take Back a Vote", 0);
  g_assert_cmpint (f->a->votes, ==, 8);
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Take Back a Vote for “Visits the website”");

  file = saved (f->project);
  g_assert_nonnull (strstr (file, "\"votes\": 8"));
  g_assert_nonnull (strstr (file, "\"role\": \"Front desk\""));
  g_assert_nonnull (strstr (file, "\"text\": \"Guests ask about parking\""));

  /* Deleting the comment; undo brings it back. */
  click_in (row (f, "Guests ask about parking"), "Delete", 0);
  g_assert_cmpuint (journey_list_get_length (f->a->comments), ==, 0);
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Delete a Comment on “Visits the website”");
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpuint (journey_list_get_length (f->a->comments), ==, 1);
}

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  select_touchpoints (f, f->b, NULL);
  g_assert_cmpstr (adw_action_row_get_subtitle (row (f, "Source")), ==, "Survey");
  g_assert_cmpstr (adw_action_row_get_subtitle (row (f, "Responses")), ==, "20");
  g_assert_cmpstr (adw_action_row_get_subtitle (row (f, "Mean")), ==, "3.9 · Satisfied, 95 % interval 3.39–4.41");
  /* The histogram is a chart (test-inspector-evidence tests it). */
  g_assert_cmpuint (journey_evidence_chart_get_n_items (JOURNEY_EVIDENCE_CHART (
                      find_widget (GTK_WIDGET (f->inspector), match_chart, NULL, 0))), ==, 5);

  select_touchpoints (f, f->a, NULL);
  g_assert_null (find_widget (GTK_WIDGET (f->inspector), match_row, "Source", 0));
}

static void
test_map_fields (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *s0 = saved (f->project);
  g_autofree char *s1 = NULL, *s2 = NULL;
  guint n = journey_history_get_n_steps (f->history);

  select_touchpoints (f, NULL);
  g_assert_cmpstr (gtk_editable_get_text (row (f, "Title")), ==, "Weekend stay");
  type (row (f, "Title"), " away");
  journey_inspector_end_typing (f->inspector);
  g_assert_cmpstr (f->map->title, ==, "Weekend stay away");
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n + 1);  /* " away": one field, one step */
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Rename the Map");

  n = journey_history_get_n_steps (f->history);
  s1 = saved (f->project);
  adw_combo_row_set_selected (row (f, "Persona"), 0);
  test_iterate ();
  g_assert_null (f->map->persona);
  s2 = saved (f->project);
  assert_one_step (f, n, "Set the Map’s Persona", s1, s2);

  /* The channel filter is a view setting: no step, nothing in the file. */
  n = journey_history_get_n_steps (f->history);
  g_assert_null (find_widget (GTK_WIDGET (f->inspector), match_row, "Highlight Channel", 0));
  journey_inspector_show_channel_filter (f->inspector, TRUE);
  test_iterate ();
  adw_combo_row_set_selected (row (f, "Highlight Channel"), 1);
  test_iterate ();
  g_assert_cmpstr (journey_inspector_get_channel_filter (f->inspector), ==, "web");
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n);
  adw_combo_row_set_selected (row (f, "Highlight Channel"), 0);
  test_iterate ();
  g_assert_null (journey_inspector_get_channel_filter (f->inspector));

  type (row (f, "Scope"), "!");
  type (row (f, "Objective"), "?");
  journey_inspector_end_typing (f->inspector);
  g_assert_cmpstr (f->map->scope, ==, "Website to e-mail!");
  g_assert_cmpstr (f->map->objective, ==, "Find out why repeat bookings dropped?");
  (void) s0;
}

static void
test_scale (Fixture       *f,
            gconstpointer  data)
{
  JourneyTouchpoint *d = journey_map_find_touchpoint (f->map, "d");
  g_autofree char *before = saved (f->project);
  g_autofree char *after = NULL;
  guint n = journey_history_get_n_steps (f->history);

  select_touchpoints (f, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (row (f, "Preset")), ==, 1);

  /* 1–5 to NPS 0–10: 5 → 10, 1 → 0, a target of 4 → 7.5, a mean of 3.9 → 7.25. */
  adw_combo_row_set_selected (row (f, "Preset"), 4);
  test_iterate ();
  g_assert_cmpint (f->map->scale->min, ==, 0);
  g_assert_cmpint (f->map->scale->max, ==, 10);
  g_assert_cmpfloat (f->a->satisfaction, ==, 10);
  g_assert_cmpfloat (d->satisfaction, ==, 0);
  g_assert_cmpfloat (d->target, ==, 7.5);
  g_assert_cmpfloat_with_epsilon (f->b->evidence->mean, 7.25, 1e-9);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                      gtk_widget_get_ancestor (row (f, "Preset"), ADW_TYPE_PREFERENCES_GROUP))), "mapped from 1–5 onto 0–10"));
  /* A label row per step. */
  g_assert_nonnull (row (f, "Label of 10"));
  after = saved (f->project);
  assert_one_step (f, n, journey_history_get_undo_label (f->history), before, after);
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (row (f, "Preset")), ==, 1);
  g_assert_cmpfloat (f->a->satisfaction, ==, 5);

  /* A label of a step, typed. */
  gtk_editable_set_text (row (f, "Label of 3"), "Meh");
  journey_inspector_end_typing (f->inspector);
  g_assert_cmpstr (journey_scale_get_label (f->map->scale, 3), ==, "Meh");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Rename a Step of the Scale");
  {
    g_autofree char *file = saved (f->project);
    g_assert_nonnull (strstr (file, "\"Meh\""));
  }

  /* The highest value by hand: 1–7, values mapped. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget (row (f, "Highest"), match_spin, NULL, 0)), 7);
  test_iterate ();
  g_assert_cmpint (f->map->scale->max, ==, 7);
  g_assert_cmpfloat (f->a->satisfaction, ==, 7);
  g_assert_cmpfloat (d->satisfaction, ==, 1);
  g_assert_cmpfloat (d->target, ==, 5.5);
  g_assert_nonnull (row (f, "Label of 7"));

  /* A scale without room is refused where it is typed, with the reason. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget (row (f, "Lowest"), match_spin, NULL, 0)), 7);
  test_iterate ();
  g_assert_cmpint (f->map->scale->min, ==, 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_widget (row (f, "Lowest"), match_spin, NULL, 0))), ==, 1);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                      gtk_widget_get_ancestor (row (f, "Preset"), ADW_TYPE_PREFERENCES_GROUP))), "minimum below its maximum"));
}

/* The dialog that asks before a delete, answered with @response. */
static void
answer_dialog (const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  test_iterate ();
}

static void
test_lanes (Fixture       *f,
            gconstpointer  data)
{
  JourneyTouchpoint *d = journey_map_find_touchpoint (f->map, "d");
  g_autofree char *before = saved (f->project);
  g_autofree char *after = NULL;
  JourneyLane *lane;
  guint n = journey_history_get_n_steps (f->history);

  select_touchpoints (f, NULL);

  /* The count comes first, so that a long kind cannot hide it. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (row (f, "Guest")), ==, "3 touchpoints · Customer actions");

  /* Guest holds a, b and d: asked, they move to the lane below. */
  expand (f, "Guest");
  click_in (row (f, "Guest"), "Delete", 0);
  g_assert_cmpuint (journey_list_get_length (f->map->lanes), ==, 5);
  answer_dialog ("move");
  g_assert_cmpuint (journey_list_get_length (f->map->lanes), ==, 4);
  g_assert_cmpstr (f->a->lane, ==, "on");
  g_assert_cmpstr (f->b->lane, ==, "on");
  g_assert_cmpstr (d->lane, ==, "on");
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, 7);
  after = saved (f->project);
  g_assert_null (strstr (after, "\"cust\""));
  assert_one_step (f, n, "Delete Lane “Guest”", before, after);
  journey_history_undo (f->history);
  test_iterate ();

  /* Or deleted with it. */
  expand (f, "Guest");
  click_in (row (f, "Guest"), "Delete", 0);
  answer_dialog ("delete");
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, 4);
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, 7);

  /* Kind and colour. */
  lane = journey_list_peek (f->map->lanes, 3);
  expand (f, "Backstage");
  adw_combo_row_set_selected (row (f, "Kind"), JOURNEY_LANE_SUPPORT);
  test_iterate ();
  g_assert_cmpint (lane->kind, ==, JOURNEY_LANE_SUPPORT);
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Set the Kind of Lane “Backstage”");
  adw_combo_row_set_selected (row (f, "Colour"), 2);
  test_iterate ();
  g_assert_cmpstr (lane->color, ==, "#3584e4");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Recolour “Backstage”");
  {
    g_autofree char *file = saved (f->project);
    const char *backstage = strstr (file, "\"Backstage\"");
    g_autofree char *object = g_strndup (backstage, strchr (backstage, '}') - backstage);

    g_assert_nonnull (strstr (object, "\"kind\": \"support\""));
    g_assert_nonnull (strstr (object, "\"color\": \"#3584e4\""));
  }

  /* Reorder by keyboard: Backstage up above Staff. */
  click_in (row (f, "Backstage"), "Move Up", 0);
  g_assert_true (journey_list_peek (f->map->lanes, 2) == lane);
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_true (journey_list_peek (f->map->lanes, 3) == lane);

  /* Reorder by drag and drop: Systems dropped on Physical goes first. */
  {
    GtkWidget *physical = row (f, "Physical");
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (physical);
    g_auto(GValue) value = G_VALUE_INIT;
    GtkDropTarget *target = NULL;
    JourneyLane *systems = journey_list_peek (f->map->lanes, 4);
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, G_TYPE_UINT);
    g_value_set_uint (&value, (1 << 16) | 4);   /* the lanes' list, position 4 */
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
    test_iterate ();
    g_assert_true (dropped);
    g_assert_true (journey_list_peek (f->map->lanes, 0) == systems);
    g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Move “Systems”");
    journey_history_undo (f->history);
    test_iterate ();
    g_assert_true (journey_list_peek (f->map->lanes, 4) == systems);
  }

  /* A new lane, named by typing. */
  click (f, "Add a Lane", 0);
  g_assert_cmpuint (journey_list_get_length (f->map->lanes), ==, 6);
  type (row (f, "Name"), "s");
  journey_inspector_end_typing (f->inspector);
  lane = journey_list_peek (f->map->lanes, 5);
  g_assert_cmpstr (lane->name, ==, "New lanes");
  g_assert_cmpstr (lane->id, ==, "lane");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Rename Lane “New lane”");
}

static void
test_stages (Fixture       *f,
             gconstpointer  data)
{
  JourneyTouchpoint *c = journey_map_find_touchpoint (f->map, "c");
  JourneyTouchpoint *d = journey_map_find_touchpoint (f->map, "d");
  g_autofree char *before = saved (f->project);
  g_autofree char *after = NULL;
  guint n = journey_history_get_n_steps (f->history);

  select_touchpoints (f, NULL);

  /* Book (0–2) after Arrive (length 1): its touchpoints go with it. */
  expand (f, "Book");
  click_in (row (f, "Book"), "Move Down", 0);
  g_assert_cmpstr (((JourneyStage *) journey_list_peek (f->map->stages, 1))->id, ==, "s1");
  g_assert_cmpfloat (f->a->time, ==, 1.5);
  g_assert_cmpfloat (f->b->time, ==, 2.5);
  g_assert_cmpfloat (c->time, ==, 3.5);
  after = saved (f->project);
  assert_one_step (f, n, "Move Stage “Book”", before, after);
  /* Book's row stays open where it went, the focus on the button pressed. */
  {
    GtkWidget *moved = row (f, "Book");
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (moved));

    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (moved)));
    g_assert_false (adw_expander_row_get_expanded (row (f, "Arrive")));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, moved));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (focus), ==, "Move Down");
  }
  journey_history_undo (f->history);
  test_iterate ();

  /* Deleting Book: a and b move into Arrive, the rest closes up. */
  expand (f, "Book");
  click_in (row (f, "Book"), "Delete", 0);
  answer_dialog ("move");
  g_assert_cmpuint (journey_list_get_length (f->map->stages), ==, 2);
  g_assert_cmpfloat (f->a->time, ==, 0.25);
  g_assert_cmpfloat (f->b->time, ==, 0.75);
  g_assert_cmpfloat (c->time, ==, 1.5);
  g_assert_cmpfloat (d->time, ==, 3.5);
  g_assert_cmpstr (journey_map_get_touchpoint_stage (f->map, f->a)->id, ==, "s2");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Delete Stage “Book”");
  journey_history_undo (f->history);
  test_iterate ();
  {
    g_autofree char *undone = saved (f->project);
    g_assert_cmpstr (undone, ==, before);
  }

  /* Length and colour. */
  expand (f, "Stay");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget (row (f, "Length"), match_spin, NULL, 0)), 6);
  test_iterate ();
  g_assert_cmpfloat (((JourneyStage *) journey_list_peek (f->map->stages, 2))->length, ==, 6);
  adw_combo_row_set_selected (row (f, "Colour"), 0);
  test_iterate ();
  g_assert_null (((JourneyStage *) journey_list_peek (f->map->stages, 2))->color);

  /* A stage added at the end. */
  click (f, "Add a Stage", 0);
  g_assert_cmpuint (journey_list_get_length (f->map->stages), ==, 4);
  g_assert_cmpfloat (journey_map_get_duration (f->map), ==, 10);

  /* A row's fields are made when it first opens: they show the stage as
   * it is then, after edits made while the row was closed. */
  {
    JourneyStage *arrive = journey_list_peek (f->map->stages, 1);
    GtkWidget *closed;

    journey_edit_set_string (f->history, arrive, "name", "Check in", "Rename", 0);
    journey_edit_set_stage_length (f->history, f->map, arrive, 3, NULL);
    test_iterate ();
    closed = row (f, "Check in");
    g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (closed)));
    g_assert_null (find_widget (closed, match_spin, NULL, 0));
    expand (f, "Check in");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (closed, match_row, "Name", 0))), ==, "Check in");
    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_widget (closed, match_spin, NULL, 0))), ==, 3);
    journey_edit_set_string (f->history, arrive, "name", "Arrival", "Rename", 0);
    test_iterate ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (closed, match_row, "Name", 0))), ==, "Arrival");
  }
}

static void
test_personas_channels (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *before = saved (f->project);
  g_autofree char *after = NULL;
  guint n = journey_history_get_n_steps (f->history);
  JourneyChannel *channel;

  select_touchpoints (f, NULL);

  /* Website is used by a: asked, then cleared everywhere in one step. */
  expand (f, "Website");
  click_in (row (f, "Website"), "Delete", 0);
  answer_dialog ("delete");
  g_assert_cmpuint (journey_list_get_length (f->project->channels), ==, 0);
  g_assert_null (f->a->channel);
  after = saved (f->project);
  g_assert_null (strstr (after, "\"web\""));
  assert_one_step (f, n, "Delete Channel “Website”", before, after);
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpstr (f->a->channel, ==, "web");

  /* The persona of the map. */
  expand (f, "Leisure traveller");
  click_in (row (f, "Leisure traveller"), "Delete", 0);
  answer_dialog ("delete");
  g_assert_null (f->map->persona);
  g_assert_cmpuint (journey_list_get_length (f->project->personas), ==, 0);
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Delete Persona “Leisure traveller”");
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_cmpstr (f->map->persona, ==, "p");

  /* A new channel, named. */
  click (f, "Add a Channel", 0);
  type (row (f, "Name"), "!");
  journey_inspector_end_typing (f->inspector);
  channel = journey_list_peek (f->project->channels, 1);
  g_assert_cmpstr (channel->name, ==, "New channel!");
  g_assert_cmpstr (channel->id, ==, "channel");
  {
    g_autofree char *file = saved (f->project);
    g_assert_nonnull (strstr (file, "\"name\": \"New channel!\""));
  }

  /* An unused one goes without asking. */
  expand (f, "New channel!");
  click_in (row (f, "New channel!"), "Delete", 0);
  g_assert_cmpuint (journey_list_get_length (f->project->channels), ==, 1);
}

static void
on_show_map (JourneyInspector *inspector,
             JourneyMap       *map,
             JourneyMap      **shown)
{
  *shown = map;
}

static void
test_maps (Fixture       *f,
           gconstpointer  data)
{
  JourneyMap *shown = NULL;
  JourneyMap *copy, *blank, *web;
  g_autofree char *before = saved (f->project);
  g_autofree char *after = NULL;
  guint n = journey_history_get_n_steps (f->history);

  g_signal_connect (f->inspector, "show-map", G_CALLBACK (on_show_map), &shown);
  select_touchpoints (f, NULL);

  /* For one channel: a copy that keeps only that channel's touchpoints. */
  gtk_widget_activate_action (GTK_WIDGET (f->inspector), "inspector.add-map", "s", "channel:web");
  test_iterate ();
  g_assert_cmpuint (journey_list_get_length (f->project->maps), ==, 2);
  web = journey_list_peek (f->project->maps, 1);
  g_assert_true (shown == web);
  g_assert_cmpstr (web->id, ==, "map");
  g_assert_cmpstr (web->title, ==, "Weekend stay — Website");
  g_assert_cmpuint (journey_list_get_length (web->touchpoints), ==, 1);
  g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (web->touchpoints, 0))->channel, ==, "web");
  g_assert_cmpuint (journey_list_get_length (web->stages), ==, 3);
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, 7);
  g_assert_true (journey_list_peek (web->touchpoints, 0) != f->a);
  after = saved (f->project);
  assert_one_step (f, n, "Add Map “Weekend stay — Website”", before, after);
  {
    /* The saved file holds both maps and reads back. */
    g_autoptr(JourneyProject) reread = test_load_string (after);
    g_assert_cmpuint (journey_list_get_length (reread->maps), ==, 2);
  }

  /* A whole copy, and a blank one. */
  gtk_widget_activate_action (GTK_WIDGET (f->inspector), "inspector.add-map", "s", "copy");
  test_iterate ();
  copy = journey_list_peek (f->project->maps, 2);
  g_assert_cmpstr (copy->title, ==, "Weekend stay (copy)");
  g_assert_cmpuint (journey_list_get_length (copy->touchpoints), ==, 7);
  gtk_widget_activate_action (GTK_WIDGET (f->inspector), "inspector.add-map", "s", "blank");
  test_iterate ();
  blank = journey_list_peek (f->project->maps, 3);
  g_assert_cmpuint (journey_list_get_length (blank->touchpoints), ==, 0);
  g_assert_cmpuint (journey_list_get_length (blank->stages), ==, 1);
  g_assert_cmpuint (journey_list_get_length (blank->lanes), ==, 1);
  {
    g_autofree char *file = saved (f->project);
    g_autoptr(JourneyProject) reread = test_load_string (file);
    g_assert_cmpuint (journey_list_get_length (reread->maps), ==, 4);
  }

  /* The list of maps: activate, reorder, delete. */
  g_assert_nonnull (row (f, "New map"));
  g_signal_emit_by_name (row (f, "New map"), "activated");
  g_assert_true (shown == blank);
  click_in (row (f, "New map"), "Move Up", 0);
  g_assert_true (journey_list_peek (f->project->maps, 2) == blank);
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Move Map “New map”");

  /* A map whose title is empty is called by its id: in its row and in
   * the undo label. */
  {
    g_autofree char *expected = g_strdup_printf ("Move Map “%s”", blank->id);

    journey_history_set (f->history, blank, "title", "", NULL);
    test_iterate ();
    click_in (row (f, blank->id), "Move Down", 0);
    g_assert_true (journey_list_peek (f->project->maps, 3) == blank);
    g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, expected);
    journey_history_undo (f->history);
    journey_history_undo (f->history);
    test_iterate ();
    g_assert_true (journey_list_peek (f->project->maps, 2) == blank);
    g_assert_cmpstr (blank->title, ==, "New map");
  }

  /* Deleting asks first; Cancel keeps it. */
  n = journey_history_get_n_steps (f->history);
  click_in (row (f, "New map"), "Delete", 0);
  g_assert_cmpuint (journey_list_get_length (f->project->maps), ==, 4);
  answer_dialog ("cancel");
  g_assert_cmpuint (journey_list_get_length (f->project->maps), ==, 4);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n);

  /* Delete: one step, the file without it; undo brings it back. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = saved (f->project);
  click_in (row (f, "New map"), "Delete", 0);
  answer_dialog ("delete");
  g_assert_cmpuint (journey_list_get_length (f->project->maps), ==, 3);
  g_assert_false (journey_list_find (f->project->maps, blank, NULL));
  after = saved (f->project);
  g_assert_null (strstr (after, "\"New map\""));
  assert_one_step (f, n, "Delete Map “New map”", before, after);
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_true (journey_list_peek (f->project->maps, 2) == blank);

  /* The shown map: a neighbour shows first, then it goes. */
  shown = NULL;
  click_in (row (f, "Weekend stay"), "Delete", 0);
  answer_dialog ("delete");
  g_assert_true (shown == journey_list_peek (f->project->maps, 0));
  g_assert_false (journey_list_find (f->project->maps, f->map, NULL));
  journey_history_undo (f->history);
  test_iterate ();
  g_assert_true (journey_list_peek (f->project->maps, 0) == f->map);
}

/* The map's "Show Notes on the Map" switch: one step, undone exactly,
 * and the switch follows undo. */
static void
test_show_notes (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *before = saved (f->project);
  g_autofree char *after = NULL;
  guint n = journey_history_get_n_steps (f->history);
  AdwActionRow *notes;
  GtkSwitch *toggle;

  select_touchpoints (f, NULL);
  notes = row (f, "Show _Notes on the Map");
  toggle = GTK_SWITCH (adw_action_row_get_activatable_widget (notes));
  g_assert_true (gtk_switch_get_active (toggle));

  adw_action_row_activate (notes);
  test_iterate ();
  g_assert_false (f->map->show_notes);
  after = saved (f->project);
  g_assert_nonnull (strstr (after, "\"show_notes\": false"));
  assert_one_step (f, n, "Hide the Notes on the Map", before, after);

  g_assert_true (journey_history_undo (f->history));
  test_iterate ();
  g_assert_true (f->map->show_notes);
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, n);
}

/* journey_inspector_focus_note(): the field of a pain point, an
 * opportunity or an action (its row expanded) takes the focus. */
static void
test_focus_note (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *focus;
  GtkWidget *action;

  select_touchpoints (f, f->a, NULL);

  journey_inspector_focus_note (f->inspector, JOURNEY_NOTE_OPPORTUNITY, 0);
  test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == row (f, "Opportunity 1") || gtk_widget_is_ancestor (focus, row (f, "Opportunity 1")));

  journey_inspector_focus_note (f->inspector, JOURNEY_NOTE_PAIN_POINT, 0);
  test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (gtk_widget_is_ancestor (focus, row (f, "Pain Point 1")));

  g_assert_false (adw_expander_row_get_expanded (row (f, "Show taxes")));
  journey_inspector_focus_note (f->inspector, JOURNEY_NOTE_ACTION, 0);
  test_iterate ();
  g_assert_true (adw_expander_row_get_expanded (row (f, "Show taxes")));
  action = row (f, "Action");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (gtk_widget_is_ancestor (focus, action));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (action)), ==, "Show taxes");

  /* A note that is not there: the focus stays. */
  journey_inspector_focus_note (f->inspector, JOURNEY_NOTE_ACTION, 5);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == focus);
}

int
main (int   argc,
      char *argv[])
{
  /* Comments show their time in the local zone. */
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Expanders open at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/inspector/title-typing", test_title_typing);
  ADD ("/inspector/one-step-per-field", test_one_step_per_field);
  ADD ("/inspector/two-fields", test_two_fields);
  ADD ("/inspector/undo-while-typing", test_undo_while_typing);
  ADD ("/inspector/fields", test_fields);
  ADD ("/inspector/time-refused", test_time_refused);
  ADD ("/inspector/ids", test_ids);
  ADD ("/inspector/wheel-scrolls", test_wheel_scrolls);
  ADD ("/inspector/follows-model", test_follows_model);
  ADD ("/inspector/selection-no-op", test_selection_no_op);
  ADD ("/inspector/selection-counts", test_selection_counts);
  ADD ("/inspector/several", test_several);
  ADD ("/inspector/strings", test_strings);
  ADD ("/inspector/actions-comments-votes", test_actions_comments_votes);
  ADD ("/inspector/evidence", test_evidence);
  ADD ("/inspector/map-fields", test_map_fields);
  ADD ("/inspector/show-notes", test_show_notes);
  ADD ("/inspector/focus-note", test_focus_note);
  ADD ("/inspector/scale", test_scale);
  ADD ("/inspector/lanes", test_lanes);
  ADD ("/inspector/stages", test_stages);
  ADD ("/inspector/personas-channels", test_personas_channels);
  ADD ("/inspector/maps", test_maps);

  return g_test_run ();
}
