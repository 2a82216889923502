/* test-inspector-evidence.c: comparing the map with survey evidence
 * (SPEC §11, issue 17 "Upkeep" and "Compare"): the measurement of a
 * touchpoint in the inspector, the map's sources in the inspector (rename,
 * follow, time window, import again, remove, each one undo step), and the
 * validation view (the order of the gaps, selecting a card, using the
 * measured means).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>

#include "journey-evidence.h"
#include "journey-evidence-stats.h"
#include "journey-format.h"
#include "journey-canvas.h"
#include "journey-inspector-evidence-private.h"
#include "journey-validation.h"
#include "journey-window-evidence.h"
#include "journey-window-private.h"
#include "journey-window-test-utils.h"


/* website 5, 4, 3 (two weeks); room 2, 2; check-in 3.  Check-out has
 * evidence typed by hand in the project: 2.5 of 4. */
static const char survey_text[] =
  "touchpoint,score,time\n"
  "website,5,2026-11-02\n"
  "website,4,2026-11-03\n"
  "website,3,2026-11-10\n"
  "room,2,2026-11-10\n"
  "room,2,2026-11-11\n"
  "checkin,3,2026-11-10\n";

typedef struct
{
  char          *dir;
  char          *survey;
  JourneyWindow *window;
  JourneyMap    *map;
} Fixture;

static void
import_survey (Fixture    *fixture,
               const char *name,
               int         min,
               int         max)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->survey);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;
  JourneySurveyOptions options = { .format = -1, .time_column = "time",
                                   .has_survey_scale = TRUE, .survey_min = min, .survey_max = max };

  g_assert_true (journey_evidence_import_file (journey_window_get_history (fixture->window), fixture->map, file,
                                               folder, &options, name, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A project folder with hotel.journey and @text as survey.csv, open in a
 * window. */
static void
fixture_open (Fixture    *fixture,
              const char *text)
{
  g_autofree char *source = g_build_filename (g_getenv ("JOURNEYS_TEST_FILES_DIR"), "evidence", "hotel.journey", NULL);
  g_autofree char *project = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;

  fixture->dir = g_dir_make_tmp ("journeys-compare-XXXXXX", NULL);
  project = g_build_filename (fixture->dir, "hotel.journey", NULL);
  fixture->survey = g_build_filename (fixture->dir, "survey.csv", NULL);
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (project, contents, -1, NULL));
  g_assert_true (g_file_set_contents (fixture->survey, text, -1, NULL));

  file = g_file_new_for_path (project);
  fixture->window = journey_window_new (test_app);
  journey_window_load (fixture->window, file);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  test_wait_for_document (fixture->window);
  fixture->map = journey_window_get_map (fixture->window);
  g_assert_nonnull (fixture->map);
}

/* The same, the survey imported as "Post-stay", on a scale of 1 to 5. */
static void
fixture_set_up (Fixture    *fixture,
                const char *text)
{
  fixture_open (fixture, text);
  import_survey (fixture, "Post-stay", 1, 5);
  test_wait_for_document (fixture->window);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->survey);
}

static JourneyInspector *
show_touchpoint (Fixture    *fixture,
                 const char *id)
{
  JourneyTouchpoint *tp = journey_map_find_touchpoint (fixture->map, id);
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();

  g_ptr_array_add (selection, tp);
  journey_inspector_set_selection (fixture->window->inspector, selection);
  return fixture->window->inspector;
}

static const char *
subtitle (AdwActionRow *row)
{
  return adw_action_row_get_subtitle (row);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@done or five seconds. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (5, on_timeout, &timed_out);

  while (!timed_out && !done (data))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

/* -- The model's part ----------------------------------------------------- */

/* The weekly trend of all parts, the gap, the survey's histogram. */
static void
test_model (void)
{
  Fixture fixture;
  JourneyTouchpoint *website, *room, *checkout;
  g_autoptr(GPtrArray) trend = NULL;
  g_autoptr(GArray) histogram = NULL;
  JourneyScale *scale = NULL;
  JourneyEvidenceWeek *week;

  fixture_set_up (&fixture, survey_text);
  website = journey_map_find_touchpoint (fixture.map, "website");
  room = journey_map_find_touchpoint (fixture.map, "room");
  checkout = journey_map_find_touchpoint (fixture.map, "checkout");

  trend = journey_evidence_get_trend (website->evidence);
  g_assert_cmpuint (trend->len, ==, 2);
  week = g_ptr_array_index (trend, 0);
  g_assert_cmpstr (week->week, ==, "2026-11-02");
  g_assert_cmpint (week->responses, ==, 2);
  g_assert_cmpfloat (week->mean, ==, 4.5);
  week = g_ptr_array_index (trend, 1);
  g_assert_cmpstr (week->week, ==, "2026-11-09");
  g_assert_cmpfloat (week->mean, ==, 3);
  g_clear_pointer (&trend, g_ptr_array_unref);

  /* Hand-typed evidence has no weeks. */
  trend = journey_evidence_get_trend (checkout->evidence);
  g_assert_cmpuint (trend->len, ==, 0);

  g_assert_cmpfloat (journey_evidence_get_gap (fixture.map, room), ==, -2);
  g_assert_cmpfloat (journey_evidence_get_gap (fixture.map, checkout), ==, 0.5);
  g_assert_cmpfloat (journey_evidence_get_gap (fixture.map, website), ==, 0);

  histogram = journey_evidence_get_survey_histogram (website->evidence, fixture.map->scale, &scale);
  g_assert_cmpint (scale->min, ==, 1);
  g_assert_cmpint (scale->max, ==, 5);
  g_assert_cmpuint (histogram->len, ==, 5);
  g_assert_cmpint (g_array_index (histogram, int, 2), ==, 1);
  g_assert_cmpint (g_array_index (histogram, int, 3), ==, 1);
  g_assert_cmpint (g_array_index (histogram, int, 4), ==, 1);

  fixture_tear_down (&fixture);
}

/* -- A touchpoint in the inspector ---------------------------------------- */

static void
test_touchpoint (void)
{
  Fixture fixture;
  JourneyInspector *inspector;
  JourneyInspectorEvidence *ev;

  fixture_set_up (&fixture, survey_text);
  inspector = show_touchpoint (&fixture, "website");
  ev = inspector->evidence;
  iterate ();

  g_assert_true (gtk_widget_get_visible (inspector->evidence_group));
  g_assert_cmpstr (subtitle (ev->source_row), ==, "Post-stay");
  g_assert_cmpstr (subtitle (ev->responses_row), ==, "3");
  g_assert_true (gtk_widget_get_visible (ev->thin_label));
  /* 5, 4, 3: mean 4, ± 1.96/√3, the top clamped to the scale. */
  g_assert_cmpstr (subtitle (ev->mean_row), ==, "Satisfied, 95 % interval 2.87–5");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ev->metric_row)), ==,
                   "Customer Satisfaction (CSAT)");
  g_assert_cmpstr (subtitle (ev->metric_row), ==, "67 % in the top two steps");

  g_assert_true (gtk_widget_get_visible (ev->histogram_row));
  g_assert_cmpuint (journey_evidence_chart_get_n_items (ev->histogram), ==, 5);
  g_assert_cmpstr (gtk_label_get_text (ev->histogram_caption), ==, "On the survey’s scale of 1 to 5");
  gtk_test_accessible_assert_role (ev->histogram, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (ev->histogram, GTK_ACCESSIBLE_PROPERTY_LABEL, "Answers per Step");
  gtk_test_accessible_assert_property (ev->histogram, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Very dissatisfied: 0 answers; Dissatisfied: 0 answers; Neutral: 1 answer; "
                                       "Satisfied: 1 answer; Very satisfied: 1 answer");

  g_assert_true (gtk_widget_get_visible (ev->trend_row));
  g_assert_cmpuint (journey_evidence_chart_get_n_items (ev->trend), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (ev->trend_caption), ==, "2 weeks, from 4.5 · Very satisfied to Neutral");

  /* Evidence typed by hand: no times, no trend. */
  show_touchpoint (&fixture, "checkout");
  g_assert_false (gtk_widget_get_visible (ev->trend_row));
  g_assert_cmpstr (subtitle (ev->source_row), ==, "Front desk notes");
  g_assert_cmpstr (subtitle (ev->mean_row), ==, "2.5 · Neutral, 95 % interval 1.23–3.77");

  fixture_tear_down (&fixture);
}

/* An NPS survey: the NPS, the survey's eleven steps. */
static void
test_nps (void)
{
  Fixture fixture;
  JourneyInspector *inspector;
  JourneyInspectorEvidence *ev;

  fixture_set_up (&fixture, "touchpoint,score,time\nroom,10,2026-11-02\nroom,9,2026-11-02\nroom,8,2026-11-02\n"
                            "room,3,2026-11-02\n");
  journey_edit_remove_evidence_source (journey_window_get_history (fixture.window), fixture.map, "Post-stay");
  import_survey (&fixture, "NPS", 0, 10);
  inspector = show_touchpoint (&fixture, "room");
  ev = inspector->evidence;

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ev->metric_row)), ==, "Net Promoter Score");
  /* Two promoters, one detractor of four. */
  g_assert_cmpstr (subtitle (ev->metric_row), ==, "+25 (promoters less detractors, −100 to +100)");
  g_assert_cmpuint (journey_evidence_chart_get_n_items (ev->histogram), ==, 11);
  g_assert_cmpstr (gtk_label_get_text (ev->histogram_caption), ==, "On the survey’s scale of 0 to 10");
  gtk_test_accessible_assert_property (ev->histogram, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "0: 0 answers; 1: 0 answers; 2: 0 answers; 3: 1 answer; 4: 0 answers; "
                                       "5: 0 answers; 6: 0 answers; 7: 0 answers; 8: 1 answer; 9: 1 answer; "
                                       "10: 1 answer");
  gtk_test_accessible_assert_property (ev->trend, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Week of 11/02/26: Satisfied, 4 responses");

  fixture_tear_down (&fixture);
}

/* A 0–100 slider: no step is a "top box", so no CSAT; 101 bars. */
static void
test_slider (void)
{
  Fixture fixture;
  JourneyInspector *inspector;
  JourneyInspectorEvidence *ev;
  JourneyEvidenceSummary summary;

  fixture_open (&fixture, "touchpoint,score,time\nroom,100,2026-11-02\nroom,90,2026-11-02\nroom,50,2026-11-02\n");
  import_survey (&fixture, "Slider", 0, 100);
  inspector = show_touchpoint (&fixture, "room");
  ev = inspector->evidence;

  g_assert_true (journey_evidence_summarize (journey_map_find_touchpoint (fixture.map, "room")->evidence,
                                             fixture.map->scale, &summary));
  g_assert_cmpint (summary.metric, ==, JOURNEY_EVIDENCE_METRIC_NONE);
  g_assert_true (isnan (summary.score));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ev->metric_row)));
  g_assert_cmpuint (journey_evidence_chart_get_n_items (ev->histogram), ==, 101);

  fixture_tear_down (&fixture);
}

/* -- The map's sources in the inspector ----------------------------------- */

/* The first visible widget of @type in @widget (an expander row has a
 * switch of its own, hidden). */
static GtkWidget *
find_visible (GtkWidget *widget,
              GType      type)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_visible (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static JourneyEvidenceSource *
first_source (Fixture *fixture)
{
  return journey_list_peek (fixture->map->evidence_sources, 0);
}

static void
append (Fixture    *fixture,
        const char *text)
{
  FILE *out = g_fopen (fixture->survey, "ab");

  fputs (text, out);
  fclose (out);
}

typedef struct
{
  JourneyTouchpoint *touchpoint;
  int                responses;
} Expect;

static gboolean
has_responses (gpointer data)
{
  Expect *expect = data;

  return expect->touchpoint->evidence != NULL && expect->touchpoint->evidence->responses == expect->responses;
}

static void
wait_for_responses (JourneyTouchpoint *touchpoint,
                    int                responses)
{
  Expect expect = { touchpoint, responses };

  wait_until (has_responses, &expect);
}

static GtkWidget *
show_sources (Fixture *fixture)
{
  JourneyInspector *inspector = fixture->window->inspector;

  journey_inspector_set_selection (inspector, NULL);
  iterate ();
  g_assert_cmpuint (inspector->evidence->source_rows->len, ==, 1);
  return g_ptr_array_index (inspector->evidence->source_rows, 0);
}

static gboolean
error_shown (gpointer data)
{
  JourneyInspector *inspector = data;

  return gtk_widget_get_visible (GTK_WIDGET (inspector->evidence->sources_error));
}

/* Renaming, following and the time window: one undo step each. */
static void
test_sources_edit (void)
{
  Fixture fixture;
  JourneyHistory *history;
  JourneyTouchpoint *website, *room;
  GtkWidget *row;
  GtkWidget *entry;
  GtkSwitch *follow;
  AdwComboRow *window_row;
  guint steps;

  fixture_set_up (&fixture, survey_text);
  history = journey_window_get_history (fixture.window);
  website = journey_map_find_touchpoint (fixture.map, "website");
  room = journey_map_find_touchpoint (fixture.map, "room");
  row = show_sources (&fixture);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Post-stay");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "survey.csv · CSV with one header row");
  g_assert_nonnull (test_find_label (row, "Touchpoints in “touchpoint”, scores in “score”, times in “time”", FALSE));
  g_assert_false (gtk_widget_get_visible (fixture.window->inspector->evidence->no_sources_row));

  /* Rename: the parts follow; an empty name is refused. */
  entry = test_find_widget (row, ADW_TYPE_ENTRY_ROW);
  steps = journey_history_get_n_steps (history);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Survey");
  g_signal_emit_by_name (entry, "apply");
  g_assert_cmpstr (first_source (&fixture)->name, ==, "Survey");
  g_assert_cmpstr (website->evidence->source, ==, "Survey");
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps + 1);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Rename the source “Post-stay”");
  iterate ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Survey");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "apply");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (test_find_label (row, "A source needs a name", FALSE));
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps + 1);
  g_assert_true (journey_history_undo (history));
  g_assert_cmpstr (first_source (&fixture)->name, ==, "Post-stay");
  g_assert_cmpstr (website->evidence->source, ==, "Post-stay");
  iterate ();

  /* Follow: the window follows the file, appended rows show. */
  follow = GTK_SWITCH (find_visible (row, GTK_TYPE_SWITCH));
  g_assert_false (gtk_switch_get_active (follow));
  gtk_switch_set_active (follow, TRUE);
  g_assert_true (first_source (&fixture)->follow);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Follow the source “Post-stay”");
  iterate ();
  g_assert_cmpuint (journey_window_get_n_followed (fixture.window), ==, 1);
  append (&fixture, "room,4,2026-11-12\n");
  wait_for_responses (room, 3);
  /* The followed update is not a step; undo takes back the follow. */
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Follow the source “Post-stay”");
  g_assert_true (journey_history_undo (history));
  g_assert_cmpuint (journey_list_get_length (fixture.map->evidence_sources), ==, 1);
  g_assert_false (first_source (&fixture)->follow);
  iterate ();
  g_assert_cmpuint (journey_window_get_n_followed (fixture.window), ==, 0);
  g_assert_false (gtk_switch_get_active (follow));

  /* The last 7 days, counted back from the newest answer (12 November):
   * the website's answer of the 10th only. */
  window_row = ADW_COMBO_ROW (test_find_widget (row, ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (window_row), ==, 0);
  steps = journey_history_get_n_steps (history);
  adw_combo_row_set_selected (window_row, 1);
  wait_for_responses (website, 1);
  g_assert_cmpint (first_source (&fixture)->last_days, ==, 7);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps + 1);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Use the Last 7 Days of “Post-stay”");
  g_assert_cmpuint (adw_combo_row_get_selected (window_row), ==, 1);
  g_assert_true (journey_history_undo (history));
  g_assert_cmpint (first_source (&fixture)->last_days, ==, 0);
  g_assert_cmpint (website->evidence->responses, ==, 3);
  iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (window_row), ==, 0);

  /* A file gone: the inspector says so, and the map keeps its evidence. */
  g_unlink (fixture.survey);
  steps = journey_history_get_n_steps (history);
  test_click (test_find_button (row, "_Import Again"));
  wait_until (error_shown, fixture.window->inspector);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (fixture.window->inspector->evidence->sources_error),
                                   "“Post-stay” cannot be imported: "));
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps);
  g_assert_cmpint (website->evidence->responses, ==, 3);

  fixture_tear_down (&fixture);
}

/* Import again, remove; Save As elsewhere keeps the file found. */
static void
test_sources_upkeep (void)
{
  Fixture fixture;
  JourneyHistory *history;
  JourneyTouchpoint *website, *checkout;
  g_autofree char *sub = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GFile) moved_file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  fixture_set_up (&fixture, survey_text);
  history = journey_window_get_history (fixture.window);
  website = journey_map_find_touchpoint (fixture.map, "website");
  checkout = journey_map_find_touchpoint (fixture.map, "checkout");
  row = show_sources (&fixture);

  append (&fixture, "website,1,2026-11-12\n");
  test_click (test_find_button (row, "_Import Again"));
  wait_for_responses (website, 4);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Import “Post-stay” Again");
  g_assert_cmpint (first_source (&fixture)->rows, ==, 7);

  /* Saved in a folder below: the path is rewritten, and still found. */
  sub = g_build_filename (fixture.dir, "sub", NULL);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  moved = g_build_filename (sub, "moved.journey", NULL);
  moved_file = g_file_new_for_path (moved);
  g_assert_true (journey_document_save (journey_window_get_document (fixture.window), moved_file, JOURNEY_SAVE_NONE,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first_source (&fixture)->path, ==, "../survey.csv");
  append (&fixture, "website,1,2026-11-12\n");
  test_click (test_find_button (row, "_Import Again"));
  wait_for_responses (website, 5);
  g_assert_cmpstr (first_source (&fixture)->path, ==, "../survey.csv");

  /* Remove: the evidence it gave goes, the hand-typed stays. */
  test_click (test_find_button (row, "_Remove"));
  g_assert_cmpuint (journey_list_get_length (fixture.map->evidence_sources), ==, 0);
  g_assert_null (website->evidence);
  g_assert_nonnull (checkout->evidence);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Remove the source “Post-stay”");
  iterate ();
  g_assert_true (journey_history_undo (history));
  g_assert_cmpint (website->evidence->responses, ==, 5);
  iterate ();
  g_assert_cmpuint (fixture.window->inspector->evidence->source_rows->len, ==, 1);

  /* Evidence typed into the project is a source of its own: listed, and
   * removed in one step. */
  {
    JourneyInspectorEvidence *ev = fixture.window->inspector->evidence;
    GtkWidget *typed;

    g_assert_cmpuint (ev->typed_rows->len, ==, 1);
    typed = g_ptr_array_index (ev->typed_rows, 0);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (typed)), ==, "Front desk notes");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (typed)), ==, "Typed into the project · 1 touchpoint");
    test_click (find_visible (typed, GTK_TYPE_BUTTON));
    g_assert_null (checkout->evidence);
    g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Remove the source “Front desk notes”");
    iterate ();
    g_assert_cmpuint (ev->typed_rows->len, ==, 0);
    g_assert_false (gtk_widget_get_visible (ev->no_sources_row));
    test_click (test_find_button (g_ptr_array_index (ev->source_rows, 0), "_Remove"));
    iterate ();
    g_assert_true (gtk_widget_get_visible (ev->no_sources_row));
    g_assert_true (journey_history_undo (history));
    g_assert_true (journey_history_undo (history));
    g_assert_cmpfloat (checkout->evidence->mean, ==, 2.5);
    iterate ();
    g_assert_cmpuint (ev->typed_rows->len, ==, 1);
  }

  g_unlink (moved);
  g_rmdir (sub);
  fixture_tear_down (&fixture);
}

/* -- The validation view -------------------------------------------------- */

static const char *
row_title (GtkListBox *list,
           int         index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, index)));
}

static void
test_validation (void)
{
  Fixture fixture;
  JourneyHistory *history;
  JourneyValidation *validation;
  GtkListBox *list;
  GtkListBoxRow *row;
  JourneyTouchpoint *room, *checkout;
  g_autoptr(GPtrArray) selected = NULL;
  guint steps;

  fixture_set_up (&fixture, survey_text);
  history = journey_window_get_history (fixture.window);
  room = journey_map_find_touchpoint (fixture.map, "room");
  checkout = journey_map_find_touchpoint (fixture.map, "checkout");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.compare-evidence", NULL));
  validation = journey_validation_get_for (fixture.window);
  g_assert_nonnull (validation);
  iterate ();
  list = journey_validation_get_list (validation);

  /* Room is measured 2 below its hypothesis, check-out 0.5 above, the
   * others as hypothesised: numbered in time order. */
  g_assert_cmpstr (row_title (list, 0), ==, "3. Room");
  g_assert_cmpstr (row_title (list, 1), ==, "4. Check-out");
  g_assert_cmpstr (row_title (list, 2), ==, "1. Website");
  g_assert_cmpstr (row_title (list, 3), ==, "2. Check-in");
  g_assert_null (gtk_list_box_get_row_at_index (list, 4));
  row = gtk_list_box_get_row_at_index (list, 0);
  /* Room's gap of 2 is more than a fifth of the scale: the map flags it,
   * and so does its row; check-out's 0.5 is less. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Hypothesis Satisfied. Measured Dissatisfied, 95 % interval 2–2, from 2 responses "
                   "(thin evidence). Flagged on the map");
  g_assert_true (gtk_widget_has_css_class (test_find_label (GTK_WIDGET (row), "−2", FALSE), "error"));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The measurement is 2 below the hypothesis. Flagged on the map");
  {
    GtkWidget *second = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1));
    JourneyLayout *layout = journey_canvas_get_layout (journey_window_get_canvas (fixture.window));

    g_assert_false (gtk_widget_has_css_class (test_find_label (second, "+0.5", FALSE), "error"));
    g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (second)), "Flagged"));
    /* The map's flags: room's, not check-out's. */
    g_assert_cmpuint (layout->n_flags, ==, 1);
    g_assert_true (layout->cards[layout->flags[0].card].touchpoint == room);
    /* Says the gap as the window does. */
    g_assert_cmpstr (layout->flags[0].label, ==, "−2");
  }
  g_assert_false (gtk_widget_get_sensitive (test_find_button (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)),
                                                         "Use Measured Mean")));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (row)));

  /* A row activated selects its card. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  selected = journey_canvas_get_selection (journey_window_get_canvas (fixture.window));
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == checkout);

  /* One touchpoint's measurement, then all of them: a step each. */
  steps = journey_history_get_n_steps (history);
  test_click (test_find_button (GTK_WIDGET (row), "Use Measured Mean"));
  g_assert_cmpfloat (room->satisfaction, ==, 2);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps + 1);
  iterate ();
  g_assert_cmpstr (row_title (list, 0), ==, "4. Check-out");
  g_assert_cmpstr (row_title (list, 3), ==, "3. Room");
  g_assert_true (gtk_widget_get_sensitive (journey_validation_get_use_all_button (validation)));
  test_click (journey_validation_get_use_all_button (validation));
  g_assert_cmpfloat (checkout->satisfaction, ==, 2.5);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps + 2);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Set satisfaction to the measurements");
  iterate ();
  g_assert_false (gtk_widget_get_sensitive (journey_validation_get_use_all_button (validation)));

  g_assert_true (journey_history_undo (history));
  g_assert_true (journey_history_undo (history));
  g_assert_cmpfloat (room->satisfaction, ==, 4);
  g_assert_cmpfloat (checkout->satisfaction, ==, 2);
  iterate ();
  g_assert_cmpstr (row_title (list, 0), ==, "3. Room");

  /* Escape closes it; the action opens it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (validation), "window.close", NULL));
  iterate ();
  g_assert_null (journey_validation_get_for (fixture.window));

  fixture_tear_down (&fixture);
}

/* A map without evidence says how to get some. */
static void
test_validation_empty (void)
{
  Fixture fixture;
  JourneyValidation *validation;
  JourneyHistory *history;

  fixture_set_up (&fixture, survey_text);
  history = journey_window_get_history (fixture.window);
  journey_edit_remove_evidence_source (history, fixture.map, "Post-stay");
  journey_edit_remove_evidence_source (history, fixture.map, "Front desk notes");
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.compare-evidence", NULL);
  validation = journey_validation_get_for (fixture.window);
  iterate ();
  g_assert_null (gtk_list_box_get_row_at_index (journey_validation_get_list (validation), 0));
  g_assert_nonnull (test_find_label (GTK_WIDGET (validation), "No Evidence Yet", FALSE));
  g_assert_false (gtk_widget_get_sensitive (journey_validation_get_use_all_button (validation)));

  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  /* The test AT context keeps the accessible properties to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_app_init (&argc, &argv);

  g_test_add_func ("/compare/model", test_model);
  g_test_add_func ("/compare/inspector/touchpoint", test_touchpoint);
  g_test_add_func ("/compare/inspector/nps", test_nps);
  g_test_add_func ("/compare/inspector/slider", test_slider);
  g_test_add_func ("/compare/inspector/sources-edit", test_sources_edit);
  g_test_add_func ("/compare/inspector/sources-upkeep", test_sources_upkeep);
  g_test_add_func ("/compare/validation", test_validation);
  g_test_add_func ("/compare/validation/empty", test_validation_empty);

  return test_app_run ();
}
