/* journey-canvas.c: the workshop's map as a widget: its layout and scene,
 * its size, its properties and its public API.  Its other parts:
 * journey-canvas-view.c (scrolling and zooming), -input.c (gestures),
 * -drag.c (what drags change), -commands.c (keys and actions), -draw.c, -tiles.c and -frozen.c
 * (drawing), -a11y.c (the accessibility tree).  What it shows as selected
 * and the channel it shows in full are a JourneySelection, shared.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "journey-canvas-private.h"
#include "journey-text.h"
#include "journey-theme.h"


enum
{
  PROP_0,
  PROP_ZOOM,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum
{
  ACTIVATE_TOUCHPOINT,
  ACTIVATE_NOTE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (JourneyCanvas, journey_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* -- the layout and the scene --------------------------------------------- */

static void
clear_layout (JourneyCanvas *self)
{
  g_clear_pointer (&self->scene, journey_scene_free);
  g_clear_pointer (&self->layout, journey_layout_free);
}

/* Brings the layout and the scene up to date with the map: a new layout,
 * and a scene that rebuilds only the cards that changed when it can. */
/* The scale of the timeline that a new layout keeps, or 0 for the one
 * the layout chooses.  Cards moved about keep it (SPEC §9, Stability): a
 * drop, a move by keyboard or in the inspector, an undo of one never
 * rescales the map under the pointer, nor a stage dragged longer.  Cards
 * added or removed, lanes changed or another map let the layout choose
 * again, as it does for the exports. */
static double
kept_scale (JourneyCanvas *self)
{
  if (self->drag == DRAG_CARDS || self->drag == DRAG_STAGE)
    return self->drag_px_per_unit;
  if (self->layout == NULL
      || journey_list_get_length (self->map->touchpoints) != self->layout->n_touchpoints
      || journey_list_get_length (self->map->lanes) != self->layout->n_lanes)
    return 0;
  return self->layout->px_per_unit;
}

void
journey_canvas_update_layout (JourneyCanvas *self)
{
  JourneyLayout *layout;
  JourneyStyle style;

  if (self->map == NULL)
    {
      clear_layout (self);
      return;
    }

  /* Only cards moved (a drag): the same layout, brought up to date. */
  if (self->layout_dirty && self->cards_moved_only && self->layout != NULL && self->scene != NULL
      && !self->frame_dirty
      && journey_layout_update (self->layout, self->project, (JourneyTouchpoint *const *) self->changed->pdata,
                                self->changed->len))
    self->layout_dirty = FALSE;
  self->cards_moved_only = FALSE;

  /* Only what the person points at changed, or the cards that moved: the
   * same layout, those cards again. */
  if (!self->layout_dirty && self->layout != NULL)
    {
      if (self->changed->len > 0 && self->scene != NULL)
        journey_scene_update (self->scene, self->layout,
                              (JourneyTouchpoint *const *) self->changed->pdata, self->changed->len);
      g_ptr_array_set_size (self->changed, 0);
      return;
    }

  style = *journey_style_get_default ();
  style.fixed_px_per_unit = kept_scale (self);
  style.row_hints = self->row_hints;
  layout = journey_layout_new (self->map, self->project, &style);
  if (self->scene == NULL || self->frame_dirty)
    {
      g_clear_pointer (&self->scene, journey_scene_free);
      self->scene = journey_scene_new_with_state (layout, &self->state);
    }
  else
    journey_scene_update (self->scene, layout,
                          (JourneyTouchpoint *const *) self->changed->pdata, self->changed->len);

  g_clear_pointer (&self->layout, journey_layout_free);
  self->layout = layout;
  self->layout_dirty = FALSE;
  self->frame_dirty = FALSE;
  g_ptr_array_set_size (self->changed, 0);
}

/* The map changed: lay it out again. */
void
journey_canvas_map_changed (JourneyCanvas *self)
{
  self->layout_dirty = TRUE;
  self->cards_moved_only = FALSE;
  /* The map's size may change, and the scrolled window measures it. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Only the selection, focus or hover changed. */
static void
invalidate_state (JourneyCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @touchpoint's card must be drawn again (its state or its content). */
void
journey_canvas_touchpoint_changed (JourneyCanvas     *self,
                                   JourneyTouchpoint *touchpoint)
{
  if (touchpoint != NULL)
    g_ptr_array_add (self->changed, touchpoint);
  invalidate_state (self);
}

void
journey_canvas_state_changed (JourneyCanvas *self)
{
  invalidate_state (self);
}

/* Anything in the map changed: the history does not say what, so every
 * card is looked at again.  Drags say which touchpoints they move. */
static void
on_history_changed (JourneyCanvas  *self,
                    JourneyHistory *history)
{
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  /* Undo can remove a focused touchpoint (the selection follows the map's
   * list by itself). */
  for (guint i = 0; i < journey_list_get_length (self->map->touchpoints); i++)
    g_hash_table_add (present, journey_list_peek (self->map->touchpoints, i));
  g_hash_table_iter_init (&iter, self->row_hints);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);
  if (self->state.focused != NULL && !g_hash_table_contains (present, self->state.focused))
    self->state.focused = NULL;
  if (self->state.hovered != NULL && !g_hash_table_contains (present, self->state.hovered))
    self->state.hovered = NULL;

  if (self->drag == DRAG_NONE || self->drag == DRAG_PENDING)
    self->frame_dirty = TRUE;
  /* The view a map opened at is kept as it is once it is edited: a drop
   * never changes the zoom. */
  self->orient_pending = FALSE;
  journey_canvas_map_changed (self);
  /* A room's rating came or went (a participant rated, the facilitator
   * cleared them). */
  journey_canvas_update_actions (self);
  /* The step of a card drag that ends: only the cards it moved changed,
   * and the layout follows them as it did during the drag. */
  if (self->drag == DRAG_CARDS)
    self->cards_moved_only = TRUE;
}

/* Touchpoints went in or out of the selection: their cards are drawn
 * again, and the actions and the accessibility tree follow. */
static void
on_selection_changed (JourneyCanvas    *self,
                      GPtrArray        *changed,
                      JourneySelection *selection)
{
  for (guint i = 0; i < changed->len; i++)
    g_ptr_array_add (self->changed, g_ptr_array_index (changed, i));
  invalidate_state (self);
  journey_canvas_update_actions (self);
  journey_canvas_selection_changed_a11y (self);
}

/* Another channel is shown in full: every card may change. */
static void
on_channel_filter_changed (JourneyCanvas    *self,
                           GParamSpec       *pspec,
                           JourneySelection *selection)
{
  self->state.channel = journey_selection_get_channel_filter (selection);
  self->frame_dirty = TRUE;
  journey_canvas_map_changed (self);
}

int
journey_canvas_card_of (JourneyCanvas     *self,
                        JourneyTouchpoint *touchpoint)
{
  journey_canvas_update_layout (self);
  if (self->layout == NULL)
    return -1;
  for (guint c = 0; c < self->layout->n_cards; c++)
    if (self->layout->cards[c].touchpoint == touchpoint)
      return (int) c;
  return -1;
}

/* The zoom changed (journey-canvas-view.c). */
void
journey_canvas_notify_zoom (JourneyCanvas *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* -- size ----------------------------------------------------------------- */

static void
journey_canvas_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  double width, height;

  /* The scrolled window gives what it has; the map scrolls inside.  The
   * natural size is the map's, from which the scrolled window decides
   * whether it shows a scrollbar (the canvas's scroll policies are
   * "natural"). */
  journey_canvas_update_layout (self);
  journey_canvas_get_content_size (self, &width, &height);
  /* Past the edges by half the view on either side, when presenting: the
   * adjustments then span more than a page, and so does this. */
  if (self->overscroll)
    {
      width += gtk_widget_get_width (widget);
      height += gtk_widget_get_height (widget);
    }
  *minimum = 0;
  *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
journey_canvas_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  self->allocating = TRUE;
  journey_canvas_update_layout (self);
  if (self->orient_pending)
    journey_canvas_orient_now (self);
  journey_canvas_configure_adjustments (self);
  journey_canvas_allocate_a11y (self);
  /* Popovers are laid out by the widget they belong to. */
  if (self->title_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->title_popover));
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  self->allocating = FALSE;
}

/* -- GObject -------------------------------------------------------------- */

static void
journey_canvas_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JourneyCanvas *self = JOURNEY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
journey_canvas_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JourneyCanvas *self = JOURNEY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      journey_canvas_zoom_at (self, g_value_get_double (value), NAN, NAN);
      break;
    case PROP_HADJUSTMENT:
      journey_canvas_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      journey_canvas_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
journey_canvas_dispose (GObject *object)
{
  JourneyCanvas *self = JOURNEY_CANVAS (object);

  journey_canvas_cancel_drag (self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_handle_id (&self->allocate_id, g_source_remove);
  if (self->size_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->size_tick);
  self->size_tick = 0;
  g_clear_pointer (&self->title_popover, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  journey_canvas_dispose_a11y (self);
  journey_canvas_dispose_live (self);
  clear_layout (self);
  g_clear_object (&self->history);
  g_clear_object (&self->map);
  g_clear_object (&self->project);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, journey_canvas_on_adjustment_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, journey_canvas_on_adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->settings);
  /* The selection may be shared: it tells this canvas nothing more (it
   * stays, empty of handlers, until finalize). */
  g_signal_handlers_disconnect_by_data (self->selection, self);

  G_OBJECT_CLASS (journey_canvas_parent_class)->dispose (object);
}

static void
journey_canvas_finalize (GObject *object)
{
  JourneyCanvas *self = JOURNEY_CANVAS (object);

  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->band_before, g_hash_table_unref);
  g_clear_pointer (&self->band_touchpoints, g_ptr_array_unref);
  g_clear_pointer (&self->changed, g_ptr_array_unref);
  g_clear_pointer (&self->drag_touchpoints, g_ptr_array_unref);
  g_clear_pointer (&self->drag_times, g_array_unref);
  g_clear_pointer (&self->drag_lanes, g_array_unref);
  g_clear_pointer (&self->drag_centres, g_array_unref);
  g_clear_pointer (&self->row_hints, g_hash_table_unref);
  g_clear_pointer (&self->painter, journey_painter_free);
  g_clear_pointer (&self->curve_tiles, g_ptr_array_unref);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (journey_canvas_parent_class)->finalize (object);
}

static void
journey_canvas_class_init (JourneyCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = journey_canvas_dispose;
  object_class->finalize = journey_canvas_finalize;
  object_class->get_property = journey_canvas_get_property;
  object_class->set_property = journey_canvas_set_property;

  widget_class->snapshot = journey_canvas_snapshot_frame;
  widget_class->measure = journey_canvas_measure;
  widget_class->size_allocate = journey_canvas_size_allocate;
  widget_class->focus = journey_canvas_focus_a11y;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, LEAST_ZOOM, MAX_ZOOM, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * JourneyCanvas::activate-touchpoint:
   *
   * Enter on a touchpoint, or a double click on its card: open it.
   */
  signals[ACTIVATE_TOUCHPOINT] = g_signal_new ("activate-touchpoint", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, JOURNEY_TYPE_TOUCHPOINT);
  /**
   * JourneyCanvas::activate-note:
   * @touchpoint: the touchpoint whose note it is
   * @kind: a JourneyNoteKind: pain point, opportunity or action
   * @item: its place in the touchpoint's list of that kind
   *
   * A double click on a note on the map: open the note's field.
   */
  signals[ACTIVATE_NOTE] = g_signal_new ("activate-note", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 3, JOURNEY_TYPE_TOUCHPOINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "journeycanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  journey_canvas_class_init_commands (widget_class);
}

static void
journey_canvas_init (JourneyCanvas *self)
{
  self->zoom = 1;
  self->hscroll_policy = GTK_SCROLL_NATURAL;
  self->vscroll_policy = GTK_SCROLL_NATURAL;
  self->drop_lane = -1;
  self->pointer_x = self->pointer_y = NAN;
  self->selection = journey_selection_new ();
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::channel-filter", G_CALLBACK (on_channel_filter_changed), self,
                           G_CONNECT_SWAPPED);
  self->band_before = g_hash_table_new (NULL, NULL);
  self->band_touchpoints = g_ptr_array_new ();
  self->state.selected = journey_selection_get_set (self->selection);
  self->changed = g_ptr_array_new ();
  self->drag_touchpoints = g_ptr_array_new ();
  self->drag_times = g_array_new (FALSE, FALSE, sizeof (double));
  self->drag_lanes = g_array_new (FALSE, FALSE, sizeof (int));
  self->drag_centres = g_array_new (FALSE, FALSE, sizeof (double));
  self->row_hints = g_hash_table_new (NULL, NULL);
  self->layouts = journey_canvas_layout_cache_new ();
  self->painter = journey_painter_new ();
  self->curve_tiles = journey_canvas_tiles_new ();
  self->settings = g_settings_new (APP_ID);

  /* Text is shaped as the layout measures it and the exports draw it. */
  self->pango = gtk_widget_create_pango_context (GTK_WIDGET (self));
  journey_text_configure_context (self->pango);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "journey-canvas");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"), -1);

  journey_canvas_init_input (self);
  journey_canvas_init_a11y (self);
}

/* -- public API ----------------------------------------------------------- */

GtkWidget *
journey_canvas_new (void)
{
  return g_object_new (JOURNEY_TYPE_CANVAS, NULL);
}

/**
 * journey_canvas_set_map:
 *
 * Shows @map of @project; edits go through @history.
 */
void
journey_canvas_set_map (JourneyCanvas  *self,
                        JourneyProject *project,
                        JourneyMap     *map,
                        JourneyHistory *history)
{
  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  journey_canvas_cancel_drag (self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  g_set_object (&self->project, project);
  g_set_object (&self->map, map);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "changed", G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);

  g_hash_table_remove_all (self->row_hints);
  self->state.focused = NULL;
  self->state.hovered = NULL;
  clear_layout (self);
  self->frame_dirty = TRUE;
  journey_canvas_map_changed (self);

  if (map != NULL && map->title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, map->title, -1);
  journey_selection_set_map (self->selection, map);
}

JourneyMap *
journey_canvas_get_map (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), NULL);
  return self->map;
}

JourneyLayout *
journey_canvas_get_layout (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), NULL);
  journey_canvas_update_layout (self);
  return self->layout;
}

/**
 * journey_canvas_get_selection_model:
 *
 * Returns: (transfer none): what is selected on the map and the channel
 *   shown in full, for the inspector and the window to share
 */
JourneySelection *
journey_canvas_get_selection_model (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), NULL);
  return self->selection;
}

/**
 * journey_canvas_get_selection:
 *
 * Returns: (transfer container): the selected touchpoints in map order
 */
GPtrArray *
journey_canvas_get_selection (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), g_ptr_array_new ());
  return g_ptr_array_copy (journey_selection_get_touchpoints (self->selection), NULL, NULL);
}

/**
 * journey_canvas_select:
 * @add: add to the selection; else the selection is only @touchpoint
 */
void
journey_canvas_select (JourneyCanvas     *self,
                       JourneyTouchpoint *touchpoint,
                       gboolean           add)
{
  g_return_if_fail (JOURNEY_IS_CANVAS (self));
  journey_selection_select (self->selection, touchpoint, add);
}

void
journey_canvas_unselect_all (JourneyCanvas *self)
{
  journey_canvas_select (self, NULL, FALSE);
}

/**
 * journey_canvas_set_channel_filter:
 * @channel: (nullable): the id of a channel, or %NULL for all
 *
 * Shows the touchpoints of @channel in full and veils the others.
 */
void
journey_canvas_set_channel_filter (JourneyCanvas *self,
                                   const char    *channel)
{
  g_return_if_fail (JOURNEY_IS_CANVAS (self));
  journey_selection_set_channel_filter (self->selection, channel);
}

const char *
journey_canvas_get_channel_filter (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), NULL);
  return journey_selection_get_channel_filter (self->selection);
}

JourneyTouchpoint *
journey_canvas_get_focus_touchpoint (JourneyCanvas *self)
{
  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), NULL);
  return self->state.focused;
}

/**
 * journey_canvas_set_focus_touchpoint:
 *
 * Gives the keyboard focus to @touchpoint's card, and scrolls it into view.
 */
void
journey_canvas_set_focus_touchpoint (JourneyCanvas     *self,
                                     JourneyTouchpoint *touchpoint)
{
  int card;

  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  if (self->state.focused == touchpoint)
    {
      journey_canvas_focus_changed_a11y (self);
      return;
    }
  if (self->state.focused != NULL)
    g_ptr_array_add (self->changed, self->state.focused);
  self->state.focused = touchpoint;
  journey_canvas_touchpoint_changed (self, touchpoint);

  card = touchpoint ? journey_canvas_card_of (self, touchpoint) : -1;
  if (card >= 0)
    journey_canvas_scroll_to_map_rect (self, &self->layout->cards[card].rect);
  journey_canvas_focus_changed_a11y (self);
}

/**
 * journey_canvas_set_show_selection:
 *
 * Whether the selection's outline is drawn: not while presenting, where
 * the room sees the map and not what the facilitator clicked.  The
 * selection itself stays.
 */
void
journey_canvas_set_show_selection (JourneyCanvas *self,
                                   gboolean       show)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (JOURNEY_IS_CANVAS (self));

  if ((self->state.selected != NULL) == !!show)
    return;
  self->state.selected = show ? journey_selection_get_set (self->selection) : NULL;
  /* Only the selected cards change. */
  g_hash_table_iter_init (&iter, journey_selection_get_set (self->selection));
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (self->changed, key);
  invalidate_state (self);
}
