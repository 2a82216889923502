/* journey-scene-private.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-scene.h"

G_BEGIN_DECLS

/* Appends nodes to an array, keeps the stack of open groups, and resolves
 * every node's paint from the theme. */
typedef struct
{
  GArray        *nodes;
  JourneyLayout *layout;
  GArray        *open;        /* indices of the open groups' begin nodes */
  const JourneySceneState *state;
} JourneySceneBuilder;

void journey_scene_builder_init            (JourneySceneBuilder     *b,
                                            GArray                  *nodes,
                                            JourneyLayout           *layout,
                                            const JourneySceneState *state);
void journey_scene_builder_clear           (JourneySceneBuilder *b);

/* Nodes, their paint and font from the theme for their role and variant,
 * their item from the group they are in (journey-scene-builder.c). */
void              journey_scene_builder_begin (JourneySceneBuilder  *b,
                                               JourneySceneRole      role,
                                               const char           *variant,
                                               JourneySceneItemKind  item_kind,
                                               guint                 item_index,
                                               gpointer              item,
                                               const char           *id,
                                               const char           *title);
JourneySceneNode *journey_scene_add_rect      (JourneySceneBuilder  *b,
                                               JourneySceneRole      role,
                                               const char           *variant,
                                               const JourneyRect    *rect,
                                               double                radius);
JourneySceneNode *journey_scene_add_line      (JourneySceneBuilder  *b,
                                               JourneySceneRole      role,
                                               const char           *variant,
                                               double                x1,
                                               double                y1,
                                               double                x2,
                                               double                y2);
JourneySceneNode *journey_scene_add_circle    (JourneySceneBuilder  *b,
                                               JourneySceneRole      role,
                                               const char           *variant,
                                               double                cx,
                                               double                cy,
                                               double                r);
/* Takes @ops. */
JourneySceneNode *journey_scene_add_path      (JourneySceneBuilder  *b,
                                               JourneySceneRole      role,
                                               const char           *variant,
                                               JourneyPathOp        *ops,
                                               guint                 n_ops);
void              journey_scene_circle_place  (JourneySceneNode     *node,
                                               double                cx,
                                               double                cy);
void              journey_scene_path_bound    (JourneySceneNode     *node);
void              journey_scene_path_hull     (const JourneySceneNode *node,
                                               guint                 from,
                                               guint                 to,
                                               double                hull[4]);
void              journey_scene_path_rebound  (JourneySceneNode     *node,
                                               guint                 from,
                                               guint                 to,
                                               const double          before[4]);
/* A text of @n_lines lines joined by '\n'; @width is the widest. */
JourneySceneNode *journey_scene_add_text      (JourneySceneBuilder  *b,
                                               JourneySceneRole      role,
                                               const char           *variant,
                                               const char           *text,
                                               guint                 n_lines,
                                               double                x,
                                               double                baseline,
                                               double                line_height,
                                               double                width);
/* A wrapped block of the layout, as SVG shows its text. */
JourneySceneNode *journey_scene_add_block     (JourneySceneBuilder    *b,
                                               JourneySceneRole        role,
                                               const char             *variant,
                                               const JourneyTextBlock *block);

/* The variant of a marker, a note lane or a note of @kind (a
 * JourneyMarkerKind or JourneyNoteKind): "pain-points", "opportunities",
 * "actions" or "votes". */
const char *journey_scene_marker_variant (guint          kind);

/* The colour of the stage at @index of @layout (a card's accent, a stage's
 * header): its own, else the theme's for its place. */
guint32     journey_scene_stage_color    (JourneyLayout *layout,
                                          int            index);

/* Sizes shared by the cards and the legend, in pixels. */
#define JOURNEY_SCENE_VOTE_RADIUS 4
#define JOURNEY_SCENE_VOTE_PITCH  10
#define JOURNEY_SCENE_FLAG_RADIUS 4

/* The parts of a map, in z-order. */
void journey_scene_build_frame             (JourneySceneBuilder *b);
void journey_scene_build_card              (JourneySceneBuilder *b,
                                            guint                card);
void journey_scene_build_curve_layer       (JourneySceneBuilder *b);

/* The curve layer (curves, connectors, handles, flags and legend, drawn
 * over the cards) in its parts, each group or node of it alone, for an update
 * that builds again only what changed: a connector and a handle are one
 * node each, a flag a group of JOURNEY_SCENE_FLAG_NODES. */
#define JOURNEY_SCENE_FLAG_NODES 5
void journey_scene_build_connector         (JourneySceneBuilder *b,
                                            guint                handle);
void journey_scene_build_handle            (JourneySceneBuilder *b,
                                            guint                handle);
void journey_scene_build_flag              (JourneySceneBuilder *b,
                                            guint                flag);
void journey_scene_build_curves            (JourneySceneBuilder *b);
gboolean journey_scene_patch_curves        (GArray              *nodes,
                                            guint                first,
                                            JourneyLayout       *layout,
                                            const JourneyLayoutChanges *changes);
void journey_scene_build_legend            (JourneySceneBuilder *b);

/* journey-scene-room.c: the room's rating beside each handle, a group of
 * JOURNEY_SCENE_ROOM_NODES nodes each; a card's evidence level. */
#define JOURNEY_SCENE_ROOM_NODES 6
void        journey_scene_build_room         (JourneySceneBuilder     *b,
                                              guint                    room);
void        journey_scene_build_rooms        (JourneySceneBuilder     *b);
void        journey_scene_build_room_swatch  (JourneySceneBuilder     *b,
                                              const JourneyRect       *swatch,
                                              gboolean                 disagrees);
gboolean    journey_scene_rooms_equal        (const JourneyLayoutRoom *a,
                                              const JourneyLayoutRoom *b);
const char *journey_scene_level_variant      (JourneyEvidenceLevel     level);
void        journey_scene_build_level        (JourneySceneBuilder     *b,
                                              const JourneyLayoutCard *card);
void        journey_scene_build_level_swatch (JourneySceneBuilder     *b,
                                              const JourneyRect       *swatch,
                                              JourneyEvidenceLevel     level);

/* journey-scene-live.c: a card's live counts while a session runs
 * (@counts may be NULL: none). */
void        journey_scene_build_live_badge   (JourneySceneBuilder     *b,
                                              const JourneyLayoutCard *card,
                                              const JourneyLiveCounts *counts);

/* Begins the group that holds every card; journey_scene_builder_end()
 * ends it. */
void journey_scene_build_touchpoints_begin (JourneySceneBuilder *b);
void journey_scene_builder_end             (JourneySceneBuilder *b);

/* journey-scene-curves-update.c: what the curve layer was built from, to
 * build again only what changed. */
typedef struct
{
  gboolean             known;
  JourneyLayoutHandle *handles;
  guint                n_handles;
  JourneyLayoutFlag   *flags;
  guint                n_flags;
  guint                curve_points[JOURNEY_N_CURVES];
  guint                n_legend;
  JourneyLayoutRoom   *rooms;
  guint                n_rooms;
  guint                at[6];      /* where its groups begin, from the layer */
} JourneySceneCurveLayer;

void     journey_scene_curve_layer_clear    (JourneySceneCurveLayer  *self);
void     journey_scene_curve_layer_remember (JourneySceneCurveLayer  *self,
                                             GArray                  *nodes,
                                             guint                    layer,
                                             JourneyLayout           *layout);
gboolean journey_scene_curve_layer_patch    (JourneySceneCurveLayer  *self,
                                             GArray                  *nodes,
                                             guint                    layer,
                                             JourneyLayout           *layout,
                                             const JourneySceneState *state,
                                             const JourneyLayoutChanges *changes);

/* journey-scene-index.c: the cards that meet a rectangle. */
typedef struct _JourneySceneIndex JourneySceneIndex;

JourneySceneIndex *journey_scene_index_new   (const JourneySceneNode *nodes,
                                              const guint            *card_first,
                                              guint                   n_cards,
                                              double                  width);
void               journey_scene_index_free  (JourneySceneIndex      *self);
void               journey_scene_index_move  (JourneySceneIndex      *self,
                                              guint                   card,
                                              const JourneyRect      *bounds);
void               journey_scene_index_query (JourneySceneIndex      *self,
                                              const JourneyRect      *rect,
                                              GArray                 *cards);

/* The union of the bounds of the nodes in the group that begins at
 * @first and ends at @end - 1. */
JourneyRect journey_scene_children_bounds  (GArray              *nodes,
                                            guint                first,
                                            guint                end);

void journey_scene_node_clear              (JourneySceneNode    *node);

/* journey-scene.c and journey-scene-update.c: the scene itself. */
struct _JourneyScene
{
  GArray *nodes;
  const JourneySceneState *state;
  double  width;
  double  height;
  char   *font_family;
  char   *css_family;
  char   *title;
  char   *description;

  /* Where each card's group begins, and where the curves begin. */
  guint   n_cards;
  guint  *card_first;
  guint   touchpoints;   /* the group that holds every card */
  guint   curve_layer;   /* where the curves, handles, flags and legend begin */

  /* What a card group was built from, to tell which moved. */
  JourneyRect        *card_rects;
  JourneyTouchpoint **card_touchpoints;
  guint              *card_numbers;
  guint               n_remembered;
  JourneyRect        *note_rects;     /* by note of the layout */
  /* Everything but the cards that a change of the frame would move. */
  GArray *frame_key;
  /* The layout last seen, and how many updates it had then. */
  guint   layout_serial;
  guint   layout_generation;

  /* Which cards meet a rectangle: made when first asked. */
  JourneySceneIndex *index;

  /* What the curves, handles and flags were built from. */
  JourneySceneCurveLayer curve_layer_memo;

  /* The frozen headers: the indices of their nodes, and their areas. */
  GArray      *frozen[JOURNEY_N_FROZEN];
  JourneyRect  frozen_area[JOURNEY_N_FROZEN];
};

void     journey_scene_clear_nodes          (GArray                  *nodes,
                                             guint                    from);
GArray  *journey_scene_frame_key_new        (JourneyLayout           *layout);
gboolean journey_scene_frame_key_equal      (GArray                  *a,
                                             GArray                  *b);
void     journey_scene_build_all            (JourneyScene            *self,
                                             JourneyLayout           *layout);
void     journey_scene_remember_cards       (JourneyScene            *self,
                                             JourneyLayout           *layout);

G_END_DECLS
