/* journey-mermaid-build.c: a Mermaid journey, once read, made a map (the
 * mapping is described in journey-mermaid-read.h and in the help).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-mermaid"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "journey-edit.h"
#include "journey-mermaid-private.h"

#define MAX_ID_LENGTH 48

/**
 * journey_mermaid_id_from_title:
 * @fallback: the id when @title has no letter or digit
 *
 * Returns: (transfer full): an id made from @title ("Sign up!" gives
 *   "sign-up"; "Café" gives "cafe")
 */
char *
journey_mermaid_id_from_title (const char *title,
                               const char *fallback)
{
  g_autofree char *ascii = NULL;
  GString *id = g_string_new (NULL);
  gboolean dash = FALSE;

  g_return_val_if_fail (fallback != NULL, NULL);

  ascii = title != NULL ? g_str_to_ascii (title, "C") : g_strdup ("");
  for (const char *p = ascii; *p != '\0' && id->len < MAX_ID_LENGTH; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && id->len > 0)
            g_string_append_c (id, '-');
          g_string_append_c (id, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  if (id->len == 0)
    g_string_append (id, fallback);
  return g_string_free (id, FALSE);
}

/* An id made from @title that @taken does not hold yet ("step", then
 * "step-2", "step-3"); @taken keeps it, with the next number to try
 * after it. */
static char *
unique_id (GHashTable *taken,
           const char *title,
           const char *fallback)
{
  g_autofree char *base = journey_mermaid_id_from_title (title, fallback);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (taken, base));
  char *id;

  if (n == 0)
    {
      g_hash_table_insert (taken, g_strdup (base), GUINT_TO_POINTER (2));
      return g_steal_pointer (&base);
    }
  for (id = g_strdup_printf ("%s-%u", base, n); g_hash_table_contains (taken, id);
       id = g_strdup_printf ("%s-%u", base, ++n))
    g_free (id);
  g_hash_table_insert (taken, g_steal_pointer (&base), GUINT_TO_POINTER (n + 1));
  g_hash_table_insert (taken, g_strdup (id), GUINT_TO_POINTER (2));
  return id;
}

/* The scale of the scores: 1–5 when every score is within it, else the
 * smallest preset that holds them all, else the widest. */
static JourneyScale *
choose_scale (Parser *self)
{
  const JourneyScalePreset *presets, *best = NULL, *widest = NULL;
  double lo = INFINITY, hi = -INFINITY;
  guint n_presets;

  for (guint i = 0; i < self->tasks->len; i++)
    {
      Task *task = g_ptr_array_index (self->tasks, i);

      if (!isnan (task->score))
        {
          lo = MIN (lo, task->score);
          hi = MAX (hi, task->score);
        }
    }
  if (lo > hi || (lo >= 1 && hi <= 5))
    return journey_scale_new_from_preset (journey_scale_find_preset ("csat"));

  presets = journey_scale_get_presets (&n_presets);
  for (guint i = 0; i < n_presets; i++)
    {
      const JourneyScalePreset *preset = &presets[i];

      if (widest == NULL || preset->max - preset->min > widest->max - widest->min)
        widest = preset;
      if (preset->min <= lo && hi <= preset->max &&
          (best == NULL || preset->max - preset->min < best->max - best->min))
        best = preset;
    }
  return journey_scale_new_from_preset (best != NULL ? best : widest);
}

static void
add_lanes (Parser     *self,
           JourneyMap *map,
           GHashTable *lane_of_actor)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->tasks->len; i++)
    {
      Task *task = g_ptr_array_index (self->tasks, i);

      for (guint k = 0; task->actors[k] != NULL; k++)
        {
          g_autoptr(JourneyLane) lane = NULL;
          g_autofree char *id = NULL;
          gboolean first = journey_list_get_length (map->lanes) == 0;

          if (g_hash_table_contains (lane_of_actor, task->actors[k]))
            continue;
          id = unique_id (ids, task->actors[k], "lane");
          lane = g_object_new (JOURNEY_TYPE_LANE, "id", id, "name", task->actors[k],
                               "kind", first ? JOURNEY_LANE_CUSTOMER : JOURNEY_LANE_ONSTAGE, NULL);
          g_hash_table_insert (lane_of_actor, g_strdup (task->actors[k]), g_strdup (id));
          journey_list_append (map->lanes, lane);
        }
    }

  if (journey_list_get_length (map->lanes) == 0)
    {
      g_autoptr(JourneyLane) lane = g_object_new (JOURNEY_TYPE_LANE, "id", "customer", "name", _("Customer"),
                                                  "kind", JOURNEY_LANE_CUSTOMER, NULL);

      journey_list_append (map->lanes, lane);
    }
}

static void
add_stages (Parser     *self,
            JourneyMap *map)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);
      g_autofree char *id = unique_id (ids, section->name, "stage");
      g_autoptr(JourneyStage) stage = g_object_new (JOURNEY_TYPE_STAGE, "id", id, "name", section->name,
                                                    "length", (double) MAX (1, section->n_tasks), NULL);

      journey_list_append (map->stages, stage);
    }
  /* A diagram without sections or tasks still has a timeline. */
  if (self->sections->len == 0)
    {
      g_autoptr(JourneyStage) stage = g_object_new (JOURNEY_TYPE_STAGE, "id", "stage", "length", 1.0, NULL);

      journey_list_append (map->stages, stage);
    }
}

static JourneyTouchpoint *
new_touchpoint (Parser     *self,
                JourneyMap *map,
                Task       *task,
                const char *id,
                const char *lane,
                double      time)
{
  g_autofree char *also = NULL;
  double satisfaction = journey_scale_get_middle (map->scale);

  if (!isnan (task->score))
    {
      satisfaction = journey_map_clamp_to_scale (map, task->score);
      if (satisfaction != task->score)
        journey_mermaid_warn (self, task->place,
              g_strdup_printf (_("the score %g of the task “%s” is beyond every scale: it is made %g"),
                               task->score, task->name, satisfaction));
    }
  if (task->actors[0] != NULL && task->actors[1] != NULL)
    {
      g_autofree char *others = g_strjoinv (", ", task->actors + 1);

      /* TRANSLATORS: the description of a touchpoint read from Mermaid;
       * %s lists the task's actors after its first one */
      also = g_strdup_printf (_("Also: %s"), others);
    }

  return g_object_new (JOURNEY_TYPE_TOUCHPOINT,
                       "id", id,
                       "title", task->name,
                       "lane", lane,
                       "time", time,
                       "satisfaction", satisfaction,
                       "description", also,
                       NULL);
}

static void
add_touchpoints (Parser     *self,
                 JourneyMap *map,
                 GHashTable *lane_of_actor)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *done = g_new0 (guint, MAX (1, self->sections->len));
  const char *customer = ((JourneyLane *) journey_list_peek (map->lanes, 0))->id;

  for (guint i = 0; i < self->tasks->len; i++)
    {
      Task *task = g_ptr_array_index (self->tasks, i);
      const char *lane = task->actors[0] != NULL ? g_hash_table_lookup (lane_of_actor, task->actors[0]) : customer;
      double time = journey_map_get_stage_start (map, task->section) + done[task->section]++ + 0.5;
      g_autofree char *id = unique_id (ids, task->name, "touchpoint");
      g_autoptr(JourneyTouchpoint) touchpoint = new_touchpoint (self, map, task, id, lane, time);

      journey_list_append (map->touchpoints, touchpoint);
    }
}

JourneyMap *
journey_mermaid_build_map (Parser     *self,
           GHashTable *map_ids)
{
  g_autoptr(GHashTable) lane_of_actor = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JourneyScale) scale = choose_scale (self);
  const char *title = self->title != NULL ? self->title : self->acc_title;
  g_autofree char *id = unique_id (map_ids, title, "journey");
  JourneyMap *map;

  map = g_object_new (JOURNEY_TYPE_MAP,
                      "id", id,
                      "title", title != NULL ? title : _("Mermaid journey"),
                      "objective", self->acc_descr,
                      "scale", scale,
                      NULL);
  add_stages (self, map);
  add_lanes (self, map, lane_of_actor);
  add_touchpoints (self, map, lane_of_actor);
  return map;
}
