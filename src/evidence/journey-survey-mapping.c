/* journey-survey-mapping.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The column mapping of a survey import (SPEC §5): COLUMN=TOUCHPOINT
 * pairs, a touchpoint and a score column, or the columns whose question
 * names a touchpoint. */

#define G_LOG_DOMAIN "journey-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-survey-import-private.h"

G_DEFINE_QUARK (journey-survey-mapping-error-quark, journey_survey_mapping_error)

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
int
journey_survey_import_find_touchpoint (JourneySurveyImport *self,
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
      tp = journey_survey_import_find_touchpoint (self, split + 1);
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

gboolean
journey_survey_import_resolve_mapping (JourneySurveyImport *self,
                 GError             **error)
{
  const JourneySurveyOptions *o = &self->options;

  /* An empty name: no time column, not even the format's own. */
  self->time_column = o->time_column != NULL && *o->time_column == '\0' ? -1 : self->header->time_column;
  if (o->time_column != NULL && *o->time_column != '\0' &&
      !find_one_column (self, o->time_column, &self->time_column, error))
    return FALSE;
  if (o->count_column != NULL && !find_one_column (self, o->count_column, &self->count_column, error))
    return FALSE;

  if (o->evidence_columns != NULL && (o->touchpoint_column != NULL || o->score_column != NULL))
    {
      g_set_error (error, JOURNEY_SURVEY_MAPPING_ERROR, 0,
                   _("use --evidence-column or --touchpoint-column with --score-column, not both"));
      return FALSE;
    }
  if (o->evidence_columns != NULL && o->evidence_columns[0] == NULL)
    {
      g_set_error (error, JOURNEY_SURVEY_MAPPING_ERROR, 0, _("no column is given a touchpoint"));
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
