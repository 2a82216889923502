/* journey-history.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>
#include <math.h>
#include <string.h>

#include "journey-history-private.h"

G_DEFINE_FINAL_TYPE (JourneyHistory, journey_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DIRTY,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  gboolean    can_undo;
  gboolean    can_redo;
  gboolean    dirty;
  const char *undo_label;
  const char *redo_label;
} State;

static State
get_state (JourneyHistory *self)
{
  State state;

  state.can_undo = journey_history_can_undo (self);
  state.can_redo = journey_history_can_redo (self);
  state.dirty = journey_history_is_dirty (self);
  state.undo_label = journey_history_get_undo_label (self);
  state.redo_label = journey_history_get_redo_label (self);
  return state;
}

/* Notifies the properties that changed since @before, and emits
 * "changed" when @stepped: a step was done, undone or redone. */
static void
notify_state (JourneyHistory *self,
              const State    *before,
              gboolean        stepped)
{
  State after = get_state (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->dirty != after.dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  if (before->undo_label != after.undo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before->redo_label != after.redo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));

  if (stepped)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
notify_changes (JourneyHistory *self,
                const State    *before)
{
  notify_state (self, before, TRUE);
}

/* Pushes a finished step onto the undo stack; the redo stack is dropped,
 * and with it the saved state if it was there.  Past
 * JOURNEY_HISTORY_MAX_STEPS the oldest step goes, and with it the saved
 * state if that was the state before it. */
static void
push_step (JourneyHistory *self,
           Command        *step)
{
  if (self->clean_depth > self->undo_stack->len)
    self->clean_reachable = FALSE;
  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, step);

  if (self->undo_stack->len > JOURNEY_HISTORY_MAX_STEPS)
    {
      g_ptr_array_remove_index (self->undo_stack, 0);
      if (self->clean_depth == 0)
        self->clean_reachable = FALSE;
      else
        self->clean_depth--;
    }
}

/* Applies @command and records it: in the open group, or as a step. */
static void
run (JourneyHistory *self,
     Command        *command)
{
  State before = get_state (self);

  journey_command_apply (command, TRUE);

  if (self->group != NULL)
    {
      GPtrArray *children = self->group->children;
      Command *last = children->len ? g_ptr_array_index (children, children->len - 1) : NULL;

      /* The stream of updates of one drag collapses into one change. */
      if (command->kind == COMMAND_SET && last != NULL && last->kind == COMMAND_SET &&
          last->object == command->object && last->pspec == command->pspec)
        {
          g_value_copy (&command->new_value, &last->new_value);
          journey_command_free (command);
        }
      else
        g_ptr_array_add (children, command);
      return;
    }

  push_step (self, command);
  notify_changes (self, &before);
}

static void
journey_history_finalize (GObject *object)
{
  JourneyHistory *self = JOURNEY_HISTORY (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->group, journey_command_free);

  G_OBJECT_CLASS (journey_history_parent_class)->finalize (object);
}

static void
journey_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JourneyHistory *self = JOURNEY_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, journey_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, journey_history_can_redo (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, journey_history_is_dirty (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, journey_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, journey_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
journey_history_class_init (JourneyHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = journey_history_finalize;
  object_class->get_property = journey_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JourneyHistory::changed:
   *
   * Emitted after every step done, undone or redone.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
journey_history_init (JourneyHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (journey_command_free);
  self->redo_stack = g_ptr_array_new_with_free_func (journey_command_free);
  self->clean_reachable = TRUE;
}

JourneyHistory *
journey_history_new (void)
{
  return g_object_new (JOURNEY_TYPE_HISTORY, NULL);
}

/**
 * journey_history_set_value:
 * @object: a model object
 * @property: the name of one of its properties
 * @value: the new value
 *
 * Sets @property of @object to @value, as an undoable step.
 *
 * Returns: %TRUE if the value changed
 */
gboolean
journey_history_set_value (JourneyHistory *self,
                           gpointer        object,
                           const char     *property,
                           const GValue   *value)
{
  GParamSpec *pspec;
  Command *command;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), FALSE);

  pspec = journey_writable_property (object, property, value);
  if (pspec == NULL)
    return FALSE;

  command = journey_set_command_new (object, pspec, value, _("Change"));
  if (command == NULL)
    return FALSE;

  run (self, command);
  return TRUE;
}

/**
 * journey_history_set_merging:
 * @object: a model object
 * @property: the name of one of its properties
 * @value: the new value
 * @label: what the step does
 * @merge_key: 0, or a key that the caller keeps while one run of typing lasts
 *
 * Sets @property of @object as one step labelled @label.  When the newest
 * step was made by this function with the same non-zero @merge_key, object
 * and property, and nothing was undone, redone or saved since, that step
 * takes the new value instead (a field's typing is one step, not one per key).
 * A merged step that ends where it began is dropped.
 *
 * Returns: %TRUE if the value changed
 */
gboolean
journey_history_set_merging (JourneyHistory *self,
                             gpointer        object,
                             const char     *property,
                             const GValue   *value,
                             const char     *label,
                             guint           merge_key)
{
  GParamSpec *pspec;
  Command *command;
  Command *top;
  State before;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), FALSE);

  pspec = journey_writable_property (object, property, value);
  if (pspec == NULL)
    return FALSE;

  command = journey_set_command_new (object, pspec, value, label);
  if (command == NULL)
    return FALSE;
  command->merge_key = merge_key;

  top = self->undo_stack->len ? g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1) : NULL;
  if (merge_key == 0 || self->group != NULL || top == NULL || self->redo_stack->len > 0 ||
      top->kind != COMMAND_SET || top->merge_key != merge_key ||
      top->object != command->object || top->pspec != pspec ||
      (self->clean_reachable && self->clean_depth == self->undo_stack->len))
    {
      run (self, command);
      return TRUE;
    }

  before = get_state (self);
  journey_command_apply (command, TRUE);
  g_value_copy (&command->new_value, &top->new_value);
  journey_command_free (command);
  if (journey_values_equal (pspec, &top->old_value, &top->new_value))
    g_ptr_array_remove_index (self->undo_stack, self->undo_stack->len - 1);
  notify_changes (self, &before);
  return TRUE;
}

/**
 * journey_history_set:
 * @object: a model object
 * @property: the name of the first property
 * @...: its value, then more name/value pairs, ending with %NULL
 *
 * Sets properties of @object as one undoable step.
 *
 * Returns: %TRUE if a value changed
 */
gboolean
journey_history_set (JourneyHistory *self,
                     gpointer        object,
                     const char     *property,
                     ...)
{
  gboolean changed = FALSE;
  va_list args;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  journey_history_begin_group (self, NULL);

  va_start (args, property);
  for (const char *name = property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property named “%s”", G_OBJECT_TYPE_NAME (object), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, G_PARAM_SPEC_VALUE_TYPE (pspec), args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }
      changed |= journey_history_set_value (self, object, name, &value);
    }
  va_end (args);

  journey_history_end_group (self);
  return changed;
}

/**
 * journey_history_insert:
 * @list: a list of the document
 * @item: an item of @list's type
 *
 * Inserts @item into @list at @position, as an undoable step.
 */
void
journey_history_insert (JourneyHistory *self,
                        JourneyList    *list,
                        guint           position,
                        gpointer        item)
{
  Command *command;

  g_return_if_fail (JOURNEY_IS_HISTORY (self));
  g_return_if_fail (JOURNEY_IS_LIST (list));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (position <= journey_list_get_length (list));

  command = journey_command_new (COMMAND_INSERT, _("Add"));
  command->list = g_object_ref (list);
  command->object = g_object_ref (item);
  command->from = position;
  if (position > 0)
    command->after = g_object_ref (journey_list_peek (list, position - 1));
  run (self, command);
}

/**
 * journey_history_remove:
 *
 * Removes the item at @position of @list, as an undoable step.
 */
void
journey_history_remove (JourneyHistory *self,
                        JourneyList    *list,
                        guint           position)
{
  Command *command;

  g_return_if_fail (JOURNEY_IS_HISTORY (self));
  g_return_if_fail (JOURNEY_IS_LIST (list));
  g_return_if_fail (position < journey_list_get_length (list));

  command = journey_command_new (COMMAND_REMOVE, _("Remove"));
  command->list = g_object_ref (list);
  command->object = g_object_ref (journey_list_peek (list, position));
  command->from = position;
  if (position > 0)
    command->after = g_object_ref (journey_list_peek (list, position - 1));
  run (self, command);
}

/**
 * journey_history_move:
 *
 * Moves the item at @from of @list to @to, as an undoable step.
 */
void
journey_history_move (JourneyHistory *self,
                      JourneyList    *list,
                      guint           from,
                      guint           to)
{
  Command *command;
  guint n;

  g_return_if_fail (JOURNEY_IS_HISTORY (self));
  g_return_if_fail (JOURNEY_IS_LIST (list));

  n = journey_list_get_length (list);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  command = journey_command_new (COMMAND_MOVE, _("Reorder"));
  command->list = g_object_ref (list);
  command->object = g_object_ref (journey_list_peek (list, from));
  command->from = from;
  command->to = to;
  if (from > 0)
    command->before = g_object_ref (journey_list_peek (list, from - 1));
  /* Once moved, it follows the item now at @to - 1, not counting itself. */
  if (to > 0)
    command->after = g_object_ref (journey_list_peek (list, to - 1 < from ? to - 1 : to));
  run (self, command);
}

/**
 * journey_history_begin_group:
 * @label: (nullable): what the step does, for "Undo @label"
 *
 * Starts a step made of several commands.  Groups nest: the step ends with
 * the outermost journey_history_end_group().
 */
void
journey_history_begin_group (JourneyHistory *self,
                             const char     *label)
{
  g_return_if_fail (JOURNEY_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    {
      self->group = journey_command_new (COMMAND_GROUP, label);
      self->group->children = g_ptr_array_new_with_free_func (journey_command_free);
    }
  else if (self->group->label == NULL && label != NULL)
    self->group->label = g_strdup (label);
}

void
journey_history_end_group (JourneyHistory *self)
{
  Command *group;
  State before;

  g_return_if_fail (JOURNEY_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (group->children->len == 0)
    {
      journey_command_free (group);
      return;
    }

  if (group->label == NULL)
    {
      Command *first = g_ptr_array_index (group->children, 0);
      group->label = g_strdup (first->label);
    }

  /* The notifications were held back while the group was open. */
  before = get_state (self);
  push_step (self, group);
  notify_changes (self, &before);
}

/**
 * journey_history_abort_group:
 *
 * Takes back what the open step did so far and closes it, however deeply
 * its groups are nested, leaving no step: Escape during a drag.  The undo
 * and redo stacks stay as they were.  Emits "changed" when the step had
 * changed anything.
 */
void
journey_history_abort_group (JourneyHistory *self)
{
  g_autoptr(GPtrArray) children = NULL;
  Command *group;
  State before;

  g_return_if_fail (JOURNEY_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth = 0;
  group = g_steal_pointer (&self->group);
  children = g_steal_pointer (&group->children);
  journey_command_free (group);
  if (children->len == 0)
    return;

  before = get_state (self);
  for (guint i = children->len; i > 0; i--)
    journey_command_apply (g_ptr_array_index (children, i - 1), FALSE);
  notify_changes (self, &before);
}

gboolean
journey_history_can_undo (JourneyHistory *self)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0 && self->group == NULL;
}

gboolean
journey_history_can_redo (JourneyHistory *self)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0 && self->group == NULL;
}

/**
 * journey_history_get_undo_label:
 *
 * Returns: (nullable): what undo would take back
 */
const char *
journey_history_get_undo_label (JourneyHistory *self)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  return ((Command *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->label;
}

/**
 * journey_history_get_redo_label:
 *
 * Returns: (nullable): what redo would do again
 */
const char *
journey_history_get_redo_label (JourneyHistory *self)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  return ((Command *) g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1))->label;
}

/* Undoes the last step of @from (redoes it when @forward) and keeps it on
 * @to. */
static void
move_step (JourneyHistory *self,
           GPtrArray      *from,
           GPtrArray      *to,
           gboolean        forward)
{
  State before = get_state (self);
  Command *step = g_ptr_array_steal_index (from, from->len - 1);

  journey_command_apply (step, forward);
  g_ptr_array_add (to, step);
  notify_changes (self, &before);
}

gboolean
journey_history_undo (JourneyHistory *self)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), FALSE);

  if (!journey_history_can_undo (self))
    return FALSE;
  move_step (self, self->undo_stack, self->redo_stack, FALSE);
  return TRUE;
}

gboolean
journey_history_redo (JourneyHistory *self)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), FALSE);

  if (!journey_history_can_redo (self))
    return FALSE;
  move_step (self, self->redo_stack, self->undo_stack, TRUE);
  return TRUE;
}

/**
 * journey_history_get_n_steps:
 *
 * Returns: how many steps can be undone
 */
guint
journey_history_get_n_steps (JourneyHistory *self)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), 0);

  return self->undo_stack->len;
}

gboolean
journey_history_is_dirty (JourneyHistory *self)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (self), FALSE);

  return !self->clean_reachable || self->clean_depth != self->undo_stack->len;
}

/**
 * journey_history_mark_clean:
 *
 * Says that the document was saved as it is now.
 */
void
journey_history_mark_clean (JourneyHistory *self)
{
  State before;

  g_return_if_fail (JOURNEY_IS_HISTORY (self));

  before = get_state (self);
  self->clean_depth = self->undo_stack->len;
  self->clean_reachable = TRUE;
  /* Only "dirty" changes: the map is as it was. */
  notify_state (self, &before, FALSE);
}

/**
 * journey_history_mark_modified:
 *
 * Says that the document differs from its file in a way the history does
 * not hold (it was recovered from an autosave): it stays dirty until saved.
 */
void
journey_history_mark_modified (JourneyHistory *self)
{
  State before;

  g_return_if_fail (JOURNEY_IS_HISTORY (self));

  before = get_state (self);
  self->clean_reachable = FALSE;
  notify_state (self, &before, FALSE);
}

/**
 * journey_history_changed_outside:
 *
 * The document was changed, not by a step of this history (a followed
 * survey's update, SPEC §10 "The history"): it is modified, and "changed"
 * tells the views, but nothing is added to undo.  The same as a change
 * made between journey_history_begin_outside() and
 * journey_history_end_outside(), which a change inside such a run waits
 * for.
 */
void
journey_history_changed_outside (JourneyHistory *self)
{
  g_return_if_fail (JOURNEY_IS_HISTORY (self));

  journey_history_begin_outside (self);
  self->outside_changed = TRUE;
  journey_history_end_outside (self);
}

/**
 * journey_history_clear:
 *
 * Forgets every step; the document is clean.
 */
void
journey_history_clear (JourneyHistory *self)
{
  State before;

  g_return_if_fail (JOURNEY_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  before = get_state (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->clean_depth = 0;
  self->clean_reachable = TRUE;
  notify_changes (self, &before);
}

/* -- Changes from outside (the rest in journey-history-outside.c) ------- */

void
journey_history_end_outside (JourneyHistory *self)
{
  State before;

  g_return_if_fail (JOURNEY_IS_HISTORY (self));
  g_return_if_fail (self->outside_depth > 0);

  if (--self->outside_depth > 0 || !self->outside_changed)
    return;

  self->outside_changed = FALSE;
  before = get_state (self);
  self->clean_reachable = FALSE;
  notify_changes (self, &before);
}
