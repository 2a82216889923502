/* journey-item.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-item"

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-item.h"
#include "journey-list.h"
#include "journey-model.h"

typedef struct
{
  JsonObject *extra;
} JourneyItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JourneyItem, journey_item, G_TYPE_OBJECT)

static gboolean
doubles_equal (double a,
               double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static gboolean
intv_equal (GArray *a,
            GArray *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  return a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (int)) == 0;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  static const char *empty[] = { NULL };

  return g_strv_equal (a ? a : empty, b ? b : empty);
}

static const JourneyField *
field_for_pspec (GParamSpec *pspec,
                 guint       property_id)
{
  JourneyItemClass *klass = g_type_class_peek (pspec->owner_type);

  g_assert (klass != NULL);
  g_assert (property_id >= 1 && property_id <= klass->n_fields);

  return &klass->fields[property_id - 1];
}

static void
journey_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  const JourneyField *field = field_for_pspec (pspec, prop_id);
  gpointer ptr = journey_item_field_ptr (JOURNEY_ITEM (object), field);

  switch (field->kind)
    {
    case JOURNEY_FIELD_STRING:
    case JOURNEY_FIELD_COLOR:
      g_value_set_string (value, *(char **) ptr);
      break;
    case JOURNEY_FIELD_DOUBLE:
    case JOURNEY_FIELD_OPTIONAL:
      g_value_set_double (value, *(double *) ptr);
      break;
    case JOURNEY_FIELD_INT:
      g_value_set_int (value, *(int *) ptr);
      break;
    case JOURNEY_FIELD_ENUM:
      g_value_set_enum (value, *(int *) ptr);
      break;
    case JOURNEY_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) ptr);
      break;
    case JOURNEY_FIELD_STRV:
    case JOURNEY_FIELD_INTV:
      g_value_set_boxed (value, *(gpointer *) ptr);
      break;
    case JOURNEY_FIELD_OBJECT:
    case JOURNEY_FIELD_LIST:
      g_value_set_object (value, *(gpointer *) ptr);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
journey_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  const JourneyField *field = field_for_pspec (pspec, prop_id);
  gpointer ptr = journey_item_field_ptr (JOURNEY_ITEM (object), field);
  gboolean changed = FALSE;

  switch (field->kind)
    {
    case JOURNEY_FIELD_STRING:
    case JOURNEY_FIELD_COLOR:
      {
        const char *s = g_value_get_string (value);
        if (g_strcmp0 (*(char **) ptr, s) != 0)
          {
            g_free (*(char **) ptr);
            *(char **) ptr = g_strdup (s);
            changed = TRUE;
          }
      }
      break;
    case JOURNEY_FIELD_DOUBLE:
    case JOURNEY_FIELD_OPTIONAL:
      {
        double d = g_value_get_double (value);
        if (!doubles_equal (*(double *) ptr, d))
          {
            *(double *) ptr = d;
            changed = TRUE;
          }
      }
      break;
    case JOURNEY_FIELD_INT:
    case JOURNEY_FIELD_ENUM:
      {
        int i = field->kind == JOURNEY_FIELD_INT ? g_value_get_int (value) : g_value_get_enum (value);
        if (*(int *) ptr != i)
          {
            *(int *) ptr = i;
            changed = TRUE;
          }
      }
      break;
    case JOURNEY_FIELD_BOOLEAN:
      {
        gboolean b = g_value_get_boolean (value) != FALSE;
        if (*(gboolean *) ptr != b)
          {
            *(gboolean *) ptr = b;
            changed = TRUE;
          }
      }
      break;
    case JOURNEY_FIELD_STRV:
      {
        const char * const *v = g_value_get_boxed (value);
        if (!strv_equal ((const char * const *) *(char ***) ptr, v))
          {
            g_strfreev (*(char ***) ptr);
            *(char ***) ptr = v ? g_strdupv ((char **) v) : g_new0 (char *, 1);
            changed = TRUE;
          }
      }
      break;
    case JOURNEY_FIELD_INTV:
      {
        GArray *a = g_value_get_boxed (value);
        if (!intv_equal (*(GArray **) ptr, a))
          {
            g_array_unref (*(GArray **) ptr);
            *(GArray **) ptr = a ? g_array_copy (a) : g_array_new (FALSE, FALSE, sizeof (int));
            changed = TRUE;
          }
      }
      break;
    case JOURNEY_FIELD_OBJECT:
      changed = g_set_object ((GObject **) ptr, g_value_get_object (value));
      break;
    case JOURNEY_FIELD_LIST:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
journey_item_constructed (GObject *object)
{
  JourneyItem *self = JOURNEY_ITEM (object);
  JourneyItemClass *klass = JOURNEY_ITEM_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const JourneyField *field = &klass->fields[i];
      gpointer ptr = journey_item_field_ptr (self, field);

      switch (field->kind)
        {
        case JOURNEY_FIELD_DOUBLE:
          *(double *) ptr = field->default_value;
          break;
        case JOURNEY_FIELD_OPTIONAL:
          *(double *) ptr = NAN;
          break;
        case JOURNEY_FIELD_INT:
        case JOURNEY_FIELD_ENUM:
          *(int *) ptr = (int) field->default_value;
          break;
        case JOURNEY_FIELD_BOOLEAN:
          *(gboolean *) ptr = field->default_value != 0;
          break;
        case JOURNEY_FIELD_STRV:
          *(char ***) ptr = g_new0 (char *, 1);
          break;
        case JOURNEY_FIELD_INTV:
          *(GArray **) ptr = g_array_new (FALSE, FALSE, sizeof (int));
          break;
        case JOURNEY_FIELD_LIST:
          *(JourneyList **) ptr = journey_list_new (field->type_func ());
          break;
        case JOURNEY_FIELD_STRING:
        case JOURNEY_FIELD_COLOR:
        case JOURNEY_FIELD_OBJECT:
        default:
          break;
        }
    }

  G_OBJECT_CLASS (journey_item_parent_class)->constructed (object);
}

static void
journey_item_finalize (GObject *object)
{
  JourneyItem *self = JOURNEY_ITEM (object);
  JourneyItemPrivate *priv = journey_item_get_instance_private (self);
  JourneyItemClass *klass = JOURNEY_ITEM_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const JourneyField *field = &klass->fields[i];
      gpointer ptr = journey_item_field_ptr (self, field);

      switch (field->kind)
        {
        case JOURNEY_FIELD_STRING:
        case JOURNEY_FIELD_COLOR:
          g_clear_pointer ((char **) ptr, g_free);
          break;
        case JOURNEY_FIELD_STRV:
          g_clear_pointer ((char ***) ptr, g_strfreev);
          break;
        case JOURNEY_FIELD_INTV:
          g_clear_pointer ((GArray **) ptr, g_array_unref);
          break;
        case JOURNEY_FIELD_OBJECT:
        case JOURNEY_FIELD_LIST:
          g_clear_object ((GObject **) ptr);
          break;
        case JOURNEY_FIELD_DOUBLE:
        case JOURNEY_FIELD_OPTIONAL:
        case JOURNEY_FIELD_INT:
        case JOURNEY_FIELD_ENUM:
        case JOURNEY_FIELD_BOOLEAN:
        default:
          break;
        }
    }

  g_clear_pointer (&priv->extra, json_object_unref);

  G_OBJECT_CLASS (journey_item_parent_class)->finalize (object);
}

static void
journey_item_class_init (JourneyItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = journey_item_constructed;
  object_class->finalize = journey_item_finalize;
}

static void
journey_item_init (JourneyItem *self)
{
}

/**
 * journey_item_class_install_fields:
 * @klass: the class of a JourneyItem subclass, in its class_init
 * @fields: (array length=n_fields): a static table of fields
 * @n_fields: the length of @fields
 *
 * Installs one property per field, named as the field's key with '-' for
 * '_', and makes the class get and set them from the instance struct.
 */
void
journey_item_class_install_fields (JourneyItemClass   *klass,
                                   const JourneyField *fields,
                                   guint               n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw_static = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  g_return_if_fail (klass->fields == NULL);
  g_return_if_fail (n_fields <= JOURNEY_ITEM_MAX_FIELDS);

  object_class->get_property = journey_item_get_property;
  object_class->set_property = journey_item_set_property;

  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  klass->id_offset = -1;
  klass->required = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      const JourneyField *f = &fields[i];
      const char *nick = f->nick ? f->nick : f->key;
      GParamSpec *pspec = NULL;
      /* "pain_points" becomes "pain-points": GObject copies such a name. */
      GParamFlags rw = strchr (f->key, '_') == NULL
                       ? rw_static
                       : (rw_static & ~G_PARAM_STATIC_NAME);

      switch (f->kind)
        {
        case JOURNEY_FIELD_STRING:
        case JOURNEY_FIELD_COLOR:
          pspec = g_param_spec_string (f->key, nick, nick, NULL, rw);
          break;
        case JOURNEY_FIELD_DOUBLE:
          pspec = g_param_spec_double (f->key, nick, nick, -G_MAXDOUBLE, G_MAXDOUBLE, f->default_value, rw);
          break;
        case JOURNEY_FIELD_OPTIONAL:
          /* NAN means "none"; a GParamSpecDouble cannot have NAN as its
           * default, and its validation calls NAN out of range (NAN != NAN
           * after clamping), which without LAX_VALIDATION refuses to set it. */
          pspec = g_param_spec_double (f->key, nick, nick, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                                       rw | G_PARAM_LAX_VALIDATION);
          break;
        case JOURNEY_FIELD_INT:
          pspec = g_param_spec_int (f->key, nick, nick,
                                   (f->flags & JOURNEY_FIELD_SIGNED) ? G_MININT : 0, G_MAXINT,
                                   (int) f->default_value, rw);
          break;
        case JOURNEY_FIELD_ENUM:
          pspec = g_param_spec_enum (f->key, nick, nick, f->type_func (), (int) f->default_value, rw);
          break;
        case JOURNEY_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (f->key, nick, nick, f->default_value != 0, rw);
          break;
        case JOURNEY_FIELD_STRV:
          pspec = g_param_spec_boxed (f->key, nick, nick, G_TYPE_STRV, rw);
          break;
        case JOURNEY_FIELD_INTV:
          pspec = g_param_spec_boxed (f->key, nick, nick, G_TYPE_ARRAY, rw);
          break;
        case JOURNEY_FIELD_OBJECT:
          pspec = g_param_spec_object (f->key, nick, nick, f->type_func (), rw);
          break;
        case JOURNEY_FIELD_LIST:
          pspec = g_param_spec_object (f->key, nick, nick, JOURNEY_TYPE_LIST,
                                       (rw & ~(G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY)));
          break;
        default:
          g_assert_not_reached ();
        }

      if (f->kind == JOURNEY_FIELD_STRING && g_str_equal (f->key, "id"))
        klass->id_offset = (gssize) f->offset;
      if (f->flags & JOURNEY_FIELD_REQUIRED)
        klass->required |= 1u << i;

      g_object_class_install_property (object_class, i + 1, pspec);
      g_hash_table_insert (klass->by_key, (gpointer) f->key, GUINT_TO_POINTER (i + 1));
    }
}

const JourneyField *
journey_item_class_lookup_field (JourneyItemClass *klass,
                                 const char       *key,
                                 guint            *index)
{
  guint i;

  g_return_val_if_fail (JOURNEY_IS_ITEM_CLASS (klass), NULL);

  i = GPOINTER_TO_UINT (g_hash_table_lookup (klass->by_key, key));
  if (i == 0)
    return NULL;
  if (index)
    *index = i - 1;
  return &klass->fields[i - 1];
}

/**
 * journey_item_get_extra:
 *
 * Returns: (transfer none) (nullable): the members of the file that this
 *   program does not know, kept to be written back unchanged.
 */
JsonObject *
journey_item_get_extra (JourneyItem *self)
{
  JourneyItemPrivate *priv = journey_item_get_instance_private (self);

  g_return_val_if_fail (JOURNEY_IS_ITEM (self), NULL);

  return priv->extra;
}

void
journey_item_set_extra (JourneyItem *self,
                        JsonObject  *extra)
{
  JourneyItemPrivate *priv = journey_item_get_instance_private (self);

  g_return_if_fail (JOURNEY_IS_ITEM (self));

  if (extra)
    json_object_ref (extra);
  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = extra;
}

const char *
journey_item_get_id (JourneyItem *self)
{
  JourneyItemClass *klass;

  g_return_val_if_fail (JOURNEY_IS_ITEM (self), NULL);

  klass = JOURNEY_ITEM_GET_CLASS (self);
  if (klass->id_offset < 0)
    return NULL;
  return G_STRUCT_MEMBER (char *, self, klass->id_offset);
}

gpointer
journey_item_field_ptr (JourneyItem        *self,
                        const JourneyField *field)
{
  return G_STRUCT_MEMBER_P (self, field->offset);
}

gboolean
journey_item_field_is_default (JourneyItem        *self,
                               const JourneyField *field)
{
  gpointer ptr = journey_item_field_ptr (self, field);

  switch (field->kind)
    {
    case JOURNEY_FIELD_STRING:
    case JOURNEY_FIELD_COLOR:
      return *(char **) ptr == NULL || **(char **) ptr == '\0';
    case JOURNEY_FIELD_DOUBLE:
      return *(double *) ptr == field->default_value;
    case JOURNEY_FIELD_OPTIONAL:
      return isnan (*(double *) ptr);
    case JOURNEY_FIELD_INT:
    case JOURNEY_FIELD_ENUM:
      return *(int *) ptr == (int) field->default_value;
    case JOURNEY_FIELD_BOOLEAN:
      return *(gboolean *) ptr == (field->default_value != 0);
    case JOURNEY_FIELD_STRV:
      return *(char ***) ptr == NULL || **(char ***) ptr == NULL;
    case JOURNEY_FIELD_INTV:
      return *(GArray **) ptr == NULL || (*(GArray **) ptr)->len == 0;
    case JOURNEY_FIELD_OBJECT:
      return *(gpointer *) ptr == NULL;
    case JOURNEY_FIELD_LIST:
      return *(gpointer *) ptr == NULL || journey_list_get_length (*(JourneyList **) ptr) == 0;
    default:
      g_assert_not_reached ();
    }
}

/**
 * journey_item_list_find:
 * @list: a list of JourneyItem
 * @position: (out) (optional): where the item is
 *
 * Returns: (transfer none) (nullable): the first item whose id is @id
 */
gpointer
journey_item_list_find (JourneyList *list,
                        const char  *id,
                        guint       *position)
{
  guint n;

  g_return_val_if_fail (JOURNEY_IS_LIST (list), NULL);

  if (id == NULL)
    return NULL;

  n = journey_list_get_length (list);
  for (guint i = 0; i < n; i++)
    {
      JourneyItem *item = journey_list_peek (list, i);

      if (g_strcmp0 (journey_item_get_id (item), id) == 0)
        {
          if (position)
            *position = i;
          return item;
        }
    }
  return NULL;
}

/**
 * journey_item_get_display_name:
 * @item: an item of the model
 *
 * What the program calls @item, whatever its kind: for a touchpoint, a map,
 * a stage, a lane, a persona or a channel, its kind's display name
 * (journey_touchpoint_get_display_name() and the others); for any other
 * item, its id.
 *
 * Returns: (transfer none): the name; never %NULL
 */
const char *
journey_item_get_display_name (gpointer item)
{
  const char *id;

  g_return_val_if_fail (JOURNEY_IS_ITEM (item), "");

  if (JOURNEY_IS_TOUCHPOINT (item))
    return journey_touchpoint_get_display_name (item);
  if (JOURNEY_IS_MAP (item))
    return journey_map_get_display_name (item);
  if (JOURNEY_IS_STAGE (item))
    return journey_stage_get_display_name (item);
  if (JOURNEY_IS_LANE (item))
    return journey_lane_get_display_name (item);
  if (JOURNEY_IS_PERSONA (item))
    return journey_persona_get_display_name (item);
  if (JOURNEY_IS_CHANNEL (item))
    return journey_channel_get_display_name (item);
  id = journey_item_get_id (item);
  return id != NULL ? id : "";
}

const char *
journey_item_name_or_id (const char *name,
                         const char *id)
{
  if (name != NULL && name[0] != '\0')
    return name;
  return id != NULL ? id : "";
}
