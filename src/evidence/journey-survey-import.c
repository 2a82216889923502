/* journey-survey-import.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A survey export into aggregates per touchpoint: the header rows resolve
 * the column mapping (SPEC §5), then each response row adds its scores to
 * counts per survey step, per touchpoint and per day.  Rows that cannot be
 * used are skipped with their physical line and the reason. */

#define G_LOG_DOMAIN "journey-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>


#include "journey-survey-import-private.h"



void
journey_survey_options_clear (JourneySurveyOptions *options)
{
  g_clear_pointer (&options->evidence_columns, g_strfreev);
  g_clear_pointer (&options->touchpoint_column, g_free);
  g_clear_pointer (&options->score_column, g_free);
  g_clear_pointer (&options->time_column, g_free);
  g_clear_pointer (&options->count_column, g_free);
  g_clear_pointer (&options->since, g_free);
}

void
journey_survey_options_copy (JourneySurveyOptions       *to,
                             const JourneySurveyOptions *from)
{
  *to = *from;
  to->evidence_columns = g_strdupv (from->evidence_columns);
  to->touchpoint_column = g_strdup (from->touchpoint_column);
  to->score_column = g_strdup (from->score_column);
  to->time_column = g_strdup (from->time_column);
  to->count_column = g_strdup (from->count_column);
  to->since = g_strdup (from->since);
}

static Bin *
bin_new (guint n_steps)
{
  Bin *bin = g_malloc0 (sizeof (Bin) + n_steps * sizeof (double));

  bin->first = G_MAXINT64;
  bin->last = G_MININT64;
  return bin;
}

/* A cell as a skip reason shows it: at most 40 characters, no controls. */
static char *
quote_cell (const char *cell)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = cell; *p != '\0' && n < 40; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  if (g_utf8_strlen (cell, -1) > 40)
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void skip (JourneySurveyImport *self, guint64 line, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
skip (JourneySurveyImport *self,
      guint64              line,
      const char          *format,
      ...)
{
  self->n_skipped++;
  if (self->skipped->len < JOURNEY_SURVEY_MAX_LISTED)
    {
      JourneySurveySkip *entry = g_new0 (JourneySurveySkip, 1);
      va_list args;

      va_start (args, format);
      entry->line = line;
      entry->reason = g_strdup_vprintf (format, args);
      va_end (args);
      g_ptr_array_add (self->skipped, entry);
    }
}

static void
skip_free (gpointer data)
{
  JourneySurveySkip *entry = data;

  g_free (entry->reason);
  g_free (entry);
}

/* -- Rows ----------------------------------------------------------------- */

static void
add_score (JourneySurveyImport *self,
           guint                touchpoint,
           double               score,
           double               weight,
           gboolean             timed,
           gint64               seconds)
{
  Aggregate *aggregate = &self->aggregates[touchpoint];
  int step = score == floor (score) ? (int) score : journey_scale_get_step (self->survey_scale, score);
  Bin *bin;

  if (!timed)
    {
      if (aggregate->untimed == NULL)
        aggregate->untimed = bin_new (self->n_steps);
      bin = aggregate->untimed;
    }
  else
    {
      gint64 day = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);

      if (aggregate->last_bin != NULL && aggregate->last_day == day)
        bin = aggregate->last_bin;
      else
        {
          if (aggregate->days == NULL)
            aggregate->days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
          bin = g_hash_table_lookup (aggregate->days, &day);
          if (bin == NULL)
            {
              bin = bin_new (self->n_steps);
              g_hash_table_insert (aggregate->days, g_memdup2 (&day, sizeof day), bin);
            }
          aggregate->last_day = day;
          aggregate->last_bin = bin;
        }
      bin->first = MIN (bin->first, seconds);
      bin->last = MAX (bin->last, seconds);
    }
  bin->responses += weight;
  bin->sum += score * weight;
  bin->counts[CLAMP (step - self->survey_scale->min, 0, (int) self->n_steps - 1)] += weight;
}

/* A score cell: TRUE with *@score, or FALSE with the row skipped. */
static gboolean
read_score (JourneySurveyImport    *self,
            const JourneySurveyRow *row,
            guint                   column,
            double                 *score,
            gboolean               *empty)
{
  const char *cell = column < row->n_cells ? row->cells[column] : "";
  int min = self->survey_scale->min;
  int max = self->survey_scale->max;

  *empty = FALSE;
  /* The common case, a whole number, without strtod. */
  if (g_ascii_isdigit (cell[0]) && (cell[1] == '\0' || (g_ascii_isdigit (cell[1]) && cell[2] == '\0')))
    *score = cell[1] == '\0' ? cell[0] - '0' : (cell[0] - '0') * 10 + (cell[1] - '0');
  else if (!journey_survey_parse_score (cell, min, max, self->map->scale->labels, score))
    {
      g_autofree char *shown = quote_cell (cell);
      const char *p = cell;

      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0')
        {
          *empty = TRUE;
          return FALSE;
        }
      skip (self, row->line, _("the score “%s” is neither a number nor a label of the scale"), shown);
      return FALSE;
    }
  if (*score < min || *score > max)
    {
      g_autofree char *shown = quote_cell (cell);

      skip (self, row->line, _("the score %s is outside the survey’s scale %d–%d"), shown, min, max);
      return FALSE;
    }
  return TRUE;
}

static int
lookup_touchpoint (JourneySurveyImport *self,
                   const char          *cell)
{
  gpointer found;

  if (g_hash_table_lookup_extended (self->touchpoint_by_name, cell, NULL, &found))
    return GPOINTER_TO_INT (found) - 1;
  {
    int tp = journey_survey_import_find_touchpoint (self, cell);

    if (g_hash_table_size (self->touchpoint_by_name) < MAX_CACHED_NAMES)
      g_hash_table_insert (self->touchpoint_by_name, g_strdup (cell), GINT_TO_POINTER (tp + 1));
    return tp;
  }
}

static gboolean
read_time (JourneySurveyImport    *self,
           const JourneySurveyRow *row,
           gboolean               *timed,
           gint64                 *seconds)
{
  const char *cell;

  *timed = FALSE;
  if (self->time_column < 0 || (guint) self->time_column >= row->n_cells)
    return TRUE;
  cell = row->cells[self->time_column];
  if (*cell == '\0')
    return TRUE;
  if (!journey_survey_parse_time (cell, seconds))
    {
      g_autofree char *shown = quote_cell (cell);

      skip (self, row->line, _("the time “%s” is not a date"), shown);
      return FALSE;
    }
  *timed = TRUE;
  return TRUE;
}

static gboolean
read_weight (JourneySurveyImport    *self,
             const JourneySurveyRow *row,
             double                 *weight)
{
  const char *cell;
  guint64 value;

  *weight = 1;
  if (self->count_column < 0)
    return TRUE;
  cell = (guint) self->count_column < row->n_cells ? row->cells[self->count_column] : "";
  if (!g_ascii_string_to_unsigned (cell, 10, 0, 1000000000, &value, NULL))
    {
      g_autofree char *shown = quote_cell (cell);

      skip (self, row->line, _("the count “%s” is not a whole number"), shown);
      return FALSE;
    }
  *weight = (double) value;
  return TRUE;
}

static void
read_long_row (JourneySurveyImport    *self,
               const JourneySurveyRow *row,
               double                  weight,
               gboolean                timed,
               gint64                  seconds)
{
  const char *name = (guint) self->touchpoint_column < row->n_cells ? row->cells[self->touchpoint_column] : "";
  int tp = lookup_touchpoint (self, name);
  double score;
  gboolean empty;

  if (tp < 0)
    {
      g_autofree char *shown = quote_cell (name);

      skip (self, row->line, _("the map has no touchpoint “%s”"), shown);
      return;
    }
  if (!read_score (self, row, self->score_column, &score, &empty))
    {
      if (empty)
        skip (self, row->line, _("no score"));
      return;
    }
  if (weight > 0)
    add_score (self, tp, score, weight, timed, seconds);
  self->n_used++;
}

static void
read_wide_row (JourneySurveyImport    *self,
               const JourneySurveyRow *row,
               double                  weight,
               gboolean                timed,
               gint64                  seconds)
{
  guint n_scores = 0;

  for (guint i = 0; i < self->wide->len; i++)
    {
      WideColumn *w = &g_array_index (self->wide, WideColumn, i);
      gboolean empty;

      if (read_score (self, row, w->column, &self->row_scores[i], &empty))
        n_scores++;
      else if (empty)
        self->row_scores[i] = NAN;
      else
        return;  /* skipped: a cell that is no score */
    }
  if (n_scores == 0)
    {
      skip (self, row->line, _("no score"));
      return;
    }
  for (guint i = 0; i < self->wide->len; i++)
    if (!isnan (self->row_scores[i]) && weight > 0)
      add_score (self, g_array_index (self->wide, WideColumn, i).touchpoint,
                 self->row_scores[i], weight, timed, seconds);
  self->n_used++;
}

static gboolean
is_blank (const JourneySurveyRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row->lengths[i] > 0)
      return FALSE;
  return TRUE;
}

static void
read_row (JourneySurveyImport    *self,
          const JourneySurveyRow *row)
{
  const char *excluded;
  gboolean timed;
  gint64 seconds = 0;
  double weight;

  if (row->invalid != NULL)
    {
      skip (self, row->line, _("the row holds %s"), _(row->invalid));
      return;
    }
  if (is_blank (row))
    return;
  excluded = journey_survey_header_excluded (self->header, row);
  if (excluded != NULL)
    {
      skip (self, row->line, _("the row is %s"), _(excluded));
      return;
    }
  if (!read_time (self, row, &timed, &seconds) || !read_weight (self, row, &weight))
    return;
  if (timed && self->since_day != G_MININT64 && seconds < self->since_day * 86400)
    {
      self->n_outside++;
      return;
    }
  if (self->wide != NULL)
    read_wide_row (self, row, weight, timed, seconds);
  else
    read_long_row (self, row, weight, timed, seconds);
}

static gboolean
start_rows (JourneySurveyImport *self,
            GError             **error)
{
  self->header = journey_survey_header_new (self->header_rows, self->options.format);
  if (self->header->columns->len == 0)
    {
      g_set_error (error, JOURNEY_SURVEY_ERROR, JOURNEY_SURVEY_ERROR_NO_HEADER, _("the file has no header row"));
      return FALSE;
    }
  if (!journey_survey_import_resolve_mapping (self, error))
    return FALSE;
  if (self->wide != NULL)
    self->row_scores = g_new0 (double, MAX (self->wide->len, 1));

  /* The rows read ahead of the header are responses. */
  for (guint i = self->header->n_header_rows; i < self->header_rows->len; i++)
    {
      char **cells = g_ptr_array_index (self->header_rows, i);
      g_autofree gsize *lengths = g_new0 (gsize, g_strv_length (cells) + 1);
      JourneySurveyRow row = {
        .line = g_array_index (self->header_lines, guint64, i),
        .n_cells = g_strv_length (cells),
        .cells = (const char **) cells,
        .lengths = lengths,
        .invalid = g_ptr_array_index (self->header_invalid, i),
      };

      for (guint k = 0; k < row.n_cells; k++)
        lengths[k] = strlen (cells[k]);
      read_row (self, &row);
    }
  g_clear_pointer (&self->header_rows, g_ptr_array_unref);
  return TRUE;
}

static gboolean
on_row (const JourneySurveyRow *row,
        gpointer                user_data,
        GError                **error)
{
  JourneySurveyImport *self = user_data;

  if (self->header == NULL)
    {
      /* Header rows are read whatever they hold; a broken one is empty. */
      g_ptr_array_add (self->header_rows, journey_survey_row_dup_cells (row));
      g_array_append_val (self->header_lines, row->line);
      g_ptr_array_add (self->header_invalid, (gpointer) row->invalid);
      if (self->header_rows->len < JOURNEY_SURVEY_MAX_HEADER_ROWS)
        return TRUE;
      return start_rows (self, error);
    }
  read_row (self, row);
  return TRUE;
}

/* -- Public API ----------------------------------------------------------- */

JourneySurveyImport *
journey_survey_import_new (JourneyMap                 *map,
                           const JourneySurveyOptions *options)
{
  JourneySurveyImport *self = g_new0 (JourneySurveyImport, 1);

  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  self->map = g_object_ref (map);
  journey_survey_options_copy (&self->options, options);
  if (options->has_survey_scale)
    self->survey_scale = journey_scale_new (options->survey_min, options->survey_max, NULL);
  else
    self->survey_scale = journey_scale_new (map->scale->min, map->scale->max, NULL);
  self->n_steps = CLAMP (journey_scale_get_n_steps (self->survey_scale), 1, JOURNEY_SURVEY_MAX_STEPS);

  self->reader = journey_survey_reader_new (options->encoding, options->separator, on_row, self);
  self->header_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->header_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->header_invalid = g_ptr_array_new ();
  self->wide = g_array_new (FALSE, FALSE, sizeof (WideColumn));
  self->touchpoint_column = self->score_column = self->time_column = self->count_column = -1;
  self->since_day = G_MININT64;
  if (options->since != NULL)
    {
      gint64 seconds;

      if (journey_survey_parse_time (options->since, &seconds))
        self->since_day = seconds / 86400;
    }
  self->touchpoint_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->n_touchpoints = journey_list_get_length (map->touchpoints);
  self->aggregates = g_new0 (Aggregate, MAX (self->n_touchpoints, 1));
  self->skipped = g_ptr_array_new_with_free_func (skip_free);
  return self;
}

void
journey_survey_import_free (JourneySurveyImport *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_touchpoints; i++)
    {
      g_free (self->aggregates[i].untimed);
      g_clear_pointer (&self->aggregates[i].days, g_hash_table_unref);
    }
  g_free (self->aggregates);
  journey_survey_reader_free (self->reader);
  g_clear_pointer (&self->header_rows, g_ptr_array_unref);
  g_array_unref (self->header_lines);
  g_ptr_array_unref (self->header_invalid);
  journey_survey_header_free (self->header);
  g_clear_pointer (&self->wide, g_array_unref);
  g_free (self->row_scores);
  g_hash_table_unref (self->touchpoint_by_name);
  g_ptr_array_unref (self->skipped);
  g_object_unref (self->survey_scale);
  g_object_unref (self->map);
  journey_survey_options_clear (&self->options);
  g_free (self);
}

gboolean
journey_survey_import_feed (JourneySurveyImport *self,
                            const char          *bytes,
                            gsize                length,
                            GError             **error)
{
  gboolean ok = journey_survey_reader_feed (self->reader, bytes, length, error);

  g_atomic_pointer_set (&self->bytes_read, self->bytes_read + length);
  return ok;
}

gboolean
journey_survey_import_read (JourneySurveyImport *self,
                            GInputStream        *stream,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autofree char *block = g_malloc (JOURNEY_SURVEY_BLOCK_SIZE);

  for (;;)
    {
      gssize n = g_input_stream_read (stream, block, JOURNEY_SURVEY_BLOCK_SIZE, cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        return TRUE;
      if (!journey_survey_import_feed (self, block, n, error))
        return FALSE;
    }
}

/* The bytes read so far: safe to ask from another thread than the one
 * reading, for a progress bar. */
guint64
journey_survey_import_get_bytes_read (JourneySurveyImport *self)
{
  return (guint64) g_atomic_pointer_get (&self->bytes_read);
}

/* The end of the file: the last row, and a header shorter than three rows. */
gboolean
journey_survey_import_end (JourneySurveyImport *self,
                           GError             **error)
{
  if (!journey_survey_reader_finish (self->reader, error))
    return FALSE;
  if (self->header == NULL && !start_rows (self, error))
    return FALSE;
  if (self->n_used == 0)
    {
      g_set_error (error, JOURNEY_SURVEY_ERROR, JOURNEY_SURVEY_ERROR_NO_ROWS,
                   _("no row could be used (%llu skipped)"), (unsigned long long) self->n_skipped);
      return FALSE;
    }
  return TRUE;
}

/* What was read so far decides the header, however few rows it has: a
 * followed file may have only its header yet. */
gboolean
journey_survey_import_flush (JourneySurveyImport *self,
                             GError             **error)
{
  if (!journey_survey_reader_flush (self->reader, error))
    return FALSE;
  if (self->header == NULL && self->header_rows->len > 0)
    return start_rows (self, error);
  return TRUE;
}

gboolean
journey_survey_import_read_file (JourneySurveyImport *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);

  return stream != NULL &&
         journey_survey_import_read (self, G_INPUT_STREAM (stream), cancellable, error) &&
         journey_survey_import_end (self, error);
}

JourneySurveyHeader *
journey_survey_import_get_header (JourneySurveyImport *self)
{
  return self->header;
}

JourneySurveyReader *
journey_survey_import_get_reader (JourneySurveyImport *self)
{
  return self->reader;
}

guint64
journey_survey_import_get_n_used (JourneySurveyImport *self)
{
  return self->n_used;
}

guint64
journey_survey_import_get_n_skipped (JourneySurveyImport *self)
{
  return self->n_skipped;
}

/* Returns: (transfer none) (element-type JourneySurveySkip): the first skipped rows */
GPtrArray *
journey_survey_import_get_skipped (JourneySurveyImport *self)
{
  return self->skipped;
}

void
journey_survey_import_get_scale (JourneySurveyImport *self,
                                 int                 *min,
                                 int                 *max)
{
  *min = self->survey_scale->min;
  *max = self->survey_scale->max;
}
