/* journey-history-command.c: the commands the history records, each of
 * which knows how to apply and revert itself.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-history"

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-history-private.h"

void
journey_command_free (gpointer data)
{
  Command *command = data;

  g_free (command->label);
  g_clear_object (&command->object);
  if (G_IS_VALUE (&command->old_value))
    g_value_unset (&command->old_value);
  if (G_IS_VALUE (&command->new_value))
    g_value_unset (&command->new_value);
  g_clear_object (&command->list);
  g_clear_object (&command->after);
  g_clear_object (&command->before);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  g_free (command);
}

Command *
journey_command_new (CommandKind kind,
                     const char *label)
{
  Command *command = g_new0 (Command, 1);

  command->kind = kind;
  command->label = g_strdup (label);
  return command;
}

/* Where an item goes that follows @anchor (NULL: the start); @hint when
 * @anchor has left the list since. */
static guint
position_after (JourneyList *list,
                GObject     *anchor,
                guint        hint)
{
  guint position;

  if (anchor == NULL)
    return 0;
  if (journey_list_find (list, anchor, &position))
    return position + 1;
  return MIN (hint, journey_list_get_length (list));
}

/* The position that the item at @from moves to so that it follows
 * @anchor, for journey_list_move(). */
static guint
move_target (JourneyList *list,
             guint        from,
             GObject     *anchor,
             guint        hint)
{
  guint position;

  if (anchor == NULL)
    return 0;
  if (journey_list_find (list, anchor, &position))
    return position < from ? position + 1 : position;
  return MIN (hint, journey_list_get_length (list) - 1);
}

void
journey_command_apply (Command *command,
                       gboolean forward)
{
  guint position;

  switch (command->kind)
    {
    case COMMAND_SET:
      g_object_set_property (command->object, command->pspec->name,
                             forward ? &command->new_value : &command->old_value);
      break;

    case COMMAND_INSERT:
    case COMMAND_REMOVE:
      if (forward == (command->kind == COMMAND_INSERT))
        journey_list_insert (command->list, position_after (command->list, command->after, command->from),
                             command->object);
      else if (journey_list_find (command->list, command->object, &position))
        g_object_unref (journey_list_steal (command->list, position));
      break;

    case COMMAND_MOVE:
      if (journey_list_find (command->list, command->object, &position))
        journey_list_move (command->list, position,
                           move_target (command->list, position,
                                        forward ? command->after : command->before,
                                        forward ? command->to : command->from));
      break;

    case COMMAND_GROUP:
      if (forward)
        for (guint i = 0; i < command->children->len; i++)
          journey_command_apply (g_ptr_array_index (command->children, i), TRUE);
      else
        for (guint i = command->children->len; i > 0; i--)
          journey_command_apply (g_ptr_array_index (command->children, i - 1), FALSE);
      break;

    default:
      g_assert_not_reached ();
    }
}

gboolean
journey_values_equal (GParamSpec   *pspec,
                      const GValue *a,
                      const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRV)
    {
      const char * const empty[] = { NULL };
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      return g_strv_equal (sa ? sa : empty, sb ? sb : empty);
    }
  if (type == G_TYPE_DOUBLE)
    {
      double da = g_value_get_double (a);
      double db = g_value_get_double (b);

      return da == db || (isnan (da) && isnan (db));
    }
  if (type == G_TYPE_ARRAY)
    {
      GArray *aa = g_value_get_boxed (a);
      GArray *ab = g_value_get_boxed (b);

      if (aa == ab)
        return TRUE;
      if (aa == NULL || ab == NULL || aa->len != ab->len || g_array_get_element_size (aa) != g_array_get_element_size (ab))
        return FALSE;
      return aa->len == 0 || memcmp (aa->data, ab->data, aa->len * g_array_get_element_size (aa)) == 0;
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

GParamSpec *
journey_writable_property (gpointer      object,
                           const char   *property,
                           const GValue *value)
{
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail (pspec->flags & G_PARAM_WRITABLE, NULL);
  return pspec;
}

Command *
journey_set_command_new (gpointer      object,
                         GParamSpec   *pspec,
                         const GValue *value,
                         const char   *label)
{
  Command *command = journey_command_new (COMMAND_SET, label);

  command->object = g_object_ref (object);
  command->pspec = pspec;
  g_value_init (&command->old_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_init (&command->new_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, pspec->name, &command->old_value);
  if (!g_value_transform (value, &command->new_value))
    {
      g_critical ("Cannot set property %s from a value of type %s",
                  pspec->name, G_VALUE_TYPE_NAME (value));
      journey_command_free (command);
      return NULL;
    }

  if (journey_values_equal (pspec, &command->old_value, &command->new_value))
    {
      journey_command_free (command);
      return NULL;
    }
  return command;
}
