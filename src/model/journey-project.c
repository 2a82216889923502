/* journey-project.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include "journey-model.h"

#define REQ  JOURNEY_FIELD_REQUIRED
#define ALW  JOURNEY_FIELD_ALWAYS

static const JourneyField project_fields[] = {
  JOURNEY_FIELD (JourneyProject, format, "format", STRING, REQ, 0, NULL),
  JOURNEY_FIELD (JourneyProject, version, "version", INT, REQ, JOURNEY_FORMAT_VERSION, NULL),
  JOURNEY_FIELD (JourneyProject, title, "title", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyProject, personas, "personas", LIST, 0, 0, journey_persona_get_type),
  JOURNEY_FIELD (JourneyProject, channels, "channels", LIST, 0, 0, journey_channel_get_type),
  JOURNEY_FIELD (JourneyProject, maps, "maps", LIST, REQ, 0, journey_map_get_type),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyProject, journey_project, project_fields)

/**
 * journey_project_new:
 *
 * Returns: (transfer full): an empty project of the current format version
 */
JourneyProject *
journey_project_new (void)
{
  JourneyProject *self = g_object_new (JOURNEY_TYPE_PROJECT, NULL);

  self->format = g_strdup ("journeys");
  return self;
}

/**
 * journey_project_find_map:
 *
 * Returns: (transfer none) (nullable): the map with @id
 */
JourneyMap *
journey_project_find_map (JourneyProject *self,
                          const char     *id)
{
  g_return_val_if_fail (JOURNEY_IS_PROJECT (self), NULL);

  return journey_item_list_find (self->maps, id, NULL);
}

JourneyPersona *
journey_project_find_persona (JourneyProject *self,
                              const char     *id)
{
  g_return_val_if_fail (JOURNEY_IS_PROJECT (self), NULL);

  return journey_item_list_find (self->personas, id, NULL);
}

JourneyChannel *
journey_project_find_channel (JourneyProject *self,
                              const char     *id)
{
  g_return_val_if_fail (JOURNEY_IS_PROJECT (self), NULL);

  return journey_item_list_find (self->channels, id, NULL);
}

guint
journey_project_count_persona_uses (JourneyProject *project,
                                    const char     *id)
{
  guint count = 0;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), 0);

  for (guint m = 0; m < journey_list_get_length (project->maps); m++)
    count += g_strcmp0 (((JourneyMap *) journey_list_peek (project->maps, m))->persona, id) == 0;
  return count;
}

guint
journey_project_count_channel_uses (JourneyProject *project,
                                    const char     *id)
{
  guint count = 0;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), 0);

  for (guint m = 0; m < journey_list_get_length (project->maps); m++)
    {
      JourneyMap *map = journey_list_peek (project->maps, m);

      for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
        count += g_strcmp0 (((JourneyTouchpoint *) journey_list_peek (map->touchpoints, i))->channel, id) == 0;
    }
  return count;
}
