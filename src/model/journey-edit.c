/* journey-edit.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-edit-evidence.h"
#include "journey-edit-private.h"
#include "journey-format.h"

G_DEFINE_QUARK (journey-edit-error-quark, journey_edit_error)

/* -- Satisfaction, target, time and scale ---------------------------------- */

/* Adds @item at the end of @list, in one step named @label. */
void
journey_edit_append (JourneyHistory *history,
                     JourneyList    *list,
                     gpointer        item,
                     const char     *label)
{
  journey_history_begin_group (history, label);
  journey_history_insert (history, list, journey_list_get_length (list), item);
  journey_history_end_group (history);
}

static gboolean
check_on_scale (JourneyMap  *map,
                double       value,
                GError     **error)
{
  if (journey_scale_contains (map->scale, value))
    return TRUE;

  g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_OUT_OF_SCALE,
               _("%g is not on the map’s scale, from %d to %d"), value, map->scale->min, map->scale->max);
  return FALSE;
}

/* One undo step that sets a double property. */
static gboolean
set_double (JourneyHistory *history,
            gpointer        object,
            const char     *property,
            double          value,
            const char     *label)
{
  journey_history_begin_group (history, label);
  journey_history_set (history, object, property, value, NULL);
  journey_history_end_group (history);
  return TRUE;
}

/* The satisfaction, or with @target the target: a value on the map's
 * scale, one step; the target may also be NAN, for none. */
static gboolean
set_on_scale (JourneyHistory     *history,
              JourneyMap         *map,
              JourneyTouchpoint  *touchpoint,
              gboolean            target,
              double              value,
              GError            **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  if (!(target && isnan (value)) && !check_on_scale (map, value, error))
    return FALSE;

  label = journey_edit_label_set_on_scale (touchpoint, target);
  return set_double (history, touchpoint, target ? "target" : "satisfaction", value, label);
}

/**
 * journey_edit_set_satisfaction:
 *
 * Sets how satisfied the customer is at @touchpoint, which must lie on the
 * map's scale.
 */
gboolean
journey_edit_set_satisfaction (JourneyHistory     *history,
                               JourneyMap         *map,
                               JourneyTouchpoint  *touchpoint,
                               double              value,
                               GError            **error)
{
  return set_on_scale (history, map, touchpoint, FALSE, value, error);
}

/**
 * journey_edit_set_target:
 * @value: the to-be satisfaction on the map's scale, or NAN for none
 */
gboolean
journey_edit_set_target (JourneyHistory     *history,
                         JourneyMap         *map,
                         JourneyTouchpoint  *touchpoint,
                         double              value,
                         GError            **error)
{
  return set_on_scale (history, map, touchpoint, TRUE, value, error);
}

/**
 * journey_edit_set_time:
 *
 * Moves @touchpoint along the timeline; its stage follows from its time.
 */
gboolean
journey_edit_set_time (JourneyHistory     *history,
                       JourneyMap         *map,
                       JourneyTouchpoint  *touchpoint,
                       double              time,
                       GError            **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  if (!journey_map_check_time (map, time, error))
    return FALSE;

  label = journey_edit_label_move (touchpoint, 1);
  return set_double (history, touchpoint, "time", time, label);
}

double
journey_edit_map_linearly (JourneyScale *from,
                           JourneyScale *to,
                           double        value)
{
  double f = journey_scale_fraction (from, value);

  return to->min + f * (to->max - to->min);
}

/* A new evidence like @evidence, its mean mapped from @from onto @to. */
JourneyEvidence *
journey_edit_evidence_on_scale (JourneyEvidence *evidence,
                                JourneyScale    *from,
                                JourneyScale    *to)
{
  JourneyEvidence *copy;

  /* Survey evidence re-bins from the survey's own histograms (SPEC §11). */
  if (journey_list_get_length (evidence->sources) > 0)
    return journey_evidence_on_scale (evidence, from, to);

  copy = g_object_new (JOURNEY_TYPE_EVIDENCE,
                                        "source", evidence->source,
                                        "responses", evidence->responses,
                                        "mean", journey_edit_map_linearly (from, to, evidence->mean),
                                        "updated", evidence->updated,
                                        NULL);

  /* A histogram counts the old scale's steps; it no longer fits. */
  if (journey_scale_get_n_steps (from) == journey_scale_get_n_steps (to))
    g_object_set (copy, "histogram", evidence->histogram, NULL);
  journey_item_set_extra (JOURNEY_ITEM (copy), journey_item_get_extra (JOURNEY_ITEM (evidence)));
  return copy;
}

/* The room's rating @room re-counted on @to: each step's ratings go to the
 * step of @to nearest to where the step maps linearly. */
static JourneyRoom *
room_on_scale (JourneyRoom  *room,
               JourneyScale *from,
               JourneyScale *to)
{
  g_autoptr(GArray) histogram = g_array_new (FALSE, TRUE, sizeof (int));

  g_array_set_size (histogram, journey_scale_get_n_steps (to));
  for (guint i = 0; i < room->histogram->len && i < journey_scale_get_n_steps (from); i++)
    {
      int step = CLAMP (journey_scale_get_step (to, journey_edit_map_linearly (from, to, from->min + (int) i)),
                        to->min, to->max);

      g_array_index (histogram, int, step - to->min) += g_array_index (room->histogram, int, i);
    }
  return journey_room_new_from_histogram (to, histogram);
}

/**
 * journey_edit_set_scale:
 * @scale: the new scale; the map keeps a reference
 *
 * Changes the map's satisfaction scale, and maps every satisfaction, target
 * and evidence mean onto it linearly (SPEC §2), as one step.
 */
gboolean
journey_edit_set_scale (JourneyHistory  *history,
                        JourneyMap      *map,
                        JourneyScale    *scale,
                        GError         **error)
{
  JourneyScale *old;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_SCALE (scale), FALSE);

  if (!journey_scale_check (scale, NULL))
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                   _("A scale needs a minimum below its maximum, at most %d steps and one label per step"),
                   JOURNEY_SCALE_MAX_STEPS);
      return FALSE;
    }

  old = g_object_ref (map->scale);

  journey_history_begin_group (history, _("Change Scale"));
  journey_history_set (history, map, "scale", scale, NULL);

  n = journey_list_get_length (map->touchpoints);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      if (!isnan (tp->satisfaction))
        journey_history_set (history, tp, "satisfaction", journey_edit_map_linearly (old, scale, tp->satisfaction), NULL);
      if (!isnan (tp->target))
        journey_history_set (history, tp, "target", journey_edit_map_linearly (old, scale, tp->target), NULL);

      if (tp->evidence != NULL)
        {
          g_autoptr(JourneyEvidence) evidence = journey_edit_evidence_on_scale (tp->evidence, old, scale);

          journey_history_set (history, tp, "evidence", evidence, NULL);
        }
      if (tp->room != NULL)
        {
          g_autoptr(JourneyRoom) room = room_on_scale (tp->room, old, scale);

          journey_history_set (history, tp, "room", room, NULL);
        }
    }

  journey_history_end_group (history);
  g_object_unref (old);
  return TRUE;
}

/* -- What the touchpoint and clipboard edits share ------------------------- */

/* A deep copy of @item: its fields, the items it holds, its unknown keys. */
gpointer
journey_edit_item_copy (JourneyItem *item)
{
  JourneyItemClass *klass = JOURNEY_ITEM_GET_CLASS (item);
  JourneyItem *copy = g_object_new (G_OBJECT_TYPE (item), NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const JourneyField *field = &klass->fields[i];
      gpointer from = journey_item_field_ptr (item, field);
      gpointer to = journey_item_field_ptr (copy, field);

      switch (field->kind)
        {
        case JOURNEY_FIELD_STRING:
        case JOURNEY_FIELD_COLOR:
          g_free (*(char **) to);
          *(char **) to = g_strdup (*(char **) from);
          break;
        case JOURNEY_FIELD_DOUBLE:
        case JOURNEY_FIELD_OPTIONAL:
          *(double *) to = *(double *) from;
          break;
        case JOURNEY_FIELD_INT:
        case JOURNEY_FIELD_ENUM:
          *(int *) to = *(int *) from;
          break;
        case JOURNEY_FIELD_BOOLEAN:
          *(gboolean *) to = *(gboolean *) from;
          break;
        case JOURNEY_FIELD_STRV:
          g_strfreev (*(char ***) to);
          *(char ***) to = g_strdupv (*(char ***) from);
          break;
        case JOURNEY_FIELD_INTV:
          g_array_unref (*(GArray **) to);
          *(GArray **) to = g_array_copy (*(GArray **) from);
          break;
        case JOURNEY_FIELD_OBJECT:
          g_clear_object ((GObject **) to);
          if (*(JourneyItem **) from != NULL)
            *(JourneyItem **) to = journey_edit_item_copy (*(JourneyItem **) from);
          break;
        case JOURNEY_FIELD_LIST:
          {
            JourneyList *list = *(JourneyList **) from;
            guint n = journey_list_get_length (list);

            for (guint j = 0; j < n; j++)
              {
                g_autoptr(JourneyItem) element = journey_edit_item_copy (journey_list_peek (list, j));
                journey_list_append (*(JourneyList **) to, element);
              }
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  journey_item_set_extra (copy, journey_item_get_extra (item));
  return copy;
}

/* The positions in @map of those of @touchpoints that it holds, each once,
 * in the map's order. */
GArray *
journey_edit_find_positions (JourneyMap               *map,
                             JourneyTouchpoint *const *touchpoints,
                             guint                     n)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) wanted = NULL;
  guint length;

  if (n == 0)
    return positions;

  if (n == 1)
    {
      guint position;

      if (journey_list_find (map->touchpoints, touchpoints[0], &position))
        g_array_append_val (positions, position);
      return positions;
    }

  wanted = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (wanted, touchpoints[i]);

  length = journey_list_get_length (map->touchpoints);
  for (guint i = 0; i < length && positions->len < g_hash_table_size (wanted); i++)
    if (g_hash_table_contains (wanted, journey_list_peek (map->touchpoints, i)))
      g_array_append_val (positions, i);
  return positions;
}

JourneyTouchpoint *
journey_edit_touchpoint_at (JourneyMap *map,
                            GArray     *positions,
                            guint       i)
{
  return journey_list_peek (map->touchpoints, g_array_index (positions, guint, i));
}

/* -- Ids ------------------------------------------------------------------- */

/* Ids are made as "base-N".  The numbers in use come from splitting each id
 * into its base and number ("site-2" is "site" and 2, "site" is "site" and
 * 1); a new id takes the next number after the largest in use for its base,
 * so it cannot equal an id in use. */

#define JOURNEY_ID_MAX_NUMBER (G_MAXUINT / 2)

static char *
split_id (const char *id,
          guint      *number)
{
  const char *dash = strrchr (id, '-');
  const char *digits = dash != NULL ? dash + 1 : NULL;
  guint64 value;

  *number = 1;
  if (dash == NULL || dash == id || digits[0] == '\0' || (digits[0] == '0' && digits[1] != '\0'))
    return g_strdup (id);
  for (const char *p = digits; *p; p++)
    if (!g_ascii_isdigit (*p))
      return g_strdup (id);
  if (!g_ascii_string_to_unsigned (digits, 10, 0, JOURNEY_ID_MAX_NUMBER, &value, NULL))
    return g_strdup (id);

  *number = (guint) value;
  return g_strndup (id, dash - id);
}

static void
id_allocator_use (JourneyIdAllocator *ids,
                  const char         *id)
{
  guint number;
  char *base;

  if (id == NULL || id[0] == '\0')
    return;

  base = split_id (id, &number);
  if (number > GPOINTER_TO_UINT (g_hash_table_lookup (ids->largest, base)))
    g_hash_table_insert (ids->largest, base, GUINT_TO_POINTER (number));
  else
    g_free (base);
}

void
journey_edit_id_allocator_init (JourneyIdAllocator *ids,
                                JourneyMap         *map)
{
  guint n = journey_list_get_length (map->touchpoints);

  ids->largest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    id_allocator_use (ids, ((JourneyTouchpoint *) journey_list_peek (map->touchpoints, i))->id);
}

void
journey_edit_id_allocator_clear (JourneyIdAllocator *ids)
{
  g_clear_pointer (&ids->largest, g_hash_table_unref);
}

char *
journey_edit_id_allocator_next (JourneyIdAllocator *ids,
                                const char         *base_id)
{
  g_autofree char *base = NULL;
  guint number;
  char *id;

  base = split_id (base_id != NULL && base_id[0] != '\0' ? base_id : "touchpoint", &number);
  number = GPOINTER_TO_UINT (g_hash_table_lookup (ids->largest, base)) + 1;
  id = g_strdup_printf ("%s-%u", base, number);
  id_allocator_use (ids, id);
  return id;
}

/* The list of @project or @map that holds @item, by its type. */
static JourneyList *
list_of (JourneyProject *project,
         JourneyMap     *map,
         gpointer        item)
{
  if (JOURNEY_IS_MAP (item))
    return project->maps;
  if (JOURNEY_IS_PERSONA (item))
    return project->personas;
  if (JOURNEY_IS_CHANNEL (item))
    return project->channels;
  if (map == NULL)
    return NULL;
  if (JOURNEY_IS_TOUCHPOINT (item))
    return map->touchpoints;
  if (JOURNEY_IS_STAGE (item))
    return map->stages;
  if (JOURNEY_IS_LANE (item))
    return map->lanes;
  return NULL;
}

/**
 * journey_edit_check_id:
 *
 * Whether journey_edit_set_id() would take @id for @item; if not, @error
 * says why.
 */
gboolean
journey_edit_check_id (JourneyProject  *project,
                       JourneyMap      *map,
                       gpointer         item,
                       const char      *id,
                       GError         **error)
{
  JourneyList *list;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  list = list_of (project, map, item);
  g_return_val_if_fail (list != NULL, FALSE);

  return journey_list_check_id (list, item, id, error);
}

typedef struct
{
  JourneyHistory *history;
  const char     *id;
} Rename;

static void
rename_use (gpointer    item,
            const char *property,
            gpointer    data)
{
  Rename *rename = data;

  journey_history_set (rename->history, item, property, rename->id, NULL);
}

/**
 * journey_edit_set_id:
 *
 * Gives @item (a map, persona or channel of @project, or a touchpoint,
 * stage or lane of @map) the id @id, and every reference to it the same:
 * a lane's touchpoints, a channel's touchpoints in every map, a persona's
 * maps.  One step.  An id that journey_list_check_id() refuses changes
 * nothing (FALSE, @error).
 */
gboolean
journey_edit_set_id (JourneyHistory  *history,
                     JourneyProject  *project,
                     JourneyMap      *map,
                     gpointer         item,
                     const char      *id,
                     GError         **error)
{
  JourneyList *list;
  g_autofree char *old = NULL;
  const char *name;
  g_autofree char *label = NULL;
  Rename rename = { history, id };

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (map == NULL || JOURNEY_IS_MAP (map), FALSE);
  list = list_of (project, map, item);
  g_return_val_if_fail (list != NULL && journey_list_find (list, item, NULL), FALSE);

  if (!journey_list_check_id (list, item, id, error))
    return FALSE;
  old = g_strdup (journey_item_get_id (item));
  if (g_strcmp0 (old, id) == 0)
    return TRUE;

  name = journey_item_get_display_name (item);
  /* Translators: an undo step; %s is the title or name of what changes */
  label = g_strdup_printf (_("Change the Id of “%s”"), name);
  journey_history_begin_group (history, label);
  journey_history_set (history, item, "id", id, NULL);
  if (JOURNEY_IS_LANE (item))
    journey_map_foreach_use (map, JOURNEY_TYPE_LANE, old, rename_use, &rename);
  else if (JOURNEY_IS_PERSONA (item) || JOURNEY_IS_CHANNEL (item))
    journey_project_foreach_use (project, G_OBJECT_TYPE (item), old, rename_use, &rename);
  journey_history_end_group (history);
  return TRUE;
}
