/* journey-history-private.h: the commands the history records.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-history.h"

G_BEGIN_DECLS

/* A command knows how to apply and revert itself (Dia's apply/revert);
 * a group holds the commands of one step (Glade's collapsing of a drag). */
typedef enum
{
  COMMAND_SET,
  COMMAND_INSERT,
  COMMAND_REMOVE,
  COMMAND_MOVE,
  COMMAND_GROUP,
} CommandKind;

typedef struct
{
  CommandKind  kind;
  char        *label;
  GObject     *object;    /* SET: the object; INSERT, REMOVE: the item */
  GParamSpec  *pspec;     /* SET */
  GValue       old_value; /* SET */
  GValue       new_value; /* SET */
  JourneyList *list;      /* INSERT, REMOVE, MOVE; MOVE: object is the item */
  guint        from;      /* INSERT, REMOVE: the position; MOVE: from (hints only) */
  guint        to;        /* MOVE (a hint only) */
  GObject     *after;     /* INSERT, REMOVE: the item before @object, NULL at
                           * the start; MOVE: the item before it at @to */
  GObject     *before;    /* MOVE: the item before it at @from */
  GPtrArray   *children;  /* GROUP */
  guint        merge_key; /* SET pushed by journey_history_set_merging(), else 0 */
} Command;

Command *journey_command_new      (CommandKind   kind,
                                   const char   *label);
void     journey_command_free     (gpointer      data);
/* Applies @command, or reverts it.  List commands find their item (and the
 * item it follows) in the list by identity, not by position, so changes
 * from outside the history (participants of a session) may come between. */
void     journey_command_apply    (Command      *command,
                                   gboolean      forward);
/* Whether @a and @b, values of @pspec, are the same (NaN is NaN). */
gboolean journey_values_equal    (GParamSpec   *pspec,
                                  const GValue *a,
                                  const GValue *b);
/* The writable property @property of @object, for a command that sets it;
 * NULL, with a critical, for an object, a name or a value that is not one. */
GParamSpec *journey_writable_property (gpointer      object,
                                       const char   *property,
                                       const GValue *value);
/* A command that sets @pspec of @object to @value, or NULL when that is
 * what it holds already. */
Command *journey_set_command_new  (gpointer      object,
                                   GParamSpec   *pspec,
                                   const GValue *value,
                                   const char   *label);

/* The history's state; journey-history.c and journey-history-outside.c
 * share it. */
struct _JourneyHistory
{
  GObject    parent_instance;

  GPtrArray *undo_stack;  /* of Command, the newest last */
  GPtrArray *redo_stack;  /* of Command, the next to redo last */
  Command   *group;       /* the step being built, or NULL */
  guint      group_depth;

  guint      clean_depth; /* undo_stack->len when last saved */
  gboolean   clean_reachable;

  guint      outside_depth;   /* journey_history_begin_outside() nesting */
  gboolean   outside_changed; /* an outside change since the outermost began */
};

G_END_DECLS
