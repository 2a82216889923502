/* journey-edit-evidence.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Survey evidence in the document (SPEC §11): parts per source, combined
 * into each touchpoint's evidence; imports, removals and renames of a
 * source, each one undo step. */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-edit-evidence.h"
#include "journey-edit-private.h"

/* Means are kept to four decimals: a refresh writes small diffs. */
static double
round_mean (double mean)
{
  return round (mean * 1e4) / 1e4;
}

double
journey_evidence_map_value (JourneyScale *survey,
                            JourneyScale *map,
                            double        value)
{
  return journey_edit_map_linearly (survey, map, value);
}

GArray *
journey_evidence_bin_onto (JourneyScale *survey,
                           GArray       *survey_histogram,
                           JourneyScale *map)
{
  GArray *histogram = g_array_new (FALSE, TRUE, sizeof (int));
  guint n = journey_scale_get_n_steps (map);

  g_array_set_size (histogram, n);
  for (guint s = 0; s < survey_histogram->len; s++)
    {
      double value = journey_edit_map_linearly (survey, map, survey->min + (double) s);
      int step = CLAMP (journey_scale_get_step (map, value) - map->min, 0, (int) n - 1);
      int *count = &g_array_index (histogram, int, step);

      *count = (int) MIN ((gint64) *count + g_array_index (survey_histogram, int, s), G_MAXINT);
    }
  return histogram;
}

JourneyEvidence *
journey_evidence_combine (GPtrArray *parts)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GArray) histogram = NULL;
  const char *updated = NULL;
  gint64 responses = 0;
  double weighted = 0;
  JourneyEvidence *evidence;

  if (parts->len == 0)
    return NULL;

  evidence = g_object_new (JOURNEY_TYPE_EVIDENCE, NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      JourneyEvidencePart *part = g_ptr_array_index (parts, i);
      g_autoptr(JourneyEvidencePart) copy = journey_edit_item_copy (JOURNEY_ITEM (part));

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", part->source);
      responses += part->responses;
      weighted += part->mean * part->responses;
      if (part->last != NULL && (updated == NULL || strcmp (part->last, updated) > 0))
        updated = part->last;

      if (i == 0 && part->histogram->len > 0)
        histogram = g_array_copy (part->histogram);
      else if (histogram != NULL && histogram->len == part->histogram->len)
        for (guint s = 0; s < histogram->len; s++)
          g_array_index (histogram, int, s) += g_array_index (part->histogram, int, s);
      else
        g_clear_pointer (&histogram, g_array_unref);

      journey_list_append (evidence->sources, copy);
    }

  g_object_set (evidence,
                "source", names->str,
                "responses", (int) MIN (responses, G_MAXINT),
                "mean", responses > 0 ? round_mean (weighted / responses)
                                      : ((JourneyEvidencePart *) g_ptr_array_index (parts, 0))->mean,
                "updated", updated,
                NULL);
  if (histogram != NULL)
    g_object_set (evidence, "histogram", histogram, NULL);
  return evidence;
}

GPtrArray *
journey_evidence_get_parts (JourneyEvidence *evidence)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (evidence == NULL)
    return parts;
  n = journey_list_get_length (evidence->sources);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (parts, g_object_ref (journey_list_peek (evidence->sources, i)));

  if (n == 0)
    {
      /* Evidence without parts: typed by hand, or from an older file. */
      JourneyEvidencePart *part = g_object_new (JOURNEY_TYPE_EVIDENCE_PART,
                                                "source", evidence->source != NULL && *evidence->source != '\0'
                                                          ? evidence->source : "Evidence",
                                                "responses", evidence->responses,
                                                "mean", evidence->mean,
                                                "last", evidence->updated,
                                                NULL);

      g_object_set (part, "histogram", evidence->histogram, NULL);
      g_ptr_array_add (parts, part);
    }
  return parts;
}

static JourneyEvidencePart *
part_on_scale (JourneyEvidencePart *part,
               JourneyScale        *from,
               JourneyScale        *to)
{
  JourneyEvidencePart *copy = journey_edit_item_copy (JOURNEY_ITEM (part));
  JourneyScale *survey = part->survey_scale != NULL ? part->survey_scale : from;
  GArray *survey_histogram = part->survey_scale != NULL ? part->survey_histogram : part->histogram;

  g_object_set (copy, "mean", round_mean (journey_edit_map_linearly (from, to, part->mean)), NULL);
  if (survey_histogram->len == journey_scale_get_n_steps (survey))
    {
      g_autoptr(GArray) histogram = journey_evidence_bin_onto (survey, survey_histogram, to);

      g_object_set (copy, "histogram", histogram, NULL);
    }
  else
    {
      g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (int));

      g_object_set (copy, "histogram", none, NULL);
    }
  for (guint w = 0; w < journey_list_get_length (copy->weeks); w++)
    {
      JourneyEvidenceWeek *week = journey_list_peek (copy->weeks, w);

      g_object_set (week, "mean", round_mean (journey_edit_map_linearly (from, to, week->mean)), NULL);
    }
  return copy;
}

JourneyEvidence *
journey_evidence_on_scale (JourneyEvidence *evidence,
                           JourneyScale    *from,
                           JourneyScale    *to)
{
  g_autoptr(GPtrArray) parts = journey_evidence_get_parts (evidence);
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  JourneyEvidence *result;

  for (guint i = 0; i < parts->len; i++)
    g_ptr_array_add (moved, part_on_scale (g_ptr_array_index (parts, i), from, to));
  result = journey_evidence_combine (moved);
  journey_item_set_extra (JOURNEY_ITEM (result), journey_item_get_extra (JOURNEY_ITEM (evidence)));
  if (journey_list_get_length (evidence->sources) == 0)
    {
      /* Kept as it was written: no parts appear by themselves. */
      while (journey_list_get_length (result->sources) > 0)
        g_object_unref (journey_list_steal (result->sources, 0));
      g_object_set (result, "source", evidence->source, NULL);
    }
  return result;
}

JourneyEvidenceSource *
journey_map_find_evidence_source (JourneyMap *map,
                                  const char *name,
                                  guint      *position)
{
  guint n = journey_list_get_length (map->evidence_sources);

  for (guint i = 0; i < n; i++)
    {
      JourneyEvidenceSource *source = journey_list_peek (map->evidence_sources, i);

      if (g_strcmp0 (source->name, name) == 0)
        {
          if (position != NULL)
            *position = i;
          return source;
        }
    }
  return NULL;
}

/* -- Paths ---------------------------------------------------------------- */

char *
journey_evidence_relative_path (GFile *base,
                                GFile *file)
{
  g_autoptr(GFile) dir = NULL;

  if (base == NULL)
    return g_file_get_path (file);
  dir = g_object_ref (base);
  g_autoptr(GString) up = g_string_new (NULL);

  for (;;)
    {
      g_autofree char *below = g_file_get_relative_path (dir, file);
      GFile *parent;

      if (below != NULL)
        return g_strconcat (up->str, below, NULL);
      if (g_file_equal (dir, file))
        return g_strdup (".");
      parent = g_file_get_parent (dir);
      if (parent == NULL)
        return g_file_get_path (file);
      g_object_unref (dir);
      dir = parent;
      g_string_append (up, "../");
    }
}

void
journey_evidence_rebase_paths (JourneyProject *project,
                               GFile          *from,
                               GFile          *to)
{
  for (guint m = 0; m < journey_list_get_length (project->maps); m++)
    {
      JourneyMap *map = journey_list_peek (project->maps, m);

      for (guint i = 0; i < journey_list_get_length (map->evidence_sources); i++)
        {
          JourneyEvidenceSource *source = journey_list_peek (map->evidence_sources, i);
          g_autoptr(GFile) file = NULL;
          g_autofree char *path = NULL;

          if (source->path == NULL || (from == NULL && !g_path_is_absolute (source->path)))
            continue;
          file = from != NULL ? g_file_resolve_relative_path (from, source->path) : g_file_new_for_path (source->path);
          path = journey_evidence_relative_path (to, file);
          g_object_set (source, "path", path, NULL);
        }
    }
}

/* -- Edits ---------------------------------------------------------------- */

static gboolean
items_equal (JourneyItem *a,
             JourneyItem *b);

static gboolean
fields_equal (JourneyItem        *a,
              JourneyItem        *b,
              const JourneyField *field)
{
  gpointer x = journey_item_field_ptr (a, field);
  gpointer y = journey_item_field_ptr (b, field);

  switch (field->kind)
    {
    case JOURNEY_FIELD_STRING:
    case JOURNEY_FIELD_COLOR:
      return g_strcmp0 (*(char **) x, *(char **) y) == 0;
    case JOURNEY_FIELD_DOUBLE:
    case JOURNEY_FIELD_OPTIONAL:
      return *(double *) x == *(double *) y || (isnan (*(double *) x) && isnan (*(double *) y));
    case JOURNEY_FIELD_INT:
    case JOURNEY_FIELD_ENUM:
    case JOURNEY_FIELD_BOOLEAN:
      return *(int *) x == *(int *) y;
    case JOURNEY_FIELD_STRV:
      return g_strv_equal ((const char * const *) *(char ***) x, (const char * const *) *(char ***) y);
    case JOURNEY_FIELD_INTV:
      {
        GArray *u = *(GArray **) x, *v = *(GArray **) y;

        return u->len == v->len && (u->len == 0 || memcmp (u->data, v->data, u->len * sizeof (int)) == 0);
      }
    case JOURNEY_FIELD_OBJECT:
      return items_equal (*(JourneyItem **) x, *(JourneyItem **) y);
    case JOURNEY_FIELD_LIST:
      {
        JourneyList *u = *(JourneyList **) x, *v = *(JourneyList **) y;
        guint n = journey_list_get_length (u);

        if (n != journey_list_get_length (v))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!items_equal (journey_list_peek (u, i), journey_list_peek (v, i)))
            return FALSE;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static gboolean
items_equal (JourneyItem *a,
             JourneyItem *b)
{
  JourneyItemClass *klass;

  if (a == NULL || b == NULL)
    return a == b;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  klass = JOURNEY_ITEM_GET_CLASS (a);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!fields_equal (a, b, &klass->fields[i]))
      return FALSE;
  return TRUE;
}

gboolean
journey_evidence_item_equal (gpointer a,
                             gpointer b)
{
  return items_equal (a, b);
}

/* The touchpoint's evidence without the parts named @drop (and @drop2),
 * with @add (nullable) at the end. */
static JourneyEvidence *
evidence_with (JourneyTouchpoint   *tp,
               const char          *drop,
               const char          *drop2,
               JourneyEvidencePart *add)
{
  g_autoptr(GPtrArray) parts = journey_evidence_get_parts (tp->evidence);
  gboolean dropped = FALSE;

  for (guint i = parts->len; i > 0; i--)
    {
      JourneyEvidencePart *part = g_ptr_array_index (parts, i - 1);

      if (g_strcmp0 (part->source, drop) == 0 || g_strcmp0 (part->source, drop2) == 0)
        {
          g_ptr_array_remove_index (parts, i - 1);
          dropped = TRUE;
        }
    }
  /* Evidence the source never touched stays as it is written. */
  if (!dropped && add == NULL)
    return tp->evidence != NULL ? g_object_ref (tp->evidence) : NULL;
  if (add != NULL)
    g_ptr_array_add (parts, g_object_ref (add));
  return journey_evidence_combine (parts);
}

static void
set_evidence (JourneyHistory    *history,
              JourneyTouchpoint *tp,
              JourneyEvidence   *evidence)
{
  if (items_equal (JOURNEY_ITEM (tp->evidence), JOURNEY_ITEM (evidence)))
    return;
  if (history != NULL)
    journey_history_set (history, tp, "evidence", evidence, NULL);
  else
    g_object_set (tp, "evidence", evidence, NULL);
}

static void
copy_properties (gpointer to,
                 gpointer from)
{
  guint n;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n);

  g_object_freeze_notify (to);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (from, pspecs[i]->name, &value);
      g_object_set_property (to, pspecs[i]->name, &value);
    }
  g_object_thaw_notify (to);
}

static void
put_source (JourneyHistory        *history,
            JourneyMap            *map,
            JourneyEvidenceSource *source,
            const char            *replaces)
{
  guint position;
  gboolean found = journey_map_find_evidence_source (map, replaces, &position) != NULL;

  if (found && source != NULL && items_equal (journey_list_peek (map->evidence_sources, position),
                                              JOURNEY_ITEM (source)))
    return;
  if (found && source != NULL && history == NULL)
    {
      /* An update from outside the history (a followed source) changes the
       * record in place: the undo steps that name it still find it. */
      copy_properties (journey_list_peek (map->evidence_sources, position), source);
      return;
    }
  if (!found)
    position = journey_list_get_length (map->evidence_sources);
  else if (history != NULL)
    journey_history_remove (history, map->evidence_sources, position);
  else
    g_object_unref (journey_list_steal (map->evidence_sources, position));

  if (source == NULL)
    return;
  if (history != NULL)
    journey_history_insert (history, map->evidence_sources, position, source);
  else
    journey_list_insert (map->evidence_sources, position, source);
}

void
journey_edit_import_evidence (JourneyHistory        *history,
                              JourneyMap            *map,
                              JourneyEvidenceSource *source,
                              const char            *replaces,
                              GHashTable            *parts)
{
  /* A copy: @replaces may be the name of the source that goes. */
  g_autofree char *old_name = g_strdup (replaces != NULL ? replaces : source->name);
  guint n = journey_list_get_length (map->touchpoints);

  g_return_if_fail (JOURNEY_IS_MAP (map));
  g_return_if_fail (JOURNEY_IS_EVIDENCE_SOURCE (source));

  if (history != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Import “%s”"), source->name);

      journey_history_begin_group (history, label);
    }
  put_source (history, map, source, old_name);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      g_autoptr(JourneyEvidence) evidence =
        evidence_with (tp, old_name, source->name, g_hash_table_lookup (parts, tp->id));

      set_evidence (history, tp, evidence);
    }
  if (history != NULL)
    journey_history_end_group (history);
}

void
journey_edit_remove_evidence_source (JourneyHistory *history,
                                     JourneyMap     *map,
                                     const char     *name)
{
  guint n = journey_list_get_length (map->touchpoints);
  g_autofree char *label = g_strdup_printf (_("Remove the source “%s”"), name);
  g_autofree char *removed = g_strdup (name);

  journey_history_begin_group (history, label);
  put_source (history, map, NULL, removed);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      g_autoptr(JourneyEvidence) evidence = NULL;

      if (tp->evidence == NULL)
        continue;
      evidence = evidence_with (tp, removed, NULL, NULL);
      set_evidence (history, tp, evidence);
    }
  journey_history_end_group (history);
}

gboolean
journey_edit_rename_evidence_source (JourneyHistory *history,
                                     JourneyMap     *map,
                                     const char     *name,
                                     const char     *new_name)
{
  JourneyEvidenceSource *source = journey_map_find_evidence_source (map, name, NULL);
  g_autoptr(JourneyEvidenceSource) renamed = NULL;
  g_autofree char *label = NULL;
  g_autofree char *old_name = g_strdup (name);
  guint n = journey_list_get_length (map->touchpoints);

  if (source == NULL || new_name == NULL || *new_name == '\0' ||
      journey_map_find_evidence_source (map, new_name, NULL) != NULL)
    return FALSE;

  label = g_strdup_printf (_("Rename the source “%s”"), name);
  journey_history_begin_group (history, label);
  renamed = journey_edit_item_copy (JOURNEY_ITEM (source));
  g_object_set (renamed, "name", new_name, NULL);
  put_source (history, map, renamed, old_name);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      g_autoptr(GPtrArray) parts = journey_evidence_get_parts (tp->evidence);
      g_autoptr(JourneyEvidence) evidence = NULL;

      if (tp->evidence == NULL)
        continue;
      for (guint k = 0; k < parts->len; k++)
        {
          JourneyEvidencePart *part = g_ptr_array_index (parts, k);

          if (g_strcmp0 (part->source, old_name) == 0)
            {
              JourneyEvidencePart *copy = journey_edit_item_copy (JOURNEY_ITEM (part));

              g_object_set (copy, "source", new_name, NULL);
              g_ptr_array_index (parts, k) = copy;
              g_object_unref (part);
            }
        }
      evidence = journey_evidence_combine (parts);
      set_evidence (history, tp, evidence);
    }
  journey_history_end_group (history);
  return TRUE;
}
