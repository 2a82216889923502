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
  JourneyList *list;      /* INSERT, REMOVE, MOVE */
  guint        from;      /* INSERT, REMOVE: the position; MOVE: from */
  guint        to;        /* MOVE */
  GPtrArray   *children;  /* GROUP */
  guint        merge_key; /* SET pushed by journey_history_set_merging(), else 0 */
} Command;

Command *journey_command_new      (CommandKind   kind,
                                   const char   *label);
void     journey_command_free     (gpointer      data);
/* Applies @command, or reverts it. */
void     journey_command_apply    (Command      *command,
                                   gboolean      forward);
/* Whether @a and @b, values of @pspec, are the same (NaN is NaN). */
gboolean journey_values_equal    (GParamSpec   *pspec,
                                  const GValue *a,
                                  const GValue *b);
/* A command that sets @pspec of @object to @value, or NULL when that is
 * what it holds already. */
Command *journey_set_command_new  (gpointer      object,
                                   GParamSpec   *pspec,
                                   const GValue *value,
                                   const char   *label);

G_END_DECLS
