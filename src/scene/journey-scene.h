/* journey-scene.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "journey-layout.h"

G_BEGIN_DECLS

/*
 * The scene (SPEC §4): a layout turned into a flat, z-ordered list of
 * styled primitives — rectangles, lines, paths, circles, text blocks, and
 * group begin/end — with every paint decision resolved.  The SVG writer,
 * the cairo painter (PNG, PDF, printing) and the canvas only walk the
 * nodes: none of them chooses a colour, a dash or a size.
 *
 * Each node has its bounds (for culling), its paint, its font (text), a
 * role (what it is: a card, a handle, a stage name…), an optional variant
 * of the role ("major", "as-is", "line-of-visibility"…) and the item of
 * the map it belongs to.  A role and its variant give the node's SVG
 * classes.
 *
 * A scene owns copies of all its text: it stays valid after the layout
 * that built it is freed.  Items are pointers into the map, not
 * references: rebuild the scene when the map changes.
 */

typedef enum
{
  JOURNEY_SCENE_GROUP_BEGIN,
  JOURNEY_SCENE_GROUP_END,
  JOURNEY_SCENE_RECT,
  JOURNEY_SCENE_LINE,
  JOURNEY_SCENE_PATH,
  JOURNEY_SCENE_CIRCLE,
  JOURNEY_SCENE_TEXT,
} JourneySceneKind;

/* What a node is.  Keep in step with the class names in journey-theme.c. */
typedef enum
{
  JOURNEY_ROLE_NONE,
  JOURNEY_ROLE_BACKGROUND,
  /* title block */
  JOURNEY_ROLE_TITLE_BLOCK,
  JOURNEY_ROLE_MAP_TITLE,
  JOURNEY_ROLE_PERSONA,
  JOURNEY_ROLE_OBJECTIVE,
  JOURNEY_ROLE_SCOPE,
  /* stages */
  JOURNEY_ROLE_STAGES,
  JOURNEY_ROLE_STAGE,
  JOURNEY_ROLE_STAGE_HEADER,
  JOURNEY_ROLE_STAGE_TINT,
  JOURNEY_ROLE_STAGE_NAME,
  /* emotion band */
  JOURNEY_ROLE_EMOTION_BAND,
  JOURNEY_ROLE_BAND,
  JOURNEY_ROLE_SCALE_STEP,        /* variant "neutral" for the middle */
  JOURNEY_ROLE_SCALE_LABEL,
  /* lanes */
  JOURNEY_ROLE_LANES,
  JOURNEY_ROLE_LANE,              /* variant: the lane's kind */
  JOURNEY_ROLE_LANE_BACKGROUND,
  JOURNEY_ROLE_LANE_LABEL,
  JOURNEY_ROLE_LANE_STRIPE,
  JOURNEY_ROLE_LANE_SEPARATOR,
  JOURNEY_ROLE_LANE_NAME,
  JOURNEY_ROLE_LANE_KIND,
  JOURNEY_ROLE_STAGE_BOUNDARIES,
  JOURNEY_ROLE_STAGE_BOUNDARY,
  /* blueprint lines */
  JOURNEY_ROLE_BLUEPRINT_LINES,
  JOURNEY_ROLE_BLUEPRINT,         /* variant: "line-of-visibility" … */
  JOURNEY_ROLE_BLUEPRINT_LINE,
  JOURNEY_ROLE_LINE_LABEL_BACKGROUND,
  JOURNEY_ROLE_LINE_LABEL,
  /* touchpoints */
  JOURNEY_ROLE_TOUCHPOINTS,
  JOURNEY_ROLE_TOUCHPOINT,        /* variant "major" or "minor" */
  JOURNEY_ROLE_CARD_SHADOW,
  JOURNEY_ROLE_CARD,
  JOURNEY_ROLE_ACCENT,
  JOURNEY_ROLE_CHANNEL,
  JOURNEY_ROLE_CARD_TITLE,
  JOURNEY_ROLE_MARKER,            /* variant "pain-points" … "votes" */
  JOURNEY_ROLE_MARKER_COUNT,
  JOURNEY_ROLE_VOTE,
  JOURNEY_ROLE_VOTE_COUNT,
  JOURNEY_ROLE_NUMBER,            /* the touchpoint's number, on its card */
  JOURNEY_ROLE_NUMBER_LABEL,
  JOURNEY_ROLE_LEVEL,             /* the evidence level's pill: variant "assumed", "thin", "measured" */
  JOURNEY_ROLE_LEVEL_LABEL,       /* the same variants */
  /* notes (in the group of their touchpoint), and their lanes */
  JOURNEY_ROLE_NOTE_LANES,
  JOURNEY_ROLE_NOTE_LANE,         /* variant "pain-points", "opportunities", "actions" */
  JOURNEY_ROLE_NOTE,              /* the same variants */
  JOURNEY_ROLE_NOTE_CARD,         /* the same variants */
  JOURNEY_ROLE_NOTE_NUMBER,       /* the same variants */
  JOURNEY_ROLE_NOTE_NUMBER_LABEL,
  JOURNEY_ROLE_NOTE_TEXT,
  JOURNEY_ROLE_NOTE_CAPTION,      /* an action's owner and status */
  /* curves */
  JOURNEY_ROLE_CONNECTORS,
  JOURNEY_ROLE_CONNECTOR,
  JOURNEY_ROLE_CURVES,
  JOURNEY_ROLE_CURVE,             /* variant "as-is", "to-be", "measured" */
  JOURNEY_ROLE_POINT,             /* variant "to-be", "measured" */
  JOURNEY_ROLE_GAP_FLAGS,
  JOURNEY_ROLE_GAP_FLAG,
  JOURNEY_ROLE_GAP,
  JOURNEY_ROLE_FLAG,
  JOURNEY_ROLE_FLAG_LABEL,
  JOURNEY_ROLE_ROOMS,             /* the room's ratings (SPEC §10) */
  JOURNEY_ROLE_ROOM,              /* variant "disagrees" where the room does */
  JOURNEY_ROLE_ROOM_SPREAD,
  JOURNEY_ROLE_ROOM_MEAN,
  JOURNEY_ROLE_ROOM_PILL,         /* variant "disagrees": the flag */
  JOURNEY_ROLE_ROOM_LABEL,        /* the same variant */
  JOURNEY_ROLE_HANDLES,
  JOURNEY_ROLE_HANDLE,
  /* legend */
  JOURNEY_ROLE_LEGEND,
  JOURNEY_ROLE_LEGEND_ENTRY,
  JOURNEY_ROLE_LEGEND_LABEL,
  /* the canvas: what the workshop points at (see JourneySceneState) */
  JOURNEY_ROLE_SELECTION,
  JOURNEY_ROLE_FOCUS,
  JOURNEY_ROLE_HOVER,
  JOURNEY_ROLE_DROP_TARGET,       /* the lane a dragged card goes to */
  JOURNEY_ROLE_RUBBER_BAND,
  JOURNEY_ROLE_VALUE_LABEL,       /* the scale's label beside a dragged handle */
  JOURNEY_ROLE_VALUE_LABEL_BACKGROUND,
  JOURNEY_ROLE_DIMMED,            /* a veil over a card of another channel than the filter's */
  JOURNEY_ROLE_FROZEN_HEADER,     /* the paper under a frozen header kept in view */
  JOURNEY_ROLE_FROZEN_EDGE,       /* the edge between a frozen header and the map scrolling under it */
  JOURNEY_ROLE_LIVE_BADGE,        /* a card's live counts while a session runs */
  JOURNEY_ROLE_LIVE_LABEL,
  JOURNEY_N_ROLES
} JourneySceneRole;

/* The item of the map a node belongs to. */
typedef enum
{
  JOURNEY_SCENE_ITEM_NONE,
  JOURNEY_SCENE_ITEM_STAGE,       /* index: stage */
  JOURNEY_SCENE_ITEM_LANE,        /* index: lane */
  JOURNEY_SCENE_ITEM_TOUCHPOINT,  /* index: card of the layout */
} JourneySceneItemKind;

/* Frozen headers (SPEC §9 Orientation): while the canvas scrolls, the
 * stage band stays at the top of the view and the names of the rows (the
 * lanes' labels and the scale's) at its left.  The scene marks their
 * nodes; exports draw them once, where they are. */
typedef enum
{
  JOURNEY_FROZEN_NONE,
  JOURNEY_FROZEN_TOP,             /* the stage band */
  JOURNEY_FROZEN_LEFT,            /* the label column */
  JOURNEY_N_FROZEN
} JourneySceneFrozen;

typedef enum
{
  JOURNEY_PATH_MOVE,
  JOURNEY_PATH_LINE,
  JOURNEY_PATH_CURVE,             /* p[0], p[1] controls, p[2] the end */
  JOURNEY_PATH_CLOSE,
} JourneyPathOpKind;

typedef struct
{
  JourneyPathOpKind op;
  JourneyPoint      p[3];
} JourneyPathOp;

#define JOURNEY_PAINT_MAX_DASH 4

/* Fully resolved paint.  Colours are 0xrrggbb. */
typedef struct
{
  guint32  fill;
  guint32  stroke;
  double   fill_opacity;          /* 0 … 1 */
  double   stroke_width;          /* 0: no stroke */
  double   dash[JOURNEY_PAINT_MAX_DASH];
  guint8   n_dash;
  gboolean has_fill : 1;
  gboolean round : 1;             /* round caps and joins */
} JourneyPaint;

typedef enum
{
  JOURNEY_TEXT_ANCHOR_START,
  JOURNEY_TEXT_ANCHOR_MIDDLE,
} JourneyTextAnchor;

/* The family is the scene's (journey_scene_get_font_family()). */
typedef struct
{
  double            size;          /* pixels */
  gboolean          bold : 1;
  gboolean          italic : 1;
  JourneyTextAnchor anchor;
} JourneyFont;

typedef struct
{
  JourneySceneKind     kind;
  JourneySceneRole     role;
  const char          *variant;    /* static string or NULL */
  JourneySceneItemKind item_kind;
  guint                item_index;
  gpointer             item;       /* JourneyStage, JourneyLane, JourneyTouchpoint */
  JourneyRect          bounds;     /* groups: of all their nodes */
  JourneyPaint         paint;
  JourneySceneFrozen   frozen;     /* a frozen header's, or NONE */

  union
  {
    struct
    {
      guint  size;                 /* nodes up to and with the group's end */
      char  *id;                   /* data-id, or NULL */
      char  *title;                /* a tooltip / the full title, or NULL */
    } group;
    struct
    {
      JourneyRect rect;
      double      radius;
    } rect;
    struct
    {
      double x1, y1, x2, y2;
    } line;
    struct
    {
      double cx, cy, r;
    } circle;
    struct
    {
      JourneyPathOp *ops;
      guint          n_ops;
      double         hull[4];      /* x0, y0, x1, y1 of the ops' points */
    } path;
    struct
    {
      char        *text;           /* lines joined by '\n'; plain text */
      guint        n_lines;
      double       x;              /* start, or middle for ANCHOR_MIDDLE */
      double       baseline;       /* of the first line */
      double       line_height;
      JourneyFont  font;
    } text;
  };
} JourneySceneNode;

/* What the canvas shows of a person's work on the map: exports have none.
 * Selected, focused and hovered cards get nodes of their own (roles
 * SELECTION, FOCUS, HOVER) at the end of their group.  With a channel
 * filter, the cards of every other channel (and of none) get a veil (role
 * DIMMED) over them, at the end of their group too. */
/* What participants sent for a card while a workshop session runs (SPEC
 * §10, issue 18): the room's ratings, the votes shown, the comments. */
typedef struct
{
  guint ratings;
  guint votes;
  guint comments;
} JourneyLiveCounts;

typedef struct
{
  GHashTable        *selected;   /* of JourneyTouchpoint, or NULL */
  JourneyTouchpoint *focused;
  JourneyTouchpoint *hovered;
  const char        *channel;    /* the id of the channel shown in full, or NULL for all */
  /* While a session runs: JourneyTouchpoint → JourneyLiveCounts, a badge
   * (role LIVE_BADGE) on the top edge of each card that has any; NULL
   * otherwise. */
  GHashTable        *live;
} JourneySceneState;

typedef struct _JourneyScene JourneyScene;

JourneyScene           *journey_scene_new             (JourneyLayout      *layout);
/* @state is borrowed, and read again by journey_scene_update(): when it
 * changes, pass the touchpoints whose state changed as changed. */
JourneyScene           *journey_scene_new_with_state  (JourneyLayout            *layout,
                                                       const JourneySceneState  *state);
void                    journey_scene_free            (JourneyScene       *self);

guint                   journey_scene_get_n_nodes     (JourneyScene       *self);
const JourneySceneNode *journey_scene_get_nodes       (JourneyScene       *self);
double                  journey_scene_get_width       (JourneyScene       *self);
double                  journey_scene_get_height      (JourneyScene       *self);
/* Pango family list, for drawing; and the CSS one, for SVG. */
const char             *journey_scene_get_font_family (JourneyScene       *self);
const char             *journey_scene_get_css_family  (JourneyScene       *self);
/* The map's title and objective: SVG <title> and <desc>. */
const char             *journey_scene_get_title       (JourneyScene       *self);
const char             *journey_scene_get_description (JourneyScene       *self);

/* The nodes of card @card's group: [*first, *first + *n). */
gboolean                journey_scene_get_card_range  (JourneyScene       *self,
                                                       guint               card,
                                                       guint              *first,
                                                       guint              *n);

/* The frozen header @which: the area it covers on the map (the stage
 * band's row across the map; the label column from the stage band's top
 * to the last row), and its nodes, indices into journey_scene_get_nodes()
 * in drawing order.  A canvas scrolled past the area draws it again at
 * the edge of its view: the area filled as JOURNEY_ROLE_FROZEN_HEADER,
 * the nodes moved by as much, and a JOURNEY_ROLE_FROZEN_EDGE line along
 * its inner side.  Returns FALSE, and no nodes, when the map has none. */
gboolean                journey_scene_get_frozen      (JourneyScene       *self,
                                                       JourneySceneFrozen  which,
                                                       JourneyRect        *area,
                                                       const guint       **nodes,
                                                       guint              *n_nodes);

/* Which frozen header the nodes of @role belong to. */
JourneySceneFrozen      journey_scene_role_get_frozen (JourneySceneRole    role);

/* Every node but groups that meets @clip (NULL: all), in drawing order;
 * only the groups and cards near @clip are looked at.  The first call
 * makes an index of the cards: use a scene in one thread at a time. */
typedef void (*JourneySceneFunc) (const JourneySceneNode *node,
                                  gpointer                data);

void                    journey_scene_foreach_in      (JourneyScene       *self,
                                                       const JourneyRect  *clip,
                                                       JourneySceneFunc    func,
                                                       gpointer            data);

/* Brings the scene up to date with @layout, a new layout of the same map
 * in which only touchpoints changed: rebuilds the groups of the cards
 * that moved or whose touchpoint is in @changed, and the curves, handles,
 * flags and legend.  Anything else that changed (a stage, a lane, the
 * size of the map, the number of cards) rebuilds the whole scene.
 * Returns the number of card groups rebuilt, or -1 for a whole rebuild.
 * The result equals journey_scene_new (@layout). */
int                     journey_scene_update          (JourneyScene       *self,
                                                       JourneyLayout      *layout,
                                                       JourneyTouchpoint *const *changed,
                                                       guint               n_changed);

/* Class attribute of a node: its role's class and its variant. */
void                    journey_scene_node_append_class (const JourneySceneNode *node,
                                                         GString                *out);
const char             *journey_scene_role_get_class  (JourneySceneRole    role);

gboolean                journey_scene_node_equal      (const JourneySceneNode *a,
                                                       const JourneySceneNode *b);

/* Does @a meet @b? */
gboolean                journey_rect_intersects       (const JourneyRect  *a,
                                                       const JourneyRect  *b);

/* The scene of a layout built and handed out in parts, for a writer that
 * takes each node once: a map of any size in a few thousand nodes.  Each
 * call of journey_scene_stream_next() gives the next nodes in drawing
 * order, valid until the next call, or NULL (and 0) after the last; all
 * of them are journey_scene_new()'s nodes, but that a group whose begin
 * node was handed out before its end has neither size nor bounds. */
typedef struct _JourneySceneStream JourneySceneStream;

JourneySceneStream     *journey_scene_stream_new      (JourneyLayout      *layout);
const JourneySceneNode *journey_scene_stream_next     (JourneySceneStream *self,
                                                       guint              *n_nodes);
void                    journey_scene_stream_free     (JourneySceneStream *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneyScene, journey_scene_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneySceneStream, journey_scene_stream_free)

G_END_DECLS
