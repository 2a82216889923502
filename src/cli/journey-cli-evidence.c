/* journey-cli-evidence.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* journeys --import-evidence SURVEY FILE --export OUT.journey and
 * journeys --refresh-evidence FILE [--export OUT.journey] (SPEC §5, §11):
 * no display needed. */

#define G_LOG_DOMAIN "journey-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "journey-cli.h"
#include "journey-cli-evidence.h"
#include "journey-document.h"
#include "journey-evidence.h"
#include "journey-format.h"

void
journey_cli_evidence_add_entries (GOptionContext     *context,
                                  JourneyCliEvidence *o)
{
  const GOptionEntry entries[] = {
    { "import-evidence", 0, 0, G_OPTION_ARG_FILENAME, &o->import_evidence,
      N_("Import the survey export SURVEY into the project FILE; with --export OUT.journey"), N_("SURVEY") },
    { "refresh-evidence", 0, 0, G_OPTION_ARG_FILENAME, &o->refresh_evidence,
      N_("Import again every survey source that the project FILE remembers; FILE is rewritten unless --export names another"),
      N_("FILE") },
    { "evidence-column", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->evidence_columns,
      N_("With --import-evidence: a column of scores for a touchpoint (wide); may be given again"),
      N_("COLUMN=TOUCHPOINT") },
    { "touchpoint-column", 0, 0, G_OPTION_ARG_STRING, &o->touchpoint_column,
      N_("With --import-evidence: the column that names each row’s touchpoint (long)"), N_("COLUMN") },
    { "score-column", 0, 0, G_OPTION_ARG_STRING, &o->score_column,
      N_("With --import-evidence: the column of each row’s score (long)"), N_("COLUMN") },
    { "time-column", 0, 0, G_OPTION_ARG_STRING, &o->time_column,
      N_("With --import-evidence: the column of each response’s time"), N_("COLUMN") },
    { "count-column", 0, 0, G_OPTION_ARG_STRING, &o->count_column,
      N_("With --import-evidence: the column of how many responses each row stands for"), N_("COLUMN") },
    { "survey-scale", 0, 0, G_OPTION_ARG_STRING, &o->survey_scale,
      N_("With --import-evidence: the survey’s scale, such as 0..10 (the map’s scale by default)"), N_("MIN..MAX") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &o->source,
      N_("With --import-evidence: the source’s name; importing the same name again replaces it"), N_("NAME") },
    { "follow", 0, 0, G_OPTION_ARG_NONE, &o->follow,
      N_("With --import-evidence: follow the survey file live while the project is open"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &o->since,
      N_("With --import-evidence: only responses from DATE on (YYYY-MM-DD)"), N_("DATE") },
    { "last-days", 0, 0, G_OPTION_ARG_INT, &o->last_days,
      N_("With --import-evidence: only the responses of the N days up to the newest one"), N_("N") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

gboolean
journey_cli_evidence_requested (JourneyCliEvidence *o)
{
  return o->import_evidence != NULL || o->refresh_evidence != NULL || o->evidence_columns != NULL ||
         o->touchpoint_column != NULL || o->score_column != NULL || o->time_column != NULL ||
         o->count_column != NULL || o->survey_scale != NULL || o->source != NULL || o->follow ||
         o->since != NULL || o->last_days != 0;
}

void
journey_cli_evidence_clear (JourneyCliEvidence *o)
{
  g_free (o->import_evidence);
  g_free (o->refresh_evidence);
  g_strfreev (o->evidence_columns);
  g_free (o->touchpoint_column);
  g_free (o->score_column);
  g_free (o->time_column);
  g_free (o->count_column);
  g_free (o->survey_scale);
  g_free (o->source);
  g_free (o->since);
}

static int
usage_error (const char *message)
{
  g_printerr ("journeys: %s\n", message);
  g_printerr (_("Run “journeys --help” to see how to use it.\n"));
  return JOURNEY_EXIT_USAGE;
}

static gboolean
parse_scale (const char *text,
             int        *min,
             int        *max)
{
  g_auto(GStrv) parts = g_strsplit (text, "..", 2);
  gint64 a, b;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_signed (parts[0], 10, -1000, 1000, &a, NULL) ||
      !g_ascii_string_to_signed (parts[1], 10, -1000, 1000, &b, NULL) ||
      a >= b || b - a + 1 > JOURNEY_SURVEY_MAX_STEPS)
    return FALSE;
  *min = (int) a;
  *max = (int) b;
  return TRUE;
}

static JourneyProject *
load (const char *path)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  JourneyProject *project = journey_format_read_file (file, problems, &error);

  if (project == NULL && problems->len == 0)
    g_printerr ("%s: %s\n", path, error != NULL ? error->message : _("cannot be read"));
  for (guint i = 0; project == NULL && i < problems->len; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (problems, i);

      if (problem->path[0] != '\0')
        g_printerr ("%s: %s: %s\n", path, problem->path, problem->message);
      else
        g_printerr ("%s: %s\n", path, problem->message);
    }
  return project;
}

/* Skipped rows on stderr: the first ones with their lines, then a count. */
static void
report (const char          *survey,
        JourneySurveyImport *import)
{
  GPtrArray *skipped = journey_survey_import_get_skipped (import);
  guint64 n_skipped = journey_survey_import_get_n_skipped (import);

  for (guint i = 0; i < skipped->len; i++)
    {
      JourneySurveySkip *skip = g_ptr_array_index (skipped, i);

      /* TRANSLATORS: "survey.csv:12: skipped: the score “x” is …" */
      g_printerr (_("%s:%llu: skipped: %s\n"), survey, (unsigned long long) skip->line, skip->reason);
    }
  if (n_skipped > skipped->len)
    g_printerr (_("%s: %llu more rows skipped\n"), survey, (unsigned long long) (n_skipped - skipped->len));
}

static int
import_error (const char *survey,
              GError     *error)
{
  if (error->domain == JOURNEY_SURVEY_MAPPING_ERROR)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", survey, error->message);

      return usage_error (message);
    }
  g_printerr ("%s: %s\n", survey, error->message);
  return JOURNEY_EXIT_INPUT;
}

static int
save (JourneyProject *project,
      const char     *out)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);
  g_autoptr(JourneyDocument) document = journey_document_new (project, NULL);
  g_autoptr(GError) error = NULL;

  if (!journey_document_save (document, file, JOURNEY_SAVE_NONE, &error))
    {
      g_printerr ("%s: %s\n", out, error->message);
      return JOURNEY_EXIT_INPUT;
    }
  return JOURNEY_EXIT_OK;
}

/* The folder of the project at @path. */
static GFile *
folder_of (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return g_file_get_parent (file);
}

static JourneyMap *
find_map (JourneyProject *project,
          const char     *path,
          const char     *map_id)
{
  JourneyMap *map = map_id != NULL ? journey_project_find_map (project, map_id)
                                   : journey_list_peek (project->maps, 0);

  if (map == NULL)
    g_printerr (_("%s: maps: no map has the id “%s”\n"), path, map_id);
  return map;
}

static int
run_import (JourneyCliEvidence *o,
            const char         *path,
            const char         *out,
            const char         *map_id)
{
  JourneySurveyOptions options = { .format = -1 };
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(JourneySurveyImport) import = NULL;
  g_autoptr(GFile) survey = g_file_new_for_commandline_arg (o->import_evidence);
  g_autoptr(GFile) in_dir = folder_of (path);
  g_autoptr(GFile) out_dir = folder_of (out);
  g_autoptr(GError) error = NULL;
  gint64 seconds;
  JourneyMap *map;
  int status;

  if (o->survey_scale != NULL && !parse_scale (o->survey_scale, &options.survey_min, &options.survey_max))
    return usage_error (_("--survey-scale must be MIN..MAX, two whole numbers with MIN below MAX, at most 101 steps"));
  options.has_survey_scale = o->survey_scale != NULL;
  if (o->since != NULL && !journey_survey_parse_time (o->since, &seconds))
    return usage_error (_("--since must be a date such as 2026-02-05"));
  if (o->since != NULL && o->last_days != 0)
    return usage_error (_("use --since or --last-days, not both"));
  if (o->last_days < 0)
    return usage_error (_("--last-days must be a number of days greater than 0"));

  project = load (path);
  if (project == NULL)
    return JOURNEY_EXIT_INPUT;
  map = find_map (project, path, map_id);
  if (map == NULL)
    return JOURNEY_EXIT_INPUT;

  options.evidence_columns = o->evidence_columns;
  options.touchpoint_column = o->touchpoint_column;
  options.score_column = o->score_column;
  options.time_column = o->time_column;
  options.count_column = o->count_column;
  options.since = o->since;
  options.last_days = o->last_days;

  /* Source paths are relative to the folder of the project written. */
  journey_evidence_rebase_paths (project, in_dir, out_dir);
  if (!journey_evidence_import_file (NULL, map, survey, out_dir, &options, o->source, o->follow,
                                     NULL, &import, &error))
    {
      if (import != NULL)
        report (o->import_evidence, import);
      return import_error (o->import_evidence, error);
    }
  report (o->import_evidence, import);
  status = save (project, out);
  return status;
}

static int
run_refresh (const char *path,
             const char *out)
{
  g_autoptr(JourneyProject) project = load (path);
  g_autoptr(GFile) in_dir = folder_of (path);
  g_autoptr(GFile) out_dir = folder_of (out);

  if (project == NULL)
    return JOURNEY_EXIT_INPUT;

  for (guint m = 0; m < journey_list_get_length (project->maps); m++)
    {
      JourneyMap *map = journey_list_peek (project->maps, m);

      for (guint i = 0; i < journey_list_get_length (map->evidence_sources); i++)
        {
          JourneyEvidenceSource *source = journey_list_peek (map->evidence_sources, i);
          g_autoptr(JourneySurveyImport) import = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *shown = g_strdup (source->path != NULL ? source->path : source->name);

          if (!journey_evidence_refresh_source (NULL, map, source, in_dir, NULL, &import, &error))
            {
              if (import != NULL)
                report (shown, import);
              return import_error (shown, error);
            }
          report (shown, import);
        }
    }
  journey_evidence_rebase_paths (project, in_dir, out_dir);
  return save (project, out);
}

int
journey_cli_evidence_run (JourneyCliEvidence  *o,
                          const char          *export,
                          char               **files,
                          const char          *map_id)
{
  guint n_files = files != NULL ? g_strv_length (files) : 0;

  if (o->import_evidence != NULL && o->refresh_evidence != NULL)
    return usage_error (_("use --import-evidence or --refresh-evidence, not both"));

  if (o->refresh_evidence != NULL)
    {
      if (n_files > 0 || map_id != NULL || o->evidence_columns != NULL || o->touchpoint_column != NULL ||
          o->score_column != NULL || o->time_column != NULL || o->count_column != NULL ||
          o->survey_scale != NULL || o->source != NULL || o->follow || o->since != NULL || o->last_days != 0)
        return usage_error (_("--refresh-evidence takes one project and --export OUT.journey only: "
                              "it imports every source as the project remembers it"));
      if (export != NULL && !g_str_has_suffix (export, ".journey"))
        return usage_error (_("--refresh-evidence writes a project: OUT must end in .journey"));
      return run_refresh (o->refresh_evidence, export != NULL ? export : o->refresh_evidence);
    }

  if (o->import_evidence == NULL)
    return usage_error (_("--evidence-column, --touchpoint-column, --score-column, --time-column, --count-column, "
                          "--survey-scale, --source, --follow, --since and --last-days go with --import-evidence"));
  if (n_files != 1 || export == NULL)
    return usage_error (_("--import-evidence needs one project and an output: "
                          "journeys --import-evidence SURVEY FILE --export OUT.journey"));
  if (!g_str_has_suffix (export, ".journey"))
    return usage_error (_("--import-evidence writes a project: OUT must end in .journey"));
  return run_import (o, files[0], export, map_id);
}
