/* export-test-utils.h: what the layout and export tests share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <csv.h>
#include <glib.h>
#include <math.h>
#include <string.h>

#include "journey-export.h"
#include "journey-format.h"
#include "journey-layout.h"
#include "journey-painter.h"
#include "journey-scene.h"
#include "../journey-test-utils.h"

/* Lanes of every kind, three stages (lengths 2, 1 and 3), touchpoints with
 * pain points, targets and evidence. */
#define EXPORT_TEST_PROJECT \
  "{ \"format\": \"journeys\", \"version\": 1, \"title\": \"Test\",\n" \
  "  \"personas\": [ { \"id\": \"p\", \"name\": \"Leisure traveller\" } ],\n" \
  "  \"channels\": [ { \"id\": \"web\", \"name\": \"Website\" } ],\n" \
  "  \"maps\": [ { \"id\": \"m\", \"title\": \"Weekend stay\", \"persona\": \"p\",\n" \
  "    \"objective\": \"Find out why repeat bookings dropped\", \"scope\": \"Website to e-mail\",\n" \
  "    \"stages\": [ { \"id\": \"s1\", \"name\": \"Book\", \"length\": 2, \"color\": \"#3584e4\" },\n" \
  "                { \"id\": \"s2\", \"name\": \"Arrive\", \"length\": 1, \"color\": \"#e01b24\" },\n" \
  "                { \"id\": \"s3\", \"name\": \"Stay\", \"length\": 3, \"color\": \"#813d9c\" } ],\n" \
  "    \"lanes\": [ { \"id\": \"phys\", \"name\": \"Physical\", \"kind\": \"physical\" },\n" \
  "               { \"id\": \"cust\", \"name\": \"Guest\", \"kind\": \"customer\" },\n" \
  "               { \"id\": \"on\", \"name\": \"Staff\", \"kind\": \"onstage\" },\n" \
  "               { \"id\": \"off\", \"name\": \"Backstage\", \"kind\": \"offstage\" },\n" \
  "               { \"id\": \"sup\", \"name\": \"Systems\", \"kind\": \"support\" } ],\n" \
  "    \"touchpoints\": [\n" \
  "      { \"id\": \"a\", \"title\": \"Visits the website\", \"lane\": \"cust\", \"channel\": \"web\", \"time\": 0.5, \"satisfaction\": 5, \"target\": 5, \"weight\": \"major\",\n" \
  "        \"pain_points\": [ \"Prices without taxes\" ], \"opportunities\": [ \"Total price\" ],\n" \
  "        \"actions\": [ { \"text\": \"Show taxes\", \"owner\": \"Web team\", \"status\": \"open\" } ], \"votes\": 7 },\n" \
  "      { \"id\": \"b\", \"title\": \"Books a room\", \"lane\": \"cust\", \"time\": 1.5, \"satisfaction\": 5, \"target\": 5,\n" \
  "        \"evidence\": { \"source\": \"Survey\", \"responses\": 20, \"mean\": 3.9, \"histogram\": [ 1, 1, 3, 5, 10 ] } },\n" \
  "      { \"id\": \"c\", \"title\": \"Checks in\", \"lane\": \"on\", \"time\": 3.5, \"satisfaction\": 1,\n" \
  "        \"evidence\": { \"source\": \"Survey\", \"responses\": 20, \"mean\": 1.5, \"histogram\": [ 10, 5, 3, 1, 1 ] } },\n" \
  "      { \"id\": \"d\", \"title\": \"Noise at night\", \"lane\": \"cust\", \"time\": 5.5, \"satisfaction\": 1, \"target\": 4 },\n" \
  "      { \"id\": \"e\", \"title\": \"Room cleaned\", \"lane\": \"off\", \"time\": 4, \"satisfaction\": 3 },\n" \
  "      { \"id\": \"f\", \"title\": \"Invoice\", \"lane\": \"sup\", \"time\": 5, \"satisfaction\": 3 },\n" \
  "      { \"id\": \"g\", \"title\": \"Room\", \"lane\": \"phys\", \"time\": 4, \"satisfaction\": 3 }\n" \
  "    ] } ] }\n"

static inline char *
export_test_generate (guint   n,
                      guint32 seed)
{
  GString *s = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (seed);
  static const char *kinds[] = { "physical", "customer", "onstage", "offstage", "support" };
  static const char *words[] = {
    "Checks", "the", "booking", "confirmation", "e-mail", "and", "pays", "for", "parking",
    "at", "reception", "desk", "Receives", "room", "key", "card", "late", "Asks",
  };

  g_string_append (s, "{ \"format\": \"journeys\", \"version\": 1, \"title\": \"Generated\",\n"
                      "  \"channels\": [ { \"id\": \"web\", \"name\": \"Website\" }, { \"id\": \"desk\", \"name\": \"Front desk\" } ],\n"
                      "  \"maps\": [ { \"id\": \"gen\", \"title\": \"Generated map\", \"objective\": \"Benchmark\",\n"
                      "    \"stages\": [");
  for (int i = 0; i < 5; i++)
    g_string_append_printf (s, "%s { \"id\": \"s%d\", \"name\": \"Stage %d\", \"length\": %d }",
                            i ? "," : "", i, i + 1, 1 + i % 3);
  g_string_append (s, " ],\n    \"lanes\": [");
  for (int i = 0; i < 5; i++)
    g_string_append_printf (s, "%s { \"id\": \"l%d\", \"name\": \"Lane %d\", \"kind\": \"%s\" }",
                            i ? "," : "", i, i + 1, kinds[i]);
  g_string_append (s, " ],\n    \"touchpoints\": [\n");
  for (guint i = 0; i < n; i++)
    {
      double time = g_rand_double_range (rand, 0, 9);
      double sat = 1 + g_rand_int_range (rand, 0, 41) / 10.0;
      guint n_words = (guint) g_rand_int_range (rand, 2, 9);

      g_string_append_printf (s, "%s      { \"id\": \"t%u\", \"title\": \"", i ? ",\n" : "", i);
      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (s, "%s%s", w ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_printf (s, " %u\", \"lane\": \"l%d\", \"time\": %.3f, \"satisfaction\": %.1f",
                              i, g_rand_int_range (rand, 0, 5), time, sat);
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append (s, ", \"weight\": \"major\"");
      if (g_rand_int_range (rand, 0, 2) == 0)
        g_string_append (s, ", \"channel\": \"web\"");
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append (s, ", \"pain_points\": [ \"Slow, \\\"really\\\" slow\" ], \"votes\": 3");
      if (g_rand_int_range (rand, 0, 5) == 0)
        g_string_append_printf (s, ", \"target\": %.1f", MIN (5.0, sat + 1));
      if (g_rand_int_range (rand, 0, 8) == 0)
        g_string_append (s, ", \"actions\": [ { \"text\": \"Fix it\", \"owner\": \"Team\", \"status\": \"doing\" } ]");
      if (g_rand_int_range (rand, 0, 6) == 0)
        g_string_append_printf (s, ", \"evidence\": { \"source\": \"Survey\", \"responses\": 10, \"mean\": %.1f, "
                                   "\"histogram\": [ 2, 2, 2, 2, 2 ] }", MAX (1.0, sat - 1));
      g_string_append (s, " }");
    }
  g_string_append (s, "\n    ] } ] }\n");

  g_rand_free (rand);
  return g_string_free (s, FALSE);
}

/* How many nodes of @scene are of @kind and @role (and @variant, if not
 * NULL). */
static inline guint
export_test_count_role (JourneyScene     *scene,
                        JourneySceneKind  kind,
                        JourneySceneRole  role,
                        const char       *variant)
{
  const JourneySceneNode *nodes = journey_scene_get_nodes (scene);
  guint n = 0;

  for (guint i = 0; i < journey_scene_get_n_nodes (scene); i++)
    if (nodes[i].kind == kind && nodes[i].role == role
        && (variant == NULL || g_strcmp0 (nodes[i].variant, variant) == 0))
      n++;
  return n;
}

static inline gboolean
export_test_rects_overlap (const JourneyRect *a,
                           const JourneyRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
      && a->y < b->y + b->height && b->y < a->y + a->height;
}

typedef struct
{
  JourneyPainter    *painter;
  JourneyScene      *scene;
  cairo_t           *cr;
  const JourneyRect *clip;
} ExportTestQuickDraw;

static inline void
export_test_draw_node_quickly (const JourneySceneNode *node,
                               gpointer                data)
{
  ExportTestQuickDraw *d = data;

  journey_painter_draw_node (d->painter, d->scene, d->cr, node, d->clip);
}

/* What meets @area of @scene onto @cr node by node, quickly, as the canvas
 * draws. */
static inline void
export_test_draw_quickly (JourneyPainter    *painter,
                          JourneyScene      *scene,
                          cairo_t           *cr,
                          const JourneyRect *area)
{
  ExportTestQuickDraw d = { painter, scene, cr, area };

  journey_scene_foreach_in (scene, area, export_test_draw_node_quickly, &d);
}

/* -- CSV, read back by libcsv ---------------------------------------------- */

typedef struct
{
  GPtrArray *rows;  /* of GPtrArray of char * */
  GPtrArray *row;
} ExportTestCsvRows;

static inline void
export_test_csv_field (void   *s,
                       size_t  len,
                       void   *data)
{
  ExportTestCsvRows *rows = data;

  if (rows->row == NULL)
    rows->row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (rows->row, g_strndup (s ? s : "", len));
}

static inline void
export_test_csv_row (int   c,
                     void *data)
{
  ExportTestCsvRows *rows = data;

  g_ptr_array_add (rows->rows, rows->row ? rows->row : g_ptr_array_new_with_free_func (g_free));
  rows->row = NULL;
}

/* @data parsed strictly as RFC 4180: an array of rows, each an array of
 * cells (char *).  Fails the test if it is not well-formed. */
static inline GPtrArray *
parse_csv (const char *data,
           gsize       len)
{
  struct csv_parser parser;
  ExportTestCsvRows rows = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref), NULL };

  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, data, len, export_test_csv_field, export_test_csv_row, &rows), ==, len);
  g_assert_cmpint (csv_fini (&parser, export_test_csv_field, export_test_csv_row, &rows), ==, 0);
  csv_free (&parser);
  g_assert_null (rows.row);
  return rows.rows;
}

#define ROW(rows, r) ((GPtrArray *) g_ptr_array_index (rows, r))
#define CELL(rows, r, c) ((const char *) g_ptr_array_index (ROW (rows, r), c))

/* -- exporting --------------------------------------------------------------- */

/* The contents of the file at @path, which must be readable. */
static inline char *
export_test_read_file (const char *path,
                       gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

/* @map of @project exported to @path through the one entry point, in the
 * format its extension names, at @scale with the notes as @notes says. */
static inline gboolean
export_test_write (JourneyProject   *project,
                   JourneyMap       *map,
                   const char       *path,
                   double            scale,
                   JourneyNotesMode  notes,
                   GError          **error)
{
  JourneyExportOptions options = JOURNEY_EXPORT_OPTIONS_INIT;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  options.scale = scale;
  options.notes = notes;
  return journey_export_write (project, map, NULL, &options, file, error);
}
