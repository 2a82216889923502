/* journey-export.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "journey-csv.h"
#include "journey-export.h"
#include "journey-format.h"
#include "journey-layout.h"
#include "journey-raster.h"
#include "journey-scene.h"
#include "journey-svg.h"

G_DEFINE_QUARK (journey-export-error-quark, journey_export_error)

typedef enum
{
  FORMAT_NONE,
  FORMAT_SVG,
  FORMAT_PNG,
  FORMAT_PDF,
  FORMAT_CSV,
} Format;

static Format
format_for_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lower = NULL;
  const char *dot = strrchr (base, '.');

  if (dot == NULL || dot == base)
    return FORMAT_NONE;

  lower = g_ascii_strdown (dot, -1);
  if (g_str_equal (lower, ".svg"))
    return FORMAT_SVG;
  if (g_str_equal (lower, ".png"))
    return FORMAT_PNG;
  if (g_str_equal (lower, ".pdf"))
    return FORMAT_PDF;
  if (g_str_equal (lower, ".csv"))
    return FORMAT_CSV;
  return FORMAT_NONE;
}

gboolean
journey_export_file (JourneyProject  *project,
                     JourneyMap      *map,
                     const char      *path,
                     double           scale,
                     GError         **error)
{
  return journey_export_file_full (project, map, path, scale, JOURNEY_NOTES_AS_MAP, error);
}

gboolean
journey_export_file_full (JourneyProject  *project,
                          JourneyMap      *map,
                          const char      *path,
                          double           scale,
                          JourneyNotesMode notes,
                          GError         **error)
{
  JourneyStyle style = *journey_style_get_default ();
  g_autoptr(JourneyLayout) layout = NULL;
  g_autoptr(JourneyScene) scene = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Format format;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (map == NULL || JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  format = format_for_path (path);
  if (format == FORMAT_NONE)
    {
      g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_UNSUPPORTED,
                   _("%s: unknown export format; use .svg, .png, .pdf or .csv"), path);
      return FALSE;
    }

  if (format == FORMAT_CSV)
    {
      gsize len = 0;
      g_autofree char *csv = journey_csv_write (project, map, &len);

      return journey_write_file_atomically (path, csv, len, FALSE, error);
    }

  if (map == NULL)
    {
      if (journey_list_get_length (project->maps) == 0)
        {
          g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED,
                       _("The project has no map to export"));
          return FALSE;
        }
      map = journey_list_peek (project->maps, 0);
    }

  style.notes = notes;
  layout = journey_layout_new (map, project, &style);
  scene = journey_scene_new (layout);

  switch (format)
    {
    case FORMAT_SVG:
      {
        gsize length = 0;
        g_autofree char *svg = journey_svg_scene_to_string (scene, &length);

        return journey_write_file_atomically (path, svg, length, FALSE, error);
      }

    case FORMAT_PNG:
      bytes = journey_raster_png (scene, scale, error);
      break;

    case FORMAT_PDF:
      bytes = journey_raster_pdf (scene, error);
      break;

    case FORMAT_NONE:
    case FORMAT_CSV:
    default:
      g_assert_not_reached ();
    }

  if (bytes == NULL)
    return FALSE;

  return journey_write_file_atomically (path,
                                        g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes),
                                        FALSE, error);
}
