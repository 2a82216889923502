/* bench-canvas.c: what a frame and a drag step of the canvas cost, and what
 * its accessible children and memory grow with (issue 8).
 *
 * Prints one line per size:
 *
 *   canvas touchpoints=N frame_ms=… render_ms=… drag_step_ms=… widgets=… rss_mb=…
 *
 * for generated maps of 200, 2,000 and 20,000 touchpoints, at a zoom that
 * shows about 100 of them, the emotion curves in view above the cards,
 * scrolled past the stage band and the label column so that the frozen
 * headers are drawn.  frame_ms is one full snapshot of the visible area
 * (the canvas's render node made again); render_ms is GSK's own render
 * of that node into a texture with the window's renderer (the cairo
 * renderer under the tests' GSK_RENDERER=cairo), what the frame costs
 * after the snapshot; drag_step_ms is one pointer motion of a card drag,
 * from the gesture's "drag-update" to the new frame, relayout and the
 * accessible children included; widgets is the number of the canvas's
 * child widgets; rss_mb the resident memory of the process afterwards.
 * Medians of several runs.  Comment lines after each give the zoom, the
 * renderer, where a drag step's time goes, how many of the steps the
 * layout and scene brought up to date locally (local_updates: the card
 * stayed at its time, as it does between snap steps), how many render
 * nodes its frame has, and what a step costs that takes the card to
 * another time, there and back (its lane packed again around it; the
 * map laid out anew when a lane changes height).
 *
 * Targets: frame_ms under 4 and drag_step_ms under 8 at every size.
 * BENCH_CPU=1 times the main thread's CPU instead of the wall clock.
 * BENCH_ROOM=1 gives every third touchpoint a room's rating (SPEC §10), so
 * that its marks beside the handles are drawn and dragged too.
 * A benchmark, not a test: it asserts nothing.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <time.h>
#include <unistd.h>

#include "export/export-test-utils.h"
#include "journey-canvas.h"

#define WIDTH   1280
#define HEIGHT  800
#define RUNS    15
#define VISIBLE 100.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
rss_mb (void)
{
  g_autofree char *text = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL)
      || sscanf (text, "%lu %lu", &size, &resident) != 2)
    return NAN;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* Now, in microseconds: the wall clock, or with BENCH_CPU=1 in the
 * environment the main thread's CPU time, which a loaded machine (other
 * builds beside the benchmark) disturbs less. */
static gint64
bench_now_us (void)
{
  struct timespec ts;

  if (g_getenv ("BENCH_CPU") == NULL)
    return g_get_monotonic_time ();
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static guint
count_nodes (GskRenderNode *node)
{
  GskRenderNodeType type;
  guint n = 1;

  if (node == NULL)
    return 0;
  type = gsk_render_node_get_node_type (node);
  if (type == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      n += count_nodes (gsk_container_node_get_child (node, i));
  else if (type == GSK_TRANSFORM_NODE)
    n += count_nodes (gsk_transform_node_get_child (node));
  else if (type == GSK_CLIP_NODE)
    n += count_nodes (gsk_clip_node_get_child (node));
  else if (type == GSK_ROUNDED_CLIP_NODE)
    n += count_nodes (gsk_rounded_clip_node_get_child (node));
  else if (type == GSK_OPACITY_NODE)
    n += count_nodes (gsk_opacity_node_get_child (node));
  return n;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static GtkGestureDrag *
find_card_drag (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller)
          && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        return GTK_GESTURE_DRAG (controller);
    }
  return NULL;
}

/* One frame of the canvas: its node made again, as the frame clock does
 * after a change. */
static GskRenderNode *
snapshot_canvas (GtkWidget *canvas)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gtk_widget_queue_draw (canvas);
  gtk_widget_snapshot_child (gtk_widget_get_parent (canvas), canvas, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* Layout as the frame clock does it: the widget's size_allocate (for
 * the canvas: its layout and its accessible children) when it asked for
 * one. */
static void
allocate_widget (GtkWidget *widget)
{
  GtkAllocation allocation = { 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget) };
  int min;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_size_allocate (widget, &allocation, -1);
}

static void
allocate_canvas (GtkWidget *canvas)
{
  allocate_widget (canvas);
}

/* The cards in view, and in @middle one near the middle of the view. */
static guint
count_visible (JourneyCanvas *canvas,
               int           *middle)
{
  JourneyLayout *layout = journey_canvas_get_layout (canvas);
  double width = gtk_widget_get_width (GTK_WIDGET (canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (canvas));
  double best = G_MAXDOUBLE;
  guint visible = 0;

  *middle = -1;
  for (guint c = 0; c < layout->n_cards; c++)
    {
      JourneyRect *r = &layout->cards[c].rect;
      double x0, y0, x1, y1, d;

      journey_canvas_map_to_widget (canvas, r->x, r->y, &x0, &y0);
      journey_canvas_map_to_widget (canvas, r->x + r->width, r->y + r->height, &x1, &y1);
      if (x1 < 0 || y1 < 0 || x0 > width || y0 > height)
        continue;
      visible++;
      d = hypot ((x0 + x1 - width) / 2, (y0 + y1 - height) / 2);
      if (d < best)
        {
          best = d;
          *middle = (int) c;
        }
    }
  return visible;
}

/* The room's ratings on a third of the touchpoints (BENCH_ROOM=1). */
static void
add_room_ratings (JourneyMap *map,
                  guint       n)
{
  for (guint i = 0; i < n; i += 3)
    {
      int counts[5] = { 0 };
      g_autoptr(JourneyRoom) room = NULL;

      counts[i % 5] = 3;
      counts[(i / 3) % 5] += 2;
      room = test_room_new (map->scale, counts, G_N_ELEMENTS (counts));
      g_object_set (journey_list_peek (map->touchpoints, i), "room", room, NULL);
    }
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *scrolled;
  GtkWidget *canvas;
  guint      visible;      /* cards in view */
  int        card;         /* one near the middle, to drag */
  gboolean   frozen_top;
  gboolean   frozen_left;
} View;

/* A window on @map at about VISIBLE cards in view, the middle of the
 * timeline from the stage band down: the emotion curves in view above the
 * cards, as a workshop looks at the map; half the stage band scrolled
 * away, so that it is frozen at the top of the view (and the label column
 * at its left). */
static void
show_map (View           *v,
          JourneyProject *project,
          JourneyMap     *map,
          JourneyHistory *history)
{
  JourneyCanvas *canvas;
  JourneyLayout *layout;
  double zoom, mx, my, x, y;

  v->window = gtk_window_new ();
  v->scrolled = gtk_scrolled_window_new ();
  v->canvas = journey_canvas_new ();
  v->card = -1;
  canvas = JOURNEY_CANVAS (v->canvas);
  gtk_window_set_default_size (GTK_WINDOW (v->window), WIDTH, HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (v->scrolled), v->canvas);
  gtk_window_set_child (GTK_WINDOW (v->window), v->scrolled);
  journey_canvas_set_map (canvas, project, map, history);
  gtk_window_present (GTK_WINDOW (v->window));
  spin (300);

  /* The zoom at which the view holds that share of the map. */
  layout = journey_canvas_get_layout (canvas);
  zoom = sqrt ((double) gtk_widget_get_width (v->canvas) * gtk_widget_get_height (v->canvas) * layout->n_cards
               / (VISIBLE * layout->width * layout->height));
  journey_canvas_zoom_at (canvas, zoom, NAN, NAN);
  spin (100);
  layout = journey_canvas_get_layout (canvas);
  journey_canvas_map_to_widget (canvas, layout->width / 2,
                                layout->stage_band.y + layout->stage_band.height / 2, &x, &y);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (v->scrolled)),
                            gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (v->scrolled)))
                            + x - gtk_widget_get_width (v->canvas) / 2.0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (v->scrolled)),
                            gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (v->scrolled)))
                            + y);
  spin (200);

  /* The zoom set again a few times until about VISIBLE are in view. */
  for (int attempt = 0; attempt < 6; attempt++)
    {
      v->visible = count_visible (canvas, &v->card);
      if (v->visible == 0 || fabs (v->visible - VISIBLE) < VISIBLE * 0.15)
        break;
      /* Around the top of the view: the stage band stays at the top. */
      journey_canvas_zoom_at (canvas, journey_canvas_get_zoom (canvas) * sqrt (v->visible / VISIBLE),
                              gtk_widget_get_width (v->canvas) / 2.0, 0);
      spin (100);
    }
  layout = journey_canvas_get_layout (canvas);
  journey_canvas_widget_to_map (canvas, 0, 0, &mx, &my);
  v->frozen_top = my > layout->stage_band.y;
  v->frozen_left = mx > 0;
}

/* Frames, the view laid out first (on a loaded machine the frame clock
 * may not have come to it yet): the snapshot, and its render by @renderer
 * (if any). */
static void
time_frames (View        *v,
             GskRenderer *renderer,
             GArray      *frames,
             GArray      *renders)
{
  allocate_widget (v->scrolled);
  for (int run = 0; run < RUNS; run++)
    {
      gint64 t0 = bench_now_us ();
      GskRenderNode *node = snapshot_canvas (v->canvas);
      double ms = (bench_now_us () - t0) / 1000.0;
      graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (v->canvas),
                                                     gtk_widget_get_height (v->canvas));

      g_array_append_val (frames, ms);
      if (renderer != NULL && node != NULL)
        {
          GdkTexture *texture;

          t0 = bench_now_us ();
          texture = gsk_renderer_render_texture (renderer, node, &viewport);
          ms = (bench_now_us () - t0) / 1000.0;
          g_array_append_val (renders, ms);
          g_object_unref (texture);
        }
      g_clear_pointer (&node, gsk_render_node_unref);
    }
}

typedef struct
{
  GArray *steps;
  /* Where a step's time goes: the edit, the new layout and scene, the
   * accessible children, the snapshot. */
  GArray *parts[4];
  GArray *crossings;       /* steps to another time */
  guint   local;           /* steps the layout updated locally */
  guint   crossing_local;
} DragTimes;

static void
drag_times_init (DragTimes *d)
{
  d->steps = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint p = 0; p < G_N_ELEMENTS (d->parts); p++)
    d->parts[p] = g_array_new (FALSE, FALSE, sizeof (double));
  d->crossings = g_array_new (FALSE, FALSE, sizeof (double));
  d->local = d->crossing_local = 0;
}

static void
drag_times_clear (DragTimes *d)
{
  g_array_unref (d->steps);
  for (guint p = 0; p < G_N_ELEMENTS (d->parts); p++)
    g_array_unref (d->parts[p]);
  g_array_unref (d->crossings);
}

/* Drag steps: the card near the middle, a few pixels at a time; then
 * steps of a whole unit of time, there and back: the card goes to another
 * time and its lane is packed again around it on every one. */
static void
time_drag (View      *v,
           DragTimes *d)
{
  JourneyCanvas *canvas = JOURNEY_CANVAS (v->canvas);
  GtkGestureDrag *drag = find_card_drag (v->canvas);
  JourneyLayout *layout = journey_canvas_get_layout (canvas);
  JourneyRect *r;
  double unit, x, y;

  if (drag == NULL || v->card < 0)
    return;

  r = &layout->cards[v->card].rect;
  journey_canvas_map_to_widget (canvas, r->x + r->width / 2, r->y + r->height / 2, &x, &y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 10.0, 0.0);
  allocate_canvas (v->canvas);
  gsk_render_node_unref (snapshot_canvas (v->canvas));
  for (int run = 0; run < RUNS * 2; run++)
    {
      gint64 t[5];
      GskRenderNode *node;
      double ms;

      t[0] = bench_now_us ();
      g_signal_emit_by_name (drag, "drag-update", 10.0 + 3.0 * (run + 1), 0.0);
      t[1] = bench_now_us ();
      if (journey_canvas_get_layout (canvas)->changes.known)
        d->local++;
      t[2] = bench_now_us ();
      allocate_canvas (v->canvas);
      t[3] = bench_now_us ();
      node = snapshot_canvas (v->canvas);
      t[4] = bench_now_us ();
      ms = (t[4] - t[0]) / 1000.0;
      g_array_append_val (d->steps, ms);
      for (guint p = 0; p < G_N_ELEMENTS (d->parts); p++)
        {
          ms = (t[p + 1] - t[p]) / 1000.0;
          g_array_append_val (d->parts[p], ms);
        }
      if (run == 0)
        g_print ("# drag step frame: render_nodes=%u\n", count_nodes (node));
      g_clear_pointer (&node, gsk_render_node_unref);
    }

  unit = journey_canvas_get_layout (canvas)->px_per_unit * journey_canvas_get_zoom (canvas);
  for (int run = 0; run < RUNS; run++)
    {
      gint64 t0 = bench_now_us ();
      double ms;

      g_signal_emit_by_name (drag, "drag-update", 10.0 + 3.0 * RUNS * 2 + (run % 2 == 0 ? unit : 0), 0.0);
      if (journey_canvas_get_layout (canvas)->changes.known)
        d->crossing_local++;
      /* The card may grow the map: the scrolled window measures it. */
      allocate_widget (v->scrolled);
      gsk_render_node_unref (snapshot_canvas (v->canvas));
      ms = (bench_now_us () - t0) / 1000.0;
      g_array_append_val (d->crossings, ms);
    }
  g_signal_emit_by_name (drag, "drag-end", 10.0 + 3.0 * RUNS * 2, 0.0);
}

static void
bench (guint n)
{
  g_autofree char *text = export_test_generate (n, 42);
  g_autoptr(JourneyProject) project = test_load_string (text);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) renders = g_array_new (FALSE, FALSE, sizeof (double));
  GskRenderer *renderer;
  DragTimes d;
  View v = { 0 };

  if (g_getenv ("BENCH_ROOM") != NULL)
    add_room_ratings (map, n);

  show_map (&v, project, map, history);
  renderer = gtk_native_get_renderer (GTK_NATIVE (v.window));
  time_frames (&v, renderer, frames, renders);
  drag_times_init (&d);
  time_drag (&v, &d);
  spin (100);

  g_print ("canvas touchpoints=%u frame_ms=%.2f render_ms=%.2f drag_step_ms=%.2f widgets=%u rss_mb=%.1f\n",
           n, median (frames), renders->len ? median (renders) : NAN, d.steps->len ? median (d.steps) : NAN,
           count_children (v.canvas), rss_mb ());
  g_print ("# zoom=%.2f cards_in_view=%u renderer=%s frozen_headers=%s%s\n",
           journey_canvas_get_zoom (JOURNEY_CANVAS (v.canvas)), v.visible,
           renderer ? G_OBJECT_TYPE_NAME (renderer) : "none",
           v.frozen_top ? "top" : "", v.frozen_left ? (v.frozen_top ? ",left" : "left") : (v.frozen_top ? "" : "none"));
  if (d.steps->len > 0)
    g_print ("# drag step: edit_ms=%.2f layout_and_scene_ms=%.2f allocate_ms=%.2f snapshot_ms=%.2f"
             " local_updates=%u/%u\n",
             median (d.parts[0]), median (d.parts[1]), median (d.parts[2]), median (d.parts[3]), d.local, RUNS * 2);
  if (d.crossings->len > 0)
    g_print ("# drag step to another time: ms=%.2f local_updates=%u/%u\n",
             median (d.crossings), d.crossing_local, d.crossings->len);
  drag_times_clear (&d);

  gtk_window_destroy (GTK_WINDOW (v.window));
  spin (100);
}

/* bench-canvas [N…]: the sizes to measure, 200 2000 20000 by default. */
int
main (int    argc,
      char **argv)
{
  static const guint sizes[] = { 200, 2000, 20000 };

  gtk_init ();
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      bench ((guint) g_ascii_strtoull (argv[i], NULL, 10));
  else
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      bench (sizes[i]);
  return 0;
}
