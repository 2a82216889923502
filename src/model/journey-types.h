/* journey-types.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The order is the order of a service blueprint, top to bottom (SPEC §2). */
typedef enum
{
  JOURNEY_LANE_PHYSICAL,
  JOURNEY_LANE_CUSTOMER,
  JOURNEY_LANE_ONSTAGE,
  JOURNEY_LANE_OFFSTAGE,
  JOURNEY_LANE_SUPPORT,
} JourneyLaneKind;

typedef enum
{
  JOURNEY_WEIGHT_MINOR,
  JOURNEY_WEIGHT_MAJOR,
} JourneyWeight;

typedef enum
{
  JOURNEY_STATUS_OPEN,
  JOURNEY_STATUS_DOING,
  JOURNEY_STATUS_DONE,
} JourneyStatus;

/* The newest version of the file format this program reads and writes. */
#define JOURNEY_FORMAT_VERSION 1

G_END_DECLS
