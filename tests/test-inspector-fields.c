/* test-inspector-fields.c: the inspector's fields of touchpoints, driven
 * through its own widgets (found by their titles and tooltips, as a person
 * finds them): lane, channel, weight, satisfaction, target, times and ids
 * refused with their reason, several touchpoints at once, the lists of a
 * touchpoint (pain points, opportunities, actions, comments, votes), its
 * evidence and its notes; checked in the model, in the history's steps,
 * and in the saved file.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "journey-edit.h"
#include "journey-inspector-evidence-chart.h"
#include "journey-inspector-test-utils.h"

static gboolean
match_chart (GtkWidget  *widget,
             const char *unused)
{
  return JOURNEY_IS_EVIDENCE_CHART (widget);
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
  inspector_test_init (&argc, &argv);

  INSPECTOR_TEST_ADD ("/inspector/fields", test_fields);
  INSPECTOR_TEST_ADD ("/inspector/time-refused", test_time_refused);
  INSPECTOR_TEST_ADD ("/inspector/ids", test_ids);
  INSPECTOR_TEST_ADD ("/inspector/wheel-scrolls", test_wheel_scrolls);
  INSPECTOR_TEST_ADD ("/inspector/follows-model", test_follows_model);
  INSPECTOR_TEST_ADD ("/inspector/several", test_several);
  INSPECTOR_TEST_ADD ("/inspector/strings", test_strings);
  INSPECTOR_TEST_ADD ("/inspector/actions-comments-votes", test_actions_comments_votes);
  INSPECTOR_TEST_ADD ("/inspector/evidence", test_evidence);
  INSPECTOR_TEST_ADD ("/inspector/focus-note", test_focus_note);

  return g_test_run ();
}
