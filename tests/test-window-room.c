/* test-window-room.c: the room's rating in the window (SPEC §10): "Adopt
 * the Room's Rating" for a card, from the canvas's context menu (reached
 * by the keyboard too) and from the inspector, one undo step each, beside
 * the session panel's for-all action.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "journey-canvas.h"
#include "journey-edit.h"
#include "journey-inspector.h"
#include "journey-session.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"


typedef struct
{
  JourneyWindow  *window;
  JourneyCanvas  *canvas;
  JourneyHistory *history;
  JourneyMap     *map;
} Fixture;

/* Participants' ratings of @tp, as the session applies them: from
 * outside the history. */
static void
rate (Fixture           *f,
      JourneyTouchpoint *tp,
      int                low,
      int                high)
{
  int counts[11] = { 0 };
  g_autoptr(JourneyRoom) room = NULL;

  counts[low - f->map->scale->min] += 2;
  counts[high - f->map->scale->min] += 1;
  room = test_room_new (f->map->scale, counts, G_N_ELEMENTS (counts));
  test_set_room_outside (f->history, tp, room);
  test_iterate_frames ();
}

static void
fixture_open (Fixture *f)
{
  g_autofree char *path = g_build_filename (g_getenv ("JOURNEYS_EXAMPLES_DIR"), "hotel.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  f->window = journey_window_new (test_app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 1000);
  journey_window_load (f->window, file);
  gtk_window_present (GTK_WINDOW (f->window));
  test_wait_for_document (f->window);
  f->canvas = journey_window_get_canvas (f->window);
  f->history = journey_window_get_history (f->window);
  f->map = journey_window_get_map (f->window);
  test_iterate_frames ();
}

static void
fixture_close (Fixture *f)
{
  /* The edits are undone: nothing to save. */
  while (journey_history_undo (f->history))
    ;
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_iterate_frames ();
}

/* Whether @model (or a section of it) has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action,
                 char      **label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action, label))
        return TRUE;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        {
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", label);
          return TRUE;
        }
    }
  return FALSE;
}

/* The menu's button for @text (GTK's GtkModelButton): its sensitivity
 * is its action's enabled state. */
static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *text)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    {
      g_autofree char *item = NULL;

      g_object_get (widget, "text", &item, NULL);
      if (g_strcmp0 (item, text) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_popover_menu (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return child;
  return NULL;
}

/* The canvas: the context menu, opened from the keyboard on the focused
 * card, offers the room's rating; it adopts it for the selected cards
 * that have one, as one undo step; on a card the room did not rate it is
 * disabled. */
static void
test_canvas (void)
{
  Fixture f;
  JourneyTouchpoint *website, *reviews, *checkin;
  GtkWidget *popover;
  g_autofree char *label = NULL;
  guint steps;

  fixture_open (&f);
  website = journey_map_find_touchpoint (f.map, "website");
  reviews = journey_map_find_touchpoint (f.map, "reviews");
  checkin = journey_map_find_touchpoint (f.map, "checkin");
  rate (&f, website, 2, 3);
  rate (&f, checkin, 5, 4);
  /* Participants' ratings are not on the undo stack. */
  steps = journey_history_get_n_steps (f.history);
  g_assert_cmpfloat (website->satisfaction, ==, 4);

  /* A card the room did not rate: nothing to adopt, the item disabled. */
  journey_canvas_set_focus_touchpoint (f.canvas, reviews);
  journey_canvas_select (f.canvas, reviews, FALSE);
  test_iterate_frames ();
  test_press_key (GTK_WIDGET (f.canvas), GDK_KEY_Menu, 0);
  popover = find_popover_menu (GTK_WIDGET (f.canvas));
  g_assert_nonnull (popover);
  g_assert_nonnull (find_menu_item (popover, "Adopt the Room’s Rating"));
  g_assert_false (gtk_widget_get_sensitive (find_menu_item (popover, "Adopt the Room’s Rating")));
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.adopt-room", NULL);
  g_assert_cmpuint (journey_history_get_n_steps (f.history), ==, steps);

  /* The focused card's context menu from the keyboard (Menu). */
  journey_canvas_set_focus_touchpoint (f.canvas, website);
  journey_canvas_select (f.canvas, website, FALSE);
  test_iterate_frames ();
  test_press_key (GTK_WIDGET (f.canvas), GDK_KEY_Menu, 0);
  popover = find_popover_menu (GTK_WIDGET (f.canvas));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), "canvas.adopt-room",
                                  &label));
  g_assert_cmpstr (label, ==, "Adopt the _Room’s Rating");
  g_assert_true (gtk_widget_get_sensitive (find_menu_item (popover, "Adopt the Room’s Rating")));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Adopted: the room's mean, one step, undone exactly. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.adopt-room", NULL));
  test_iterate_frames ();
  g_assert_cmpfloat_with_epsilon (website->satisfaction, 7.0 / 3.0, 1e-9);
  g_assert_cmpfloat (checkin->satisfaction, !=, checkin->room->mean);
  g_assert_cmpuint (journey_history_get_n_steps (f.history), ==, steps + 1);
  g_assert_cmpstr (journey_history_get_undo_label (f.history), ==, "Adopt the Room’s Rating");
  g_assert_true (journey_history_undo (f.history));
  g_assert_cmpfloat (website->satisfaction, ==, 4);

  /* Two cards selected, one of them without a room's rating: one step
   * for the one rated. */
  journey_canvas_select (f.canvas, checkin, FALSE);
  journey_canvas_select (f.canvas, reviews, TRUE);
  test_iterate_frames ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.adopt-room", NULL));
  g_assert_cmpfloat_with_epsilon (checkin->satisfaction, 14.0 / 3.0, 1e-9);
  g_assert_cmpstr (journey_history_get_undo_label (f.history), ==, "Adopt the Room’s Rating");
  g_assert_cmpuint (journey_history_get_n_steps (f.history), ==, steps + 1);

  fixture_close (&f);
}

static gboolean
is_adopt_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Adopt") == 0;
}

static GtkWidget *
find_adopt_button (GtkWidget *widget)
{
  if (is_adopt_button (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_adopt_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The inspector: the room's rating under the satisfaction of the card
 * shown, and its Adopt button, one undo step. */
static void
test_inspector (void)
{
  Fixture f;
  JourneyTouchpoint *website;
  GtkWidget *inspector, *button, *row;
  guint steps;

  fixture_open (&f);
  website = journey_map_find_touchpoint (f.map, "website");
  inspector = test_find_widget (GTK_WIDGET (f.window), JOURNEY_TYPE_INSPECTOR);
  g_assert_nonnull (inspector);
  button = find_adopt_button (inspector);
  g_assert_nonnull (button);

  /* Not rated: the row is hidden. */
  journey_canvas_select (f.canvas, website, FALSE);
  test_iterate_frames ();
  row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (row));

  /* Rated 1, 1 and 5: the row says so, with the spread and the flag. */
  rate (&f, website, 1, 5);
  steps = journey_history_get_n_steps (f.history);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "The Room’s Rating");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "2.33 · Dissatisfied, ± 1.9, from 3 ratings: the room disagrees");
  g_assert_true (gtk_widget_get_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  test_iterate_frames ();
  g_assert_cmpfloat_with_epsilon (website->satisfaction, 7.0 / 3.0, 1e-9);
  g_assert_cmpuint (journey_history_get_n_steps (f.history), ==, steps + 1);
  g_assert_cmpstr (journey_history_get_undo_label (f.history), ==, "Adopt the Room’s Rating");
  /* Adopted: nothing more to adopt. */
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (journey_history_undo (f.history));
  g_assert_cmpfloat (website->satisfaction, ==, 4);
  test_iterate_frames ();
  g_assert_true (gtk_widget_get_sensitive (button));

  fixture_close (&f);
}

/* While a session runs, each card counts what participants sent: the
 * room's ratings, the votes shown and the comments; when it stops, the
 * counts go. */
static void
test_live_counts (void)
{
  Fixture f;
  g_autoptr(JourneySession) session = NULL;
  g_autoptr(GError) error = NULL;
  JourneyTouchpoint *website;
  JourneyLiveCounts counts = { 0, 0, 0 };
  gint64 end;

  fixture_open (&f);
  website = journey_map_find_touchpoint (f.map, "website");
  session = journey_session_new (f.history, f.map);
  g_assert_true (journey_session_start (session, &error));
  g_assert_no_error (error);
  journey_canvas_follow_session (f.canvas, session);
  test_iterate_frames ();
  /* Before any rating: what the card had, comments and votes, if any. */
  g_assert_cmpint (journey_canvas_get_live_counts (f.canvas, website, &counts), ==,
                   website->votes > 0 || journey_list_get_length (website->comments) > 0);
  g_assert_cmpuint (counts.ratings, ==, 0);

  rate (&f, website, 2, 3);
  g_assert_true (journey_canvas_get_live_counts (f.canvas, website, &counts));
  g_assert_cmpuint (counts.ratings, ==, 3);
  g_assert_cmpuint (counts.votes, ==, (guint) website->votes);
  g_assert_cmpuint (counts.comments, ==, journey_list_get_length (website->comments));

  /* Stopped: within a poll, no card counts anything. */
  journey_session_stop (session);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (journey_canvas_get_live_counts (f.canvas, website, NULL) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (journey_canvas_get_live_counts (f.canvas, website, NULL));

  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  g_test_add_func ("/window-room/canvas", test_canvas);
  g_test_add_func ("/window-room/inspector", test_inspector);
  g_test_add_func ("/window-room/live-counts", test_live_counts);

  return test_app_run ();
}
