/* journey-scale.h: a map's satisfaction scale, and what each value on it
 * is called.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-types.h"
#include "journey-item.h"

G_BEGIN_DECLS

#define JOURNEY_TYPE_SCALE (journey_scale_get_type ())
G_DECLARE_FINAL_TYPE (JourneyScale, journey_scale, JOURNEY, SCALE, JourneyItem)

struct _JourneyScale
{
  JourneyItem parent_instance;
  int    min;        /* whole number, default 1 */
  int    max;        /* whole number, default 5 */
  char **labels;     /* one per whole step, or empty for defaults */
};

#define JOURNEY_SCALE_MAX_STEPS 11

JourneyScale *journey_scale_new            (int           min,
                                            int           max,
                                            const char * const *labels);
guint         journey_scale_get_n_steps    (JourneyScale *self);
double        journey_scale_get_middle     (JourneyScale *self);
gboolean      journey_scale_contains       (JourneyScale *self,
                                            double        value);
const char   *journey_scale_get_label      (JourneyScale *self,
                                            int           step);
int           journey_scale_get_step       (JourneyScale *self,
                                            double        value);
char         *journey_scale_format_value   (JourneyScale *self,
                                            double        value);
char         *journey_scale_format_number  (double        value);
double        journey_scale_fraction       (JourneyScale *self,
                                            double        value);

/* The scales a map can start from, offered by the inspector and by the
 * preferences (the default scale of new maps).  @id is the GSettings
 * value; @name and @labels are untranslated (N_()). */
typedef struct
{
  const char *id;
  const char *name;
  int         min;
  int         max;
  const char *labels[JOURNEY_SCALE_MAX_STEPS + 1];  /* NULL-terminated; none for NPS */
} JourneyScalePreset;

const JourneyScalePreset *journey_scale_get_presets      (guint                     *n_presets);
const JourneyScalePreset *journey_scale_find_preset      (const char                *id);
JourneyScale             *journey_scale_new_from_preset  (const JourneyScalePreset  *preset);

G_END_DECLS
