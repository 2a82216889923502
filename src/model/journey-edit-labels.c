/* journey-edit-labels.c: the names of the undo steps that more than one
 * part of Journeys makes (the model's edits, the canvas's drags, the
 * inspector's sliders), built once.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "journey-edit.h"

/**
 * journey_edit_label_touchpoints:
 * @first: the touchpoint edited, or the first of them
 * @n: how many are edited
 *
 * Returns: (transfer full): "Move “title”" for one, "Move 3 Touchpoints"
 *   for several; likewise "Delete" and "Duplicate"
 */
char *
journey_edit_label_touchpoints (JourneyEditVerb    verb,
                                JourneyTouchpoint *first,
                                guint              n)
{
  const char *name;

  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (first), NULL);

  name = journey_touchpoint_get_display_name (first);
  switch (verb)
    {
    case JOURNEY_EDIT_MOVE:
      if (n == 1)
        /* Translators: an undo step; %s is a touchpoint's title */
        return g_strdup_printf (_("Move “%s”"), name);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u Touchpoint", "Move %u Touchpoints", n), n);
    case JOURNEY_EDIT_DELETE:
      if (n == 1)
        /* Translators: an undo step; %s is a touchpoint's title */
        return g_strdup_printf (_("Delete “%s”"), name);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Touchpoint", "Delete %u Touchpoints", n), n);
    case JOURNEY_EDIT_DUPLICATE:
      if (n == 1)
        /* Translators: an undo step; %s is a touchpoint's title */
        return g_strdup_printf (_("Duplicate “%s”"), name);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Duplicate %u Touchpoint", "Duplicate %u Touchpoints",
                                           n), n);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
journey_edit_label_move (JourneyTouchpoint *first,
                         guint              n)
{
  return journey_edit_label_touchpoints (JOURNEY_EDIT_MOVE, first, n);
}

/**
 * journey_edit_label_set_on_scale:
 * @target: the target (to-be satisfaction), else the satisfaction
 *
 * Returns: (transfer full): "Set Satisfaction of “title”" or "Set Target
 *   of “title”"
 */
char *
journey_edit_label_set_on_scale (JourneyTouchpoint *touchpoint,
                                 gboolean           target)
{
  const char *name;

  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), NULL);

  name = journey_touchpoint_get_display_name (touchpoint);
  if (target)
    /* Translators: an undo step; %s is a touchpoint's title */
    return g_strdup_printf (_("Set Target of “%s”"), name);
  /* Translators: an undo step; %s is a touchpoint's title */
  return g_strdup_printf (_("Set Satisfaction of “%s”"), name);
}

/**
 * journey_edit_label_resize:
 *
 * Returns: (transfer full): "Resize “name”", the step that changes how
 *   long @stage is
 */
char *
journey_edit_label_resize (JourneyStage *stage)
{
  g_return_val_if_fail (JOURNEY_IS_STAGE (stage), NULL);

  /* Translators: an undo step; %s is the name of a stage of the timeline */
  return g_strdup_printf (_("Resize “%s”"), journey_stage_get_display_name (stage));
}
