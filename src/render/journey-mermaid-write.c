/* journey-mermaid-write.c: a map written as a Mermaid `journey` diagram.
 *
 * Mermaid's grammar (journey.jison) decides what a name may hold: a title
 * runs to `#` or `;`; a section's name and a task's name to `#`, `:` or
 * `;`; an actor to `#`, `:`, `;` or `,`; a task's name must not start with
 * a keyword (the lexer tries `journey`, `title `, `accTitle`, `accDescr`
 * and `section ` before a name), nor with a comment (`%%`).  Mermaid also
 * takes `<` and `&` in a title as HTML.  What would be read otherwise is
 * replaced by a character that looks the same, and reported.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-mermaid"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-file.h"
#include "journey-mermaid-write.h"

/* The invisible mark before a task's name that starts with a keyword. */
#define ZERO_WIDTH_SPACE "\xE2\x80\x8B"

typedef enum
{
  NAME_TITLE,
  NAME_SECTION,
  NAME_TASK,
  NAME_ACTOR,
  NAME_DESCRIPTION,  /* accDescr: only `<`, `&` and, in a block, `}` */
} NameKind;

typedef struct
{
  GString    *out;
  GPtrArray  *alterations;
  guint       map_index;
} Writer;

static const char *
replacement (gunichar  c,
             NameKind  kind)
{
  switch (c)
    {
    case ':':
      return kind == NAME_TITLE || kind == NAME_DESCRIPTION ? NULL : "\xE2\x88\xB6"; /* ∶ RATIO */
    case '#':
      return kind == NAME_DESCRIPTION ? NULL : "\xEF\xBC\x83";  /* ＃ */
    case ';':
      return kind == NAME_DESCRIPTION ? NULL : "\xEF\xBC\x9B";  /* ； */
    case ',':
      return kind == NAME_ACTOR ? "\xE2\x80\x9A" : NULL;        /* ‚ SINGLE LOW-9 QUOTATION MARK */
    case '<':
      return "\xEF\xBC\x9C";                                    /* ＜ */
    case '&':
      return "\xEF\xBC\x86";                                    /* ＆ */
    case '}':
      return kind == NAME_DESCRIPTION ? "\xEF\xBD\x9D" : NULL;  /* ｝ */
    case '\n':
      return kind == NAME_SECTION ? "<br>" : kind == NAME_DESCRIPTION ? NULL : " ";
    case '\r':
    case '\t':
      return kind == NAME_DESCRIPTION && c == '\t' ? NULL : " ";
    default:
      return NULL;
    }
}

/* Whether Mermaid's lexer would read a keyword or a comment at the start
 * of @name (journey.jison tries them before a task's name): `journey` (a
 * word of its own), `title ` and `section ` (with white space after),
 * `accTitle:`, `accDescr:` or `accDescr {`, `%%`, or one character and
 * `%%`; in any case. */
static gboolean
starts_with_keyword (const char *name)
{
  const char *after = NULL;

  if (g_ascii_strncasecmp (name, "journey", 7) == 0)
    return !(g_ascii_isalnum (name[7]) || name[7] == '_');
  if (g_ascii_strncasecmp (name, "title", 5) == 0 || g_ascii_strncasecmp (name, "section", 7) == 0)
    return g_ascii_isspace (name[g_ascii_tolower (name[0]) == 't' ? 5 : 7]);
  if (g_ascii_strncasecmp (name, "acctitle", 8) == 0 || g_ascii_strncasecmp (name, "accdescr", 8) == 0)
    {
      for (after = name + 8; g_ascii_isspace (*after); after++)
        ;
      return *after == ':' || (*after == '{' && g_ascii_tolower (name[3]) == 'd');
    }
  return g_str_has_prefix (name, "%%") || (name[0] != '\0' && g_str_has_prefix (g_utf8_next_char (name), "%%"));
}

/* @text as Mermaid must be given it to show it; "" for NULL. */
static char *
escape_name (const char *text,
             NameKind    kind)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  GString *out = g_string_new (NULL);

  if (kind == NAME_TASK && starts_with_keyword (stripped))
    g_string_append (out, ZERO_WIDTH_SPACE);
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *with = replacement (c, kind);

      /* `%%` anywhere in a task's name would be a comment at its start:
       * it is split. */
      if (kind == NAME_TASK && c == '%' && p[1] == '%')
        with = "%" ZERO_WIDTH_SPACE;
      if (with != NULL)
        g_string_append (out, with);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Appends @text, escaped, and notes the alteration at @place. */
static void
append_name (Writer     *self,
             const char *text,
             NameKind    kind,
             const char *fallback,
             char       *place)
{
  g_autofree char *escaped = escape_name (text, kind);
  g_autofree char *own_place = place;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (escaped[0] == '\0' && fallback != NULL)
    {
      g_free (escaped);
      escaped = escape_name (fallback, kind);
    }
  if (!g_str_equal (escaped, stripped) && self->alterations != NULL)
    /* TRANSLATORS: what the Mermaid export changed; the first %s is a
     * name as it is in the map, the second as it is written */
    journey_problems_take (self->alterations, g_steal_pointer (&own_place),
                           g_strdup_printf (_("“%s” is written “%s” so that Mermaid shows it"),
                                            stripped, escaped));
  g_string_append (self->out, escaped);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The satisfaction of @touchpoint on 1–5, rounded. */
static int
score_of (JourneyMap        *map,
          JourneyTouchpoint *touchpoint)
{
  double fraction = journey_scale_fraction (map->scale, journey_map_get_satisfaction (map, touchpoint));

  return CLAMP ((int) lround (1 + 4 * fraction), 1, 5);
}

static void
write_header (Writer     *self,
              JourneyMap *map)
{
  g_string_append (self->out, "journey\n");
  if (!is_blank (map->title))
    {
      g_string_append (self->out, "  title ");
      append_name (self, map->title, NAME_TITLE, NULL, g_strdup_printf ("maps[%u].title", self->map_index));
      g_string_append_c (self->out, '\n');
    }
  if (map->objective != NULL && map->objective[0] != '\0')
    {
      gboolean block = strchr (map->objective, '\n') != NULL;
      g_autofree char *place = g_strdup_printf ("maps[%u].objective", self->map_index);

      gsize start;

      g_string_append (self->out, block ? "  accDescr {\n    " : "  accDescr: ");
      start = self->out->len;
      append_name (self, map->objective, NAME_DESCRIPTION, NULL, g_steal_pointer (&place));
      /* Each line indented, so that none closes a Markdown fence (``` at
       * most 3 spaces in) around the diagram. */
      for (gsize i = start; i < self->out->len; i++)
        if (self->out->str[i] == '\n')
          g_string_insert (self->out, i + 1, "    ");
      g_string_append (self->out, block ? "\n  }\n" : "\n");
    }
}

static void
write_task (Writer            *self,
            JourneyMap        *map,
            JourneyTouchpoint *touchpoint,
            GHashTable        *lanes_noted)
{
  JourneyLane *lane = journey_map_find_lane (map, touchpoint->lane);
  int lane_index = journey_map_find_lane_index (map, touchpoint->lane);
  guint index = 0;

  journey_list_find (map->touchpoints, touchpoint, &index);
  g_string_append (self->out, "    ");
  append_name (self, touchpoint->title, NAME_TASK, journey_touchpoint_get_display_name (touchpoint),
               g_strdup_printf ("maps[%u].touchpoints[%u].title", self->map_index, index));
  g_string_append_printf (self->out, ": %d", score_of (map, touchpoint));
  if (lane != NULL)
    {
      /* A lane's name is reported once, not at each of its tasks. */
      GPtrArray *alterations = g_hash_table_contains (lanes_noted, lane) ? NULL : self->alterations;
      GPtrArray *saved = self->alterations;

      g_hash_table_add (lanes_noted, lane);
      self->alterations = alterations;
      g_string_append (self->out, ": ");
      append_name (self, journey_lane_get_display_name (lane), NAME_ACTOR, lane->id,
                   g_strdup_printf ("maps[%u].lanes[%d].name", self->map_index, lane_index));
      self->alterations = saved;
    }
  g_string_append_c (self->out, '\n');
}

static void
write_map (Writer     *self,
           JourneyMap *map)
{
  g_autoptr(GPtrArray) touchpoints = journey_map_get_curve_touchpoints (map);
  g_autoptr(GHashTable) lanes_noted = g_hash_table_new (NULL, NULL);
  guint n_stages = journey_list_get_length (map->stages);
  guint next = 0;

  write_header (self, map);
  for (guint i = 0; i < n_stages; i++)
    {
      JourneyStage *stage = journey_list_peek (map->stages, i);

      /* A first stage without a name holds the tasks before any section,
       * as the reader makes it. */
      if (i > 0 || !is_blank (stage->name))
        {
          g_string_append (self->out, "  section ");
          append_name (self, journey_stage_get_display_name (stage), NAME_SECTION, stage->id,
                       g_strdup_printf ("maps[%u].stages[%u].name", self->map_index, i));
          g_string_append_c (self->out, '\n');
        }

      /* The touchpoints are in time order, and so are the stages. */
      while (next < touchpoints->len &&
             (i + 1 == n_stages ||
              journey_map_get_touchpoint_stage (map, g_ptr_array_index (touchpoints, next)) == stage))
        write_task (self, map, g_ptr_array_index (touchpoints, next++), lanes_noted);
    }
}

/**
 * journey_mermaid_write_data:
 * @alterations: (nullable) (element-type JourneyProblem): where to add
 *   the names that were altered
 *
 * Returns: (transfer full): the Mermaid text of @map, ending in a line break
 */
char *
journey_mermaid_write_data (JourneyProject      *project,
                            JourneyMap          *map,
                            JourneyMermaidStyle  style,
                            GPtrArray           *alterations)
{
  Writer self = { .out = g_string_new (NULL), .alterations = alterations };

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  journey_list_find (project->maps, map, &self.map_index);
  if (style == JOURNEY_MERMAID_FENCED)
    {
      g_autofree char *heading = g_strdup (journey_map_get_display_name (map));

      g_strdelimit (heading, "\r\n", ' ');
      g_string_append_printf (self.out, "# %s\n\n```mermaid\n", g_strstrip (heading));
    }
  write_map (&self, map);
  if (style == JOURNEY_MERMAID_FENCED)
    g_string_append (self.out, "```\n");
  return g_string_free (self.out, FALSE);
}

static gboolean
export_to (JourneyProject       *project,
           JourneyMap           *map,
           JourneyMermaidStyle   style,
           const char           *path,
           GError              **error)
{
  g_autoptr(GPtrArray) alterations = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autofree char *text = NULL;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = journey_mermaid_write_data (project, map, style, alterations);
  if (!journey_write_file_atomically (path, text, strlen (text), FALSE, error))
    return FALSE;

  /* What was altered, placed, as the command line reports problems. */
  for (guint i = 0; i < alterations->len; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (alterations, i);

      g_printerr ("%s: %s: %s\n", path, problem->path, problem->message);
    }
  return TRUE;
}

/**
 * journey_mermaid_export_plain:
 *
 * The export table's writer of .mmd: the diagram alone.
 *
 * Returns: whether it was written
 */
gboolean
journey_mermaid_export_plain (JourneyProject             *project,
                              JourneyMap                 *map,
                              const JourneyExportOptions *options,
                              const char                 *path,
                              GError                    **error)
{
  return export_to (project, map, JOURNEY_MERMAID_PLAIN, path, error);
}

/**
 * journey_mermaid_export_fenced:
 *
 * The export table's writer of .md: a heading and the diagram in a
 * ```mermaid block.
 *
 * Returns: whether it was written
 */
gboolean
journey_mermaid_export_fenced (JourneyProject             *project,
                               JourneyMap                 *map,
                               const JourneyExportOptions *options,
                               const char                 *path,
                               GError                    **error)
{
  return export_to (project, map, JOURNEY_MERMAID_FENCED, path, error);
}
