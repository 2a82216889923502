/* journey-item.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "journey-list.h"

G_BEGIN_DECLS

/*
 * JourneyItem is the base class of every element of a document: the project,
 * its personas, channels and maps, a map's scale, stages, lanes and
 * touchpoints, and a touchpoint's actions, comments and evidence.
 *
 * Each subclass describes its fields once, in a table of JourneyField: the
 * JSON key, the kind of value and where it lives in the instance struct.
 * From that one table come the GObject properties (which notify only when the
 * value really changes), the reading and the writing of the file format, and
 * the order in which keys are saved.
 *
 * Instance structs are public so that layout and rendering code can read the
 * fields directly.  They are read-only: every change to a document goes
 * through JourneyHistory, which sets properties.
 *
 * Keys of the file that the program does not know are kept in the item's
 * "extra" object and written back unchanged.
 */

typedef enum
{
  JOURNEY_FIELD_STRING,   /* char *, NULL or text */
  JOURNEY_FIELD_COLOR,    /* char *, NULL or "#rrggbb" */
  JOURNEY_FIELD_DOUBLE,   /* double */
  JOURNEY_FIELD_OPTIONAL, /* double, NAN when absent */
  JOURNEY_FIELD_INT,      /* int, >= 0 unless JOURNEY_FIELD_SIGNED */
  JOURNEY_FIELD_ENUM,     /* int, a value of enum_type, written as its nick */
  JOURNEY_FIELD_BOOLEAN,  /* gboolean, written as true or false */
  JOURNEY_FIELD_STRV,     /* char **, NULL-terminated, never NULL */
  JOURNEY_FIELD_INTV,     /* GArray of int, never NULL */
  JOURNEY_FIELD_OBJECT,   /* JourneyItem * of object_type, NULL when absent */
  JOURNEY_FIELD_LIST,     /* JourneyList * of object_type, never NULL */
} JourneyFieldKind;

typedef enum
{
  JOURNEY_FIELD_REQUIRED    = 1 << 0, /* a file without it is refused */
  JOURNEY_FIELD_ALWAYS      = 1 << 1, /* written even when it holds the default */
  JOURNEY_FIELD_NON_EMPTY   = 1 << 2, /* strings: "" is refused */
  JOURNEY_FIELD_SIGNED      = 1 << 3, /* INT: negative values are allowed */
  JOURNEY_FIELD_TIMESTAMP   = 1 << 4, /* STRING: an ISO 8601 date and time */
} JourneyFieldFlags;

typedef struct
{
  const char        *key;          /* JSON key; the property name is the same with '-' for '_' */
  JourneyFieldKind   kind;
  JourneyFieldFlags  flags;
  gsize              offset;       /* G_STRUCT_OFFSET in the instance struct */
  double             default_value;/* DOUBLE, INT, ENUM and BOOLEAN fields */
  GType              (*type_func) (void); /* ENUM: the enum type; OBJECT, LIST: the item type */
  const char        *nick;         /* short human name for the property */
} JourneyField;

#define JOURNEY_TYPE_ITEM (journey_item_get_type ())
G_DECLARE_DERIVABLE_TYPE (JourneyItem, journey_item, JOURNEY, ITEM, GObject)

struct _JourneyItemClass
{
  GObjectClass parent_class;

  /*< private >*/
  const JourneyField *fields;
  guint               n_fields;
  GHashTable         *by_key;   /* key → field index + 1 */
  gssize              id_offset;/* of the "id" string field, or -1 */
  guint32             required; /* bit i: fields[i] is required */
};

void                journey_item_class_install_fields (JourneyItemClass   *klass,
                                                       const JourneyField *fields,
                                                       guint               n_fields);
const JourneyField *journey_item_class_lookup_field   (JourneyItemClass   *klass,
                                                       const char         *key,
                                                       guint              *index);

JsonObject         *journey_item_get_extra            (JourneyItem        *self);
void                journey_item_set_extra            (JourneyItem        *self,
                                                       JsonObject         *extra);
const char         *journey_item_get_id               (JourneyItem        *self);

/* The first item of @list (of JourneyItem) whose "id" is @id. */
gpointer            journey_item_list_find            (JourneyList        *list,
                                                       const char         *id,
                                                       guint              *position);

/* Field storage, for the format reader and the history. */
gpointer            journey_item_field_ptr            (JourneyItem        *self,
                                                       const JourneyField *field);
gboolean            journey_item_field_is_default     (JourneyItem        *self,
                                                       const JourneyField *field);

/* Defines a final JourneyItem subclass whose properties are @fields. */
#define JOURNEY_DEFINE_ITEM_TYPE(TypeName, type_name, fields)                          \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, JOURNEY_TYPE_ITEM)                        \
  static void type_name##_class_init (TypeName##Class *klass)                         \
  {                                                                                   \
    journey_item_class_install_fields (JOURNEY_ITEM_CLASS (klass),                    \
                                       fields, G_N_ELEMENTS (fields));                \
  }                                                                                   \
  static void type_name##_init (TypeName *self) { }

/* Rows of a field table. */
/* A class has at most this many fields (a bit each in a mask). */
#define JOURNEY_ITEM_MAX_FIELDS 32

#define JOURNEY_FIELD(Type, member, key, kind, flags, def, type_func) \
  { key, JOURNEY_FIELD_##kind, flags, G_STRUCT_OFFSET (Type, member), def, type_func, NULL }

G_END_DECLS
