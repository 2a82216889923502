/* journey-layout.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "journey-evidence-level.h"
#include "journey-model.h"

G_BEGIN_DECLS

/*
 * The geometry of a map (SPEC §4, §8), computed once from the model and a
 * style, and shared by the canvas and every exporter: what the workshop saw
 * is what the slide shows.  No GTK; text is measured with Pango on a cairo
 * font map, which needs no display.
 *
 * Coordinates are in CSS pixels at 100 % zoom, origin at the top left.
 * Top to bottom: title block, stage band, emotion band, lanes, legend.
 *
 * The layout points into the map (touchpoints, stages, lanes) without
 * holding references: rebuild it whenever the map changes (or, when only
 * cards moved, bring it up to date with journey_layout_update()), and do
 * not keep it beyond the map's life.
 */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} JourneyRect;

typedef struct
{
  double x;
  double y;
} JourneyPoint;

/* Whether a layout has note lanes: as its map's "show_notes" says, or
 * shown or hidden whatever the map says (an export's choice). */
typedef enum
{
  JOURNEY_NOTES_AS_MAP,
  JOURNEY_NOTES_SHOWN,
  JOURNEY_NOTES_HIDDEN,
} JourneyNotesMode;

/* Sizes in pixels.  journey_style_get_default() is what the app and the
 * exporters use; tests may change a copy. */
typedef struct
{
  const char *font_family;      /* Pango family list, for measuring */
  const char *svg_font_family;  /* CSS font-family, with a generic fallback */

  double margin;                /* around the whole map */
  double title_size;            /* map title */
  double subtitle_size;         /* persona, objective, scope */
  double stage_size;            /* stage names: larger than body text */
  double lane_size;             /* lane names */
  double body_size;             /* card titles, >= 14 */
  double caption_size;          /* channel, scale labels, legend, >= 14 */
  double line_spacing;          /* line height = size * line_spacing */

  double label_column_width;    /* lane names and scale labels */
  double stage_band_height;
  double emotion_step_min;      /* least distance between two scale steps */
  double emotion_band_min;      /* least height of the emotion band */
  double min_timeline_width;
  double max_timeline_width;
  double min_stage_width;

  double card_radius;
  double card_padding;
  double card_gap;              /* between cards, and around them in a lane */
  double minor_width;
  double minor_height;
  double major_width;
  double major_height;
  double marker_size;           /* height of a marker row on a card */

  double handle_radius;
  double hit_slop;              /* extra pixels around handles and boundaries */
  double touch_target;          /* least size of what a finger drags (SPEC §9) */
  guint  max_title_lines;       /* card titles wrap to at most this many lines */

  /* Dense maps: the timeline widens past max_timeline_width, up to
   * dense_timeline_width, until no lane needs more than max_lane_rows rows
   * of cards (0: never). */
  double dense_timeline_width;
  guint  max_lane_rows;

  /* Pixels per unit of time, when not 0: the canvas holds the scale of the
   * timeline still while cards are moved about (SPEC §9, Stability). */
  double fixed_px_per_unit;

  /* Notes on the map (SPEC §9): pain points, opportunities and actions as
   * small cards in note lanes under the blueprint. */
  JourneyNotesMode notes;       /* as the map says, or shown or hidden for one export */
  double note_width;
  double note_padding;
  double note_gap;              /* between notes, and around them in a lane */
  guint  max_note_lines;        /* a note's text wraps to at most this many lines */

  /* (nullable): touchpoint → JOURNEY_ROW_HINT (lane, row, pinned): the row a
   * card is wanted in, where that row is free at the card's time.  The
   * other cards of a lane make room around a pinned card; a card that is
   * only hinted takes its row if nothing pinned or placed before it is
   * there.  The canvas's, so that cards stay in their rows while others
   * are dragged about (SPEC §9, Stability).  Not owned; must outlive the
   * layouts made with the style. */
  GHashTable *row_hints;
} JourneyStyle;

/* A row hint: for the card in lane @lane (a hint for another lane is
 * not taken), row @row; pinned or not.  Lanes and rows below 32,768. */
#define JOURNEY_ROW_HINT_PINNED 0x80000000u
#define JOURNEY_ROW_HINT(lane, row, pinned)                                 \
  GUINT_TO_POINTER ((((guint) (lane) & 0x7fffu) << 16) | (MIN ((guint) (row), 0x7ffeu) + 1) \
                    | ((pinned) ? JOURNEY_ROW_HINT_PINNED : 0))

const JourneyStyle *journey_style_get_default (void);

/* One block of wrapped text.  Lines are plain text (never markup). */
typedef struct
{
  char   **lines;        /* NULL-terminated, never NULL */
  guint    n_lines;
  double   x;            /* left edge of every line */
  double   baseline;     /* of the first line */
  double   line_height;
  double   size;         /* font size in pixels */
  double   width;        /* widest line, measured */
  gboolean bold;
  gboolean truncated;    /* shortened, ends with an ellipsis */
} JourneyTextBlock;

typedef struct
{
  JourneyStage     *stage;
  guint             index;
  double            start;        /* time */
  double            end;
  JourneyRect       header;       /* cell in the stage band */
  JourneyRect       column;       /* emotion band and lanes under it */
  JourneyTextBlock  name;
} JourneyLayoutStage;

typedef struct
{
  JourneyLane      *lane;
  guint             index;
  JourneyLaneKind   kind;
  JourneyRect       rect;         /* the whole row, label column included */
  JourneyRect       label;        /* the label column part */
  guint             n_rows;       /* rows of stacked cards */
  JourneyTextBlock  name;
  JourneyTextBlock  caption;      /* the lane's kind, e.g. "Onstage" */
} JourneyLayoutLane;

typedef enum
{
  JOURNEY_BLUEPRINT_LINE_OF_INTERACTION,
  JOURNEY_BLUEPRINT_LINE_OF_VISIBILITY,
  JOURNEY_BLUEPRINT_LINE_OF_INTERNAL_INTERACTION,
} JourneyBlueprintLineKind;

typedef struct
{
  JourneyBlueprintLineKind  kind;
  double                    x0;
  double                    x1;
  double                    y;
  const char               *css_class;  /* "line-of-visibility" … */
  JourneyTextBlock          label;
  JourneyRect               label_rect; /* background of the label */
} JourneyLayoutLine;

typedef enum
{
  JOURNEY_CURVE_AS_IS,     /* hypothesis, dashed */
  JOURNEY_CURVE_TO_BE,     /* targets, dotted */
  JOURNEY_CURVE_MEASURED,  /* evidence, solid */
  JOURNEY_N_CURVES
} JourneyCurveKind;

typedef enum
{
  JOURNEY_MARKER_PAIN_POINTS,
  JOURNEY_MARKER_OPPORTUNITIES,
  JOURNEY_MARKER_ACTIONS,
  JOURNEY_MARKER_VOTES,
} JourneyMarkerKind;

#define JOURNEY_LAYOUT_MAX_VOTE_DOTS 5

typedef struct
{
  JourneyMarkerKind kind;
  JourneyRect       rect;   /* pill for counts; the dots' extent for votes */
  int               count;
  char              label[16]; /* the count as text, "" for vote dots */
  double            label_x;
} JourneyLayoutMarker;

typedef struct
{
  JourneyTouchpoint   *touchpoint;
  guint                index;         /* in map->touchpoints */
  int                  lane;          /* index in layout lanes, -1 if unknown */
  int                  stage;         /* index in layout stages */
  guint                row;           /* stacking row in its lane */
  gboolean             major;
  int                  handle;        /* index in layout handles, or -1 */
  int                  points[JOURNEY_N_CURVES]; /* its point on each curve, or -1 */
  JourneyRect          rect;
  JourneyTextBlock     title;
  JourneyTextBlock     caption;       /* channel name; may have no lines */
  JourneyLayoutMarker  markers[4];
  guint                n_markers;
  double               time;          /* the time it is drawn at */
  guint                number;        /* journey_map_get_time_order(), from 1 */
  char                 number_label[16];
  JourneyRect          number_rect;   /* the number's badge, bottom right */
  guint                first_note;    /* its notes: layout notes [first, first + n) */
  guint                n_notes;
  /* Its evidence level (assumed, or measured with N responses), in a pill
   * at the right of the caption's line. */
  JourneyEvidenceLevel level;
  JourneyRect          level_rect;
  char                 level_label[48];
  double               level_label_x;
} JourneyLayoutCard;

typedef enum
{
  JOURNEY_NOTE_PAIN_POINT,
  JOURNEY_NOTE_OPPORTUNITY,
  JOURNEY_NOTE_ACTION,
  JOURNEY_N_NOTE_KINDS
} JourneyNoteKind;

/* A note lane: one for each kind of note the map has (none for a kind
 * without notes), in the order of JourneyNoteKind. */
typedef struct
{
  JourneyNoteKind   kind;
  JourneyRect       rect;         /* the whole row, label column included */
  JourneyRect       label;
  guint             n_rows;
  JourneyTextBlock  name;
  guint            *order;        /* its notes by left edge, then by index */
  guint             n_notes;
} JourneyLayoutNoteLane;

/* A pain point, opportunity or action as a small card under its
 * touchpoint's card, with the touchpoint's number. */
typedef struct
{
  JourneyNoteKind   kind;
  guint             card;         /* its touchpoint's card */
  guint             item;         /* in the touchpoint's list of its kind */
  guint             lane;         /* in layout note_lanes */
  guint             row;
  JourneyRect       rect;
  JourneyRect       badge;        /* the number */
  JourneyTextBlock  text;         /* wrapped and maybe shortened */
  JourneyTextBlock  caption;      /* an action's owner and status; else no lines */
  char             *full_text;    /* the whole note, for a tooltip and SVG <title> */
} JourneyLayoutNote;

typedef struct
{
  JourneyRect       rect;          /* the plotting area, timeline wide */
  int               min;
  int               max;
  guint             n_steps;
  double           *step_y;        /* n_steps, from min (bottom) to max (top) */
  JourneyTextBlock *labels;        /* n_steps, in the label column */
  double            neutral_y;     /* the middle of the scale */
} JourneyLayoutBand;

typedef struct
{
  JourneyCurveKind  kind;
  const char       *css_class;     /* "as-is", "to-be", "measured" */
  guint             n_points;
  JourneyPoint     *points;        /* n_points, x increasing */
  JourneyPoint     *c1;            /* n_points - 1 Bézier control points */
  JourneyPoint     *c2;
  guint            *cards;         /* n_points: the card of each point */
  double           *spline;        /* 3 × n_points: journey_spline's state */
} JourneyLayoutCurve;

typedef struct
{
  JourneyTouchpoint *touchpoint;
  guint              card;
  double             x;
  double             y;
  double             radius;
  double             value;        /* satisfaction */
} JourneyLayoutHandle;

typedef struct
{
  guint   card;
  double  x;
  double  y_hypothesis;
  double  y_measured;
  double  gap;                     /* measured - hypothesis, in scale units */
  JourneyRect rect;                /* the flag */
  char    label[32];
} JourneyLayoutFlag;

/* The room's rating of a touchpoint on the curve (SPEC §10), beside its
 * handle: the mean in a pill, the spread (one standard deviation each
 * way) as a bar, the pill a flag where the room disagrees
 * (journey_room_disagrees()). */
typedef struct
{
  guint        card;
  double       x;                  /* the bar's middle */
  double       y_mean;
  double       y_high;             /* mean + spread, within the band */
  double       y_low;              /* mean - spread, within the band */
  double       mean;
  double       spread;
  int          responses;
  gboolean     disagrees;
  JourneyRect  pill;               /* holds the mean */
  char         label[16];          /* the mean, "3.4" */
  double       label_width;
  /* What the marks were made from, so that a drag, which places them
   * again on every motion, only moves them: the room's mean and
   * histogram (scales have at most 11 steps). */
  double       from_mean;
  guint        from_steps;
  int          from_histogram[11];
} JourneyLayoutRoom;

typedef enum
{
  JOURNEY_LEGEND_CURVE,
  JOURNEY_LEGEND_FLAG,
  JOURNEY_LEGEND_MARKER,
  JOURNEY_LEGEND_ROOM,             /* which: 0 the room's rating, 1 where it disagrees */
  JOURNEY_LEGEND_LEVEL,            /* which: a JourneyEvidenceLevel */
} JourneyLegendKind;

typedef struct
{
  JourneyLegendKind kind;
  int               which;         /* a JourneyCurveKind or JourneyMarkerKind */
  JourneyRect       swatch;
  JourneyTextBlock  text;
} JourneyLayoutLegendEntry;

/* What the last journey_layout_update() of a layout changed, for those
 * who keep something made from it (a scene) and bring it up to date: the
 * cards, handles and points to make again.  @known is FALSE when the
 * update did not say (cards restacked, the curves placed anew): then
 * compare everything. */
typedef struct
{
  guint     serial;         /* of the layout: no other layout has it */
  guint     generation;     /* updates made to it so far */
  gboolean  known;          /* what follows is all that changed */
  GArray   *cards;          /* guint: cards, their numbers or notes changed */
  GArray   *handles;        /* guint: handles that moved */
  guint     point_from[JOURNEY_N_CURVES]; /* points and their controls that */
  guint     point_to[JOURNEY_N_CURVES];   /* changed: [from, to), or none */
  gboolean  flags;          /* the flags may have changed */
} JourneyLayoutChanges;

typedef struct
{
  double             width;
  double             height;
  JourneyStyle       style;
  JourneyMap        *map;

  JourneyRect        title_rect;
  JourneyTextBlock   title;         /* the map title, wrapped */
  JourneyTextBlock   persona;       /* "Persona: …" or no lines */
  JourneyTextBlock   objective;
  JourneyTextBlock   scope;

  double             timeline_x;    /* x of time 0 */
  double             timeline_width;
  double             duration;
  double             px_per_unit;

  JourneyRect        stage_band;
  JourneyLayoutStage *stages;
  guint              n_stages;

  JourneyLayoutBand  band;

  JourneyRect        lanes_rect;
  JourneyLayoutLane *lanes;
  guint              n_lanes;

  JourneyLayoutLine *lines;
  guint              n_lines;

  JourneyLayoutCard *cards;
  guint              n_cards;
  guint              n_touchpoints; /* in the map, with or without a card */
  guint              touchpoints_stamp; /* journey_list_get_stamp() when laid out */

  JourneyLayoutCurve curves[JOURNEY_N_CURVES];
  GArray            *curve_order;   /* journey_map_get_curve_indices() */
  GHashTable        *card_of;       /* touchpoint → card + 1, for updates */
  guint              curve_capacity; /* points, handles and flags allocated */
  int               *card_of_index; /* n_touchpoints: touchpoint index → card, or -1 */

  JourneyLayoutHandle *handles;
  guint              n_handles;

  JourneyLayoutFlag *flags;
  guint              n_flags;

  JourneyLayoutRoom *rooms;         /* by handle, of those with a room's rating */
  guint              n_rooms;
  guint              room_capacity;

  JourneyRect        legend_rect;
  JourneyLayoutLegendEntry *legend;
  guint              n_legend;

  GArray            *time_order;    /* journey_map_get_time_order(): the numbers */
  double             number_width;  /* of the badge of a number */
  JourneyRect        notes_rect;    /* the note lanes; no height without notes */
  JourneyLayoutNoteLane note_lanes[JOURNEY_N_NOTE_KINDS];
  guint              n_note_lanes;
  JourneyLayoutNote *notes;         /* by card, then kind, then item */
  guint              n_notes;

  JourneyLayoutChanges changes;     /* by the last journey_layout_update() */
} JourneyLayout;

/* The scale the emotion band of @map shows, from *@min to *@max: the
 * map's, or 1–5 when it has none that can be drawn.  Its fifth is the
 * gap the map flags (journey_evidence_gap_is_flagged ()). */
void           journey_layout_band_range     (JourneyMap         *map,
                                              int                *min,
                                              int                *max);

JourneyLayout *journey_layout_new            (JourneyMap         *map,
                                              JourneyProject     *project,
                                              const JourneyStyle *style);
void           journey_layout_free           (JourneyLayout      *self);
int            journey_layout_find_card      (JourneyLayout      *self,
                                              JourneyTouchpoint  *touchpoint);
/* Sorts an array of guint (indices of cards, handles or points) and
 * leaves each once. */
void           journey_layout_sort_indices   (GArray             *indices);
gboolean       journey_layout_update         (JourneyLayout      *self,
                                              JourneyProject     *project,
                                              JourneyTouchpoint *const *changed,
                                              guint               n_changed);

typedef enum
{
  JOURNEY_HIT_NONE,
  JOURNEY_HIT_CARD,            /* index: card (see card.touchpoint) */
  JOURNEY_HIT_HANDLE,          /* index: handle */
  JOURNEY_HIT_TARGET,          /* index: card whose to-be point it is */
  JOURNEY_HIT_STAGE_BOUNDARY,  /* index: stage whose end it is */
  JOURNEY_HIT_STAGE,           /* index: stage (its header) */
  JOURNEY_HIT_LANE,            /* index: lane (its label or an empty spot) */
} JourneyHitKind;

typedef struct
{
  JourneyHitKind kind;
  guint          index;
} JourneyHit;

/* What a press at (x, y) takes hold of, at 100 % zoom. */
JourneyHitKind journey_layout_hit_test       (JourneyLayout      *self,
                                              double              x,
                                              double              y,
                                              JourneyHit         *hit);
/* The same at @zoom (screen pixels per map pixel): handles, to-be points
 * and stage boundaries are hit within half the style's touch target on
 * screen of them (touch_target / 2 / @zoom map pixels) at every zoom,
 * however small they are drawn; where hit areas overlap, the nearest
 * handle, point, boundary or card wins (SPEC §9). */
JourneyHitKind journey_layout_hit_test_at_zoom (JourneyLayout    *self,
                                              double              x,
                                              double              y,
                                              double              zoom,
                                              JourneyHit         *hit);
/* Only stage boundaries, stages and lanes: a press on a frozen header
 * (journey_scene_get_frozen()), which hides what is under it. */
JourneyHitKind journey_layout_hit_test_headers (JourneyLayout    *self,
                                              double              x,
                                              double              y,
                                              double              zoom,
                                              JourneyHit         *hit);

/* The note at (@x, @y), if any: the index of a layout note. */
gboolean       journey_layout_hit_note       (JourneyLayout      *self,
                                              double              x,
                                              double              y,
                                              guint              *note);

/* Whether @map's layout with @style has note lanes. */
gboolean       journey_layout_shows_notes    (JourneyMap         *map,
                                              const JourneyStyle *style);

/* Conversions for dragging: time ↔ x on the timeline, value ↔ y in the
 * emotion band.  Results are clamped to the map's duration and scale. */
double         journey_layout_x_for_time     (JourneyLayout      *self,
                                              double              time);
double         journey_layout_time_for_x     (JourneyLayout      *self,
                                              double              x);
double         journey_layout_time_for_card_left (JourneyLayout           *self,
                                                  const JourneyLayoutCard *card,
                                                  double                   left);
guint          journey_layout_row_at         (JourneyLayout      *self,
                                              guint               lane,
                                              double              y,
                                              JourneyTouchpoint  *except);
double         journey_layout_y_for_value    (JourneyLayout      *self,
                                              double              value);
double         journey_layout_value_for_y    (JourneyLayout      *self,
                                              double              y);

/* What a card, the legend and the exports say of an evidence level:
 * "Assumed", or "Measured · N". */
char          *journey_layout_level_label    (JourneyEvidenceLevel level,
                                              int                  responses);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneyLayout, journey_layout_free)

G_END_DECLS
