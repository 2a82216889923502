/* journey-edit.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-history.h"
#include "journey-model.h"

G_BEGIN_DECLS

/*
 * Edits that must respect the map's rules, expressed as history commands.
 * The canvas and the inspector call these; each is one undo step.
 */

#define JOURNEY_EDIT_ERROR (journey_edit_error_quark ())

typedef enum
{
  JOURNEY_EDIT_ERROR_OUT_OF_SCALE,
  JOURNEY_EDIT_ERROR_OUT_OF_TIMELINE,
  JOURNEY_EDIT_ERROR_INVALID,
} JourneyEditError;

GQuark   journey_edit_error_quark            (void);

gboolean journey_edit_set_satisfaction       (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyTouchpoint *touchpoint,
                                              double             value,
                                              GError           **error);
gboolean journey_edit_set_target             (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyTouchpoint *touchpoint,
                                              double             value,
                                              GError           **error);
gboolean journey_edit_set_time               (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyTouchpoint *touchpoint,
                                              double             time,
                                              GError           **error);
/* Changes the map's scale and maps every satisfaction, target and evidence
 * mean onto the new one linearly: one undo step. */
gboolean journey_edit_set_scale              (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyScale      *scale,
                                              GError           **error);

/* The same check for an item of @project or @map, as journey_edit_set_id()
 * makes it. */
gboolean journey_edit_check_id               (JourneyProject    *project,
                                              JourneyMap        *map,
                                              gpointer           item,
                                              const char        *id,
                                              GError           **error);
/* Gives @item (a map, persona or channel of @project, or a touchpoint,
 * stage or lane of @map) a new @id, and its references with it (a lane's
 * touchpoints, a channel's touchpoints in every map, a persona's maps):
 * one step.  Refused as journey_list_check_id() refuses. */
gboolean journey_edit_set_id                 (JourneyHistory    *history,
                                              JourneyProject    *project,
                                              JourneyMap        *map,
                                              gpointer           item,
                                              const char        *id,
                                              GError           **error);

/* -- The canvas's edits -------------------------------------------------- */

/* Moves each touchpoint by @dt in time (each clamped to the timeline) and
 * @dlane lanes (clamped to the first and last lane; lanes by their index in
 * map->lanes).  A touchpoint whose lane is unknown keeps it. */
gboolean journey_edit_move                   (JourneyHistory           *history,
                                              JourneyMap               *map,
                                              JourneyTouchpoint *const *touchpoints,
                                              guint                     n,
                                              double                    dt,
                                              int                       dlane,
                                              GError                  **error);
/* Puts one touchpoint at @time (clamped) in @lane (NULL: keeps its lane). */
gboolean journey_edit_place                  (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyTouchpoint *touchpoint,
                                              double             time,
                                              JourneyLane       *lane,
                                              GError           **error);
/* The length of @stage; touchpoints inside it keep their place relative to
 * the stage (scaled with it), touchpoints after it move with their stages.
 * @length > 0 and finite, else JOURNEY_EDIT_ERROR_INVALID. */
gboolean journey_edit_set_stage_length       (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyStage      *stage,
                                              double             length,
                                              GError           **error);
/* A new touchpoint at @time (clamped) in @lane (NULL: the first lane), titled
 * @title (NULL: "New touchpoint"), with a fresh id, the middle of the scale
 * and weight minor.  Returns: (transfer none): it, owned by the map. */
JourneyTouchpoint *
         journey_edit_add_touchpoint         (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyLane       *lane,
                                              double             time,
                                              const char        *title);
/* Returns TRUE when at least one touchpoint of @map was deleted. */
gboolean journey_edit_delete                 (JourneyHistory           *history,
                                              JourneyMap               *map,
                                              JourneyTouchpoint *const *touchpoints,
                                              guint                     n);
/* Copies with new ids, in the same lane at the same time, added at the end
 * of the map; appends them to @copies (may be NULL), each with a reference
 * of its own: make @copies with g_object_unref as its free function.
 * Returns TRUE when at least one was copied. */
gboolean journey_edit_duplicate              (JourneyHistory           *history,
                                              JourneyMap               *map,
                                              JourneyTouchpoint *const *touchpoints,
                                              guint                     n,
                                              GPtrArray                *copies);

/* The clipboard: a complete, valid .journey document (format, version, the
 * channels the touchpoints use and the map's persona, one map with this
 * map's id, title, persona, scale, stages and lanes, and only these
 * touchpoints), written as the file writer writes. */
char    *journey_edit_copy                   (JourneyProject           *project,
                                              JourneyMap               *map,
                                              JourneyTouchpoint *const *touchpoints,
                                              guint                     n,
                                              gsize                    *length);
/* Pastes the touchpoints of the first map of a .journey document (as
 * journey_edit_copy() gives, from any window or project), as one step: each
 * gets a new id; its lane is matched by id, else by kind, else the first
 * lane (all go into @lane when it is not NULL); its channel by id (a channel
 * the project lacks is added to it); satisfaction, target and evidence are
 * mapped onto this map's scale; its time is kept (clamped), or when @time is
 * finite, shifted so that the earliest lands at @time.  Appends the new
 * touchpoints to @pasted (may be NULL), each with a reference of its own
 * (as @copies above).  Bad data: FALSE with an error, and nothing changed. */
gboolean journey_edit_paste                  (JourneyHistory    *history,
                                              JourneyProject    *project,
                                              JourneyMap        *map,
                                              const char        *data,
                                              gsize              length,
                                              double             time,
                                              JourneyLane       *lane,
                                              GPtrArray         *pasted,
                                              GError           **error);

/* -- The inspector's edits ---------------------------------------------- */

/* Sets @property of @item (any model object) to @value as one step named
 * @label.  A non-zero @merge_key merges successive edits of the same field
 * into one step while the caller keeps the key (one run of typing): see
 * journey_history_set_merging().  Returns TRUE when the value changed. */
gboolean journey_edit_set_value              (JourneyHistory           *history,
                                              gpointer                  item,
                                              const char               *property,
                                              const GValue             *value,
                                              const char               *label,
                                              guint                     merge_key);
/* The same for a string; NULL and "" are kept as given. */
gboolean journey_edit_set_string             (JourneyHistory           *history,
                                              gpointer                  item,
                                              const char               *property,
                                              const char               *text,
                                              const char               *label,
                                              guint                     merge_key);
/* Sets @property of every touchpoint to @value: one step. */
gboolean journey_edit_set_shared             (JourneyHistory           *history,
                                              JourneyTouchpoint *const *touchpoints,
                                              guint                     n,
                                              const char               *property,
                                              const GValue             *value,
                                              const char               *label);
/* A list of strings of @touchpoint ("pain-points", "opportunities"): the
 * string at @position replaced by @text (position == length: appended;
 * @text NULL: removed), one step (merging as above). */
gboolean journey_edit_set_string_at          (JourneyHistory           *history,
                                              JourneyTouchpoint        *touchpoint,
                                              const char               *property,
                                              guint                     position,
                                              const char               *text,
                                              const char               *label,
                                              guint                     merge_key);
/* Moves the string at @from to @to: one step. */
gboolean journey_edit_move_string            (JourneyHistory           *history,
                                              JourneyTouchpoint        *touchpoint,
                                              const char               *property,
                                              guint                     from,
                                              guint                     to,
                                              const char               *label);
/* A new action (status open) or comment (created now, in UTC) at the end of
 * @touchpoint's list: one step.  Returns: (transfer none): it. */
JourneyAction  *journey_edit_add_action      (JourneyHistory           *history,
                                              JourneyTouchpoint        *touchpoint,
                                              const char               *text);
JourneyComment *journey_edit_add_comment     (JourneyHistory           *history,
                                              JourneyTouchpoint        *touchpoint,
                                              const char               *author,
                                              const char               *text);
/* Removes or moves the item at @position of @list: one step named @label. */
void     journey_edit_list_remove            (JourneyHistory           *history,
                                              JourneyList              *list,
                                              guint                     position,
                                              const char               *label);
void     journey_edit_list_move              (JourneyHistory           *history,
                                              JourneyList              *list,
                                              guint                     from,
                                              guint                     to,
                                              const char               *label);
/* Adds @delta to the dot votes of @touchpoint (never below 0): one step. */
gboolean journey_edit_vote                   (JourneyHistory           *history,
                                              JourneyTouchpoint        *touchpoint,
                                              int                       delta);

/* -- Stages, lanes, personas, channels ----------------------------------- */

/* A new stage (length 1, at the end of the timeline) or lane (at the
 * bottom) named @name, with a fresh id: one step.
 * Returns: (transfer none): it. */
JourneyStage *journey_edit_add_stage         (JourneyHistory           *history,
                                              JourneyMap               *map,
                                              const char               *name);
JourneyLane  *journey_edit_add_lane          (JourneyHistory           *history,
                                              JourneyMap               *map,
                                              const char               *name,
                                              JourneyLaneKind           kind);
/* Deletes the stage at @position: the timeline closes up (later
 * touchpoints move back by its length); its touchpoints move into the
 * next stage (@to_next) or the previous one, keeping their place relative
 * to the stage, or are deleted when @keep_touchpoints is FALSE.  The last
 * stage cannot go (JOURNEY_EDIT_ERROR_INVALID).  One step. */
gboolean journey_edit_delete_stage           (JourneyHistory           *history,
                                              JourneyMap               *map,
                                              guint                     position,
                                              gboolean                  keep_touchpoints,
                                              gboolean                  to_next,
                                              GError                  **error);
/* Moves a stage to @to; its touchpoints move with it in time.  One step. */
gboolean journey_edit_move_stage             (JourneyHistory           *history,
                                              JourneyMap               *map,
                                              guint                     from,
                                              guint                     to);
/* Deletes @lane; its touchpoints move to @move_to, or are deleted when it
 * is NULL.  The last lane cannot go.  One step. */
gboolean journey_edit_delete_lane            (JourneyHistory           *history,
                                              JourneyMap               *map,
                                              JourneyLane              *lane,
                                              JourneyLane              *move_to,
                                              GError                  **error);
/* A new persona or channel of the project: one step. */
JourneyPersona *journey_edit_add_persona     (JourneyHistory           *history,
                                              JourneyProject           *project,
                                              const char               *name);
JourneyChannel *journey_edit_add_channel     (JourneyHistory           *history,
                                              JourneyProject           *project,
                                              const char               *name);
/* Deletes a persona or channel and clears every reference to it: one step. */
void     journey_edit_delete_persona         (JourneyHistory           *history,
                                              JourneyProject           *project,
                                              guint                     position);
void     journey_edit_delete_channel         (JourneyHistory           *history,
                                              JourneyProject           *project,
                                              guint                     position);

/* -- Names of undo steps ------------------------------------------------- */

/* The names of the steps that the model's edits, the canvas's drags and
 * the inspector's fields share (journey-edit-labels.c). */
typedef enum
{
  JOURNEY_EDIT_MOVE,
  JOURNEY_EDIT_DELETE,
  JOURNEY_EDIT_DUPLICATE,
} JourneyEditVerb;

/* "Delete “title”" for one touchpoint, "Delete 3 Touchpoints" for @n. */
char    *journey_edit_label_touchpoints      (JourneyEditVerb           verb,
                                              JourneyTouchpoint        *first,
                                              guint                     n);
char    *journey_edit_label_move             (JourneyTouchpoint        *first,
                                              guint                     n);
char    *journey_edit_label_set_on_scale     (JourneyTouchpoint        *touchpoint,
                                              gboolean                  target);
char    *journey_edit_label_resize           (JourneyStage             *stage);

/* -- Maps ---------------------------------------------------------------- */

/* A new map at the end of the project, titled @title, with a fresh id: a
 * blank one (one stage, one customer lane) when @source is NULL, else a
 * copy of @source; with @channel, the copy keeps only the touchpoints of
 * that channel.  One step.  Returns: (transfer none): the new map. */
JourneyMap *journey_edit_add_map             (JourneyHistory           *history,
                                              JourneyProject           *project,
                                              JourneyMap               *source,
                                              const char               *channel,
                                              const char               *title);
/* Deletes the map at @position (not the last one): one step. */
gboolean journey_edit_delete_map             (JourneyHistory           *history,
                                              JourneyProject           *project,
                                              guint                     position,
                                              GError                  **error);

/* -- The room's rating (SPEC §10) ------------------------------------------ */

/* A spread of a fifth of the scale or more. */
gboolean journey_room_disagrees              (JourneyRoom              *room,
                                              JourneyScale             *scale);
/* The room's mean as the satisfaction of @touchpoints that have one: one
 * step. */
gboolean journey_edit_adopt_room             (JourneyHistory           *history,
                                              JourneyMap               *map,
                                              JourneyTouchpoint *const *touchpoints,
                                              guint                     n);
/* Every room's rating of @map cleared: one step. */
gboolean journey_edit_clear_room             (JourneyHistory           *history,
                                              JourneyMap               *map);
/* A comment of @touchpoint hidden from the participants of a session, or
 * shown to them again (kept in the document either way): one step.
 * Returns whether it changed. */
gboolean journey_edit_hide_comment           (JourneyHistory           *history,
                                              JourneyTouchpoint        *touchpoint,
                                              JourneyComment           *comment,
                                              gboolean                  hidden);
/* A comment of @touchpoint deleted from the document: one step. */
gboolean journey_edit_delete_comment         (JourneyHistory           *history,
                                              JourneyTouchpoint        *touchpoint,
                                              JourneyComment           *comment);

G_END_DECLS
