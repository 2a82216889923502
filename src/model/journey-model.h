/* journey-model.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-types.h"
#include "journey-enums.h"
#include "journey-item.h"
#include "journey-list.h"
#include "journey-scale.h"
#include "journey-evidence-source.h"

G_BEGIN_DECLS

/*
 * The document model (SPEC §2–§3).  The structs are public and read-only:
 * read fields directly, change them only through JourneyHistory.  Strings
 * that the file leaves out are NULL; lists are never NULL.
 */

/* -- Persona, channel ----------------------------------------------------- */

#define JOURNEY_TYPE_PERSONA (journey_persona_get_type ())
G_DECLARE_FINAL_TYPE (JourneyPersona, journey_persona, JOURNEY, PERSONA, JourneyItem)

struct _JourneyPersona
{
  JourneyItem parent_instance;
  char *id;
  char *name;
  char *description;
};

const char *journey_persona_get_display_name (JourneyPersona *self);

#define JOURNEY_TYPE_CHANNEL (journey_channel_get_type ())
G_DECLARE_FINAL_TYPE (JourneyChannel, journey_channel, JOURNEY, CHANNEL, JourneyItem)

struct _JourneyChannel
{
  JourneyItem parent_instance;
  char *id;
  char *name;
};

const char *journey_channel_get_display_name (JourneyChannel *self);

/* -- Stage, lane ---------------------------------------------------------- */

#define JOURNEY_TYPE_STAGE (journey_stage_get_type ())
G_DECLARE_FINAL_TYPE (JourneyStage, journey_stage, JOURNEY, STAGE, JourneyItem)

struct _JourneyStage
{
  JourneyItem parent_instance;
  char  *id;
  char  *name;
  double length;   /* > 0, default 1 */
  char  *color;    /* "#rrggbb" or NULL */
};

double      journey_stage_get_span         (JourneyStage *self);
const char *journey_stage_get_display_name (JourneyStage *self);

#define JOURNEY_TYPE_LANE (journey_lane_get_type ())
G_DECLARE_FINAL_TYPE (JourneyLane, journey_lane, JOURNEY, LANE, JourneyItem)

struct _JourneyLane
{
  JourneyItem parent_instance;
  char            *id;
  char            *name;
  JourneyLaneKind  kind;   /* default customer */
  char            *color;  /* "#rrggbb" or NULL */
};

const char *journey_lane_get_display_name (JourneyLane *self);

/* The display name of a touchpoint, map, stage, lane, persona or
 * channel; the id of any other item. */
const char *journey_item_get_display_name (gpointer item);
/* The rule of every display name: @name when it is neither NULL nor
 * empty, else @id, else "". */
const char *journey_item_name_or_id       (const char *name,
                                           const char *id);

/* -- Parts of a touchpoint ------------------------------------------------ */

#define JOURNEY_TYPE_ACTION (journey_action_get_type ())
G_DECLARE_FINAL_TYPE (JourneyAction, journey_action, JOURNEY, ACTION, JourneyItem)

struct _JourneyAction
{
  JourneyItem parent_instance;
  char          *text;
  char          *owner;
  JourneyStatus  status;
};

const char *journey_status_get_label (JourneyStatus status);

#define JOURNEY_TYPE_COMMENT (journey_comment_get_type ())
G_DECLARE_FINAL_TYPE (JourneyComment, journey_comment, JOURNEY, COMMENT, JourneyItem)

struct _JourneyComment
{
  JourneyItem parent_instance;
  char *author;
  char *role;
  char *text;
  char *created;   /* ISO 8601, as written */
  gboolean hidden; /* hidden from a workshop session's participants (SPEC §10) */
};

#define JOURNEY_TYPE_EVIDENCE (journey_evidence_get_type ())
G_DECLARE_FINAL_TYPE (JourneyEvidence, journey_evidence, JOURNEY, EVIDENCE, JourneyItem)

struct _JourneyEvidence
{
  JourneyItem parent_instance;
  char   *source;
  int     responses;
  double  mean;       /* on the map's scale */
  GArray *histogram;  /* of int: one count per whole step of the scale */
  char   *updated;    /* ISO 8601, as written */
  JourneyList *sources; /* of JourneyEvidencePart (SPEC §11): one per survey source */
};

#define JOURNEY_TYPE_ROOM (journey_room_get_type ())
G_DECLARE_FINAL_TYPE (JourneyRoom, journey_room, JOURNEY, ROOM, JourneyItem)

/* The room's rating of a touchpoint (SPEC §10): what the participants of
 * workshop sessions rated, an aggregate kept apart from customer evidence.
 * No names: one count per whole step of the map's scale. */
struct _JourneyRoom
{
  JourneyItem parent_instance;
  int     responses;
  double  mean;       /* on the map's scale */
  GArray *histogram;  /* of int: one count per whole step of the scale */
};

JourneyRoom *journey_room_new_from_histogram (JourneyScale *scale,
                                              GArray       *histogram);
double       journey_room_get_spread         (JourneyRoom  *self,
                                              JourneyScale *scale);

/* -- Touchpoint ----------------------------------------------------------- */

#define JOURNEY_TYPE_TOUCHPOINT (journey_touchpoint_get_type ())
G_DECLARE_FINAL_TYPE (JourneyTouchpoint, journey_touchpoint, JOURNEY, TOUCHPOINT, JourneyItem)

struct _JourneyTouchpoint
{
  JourneyItem parent_instance;
  char            *id;
  char            *title;
  char            *lane;          /* id of a lane of the map */
  char            *channel;       /* id of a channel of the project, or NULL */
  double           time;
  double           satisfaction;  /* on the map's scale; the middle when the file leaves it out */
  double           target;        /* NAN when there is none */
  JourneyWeight    weight;
  char            *when;
  char            *description;
  char            *thoughts;
  char            *feelings;
  char           **pain_points;
  char           **opportunities;
  JourneyList     *actions;       /* of JourneyAction */
  JourneyList     *comments;      /* of JourneyComment */
  int              votes;
  JourneyEvidence *evidence;      /* or NULL */
  JourneyRoom     *room;          /* the room's rating, or NULL */
};

gboolean    journey_touchpoint_has_target       (JourneyTouchpoint *self);
/* Whether the room rated @self (SPEC §10): a room's rating with a
 * response and a mean. */
gboolean    journey_touchpoint_has_room         (JourneyTouchpoint *self);
const char *journey_touchpoint_get_display_name (JourneyTouchpoint *self);

/* -- Map ------------------------------------------------------------------ */

#define JOURNEY_TYPE_MAP (journey_map_get_type ())
G_DECLARE_FINAL_TYPE (JourneyMap, journey_map, JOURNEY, MAP, JourneyItem)

struct _JourneyMap
{
  JourneyItem parent_instance;
  char         *id;
  char         *title;
  char         *persona;     /* id of a persona of the project, or NULL */
  char         *objective;
  JourneyScale *scale;       /* never NULL */
  char         *scope;
  gboolean      show_notes;  /* note lanes on the map (SPEC §9), default TRUE */
  JourneyList  *stages;      /* of JourneyStage */
  JourneyList  *lanes;       /* of JourneyLane */
  JourneyList  *touchpoints; /* of JourneyTouchpoint */
  JourneyList  *evidence_sources; /* of JourneyEvidenceSource (SPEC §11) */
};

const char        *journey_map_get_display_name        (JourneyMap        *self);
double             journey_map_get_duration            (JourneyMap        *self);
double             journey_map_get_stage_start         (JourneyMap        *self,
                                                        guint              stage);
int                journey_map_get_stage_at            (JourneyMap        *self,
                                                        double             time);
JourneyStage      *journey_map_get_touchpoint_stage    (JourneyMap        *self,
                                                        JourneyTouchpoint *touchpoint);
JourneyLane       *journey_map_find_lane               (JourneyMap        *self,
                                                        const char        *id);
int                journey_map_find_lane_index         (JourneyMap        *self,
                                                        const char        *id);
JourneyTouchpoint *journey_map_find_touchpoint         (JourneyMap        *self,
                                                        const char        *id);
double             journey_map_get_satisfaction        (JourneyMap        *self,
                                                        JourneyTouchpoint *touchpoint);
GArray            *journey_map_get_curve_indices       (JourneyMap        *self);
GArray            *journey_map_update_curve_indices    (JourneyMap        *self,
                                                        GArray            *indices,
                                                        JourneyTouchpoint *const *changed,
                                                        guint              n_changed);
GPtrArray         *journey_map_get_curve_touchpoints   (JourneyMap        *self);
GArray            *journey_map_get_time_order          (JourneyMap        *self);
GArray            *journey_map_update_time_order       (JourneyMap        *self,
                                                        GArray            *order,
                                                        JourneyTouchpoint *const *changed,
                                                        guint              n_changed);
gboolean           journey_lane_kind_is_on_curve       (JourneyLaneKind    kind);

/* Times, values and ids on a map (journey-map.c), for the edits and the
 * widgets that check what a person typed or dragged. */
double   journey_map_clamp_to_scale          (JourneyMap        *map,
                                              double             value);
double   journey_map_clamp_to_timeline       (JourneyMap        *map,
                                              double             time);
/* Whether @time may be a touchpoint's time on @map (finite, from 0 to the
 * length of the timeline); if not, @error (JOURNEY_EDIT_ERROR) gives the
 * reason to show. */
gboolean journey_map_check_time              (JourneyMap        *map,
                                              double             time,
                                              GError           **error);
/* @time rounded to a multiple of @step (step <= 0: not rounded), then
 * clamped to the timeline. */
double   journey_map_snap_time               (JourneyMap        *map,
                                              double             time,
                                              double             step);
/* A touchpoint id that @map does not use yet, made from @base ("touchpoint"
 * gives "touchpoint-3" after "touchpoint-2"; "site" gives "site-2"). */
char    *journey_map_new_touchpoint_id       (JourneyMap        *map,
                                              const char        *base);
/* The touchpoints of the stage at @position of @map (its own ones, by
 * their time) or of @lane. */
guint    journey_map_count_in_stage          (JourneyMap        *map,
                                              guint              position);
guint    journey_map_count_in_lane           (JourneyMap        *map,
                                              JourneyLane       *lane);

/* A use of a persona, channel or lane by its id: @item names it in
 * @property ("persona" of a map, "channel" or "lane" of a touchpoint). */
typedef void (*JourneyUseFunc) (gpointer    item,
                                const char *property,
                                gpointer    user_data);
/* Calls @func (if given) for each item of @map that names @id, the id of
 * a persona, channel or lane (@kind: its type); returns how many do. */
guint    journey_map_foreach_use             (JourneyMap        *map,
                                              GType              kind,
                                              const char        *id,
                                              JourneyUseFunc     func,
                                              gpointer           user_data);

/* -- Project -------------------------------------------------------------- */

#define JOURNEY_TYPE_PROJECT (journey_project_get_type ())
G_DECLARE_FINAL_TYPE (JourneyProject, journey_project, JOURNEY, PROJECT, JourneyItem)

struct _JourneyProject
{
  JourneyItem parent_instance;
  char        *format;    /* "journeys" */
  int          version;
  char        *title;
  JourneyList *personas;  /* of JourneyPersona */
  JourneyList *channels;  /* of JourneyChannel */
  JourneyList *maps;      /* of JourneyMap */
};

JourneyProject *journey_project_new          (void);
JourneyMap     *journey_project_find_map     (JourneyProject *self,
                                              const char     *id);
JourneyPersona *journey_project_find_persona (JourneyProject *self,
                                              const char     *id);
JourneyChannel *journey_project_find_channel (JourneyProject *self,
                                              const char     *id);
/* journey_map_foreach_use() over every map, for a persona or a channel. */
guint journey_project_foreach_use        (JourneyProject *project,
                                          GType           kind,
                                          const char     *id,
                                          JourneyUseFunc  func,
                                          gpointer        user_data);
/* How many maps (persona) or touchpoints of every map (channel) use it. */
guint journey_project_count_persona_uses (JourneyProject *project,
                                          const char     *id);
guint journey_project_count_channel_uses (JourneyProject *project,
                                          const char     *id);

G_END_DECLS
