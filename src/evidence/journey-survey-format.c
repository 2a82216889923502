/* journey-survey-format.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which tool wrote a survey export, and how to read its header, scores and
 * times.  The formats, from their public descriptions:
 *
 * - Qualtrics: three header rows, the column ids (Q3, Q5_NPS_GROUP), the
 *   question texts, and {"ImportId":"QID3"}; Status says whether a row is
 *   a real response, a preview, a test or spam.
 * - Qualtrics legacy: two header rows (V1… or ResponseID, ResponseSet…,
 *   then the question texts).
 * - SurveyMonkey: two header rows, the questions (a question with several
 *   columns names only its first) and "Response" or each column's choice.
 * - Google Forms: one header row that begins with Timestamp.
 * - Typeform: "#" first, then the questions, Start Date (UTC), Submit Date
 *   (UTC), Network ID.
 * - Microsoft Forms: ID, Start time, Completion time, Email, Name.
 * - Anything else: one header row. */

#define G_LOG_DOMAIN "journey-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "journey-survey-format.h"

static const struct
{
  const char *id;
  const char *name;
} formats[JOURNEY_SURVEY_N_FORMATS] = {
  [JOURNEY_SURVEY_PLAIN] = { "csv", N_("CSV with one header row") },
  [JOURNEY_SURVEY_QUALTRICS] = { "qualtrics", N_("Qualtrics") },
  [JOURNEY_SURVEY_QUALTRICS_LEGACY] = { "qualtrics-legacy", N_("Qualtrics (legacy export)") },
  [JOURNEY_SURVEY_SURVEYMONKEY] = { "surveymonkey", N_("SurveyMonkey") },
  [JOURNEY_SURVEY_GOOGLE_FORMS] = { "google-forms", N_("Google Forms") },
  [JOURNEY_SURVEY_TYPEFORM] = { "typeform", N_("Typeform") },
  [JOURNEY_SURVEY_MICROSOFT_FORMS] = { "microsoft-forms", N_("Microsoft Forms") },
};

const char *
journey_survey_format_to_string (JourneySurveyFormat format)
{
  g_return_val_if_fail (format < JOURNEY_SURVEY_N_FORMATS, "csv");
  return formats[format].id;
}

const char *
journey_survey_format_get_name (JourneySurveyFormat format)
{
  g_return_val_if_fail (format < JOURNEY_SURVEY_N_FORMATS, "");
  return _(formats[format].name);
}

gboolean
journey_survey_format_from_string (const char          *name,
                                   JourneySurveyFormat *format)
{
  for (guint i = 0; i < JOURNEY_SURVEY_N_FORMATS; i++)
    if (name != NULL && g_ascii_strcasecmp (name, formats[i].id) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/* -- Header --------------------------------------------------------------- */

static const char *
cell_at (GPtrArray *rows,
         guint      row,
         guint      column)
{
  char **cells;

  if (row >= rows->len)
    return "";
  cells = g_ptr_array_index (rows, row);
  if (column >= g_strv_length (cells))
    return "";
  return cells[column];
}

/* The column of row @row whose cell is one of @names (ASCII case ignored), or -1. */
static int
find_cell (GPtrArray          *rows,
           guint               row,
           const char * const *names)
{
  char **cells;

  if (row >= rows->len)
    return -1;
  cells = g_ptr_array_index (rows, row);
  for (guint i = 0; cells[i] != NULL; i++)
    for (guint k = 0; names[k] != NULL; k++)
      if (g_ascii_strcasecmp (g_strstrip (cells[i]), names[k]) == 0)
        return (int) i;
  return -1;
}

#define NAMES(...) ((const char * const[]) { __VA_ARGS__, NULL })

static gboolean
has_import_ids (GPtrArray *rows)
{
  char **cells;

  if (rows->len < 3)
    return FALSE;
  cells = g_ptr_array_index (rows, 2);
  for (guint i = 0; cells[i] != NULL; i++)
    if (g_str_has_prefix (cells[i], "{\"ImportId\""))
      return TRUE;
  return FALSE;
}

static JourneySurveyFormat
detect_format (GPtrArray *rows)
{
  const char *first = cell_at (rows, 0, 0);

  if (has_import_ids (rows))
    return JOURNEY_SURVEY_QUALTRICS;
  if (find_cell (rows, 0, NAMES ("ResponseSet")) >= 0 ||
      find_cell (rows, 1, NAMES ("ResponseSet")) >= 0)
    return JOURNEY_SURVEY_QUALTRICS_LEGACY;
  if (find_cell (rows, 0, NAMES ("Respondent ID")) >= 0 &&
      find_cell (rows, 1, NAMES ("Response", "Open-Ended Response")) >= 0)
    return JOURNEY_SURVEY_SURVEYMONKEY;
  if (g_ascii_strcasecmp (first, "Timestamp") == 0 || g_ascii_strcasecmp (first, "Zeitstempel") == 0)
    return JOURNEY_SURVEY_GOOGLE_FORMS;
  if (g_strcmp0 (first, "#") == 0 &&
      find_cell (rows, 0, NAMES ("Submit Date (UTC)", "Network ID")) >= 0)
    return JOURNEY_SURVEY_TYPEFORM;
  if (g_ascii_strcasecmp (first, "ID") == 0 &&
      find_cell (rows, 0, NAMES ("Completion time", "Fertigstellungszeit", "Start time", "Startzeit")) >= 0)
    return JOURNEY_SURVEY_MICROSOFT_FORMS;
  return JOURNEY_SURVEY_PLAIN;
}

static void
column_free (gpointer data)
{
  JourneySurveyColumn *column = data;

  g_free (column->id);
  g_free (column->question);
  g_strfreev (column->names);
  g_free (column);
}

/* "QID3" out of {"ImportId":"QID3"} (and {"ImportId":"QID3","timeZone":…}). */
static char *
import_id (const char *cell)
{
  const char *start;
  const char *end;

  if (!g_str_has_prefix (cell, "{\"ImportId\":\""))
    return NULL;
  start = cell + strlen ("{\"ImportId\":\"");
  end = strchr (start, '"');
  return end != NULL ? g_strndup (start, end - start) : NULL;
}

static void
add_name (GPtrArray  *names,
          const char *name)
{
  if (name != NULL && *name != '\0')
    g_ptr_array_add (names, g_utf8_casefold (name, -1));
}

static guint
count_columns (GPtrArray *rows,
               guint      n_header_rows)
{
  guint most = 0;

  for (guint r = 0; r < MIN (n_header_rows, rows->len); r++)
    most = MAX (most, g_strv_length (g_ptr_array_index (rows, r)));
  return most;
}

static void
add_columns (JourneySurveyHeader *self,
             GPtrArray           *rows)
{
  guint n = count_columns (rows, self->n_header_rows);
  g_autofree char *inherited = NULL;

  for (guint i = 0; i < n; i++)
    {
      JourneySurveyColumn *column = g_new0 (JourneySurveyColumn, 1);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *first = cell_at (rows, 0, i);
      const char *second = cell_at (rows, 1, i);

      column->index = i;
      column->id = g_strdup (first);
      for (guint r = 0; r < self->n_header_rows; r++)
        {
          g_autofree char *qid = import_id (cell_at (rows, r, i));

          add_name (names, qid != NULL ? qid : cell_at (rows, r, i));
        }

      switch (self->format)
        {
        case JOURNEY_SURVEY_QUALTRICS:
        case JOURNEY_SURVEY_QUALTRICS_LEGACY:
          column->question = g_strdup (second);
          break;
        case JOURNEY_SURVEY_SURVEYMONKEY:
          /* A question with several columns names only the first. */
          if (*first != '\0')
            {
              g_free (inherited);
              inherited = g_strdup (first);
            }
          column->question = g_strdup (inherited != NULL ? inherited : "");
          if (*first == '\0' && inherited != NULL)
            add_name (names, inherited);
          if (*second != '\0' && g_ascii_strcasecmp (second, "Response") != 0 &&
              g_ascii_strcasecmp (second, "Open-Ended Response") != 0 && inherited != NULL)
            {
              g_autofree char *both = g_strdup_printf ("%s - %s", inherited, second);

              add_name (names, both);
              g_free (column->question);
              column->question = g_strdup_printf ("%s %s", inherited, second);
            }
          break;
        case JOURNEY_SURVEY_PLAIN:
        case JOURNEY_SURVEY_GOOGLE_FORMS:
        case JOURNEY_SURVEY_TYPEFORM:
        case JOURNEY_SURVEY_MICROSOFT_FORMS:
        case JOURNEY_SURVEY_N_FORMATS:
        default:
          column->question = g_strdup (first);
          break;
        }

      g_ptr_array_add (names, g_strdup_printf ("#%u", i + 1));
      g_ptr_array_add (names, NULL);
      column->names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
      g_ptr_array_add (self->columns, column);
    }
}

static int
find_column (JourneySurveyHeader *self,
             const char * const  *names)
{
  for (guint k = 0; names[k] != NULL; k++)
    {
      g_autoptr(GArray) found = journey_survey_header_find (self, names[k]);

      if (found->len > 0)
        return (int) g_array_index (found, guint, 0);
    }
  return -1;
}

/**
 * journey_survey_header_new:
 * @rows: (element-type GStrv): the first rows of the file
 * @format: a #JourneySurveyFormat, or -1 to detect it
 */
JourneySurveyHeader *
journey_survey_header_new (GPtrArray *rows,
                           int        format)
{
  JourneySurveyHeader *self = g_new0 (JourneySurveyHeader, 1);

  self->format = format >= 0 && format < JOURNEY_SURVEY_N_FORMATS ? (JourneySurveyFormat) format : detect_format (rows);
  self->columns = g_ptr_array_new_with_free_func (column_free);

  switch (self->format)
    {
    case JOURNEY_SURVEY_QUALTRICS:
      self->n_header_rows = 3;
      break;
    case JOURNEY_SURVEY_QUALTRICS_LEGACY:
    case JOURNEY_SURVEY_SURVEYMONKEY:
      self->n_header_rows = 2;
      break;
    case JOURNEY_SURVEY_PLAIN:
    case JOURNEY_SURVEY_GOOGLE_FORMS:
    case JOURNEY_SURVEY_TYPEFORM:
    case JOURNEY_SURVEY_MICROSOFT_FORMS:
    case JOURNEY_SURVEY_N_FORMATS:
    default:
      self->n_header_rows = 1;
      break;
    }
  self->n_header_rows = MIN (self->n_header_rows, MAX (rows->len, 1));
  add_columns (self, rows);

  self->status_column = self->format == JOURNEY_SURVEY_QUALTRICS || self->format == JOURNEY_SURVEY_QUALTRICS_LEGACY
                        ? find_column (self, NAMES ("Status")) : -1;
  switch (self->format)
    {
    case JOURNEY_SURVEY_QUALTRICS:
    case JOURNEY_SURVEY_QUALTRICS_LEGACY:
      self->time_column = find_column (self, NAMES ("RecordedDate", "EndDate"));
      break;
    case JOURNEY_SURVEY_SURVEYMONKEY:
      self->time_column = find_column (self, NAMES ("End Date", "Start Date"));
      break;
    case JOURNEY_SURVEY_GOOGLE_FORMS:
      self->time_column = 0;
      break;
    case JOURNEY_SURVEY_TYPEFORM:
      self->time_column = find_column (self, NAMES ("Submit Date (UTC)", "Start Date (UTC)"));
      break;
    case JOURNEY_SURVEY_MICROSOFT_FORMS:
      self->time_column = find_column (self, NAMES ("Completion time", "Fertigstellungszeit", "Start time", "Startzeit"));
      break;
    case JOURNEY_SURVEY_PLAIN:
    case JOURNEY_SURVEY_N_FORMATS:
    default:
      self->time_column = find_column (self, NAMES ("time", "timestamp", "date"));
      break;
    }
  return self;
}

void
journey_survey_header_free (JourneySurveyHeader *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->columns);
  g_free (self);
}

GArray *
journey_survey_header_find (JourneySurveyHeader *self,
                            const char          *name)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *folded = g_utf8_casefold (name, -1);

  g_strstrip (folded);
  for (guint i = 0; i < self->columns->len; i++)
    {
      JourneySurveyColumn *column = g_ptr_array_index (self->columns, i);

      if (g_strv_contains ((const char * const *) column->names, folded))
        g_array_append_val (found, i);
    }
  return found;
}

const char *
journey_survey_header_excluded (JourneySurveyHeader    *self,
                                const JourneySurveyRow *row)
{
  const char *status;

  if (self->status_column < 0 || (guint) self->status_column >= row->n_cells)
    return NULL;
  status = row->cells[self->status_column];
  /* Qualtrics' codes: 1 preview, 2 test, 8 spam, 9 preview spam, 12
   * imported spam, 17 offline preview; or their words. */
  if (g_str_equal (status, "1") || g_str_equal (status, "17") || strstr (status, "Preview") != NULL)
    return N_("a survey preview");
  if (g_str_equal (status, "2") || strstr (status, "Test") != NULL)
    return N_("a survey test");
  if (g_str_equal (status, "8") || g_str_equal (status, "9") || g_str_equal (status, "12") ||
      strstr (status, "Spam") != NULL)
    return N_("spam");
  return NULL;
}

/* -- Scores --------------------------------------------------------------- */

/* Label sets that survey tools use, lowest first. */
static const char * const label_sets[][8] = {
  { "very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied" },
  { "extremely dissatisfied", "somewhat dissatisfied", "neither satisfied nor dissatisfied",
    "somewhat satisfied", "extremely satisfied" },
  { "very unsatisfied", "unsatisfied", "neutral", "satisfied", "very satisfied" },
  { "strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree" },
  { "strongly disagree", "disagree", "somewhat disagree", "neither agree nor disagree",
    "somewhat agree", "agree", "strongly agree" },
  { "very difficult", "difficult", "neither easy nor difficult", "easy", "very easy" },
  { "very poor", "poor", "fair", "good", "excellent" },
  { "sehr unzufrieden", "unzufrieden", "neutral", "zufrieden", "sehr zufrieden" },
};

static guint
set_length (const char * const *set)
{
  guint n = 0;

  while (n < 8 && set[n] != NULL)
    n++;
  return n;
}

/* The value of label @folded: its place in a set, spread over min…max. */
static gboolean
label_value (const char   *folded,
             int           min,
             int           max,
             char * const *labels,
             double       *value)
{
  guint steps = (guint) (max - min) + 1;
  gboolean found = FALSE;

  if (labels != NULL && g_strv_length ((char **) labels) == steps)
    for (guint i = 0; labels[i] != NULL; i++)
      {
        g_autofree char *label = g_utf8_casefold (labels[i], -1);

        if (g_str_equal (label, folded))
          {
            *value = min + (double) i;
            return TRUE;
          }
      }

  /* A set as long as the scale first, then any. */
  for (guint pass = 0; pass < 2 && !found; pass++)
    for (guint s = 0; s < G_N_ELEMENTS (label_sets) && !found; s++)
      {
        guint n = set_length (label_sets[s]);

        if (pass == 0 && n != steps)
          continue;
        for (guint i = 0; i < n; i++)
          if (g_str_equal (label_sets[s][i], folded))
            {
              *value = min + (double) i * (max - min) / (n - 1);
              found = TRUE;
              break;
            }
      }
  return found;
}

/* The number of labels in the shortest known set that holds @cell, or 0:
 * "Somewhat agree" belongs to a 7-point set only, "Agree" to a 5-point one
 * as well. */
guint
journey_survey_label_steps (const char *cell)
{
  g_autofree char *folded = g_utf8_casefold (cell, -1);
  guint steps = 0;

  g_strstrip (folded);
  for (guint s = 0; s < G_N_ELEMENTS (label_sets); s++)
    {
      guint n = set_length (label_sets[s]);

      for (guint i = 0; i < n; i++)
        if (g_str_equal (label_sets[s][i], folded) && (steps == 0 || n < steps))
          steps = n;
    }
  return steps;
}

gboolean
journey_survey_parse_score (const char   *cell,
                            int           min,
                            int           max,
                            char * const *labels,
                            double       *value)
{
  char *end = NULL;
  double number;

  *value = NAN;
  while (*cell == ' ' || *cell == '\t')
    cell++;
  if (*cell == '\0')
    return FALSE;

  if (g_ascii_isdigit (*cell) || *cell == '-' || *cell == '+' || *cell == '.')
    {
      number = g_ascii_strtod (cell, &end);
      /* "4,5" from a German spreadsheet */
      if (*end == ',' && g_ascii_isdigit (end[1]) && strchr (end + 1, ',') == NULL)
        {
          g_autofree char *dotted = g_strdup (cell);

          dotted[end - cell] = '.';
          number = g_ascii_strtod (dotted, &end);
          end = (char *) cell + (end - dotted);
        }
      if (end != cell && isfinite (number))
        {
          while (*end == ' ' || *end == '\t')
            end++;
          /* "10 - Extremely likely", "4 = Satisfied", "4 (Satisfied)" */
          if (*end == '\0' || *end == '-' || *end == '=' || *end == '(' ||
              g_str_has_prefix (end, "–") || g_ascii_isalpha (*end))
            {
              *value = number;
              return TRUE;
            }
          return FALSE;
        }
    }

  {
    g_autofree char *folded = g_utf8_casefold (cell, -1);

    g_strchomp (folded);
    return label_value (folded, min, max, labels, value);
  }
}

/* -- Times ---------------------------------------------------------------- */

/* Days since 1970-01-01 of a date in the proleptic Gregorian calendar. */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *value,
             guint       *digits)
{
  *value = 0;
  *digits = 0;
  while (g_ascii_isdigit (**p) && *digits < max_digits)
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      (*digits)++;
    }
  return *digits > 0;
}

/* "+5:30", "-0800", "+05:30" after GMT, UTC or the time. */
static gboolean
read_offset (const char **p,
             gint64      *offset)
{
  int sign = **p == '-' ? -1 : 1;
  guint hours, minutes = 0, digits;

  if (**p != '+' && **p != '-')
    return FALSE;
  (*p)++;
  if (!read_number (p, 2, &hours, &digits))
    return FALSE;
  if (**p == ':')
    (*p)++;
  read_number (p, 2, &minutes, &digits);
  *offset = sign * ((gint64) hours * 3600 + minutes * 60);
  return TRUE;
}

static gboolean
read_date (const char **p,
           gint64      *days)
{
  guint a, b, c, da, db, dc;
  guint y, m, d;
  char sep;

  if (!read_number (p, 4, &a, &da))
    return FALSE;
  sep = **p;
  if (sep != '-' && sep != '/' && sep != '.')
    return FALSE;
  (*p)++;
  if (!read_number (p, 2, &b, &db) || **p != sep)
    return FALSE;
  (*p)++;
  if (!read_number (p, 4, &c, &dc))
    return FALSE;

  if (da == 4)
    y = a, m = b, d = c;                       /* 2026-02-05, 2026/02/05 */
  else if (sep == '.' || sep == '-')
    d = a, m = b, y = c;                       /* 5.2.2026 */
  else
    m = a, d = b, y = c;                       /* 2/5/2026, as US tools write */
  if (da != 4 && dc == 2)
    y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || (da != 4 && dc != 4 && dc != 2))
    return FALSE;
  *days = days_from_civil (y, m, d);
  return TRUE;
}

gboolean
journey_survey_parse_time (const char *cell,
                           gint64     *seconds)
{
  const char *p = cell;
  guint hour = 0, minute = 0, second = 0, digits;
  gint64 days, offset = 0;

  while (*p == ' ')
    p++;
  if (!read_date (&p, &days))
    return FALSE;

  if (*p == ' ' || *p == 'T')
    {
      p++;
      if (!read_number (&p, 2, &hour, &digits) || *p != ':')
        return FALSE;
      p++;
      if (!read_number (&p, 2, &minute, &digits))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!read_number (&p, 2, &second, &digits))
            return FALSE;
          if (*p == '.')
            for (p++; g_ascii_isdigit (*p); p++)
              ;
        }
      while (*p == ' ')
        p++;
      if ((*p == 'A' || *p == 'P' || *p == 'a' || *p == 'p') &&
          (g_ascii_strncasecmp (p, "AM", 2) == 0 || g_ascii_strncasecmp (p, "PM", 2) == 0))
        {
          if (hour < 1 || hour > 12)
            return FALSE;
          hour = hour % 12 + (g_ascii_toupper (*p) == 'P' ? 12 : 0);
          p += 2;
          while (*p == ' ')
            p++;
        }
      if ((*p == 'G' || *p == 'U') && (g_ascii_strncasecmp (p, "GMT", 3) == 0 || g_ascii_strncasecmp (p, "UTC", 3) == 0))
        p += 3;
      if (*p == 'Z')
        p++;
      else if (*p == '+' || *p == '-')
        {
          if (!read_offset (&p, &offset))
            return FALSE;
        }
    }
  while (*p == ' ')
    p++;
  if (*p != '\0' || hour > 23 || minute > 59 || second > 60)
    return FALSE;

  *seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset;
  return TRUE;
}
