/* journey-json.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * A strict JSON reader (RFC 8259) for .journey files.  It parses into a flat
 * table of values with every string in one buffer, which the format reader
 * walks to build the model: a few large allocations instead of one per
 * value, so loading is faster than building json-glib's tree.  It also
 * refuses what json-glib lets through (single quotes, hexadecimal numbers)
 * and nests no deeper than asked.
 *
 * Values are named by a JourneyJsonRef; the root is journey_json_root().
 */

typedef struct _JourneyJson JourneyJson;
typedef guint32 JourneyJsonRef;

typedef enum
{
  JOURNEY_JSON_NULL,
  JOURNEY_JSON_FALSE,
  JOURNEY_JSON_TRUE,
  JOURNEY_JSON_INTEGER,   /* a number written without fraction or exponent, that fits 64 bits */
  JOURNEY_JSON_DOUBLE,    /* any other number; may be infinite when written too large */
  JOURNEY_JSON_STRING,
  JOURNEY_JSON_ARRAY,
  JOURNEY_JSON_OBJECT,
} JourneyJsonType;

JourneyJson     *journey_json_parse        (const char      *data,
                                            gsize            length,
                                            guint            max_depth,
                                            gsize           *error_offset,
                                            char           **error_message);
void             journey_json_free         (JourneyJson     *self);

JourneyJsonRef   journey_json_root         (JourneyJson     *self);
JourneyJsonType  journey_json_get_type     (JourneyJson     *self,
                                            JourneyJsonRef   value);
gboolean         journey_json_is_number    (JourneyJson     *self,
                                            JourneyJsonRef   value);
double           journey_json_get_double   (JourneyJson     *self,
                                            JourneyJsonRef   value);
gint64           journey_json_get_integer  (JourneyJson     *self,
                                            JourneyJsonRef   value);
const char      *journey_json_get_string   (JourneyJson     *self,
                                            JourneyJsonRef   value);
guint            journey_json_get_length   (JourneyJson     *self,
                                            JourneyJsonRef   value);
JourneyJsonRef   journey_json_get_element  (JourneyJson     *self,
                                            JourneyJsonRef   array,
                                            guint            index);
const char      *journey_json_get_member_name  (JourneyJson    *self,
                                                JourneyJsonRef  object,
                                                guint           index);
JourneyJsonRef   journey_json_get_member_value (JourneyJson    *self,
                                                JourneyJsonRef  object,
                                                guint           index);
gboolean         journey_json_find_member  (JourneyJson     *self,
                                            JourneyJsonRef   object,
                                            const char      *name,
                                            JourneyJsonRef  *value);
JsonNode        *journey_json_to_node      (JourneyJson     *self,
                                            JourneyJsonRef   value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneyJson, journey_json_free)

G_END_DECLS
