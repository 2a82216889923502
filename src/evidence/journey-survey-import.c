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

#include "journey-survey-import.h"

/* A touchpoint's (or one day's) counts. */
typedef struct
{
  double  responses;
  double  sum;
  gint64  first;
  gint64  last;
  double  counts[];  /* per survey step */
} Bin;

typedef struct
{
  Bin        *untimed;
  GHashTable *days;      /* gint64 day → Bin */
  gint64      last_day;
  Bin        *last_bin;
} Aggregate;

typedef struct
{
  guint column;
  guint touchpoint;
} WideColumn;

struct _JourneySurveyImport
{
  JourneyMap           *map;
  JourneySurveyOptions  options;
  JourneyScale         *survey_scale;
  guint                 n_steps;

  JourneySurveyReader  *reader;
  GPtrArray            *header_rows;   /* of GStrv, until the header is known */
  GArray               *header_lines;  /* guint64 */
  GPtrArray            *header_invalid;/* const char *: why a row read ahead is broken, or NULL */
  JourneySurveyHeader  *header;

  GArray               *wide;          /* of WideColumn, or NULL when long */
  int                   touchpoint_column;
  int                   score_column;
  int                   time_column;
  int                   count_column;
  gint64                since_day;
  GHashTable           *touchpoint_by_name;  /* cell → index + 1, 0 for unknown */

  Aggregate            *aggregates;    /* one per touchpoint */
  guint                 n_touchpoints;
  double               *row_scores;    /* per wide column, scratch */

  guint64               n_used;
  guint64               n_skipped;
  guint64               n_outside;
  GPtrArray            *skipped;       /* of JourneySurveySkip, the first ones */
};

G_DEFINE_QUARK (journey-survey-mapping-error-quark, journey_survey_mapping_error)

/* Names of touchpoints met in the cells, remembered up to this many. */
#define MAX_CACHED_NAMES 10000

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

static void
copy_options (JourneySurveyOptions       *to,
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

/* -- Mapping -------------------------------------------------------------- */

static gboolean
find_one_column (JourneySurveyImport *self,
                 const char          *name,
                 int                 *column,
                 GError             **error)
{
  g_autoptr(GArray) found = journey_survey_header_find (self->header, name);

  if (found->len == 1)
    {
      *column = (int) g_array_index (found, guint, 0);
      return TRUE;
    }
  if (found->len == 0)
    {
      g_set_error (error, JOURNEY_SURVEY_MAPPING_ERROR, 0, _("no column is named “%s”"), name);
      return FALSE;
    }
  {
    g_autoptr(GString) list = g_string_new (NULL);

    for (guint i = 0; i < found->len; i++)
      {
        JourneySurveyColumn *c = g_ptr_array_index (self->header->columns, g_array_index (found, guint, i));

        g_string_append_printf (list, "%s#%u “%s”", i > 0 ? ", " : "", c->index + 1,
                                *c->question != '\0' ? c->question : c->id);
      }
    g_set_error (error, JOURNEY_SURVEY_MAPPING_ERROR, 0,
                 _("“%s” names several columns: %s; name one by its position (#N)"), name, list->str);
    return FALSE;
  }
}

/* The touchpoint named @name by its id or title, case-insensitively. */
static int
find_touchpoint (JourneySurveyImport *self,
                 const char          *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  g_strstrip (folded);
  for (guint i = 0; i < self->n_touchpoints; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (self->map->touchpoints, i);
      g_autofree char *id = g_utf8_casefold (tp->id, -1);
      g_autofree char *title = g_utf8_casefold (tp->title != NULL ? tp->title : "", -1);

      if (g_str_equal (id, folded) || g_str_equal (title, folded))
        return (int) i;
    }
  return -1;
}

static gboolean
map_given_columns (JourneySurveyImport *self,
                   GError             **error)
{
  for (guint i = 0; self->options.evidence_columns[i] != NULL; i++)
    {
      const char *pair = self->options.evidence_columns[i];
      const char *split = strrchr (pair, '=');
      g_autofree char *column_name = NULL;
      WideColumn wide;
      int column, tp;

      if (split == NULL || split == pair || split[1] == '\0')
        {
          g_set_error (error, JOURNEY_SURVEY_MAPPING_ERROR, 0,
                       _("“%s” is not COLUMN=TOUCHPOINT"), pair);
          return FALSE;
        }
      column_name = g_strndup (pair, split - pair);
      if (!find_one_column (self, column_name, &column, error))
        return FALSE;
      tp = find_touchpoint (self, split + 1);
      if (tp < 0)
        {
          g_set_error (error, JOURNEY_SURVEY_MAPPING_ERROR, 0,
                       _("the map “%s” has no touchpoint “%s”"), self->map->id, split + 1);
          return FALSE;
        }
      wide.column = column;
      wide.touchpoint = tp;
      g_array_append_val (self->wide, wide);
    }
  return TRUE;
}

/* Each column whose question names a touchpoint's title: the longest
 * title it holds. */
static void
map_columns_by_title (JourneySurveyImport *self)
{
  for (guint c = 0; c < self->header->columns->len; c++)
    {
      JourneySurveyColumn *column = g_ptr_array_index (self->header->columns, c);
      g_autofree char *question = g_utf8_casefold (column->question, -1);
      int best = -1;
      gsize best_length = 0;

      if (g_str_has_suffix (column->id, "_NPS_GROUP") || (int) c == self->time_column ||
          (int) c == self->header->status_column)
        continue;
      for (guint i = 0; i < self->n_touchpoints; i++)
        {
          JourneyTouchpoint *tp = journey_list_peek (self->map->touchpoints, i);
          g_autofree char *title = g_utf8_casefold (tp->title != NULL ? tp->title : "", -1);
          gsize length = strlen (title);

          if (length > best_length && strstr (question, title) != NULL)
            {
              best = (int) i;
              best_length = length;
            }
        }
      if (best >= 0)
        g_array_append_val (self->wide, ((WideColumn) { c, best }));
    }
}

static gboolean
resolve_mapping (JourneySurveyImport *self,
                 GError             **error)
{
  const JourneySurveyOptions *o = &self->options;

  self->time_column = self->header->time_column;
  if (o->time_column != NULL && !find_one_column (self, o->time_column, &self->time_column, error))
    return FALSE;
  if (o->count_column != NULL && !find_one_column (self, o->count_column, &self->count_column, error))
    return FALSE;

  if (o->evidence_columns != NULL && (o->touchpoint_column != NULL || o->score_column != NULL))
    {
      g_set_error (error, JOURNEY_SURVEY_MAPPING_ERROR, 0,
                   _("use --evidence-column or --touchpoint-column with --score-column, not both"));
      return FALSE;
    }
  if (o->evidence_columns != NULL)
    return map_given_columns (self, error);
  if ((o->touchpoint_column != NULL) != (o->score_column != NULL))
    {
      g_set_error (error, JOURNEY_SURVEY_MAPPING_ERROR, 0,
                   _("--touchpoint-column and --score-column go together"));
      return FALSE;
    }
  if (o->touchpoint_column != NULL)
    {
      g_clear_pointer (&self->wide, g_array_unref);
      return find_one_column (self, o->touchpoint_column, &self->touchpoint_column, error) &&
             find_one_column (self, o->score_column, &self->score_column, error);
    }
  {
    g_autoptr(GArray) tp = journey_survey_header_find (self->header, "touchpoint");
    g_autoptr(GArray) score = journey_survey_header_find (self->header, "score");

    if (tp->len == 1 && score->len == 1)
      {
        g_clear_pointer (&self->wide, g_array_unref);
        self->touchpoint_column = g_array_index (tp, guint, 0);
        self->score_column = g_array_index (score, guint, 0);
        return TRUE;
      }
  }
  map_columns_by_title (self);
  if (self->wide->len == 0)
    {
      g_set_error (error, JOURNEY_SURVEY_MAPPING_ERROR, 0,
                   _("no column names a touchpoint of the map “%s”: use --evidence-column "
                     "COLUMN=TOUCHPOINT, or --touchpoint-column and --score-column"), self->map->id);
      return FALSE;
    }
  return TRUE;
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
    int tp = find_touchpoint (self, cell);

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
  if (!resolve_mapping (self, error))
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
      GStrvBuilder *builder;

      /* Header rows are read whatever they hold; a broken one is empty. */
      builder = g_strv_builder_new ();
      for (guint i = 0; i < row->n_cells && row->invalid == NULL; i++)
        g_strv_builder_add (builder, row->cells[i]);
      g_ptr_array_add (self->header_rows, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
      g_array_append_val (self->header_lines, row->line);
      g_ptr_array_add (self->header_invalid, (gpointer) row->invalid);
      if (self->header_rows->len < JOURNEY_SURVEY_MAX_HEADER_ROWS)
        return TRUE;
      return start_rows (self, error);
    }
  read_row (self, row);
  return TRUE;
}

/* -- Results -------------------------------------------------------------- */

static void
add_bin (JourneySurveyResult *result,
         Bin                 *bin,
         guint                n_steps)
{
  result->responses += bin->responses;
  result->sum += bin->sum;
  for (guint s = 0; s < n_steps; s++)
    g_array_index (result->histogram, double, s) += bin->counts[s];
  if (bin->last != G_MININT64)
    {
      result->first = result->first == G_MININT64 ? bin->first : MIN (result->first, bin->first);
      result->last = MAX (result->last, bin->last);
    }
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint64 x = **(gint64 **) a;
  gint64 y = **(gint64 **) b;

  return x < y ? -1 : x > y;
}

static JourneySurveyResult *
collect (JourneySurveyImport *self,
         guint                index,
         gint64               from_day)
{
  Aggregate *aggregate = &self->aggregates[index];
  JourneySurveyResult *result = g_new0 (JourneySurveyResult, 1);
  g_autoptr(GPtrArray) days = g_ptr_array_new ();

  result->touchpoint = journey_list_peek (self->map->touchpoints, index);
  result->histogram = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (result->histogram, self->n_steps);
  result->weeks = g_array_new (FALSE, FALSE, sizeof (JourneySurveyWeek));
  result->first = result->last = G_MININT64;

  if (aggregate->untimed != NULL)
    add_bin (result, aggregate->untimed, self->n_steps);
  if (aggregate->days != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, aggregate->days);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (*(gint64 *) key >= from_day)
          g_ptr_array_add (days, key);
      g_ptr_array_sort (days, compare_days);
    }
  for (guint i = 0; i < days->len; i++)
    {
      gint64 day = *(gint64 *) g_ptr_array_index (days, i);
      Bin *bin = g_hash_table_lookup (aggregate->days, &day);
      /* Weeks begin on Monday; 1970-01-01 was a Thursday. */
      gint64 monday = day - ((day % 7 + 7 + 3) % 7);
      JourneySurveyWeek *week = result->weeks->len > 0
                                ? &g_array_index (result->weeks, JourneySurveyWeek, result->weeks->len - 1) : NULL;

      add_bin (result, bin, self->n_steps);
      if (week == NULL || week->day != monday)
        {
          g_array_append_val (result->weeks, ((JourneySurveyWeek) { monday, 0, 0 }));
          week = &g_array_index (result->weeks, JourneySurveyWeek, result->weeks->len - 1);
        }
      week->responses += bin->responses;
      week->sum += bin->sum;
    }
  return result;
}

void
journey_survey_result_free (JourneySurveyResult *result)
{
  if (result == NULL)
    return;
  g_array_unref (result->histogram);
  g_array_unref (result->weeks);
  g_free (result);
}

/**
 * journey_survey_import_get_results:
 * @newest: (out) (optional): the newest response's time, or G_MININT64
 *
 * The aggregates so far, in the time window, one per touchpoint that has
 * responses.
 *
 * Returns: (transfer container) (element-type JourneySurveyResult)
 */
GPtrArray *
journey_survey_import_get_results (JourneySurveyImport *self,
                                   gint64              *newest)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_survey_result_free);
  gint64 last = G_MININT64;
  gint64 from_day = G_MININT64;

  for (guint i = 0; i < self->n_touchpoints; i++)
    if (self->aggregates[i].days != NULL)
      {
        GHashTableIter iter;
        gpointer value;

        g_hash_table_iter_init (&iter, self->aggregates[i].days);
        while (g_hash_table_iter_next (&iter, NULL, &value))
          last = MAX (last, ((Bin *) value)->last);
      }
  /* --last-days N: the N days up to the newest response in the file. */
  if (self->options.last_days > 0 && last != G_MININT64)
    from_day = last / 86400 - self->options.last_days + 1;

  for (guint i = 0; i < self->n_touchpoints; i++)
    {
      JourneySurveyResult *result = collect (self, i, from_day);

      if (result->responses > 0)
        g_ptr_array_add (results, result);
      else
        journey_survey_result_free (result);
    }
  if (newest != NULL)
    *newest = last;
  return results;
}

/* -- Public API ----------------------------------------------------------- */

JourneySurveyImport *
journey_survey_import_new (JourneyMap                 *map,
                           const JourneySurveyOptions *options)
{
  JourneySurveyImport *self = g_new0 (JourneySurveyImport, 1);

  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  self->map = g_object_ref (map);
  copy_options (&self->options, options);
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
  return journey_survey_reader_feed (self->reader, bytes, length, error);
}

gboolean
journey_survey_import_read (JourneySurveyImport *self,
                            GInputStream        *stream,
                            GCancellable        *cancellable,
                            GError             **error)
{
  return journey_survey_reader_read_stream (self->reader, stream, cancellable, error);
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
                   _("no row could be used (%" G_GUINT64_FORMAT " skipped)"), self->n_skipped);
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

char **
journey_survey_import_get_mapping (JourneySurveyImport *self)
{
  GStrvBuilder *builder;
  char **mapping;

  if (self->wide == NULL || self->header == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->wide->len; i++)
    {
      WideColumn *w = &g_array_index (self->wide, WideColumn, i);
      JourneySurveyColumn *column = g_ptr_array_index (self->header->columns, w->column);
      JourneyTouchpoint *tp = journey_list_peek (self->map->touchpoints, w->touchpoint);
      g_autoptr(GArray) same = journey_survey_header_find (self->header, column->id);
      g_autofree char *name = same->len == 1 && *column->id != '\0'
                              ? g_strdup (column->id) : g_strdup_printf ("#%u", w->column + 1);

      g_autofree char *pair = g_strdup_printf ("%s=%s", name, tp->id);

      g_strv_builder_add (builder, pair);
    }
  mapping = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return mapping;
}
