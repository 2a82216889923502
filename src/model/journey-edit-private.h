/* journey-edit-private.h: what the files of the model's edits share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-edit.h"

G_BEGIN_DECLS

/* Fresh touchpoint ids for a map, "base-N" with N after the largest in
 * use for that base (journey-edit.c). */
typedef struct
{
  GHashTable *largest; /* base → the largest number in use */
} JourneyIdAllocator;

void      journey_edit_id_allocator_init  (JourneyIdAllocator       *ids,
                                           JourneyMap               *map);
char     *journey_edit_id_allocator_next  (JourneyIdAllocator       *ids,
                                           const char               *base_id);
void      journey_edit_id_allocator_clear (JourneyIdAllocator       *ids);

/* Adds @item at the end of @list, in one step named @label. */
void      journey_edit_append             (JourneyHistory           *history,
                                           JourneyList              *list,
                                           gpointer                  item,
                                           const char               *label);
/* A deep copy of @item: its fields, the items it holds, its unknown keys. */
gpointer  journey_edit_item_copy          (JourneyItem              *item);
/* The positions in @map of @touchpoints, in the map's order, and the
 * touchpoint at the @i-th of them. */
GArray   *journey_edit_find_positions     (JourneyMap               *map,
                                           JourneyTouchpoint *const *touchpoints,
                                           guint                     n);
JourneyTouchpoint *
          journey_edit_touchpoint_at      (JourneyMap               *map,
                                           GArray                   *positions,
                                           guint                     i);
/* @value of scale @from at the same place on scale @to; a new evidence
 * like @evidence, its mean mapped from @from onto @to. */
double    journey_edit_map_linearly       (JourneyScale             *from,
                                           JourneyScale             *to,
                                           double                    value);
JourneyEvidence *
          journey_edit_evidence_on_scale  (JourneyEvidence          *evidence,
                                           JourneyScale             *from,
                                           JourneyScale             *to);
/* Whether @lane is NULL or a lane of @map; if not, @error says so. */
gboolean  journey_edit_check_lane         (JourneyMap               *map,
                                           JourneyLane              *lane,
                                           GError                  **error);

G_END_DECLS
