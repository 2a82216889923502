/* journey-evidence.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A survey file into a map as a source: what the window, the command line
 * and a followed source share (SPEC §5, §11). */

#define G_LOG_DOMAIN "journey-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-evidence.h"

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static char *
format_day (gint64 day)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (day * 86400);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : NULL;
}

static double
round_mean (double mean)
{
  return round (mean * 1e4) / 1e4;
}

static JourneyEvidencePart *
make_part (JourneySurveyResult *result,
           JourneyScale        *survey,
           JourneyScale        *map,
           const char          *name,
           const char          *fallback_time)
{
  g_autoptr(GArray) survey_histogram = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GArray) histogram = NULL;
  g_autoptr(JourneyScale) survey_scale = journey_scale_new (survey->min, survey->max, NULL);
  g_autofree char *first = result->first != G_MININT64 ? format_time (result->first) : NULL;
  g_autofree char *last = result->last != G_MININT64 ? format_time (result->last) : g_strdup (fallback_time);
  JourneyEvidencePart *part;

  for (guint s = 0; s < result->histogram->len; s++)
    {
      int count = (int) MIN (g_array_index (result->histogram, double, s), G_MAXINT);

      g_array_append_val (survey_histogram, count);
    }
  histogram = journey_evidence_bin_onto (survey, survey_histogram, map);

  part = g_object_new (JOURNEY_TYPE_EVIDENCE_PART,
                       "source", name,
                       "responses", (int) MIN (result->responses, G_MAXINT),
                       "mean", round_mean (journey_evidence_map_value (survey, map, result->sum / result->responses)),
                       "histogram", histogram,
                       "survey-scale", survey_scale,
                       "survey-histogram", survey_histogram,
                       "first", first,
                       "last", last,
                       NULL);

  for (guint w = 0; w < result->weeks->len; w++)
    {
      JourneySurveyWeek *week = &g_array_index (result->weeks, JourneySurveyWeek, w);
      g_autofree char *monday = format_day (week->day);
      g_autoptr(JourneyEvidenceWeek) item = NULL;

      if (week->responses <= 0 || monday == NULL)
        continue;
      item = g_object_new (JOURNEY_TYPE_EVIDENCE_WEEK,
                           "week", monday,
                           "responses", (int) MIN (week->responses, G_MAXINT),
                           "mean", round_mean (journey_evidence_map_value (survey, map, week->sum / week->responses)),
                           NULL);
      journey_list_append (part->weeks, item);
    }
  return part;
}

GHashTable *
journey_evidence_make_parts (JourneySurveyImport *import,
                             JourneyMap          *map,
                             const char          *name,
                             const char          *fallback_time)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) results = journey_survey_import_get_results (import, NULL);
  g_autoptr(JourneyScale) survey = NULL;
  int min, max;

  journey_survey_import_get_scale (import, &min, &max);
  survey = journey_scale_new (min, max, NULL);
  for (guint i = 0; i < results->len; i++)
    {
      JourneySurveyResult *result = g_ptr_array_index (results, i);

      g_hash_table_insert (parts, g_strdup (result->touchpoint->id),
                           make_part (result, survey, map->scale, name, fallback_time));
    }
  return parts;
}

JourneyEvidenceSource *
journey_evidence_make_source (JourneySurveyImport        *import,
                              const JourneySurveyOptions *options,
                              const char                 *name,
                              const char                 *path,
                              gboolean                    follow,
                              const char                 *fallback_time)
{
  JourneySurveyHeader *header = journey_survey_import_get_header (import);
  JourneySurveyReader *reader = journey_survey_import_get_reader (import);
  g_auto(GStrv) mapping = journey_survey_import_get_mapping (import);
  g_autoptr(JourneyScale) survey_scale = NULL;
  g_autofree char *updated = NULL;
  gint64 newest = G_MININT64;
  char separator[2] = { journey_survey_reader_get_separator (reader), '\0' };
  int min, max;

  journey_survey_import_get_scale (import, &min, &max);
  survey_scale = journey_scale_new (min, max, NULL);
  g_ptr_array_unref (journey_survey_import_get_results (import, &newest));
  updated = newest != G_MININT64 ? format_time (newest) : g_strdup (fallback_time);

  return g_object_new (JOURNEY_TYPE_EVIDENCE_SOURCE,
                       "name", name,
                       "path", path,
                       "format", header != NULL ? journey_survey_format_to_string (header->format) : NULL,
                       "encoding", options->encoding != JOURNEY_SURVEY_ENCODING_AUTO
                                   ? journey_survey_encoding_to_string (options->encoding) : NULL,
                       "separator", options->separator != 0 ? separator : NULL,
                       "mapping", mapping,
                       "touchpoint-column", mapping == NULL ? (options->touchpoint_column ? options->touchpoint_column : "touchpoint") : NULL,
                       "score-column", mapping == NULL ? (options->score_column ? options->score_column : "score") : NULL,
                       "time-column", options->time_column,
                       "count-column", options->count_column,
                       "survey-scale", survey_scale,
                       "since", options->since,
                       "last-days", options->last_days,
                       "follow", follow,
                       "rows", (int) MIN (journey_survey_import_get_n_used (import), G_MAXINT),
                       "skipped", (int) MIN (journey_survey_import_get_n_skipped (import), G_MAXINT),
                       "updated", updated,
                       NULL);
}

void
journey_evidence_source_options (JourneyEvidenceSource *source,
                                 JourneySurveyOptions  *options)
{
  memset (options, 0, sizeof *options);
  options->format = -1;
  if (source->format != NULL)
    {
      JourneySurveyFormat format;

      if (journey_survey_format_from_string (source->format, &format))
        options->format = format;
    }
  if (source->encoding != NULL)
    journey_survey_encoding_from_string (source->encoding, &options->encoding);
  if (source->separator != NULL && strlen (source->separator) == 1)
    options->separator = source->separator[0];
  if (source->mapping != NULL && source->mapping[0] != NULL)
    options->evidence_columns = g_strdupv (source->mapping);
  options->touchpoint_column = g_strdup (source->touchpoint_column);
  options->score_column = g_strdup (source->score_column);
  options->time_column = g_strdup (source->time_column);
  options->count_column = g_strdup (source->count_column);
  if (source->survey_scale != NULL)
    {
      options->has_survey_scale = TRUE;
      options->survey_min = source->survey_scale->min;
      options->survey_max = source->survey_scale->max;
    }
  options->since = g_strdup (source->since);
  options->last_days = source->last_days;
}

/* -- Import --------------------------------------------------------------- */

static char *
now_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The source with the same file and the same mapping, or NULL. */
static JourneyEvidenceSource *
find_same_source (JourneyMap   *map,
                  const char   *path,
                  char * const *mapping,
                  const char   *touchpoint_column,
                  const char   *score_column)
{
  for (guint i = 0; i < journey_list_get_length (map->evidence_sources); i++)
    {
      JourneyEvidenceSource *source = journey_list_peek (map->evidence_sources, i);
      gboolean same_mapping = mapping != NULL
                              ? source->mapping != NULL && g_strv_equal ((const char * const *) source->mapping,
                                                                         (const char * const *) mapping)
                              : g_strcmp0 (source->touchpoint_column, touchpoint_column) == 0 &&
                                g_strcmp0 (source->score_column, score_column) == 0;

      if (g_strcmp0 (source->path, path) == 0 && same_mapping)
        return source;
    }
  return NULL;
}

static char *
unique_name (JourneyMap *map,
             const char *base)
{
  char *name = g_strdup (base);

  for (guint n = 2; journey_map_find_evidence_source (map, name, NULL) != NULL; n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s (%u)", base, n);
    }
  return name;
}

/**
 * journey_evidence_find_file_source:
 *
 * The first source of @map read from @survey, or %NULL: what the import
 * dialog shows again when a file is imported once more.
 */
JourneyEvidenceSource *
journey_evidence_find_file_source (JourneyMap *map,
                                   GFile      *survey,
                                   GFile      *project_dir)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);
  g_return_val_if_fail (G_IS_FILE (survey), NULL);

  path = journey_evidence_relative_path (project_dir, survey);
  for (guint i = 0; i < journey_list_get_length (map->evidence_sources); i++)
    {
      JourneyEvidenceSource *source = journey_list_peek (map->evidence_sources, i);

      if (g_strcmp0 (source->path, path) == 0)
        return source;
    }
  return NULL;
}

/* The parts that @map holds of source @name equal @parts. */
static gboolean
parts_unchanged (JourneyMap *map,
                 const char *name,
                 GHashTable *parts)
{
  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      JourneyEvidencePart *part = g_hash_table_lookup (parts, tp->id);
      JourneyEvidencePart *old = NULL;

      for (guint k = 0; tp->evidence != NULL && k < journey_list_get_length (tp->evidence->sources); k++)
        if (g_strcmp0 (((JourneyEvidencePart *) journey_list_peek (tp->evidence->sources, k))->source, name) == 0)
          old = journey_list_peek (tp->evidence->sources, k);
      if (!journey_evidence_item_equal (old, part))
        return FALSE;
    }
  return TRUE;
}

/**
 * journey_evidence_apply_import:
 * @import: a survey read to its end (with journey_survey_import_end())
 * @replaces: (nullable): the name of the source it replaces
 *
 * Puts what @import read into @map as a source (see
 * journey_evidence_import_file()): on the main thread, after a read that
 * may have run in a worker thread.
 */
void
journey_evidence_apply_import (JourneyHistory             *history,
                               JourneyMap                 *map,
                               JourneySurveyImport        *import,
                               GFile                      *survey,
                               GFile                      *project_dir,
                               const JourneySurveyOptions *options,
                               const char                 *name,
                               const char                 *replaces,
                               gboolean                    follow)
{
  g_autoptr(JourneyEvidenceSource) source = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autofree char *path = journey_evidence_relative_path (project_dir, survey);
  g_autofree char *chosen = NULL;
  g_autofree char *fallback = NULL;
  JourneyEvidenceSource *same;

  source = journey_evidence_make_source (import, options, "-", path, follow, NULL);
  same = find_same_source (map, path, source->mapping, source->touchpoint_column, source->score_column);
  if (name != NULL)
    chosen = g_strdup (name);
  else if (replaces != NULL)
    chosen = g_strdup (replaces);
  else if (same != NULL)
    chosen = g_strdup (same->name);
  else
    {
      g_autofree char *base = g_file_get_basename (survey);

      chosen = unique_name (map, base);
    }
  if (replaces == NULL && name == NULL && same != NULL)
    replaces = same->name;

  /* Rows without times: the time of the import, unless nothing changed
   * (a refresh of unchanged data writes the same bytes). */
  same = journey_map_find_evidence_source (map, replaces != NULL ? replaces : chosen, NULL);
  if (same != NULL && same->updated != NULL)
    {
      parts = journey_evidence_make_parts (import, map, chosen, same->updated);
      if (parts_unchanged (map, same->name, parts))
        fallback = g_strdup (same->updated);
      g_clear_pointer (&parts, g_hash_table_unref);
    }
  if (fallback == NULL)
    fallback = now_time ();
  parts = journey_evidence_make_parts (import, map, chosen, fallback);
  g_clear_object (&source);
  source = journey_evidence_make_source (import, options, chosen, path, follow, fallback);

  journey_edit_import_evidence (history, map, source, replaces, parts);
}

static gboolean
import (JourneyHistory             *history,
        JourneyMap                 *map,
        GFile                      *survey,
        GFile                      *project_dir,
        const JourneySurveyOptions *options,
        const char                 *name,
        const char                 *replaces,
        gboolean                    follow,
        GCancellable               *cancellable,
        JourneySurveyImport       **import_out,
        GError                    **error)
{
  g_autoptr(JourneySurveyImport) import = journey_survey_import_new (map, options);
  gboolean ok = journey_survey_import_read_file (import, survey, cancellable, error);

  if (ok)
    journey_evidence_apply_import (history, map, import, survey, project_dir, options, name, replaces, follow);
  if (import_out != NULL)
    *import_out = g_steal_pointer (&import);
  return ok;
}

/* A copy of @map's touchpoints (ids, titles) and scale that a worker
 * thread can read while the map is edited. */
JourneyMap *
journey_evidence_map_snapshot (JourneyMap *map)
{
  g_autoptr(JourneyScale) scale = journey_scale_new (map->scale->min, map->scale->max,
                                                     (const char * const *) map->scale->labels);
  JourneyMap *copy = g_object_new (JOURNEY_TYPE_MAP, "id", map->id, "title", map->title, "scale", scale, NULL);

  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      g_autoptr(JourneyTouchpoint) tp_copy = g_object_new (JOURNEY_TYPE_TOUCHPOINT, "id", tp->id, "title", tp->title,
                                                           "lane", tp->lane, NULL);

      journey_list_append (copy->touchpoints, tp_copy);
    }
  return copy;
}

gboolean
journey_evidence_import_file (JourneyHistory             *history,
                              JourneyMap                 *map,
                              GFile                      *survey,
                              GFile                      *project_dir,
                              const JourneySurveyOptions *options,
                              const char                 *name,
                              gboolean                    follow,
                              GCancellable               *cancellable,
                              JourneySurveyImport       **import_out,
                              GError                    **error)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (G_IS_FILE (survey), FALSE);

  return import (history, map, survey, project_dir, options, name, NULL, follow,
                 cancellable, import_out, error);
}

gboolean
journey_evidence_refresh_source (JourneyHistory         *history,
                                 JourneyMap             *map,
                                 JourneyEvidenceSource  *source,
                                 GFile                  *project_dir,
                                 GCancellable           *cancellable,
                                 JourneySurveyImport   **import_out,
                                 GError                **error)
{
  JourneySurveyOptions options;
  g_autoptr(GFile) survey = NULL;
  g_autofree char *name = g_strdup (source->name);
  gboolean ok;

  if (source->path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("the source “%s” has no file"), source->name);
      return FALSE;
    }
  survey = g_file_resolve_relative_path (project_dir, source->path);
  journey_evidence_source_options (source, &options);
  ok = import (history, map, survey, project_dir, &options, name, name, source->follow,
               cancellable, import_out, error);
  journey_survey_options_clear (&options);
  return ok;
}
