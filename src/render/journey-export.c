/* journey-export.c: the formats a project is exported in, and the one
 * function that writes them
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
#include "journey-document.h"
#include "journey-export.h"
#include "journey-file.h"
#include "journey-format.h"
#include "journey-layout.h"
#include "journey-mermaid-write.h"
#include "journey-raster.h"
#include "journey-scene.h"
#include "journey-svg.h"

G_DEFINE_QUARK (journey-export-error-quark, journey_export_error)

static gboolean write_svg     (JourneyProject *project, JourneyMap *map, const JourneyExportOptions *options,
                               const char *path, GError **error);
static gboolean write_png     (JourneyProject *project, JourneyMap *map, const JourneyExportOptions *options,
                               const char *path, GError **error);
static gboolean write_pdf     (JourneyProject *project, JourneyMap *map, const JourneyExportOptions *options,
                               const char *path, GError **error);
static gboolean write_csv     (JourneyProject *project, JourneyMap *map, const JourneyExportOptions *options,
                               const char *path, GError **error);
static gboolean write_project (JourneyProject *project, JourneyMap *map, const JourneyExportOptions *options,
                               const char *path, GError **error);

/* Every format: a new one is one more row (see journey-export.h). */
static const JourneyExportFormat formats[] = {
  { "svg", N_("SVG Image"), (const char * const[]) { "svg", NULL }, "image/svg+xml",
    JOURNEY_EXPORT_USES_NOTES, write_svg },
  { "png", N_("PNG Image"), (const char * const[]) { "png", NULL }, "image/png",
    JOURNEY_EXPORT_USES_SCALE | JOURNEY_EXPORT_USES_NOTES, write_png },
  { "pdf", N_("PDF Document"), (const char * const[]) { "pdf", NULL }, "application/pdf",
    JOURNEY_EXPORT_USES_NOTES, write_pdf },
  { "csv", N_("CSV Table"), (const char * const[]) { "csv", NULL }, "text/csv",
    JOURNEY_EXPORT_USES_CSV_FLAVOUR | JOURNEY_EXPORT_ALL_MAPS, write_csv },
  { "mmd", N_("Mermaid Journey"), (const char * const[]) { "mmd", NULL }, "text/vnd.mermaid",
    0, journey_mermaid_export_plain },
  { "md", N_("Mermaid Journey in Markdown"), (const char * const[]) { "md", NULL }, "text/markdown",
    0, journey_mermaid_export_fenced },
  { "journey", N_("Journeys Project"), (const char * const[]) { "journey", NULL }, "application/x-journey",
    JOURNEY_EXPORT_ALL_MAPS | JOURNEY_EXPORT_PROJECT, write_project },
};

static const JourneyExportOptions default_options = JOURNEY_EXPORT_OPTIONS_INIT;

/* -- writers --------------------------------------------------------------- */

static gboolean
write_svg (JourneyProject             *project,
           JourneyMap                 *map,
           const JourneyExportOptions *options,
           const char                 *path,
           GError                    **error)
{
  g_autoptr(JourneyLayout) layout = journey_export_layout_new (project, map, options);

  return journey_svg_write_file (layout, path, error);
}

static gboolean
write_raster (JourneyProject             *project,
              JourneyMap                 *map,
              const JourneyExportOptions *options,
              gboolean                    png,
              const char                 *path,
              GError                    **error)
{
  g_autoptr(JourneyLayout) layout = NULL;
  g_autoptr(JourneyScene) scene = journey_export_scene_new (project, map, options, &layout);
  g_autoptr(GBytes) bytes = NULL;

  bytes = png ? journey_raster_png (scene, options->scale, error) : journey_raster_pdf (scene, error);
  if (bytes == NULL)
    return FALSE;
  return journey_write_file_atomically (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        FALSE, error);
}

static gboolean
write_png (JourneyProject             *project,
           JourneyMap                 *map,
           const JourneyExportOptions *options,
           const char                 *path,
           GError                    **error)
{
  return write_raster (project, map, options, TRUE, path, error);
}

static gboolean
write_pdf (JourneyProject             *project,
           JourneyMap                 *map,
           const JourneyExportOptions *options,
           const char                 *path,
           GError                    **error)
{
  return write_raster (project, map, options, FALSE, path, error);
}

/* Plain CSV for spreadsheets, or the columns that Jira's or Rally's
 * importer takes (SPEC §5). */
static gboolean
write_csv (JourneyProject             *project,
           JourneyMap                 *map,
           const JourneyExportOptions *options,
           const char                 *path,
           GError                    **error)
{
  gsize length = 0;
  g_autofree char *csv = journey_csv_write_flavour (project, map, options->csv_flavour, &length);

  return journey_write_file_atomically (path, csv, length, FALSE, error);
}

/* Saved exactly as the app saves: the same document code. */
static gboolean
write_project (JourneyProject             *project,
               JourneyMap                 *map,
               const JourneyExportOptions *options,
               const char                 *path,
               GError                    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyDocument) document = journey_document_new (project, NULL);

  return journey_document_save (document, file, JOURNEY_SAVE_NONE, error);
}

/* -- the table ------------------------------------------------------------- */

guint
journey_export_get_n_formats (void)
{
  return G_N_ELEMENTS (formats);
}

const JourneyExportFormat *
journey_export_get_format (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (formats), NULL);

  return &formats[index];
}

guint
journey_export_format_get_index (const JourneyExportFormat *format)
{
  g_return_val_if_fail (format >= formats && format < formats + G_N_ELEMENTS (formats), 0);

  return (guint) (format - formats);
}

const JourneyExportFormat *
journey_export_format_from_id (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].id, id))
      return &formats[i];
  return NULL;
}

const JourneyExportFormat *
journey_export_format_for_path (const char  *path,
                                GError     **error)
{
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    {
      g_autofree char *lower = g_ascii_strdown (dot + 1, -1);

      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        if (g_strv_contains (formats[i].extensions, lower))
          return &formats[i];
    }

  {
    g_autofree char *known = journey_export_describe_extensions (0);

    /* Translators: the first %s is a file name, the second a list such as
     * “.svg, .png or .pdf” */
    g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_UNSUPPORTED,
                 _("%s: unknown export format; use %s"), path, known);
  }
  return NULL;
}

const char *
journey_export_format_get_extension (const JourneyExportFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);

  return format->extensions[0];
}

const char *
journey_export_format_get_name (const JourneyExportFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, format->name);
}

char *
journey_export_describe_extensions (JourneyExportFlags flags)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if ((formats[i].flags & flags) == flags)
      for (guint e = 0; formats[i].extensions[e] != NULL; e++)
        g_ptr_array_add (names, g_strconcat (".", formats[i].extensions[e], NULL));

  if (names->len == 0)
    return g_strdup ("");
  if (names->len == 1)
    return g_strdup (g_ptr_array_index (names, 0));

  head = g_strdup (g_ptr_array_index (names, 0));
  for (guint i = 1; i + 1 < names->len; i++)
    {
      char *longer = g_strconcat (head, ", ", g_ptr_array_index (names, i), NULL);

      g_free (head);
      head = longer;
    }
  /* Translators: the end of a list of file extensions: “.svg, .png or .pdf” */
  return g_strdup_printf (_("%s or %s"), head, (char *) g_ptr_array_index (names, names->len - 1));
}

/* -- reading and writing ---------------------------------------------------- */

JourneyLayout *
journey_export_layout_new (JourneyProject             *project,
                           JourneyMap                 *map,
                           const JourneyExportOptions *options)
{
  JourneyStyle style = *journey_style_get_default ();

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  style.notes = (options ? options : &default_options)->notes;
  return journey_layout_new (map, project, &style);
}

JourneyScene *
journey_export_scene_new (JourneyProject             *project,
                          JourneyMap                 *map,
                          const JourneyExportOptions *options,
                          JourneyLayout             **layout)
{
  g_return_val_if_fail (layout != NULL && *layout == NULL, NULL);

  *layout = journey_export_layout_new (project, map, options);
  return journey_scene_new (*layout);
}

gboolean
journey_export_write (JourneyProject             *project,
                      JourneyMap                 *map,
                      const JourneyExportFormat  *format,
                      const JourneyExportOptions *options,
                      GFile                      *file,
                      GError                    **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (map == NULL || JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only files on this computer can be written"), uri);
      return FALSE;
    }

  if (format == NULL)
    {
      format = journey_export_format_for_path (path, error);
      if (format == NULL)
        return FALSE;
    }

  if (map == NULL && !(format->flags & JOURNEY_EXPORT_ALL_MAPS))
    {
      if (journey_list_get_length (project->maps) == 0)
        {
          g_set_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED,
                       _("The project has no map to export"));
          return FALSE;
        }
      map = journey_list_peek (project->maps, 0);
    }

  return format->write (project, map, options ? options : &default_options, path, error);
}
