/* fuzz-journey.c: the libFuzzer harness.  One input is the bytes of a
 * .journey file, or of a Mermaid journey (.mmd, or Markdown); it goes
 * through everything a file goes through when it is opened and exported:
 * the loader (the Mermaid reader for Mermaid, with its diagrams written
 * back and read again), the layout of every map, the SVG writer and every
 * CSV flavour.  Any crash, sanitizer report, leak or broken promise below
 * (a refused file without a problem, output that is not UTF-8, CSV that
 * does not parse back) is a finding.  The same bytes also go through the
 * survey importer as a survey export (fuzz-evidence.c).
 *
 * Built as the fuzzer with clang (meson -Dfuzzing=true, see
 * build-aux/test.sh --fuzz), and with any compiler into fuzz-replay, the
 * test that runs every regression input through this same function.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo.h>
#include <csv.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journey-csv.h"
#include "journey-format.h"
#include "journey-layout.h"
#include "journey-mermaid-read.h"
#include "journey-mermaid-write.h"
#include "journey-painter.h"
#include "journey-scene.h"
#include "journey-svg.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
/* fuzz-evidence.c: the same bytes as a survey export. */
void fuzz_evidence (const uint8_t *data,
                    size_t         size);

#define check(condition) \
  G_STMT_START { \
    if (G_UNLIKELY (!(condition))) \
      { \
        g_printerr ("fuzz-journey: %s:%d: broken: %s\n", __FILE__, __LINE__, #condition); \
        abort (); \
      } \
  } G_STMT_END

static void
count_field (void   *field,
             size_t  length,
             void   *data)
{
  (*(guint *) data)++;
}

/* The CSV parses back strictly, with a whole number of rows. */
static void
check_csv (const char *text,
           gsize       length)
{
  struct csv_parser parser;
  guint fields = 0;

  check (g_utf8_validate (text, length, NULL));
  check (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) == 0);
  check (csv_parse (&parser, text, length, count_field, NULL, &fields) == length);
  check (csv_fini (&parser, count_field, NULL, &fields) == 0);
  csv_free (&parser);
  check (fields > 0);
}

/* A Mermaid journey read: refused with a reason or read without one, a
 * project that breaks no rule, whose maps written as Mermaid read back
 * with as many touchpoints on the curve. */
static JourneyProject *
check_mermaid (const char *data,
               gsize       size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = NULL;

  project = journey_mermaid_read_data (data, size, problems, warnings, &error);
  check ((project == NULL) == (problems->len > 0));
  check ((project == NULL) == (error != NULL));
  if (project == NULL)
    return NULL;

  g_ptr_array_set_size (problems, 0);
  check (journey_project_check (project, problems));
  for (guint i = 0; i < journey_list_get_length (project->maps); i++)
    {
      JourneyMap *map = journey_list_peek (project->maps, i);
      g_autoptr(GPtrArray) curve = journey_map_get_curve_touchpoints (map);
      g_autoptr(GPtrArray) altered = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
      g_autofree char *text = journey_mermaid_write_data (project, map, JOURNEY_MERMAID_FENCED, altered);
      g_autoptr(JourneyProject) back = NULL;

      check (g_utf8_validate (text, -1, NULL));
      back = journey_mermaid_read_data (text, strlen (text), NULL, NULL, NULL);
      check (back != NULL);
      check (journey_list_get_length (((JourneyMap *) journey_list_peek (back->maps, 0))->touchpoints) == curve->len);
    }
  return g_steal_pointer (&project);
}

/* One painter for the whole run: it keeps its fonts. */
static JourneyPainter *painter;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = NULL;
  const JourneyCsvFlavour flavours[] = { JOURNEY_CSV_PLAIN, JOURNEY_CSV_JIRA, JOURNEY_CSV_RALLY };

  fuzz_evidence (data, size);
  if (journey_mermaid_detect ((const char *) data, size) != JOURNEY_MERMAID_NONE)
    {
      project = check_mermaid ((const char *) data, size);
      if (project == NULL)
        return 0;
      goto export;
    }

  project = journey_format_read_data ((const char *) data, size, problems, &error);

  /* Refused with a reason, or read without one. */
  check ((project == NULL) == (problems->len > 0));
  check ((project == NULL) == (error != NULL));

  /* A file refused for its values may have a repaired copy: it lists at
   * least one change, breaks no rule, and goes through everything below
   * like any project read. */
  if (project == NULL && g_error_matches (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID))
    {
      g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
      g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);

      project = journey_format_repair_data ((const char *) data, size, changes, NULL);
      if (project != NULL)
        {
          check (changes->len > 0);
          check (journey_project_check (project, left));
        }
    }
  if (project == NULL)
    return 0;

export:
  for (guint i = 0; i < journey_list_get_length (project->maps); i++)
    {
      JourneyMap *map = journey_list_peek (project->maps, i);
      g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
      g_autofree char *svg = NULL;
      gsize svg_length = 0;

      check (layout != NULL);
      check (layout->width > 0 && layout->height > 0);

      /* The scene: groups nest, every bound is a number, the SVG writer
       * and the painter take it whole. */
      {
        g_autoptr(JourneyScene) scene = journey_scene_new (layout);
        const JourneySceneNode *nodes = journey_scene_get_nodes (scene);
        guint n = journey_scene_get_n_nodes (scene);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 32, 32);
        cairo_t *cr = cairo_create (surface);

        for (guint k = 0; k < n; k++)
          {
            check (isfinite (nodes[k].bounds.x) && isfinite (nodes[k].bounds.y));
            check (isfinite (nodes[k].bounds.width) && isfinite (nodes[k].bounds.height));
            if (nodes[k].kind == JOURNEY_SCENE_GROUP_BEGIN)
              {
                check (nodes[k].group.size >= 2 && k + nodes[k].group.size <= n);
                check (nodes[k + nodes[k].group.size - 1].kind == JOURNEY_SCENE_GROUP_END);
              }
          }
        if (painter == NULL)
          painter = journey_painter_new ();
        cairo_scale (cr, 32 / MAX (1, journey_scene_get_width (scene)), 32 / MAX (1, journey_scene_get_height (scene)));
        journey_painter_draw (painter, scene, cr, NULL);
        check (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

      svg = journey_svg_to_string (layout, &svg_length);
      check (svg != NULL && svg_length > 0);
      check (g_utf8_validate (svg, svg_length, NULL));
    }

  for (guint f = 0; f < G_N_ELEMENTS (flavours); f++)
    {
      gsize length = 0;
      g_autofree char *csv = journey_csv_write_flavour (project, NULL, flavours[f], &length);

      check_csv (csv, length);
    }

  return 0;
}
