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

#include "journey-inspector.h"
#include "journey-presentation.h"

/* Space around what is shown, in widget pixels. */
#define PADDING 32.0

/* A stage shown whole must still be at least this part of the screen wide;
 * if it is not (many lanes), the stage fills the width and its top (name
 * and emotion curve) shows. */
#define MIN_WIDTH_SHARE 0.4

/* Then the stage's name and curve take at most this part of the height:
 * the first cards show under them. */
#define TOP_SHARE 1.6

#define PRESENTATION_KEY "journey-presentation"

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

typedef struct
{
  JourneyWindow      *window;   /* unowned: the window owns this */
  GtkEventController *keys;
  GtkWidget          *header_bar;
  GtkWidget          *inspector;
  gboolean            inspector_was_visible;
  GtkWidget          *scroller;
  guint               tick_id;
  int                 stage;
  int                 shown_width;
  int                 shown_height;
  gboolean            was_fullscreen;
  GSettings          *settings;
} Presentation;

static Presentation *
get_presentation (JourneyWindow *window)
{
  return g_object_get_data (G_OBJECT (window), PRESENTATION_KEY);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found)
        return found;
    }
  return NULL;
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
get_text_size (Presentation *p)
{
  g_autofree char *id = g_settings_get_string (p->settings, "presentation-text-size");

  for (guint i = 0; i < G_N_ELEMENTS (text_sizes); i++)
    if (g_str_equal (text_sizes[i].id, id))
      return text_sizes[i].pixels;
  return 0;
}

static void
apply_stage (Presentation *p)
{
  JourneyCanvas *canvas = journey_window_get_canvas (p->window);
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
  whole = rect_union (&stage->header, &stage->column);
  /* The name of the stage and its part of the emotion curve. */
  top = (JourneyRect) { whole.x, stage->header.y, whole.width,
                        layout->band.rect.y + layout->band.rect.height - stage->header.y };

  zoom_width = (width - 2 * PADDING) / whole.width;
  zoom_whole = MIN (zoom_width, (height - 2 * PADDING) / whole.height);
  /* Large type: at least this zoom, even if the stage no longer fits. */
  zoom_text = get_text_size (p) / layout->style.body_size;
  if (zoom_whole >= MIN_WIDTH_SHARE * zoom_width && zoom_whole >= zoom_text)
    show_rect (canvas, &whole, zoom_whole, NAN);
  else
    show_rect (canvas, &top,
               MAX (zoom_text, MIN (zoom_width, (height - 2 * PADDING) / (top.height * TOP_SHARE))),
               PADDING);
}

static void
on_text_size_changed (Presentation *p,
                      const char   *key,
                      GSettings    *settings)
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
  Presentation *p = user_data;

  if (gtk_widget_get_width (widget) != p->shown_width || gtk_widget_get_height (widget) != p->shown_height)
    apply_stage (p);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_key_pressed (Presentation          *p,
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

    case GDK_KEY_Escape:
      journey_presentation_stop (p->window);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
presentation_free (Presentation *p)
{
  g_clear_object (&p->settings);
  g_free (p);
}

void
journey_presentation_start (JourneyWindow *window)
{
  Presentation *p;
  JourneyCanvas *canvas;

  g_return_if_fail (JOURNEY_IS_WINDOW (window));

  if (get_presentation (window) != NULL || journey_window_get_map (window) == NULL)
    return;

  canvas = journey_window_get_canvas (window);
  p = g_new0 (Presentation, 1);
  p->window = window;
  p->stage = -1;
  p->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (window));
  p->header_bar = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  p->inspector = find_widget (GTK_WIDGET (window), JOURNEY_TYPE_INSPECTOR);
  p->scroller = gtk_widget_get_ancestor (GTK_WIDGET (canvas), GTK_TYPE_SCROLLED_WINDOW);
  p->settings = g_settings_new (APP_ID);
  /* A change in the preferences shows at once. */
  g_signal_connect_swapped (p->settings, "changed::presentation-text-size", G_CALLBACK (on_text_size_changed), p);
  g_object_set_data_full (G_OBJECT (window), PRESENTATION_KEY, p, (GDestroyNotify) presentation_free);

  /* Before the canvas: arrows walk the stages instead of the cards. */
  p->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (p->keys, "journey-presentation");
  gtk_event_controller_set_propagation_phase (p->keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (p->keys, "key-pressed", G_CALLBACK (on_key_pressed), p);
  gtk_widget_add_controller (GTK_WIDGET (window), p->keys);

  /* No chrome, and the map alone. */
  if (p->header_bar != NULL)
    gtk_widget_set_visible (p->header_bar, FALSE);
  if (p->inspector != NULL)
    {
      p->inspector_was_visible = gtk_widget_get_visible (p->inspector);
      gtk_widget_set_visible (p->inspector, FALSE);
    }
  if (p->scroller != NULL)
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (p->scroller), GTK_POLICY_EXTERNAL, GTK_POLICY_EXTERNAL);
  gtk_widget_add_css_class (GTK_WIDGET (window), "presenting");
  gtk_window_fullscreen (GTK_WINDOW (window));

  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  p->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (canvas), on_tick, p, NULL);
  apply_stage (p);
}

void
journey_presentation_stop (JourneyWindow *window)
{
  Presentation *p;
  JourneyCanvas *canvas;

  g_return_if_fail (JOURNEY_IS_WINDOW (window));

  p = get_presentation (window);
  if (p == NULL)
    return;

  canvas = journey_window_get_canvas (window);
  gtk_widget_remove_tick_callback (GTK_WIDGET (canvas), p->tick_id);
  gtk_widget_remove_controller (GTK_WIDGET (window), p->keys);
  if (p->header_bar != NULL)
    gtk_widget_set_visible (p->header_bar, TRUE);
  if (p->inspector != NULL)
    gtk_widget_set_visible (p->inspector, p->inspector_was_visible);
  if (p->scroller != NULL)
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (p->scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_remove_css_class (GTK_WIDGET (window), "presenting");
  if (!p->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (window));
  journey_canvas_zoom_to_fit (canvas);

  g_object_set_data (G_OBJECT (window), PRESENTATION_KEY, NULL);
}

gboolean
journey_presentation_is_active (JourneyWindow *window)
{
  g_return_val_if_fail (JOURNEY_IS_WINDOW (window), FALSE);

  return get_presentation (window) != NULL;
}

int
journey_presentation_get_stage (JourneyWindow *window)
{
  Presentation *p;

  g_return_val_if_fail (JOURNEY_IS_WINDOW (window), -1);

  p = get_presentation (window);
  return p != NULL ? p->stage : -1;
}

void
journey_presentation_show_stage (JourneyWindow *window,
                                 int            stage)
{
  Presentation *p;
  JourneyLayout *layout;

  g_return_if_fail (JOURNEY_IS_WINDOW (window));

  p = get_presentation (window);
  if (p == NULL)
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
