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

/**
 * journey_project_foreach_use:
 * @kind: %JOURNEY_TYPE_PERSONA or %JOURNEY_TYPE_CHANNEL: what the project
 *   holds (a lane's uses are its map's: journey_map_foreach_use())
 * @func: (nullable) (scope call): called for each use
 *
 * journey_map_foreach_use() over every map of @project.
 *
 * Returns: how many uses there are
 */
guint
journey_project_foreach_use (JourneyProject *project,
                             GType           kind,
                             const char     *id,
                             JourneyUseFunc  func,
                             gpointer        user_data)
{
  guint count = 0;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), 0);
  g_return_val_if_fail (kind == JOURNEY_TYPE_PERSONA || kind == JOURNEY_TYPE_CHANNEL, 0);

  for (guint m = 0; m < journey_list_get_length (project->maps); m++)
    count += journey_map_foreach_use (journey_list_peek (project->maps, m), kind, id, func, user_data);
  return count;
}

guint
journey_project_count_persona_uses (JourneyProject *project,
                                    const char     *id)
{
  return journey_project_foreach_use (project, JOURNEY_TYPE_PERSONA, id, NULL, NULL);
}

guint
journey_project_count_channel_uses (JourneyProject *project,
                                    const char     *id)
{
  return journey_project_foreach_use (project, JOURNEY_TYPE_CHANNEL, id, NULL, NULL);
}
