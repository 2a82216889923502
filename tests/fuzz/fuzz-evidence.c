/* fuzz-evidence.c: the survey importer in the fuzzer's harness.  Every
 * input of fuzz-journey.c also goes through the importer, as a survey of a
 * small map, fed in blocks whose size the input's first byte chooses, with
 * the mapping detected and with a long mapping forced, and through the
 * import dialog's preview.  Any crash,
 * sanitizer report or leak, or a broken promise below (counts that do not
 * add up, a mean outside the scale, an import that reports success with no
 * row used) is a finding.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "journey-survey-import.h"
#include "journey-survey-preview.h"

void fuzz_evidence (const uint8_t *data,
                    size_t         size);

#define check(condition) \
  G_STMT_START { \
    if (G_UNLIKELY (!(condition))) \
      { \
        g_printerr ("fuzz-evidence: %s:%d: broken: %s\n", __FILE__, __LINE__, #condition); \
        abort (); \
      } \
  } G_STMT_END

static JourneyMap *
make_map (void)
{
  const char *titles[] = { "Website", "Check-in", "Room", "Check-out" };
  const char *ids[] = { "website", "checkin", "room", "checkout" };
  JourneyMap *map = g_object_new (JOURNEY_TYPE_MAP, "id", "m", "title", "Fuzz", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(JourneyTouchpoint) tp = g_object_new (JOURNEY_TYPE_TOUCHPOINT, "id", ids[i], "title", titles[i],
                                                      "lane", "l", NULL);

      journey_list_append (map->touchpoints, tp);
    }
  return map;
}

static void
import (JourneyMap                 *map,
        const JourneySurveyOptions *options,
        const uint8_t              *data,
        size_t                      size)
{
  g_autoptr(JourneySurveyImport) import = journey_survey_import_new (map, options);
  g_autoptr(GError) error = NULL;
  gsize block = size > 0 ? 1 + data[0] * 37 : 1;
  gboolean ok = TRUE;
  int min, max;

  for (gsize at = 0; ok && at < size; at += block)
    ok = journey_survey_import_feed (import, (const char *) data + at, MIN (block, size - at), &error);
  if (ok)
    ok = journey_survey_import_end (import, &error);

  check (ok == (error == NULL));
  check (journey_survey_import_get_skipped (import)->len <= MIN (journey_survey_import_get_n_skipped (import),
                                                                  JOURNEY_SURVEY_MAX_LISTED));
  if (!ok)
    return;

  check (journey_survey_import_get_n_used (import) > 0);
  journey_survey_import_get_scale (import, &min, &max);
  {
    g_autoptr(GPtrArray) results = journey_survey_import_get_results (import, NULL);

    for (guint i = 0; i < results->len; i++)
      {
        JourneySurveyResult *result = g_ptr_array_index (results, i);
        double total = 0, weekly = 0;

        for (guint s = 0; s < result->histogram->len; s++)
          total += g_array_index (result->histogram, double, s);
        for (guint w = 0; w < result->weeks->len; w++)
          weekly += g_array_index (result->weeks, JourneySurveyWeek, w).responses;
        check (total == result->responses);
        check (weekly <= result->responses);
        check (result->sum / result->responses >= min - 1e-9 && result->sum / result->responses <= max + 1e-9);
      }
  }
}

/* The import dialog's preview of the same bytes: read, the mapping and
 * scale proposed, each column asked whether it holds scores, and a trial
 * import with what was proposed. */
static void
preview (JourneyMap    *map,
         const uint8_t *data,
         size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  JourneySurveyOptions read = { .format = -1 };
  JourneySurveyOptions options = { .format = -1 };
  g_autoptr(JourneySurveyPreview) preview = NULL;
  g_autoptr(JourneySurveyTrial) trial = NULL;
  g_autoptr(GError) error = NULL;

  preview = journey_survey_preview_new_from_bytes (bytes, TRUE, &read, &error);
  check ((preview == NULL) == (error != NULL));
  if (preview == NULL)
    return;
  check (preview->rows->len == preview->lines->len);

  journey_survey_preview_propose (preview, map, &options);
  for (guint c = 0; c < 64; c++)
    journey_survey_preview_column_has_scores (preview, c);
  if (options.has_survey_scale)
    check (options.survey_min < options.survey_max);
  trial = journey_survey_preview_try (preview, map, &options);
  check (trial != NULL);
  if (trial->error == NULL)
    check (trial->skipped->len <= trial->n_skipped);
  journey_survey_options_clear (&options);
}

void
fuzz_evidence (const uint8_t *data,
               size_t         size)
{
  static JourneyMap *map;
  JourneySurveyOptions detected = { .format = -1 };
  JourneySurveyOptions long_form = { .format = -1, .touchpoint_column = "#1", .score_column = "#2",
                                     .time_column = "#3", .count_column = "#4",
                                     .has_survey_scale = TRUE, .survey_min = 0, .survey_max = 10 };

  if (map == NULL)
    map = make_map ();
  import (map, &detected, data, size);
  import (map, &long_form, data, size);
  preview (map, data, size);
}
