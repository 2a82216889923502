/* journey-list.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "journey-edit.h"
#include "journey-list.h"

struct _JourneyList
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;
  guint      stamp;
};

/* Stamps of lists' contents: one sequence for every list (files are read
 * on other threads), so that no two contents of any list share one. */
static gint last_stamp;

static void
restamp (JourneyList *self)
{
  self->stamp = (guint) g_atomic_int_add (&last_stamp, 1) + 1;
}

static void journey_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JourneyList, journey_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, journey_list_model_iface_init))

static GType
journey_list_get_item_type (GListModel *model)
{
  return JOURNEY_LIST (model)->item_type;
}

static guint
journey_list_get_n_items (GListModel *model)
{
  return JOURNEY_LIST (model)->items->len;
}

static gpointer
journey_list_get_item (GListModel *model,
                       guint       position)
{
  JourneyList *self = JOURNEY_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
journey_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = journey_list_get_item_type;
  iface->get_n_items = journey_list_get_n_items;
  iface->get_item = journey_list_get_item;
}

static void
journey_list_finalize (GObject *object)
{
  JourneyList *self = JOURNEY_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (journey_list_parent_class)->finalize (object);
}

static void
journey_list_class_init (JourneyListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = journey_list_finalize;
}

static void
journey_list_init (JourneyList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  restamp (self);
}

JourneyList *
journey_list_new (GType item_type)
{
  JourneyList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (JOURNEY_TYPE_LIST, NULL);
  self->item_type = item_type;
  return self;
}

guint
journey_list_get_length (JourneyList *self)
{
  g_return_val_if_fail (JOURNEY_IS_LIST (self), 0);

  return self->items->len;
}

/**
 * journey_list_peek:
 *
 * Returns: (transfer none) (nullable): the item at @position
 */
gpointer
journey_list_peek (JourneyList *self,
                   guint        position)
{
  g_return_val_if_fail (JOURNEY_IS_LIST (self), NULL);

  if (position >= self->items->len)
    return NULL;
  return g_ptr_array_index (self->items, position);
}

/**
 * journey_list_get_stamp:
 *
 * Returns: a number that changes whenever an item is inserted, removed or
 *   moved, and that no other content of any list has: the same stamp, the
 *   same items in the same order
 */
guint
journey_list_get_stamp (JourneyList *self)
{
  g_return_val_if_fail (JOURNEY_IS_LIST (self), 0);
  return self->stamp;
}

gboolean
journey_list_find (JourneyList *self,
                   gpointer     item,
                   guint       *position)
{
  g_return_val_if_fail (JOURNEY_IS_LIST (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}

void
journey_list_insert (JourneyList *self,
                     guint        position,
                     gpointer     item)
{
  g_return_if_fail (JOURNEY_IS_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));
  g_return_if_fail (position <= self->items->len);

  g_ptr_array_insert (self->items, position, g_object_ref (item));
  restamp (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
journey_list_append (JourneyList *self,
                     gpointer     item)
{
  g_return_if_fail (JOURNEY_IS_LIST (self));

  journey_list_insert (self, self->items->len, item);
}

/**
 * journey_list_steal:
 *
 * Removes the item at @position.
 *
 * Returns: (transfer full): the item removed
 */
gpointer
journey_list_steal (JourneyList *self,
                    guint        position)
{
  gpointer item;

  g_return_val_if_fail (JOURNEY_IS_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  item = g_ptr_array_steal_index (self->items, position);
  restamp (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return item;
}

void
journey_list_move (JourneyList *self,
                   guint        from,
                   guint        to)
{
  gpointer item;

  g_return_if_fail (JOURNEY_IS_LIST (self));
  g_return_if_fail (from < self->items->len);
  g_return_if_fail (to < self->items->len);

  if (from == to)
    return;

  item = g_ptr_array_steal_index (self->items, from);
  g_ptr_array_insert (self->items, to, item);
  restamp (self);
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
                              MAX (from, to) - MIN (from, to) + 1);
}

/* -- Ids of the items in a list ------------------------------------------- */

char *
journey_list_new_id (JourneyList *list,
                     const char  *base)
{
  g_return_val_if_fail (JOURNEY_IS_LIST (list), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  for (guint n = 1;; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      if (journey_item_list_find (list, id, NULL) == NULL)
        return g_steal_pointer (&id);
    }
}

/**
 * journey_list_check_id:
 *
 * Whether @id may be the id of @item (NULL: a new one) in @list: not
 * empty, and no other item's.  If not, @error says why, for the person who
 * typed it.
 */
gboolean
journey_list_check_id (JourneyList  *list,
                       gpointer      item,
                       const char   *id,
                       GError      **error)
{
  gpointer other;

  g_return_val_if_fail (JOURNEY_IS_LIST (list), FALSE);

  if (id == NULL || id[0] == '\0')
    {
      g_set_error_literal (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID, _("An id cannot be empty"));
      return FALSE;
    }
  other = journey_item_list_find (list, id, NULL);
  if (other != NULL && other != item)
    {
      const char *name = journey_item_get_display_name (other);

      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                   _("“%s” is already the id of “%s”"), id, name);
      return FALSE;
    }
  return TRUE;
}
