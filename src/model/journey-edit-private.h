/* journey-edit-private.h: what the files of the model's edits share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-edit.h"

G_BEGIN_DECLS

#define ID_MAX_NUMBER (G_MAXUINT / 2)

typedef struct
{
  GHashTable *largest; /* base → the largest number in use */
} IdAllocator;

void journey_edit_id_allocator_clear (IdAllocator *ids);
JourneyEvidence * journey_edit_evidence_on_scale (JourneyEvidence *evidence, JourneyScale *from, JourneyScale *to);
void journey_edit_id_allocator_init (IdAllocator *ids, JourneyMap *map);
char * journey_edit_id_allocator_next (IdAllocator *ids, const char *base_id);
void journey_edit_append (JourneyHistory *history, JourneyList *list, gpointer item, const char *label);
GArray * journey_edit_find_positions (JourneyMap *map, JourneyTouchpoint *const *touchpoints, guint n);
JourneyTouchpoint * journey_edit_touchpoint_at (JourneyMap *map, GArray *positions, guint i);
double journey_edit_map_linearly (JourneyScale *from, JourneyScale *to, double value);
gpointer journey_edit_item_copy (JourneyItem *item);
gboolean journey_edit_check_lane (JourneyMap *map, JourneyLane *lane, GError **error);

G_END_DECLS
