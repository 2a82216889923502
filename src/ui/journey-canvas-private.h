/* journey-canvas-private.h: what the files of the canvas share (which
 * file holds what: see journey-canvas.c).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-canvas.h"
#include "journey-painter.h"
#include "journey-scene.h"
#include "journey-selection.h"

G_BEGIN_DECLS

/* A map rectangle as a graphene one, for GtkSnapshot. */
#define GRECT(r) GRAPHENE_RECT_INIT ((r)->x, (r)->y, (r)->width, (r)->height)

/* One step of zooming in or out. */
#define ZOOM_STEP 1.2
/* The least zoom, unless the whole map needs less to fit in the view. */
#define MIN_ZOOM 0.1
#define MAX_ZOOM 4.0
/* The least the zoom property takes: a map of any size fits. */
#define LEAST_ZOOM 1e-6

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,       /* pressed, not yet moved far enough */
  DRAG_CARDS,
  DRAG_SATISFACTION,
  DRAG_TARGET,
  DRAG_STAGE,
  DRAG_BAND,          /* rubber band selection */
  DRAG_PAN,
} DragKind;

typedef struct _JourneyCanvasA11y JourneyCanvasA11y;
typedef struct _JourneyCurveTiles JourneyCurveTiles;
typedef struct _JourneyCanvasLive JourneyCanvasLive;

struct _JourneyCanvas
{
  GtkWidget          parent_instance;

  JourneyProject    *project;
  JourneyMap        *map;
  JourneyHistory    *history;

  /* Derived from the map: made again when the history changes. */
  JourneyLayout     *layout;
  JourneyScene      *scene;
  gboolean           layout_dirty;
  gboolean           cards_moved_only; /* journey_layout_update() can do */
  guint              size_tick;     /* checks the map's size after cards moved */
  double             moved_width;   /* the map's size before they moved */
  double             moved_height;
  GPtrArray         *changed;     /* touchpoints whose cards to rebuild */
  gboolean           frame_dirty; /* anything else: the whole scene */

  /* What the person points at: the selection and the channel filter
   * (shared with the inspector and the window), focus and hover. */
  JourneySelection  *selection;
  JourneySceneState  state;

  /* Scrolling and zooming. */
  gboolean           allocating;
  guint              allocate_id; /* children laid out again, after a scroll */
  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;
  double             zoom;
  double             zoom_at_gesture;
  /* The view a map opens at is still to be set up (see journey_canvas_orient()),
   * for the canvas's size then. */
  gboolean           orient_pending;
  int                oriented_width;
  int                oriented_height;
  /* Presenting: the view may reach past the map's edges by half its size. */
  gboolean           overscroll;
  JourneyRect        visible;     /* of the frame being drawn, map coordinates */
  double             pointer_x;   /* NAN when the pointer is elsewhere */
  double             pointer_y;

  /* Drawing: text layouts by text and font, and the painter for curves. */
  PangoContext      *pango;
  GHashTable        *layouts;
  JourneyPainter    *painter;
  GPtrArray         *curve_tiles; /* of JourneyCurveTiles, by curve */

  GSettings         *settings;

  /* The gesture under way. */
  DragKind           drag;
  DragKind           drag_intent;
  double             drag_x;      /* where it began, map coordinates */
  double             drag_y;
  double             drag_dx;     /* how far it went, map pixels */
  double             drag_dy;
  gboolean           drag_grouped;
  gboolean           drag_snap;
  JourneyTouchpoint *drag_touchpoint;
  gboolean           pressed_selected; /* the card pressed was selected */
  GPtrArray         *drag_touchpoints;
  GArray            *drag_times;
  GArray            *drag_lanes;
  GArray            *drag_centres; /* each card's middle, map y */
  double             drag_left;   /* the left edge of the card taken */
  GHashTable        *row_hints;   /* touchpoint → row + 1: where cards were dragged to */
  guint              drag_stage;
  double             drag_length;
  double             drag_px_per_unit;
  double             drag_value;
  int                drop_lane;   /* -1: none */
  JourneyRect        band;
  GHashTable        *band_before; /* selected when the band began */
  GPtrArray         *band_touchpoints; /* what the band selects now */

  GtkWidget         *title_popover;
  GtkWidget         *title_entry;
  JourneyTouchpoint *title_touchpoint;
  GtkWidget         *context_menu;

  /* Children for the accessibility tree (journey-canvas-a11y.c). */
  JourneyCanvasA11y *a11y;

  /* A session's live counts (journey-canvas-live.c). */
  JourneyCanvasLive *live;
};

/* journey-canvas-live.c */
void     journey_canvas_dispose_live       (JourneyCanvas     *self);

/* journey-canvas.c */
void     journey_canvas_update_layout      (JourneyCanvas     *self);
void     journey_canvas_map_changed        (JourneyCanvas     *self);
void     journey_canvas_touchpoint_changed (JourneyCanvas     *self,
                                            JourneyTouchpoint *touchpoint);
void     journey_canvas_state_changed      (JourneyCanvas     *self);
void     journey_canvas_scroll_to_map_rect (JourneyCanvas     *self,
                                            const JourneyRect *rect);
int      journey_canvas_card_of            (JourneyCanvas     *self,
                                            JourneyTouchpoint *touchpoint);

void     journey_canvas_notify_zoom        (JourneyCanvas     *self);

/* journey-canvas-view.c: scrolling and zooming */
void     journey_canvas_get_content_size   (JourneyCanvas     *self,
                                            double            *width,
                                            double            *height);
void     journey_canvas_configure_adjustments (JourneyCanvas  *self);
void     journey_canvas_on_adjustment_changed (JourneyCanvas  *self);
void     journey_canvas_set_adjustment     (JourneyCanvas     *self,
                                            GtkAdjustment    **slot,
                                            GtkAdjustment     *adjustment);
void     journey_canvas_orient_now         (JourneyCanvas     *self);

/* journey-canvas-input.c: gestures */
void     journey_canvas_init_input         (JourneyCanvas     *self);
void     journey_canvas_cancel_drag        (JourneyCanvas     *self);
gboolean journey_canvas_snapping           (JourneyCanvas     *self,
                                            GdkModifierType    state);
double   journey_canvas_snap_step          (JourneyCanvas     *self);
double   journey_canvas_snap               (JourneyCanvas     *self,
                                            double             time,
                                            gboolean           on);
int      journey_canvas_lane_at            (JourneyCanvas     *self,
                                            double             map_y);

/* journey-canvas-drag.c: what the drags change */
void     journey_canvas_start_moving_cards (JourneyCanvas     *self);
void     journey_canvas_cards_moved        (JourneyCanvas     *self);
void     journey_canvas_update_card_drag   (JourneyCanvas     *self,
                                            double             map_x,
                                            double             map_y,
                                            GdkModifierType    state);
void     journey_canvas_update_value_drag  (JourneyCanvas     *self,
                                            double             map_y);
void     journey_canvas_update_stage_drag  (JourneyCanvas     *self,
                                            double             map_x,
                                            GdkModifierType    state);
void     journey_canvas_update_band        (JourneyCanvas     *self,
                                            double             map_x,
                                            double             map_y,
                                            gboolean           add);

/* journey-canvas-commands.c: keys and actions */
void     journey_canvas_class_init_commands (GtkWidgetClass   *widget_class);
void     journey_canvas_focus_and_select   (JourneyCanvas     *self,
                                            JourneyTouchpoint *touchpoint);
void     journey_canvas_add_touchpoint_at  (JourneyCanvas     *self,
                                            double             map_x,
                                            double             map_y);
void     journey_canvas_popup_context_menu (JourneyCanvas     *self,
                                            double             x,
                                            double             y);
void     journey_canvas_update_actions     (JourneyCanvas     *self);

/* journey-canvas-draw.c */
GHashTable *journey_canvas_layout_cache_new (void);
void     journey_canvas_snapshot_frame     (GtkWidget         *widget,
                                            GtkSnapshot       *snapshot);
void     journey_canvas_snapshot_overlays  (JourneyCanvas     *self,
                                            GtkSnapshot       *snapshot);
/* journey-canvas-frozen.c */
void     journey_canvas_snapshot_frozen    (JourneyCanvas     *self,
                                            GtkSnapshot       *snapshot);
void     journey_canvas_frozen_insets      (JourneyCanvas     *self,
                                            double            *left,
                                            double            *top);
void     journey_canvas_hit_test           (JourneyCanvas     *self,
                                            double             map_x,
                                            double             map_y,
                                            JourneyHit        *hit);

/* journey-canvas-tiles.c */
GPtrArray *journey_canvas_tiles_new        (void);
gboolean journey_canvas_snapshot_tiles     (JourneyCanvas          *self,
                                            GtkSnapshot            *snapshot,
                                            const JourneySceneNode *node);

/* journey-canvas-a11y.c */
void     journey_canvas_init_a11y          (JourneyCanvas     *self);
void     journey_canvas_dispose_a11y       (JourneyCanvas     *self);
void     journey_canvas_allocate_a11y      (JourneyCanvas     *self);
void     journey_canvas_focus_changed_a11y (JourneyCanvas     *self);
gboolean journey_canvas_focus_a11y         (GtkWidget         *widget,
                                            GtkDirectionType   direction);
void     journey_canvas_selection_changed_a11y (JourneyCanvas *self);

/* Snapshots one node as GtkSnapshot nodes (journey-canvas.c). */
void     journey_canvas_snapshot_node      (JourneyCanvas          *self,
                                            GtkSnapshot            *snapshot,
                                            const JourneySceneNode *node);

G_END_DECLS
