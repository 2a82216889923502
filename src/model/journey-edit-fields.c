/* journey-edit-fields.c: the inspector's edits of fields and lists: a
 * value, a string, a value shared by several touchpoints, the strings of
 * a list, actions, comments and votes.
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

#include "journey-edit-private.h"

gboolean
journey_edit_set_value (JourneyHistory *history,
                        gpointer        item,
                        const char     *property,
                        const GValue   *value,
                        const char     *label,
                        guint           merge_key)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  return journey_history_set_merging (history, item, property, value, label, merge_key);
}

gboolean
journey_edit_set_string (JourneyHistory *history,
                         gpointer        item,
                         const char     *property,
                         const char     *text,
                         const char     *label,
                         guint           merge_key)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return journey_edit_set_value (history, item, property, &value, label, merge_key);
}

gboolean
journey_edit_set_shared (JourneyHistory           *history,
                         JourneyTouchpoint *const *touchpoints,
                         guint                     n,
                         const char               *property,
                         const GValue             *value,
                         const char               *label)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (n == 0 || touchpoints != NULL, FALSE);

  journey_history_begin_group (history, label);
  for (guint i = 0; i < n; i++)
    changed |= journey_history_set_value (history, touchpoints[i], property, value);
  journey_history_end_group (history);
  return changed;
}

static gboolean
set_strv (JourneyHistory *history,
          gpointer        item,
          const char     *property,
          GStrv           strv,
          const char     *label,
          guint           merge_key)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv);
  return journey_edit_set_value (history, item, property, &value, label, merge_key);
}

gboolean
journey_edit_set_string_at (JourneyHistory    *history,
                            JourneyTouchpoint *touchpoint,
                            const char        *property,
                            guint              position,
                            const char        *text,
                            const char        *label,
                            guint              merge_key)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  g_object_get (touchpoint, property, &old, NULL);
  n = old != NULL ? g_strv_length (old) : 0;
  g_return_val_if_fail (position <= n, FALSE);

  for (guint i = 0; i < n; i++)
    {
      if (i != position)
        g_strv_builder_add (builder, old[i]);
      else if (text != NULL)
        g_strv_builder_add (builder, text);
    }
  if (position == n && text != NULL)
    g_strv_builder_add (builder, text);
  strv = g_strv_builder_end (builder);
  return set_strv (history, touchpoint, property, strv, label, merge_key);
}

gboolean
journey_edit_move_string (JourneyHistory    *history,
                          JourneyTouchpoint *touchpoint,
                          const char        *property,
                          guint              from,
                          guint              to,
                          const char        *label)
{
  g_auto(GStrv) strv = NULL;
  char *moved;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  g_object_get (touchpoint, property, &strv, NULL);
  n = strv != NULL ? g_strv_length (strv) : 0;
  if (from >= n || to >= n || from == to)
    return FALSE;

  moved = strv[from];
  if (from < to)
    memmove (&strv[from], &strv[from + 1], (to - from) * sizeof (char *));
  else
    memmove (&strv[to + 1], &strv[to], (from - to) * sizeof (char *));
  strv[to] = moved;
  return set_strv (history, touchpoint, property, strv, label, 0);
}

JourneyAction *
journey_edit_add_action (JourneyHistory    *history,
                         JourneyTouchpoint *touchpoint,
                         const char        *text)
{
  g_autoptr(JourneyAction) action = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), NULL);

  action = g_object_new (JOURNEY_TYPE_ACTION, "text", text ? text : "", NULL);
  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Add an Action to “%s”"), journey_touchpoint_get_display_name (touchpoint));
  journey_edit_append (history, touchpoint->actions, action, label);
  return action;
}

JourneyComment *
journey_edit_add_comment (JourneyHistory    *history,
                          JourneyTouchpoint *touchpoint,
                          const char        *author,
                          const char        *text)
{
  g_autoptr(JourneyComment) comment = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), NULL);

  comment = g_object_new (JOURNEY_TYPE_COMMENT,
                          "author", author,
                          "text", text ? text : "",
                          "created", created,
                          NULL);
  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Add a Comment to “%s”"), journey_touchpoint_get_display_name (touchpoint));
  journey_edit_append (history, touchpoint->comments, comment, label);
  return comment;
}

void
journey_edit_list_remove (JourneyHistory *history,
                          JourneyList    *list,
                          guint           position,
                          const char     *label)
{
  g_return_if_fail (JOURNEY_IS_HISTORY (history));
  g_return_if_fail (JOURNEY_IS_LIST (list));

  if (position >= journey_list_get_length (list))
    return;
  journey_history_begin_group (history, label);
  journey_history_remove (history, list, position);
  journey_history_end_group (history);
}

void
journey_edit_list_move (JourneyHistory *history,
                        JourneyList    *list,
                        guint           from,
                        guint           to,
                        const char     *label)
{
  guint n;

  g_return_if_fail (JOURNEY_IS_HISTORY (history));
  g_return_if_fail (JOURNEY_IS_LIST (list));

  n = journey_list_get_length (list);
  if (from >= n || to >= n || from == to)
    return;
  journey_history_begin_group (history, label);
  journey_history_move (history, list, from, to);
  journey_history_end_group (history);
}

gboolean
journey_edit_vote (JourneyHistory    *history,
                   JourneyTouchpoint *touchpoint,
                   int                delta)
{
  g_autofree char *label = NULL;
  int votes;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  votes = MAX (0, touchpoint->votes + delta);
  if (votes == touchpoint->votes)
    return FALSE;
  if (delta > 0)
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Vote for “%s”"), journey_touchpoint_get_display_name (touchpoint));
  else
    /* Translators: an undo step; %s is a touchpoint's title */
    label = g_strdup_printf (_("Take Back a Vote for “%s”"), journey_touchpoint_get_display_name (touchpoint));
  journey_history_begin_group (history, label);
  journey_history_set (history, touchpoint, "votes", votes, NULL);
  journey_history_end_group (history);
  return TRUE;
}

