/* test-inspector.c: typing in the inspector's fields, driven through its
 * own widgets (found by their titles and tooltips, as a person finds
 * them): one undo step for each field typed in, checked in the model, in
 * the history's steps, and in the saved file; and the selection it follows.
 * Its fields one by one are in test-inspector-fields.c, the map's page and
 * its lists in test-inspector-map.c.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "journey-edit.h"
#include "journey-inspector-test-utils.h"

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

int
main (int   argc,
      char *argv[])
{
  inspector_test_init (&argc, &argv);

  INSPECTOR_TEST_ADD ("/inspector/title-typing", test_title_typing);
  INSPECTOR_TEST_ADD ("/inspector/one-step-per-field", test_one_step_per_field);
  INSPECTOR_TEST_ADD ("/inspector/two-fields", test_two_fields);
  INSPECTOR_TEST_ADD ("/inspector/undo-while-typing", test_undo_while_typing);
  INSPECTOR_TEST_ADD ("/inspector/selection-no-op", test_selection_no_op);
  INSPECTOR_TEST_ADD ("/inspector/selection-counts", test_selection_counts);

  return g_test_run ();
}
