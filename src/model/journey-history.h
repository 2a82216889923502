/* journey-history.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "journey-list.h"

G_BEGIN_DECLS

/*
 * JourneyHistory: the one undo/redo stack of a document.  Every change to a
 * document is a command pushed here, which applies it: set a property, insert
 * into a list, remove from a list, move within a list.
 *
 * Commands between journey_history_begin_group() and
 * journey_history_end_group() form one step (a whole drag is one step).
 * Groups nest; the outermost one counts.  Successive property changes of the
 * same object and property inside one group collapse into one command.
 *
 * The history knows where the document was last saved: it is clean there and
 * dirty elsewhere, and becomes clean again when undone or redone back to it.
 *
 * It holds at most %JOURNEY_HISTORY_MAX_STEPS steps to undo: a step beyond
 * that drops the oldest one.  When the state before the dropped step is the
 * saved one, no undo can get back to it, and the document stays dirty until
 * it is saved again.
 *
 * Properties: "can-undo", "can-redo", "dirty", "undo-label", "redo-label".
 * Signal "changed" is emitted after every do, undo and redo.
 */

/* How many steps can be undone at most. */
#define JOURNEY_HISTORY_MAX_STEPS 1000

#define JOURNEY_TYPE_HISTORY (journey_history_get_type ())
G_DECLARE_FINAL_TYPE (JourneyHistory, journey_history, JOURNEY, HISTORY, GObject)

JourneyHistory *journey_history_new            (void);

gboolean        journey_history_set            (JourneyHistory *self,
                                                gpointer        object,
                                                const char     *property,
                                                ...) G_GNUC_NULL_TERMINATED;
gboolean        journey_history_set_value      (JourneyHistory *self,
                                                gpointer        object,
                                                const char     *property,
                                                const GValue   *value);
gboolean        journey_history_set_merging    (JourneyHistory *self,
                                                gpointer        object,
                                                const char     *property,
                                                const GValue   *value,
                                                const char     *label,
                                                guint           merge_key);
void            journey_history_insert         (JourneyHistory *self,
                                                JourneyList    *list,
                                                guint           position,
                                                gpointer        item);
void            journey_history_remove         (JourneyHistory *self,
                                                JourneyList    *list,
                                                guint           position);
void            journey_history_move           (JourneyHistory *self,
                                                JourneyList    *list,
                                                guint           from,
                                                guint           to);

void            journey_history_begin_group    (JourneyHistory *self,
                                                const char     *label);
void            journey_history_end_group      (JourneyHistory *self);
void            journey_history_abort_group    (JourneyHistory *self);

gboolean        journey_history_can_undo       (JourneyHistory *self);
gboolean        journey_history_can_redo       (JourneyHistory *self);
const char     *journey_history_get_undo_label (JourneyHistory *self);
const char     *journey_history_get_redo_label (JourneyHistory *self);
gboolean        journey_history_undo           (JourneyHistory *self);
gboolean        journey_history_redo           (JourneyHistory *self);
guint           journey_history_get_n_steps    (JourneyHistory *self);

gboolean        journey_history_is_dirty       (JourneyHistory *self);
void            journey_history_mark_clean     (JourneyHistory *self);
void            journey_history_mark_modified  (JourneyHistory *self);
void            journey_history_changed_outside (JourneyHistory *self);
void            journey_history_clear          (JourneyHistory *self);

/* Changes from outside the history: a session's participants, a followed
 * survey.  Not on the undo stack; see journey_history_begin_outside(). */
void            journey_history_begin_outside  (JourneyHistory *self);
void            journey_history_end_outside    (JourneyHistory *self);
gboolean        journey_history_set_outside    (JourneyHistory *self,
                                                gpointer        object,
                                                const char     *property,
                                                const GValue   *value);
void            journey_history_insert_outside (JourneyHistory *self,
                                                JourneyList    *list,
                                                guint           position,
                                                gpointer        item);
gboolean        journey_history_remove_outside (JourneyHistory *self,
                                                JourneyList    *list,
                                                gpointer        item);

G_END_DECLS
