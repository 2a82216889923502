/* test-canvas-a11y.c: the canvas's accessible children (SPEC §9): one per
 * card and handle in view, however large the map, named and described
 * after their touchpoints, following scrolling and edits.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "export/export-test-utils.h"
#include "journey-canvas.h"
#include "journey-edit.h"

typedef struct
{
  JourneyProject *project;
  JourneyHistory *history;
  GtkWidget      *window;
  GtkWidget      *scrolled;
  JourneyCanvas  *canvas;
} Fixture;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @cond holds, for ten seconds at most: the
 * children follow the model after a frame, which comes late on a busy
 * machine (under the sanitizers, beside other builds). */
#define WAIT_UNTIL(cond) \
  G_STMT_START { \
    gint64 wait_end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < wait_end) \
      g_main_context_iteration (NULL, FALSE); \
  } G_STMT_END

/* Whether @widget (if any) has @description; the value @now. */
static gboolean
has_description (GtkWidget  *widget,
                 const char *description)
{
  char *message;
  gboolean same;

  if (widget == NULL)
    return FALSE;
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                description);
  same = message == NULL;
  g_free (message);
  return same;
}

static gboolean
has_value_now (GtkWidget *widget,
               double     now)
{
  char *message;
  gboolean same;

  if (widget == NULL)
    return FALSE;
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, now);
  same = message == NULL;
  g_free (message);
  return same;
}

static void
fixture_open (Fixture    *f,
              const char *text)
{
  f->project = test_load_string (text);
  f->history = journey_history_new ();
  f->window = gtk_window_new ();
  f->scrolled = gtk_scrolled_window_new ();
  f->canvas = JOURNEY_CANVAS (journey_canvas_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scrolled), GTK_WIDGET (f->canvas));
  gtk_window_set_child (GTK_WINDOW (f->window), f->scrolled);
  journey_canvas_set_map (f->canvas, f->project, test_first_map (f->project), f->history);
  gtk_window_present (GTK_WINDOW (f->window));
  spin (300);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);
  g_clear_object (&f->history);
  g_clear_object (&f->project);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *label)
{
  g_autofree char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  return message == NULL;
}

/* The visible child with @role named @label, or NULL. */
static GtkWidget *
find_child (Fixture           *f,
            GtkAccessibleRole  role,
            const char        *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->canvas)); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_test_accessible_has_role (GTK_ACCESSIBLE (child), role)
        && has_label (child, label))
      return child;
  return NULL;
}

static guint
count_visible_children (Fixture           *f,
                        GtkAccessibleRole  role)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->canvas)); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_test_accessible_has_role (GTK_ACCESSIBLE (child), role))
      n++;
  return n;
}

static guint
count_children (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->canvas)); child;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Every card in view has a child named after it, over the card; no other
 * card has one. */
/* Children are handed out after a frame's layout: wait for the frames of
 * a busy machine, up to five seconds, until each card in view has one. */
static void
wait_for_children (Fixture *f)
{
  for (int tries = 0; tries < 100; tries++)
    {
      JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
      double width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
      double height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
      gboolean all = TRUE;

      for (guint c = 0; c < layout->n_cards && all; c++)
        {
          JourneyRect *r = &layout->cards[c].rect;
          double x0, y0, x1, y1;
          GtkWidget *child;
          graphene_rect_t bounds;

          journey_canvas_map_to_widget (f->canvas, r->x, r->y, &x0, &y0);
          journey_canvas_map_to_widget (f->canvas, r->x + r->width, r->y + r->height, &x1, &y1);
          if (x1 <= 0 || y1 <= 0 || x0 >= width || y0 >= height)
            continue;
          child = find_child (f, GTK_ACCESSIBLE_ROLE_BUTTON, layout->cards[c].touchpoint->title);
          all = child != NULL && gtk_widget_compute_bounds (child, GTK_WIDGET (f->canvas), &bounds)
                && fabs (bounds.origin.x - floor (x0)) <= 1;
        }
      if (all)
        return;
      spin (50);
    }
}

static void
check_cards_in_view (Fixture *f)
{
  JourneyLayout *layout;

  wait_for_children (f);
  layout = journey_canvas_get_layout (f->canvas);
  double width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
  guint in_view = 0;

  for (guint c = 0; c < layout->n_cards; c++)
    {
      JourneyRect *r = &layout->cards[c].rect;
      JourneyTouchpoint *tp = layout->cards[c].touchpoint;
      double x0, y0, x1, y1;
      GtkWidget *child;
      graphene_rect_t bounds;

      journey_canvas_map_to_widget (f->canvas, r->x, r->y, &x0, &y0);
      journey_canvas_map_to_widget (f->canvas, r->x + r->width, r->y + r->height, &x1, &y1);
      if (x1 <= 0 || y1 <= 0 || x0 >= width || y0 >= height)
        continue;
      in_view++;
      child = find_child (f, GTK_ACCESSIBLE_ROLE_BUTTON, tp->title);
      g_assert_nonnull (child);
      g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (f->canvas), &bounds));
      g_assert_cmpfloat_with_epsilon (bounds.origin.x, floor (x0), 1);
      g_assert_cmpfloat_with_epsilon (bounds.origin.y, floor (y0), 1);
      g_assert_cmpfloat_with_epsilon (bounds.size.width, x1 - x0, 1.5);
    }
  g_assert_cmpuint (in_view, >, 0);
  g_assert_cmpuint (count_visible_children (f, GTK_ACCESSIBLE_ROLE_BUTTON), ==, in_view);
}

static void
test_pool_follows_the_view (void)
{
  g_autofree char *text = export_test_generate (20000, 7);
  Fixture f = { 0 };
  GtkAdjustment *h;

  fixture_open (&f, text);
  g_assert_cmpuint (journey_canvas_get_layout (f.canvas)->n_cards, ==, 20000);
  check_cards_in_view (&f);
  /* 20,000 touchpoints, a few hundred widgets at most. */
  g_assert_cmpuint (count_children (&f), <, 500);

  /* Scrolling hands the children to the cards that come into view. */
  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f.canvas));
  gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h) / 2);
  spin (200);
  check_cards_in_view (&f);
  g_assert_cmpuint (count_children (&f), <, 500);

  /* Zoomed out to the whole map, the number stays bounded. */
  journey_canvas_zoom_to_fit (f.canvas);
  spin (200);
  g_assert_cmpuint (count_children (&f), <=, 2 * 400 + 40);

  fixture_close (&f);
}

static void
test_names_and_values (void)
{
  g_autofree char *dir = test_examples_dir ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  g_autofree char *text = NULL;
  Fixture f = { 0 };
  JourneyTouchpoint *tp;
  GtkWidget *card, *slider;
  char *message;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  fixture_open (&f, text);
  tp = journey_map_find_touchpoint (test_first_map (f.project), "website");

  /* The children come after a frame, late on a busy machine. */
  WAIT_UNTIL ((card = find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Visits the hotel website")) != NULL);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_focusable (card));
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                "Stage Discover, lane Guest, satisfaction Satisfied; "
                                                "measured mean 3.75 · Satisfied from 128 responses");
  g_assert_null (message);
  /* A card without survey evidence says its satisfaction is assumed. */
  g_assert_true (has_description (find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Room photos and price list"),
                                  "Stage Discover, lane Physical evidence, satisfaction 3.5 · Satisfied; "
                                  "assumed, no survey evidence"));

  slider = find_child (&f, GTK_ACCESSIBLE_ROLE_SLIDER, "Satisfaction of “Visits the hotel website”");
  g_assert_nonnull (slider);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (slider), GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 1.0));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (slider), GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 5.0));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (slider), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 4.0));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (slider), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                                     "Satisfied"));

  /* The selection is a state of the cards' children. */
  journey_canvas_select (f.canvas, tp, FALSE);
  spin (50);
  card = find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Visits the hotel website");
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_STATE_SELECTED, TRUE));
  journey_canvas_select (f.canvas, journey_map_find_touchpoint (test_first_map (f.project), "reviews"), FALSE);
  spin (50);
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_STATE_SELECTED, FALSE));
  journey_canvas_select (f.canvas, tp, TRUE);
  spin (50);
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_STATE_SELECTED, TRUE));
  journey_canvas_unselect_all (f.canvas);
  spin (50);
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_STATE_SELECTED, FALSE));
  spin (50);

  /* An edit through the history: the children follow. */
  g_assert_true (journey_edit_set_satisfaction (f.history, test_first_map (f.project), tp, 2, NULL));
  WAIT_UNTIL (has_description (find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Visits the hotel website"),
                               "Stage Discover, lane Guest, satisfaction Dissatisfied; "
                               "measured mean 3.75 · Satisfied from 128 responses"));
  card = find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Visits the hotel website");
  slider = find_child (&f, GTK_ACCESSIBLE_ROLE_SLIDER, "Satisfaction of “Visits the hotel website”");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     "Stage Discover, lane Guest, satisfaction Dissatisfied; "
                                                     "measured mean 3.75 · Satisfied from 128 responses"));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (slider), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 2.0));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (slider), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                                     "Dissatisfied"));

  /* A screen reader sets the slider's value: one undo step.  Undone
   * before any frame, the slider goes back too. */
  gtk_range_set_value (GTK_RANGE (slider), 5);
  g_assert_cmpfloat (journey_map_get_satisfaction (test_first_map (f.project), tp), ==, 5);
  g_assert_true (journey_history_undo (f.history));
  g_assert_cmpfloat (journey_map_get_satisfaction (test_first_map (f.project), tp), ==, 2);
  WAIT_UNTIL (has_value_now (find_child (&f, GTK_ACCESSIBLE_ROLE_SLIDER, "Satisfaction of “Visits the hotel website”"),
                             2.0));
  slider = find_child (&f, GTK_ACCESSIBLE_ROLE_SLIDER, "Satisfaction of “Visits the hotel website”");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (slider), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 2.0));

  /* The room rated it (from outside the history, as a session does): the
   * description says what the room said, and that it disagrees. */
  {
    const int counts[] = { 2, 0, 0, 0, 1 };
    g_autoptr(JourneyRoom) room = test_room_new (test_first_map (f.project)->scale, counts, G_N_ELEMENTS (counts));

    test_set_room_outside (f.history, tp, room);
    WAIT_UNTIL (has_description (find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Visits the hotel website"),
                                 "Stage Discover, lane Guest, satisfaction Dissatisfied; "
                                 "measured mean 3.75 · Satisfied from 128 responses; "
                                 "the room’s rating 2.33 · Dissatisfied from 3 ratings, the room disagrees"));
  }

  /* Renamed: the names follow. */
  g_assert_true (journey_history_set (f.history, tp, "title", "Opens the website", NULL));
  WAIT_UNTIL (find_child (&f, GTK_ACCESSIBLE_ROLE_SLIDER, "Satisfaction of “Opens the website”") != NULL &&
              find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Visits the hotel website") == NULL);
  g_assert_nonnull (find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Opens the website"));
  g_assert_nonnull (find_child (&f, GTK_ACCESSIBLE_ROLE_SLIDER, "Satisfaction of “Opens the website”"));
  g_assert_null (find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Visits the hotel website"));

  fixture_close (&f);
}

/* Focus: a child that takes the keyboard focus makes its touchpoint the
 * canvas's focused one, and the canvas's focus moves the keyboard focus
 * to the matching child. */
static void
test_focus (void)
{
  g_autofree char *dir = test_examples_dir ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  g_autofree char *text = NULL;
  Fixture f = { 0 };
  JourneyMap *map;
  GtkWidget *card;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  fixture_open (&f, text);
  map = test_first_map (f.project);

  card = find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Room photos and price list");
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (journey_canvas_get_focus_touchpoint (f.canvas) == journey_map_find_touchpoint (map, "photos"));

  journey_canvas_set_focus_touchpoint (f.canvas, journey_map_find_touchpoint (map, "website"));
  card = find_child (&f, GTK_ACCESSIBLE_ROLE_BUTTON, "Visits the hotel website");
  g_assert_true (gtk_widget_has_focus (card));

  fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  /* The test AT context keeps the accessible properties to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/canvas-a11y/pool-follows-the-view", test_pool_follows_the_view);
  g_test_add_func ("/canvas-a11y/names-and-values", test_names_and_values);
  g_test_add_func ("/canvas-a11y/focus", test_focus);
  return g_test_run ();
}
