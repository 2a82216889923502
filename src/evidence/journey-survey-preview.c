/* journey-survey-preview.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The beginning of a survey export, before it is imported: the same
 * reader, header and mapping as the import itself (journey-survey-read.c,
 * journey-survey-format.c, journey-survey-mapping.c), run on the first
 * block of the file, so that what the dialog shows is what the import
 * will do. */

#define G_LOG_DOMAIN "journey-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-survey-import-private.h"
#include "journey-survey-preview.h"

/* The rows a preview keeps (the sample bounds them too). */
#define MAX_ROWS 2000

typedef struct
{
  GPtrArray *rows;
  GArray    *lines;
} Collected;

static gboolean
collect_row (const JourneySurveyRow *row,
             gpointer                user_data,
             GError                **error)
{
  Collected *collected = user_data;

  if (collected->rows->len >= MAX_ROWS)
    return TRUE;
  g_ptr_array_add (collected->rows, journey_survey_row_dup_cells (row));
  g_array_append_val (collected->lines, row->line);
  return TRUE;
}

static void
read_options_copy (JourneySurveyOptions       *to,
                   const JourneySurveyOptions *from)
{
  memset (to, 0, sizeof *to);
  to->encoding = from->encoding;
  to->separator = from->separator;
  to->format = from->format;
}

static gboolean
feed_sample (JourneySurveyPreview *self,
             JourneySurveyImport  *import,
             GError              **error)
{
  gsize length;
  const char *bytes = g_bytes_get_data (self->sample, &length);

  if (!journey_survey_import_feed (import, bytes, length, error))
    return FALSE;
  return self->complete ? journey_survey_import_end (import, error) : journey_survey_import_flush (import, error);
}

/* -- Scale ---------------------------------------------------------------- */

gboolean
journey_survey_propose_scale (const char * const *cells,
                              guint               n_cells,
                              int                *min,
                              int                *max)
{
  double lo = INFINITY, hi = -INFINITY;
  guint label_steps = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      guint steps = journey_survey_label_steps (cells[i]);
      double value;

      if (steps > 0)
        label_steps = MAX (label_steps, steps);
      /* Numbers only: a label's value depends on the scale. */
      else if (journey_survey_parse_score (cells[i], 0, 1, NULL, &value))
        {
          lo = MIN (lo, floor (value));
          hi = MAX (hi, ceil (value));
        }
    }
  if (isinf (lo) && label_steps == 0)
    return FALSE;
  if (label_steps > 0 && (isinf (lo) || (lo >= 1 && hi <= label_steps)))
    {
      *min = 1;
      *max = (int) label_steps;
      return TRUE;
    }
  if (lo >= -2 && lo < 0 && hi <= 2)
    *min = -2, *max = 2;
  else if (lo >= 1 && hi <= 5)
    *min = 1, *max = 5;
  else if (lo >= 1 && hi <= 7)
    *min = 1, *max = 7;
  else if (lo >= 0 && hi <= 10 && hi > 4)
    *min = 0, *max = 10;
  else
    {
      /* Its own range, within what a survey scale may span. */
      *min = (int) CLAMP (lo, -1000, 1000);
      *max = (int) CLAMP (hi, *min + 1, *min + JOURNEY_SURVEY_MAX_STEPS - 1);
    }
  return TRUE;
}

/* The columns that @options takes scores from. */
static GArray *
score_columns (JourneySurveyPreview       *self,
               const JourneySurveyOptions *options)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; options->evidence_columns != NULL && options->evidence_columns[i] != NULL; i++)
    {
      const char *pair = options->evidence_columns[i];
      const char *split = strrchr (pair, '=');
      g_autofree char *name = split != NULL ? g_strndup (pair, split - pair) : NULL;
      g_autoptr(GArray) found = name != NULL ? journey_survey_header_find (self->header, name) : NULL;

      if (found != NULL && found->len == 1)
        g_array_append_val (columns, g_array_index (found, guint, 0));
    }
  if (options->evidence_columns == NULL && options->score_column != NULL)
    {
      g_autoptr(GArray) found = journey_survey_header_find (self->header, options->score_column);

      if (found->len == 1)
        g_array_append_val (columns, g_array_index (found, guint, 0));
    }
  return columns;
}

void
journey_survey_preview_propose_scale (JourneySurveyPreview *self,
                                      JourneySurveyOptions *options)
{
  g_autoptr(GArray) columns = score_columns (self, options);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  for (guint r = 0; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);
      guint n = g_strv_length (row);

      for (guint c = 0; c < columns->len; c++)
        if (g_array_index (columns, guint, c) < n)
          g_ptr_array_add (cells, row[g_array_index (columns, guint, c)]);
    }
  options->has_survey_scale = journey_survey_propose_scale ((const char * const *) cells->pdata, cells->len,
                                                            &options->survey_min, &options->survey_max);
}

/* -- Public API ----------------------------------------------------------- */

JourneySurveyPreview *
journey_survey_preview_new_from_bytes (GBytes                     *bytes,
                                       gboolean                    complete,
                                       const JourneySurveyOptions *options,
                                       GError                    **error)
{
  g_autoptr(JourneySurveyPreview) self = g_new0 (JourneySurveyPreview, 1);
  g_autoptr(GPtrArray) header_rows = g_ptr_array_new ();
  Collected collected = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev),
                          g_array_new (FALSE, FALSE, sizeof (guint64)) };
  g_autoptr(JourneySurveyReader) reader = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gboolean ok;
  guint n_header;

  g_return_val_if_fail (bytes != NULL, NULL);

  self->sample = g_bytes_ref (bytes);
  self->complete = complete;
  self->rows = collected.rows;
  self->lines = collected.lines;
  read_options_copy (&self->read_options, options);

  reader = journey_survey_reader_new (options->encoding, options->separator, collect_row, &collected);
  ok = journey_survey_reader_feed (reader, data, length, error) &&
       (complete ? journey_survey_reader_finish (reader, error) : journey_survey_reader_flush (reader, error));
  if (!ok)
    return NULL;
  self->encoding = journey_survey_reader_get_encoding (reader);
  self->separator = journey_survey_reader_get_separator (reader);

  for (guint i = 0; i < MIN (self->rows->len, JOURNEY_SURVEY_MAX_HEADER_ROWS); i++)
    g_ptr_array_add (header_rows, g_ptr_array_index (self->rows, i));
  self->header = journey_survey_header_new (header_rows, options->format);
  if (self->header->columns->len == 0)
    {
      g_set_error (error, JOURNEY_SURVEY_ERROR, JOURNEY_SURVEY_ERROR_NO_HEADER, _("the file has no header row"));
      return NULL;
    }
  self->format = self->header->format;
  /* The rows after the header are the responses. */
  n_header = MIN (self->header->n_header_rows, self->rows->len);
  g_ptr_array_remove_range (self->rows, 0, n_header);
  g_array_remove_range (self->lines, 0, n_header);
  return g_steal_pointer (&self);
}

JourneySurveyPreview *
journey_survey_preview_new (GFile                      *file,
                            const JourneySurveyOptions *options,
                            GCancellable               *cancellable,
                            GError                    **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = g_malloc (JOURNEY_SURVEY_PREVIEW_BYTES + 1);
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  /* One byte more than is kept tells whether the file goes on. */
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, JOURNEY_SURVEY_PREVIEW_BYTES + 1, &length,
                                cancellable, error))
    return NULL;
  bytes = g_bytes_new (buffer, MIN (length, JOURNEY_SURVEY_PREVIEW_BYTES));
  return journey_survey_preview_new_from_bytes (bytes, length <= JOURNEY_SURVEY_PREVIEW_BYTES, options, error);
}

void
journey_survey_preview_free (JourneySurveyPreview *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->header, journey_survey_header_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->sample, g_bytes_unref);
  journey_survey_options_clear (&self->read_options);
  g_free (self);
}

void
journey_survey_preview_propose (JourneySurveyPreview *self,
                                JourneyMap           *map,
                                JourneySurveyOptions *options)
{
  g_autoptr(JourneySurveyImport) import = journey_survey_import_new (map, &self->read_options);

  g_return_if_fail (self != NULL);
  g_return_if_fail (JOURNEY_IS_MAP (map));

  g_clear_pointer (&options->evidence_columns, g_strfreev);
  g_clear_pointer (&options->touchpoint_column, g_free);
  g_clear_pointer (&options->score_column, g_free);
  g_clear_pointer (&options->time_column, g_free);
  g_clear_pointer (&options->count_column, g_free);

  /* The import's own rules: columns named touchpoint and score, else the
   * questions that name a touchpoint.  A failure leaves what it found. */
  feed_sample (self, import, NULL);
  if (import->header == NULL)
    {
      options->evidence_columns = g_new0 (char *, 1);
      options->has_survey_scale = FALSE;
      return;
    }
  if (import->wide != NULL)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < import->wide->len; i++)
        {
          WideColumn *w = &g_array_index (import->wide, WideColumn, i);
          JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, w->touchpoint);

          g_autofree char *pair = g_strdup_printf ("#%u=%s", w->column + 1, tp->id);

          g_strv_builder_add (builder, pair);
        }
      options->evidence_columns = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }
  else
    {
      options->touchpoint_column = g_strdup_printf ("#%d", import->touchpoint_column + 1);
      options->score_column = g_strdup_printf ("#%d", import->score_column + 1);
    }
  if (import->time_column >= 0)
    options->time_column = g_strdup_printf ("#%d", import->time_column + 1);
  journey_survey_preview_propose_scale (self, options);
}

/* A column that may hold scores: not the format's time or status column
 * nor a Qualtrics NPS group, and at least half of its cells in the rows
 * read hold a number within a survey scale's reach, or a label. */
gboolean
journey_survey_preview_column_has_scores (JourneySurveyPreview *self,
                                          guint                 column)
{
  JourneySurveyColumn *c;
  guint scores = 0, filled = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (column >= self->header->columns->len || (int) column == self->header->time_column ||
      (int) column == self->header->status_column)
    return FALSE;
  c = g_ptr_array_index (self->header->columns, column);
  if (g_str_has_suffix (c->id, "_NPS_GROUP"))
    return FALSE;
  for (guint r = 0; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);
      double value;

      if (column >= g_strv_length (row) || *row[column] == '\0')
        continue;
      filled++;
      if (journey_survey_label_steps (row[column]) > 0 ||
          (journey_survey_parse_score (row[column], 0, 1, NULL, &value) && fabs (value) <= 100))
        scores++;
    }
  return scores > 0 && scores * 2 >= filled;
}

JourneySurveyTrial *
journey_survey_preview_try (JourneySurveyPreview       *self,
                            JourneyMap                 *map,
                            const JourneySurveyOptions *options)
{
  JourneySurveyTrial *trial = g_new0 (JourneySurveyTrial, 1);
  JourneySurveyOptions with_read;
  g_autoptr(JourneySurveyImport) import = NULL;

  g_return_val_if_fail (self != NULL, trial);

  /* Read as the preview was read. */
  with_read = *options;
  with_read.encoding = self->read_options.encoding;
  with_read.separator = self->read_options.separator;
  with_read.format = self->read_options.format;
  import = journey_survey_import_new (map, &with_read);
  feed_sample (self, import, &trial->error);
  trial->n_used = import->n_used;
  trial->n_skipped = import->n_skipped;
  trial->n_outside = import->n_outside;
  trial->skipped = g_ptr_array_ref (import->skipped);
  return trial;
}

void
journey_survey_trial_free (JourneySurveyTrial *trial)
{
  if (trial == NULL)
    return;
  g_clear_pointer (&trial->skipped, g_ptr_array_unref);
  g_clear_error (&trial->error);
  g_free (trial);
}
