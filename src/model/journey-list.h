/* journey-list.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * JourneyList: an ordered collection of model objects, exposed as a
 * GListModel so that views bind to it and update on their own.  Change it
 * through JourneyHistory; the mutators here are what the history's commands
 * (and the file reader, before a document is shown) call.
 */

#define JOURNEY_TYPE_LIST (journey_list_get_type ())
G_DECLARE_FINAL_TYPE (JourneyList, journey_list, JOURNEY, LIST, GObject)

JourneyList *journey_list_new        (GType        item_type);
guint        journey_list_get_length (JourneyList *self);
gpointer     journey_list_peek       (JourneyList *self,
                                      guint        position);
guint        journey_list_get_stamp  (JourneyList *self);
gboolean     journey_list_find       (JourneyList *self,
                                      gpointer     item,
                                      guint       *position);

void         journey_list_insert     (JourneyList *self,
                                      guint        position,
                                      gpointer     item);
void         journey_list_append     (JourneyList *self,
                                      gpointer     item);
gpointer     journey_list_steal      (JourneyList *self,
                                      guint        position);
void         journey_list_move       (JourneyList *self,
                                      guint        from,
                                      guint        to);

/* The ids of a list of JourneyItem (journey-list.c). */

/* An id that no item of @list has: @base, @base-2, @base-3… */
char        *journey_list_new_id     (JourneyList *list,
                                      const char  *base);
/* Whether @id may be the id of @item (NULL: a new one) in @list: not
 * empty and no other item's; if not, @error (JOURNEY_EDIT_ERROR) gives the
 * reason to show. */
gboolean     journey_list_check_id   (JourneyList *list,
                                      gpointer     item,
                                      const char  *id,
                                      GError     **error);

G_END_DECLS
