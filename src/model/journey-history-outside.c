/* journey-history-outside.c: changes from outside the history (a
 * session's participants, a followed survey), applied at once and never on
 * the undo stack.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-history"

#include "config.h"

#include <math.h>

#include "journey-history-private.h"

/* Shifts the values that @command (and the commands of a group) set on
 * @pspec of @object by @delta, so that undoing a facilitator's change
 * takes back that change only, not what came from outside since. */
static void
rebase_command (Command    *command,
                GObject    *object,
                GParamSpec *pspec,
                double      delta)
{
  if (command->kind == COMMAND_GROUP)
    {
      for (guint i = 0; i < command->children->len; i++)
        rebase_command (g_ptr_array_index (command->children, i), object, pspec, delta);
      return;
    }
  if (command->kind != COMMAND_SET || command->object != object || command->pspec != pspec)
    return;

  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      int d = (int) delta;

      g_value_set_int (&command->old_value, CLAMP (g_value_get_int (&command->old_value) + d,
                                                   ispec->minimum, ispec->maximum));
      g_value_set_int (&command->new_value, CLAMP (g_value_get_int (&command->new_value) + d,
                                                   ispec->minimum, ispec->maximum));
    }
  else if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_DOUBLE)
    {
      g_value_set_double (&command->old_value, g_value_get_double (&command->old_value) + delta);
      g_value_set_double (&command->new_value, g_value_get_double (&command->new_value) + delta);
    }
}

static void
rebase_all (JourneyHistory *self,
            GObject        *object,
            GParamSpec     *pspec,
            double          delta)
{
  for (guint i = 0; i < self->undo_stack->len; i++)
    rebase_command (g_ptr_array_index (self->undo_stack, i), object, pspec, delta);
  for (guint i = 0; i < self->redo_stack->len; i++)
    rebase_command (g_ptr_array_index (self->redo_stack, i), object, pspec, delta);
  if (self->group != NULL)
    rebase_command (self->group, object, pspec, delta);
}

/**
 * journey_history_begin_outside:
 *
 * Starts a batch of changes from outside the history: the input of a
 * session's participants, the updates of a followed survey (SPEC §10, "The
 * history").  They apply at once and mark the document changed, but they
 * are not on the undo stack, never join an open step (a drag), and undo,
 * redo and journey_history_abort_group() never take them back.  "changed"
 * is emitted once, at the end of the outermost batch, when anything
 * changed.
 */
void
journey_history_begin_outside (JourneyHistory *self)
{
  g_return_if_fail (JOURNEY_IS_HISTORY (self));

  self->outside_depth++;
}

/**
 * journey_history_set_outside:
 * @object: a model object
 * @property: the name of one of its properties
 * @value: the new value
 *
 * Sets @property of @object from outside the history (see
 * journey_history_begin_outside()).  Where the facilitator's steps set the
 * same whole-number or real property (a vote count), their values shift
 * with it, so that undo takes back their own change only; any other value
 * is the last writer's.
 *
 * Returns: %TRUE if the value changed
 */
gboolean
journey_history_set_outside (JourneyHistory *self,
                             gpointer        object,
                             const char     *property,
                             const GValue   *value)
{
  GParamSpec *pspec;
  Command *command;
  double delta = 0;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), FALSE);

  pspec = journey_writable_property (object, property, value);
  if (pspec == NULL)
    return FALSE;

  /* A command is the one place that compares and converts values. */
  command = journey_set_command_new (object, pspec, value, NULL);
  if (command == NULL)
    return FALSE;

  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT)
    delta = g_value_get_int (&command->new_value) - g_value_get_int (&command->old_value);
  else if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_DOUBLE)
    delta = g_value_get_double (&command->new_value) - g_value_get_double (&command->old_value);

  journey_history_begin_outside (self);
  journey_command_apply (command, TRUE);
  if (delta != 0 && isfinite (delta))
    rebase_all (self, object, pspec, delta);
  journey_command_free (command);
  self->outside_changed = TRUE;
  journey_history_end_outside (self);
  return TRUE;
}

/**
 * journey_history_insert_outside:
 * @list: a list of the document
 * @item: an item of @list's type
 *
 * Inserts @item into @list at @position from outside the history (see
 * journey_history_begin_outside()).
 */
void
journey_history_insert_outside (JourneyHistory *self,
                                JourneyList    *list,
                                guint           position,
                                gpointer        item)
{
  g_return_if_fail (JOURNEY_IS_HISTORY (self));
  g_return_if_fail (JOURNEY_IS_LIST (list));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (position <= journey_list_get_length (list));

  journey_history_begin_outside (self);
  journey_list_insert (list, position, item);
  self->outside_changed = TRUE;
  journey_history_end_outside (self);
}

/**
 * journey_history_remove_outside:
 * @list: a list of the document
 * @item: an item of @list
 *
 * Removes @item from @list from outside the history (see
 * journey_history_begin_outside()).
 *
 * Returns: %TRUE if @item was in @list
 */
gboolean
journey_history_remove_outside (JourneyHistory *self,
                                JourneyList    *list,
                                gpointer        item)
{
  guint position;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (JOURNEY_IS_LIST (list), FALSE);

  if (!journey_list_find (list, item, &position))
    return FALSE;

  journey_history_begin_outside (self);
  g_object_unref (journey_list_steal (list, position));
  self->outside_changed = TRUE;
  journey_history_end_outside (self);
  return TRUE;
}
