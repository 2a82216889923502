/* journey-cli.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* journeys --validate FILE… and journeys --export OUT FILE (SPEC §5): they
 * need no display, so this file includes no GTK. */

#define G_LOG_DOMAIN "journey-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "journey-cli.h"
#include "journey-csv.h"
#include "journey-document.h"
#include "journey-export.h"
#include "journey-format.h"
#include "journey-layout.h"
#include "journey-mermaid-write.h"

/* The narrowest PNG that --scale may ask for, in pixels. */
#define MIN_IMAGE_WIDTH 16

typedef struct
{
  char     *validate;
  char     *export;
  char     *map;
  double    scale;
  char     *csv;
  char     *notes;
  gboolean  version;
  char    **files;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->validate);
  g_free (options->export);
  g_free (options->map);
  g_free (options->csv);
  g_free (options->notes);
  g_strfreev (options->files);
}

static int
usage_error (const char *message)
{
  g_printerr ("journeys: %s\n", message);
  g_printerr (_("Run “journeys --help” to see how to use it.\n"));
  return JOURNEY_EXIT_USAGE;
}

static void
print_problems (const char *file,
                GPtrArray  *problems,
                GError     *error)
{
  if (problems->len == 0)
    {
      g_printerr ("%s: %s\n", file, error ? error->message : _("cannot be read"));
      return;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (problems, i);

      if (problem->path[0] != '\0')
        g_printerr ("%s: %s: %s\n", file, problem->path, problem->message);
      else
        g_printerr ("%s: %s\n", file, problem->message);
    }
}

static JourneyProject *
load (const char *path)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  JourneyProject *project;

  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);

  /* A project file, or Mermaid journeys read as a new project. */
  project = journey_format_open_file (file, problems, NULL, NULL, NULL, warnings, &error);
  if (project == NULL)
    print_problems (path, problems, error);
  else if (warnings->len > 0)
    print_problems (path, warnings, NULL);
  return project;
}

static int
run_validate (const char *path)
{
  g_autoptr(JourneyProject) project = load (path);
  guint n_maps, n_touchpoints = 0;

  if (project == NULL)
    return JOURNEY_EXIT_INPUT;

  n_maps = journey_list_get_length (project->maps);
  for (guint i = 0; i < n_maps; i++)
    n_touchpoints += journey_list_get_length (((JourneyMap *) journey_list_peek (project->maps, i))->touchpoints);

  /* TRANSLATORS: "hotel.journey: valid, 1 map, 14 touchpoints" */
  g_print (_("%s: valid, %u %s, %u %s\n"), path,
           n_maps, g_dngettext (GETTEXT_PACKAGE, "map", "maps", n_maps),
           n_touchpoints, g_dngettext (GETTEXT_PACKAGE, "touchpoint", "touchpoints", n_touchpoints));
  return JOURNEY_EXIT_OK;
}

/* Every file is checked, even after an invalid one; each line printed
 * names its file. */
static int
run_validate_all (const char         *first,
                  const char * const *rest)
{
  int status = run_validate (first);

  for (guint i = 0; rest != NULL && rest[i] != NULL; i++)
    if (run_validate (rest[i]) != JOURNEY_EXIT_OK)
      status = JOURNEY_EXIT_INPUT;
  return status;
}

/* OUT names the input FILE itself: the same path, or (through a link, a
 * hard link or another spelling) the same file. */
static gboolean
is_same_file (const char *out,
              const char *path)
{
  g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (out);
  g_autoptr(GFile) in_file = g_file_new_for_commandline_arg (path);
  g_autofree char *out_path = NULL;
  g_autofree char *in_path = NULL;
  GStatBuf out_st, in_st;

  if (g_file_equal (out_file, in_file))
    return TRUE;

  out_path = g_file_get_path (out_file);
  in_path = g_file_get_path (in_file);
  return out_path != NULL && in_path != NULL &&
         g_stat (out_path, &out_st) == 0 && g_stat (in_path, &in_st) == 0 &&
         out_st.st_dev == in_st.st_dev && out_st.st_ino == in_st.st_ino;
}

/* A map as a Mermaid journey: the names altered for Mermaid are listed
 * on stderr. */
static int
export_mermaid (JourneyProject *project,
                JourneyMap     *map,
                const char     *out)
{
  g_autoptr(GPtrArray) alterations = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GError) error = NULL;

  if (!journey_mermaid_write_file (project, map, out, alterations, &error))
    {
      g_printerr ("%s: %s\n", out, error->message);
      return JOURNEY_EXIT_INPUT;
    }
  if (alterations->len > 0)
    print_problems (out, alterations, NULL);
  return JOURNEY_EXIT_OK;
}

static int
run_export (const char        *out,
            const char        *path,
            const char        *map_id,
            double             scale,
            const char        *csv_name,
            JourneyCsvFlavour  flavour,
            JourneyNotesMode   notes)
{
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = g_ascii_strdown (out, -1);
  JourneyMap *map = NULL;
  gboolean is_project = g_str_has_suffix (lower, ".journey");
  gboolean is_csv = g_str_has_suffix (lower, ".csv");
  gboolean is_mermaid = journey_mermaid_style_for_path (out, NULL);
  gboolean is_known = is_project || is_csv || is_mermaid ||
                      g_str_has_suffix (lower, ".svg") || g_str_has_suffix (lower, ".png") ||
                      g_str_has_suffix (lower, ".pdf");

  if (!is_known)
    {
      g_autofree char *message =
        g_strdup_printf (_("cannot tell the format of “%s”: use .svg, .png, .pdf, .csv, .journey, .mmd or .md"), out);
      return usage_error (message);
    }

  if (csv_name != NULL && !is_csv)
    return usage_error (_("--csv goes with an OUT that ends in .csv"));
  if (notes != JOURNEY_NOTES_AS_MAP && (is_csv || is_project || is_mermaid))
    return usage_error (_("--notes goes with an OUT that ends in .svg, .png or .pdf"));

  /* Only a .journey OUT may replace the project it is made from: any other
   * format would destroy it. */
  if (!is_project && is_same_file (out, path))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is the project FILE itself; exporting to it would destroy the project"), out);
      return usage_error (message);
    }

  project = load (path);
  if (project == NULL)
    return JOURNEY_EXIT_INPUT;

  if (map_id != NULL)
    {
      map = journey_project_find_map (project, map_id);
      if (map == NULL)
        {
          g_printerr (_("%s: maps: no map has the id “%s”\n"), path, map_id);
          return JOURNEY_EXIT_INPUT;
        }
    }

  if (is_project)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);
      g_autoptr(JourneyDocument) document = journey_document_new (project, NULL);

      /* Saved exactly as the app saves: the same document code. */
      if (!journey_document_save (document, file, JOURNEY_SAVE_NONE, &error))
        {
          g_printerr ("%s: %s\n", out, error->message);
          return JOURNEY_EXIT_INPUT;
        }
      return JOURNEY_EXIT_OK;
    }

  /* The CSV of a whole project lists every map; an image shows one. */
  if (is_csv)
    {
      gsize length = 0;
      g_autofree char *csv = journey_csv_write_flavour (project, map, flavour, &length);

      if (!journey_write_file_atomically (out, csv, length, FALSE, &error))
        {
          g_printerr ("%s: %s\n", out, error->message);
          return JOURNEY_EXIT_INPUT;
        }
      return JOURNEY_EXIT_OK;
    }

  if (map == NULL)
    map = journey_list_peek (project->maps, 0);

  if (is_mermaid)
    return export_mermaid (project, map, out);

  /* A scale so small that the image would be a few pixels is a mistake
   * (1e-300 made a 1 × 1 PNG). */
  if (map != NULL && g_str_has_suffix (lower, ".png"))
    {
      JourneyStyle style = *journey_style_get_default ();
      g_autoptr(JourneyLayout) layout = NULL;

      style.notes = notes;
      layout = journey_layout_new (map, project, &style);
      if (layout->width * scale < MIN_IMAGE_WIDTH)
        {
          g_autofree char *message =
            g_strdup_printf (_("--scale %g would make an image less than %d pixels wide"), scale, MIN_IMAGE_WIDTH);
          return usage_error (message);
        }
    }

  if (!journey_export_file_full (project, map, out, scale, notes, &error))
    {
      if (g_error_matches (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_UNSUPPORTED))
        return usage_error (error->message);
      g_printerr ("%s: %s\n", out, error->message);
      return JOURNEY_EXIT_INPUT;
    }
  return JOURNEY_EXIT_OK;
}

int
journey_cli_run (char ***args)
{
  Options options = { .scale = 1.0 };
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_FILENAME, &options.validate,
      N_("Check FILE and the FILEs after it and print their problems; exit 0 if all are valid, 1 if any is not"),
      N_("FILE") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &options.export,
      N_("Write the project FILE to OUT, in the format OUT’s extension names: .svg, .png, .pdf, .csv, .journey, or .mmd or .md (a Mermaid journey); FILE may be a Mermaid journey too"),
      N_("OUT") },
    { "map", 0, 0, G_OPTION_ARG_STRING, &options.map,
      N_("With --export: the id of the map to export (the first map by default)"), N_("ID") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale,
      N_("With --export to PNG: the size, 2 for twice as large (1 by default)"), N_("N") },
    { "csv", 0, 0, G_OPTION_ARG_STRING, &options.csv,
      N_("With --export to CSV: plain (the default), jira or rally"), N_("FLAVOUR") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &options.notes,
      N_("With --export to SVG, PNG or PDF: on or off, to show or hide the notes on the map whatever the map says"),
      N_("on|off") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, N_("[FILE…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  JourneyCsvFlavour flavour = JOURNEY_CSV_PLAIN;
  JourneyNotesMode notes = JOURNEY_NOTES_AS_MAP;
  guint n_files;
  int status = -1;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Map customer journeys: open FILEs in windows, or check and export them."));
  g_option_context_set_description (context,
                                    _("The CSV lists the pain points, opportunities and actions, one a row; a cell\n"
                                      "that would start with =, +, - or @ starts with an apostrophe, so that\n"
                                      "spreadsheets do not run it as a formula.  --csv jira and --csv rally write\n"
                                      "one row per action instead, for the CSV import of Jira (Summary, Description,\n"
                                      "Issue Type, Status, Labels, Priority) or Rally (Name, Description, Schedule\n"
                                      "State, Tags), every cell quoted and unchanged.\n"
                                      "FILE may be a named pipe; one that no program writes to within 5 seconds is\n"
                                      "refused, and no file is read past 512 MiB.\n"
                                      "Exit status: 0 success, 1 bad input, 2 wrong usage.\n"
                                      "Example: journeys --export map.svg hotel.journey"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* GTK's own options are not offered: without --validate or --export this
   * is only a launcher for the application. */

  if (!g_option_context_parse_strv (context, args, &error))
    {
      status = usage_error (error->message);
      goto out;
    }

  n_files = options.files ? g_strv_length (options.files) : 0;

  if (g_strcmp0 (options.notes, "on") == 0)
    notes = JOURNEY_NOTES_SHOWN;
  else if (g_strcmp0 (options.notes, "off") == 0)
    notes = JOURNEY_NOTES_HIDDEN;
  else if (options.notes != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("--notes must be on or off, not “%s”"), options.notes);

      status = usage_error (message);
      goto out;
    }

  if (options.version)
    {
      g_print ("journeys %s\n", PACKAGE_VERSION);
      status = JOURNEY_EXIT_OK;
    }
  else if (options.validate != NULL && options.export != NULL)
    status = usage_error (_("use --validate or --export, not both"));
  else if (options.validate != NULL)
    status = run_validate_all (options.validate, (const char * const *) options.files);
  else if (options.export != NULL)
    {
      if (n_files != 1)
        status = usage_error (_("--export needs one project to export: journeys --export OUT FILE"));
      else if (!isfinite (options.scale) || options.scale <= 0 || options.scale > 16)
        status = usage_error (_("--scale must be a number greater than 0 and at most 16"));
      else if (options.csv != NULL && !journey_csv_flavour_from_name (options.csv, &flavour))
        {
          g_autofree char *message =
            g_strdup_printf (_("unknown CSV flavour “%s”: use plain, jira or rally"), options.csv);
          status = usage_error (message);
        }
      else
        status = run_export (options.export, options.files[0], options.map, options.scale,
                             options.csv, flavour, notes);
    }
  else if (options.map != NULL || options.scale != 1.0 || options.csv != NULL)
    status = usage_error (_("--map, --scale and --csv go with --export"));
  else if (options.notes != NULL)
    status = usage_error (_("--notes goes with --export"));
  else
    {
      /* Leave the files for the application to open. */
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_add (builder, (*args)[0] ? (*args)[0] : "journeys");
      for (guint i = 0; i < n_files; i++)
        g_strv_builder_add (builder, options.files[i]);
      g_strfreev (*args);
      *args = g_strv_builder_end (builder);
    }

out:
  options_clear (&options);
  return status;
}
