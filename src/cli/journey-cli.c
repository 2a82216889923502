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
#if defined (__GLIBC__) && defined (__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "journey-cli.h"
#include "journey-cli-evidence.h"
#include "journey-csv.h"
#include "journey-export.h"
#include "journey-format.h"
#include "journey-layout.h"
#include "journey-session-cli.h"

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
  char     *session;
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
  g_free (options->session);
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

/* @option (such as "--csv") applies only to the formats with @flags. */
static int
option_refused (const char         *option,
                JourneyExportFlags  flags)
{
  g_autofree char *extensions = journey_export_describe_extensions (flags);
  /* Translators: the first %s is an option such as --csv, the second a list
   * of extensions such as “.svg, .png or .pdf” */
  g_autofree char *message = g_strdup_printf (_("%s goes with an OUT that ends in %s"), option, extensions);

  return usage_error (message);
}

/* A scale so small that the image would be a few pixels is a mistake
 * (1e-300 made a 1 × 1 PNG). */
static gboolean
scale_too_small (JourneyProject             *project,
                 JourneyMap                 *map,
                 const JourneyExportOptions *options)
{
  g_autoptr(JourneyLayout) layout = NULL;

  if (map == NULL)
    map = journey_list_peek (project->maps, 0);
  if (map == NULL)
    return FALSE;
  layout = journey_export_layout_new (project, map, options);
  return layout->width * options->scale < MIN_IMAGE_WIDTH;
}

/* A big map's export touches some 25 bytes of memory for each byte of its
 * file, and most of the time it takes goes to the kernel finding and
 * clearing that memory 4 KiB at a time.  A process that reads one file
 * and ends reserves its heap for it at once and asks for huge pages in it
 * (where Linux gives them on request: "madvise" or "always"), and keeps
 * what it frees for what it allocates next: an eighth of the page faults
 * for bench-export's 10,000 touchpoints.  Only for files of a megabyte
 * and more, and only on glibc's own heap (a sanitizer's allocator never
 * grows it: then nothing changes). */
#define RESERVE_FROM_BYTES  (1 << 20)
#define RESERVE_PER_BYTE    64
#define RESERVE_MAX         ((gsize) 1 << 30)

static void
reserve_heap (const char *path)
{
#if defined (__GLIBC__) && defined (__linux__) && defined (MADV_HUGEPAGE)
  guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
  guintptr start, end;
  GStatBuf st;
  gsize reserve;
  void *grow;

  if (g_stat (path, &st) != 0 || st.st_size < RESERVE_FROM_BYTES)
    return;
  reserve = MIN ((gsize) st.st_size * RESERVE_PER_BYTE, RESERVE_MAX);

  /* Blocks up to glibc's largest threshold come from the heap, and the
   * heap is not given back before the end. */
  mallopt (M_MMAP_THRESHOLD, 32 << 20);
  mallopt (M_TRIM_THRESHOLD, (int) RESERVE_MAX);

  /* Grow the heap by the reserve in one step, and advise what it grew by. */
  start = ((guintptr) sbrk (0) + page - 1) & ~(page - 1);
  mallopt (M_TOP_PAD, (int) reserve);
  grow = g_malloc (1 << 20);
  mallopt (M_TOP_PAD, 128 * 1024);
  end = (guintptr) sbrk (0);
  if (end > start)
    (void) madvise ((void *) start, end - start, MADV_HUGEPAGE);
  g_free (grow);
#endif
}

/* The project exported last.  Taking a big project apart costs a tenth
 * of its export, and the kernel frees it at once when the process ends:
 * the command line's export leaves it held here, where a leak checker
 * finds it reachable.  (Run again in one process, the export frees the
 * project of the one before.) */
static JourneyProject *kept_to_the_end;

static int
run_export (const char                 *out,
            const char                 *path,
            const char                 *map_id,
            const JourneyExportOptions *options,
            gboolean                    csv_given)
{
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  const JourneyExportFormat *format;
  JourneyMap *map = NULL;

  format = journey_export_format_for_path (out, &error);
  if (format == NULL)
    return usage_error (error->message);

  if (csv_given && !(format->flags & JOURNEY_EXPORT_USES_CSV_FLAVOUR))
    return option_refused ("--csv", JOURNEY_EXPORT_USES_CSV_FLAVOUR);
  if (options->notes != JOURNEY_NOTES_AS_MAP && !(format->flags & JOURNEY_EXPORT_USES_NOTES))
    return option_refused ("--notes", JOURNEY_EXPORT_USES_NOTES);

  /* Only the project format may replace the project it is made from: any
   * other would destroy it. */
  if (!(format->flags & JOURNEY_EXPORT_PROJECT) && is_same_file (out, path))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is the project FILE itself; exporting to it would destroy the project"), out);
      return usage_error (message);
    }

  reserve_heap (path);
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

  if ((format->flags & JOURNEY_EXPORT_USES_SCALE) && scale_too_small (project, map, options))
    {
      g_autofree char *message =
        g_strdup_printf (_("--scale %g would make an image less than %d pixels wide"), options->scale, MIN_IMAGE_WIDTH);
      return usage_error (message);
    }

  file = g_file_new_for_commandline_arg (out);
  if (!journey_export_write (project, map, format, options, file, &error))
    {
      g_printerr ("%s: %s\n", out, error->message);
      return JOURNEY_EXIT_INPUT;
    }
  g_set_object (&kept_to_the_end, project);
  return JOURNEY_EXIT_OK;
}

int
journey_cli_run (char ***args)
{
  Options options = { .scale = 1.0 };
  g_autofree char *extensions = journey_export_describe_extensions (0);
  /* Translators: %s is a list of extensions such as “.svg, .png or .pdf” */
  g_autofree char *export_help = g_strdup_printf (_("Write the project FILE to OUT, in the format OUT’s extension names: %s"),
                                                  extensions);
  JourneyCliEvidence evidence = { 0 };
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_FILENAME, &options.validate,
      N_("Check FILE and the FILEs after it and print their problems; exit 0 if all are valid, 1 if any is not"),
      N_("FILE") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &options.export,
      export_help, N_("OUT") },
    { "map", 0, 0, G_OPTION_ARG_STRING, &options.map,
      N_("With --export: the id of the map to export (the first map by default)"), N_("ID") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale,
      N_("With --export to PNG: the size, 2 for twice as large (1 by default)"), N_("N") },
    { "csv", 0, 0, G_OPTION_ARG_STRING, &options.csv,
      N_("With --export to CSV: plain (the default), jira or rally"), N_("FLAVOUR") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &options.notes,
      N_("With --export to SVG, PNG or PDF: on or off, to show or hide the notes on the map whatever the map says"),
      N_("on|off") },
    { "session", 0, 0, G_OPTION_ARG_FILENAME, &options.session,
      N_("Start a workshop session on FILE in a process of its own and print where participants join"),
      N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, N_("[FILE…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  JourneyExportOptions export_options = JOURNEY_EXPORT_OPTIONS_INIT;
  guint n_files;
  int status = -1;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Map customer journeys: open FILEs in windows, or check and export them."));
  description = g_strconcat (_("The CSV lists the pain points, opportunities and actions, one a row; a cell\n"
                               "that would start with =, +, - or @ starts with an apostrophe, so that\n"
                               "spreadsheets do not run it as a formula.  --csv jira and --csv rally write\n"
                               "one row per action instead, for the CSV import of Jira (Summary, Description,\n"
                               "Issue Type, Status, Labels, Priority) or Rally (Name, Description, Schedule\n"
                               "State, Tags), every cell quoted and unchanged.\n"
                               "FILE may be a named pipe; one that no program writes to within 5 seconds is\n"
                               "refused, and no file is read past 512 MiB.\n"
                               "Exit status: 0 success, 1 bad input, 2 wrong usage.\n"
                               "Example: journeys --export map.svg hotel.journey"),
                             "\n",
                             _("FILE may also be a Mermaid journey diagram (a .mmd file, or Markdown with\n"
                               "```mermaid blocks), read as a new project; an OUT that ends in .mmd or .md\n"
                               "writes a map as one."),
                             NULL);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  journey_cli_evidence_add_entries (context, &evidence);
  /* GTK's own options are not offered: without --validate or --export this
   * is only a launcher for the application. */

  if (!g_option_context_parse_strv (context, args, &error))
    {
      status = usage_error (error->message);
      goto out;
    }

  n_files = options.files ? g_strv_length (options.files) : 0;

  if (g_strcmp0 (options.notes, "on") == 0)
    export_options.notes = JOURNEY_NOTES_SHOWN;
  else if (g_strcmp0 (options.notes, "off") == 0)
    export_options.notes = JOURNEY_NOTES_HIDDEN;
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
  else if (journey_cli_evidence_requested (&evidence))
    status = journey_cli_evidence_run (&evidence, options.export, options.files, options.map);
  else if (options.session != NULL)
    {
      g_autoptr(JourneyProject) project = NULL;

      if (options.validate != NULL || options.export != NULL || n_files > 0 || options.scale != 1.0 ||
          options.csv != NULL || options.notes != NULL)
        status = usage_error (_("--session takes one project and, at most, --map: journeys --session FILE"));
      else if ((project = load (options.session)) == NULL)
        status = JOURNEY_EXIT_INPUT;
      else
        status = journey_session_cli_run (project, options.session, options.map);
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
      else if (options.csv != NULL && !journey_csv_flavour_from_name (options.csv, &export_options.csv_flavour))
        {
          g_autofree char *message =
            g_strdup_printf (_("unknown CSV flavour “%s”: use plain, jira or rally"), options.csv);
          status = usage_error (message);
        }
      else
        {
          export_options.scale = options.scale;
          status = run_export (options.export, options.files[0], options.map, &export_options,
                               options.csv != NULL);
        }
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
  journey_cli_evidence_clear (&evidence);
  return status;
}
