/* journey-presentation.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-presentation"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "journey-presentation.h"
#include "journey-session-panel.h"
#include "journey-window-private.h"

/* Space around what is shown, in widget pixels. */
#define PADDING 32.0

/* When a larger text size does not let a stage show whole, its name and
 * curve take at most this part of the height: the first cards show under
 * them. */
#define TOP_SHARE 1.6

/* Frames to wait, after presenting, for the window to get its size back
 * before the view the person had is given back anyway. */
#define RESTORE_FRAMES 60

/* The least size of the cards' text on the screen while a stage shows, in
 * pixels, for each value of the presentation-text-size setting. */
static const struct {
  const char *id;
  double      pixels;
} text_sizes[] = {
  { "normal", 0 },
  { "large", 32 },
  { "huge", 44 },
};

struct _JourneyPresentation
{
  /* Unowned: the window owns this, and the others are its parts. */
  JourneyWindow      *window;
  JourneyCanvas      *canvas;
  GtkWidget          *header_bar;
  GtkWidget          *inspector;

  gboolean            active;
  /* While presenting. */
  GtkEventController *keys;
  GSettings          *settings;
  guint               tick_id;
  int                 stage;
  int                 shown_width;
  int                 shown_height;
  gboolean            was_fullscreen;
  gboolean            inspector_was_visible;

  /* The view the person had, given back when presenting stops, once the
   * canvas has its size back. */
  double              zoom_before;
  double              x_before;
  double              y_before;
  int                 width_before;
  int                 height_before;
  guint               restore_id;
  guint               restore_frames;
};

static JourneyPresentation *
get_presentation (JourneyWindow *window)
{
  return window->presentation;
}

static GtkScrolledWindow *
get_scroller (JourneyPresentation *p)
{
  return GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (p->canvas), GTK_TYPE_SCROLLED_WINDOW));
}

static JourneyRect
rect_union (const JourneyRect *a,
            const JourneyRect *b)
{
  double x0 = MIN (a->x, b->x);
  double y0 = MIN (a->y, b->y);
  double x1 = MAX (a->x + a->width, b->x + b->width);
  double y1 = MAX (a->y + a->height, b->y + b->height);

  return (JourneyRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* Zooms and scrolls @canvas so that @rect (map coordinates) shows at
 * @zoom, centred across, and down from @top (NAN: centred). */
static void
show_rect (JourneyCanvas     *canvas,
           const JourneyRect *rect,
           double             zoom,
           double             top)
{
  GtkScrollable *scrollable = GTK_SCROLLABLE (canvas);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (scrollable);
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (scrollable);
  double width = gtk_widget_get_width (GTK_WIDGET (canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (canvas));
  double x, y;

  journey_canvas_zoom_at (canvas, zoom, NAN, NAN);
  zoom = journey_canvas_get_zoom (canvas);
  journey_canvas_map_to_widget (canvas, rect->x, rect->y, &x, &y);
  /* Wider than the screen (large type): its start shows. */
  if (h != NULL)
    gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + x
                                 - MAX (PADDING, (width - rect->width * zoom) / 2));
  if (v != NULL)
    gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + y
                                 - (isnan (top) ? (height - rect->height * zoom) / 2 : top));
}

static double
get_text_size (JourneyPresentation *p)
{
  g_autofree char *id = g_settings_get_string (p->settings, "presentation-text-size");

  for (guint i = 0; i < G_N_ELEMENTS (text_sizes); i++)
    if (g_str_equal (text_sizes[i].id, id))
      return text_sizes[i].pixels;
  return 0;
}

/* Stage @i's whole column: its name, its part of the emotion curve and
 * every lane under it. */
static JourneyRect
stage_rect (JourneyLayout *layout,
            guint          i)
{
  const JourneyLayoutStage *stage = &layout->stages[i];
  JourneyRect whole = rect_union (&stage->header, &stage->column);

  for (guint l = 0; l < layout->n_lanes; l++)
    {
      JourneyRect lane = { whole.x, layout->lanes[l].rect.y, whole.width, layout->lanes[l].rect.height };

      whole = rect_union (&whole, &lane);
    }
  return whole;
}

static void
apply_stage (JourneyPresentation *p)
{
  JourneyCanvas *canvas = p->canvas;
  JourneyLayout *layout = journey_canvas_get_layout (canvas);
  double width = gtk_widget_get_width (GTK_WIDGET (canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (canvas));
  const JourneyLayoutStage *stage;
  JourneyRect whole, top;
  double zoom_whole, zoom_width, zoom_text;

  p->shown_width = (int) width;
  p->shown_height = (int) height;
  if (layout == NULL || width <= 0 || height <= 0)
    return;

  if (p->stage < 0 || layout->n_stages == 0)
    {
      journey_canvas_zoom_to_fit (canvas);
      return;
    }

  p->stage = MIN (p->stage, (int) layout->n_stages - 1);
  stage = &layout->stages[p->stage];
  whole = stage_rect (layout, p->stage);
  /* With notes on the map a column can be too tall to read whole: then
   * its lanes down to the blueprint's last, the notes a scroll away. */
  if (MIN ((width - 2 * PADDING) / whole.width, (height - 2 * PADDING) / whole.height) * layout->style.body_size
      < JOURNEY_CANVAS_READABLE_TEXT)
    whole.height = MIN (whole.height, layout->lanes_rect.y + layout->lanes_rect.height - whole.y);
  /* The name of the stage and its part of the emotion curve. */
  top = (JourneyRect) { whole.x, stage->header.y, whole.width,
                        layout->band.rect.y + layout->band.rect.height - stage->header.y };

  /* The whole column, in the middle of the screen; never smaller than in
   * the view of the whole map, where it shows whole too (with less room
   * around it). */
  zoom_width = (width - 2 * PADDING) / whole.width;
  zoom_whole = MIN (zoom_width, (height - 2 * PADDING) / whole.height);
  zoom_whole = MAX (zoom_whole, MIN (width / layout->width, height / layout->height));
  /* Large type: at least this zoom, even if the stage no longer fits. */
  zoom_text = get_text_size (p) / layout->style.body_size;
  if (zoom_whole >= zoom_text)
    show_rect (canvas, &whole, zoom_whole, NAN);
  else
    show_rect (canvas, &top,
               MAX (zoom_text, MIN (zoom_width, (height - 2 * PADDING) / (top.height * TOP_SHARE))),
               PADDING);
}

static void
on_text_size_changed (JourneyPresentation *p,
                      const char          *key,
                      GSettings           *settings)
{
  apply_stage (p);
}

/* The window changes size when it goes fullscreen, some frames later:
 * the view follows. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  JourneyPresentation *p = user_data;

  if (gtk_widget_get_width (widget) != p->shown_width || gtk_widget_get_height (widget) != p->shown_height)
    {
      /* A workshop session's corner takes its room first. */
      journey_window_sync_session_overlay (p->window);
      apply_stage (p);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
on_key_pressed (JourneyPresentation   *p,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      journey_presentation_show_stage (p->window, p->stage + 1);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      journey_presentation_show_stage (p->window, MAX (p->stage - 1, -1));
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      journey_presentation_show_stage (p->window, -1);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      journey_presentation_show_stage (p->window, G_MAXINT);
      return TRUE;

    case GDK_KEY_j:
      /* A workshop session's address and timer, shown or hidden. */
      return journey_window_toggle_session_overlay (p->window);

    case GDK_KEY_Escape:
      /* A drag under way is put back first; the next Escape leaves. */
      if (!journey_canvas_abort_gesture (p->canvas))
        journey_presentation_stop (p->window);
      return TRUE;

    default:
      return FALSE;
    }
}

/* The view the person had before presenting. */
static void
restore_view (JourneyPresentation *p)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (p->canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (p->canvas));

  journey_canvas_zoom_at (p->canvas, p->zoom_before, NAN, NAN);
  if (h != NULL)
    gtk_adjustment_set_value (h, p->x_before);
  if (v != NULL)
    gtk_adjustment_set_value (v, p->y_before);
}

/* The window leaves fullscreen and shows its header bar and inspector
 * some frames after presenting stops: the scroll position is given back
 * once the canvas has its size back, where it can reach it. */
static gboolean
on_restore_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  JourneyPresentation *p = user_data;

  if ((gtk_widget_get_width (widget) == p->width_before && gtk_widget_get_height (widget) == p->height_before)
      || ++p->restore_frames >= RESTORE_FRAMES)
    {
      restore_view (p);
      p->restore_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
cancel_restore (JourneyPresentation *p)
{
  if (p->restore_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (p->canvas), p->restore_id);
  p->restore_id = 0;
}

JourneyPresentation *
journey_presentation_new (JourneyWindow *window,
                          JourneyCanvas *canvas,
                          GtkWidget     *header_bar,
                          GtkWidget     *inspector)
{
  JourneyPresentation *p;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (window), NULL);
  g_return_val_if_fail (JOURNEY_IS_CANVAS (canvas), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (header_bar), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (inspector), NULL);

  p = g_new0 (JourneyPresentation, 1);
  p->window = window;
  p->canvas = canvas;
  p->header_bar = header_bar;
  p->inspector = inspector;
  p->stage = -1;
  return p;
}

/* Before the window's parts go: what presenting added to them goes too. */
void
journey_presentation_free (JourneyPresentation *p)
{
  if (p == NULL)
    return;
  cancel_restore (p);
  if (p->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (p->canvas), p->tick_id);
  if (p->keys != NULL)
    gtk_widget_remove_controller (GTK_WIDGET (p->window), p->keys);
  g_clear_object (&p->settings);
  g_free (p);
}

void
journey_presentation_start (JourneyWindow *window)
{
  JourneyPresentation *p;
  GtkScrolledWindow *scroller;
  GtkAdjustment *h, *v;

  g_return_if_fail (JOURNEY_IS_WINDOW (window));

  p = get_presentation (window);
  if (p->active || journey_window_get_map (window) == NULL)
    return;

  cancel_restore (p);
  p->active = TRUE;
  p->stage = -1;
  p->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (window));
  /* The view to give back. */
  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (p->canvas));
  v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (p->canvas));
  p->zoom_before = journey_canvas_get_zoom (p->canvas);
  p->x_before = h != NULL ? gtk_adjustment_get_value (h) : 0;
  p->y_before = v != NULL ? gtk_adjustment_get_value (v) : 0;
  p->width_before = gtk_widget_get_width (GTK_WIDGET (p->canvas));
  p->height_before = gtk_widget_get_height (GTK_WIDGET (p->canvas));

  p->settings = g_settings_new (APP_ID);
  /* A change in the preferences shows at once. */
  g_signal_connect_swapped (p->settings, "changed::presentation-text-size", G_CALLBACK (on_text_size_changed), p);

  /* Before the canvas: arrows walk the stages instead of the cards. */
  p->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (p->keys, "journey-presentation");
  gtk_event_controller_set_propagation_phase (p->keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (p->keys, "key-pressed", G_CALLBACK (on_key_pressed), p);
  gtk_widget_add_controller (GTK_WIDGET (window), p->keys);

  /* No chrome, and the map alone, without what the facilitator selected. */
  gtk_widget_set_visible (p->header_bar, FALSE);
  p->inspector_was_visible = gtk_widget_get_visible (p->inspector);
  gtk_widget_set_visible (p->inspector, FALSE);
  scroller = get_scroller (p);
  if (scroller != NULL)
    gtk_scrolled_window_set_policy (scroller, GTK_POLICY_EXTERNAL, GTK_POLICY_EXTERNAL);
  journey_canvas_set_show_selection (p->canvas, FALSE);
  /* The first and the last stage in the middle of the screen too. */
  journey_canvas_set_overscroll (p->canvas, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (window), "presenting");
  gtk_window_fullscreen (GTK_WINDOW (window));
  journey_window_sync_session_overlay (window);

  gtk_widget_grab_focus (GTK_WIDGET (p->canvas));
  p->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (p->canvas), on_tick, p, NULL);
  apply_stage (p);
}

void
journey_presentation_stop (JourneyWindow *window)
{
  JourneyPresentation *p;
  GtkScrolledWindow *scroller;

  g_return_if_fail (JOURNEY_IS_WINDOW (window));

  p = get_presentation (window);
  if (!p->active)
    return;

  p->active = FALSE;
  gtk_widget_remove_tick_callback (GTK_WIDGET (p->canvas), p->tick_id);
  p->tick_id = 0;
  gtk_widget_remove_controller (GTK_WIDGET (window), p->keys);
  p->keys = NULL;
  g_clear_object (&p->settings);

  gtk_widget_set_visible (p->header_bar, TRUE);
  gtk_widget_set_visible (p->inspector, p->inspector_was_visible);
  scroller = get_scroller (p);
  if (scroller != NULL)
    gtk_scrolled_window_set_policy (scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  journey_canvas_set_overscroll (p->canvas, FALSE);
  journey_canvas_set_show_selection (p->canvas, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (window), "presenting");
  journey_window_sync_session_overlay (window);
  if (!p->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (window));

  /* The person's view again: its zoom now, its scroll position as soon
   * as the canvas has its size back. */
  restore_view (p);
  p->restore_frames = 0;
  p->restore_id = gtk_widget_add_tick_callback (GTK_WIDGET (p->canvas), on_restore_tick, p, NULL);
}

gboolean
journey_presentation_is_active (JourneyWindow *window)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (window), FALSE);

  return get_presentation (window)->active;
}

int
journey_presentation_get_stage (JourneyWindow *window)
{
  JourneyPresentation *p;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (window), -1);

  p = get_presentation (window);
  return p->active ? p->stage : -1;
}

void
journey_presentation_show_stage (JourneyWindow *window,
                                 int            stage)
{
  JourneyPresentation *p;
  JourneyLayout *layout;

  g_return_if_fail (JOURNEY_IS_WINDOW (window));

  p = get_presentation (window);
  if (!p->active)
    return;
  layout = journey_canvas_get_layout (journey_window_get_canvas (window));
  if (layout == NULL)
    return;
  p->stage = CLAMP (stage, -1, (int) layout->n_stages - 1);
  apply_stage (p);
}

void
journey_window_present_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  JourneyWindow *window = JOURNEY_WINDOW (widget);

  if (journey_presentation_is_active (window))
    journey_presentation_stop (window);
  else
    journey_presentation_start (window);
}
