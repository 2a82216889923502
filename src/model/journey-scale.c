/* journey-scale.c: a map's satisfaction scale, and what each value on it
 * is called: the labels of its steps, the step a value belongs to, and a
 * value as the canvas, the inspector, screen readers and exports show it.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-model.h"

#define ALW  JOURNEY_FIELD_ALWAYS

static const JourneyField scale_fields[] = {
  JOURNEY_FIELD (JourneyScale, min, "min", INT, ALW | JOURNEY_FIELD_SIGNED, 1, NULL),
  JOURNEY_FIELD (JourneyScale, max, "max", INT, ALW | JOURNEY_FIELD_SIGNED, 5, NULL),
  JOURNEY_FIELD (JourneyScale, labels, "labels", STRV, 0, 0, NULL),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyScale, journey_scale, scale_fields)

/* The labels of the default scale, 1–5 (SPEC §3). */
static const char * const default_labels[] = {
  N_("Very dissatisfied"),
  N_("Dissatisfied"),
  N_("Neutral"),
  N_("Satisfied"),
  N_("Very satisfied"),
};

/**
 * journey_scale_new:
 * @labels: (nullable) (array zero-terminated=1): one per whole step
 *
 * Returns: (transfer full): a new scale.  Its fields are not checked here:
 *   journey_project_check() says what is wrong with a scale.
 */
JourneyScale *
journey_scale_new (int                 min,
                   int                 max,
                   const char * const *labels)
{
  JourneyScale *self = g_object_new (JOURNEY_TYPE_SCALE, NULL);

  self->min = min;
  self->max = max;
  if (labels != NULL)
    {
      g_strfreev (self->labels);
      self->labels = g_strdupv ((char **) labels);
    }
  return self;
}

guint
journey_scale_get_n_steps (JourneyScale *self)
{
  g_return_val_if_fail (JOURNEY_IS_SCALE (self), 0);

  if (self->max < self->min)
    return 0;
  return (guint) (self->max - self->min) + 1;
}

double
journey_scale_get_middle (JourneyScale *self)
{
  g_return_val_if_fail (JOURNEY_IS_SCALE (self), 0.0);

  return (self->min + (double) self->max) / 2.0;
}

gboolean
journey_scale_contains (JourneyScale *self,
                        double        value)
{
  g_return_val_if_fail (JOURNEY_IS_SCALE (self), FALSE);

  return isfinite (value) && value >= self->min && value <= self->max;
}

/**
 * journey_scale_fraction:
 *
 * Returns: where @value stands on the scale, 0 at min and 1 at max
 */
double
journey_scale_fraction (JourneyScale *self,
                        double        value)
{
  g_return_val_if_fail (JOURNEY_IS_SCALE (self), 0.0);

  if (self->max <= self->min)
    return 0.5;
  return (value - self->min) / (double) (self->max - self->min);
}

/**
 * journey_scale_get_label:
 * @step: a whole value of the scale, from min to max
 *
 * Returns: (nullable): the label of @step: the map's own, or for a
 *   five-step scale without labels the default ones (translated), or NULL
 */
const char *
journey_scale_get_label (JourneyScale *self,
                         int           step)
{
  guint index;

  g_return_val_if_fail (JOURNEY_IS_SCALE (self), NULL);

  if (step < self->min || step > self->max)
    return NULL;
  index = (guint) (step - self->min);

  if (self->labels != NULL && self->labels[0] != NULL)
    return index < g_strv_length (self->labels) ? self->labels[index] : NULL;

  /* Any five-step scale without labels of its own (1–5, −2…+2) reads
   * best with the CSAT words. */
  if (self->max - self->min == 4)
    return g_dgettext (GETTEXT_PACKAGE, default_labels[index]);

  return NULL;
}

/* A value as it is shown: to hundredths, so that the step of the number
 * read is the step of the value. */
static double
value_as_shown (double value)
{
  return round (value * 100) / 100 + 0.0;  /* no "-0" */
}

/**
 * journey_scale_get_step:
 * @value: a value on the scale
 *
 * The step of @value (SPEC §9 "Numbers and rounding"): the nearest whole
 * step, halves going up (3.5 is 4, 3.49 is 3, −0.5 is 0), of @value as it
 * is shown, to hundredths.  Not clamped to the scale.
 *
 * Returns: the step of @value
 */
int
journey_scale_get_step (JourneyScale *self,
                        double        value)
{
  g_return_val_if_fail (JOURNEY_IS_SCALE (self), 0);

  if (!isfinite (value))
    return self->min;
  return (int) floor (value_as_shown (value) + 0.5);
}

/**
 * journey_scale_format_value:
 * @value: a value on the scale, such as a satisfaction, a target or a mean
 *
 * What a value reads as, everywhere it is shown (the canvas, the
 * inspector, screen readers): the label of its step (see
 * journey_scale_get_step()), with the value before it when the value is
 * not whole: "3.6 · Satisfied", "Satisfied".  A step without a label reads
 * as the value alone: "7", "7.4".  The value is shown to hundredths at most,
 * without trailing zeros.
 *
 * Returns: (transfer full): the text
 */
char *
journey_scale_format_value (JourneyScale *self,
                            double        value)
{
  g_autofree char *number = NULL;
  const char *label;
  double shown;

  g_return_val_if_fail (JOURNEY_IS_SCALE (self), NULL);

  if (!isfinite (value))
    return g_strdup ("–");

  shown = value_as_shown (value);
  label = journey_scale_get_label (self, journey_scale_get_step (self, value));
  if (shown == floor (shown) && label != NULL && label[0] != '\0')
    return g_strdup (label);

  number = journey_scale_format_number (value);
  if (shown != floor (shown) && label != NULL && label[0] != '\0')
    {
      /* Translators: a value that is not a whole step of the scale, and the
       * label of its nearest step: "3.6 · Satisfied" */
      return g_strdup_printf (_("%s · %s"), number, label);
    }
  return g_steal_pointer (&number);
}

/**
 * journey_scale_format_number:
 *
 * A number as journey_scale_format_value() shows it, without a label: to
 * hundredths at most, without trailing zeros, in the locale's own decimal
 * separator: "3.6", "4".
 *
 * Returns: (transfer full): the text
 */
char *
journey_scale_format_number (double value)
{
  double shown;
  char *number;
  gsize len;

  if (!isfinite (value))
    return g_strdup ("–");
  shown = value_as_shown (value);
  if (shown == floor (shown))
    return g_strdup_printf ("%.0f", shown);

  /* "3.60" to "3.6". */
  number = g_strdup_printf ("%.2f", shown);
  len = strlen (number);
  while (len > 0 && number[len - 1] == '0')
    number[--len] = '\0';
  return number;
}

/* The presets, in the order the inspector and the preferences list them. */
static const JourneyScalePreset presets[] = {
  { "csat", N_("CSAT, 1 to 5"), 1, 5,
    { N_("Very dissatisfied"), N_("Dissatisfied"), N_("Neutral"), N_("Satisfied"), N_("Very satisfied"), NULL } },
  { "plus-minus", N_("−2 to +2"), -2, 2,
    { N_("Very negative"), N_("Negative"), N_("Neutral"), N_("Positive"), N_("Very positive"), NULL } },
  { "seven", N_("1 to 7"), 1, 7,
    { N_("Very dissatisfied"), N_("Dissatisfied"), N_("Somewhat dissatisfied"), N_("Neutral"),
      N_("Somewhat satisfied"), N_("Satisfied"), N_("Very satisfied"), NULL } },
  { "nps", N_("NPS, 0 to 10"), 0, 10, { NULL } },
};

/**
 * journey_scale_get_presets:
 * @n_presets: (out): how many
 *
 * Returns: (array length=n_presets): the presets of the scale
 */
const JourneyScalePreset *
journey_scale_get_presets (guint *n_presets)
{
  g_return_val_if_fail (n_presets != NULL, NULL);

  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

/**
 * journey_scale_find_preset:
 *
 * Returns: (nullable): the preset called @id, or NULL
 */
const JourneyScalePreset *
journey_scale_find_preset (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].id, id))
      return &presets[i];
  return NULL;
}

/**
 * journey_scale_new_from_preset:
 *
 * Returns: (transfer full): a new scale like @preset, its labels
 *   translated
 */
JourneyScale *
journey_scale_new_from_preset (const JourneyScalePreset *preset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  g_return_val_if_fail (preset != NULL, NULL);

  for (guint i = 0; preset->labels[i] != NULL; i++)
    g_strv_builder_add (builder, g_dgettext (GETTEXT_PACKAGE, preset->labels[i]));
  labels = g_strv_builder_end (builder);
  return journey_scale_new (preset->min, preset->max, labels[0] != NULL ? (const char * const *) labels : NULL);
}
