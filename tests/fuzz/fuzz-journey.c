/* fuzz-journey.c: the libFuzzer harness.  One input is the bytes of a
 * .journey file; it goes through everything a file goes through when it is
 * exported: the loader, the layout of every map, the SVG writer and every
 * CSV flavour.  Any crash, sanitizer report, leak or broken promise below
 * (a refused file without a problem, output that is not UTF-8, CSV that
 * does not parse back) is a finding.
 *
 * Built as the fuzzer with clang (meson -Dfuzzing=true, see
 * build-aux/test.sh --fuzz), and with any compiler into fuzz-replay, the
 * test that runs every regression input through this same function.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>

#include "journey-csv.h"
#include "journey-format.h"
#include "journey-layout.h"
#include "journey-svg.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = NULL;
  const JourneyCsvFlavour flavours[] = { JOURNEY_CSV_PLAIN, JOURNEY_CSV_JIRA, JOURNEY_CSV_RALLY };

  project = journey_format_read_data ((const char *) data, size, problems, &error);

  /* Refused with a reason, or read without one. */
  check ((project == NULL) == (problems->len > 0));
  check ((project == NULL) == (error != NULL));
  if (project == NULL)
    return 0;

  for (guint i = 0; i < journey_list_get_length (project->maps); i++)
    {
      JourneyMap *map = journey_list_peek (project->maps, i);
      g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
      g_autofree char *svg = NULL;
      gsize svg_length = 0;

      check (layout != NULL);
      check (layout->width > 0 && layout->height > 0);

      /* FUZZ-SCENE: the scene (src/scene) goes here once it exists, built
       * from @layout and walked whole, before the SVG writer that will
       * read it.  Lead: add it to this loop. */

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
