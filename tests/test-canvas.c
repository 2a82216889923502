/* test-canvas.c: rows of SPEC §9's table other than the drags: adding
 * touchpoints, zoom and pan, the keyboard, the channel filter and notes,
 * driven through the canvas's own gestures and key bindings (no fake
 * input: the gestures found with gtk_widget_observe_controllers get their
 * signals), checked in the model, in one undo step, and in a saved file.
 * The drags are in test-canvas-drag.c, what the canvas shows in
 * test-canvas-render.c.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include <gtk/gtk.h>

#include "export/export-test-utils.h"
#include "journey-canvas-test-utils.h"
#include "journey-canvas.h"
#include "journey-scene.h"

/* -- the table of SPEC §9 ------------------------------------------------- */

/* Double-clicks an empty spot of a lane: a new touchpoint there, at that
 * time, its title ready to type. */
static void
test_add_by_double_click (Fixture       *f,
                          gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  JourneyLayoutLane *support = &layout->lanes[4];
  guint n = journey_list_get_length (f->map->touchpoints);
  JourneyTouchpoint *added;
  GtkWidget *entry;

  g_assert_cmpstr (support->lane->id, ==, "sup");
  /* Each press of a real double click reaches the drag gesture too, and
   * the second one may come there after the title's popover opened: it
   * must not take the focus back from the title. */
  {
    GtkGesture *click = find_gesture (f->canvas, GTK_TYPE_GESTURE_CLICK, GDK_BUTTON_PRIMARY);
    GtkGesture *drag = find_gesture (f->canvas, GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);
    double wx, wy;

    journey_canvas_map_to_widget (f->canvas, journey_layout_x_for_time (layout, 1), support->rect.y + 20, &wx, &wy);
    for (int press = 1; press <= 2; press++)
      {
        g_signal_emit_by_name (click, "pressed", press, wx, wy);
        g_signal_emit_by_name (drag, "drag-begin", wx, wy);
        g_signal_emit_by_name (click, "released", press, wx, wy);
        g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
      }
    test_iterate_frames ();
  }

  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n + 1);
  added = journey_list_peek (f->map->touchpoints, n);
  g_assert_cmpstr (added->lane, ==, "sup");
  g_assert_cmpfloat_with_epsilon (added->time, 1, 1e-9);
  g_assert_true (journey_canvas_get_focus_touchpoint (f->canvas) == added);

  /* The title is typed where the card is. */
  entry = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_IS_TEXT (entry) || GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Sends the invoice");
  g_signal_emit_by_name (GTK_IS_TEXT (entry) ? gtk_widget_get_ancestor (entry, GTK_TYPE_ENTRY) : entry, "activate");
  test_iterate_frames ();
  g_assert_cmpstr (added->title, ==, "Sends the invoice");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Rename “New touchpoint”");
  g_assert_true (journey_history_undo (f->history));
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Add Touchpoint");
  g_assert_true (journey_history_undo (f->history));
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n);
}

/* "+" (and Insert) with no card focused adds to the first customer lane,
 * or to the first lane when the map has none. */
static void
test_add_without_selection (Fixture       *f,
                            gconstpointer  data)
{
  guint n = journey_list_get_length (f->map->touchpoints);
  JourneyTouchpoint *added;
  JourneyLane *guest = journey_list_peek (f->map->lanes, 1);
  g_autoptr(GPtrArray) selection = journey_canvas_get_selection (f->canvas);

  g_assert_cmpuint (selection->len, ==, 0);
  g_assert_null (journey_canvas_get_focus_touchpoint (f->canvas));
  g_assert_cmpstr (guest->id, ==, "cust");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.add-touchpoint", NULL));
  test_iterate_frames ();
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n + 1);
  added = journey_list_peek (f->map->touchpoints, n);
  g_assert_cmpstr (added->lane, ==, "cust");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Add Touchpoint");
  g_assert_true (journey_history_undo (f->history));
  test_iterate_frames ();
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n);

  /* No customer lane: the first lane. */
  journey_history_set (f->history, guest, "kind", JOURNEY_LANE_ONSTAGE, NULL);
  test_iterate_frames ();
  journey_canvas_set_focus_touchpoint (f->canvas, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.add-touchpoint", NULL));
  test_iterate_frames ();
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n + 1);
  added = journey_list_peek (f->map->touchpoints, n);
  g_assert_cmpstr (added->lane, ==, "phys");
}

/* Zoom in, out and to fit; zoom around a point; pan with the middle
 * button. */
static void
test_zoom_and_pan (Fixture       *f,
                   gconstpointer  data)
{
  JourneyLayout *layout;
  GtkAdjustment *h, *v;
  double mx, my, mx2, my2, value;
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));

  double zoom = journey_canvas_get_zoom (f->canvas);

  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-in", NULL);
  test_iterate_frames ();
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (f->canvas), zoom * 1.2, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-reset", NULL);
  g_assert_cmpfloat (journey_canvas_get_zoom (f->canvas), ==, 1);

  /* Around the pointer: the map point under it stays under it. */
  journey_canvas_widget_to_map (f->canvas, 300, 200, &mx, &my);
  journey_canvas_zoom_at (f->canvas, 2, 300, 200);
  test_iterate_frames ();
  journey_canvas_widget_to_map (f->canvas, 300, 200, &mx2, &my2);
  g_assert_cmpfloat_with_epsilon (mx, mx2, 0.5);
  g_assert_cmpfloat_with_epsilon (my, my2, 0.5);

  /* Fit: the whole map in view. */
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-fit", NULL);
  test_iterate_frames ();
  layout = journey_canvas_get_layout (f->canvas);
  g_assert_cmpfloat (layout->width * journey_canvas_get_zoom (f->canvas), <=, width + 0.5);
  g_assert_cmpfloat (layout->height * journey_canvas_get_zoom (f->canvas), <=, height + 0.5);
  g_assert_true (layout->width * journey_canvas_get_zoom (f->canvas) >= width - 1
                 || layout->height * journey_canvas_get_zoom (f->canvas) >= height - 1);

  /* The middle button pans. */
  journey_canvas_zoom_at (f->canvas, 2, 0, 0);
  test_iterate_frames ();
  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas));
  gtk_adjustment_set_value (h, 400);
  gtk_adjustment_set_value (v, 300);
  value = gtk_adjustment_get_value (h);
  drag_map (f, GDK_BUTTON_MIDDLE, 400, 400, 350, 380);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (h), value + 100, 1);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (v), 300 + 40, 1);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 0);
}

/* Tab walks the cards in time order, the arrows go to the nearest card. */
static void
test_keyboard_focus (Fixture       *f,
                     gconstpointer  data)
{
  press_key (f, GDK_KEY_Tab, 0);
  g_assert_cmpstr (journey_canvas_get_focus_touchpoint (f->canvas)->id, ==, "a");
  press_key (f, GDK_KEY_Tab, 0);
  g_assert_cmpstr (journey_canvas_get_focus_touchpoint (f->canvas)->id, ==, "b");
  press_key (f, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_cmpstr (journey_canvas_get_focus_touchpoint (f->canvas)->id, ==, "a");

  /* a is left of b in the same lane. */
  press_key (f, GDK_KEY_Right, 0);
  g_assert_cmpstr (journey_canvas_get_focus_touchpoint (f->canvas)->id, ==, "b");
  press_key (f, GDK_KEY_Left, 0);
  g_assert_cmpstr (journey_canvas_get_focus_touchpoint (f->canvas)->id, ==, "a");
  /* Down: a card below. */
  {
    double y = card (f, "a")->rect.y;

    press_key (f, GDK_KEY_Down, 0);
    g_assert_false (journey_canvas_get_focus_touchpoint (f->canvas) == tp (f, "a"));
    g_assert_cmpfloat (card (f, journey_canvas_get_focus_touchpoint (f->canvas)->id)->rect.y, >, y);
  }
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 0);
}

/* Shift+arrows move the focused card; Page Up/Down its satisfaction. */
static void
test_keyboard_edits (Fixture       *f,
                     gconstpointer  data)
{
  journey_canvas_set_focus_touchpoint (f->canvas, tp (f, "b"));

  press_key (f, GDK_KEY_Right, GDK_SHIFT_MASK);
  g_assert_cmpfloat_with_epsilon (tp (f, "b")->time, 1.75, 1e-9);
  assert_one_step (f, "Move “Books a room”");
  g_assert_true (journey_history_undo (f->history));

  press_key (f, GDK_KEY_Down, GDK_SHIFT_MASK);
  g_assert_cmpstr (tp (f, "b")->lane, ==, "on");
  assert_one_step (f, "Move “Books a room”");
  g_assert_true (journey_history_undo (f->history));

  press_key (f, GDK_KEY_Page_Down, 0);
  g_assert_cmpfloat (tp (f, "b")->satisfaction, ==, 4);
  assert_one_step (f, "Set Satisfaction of “Books a room”");
  press_key (f, GDK_KEY_minus, 0);
  g_assert_cmpfloat (tp (f, "b")->satisfaction, ==, 3);
  press_key (f, GDK_KEY_plus, 0);
  press_key (f, GDK_KEY_Page_Up, 0);
  g_assert_cmpfloat (tp (f, "b")->satisfaction, ==, 5);
  /* At the top of the scale: nothing more, and no empty step. */
  press_key (f, GDK_KEY_Page_Up, 0);
  g_assert_cmpfloat (tp (f, "b")->satisfaction, ==, 5);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 4);
}

static void
on_activate (JourneyCanvas     *canvas,
             JourneyTouchpoint *touchpoint,
             gpointer           user_data)
{
  *(JourneyTouchpoint **) user_data = touchpoint;
}

/* Enter opens, Delete deletes, Ctrl+D duplicates, Ctrl+C/X/V. */
static void
test_keyboard_commands (Fixture       *f,
                        gconstpointer  data)
{
  guint n = journey_list_get_length (f->map->touchpoints);
  JourneyTouchpoint *activated = NULL;
  g_autoptr(GPtrArray) selection = NULL;

  g_signal_connect (f->canvas, "activate-touchpoint", G_CALLBACK (on_activate), &activated);
  journey_canvas_set_focus_touchpoint (f->canvas, tp (f, "c"));
  journey_canvas_select (f->canvas, tp (f, "c"), FALSE);
  press_key (f, GDK_KEY_Return, 0);
  g_assert_true (activated == tp (f, "c"));

  press_key (f, GDK_KEY_d, GDK_CONTROL_MASK);
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n + 1);
  selection = journey_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_cmpstr (((JourneyTouchpoint *) g_ptr_array_index (selection, 0))->title, ==, "Checks in");
  g_assert_false (g_ptr_array_index (selection, 0) == tp (f, "c"));
  assert_one_step (f, "Duplicate “Checks in”");
  g_assert_true (journey_history_undo (f->history));
  test_iterate_frames ();

  journey_canvas_select (f->canvas, tp (f, "c"), FALSE);
  press_key (f, GDK_KEY_Delete, 0);
  g_assert_null (tp (f, "c"));
  assert_one_step (f, "Delete “Checks in”");
  g_assert_true (journey_history_undo (f->history));
  test_iterate_frames ();

  /* Copy, then paste: a new touchpoint like it, as one step. */
  journey_canvas_select (f->canvas, tp (f, "c"), FALSE);
  press_key (f, GDK_KEY_c, GDK_CONTROL_MASK);
  press_key (f, GDK_KEY_v, GDK_CONTROL_MASK);
  for (int i = 0; i < 200 && journey_list_get_length (f->map->touchpoints) == n; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n + 1);
  g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (f->map->touchpoints, n))->title, ==, "Checks in");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Paste");
  g_assert_true (journey_history_undo (f->history));
  test_iterate_frames ();

  /* Cut: gone, and back with a paste. */
  journey_canvas_select (f->canvas, tp (f, "c"), FALSE);
  press_key (f, GDK_KEY_x, GDK_CONTROL_MASK);
  g_assert_null (tp (f, "c"));
  press_key (f, GDK_KEY_v, GDK_CONTROL_MASK);
  for (int i = 0; i < 200 && journey_list_get_length (f->map->touchpoints) == n - 1; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n);

  /* Escape clears the selection. */
  g_clear_pointer (&selection, g_ptr_array_unref);
  press_key (f, GDK_KEY_Escape, 0);
  selection = journey_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 0);
}

/* A channel filter veils the cards of every other channel, and only
 * changes what is drawn. */
static void
test_channel_filter (Fixture       *f,
                     gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  g_autoptr(JourneyScene) veiled = NULL;
  JourneySceneState state = { NULL, NULL, NULL, "web" };
  const JourneySceneNode *nodes;
  guint dimmed = 0, web = 0;

  journey_canvas_set_channel_filter (f->canvas, "web");
  g_assert_cmpstr (journey_canvas_get_channel_filter (f->canvas), ==, "web");
  test_iterate_frames ();
  layout = journey_canvas_get_layout (f->canvas);
  veiled = journey_scene_new_with_state (layout, &state);
  nodes = journey_scene_get_nodes (veiled);
  for (guint i = 0; i < journey_scene_get_n_nodes (veiled); i++)
    if (nodes[i].role == JOURNEY_ROLE_DIMMED)
      {
        dimmed++;
        g_assert_cmpstr (((JourneyTouchpoint *) nodes[i].item)->channel, !=, "web");
      }
  for (guint c = 0; c < layout->n_cards; c++)
    if (g_strcmp0 (layout->cards[c].touchpoint->channel, "web") == 0)
      web++;
  g_assert_cmpuint (web, ==, 1);
  g_assert_cmpuint (dimmed, ==, layout->n_cards - web);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 0);

  journey_canvas_set_channel_filter (f->canvas, NULL);
  g_assert_null (journey_canvas_get_channel_filter (f->canvas));
}

/* -- notes and zoom ------------------------------------------------------- */

typedef struct
{
  JourneyTouchpoint *touchpoint;
  guint              kind;
  guint              item;
  guint              count;
} NoteActivation;

static void
on_activate_note (JourneyCanvas     *canvas,
                  JourneyTouchpoint *touchpoint,
                  guint              kind,
                  guint              item,
                  NoteActivation    *got)
{
  got->touchpoint = touchpoint;
  got->kind = kind;
  got->item = item;
  got->count++;
}

/* A double click on a note selects its touchpoint and asks for the
 * note's field ("activate-note"); one on an empty spot of a note lane
 * does nothing.  Neither is an edit. */
static void
test_double_click_note (Fixture       *f,
                        gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  NoteActivation got = { NULL, 0, 0, 0 };
  guint n_notes = layout->n_notes;
  guint n_touchpoints = journey_list_get_length (f->map->touchpoints);
  JourneyRect lanes;

  /* "a" has a pain point, an opportunity and an action. */
  g_assert_cmpuint (n_notes, ==, 3);
  lanes = layout->notes_rect;
  g_signal_connect (f->canvas, "activate-note", G_CALLBACK (on_activate_note), &got);

  for (guint n = 0; n < n_notes; n++)
    {
      JourneyLayoutNote note;
      g_autoptr(GPtrArray) selection = NULL;

      layout = journey_canvas_get_layout (f->canvas);
      note = layout->notes[n];
      journey_canvas_select (f->canvas, NULL, FALSE);
      click_map (f, 2, note.rect.x + note.rect.width - 12, note.rect.y + note.rect.height / 2);

      g_assert_cmpuint (got.count, ==, n + 1);
      g_assert_true (got.touchpoint == tp (f, "a"));
      g_assert_cmpuint (got.kind, ==, note.kind);
      g_assert_cmpuint (got.item, ==, note.item);
      selection = journey_canvas_get_selection (f->canvas);
      g_assert_cmpuint (selection->len, ==, 1);
      g_assert_true (g_ptr_array_index (selection, 0) == tp (f, "a"));
      g_assert_true (journey_canvas_get_focus_touchpoint (f->canvas) == tp (f, "a"));
    }
  g_assert_cmpuint (got.kind, !=, 0);

  click_map (f, 2, lanes.x + lanes.width - 8, lanes.y + 4);
  g_assert_cmpuint (got.count, ==, n_notes);
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n_touchpoints);
  g_assert_false (journey_history_can_undo (f->history));
}

/* Zooming out reaches the whole of a large map, far below a tenth, and
 * no further; "fit" shows all of it.  5,000 touchpoints fit at about
 * 0.02 (20,000 at about the same: the map grows in height as well); the
 * least zoom follows the map whatever its size. */
static void
test_zoom_reaches_whole_map (Fixture       *f,
                             gconstpointer  data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  double fit = MIN (width / layout->width, height / layout->height);

  g_assert_cmpuint (layout->n_cards, ==, 5000);
  g_test_message ("map %.0f × %.0f in %d × %d: fit at %.4f", layout->width, layout->height, width, height, fit);
  g_assert_cmpfloat (fit, <, 0.1);

  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-fit", NULL);
  test_iterate_frames ();
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (f->canvas), fit, 1e-12);
  g_assert_cmpfloat (layout->width * journey_canvas_get_zoom (f->canvas), <=, width + 0.5);
  g_assert_cmpfloat (layout->height * journey_canvas_get_zoom (f->canvas), <=, height + 0.5);

  /* From 100 %, zooming out step by step ends at the fit. */
  journey_canvas_zoom_at (f->canvas, 1, NAN, NAN);
  for (guint i = 0; i < 100; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (f->canvas), fit, 1e-12);
  journey_canvas_zoom_at (f->canvas, fit / 10, NAN, NAN);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (f->canvas), fit, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *huge_map = export_test_generate (5000, 11);

  Case huge_case = { NULL, FALSE };

  gtk_test_init (&argc, &argv, NULL);
  huge_case.json = huge_map;

  /* Every row of SPEC §9's table at 100 % and at fit zoom. */
  test_canvas_add_row ("add-by-double-click", test_add_by_double_click);
  test_canvas_add_row ("add-without-selection", test_add_without_selection);
  test_canvas_add_row ("double-click-note", test_double_click_note);
  test_canvas_add_row ("zoom-and-pan", test_zoom_and_pan);
  test_canvas_add_row ("keyboard-focus", test_keyboard_focus);
  test_canvas_add_row ("keyboard-edits", test_keyboard_edits);
  test_canvas_add_row ("keyboard-commands", test_keyboard_commands);
  test_canvas_add_row ("channel-filter", test_channel_filter);
  g_test_add ("/canvas/zoom-reaches-whole-map", Fixture, &huge_case, fixture_set_up, test_zoom_reaches_whole_map,
              fixture_tear_down);

  return g_test_run ();
}
