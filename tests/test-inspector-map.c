/* test-inspector-map.c: the inspector's page of the map, driven through
 * its own widgets (found by their titles and tooltips, as a person finds
 * them): the map's fields and scale, its lanes, stages, personas and
 * channels, and the project's maps (added, reordered, deleted after a
 * question); checked in the model, in the history's steps, and in the
 * saved file.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "journey-edit.h"
#include "journey-inspector-test-utils.h"

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

int
main (int   argc,
      char *argv[])
{
  inspector_test_init (&argc, &argv);

  INSPECTOR_TEST_ADD ("/inspector/map-fields", test_map_fields);
  INSPECTOR_TEST_ADD ("/inspector/show-notes", test_show_notes);
  INSPECTOR_TEST_ADD ("/inspector/scale", test_scale);
  INSPECTOR_TEST_ADD ("/inspector/lanes", test_lanes);
  INSPECTOR_TEST_ADD ("/inspector/stages", test_stages);
  INSPECTOR_TEST_ADD ("/inspector/personas-channels", test_personas_channels);
  INSPECTOR_TEST_ADD ("/inspector/maps", test_maps);

  return g_test_run ();
}
