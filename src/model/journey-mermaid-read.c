/* journey-mermaid-read.c: Mermaid `journey` diagrams read as maps.
 *
 * A hand-written line parser that follows Mermaid's own grammar
 * (packages/mermaid/src/diagrams/user-journey/parser/journey.jison):
 * keywords are case-insensitive and tried in the lexer's order; `#` and
 * `%%` start comments; `;` is refused outside accTitle and accDescr; a
 * title runs to `#` or `;`, a section's name to `#`, `:` or `;`; a task is
 * `Name: data` where the data (up to `#` or `;`) is split at `:` into the
 * score and the actors, split at `,`.  Front matter and %%{ }%% directives,
 * which Mermaid strips before it parses, are skipped.
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

#include "journey-format.h"
#include "journey-mermaid-private.h"

static void
section_free (Section *section)
{
  g_free (section->name);
  g_free (section);
}

static void
task_free (Task *task)
{
  g_free (task->name);
  g_strfreev (task->actors);
  g_free (task->place);
  g_free (task);
}

/* -- Text ----------------------------------------------------------------- */

/* The text from @p to @end without the white space around it, as Mermaid
 * trims names. */
static char *
trimmed (const char *p,
         const char *end)
{
  const char *last = end;

  p = skip_space (p, end);
  while (last > p)
    {
      const char *prev = g_utf8_find_prev_char (p, last);

      if (prev == NULL || !is_space (prev, end))
        break;
      last = prev;
    }
  return g_strndup (p, last - p);
}

static const char *
find_any (const char *p,
          const char *end,
          const char *stops)
{
  while (p < end && strchr (stops, *p) == NULL)
    p++;
  return p;
}

/* "<br>", "<br/>" and "<br />", in any case, become line breaks. */
static char *
replace_line_breaks (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (g_ascii_strncasecmp (p, "<br", 3) == 0)
        {
          const char *q = p + 3;

          while (*q == ' ' || *q == '\t')
            q++;
          if (*q == '/')
            q++;
          if (*q == '>')
            {
              g_string_append_c (out, '\n');
              p = q + 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* -- Places and problems -------------------------------------------------- */

static char *
place_at (Parser     *self,
          const char *at)
{
  guint column = 1;

  for (const char *p = self->line_start; p < at; p = g_utf8_next_char (p))
    column++;
  /* TRANSLATORS: a place in a file */
  return g_strdup_printf (_("line %u, column %u"), self->line, column);
}

static gboolean
fail (Parser     *self,
      const char *at,
      const char *message)
{
  journey_problems_take (self->problems, place_at (self, at), g_strdup (message));
  return FALSE;
}

static gboolean
fail_semicolon (Parser     *self,
                const char *at)
{
  return fail (self, at, _("Mermaid does not allow “;” here"));
}

void
journey_mermaid_warn (Parser     *self,
      const char *place,
      char       *message)
{
  if (self->warnings != NULL)
    journey_problems_take (self->warnings, g_strdup (place), message);
  else
    g_free (message);
}

/* -- Statements ----------------------------------------------------------- */

static Section *
current_section (Parser *self)
{
  if (self->sections->len == 0)
    {
      Section *first = g_new0 (Section, 1);

      g_ptr_array_add (self->sections, first);
    }
  return g_ptr_array_index (self->sections, self->sections->len - 1);
}

static void
add_task (Parser     *self,
          char       *name,
          const char *data,
          const char *data_end)
{
  g_autofree char *text = g_strndup (data, data_end - data);
  g_auto(GStrv) pieces = g_strsplit (text, ":", -1);
  g_autofree char *score = trimmed (pieces[0], pieces[0] + strlen (pieces[0]));
  g_autoptr(GStrvBuilder) actors = g_strv_builder_new ();
  Task *task = g_new0 (Task, 1);
  char *end = NULL;

  task->name = name;
  task->place = place_at (self, data);
  task->section = self->sections->len > 0 ? self->sections->len - 1 : 0;
  current_section (self)->n_tasks++;

  /* Mermaid reads the score with Number(): a number, or nothing. */
  task->score = NAN;
  if (score[0] != '\0')
    task->score = g_ascii_strtod (score, &end);
  if (score[0] != '\0' && (end == NULL || *end != '\0' || !isfinite (task->score)))
    task->score = NAN;

  if (pieces[1] != NULL)
    {
      g_auto(GStrv) names = g_strsplit (pieces[1], ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *actor = trimmed (names[i], names[i] + strlen (names[i]));

          if (actor[0] != '\0')
            g_strv_builder_add (actors, actor);
        }
    }
  task->actors = g_strv_builder_end (actors);

  if (score[0] == '\0')
    journey_mermaid_warn (self, task->place,
          g_strdup_printf (_("the task “%s” has no score: it is placed at the middle of the scale"), name));
  else if (isnan (task->score))
    journey_mermaid_warn (self, task->place,
          g_strdup_printf (_("the score “%s” of the task “%s” is not a number: it is placed at the middle of the scale"),
                           score, name));
  g_ptr_array_add (self->tasks, task);
}

/* `title Text`: up to `#` or `;`. */
static gboolean
read_title (Parser      *self,
            const char **p,
            const char  *end)
{
  const char *value = *p + 6;
  const char *stop = find_any (value, end, "#;");
  g_autofree char *text = trimmed (value, stop);

  if (text[0] == '\0')
    return fail (self, *p, _("“title” needs the title after it"));
  if (stop < end && *stop == ';')
    return fail_semicolon (self, stop);
  g_free (self->title);
  self->title = g_steal_pointer (&text);
  *p = end;
  return TRUE;
}

/* `section Name`: up to `#`, `:` or `;`. */
static gboolean
read_section (Parser      *self,
              const char **p,
              const char  *end)
{
  const char *value = *p + 8;
  const char *stop = find_any (value, end, "#:;");
  g_autofree char *name = trimmed (value, stop);
  Section *section;

  if (name[0] == '\0')
    return fail (self, *p, _("“section” needs the section’s name after it"));
  if (stop < end && *stop == ':')
    return fail (self, stop, _("a section’s name cannot hold “:”"));
  if (stop < end && *stop == ';')
    return fail_semicolon (self, stop);

  section = g_new0 (Section, 1);
  section->name = replace_line_breaks (name);
  g_ptr_array_add (self->sections, section);
  *p = end;
  return TRUE;
}

/* `Name: score: actor, actor`. */
static gboolean
read_task (Parser      *self,
           const char **p,
           const char  *end)
{
  const char *stop = find_any (*p, end, "#:;");
  const char *data, *data_end;
  char *name;

  if (stop == *p)
    return fail (self, *p, _("a task needs a name before “:”"));
  if (stop == end || *stop == '#')
    return fail (self, stop, _("a task needs “:” and its score after its name (Name: 5: Actor)"));
  if (*stop == ';')
    return fail_semicolon (self, stop);

  data = stop + 1;
  data_end = find_any (data, end, "#;");
  if (data_end == data)
    return fail (self, data, _("“:” needs a score or actors after it"));
  if (data_end < end && *data_end == ';')
    return fail_semicolon (self, data_end);

  name = trimmed (*p, stop);
  /* The mark that the writer puts before a name that starts with a
   * keyword (journey-mermaid-write.c). */
  if (g_str_has_prefix (name, "\xE2\x80\x8B"))
    memmove (name, name + 3, strlen (name + 3) + 1);
  add_task (self, name, data, data_end);
  *p = end;
  return TRUE;
}

/* `accTitle: text`, `accDescr: text` or `accDescr {`; FALSE when @p
 * is none of them (then it is a task's name). */
static gboolean
read_accessibility (Parser      *self,
                    const char **p,
                    const char  *end)
{
  gboolean title = has_keyword (*p, end, "accTitle");
  const char *q = skip_space (*p + 8, end);

  if (q < end && *q == ':')
    {
      char **field = title ? &self->acc_title : &self->acc_descr;

      g_free (*field);
      *field = trimmed (q + 1, end);
      *p = end;
      return TRUE;
    }
  if (!title && q < end && *q == '{')
    {
      self->in_descr_block = TRUE;
      self->descr_line = self->line;
      self->descr_line_start = self->line_start;
      self->descr_at = *p;
      g_string_truncate (self->descr, 0);
      *p = q + 1;
      return TRUE;
    }
  return FALSE;
}

/* The inside of accDescr { … } or of %%{ … }%%, up to its end. */
static void
read_block (Parser      *self,
            const char **p,
            const char  *end)
{
  if (self->in_directive)
    {
      const char *close = g_strstr_len (*p, end - *p, "}%%");

      *p = close != NULL ? close + 3 : end;
      self->in_directive = close == NULL;
      return;
    }

  {
    const char *close = memchr (*p, '}', end - *p);
    g_autofree char *part = trimmed (*p, close != NULL ? close : end);

    if (part[0] != '\0')
      {
        if (self->descr->len > 0)
          g_string_append_c (self->descr, '\n');
        g_string_append (self->descr, part);
      }
    *p = close != NULL ? close + 1 : end;
    if (close != NULL)
      {
        self->in_descr_block = FALSE;
        g_free (self->acc_descr);
        self->acc_descr = g_strdup (self->descr->str);
      }
  }
}

/* One line of a diagram, from @p to @end (without its line break). */
static gboolean
read_line (Parser     *self,
           const char *p,
           const char *end)
{
  for (;;)
    {
      if (self->in_directive || self->in_descr_block)
        read_block (self, &p, end);
      p = skip_space (p, end);
      if (p >= end)
        return TRUE;
      if (self->in_directive || self->in_descr_block)
        continue;

      if (has_keyword (p, end, "%%{"))
        {
          self->in_directive = TRUE;
          self->directive_line = self->line;
          self->directive_line_start = self->line_start;
          self->directive_at = p;
          p += 3;
          continue;
        }
      /* Comments: `%%` or `#` to the end of the line, and (Mermaid's
       * second comment rule) any character but `}` followed by `%%`. */
      if (has_keyword (p, end, "%%") || *p == '#')
        return TRUE;
      if (*p != '}' && has_keyword (g_utf8_next_char (p), end, "%%"))
        return TRUE;
      if (*p == ';')
        return fail_semicolon (self, p);

      if (has_journey (p, end, !self->started))
        {
          if (self->started)
            return fail (self, p, _("“journey” may only start the diagram"));
          self->started = TRUE;
          p += 7;
          continue;
        }
      if (!self->started)
        return fail (self, p, _("a Mermaid journey starts with “journey”"));

      if (has_keyword (p, end, "title") && p + 5 < end && is_space (p + 5, end))
        return read_title (self, &p, end);
      if ((has_keyword (p, end, "accTitle") || has_keyword (p, end, "accDescr")) &&
          read_accessibility (self, &p, end))
        continue;
      if (has_keyword (p, end, "section") && p + 7 < end && is_space (p + 7, end))
        return read_section (self, &p, end);
      return read_task (self, &p, end);
    }
}

/* -- Lines ---------------------------------------------------------------- */

static void
parser_reset (Parser *self)
{
  self->started = FALSE;
  self->in_directive = FALSE;
  self->in_descr_block = FALSE;
  g_string_truncate (self->descr, 0);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->acc_title, g_free);
  g_clear_pointer (&self->acc_descr, g_free);
  g_ptr_array_set_size (self->sections, 0);
  g_ptr_array_set_size (self->tasks, 0);
}

/* Reads the lines from @p to @end (a whole file, or the inside of a
 * fenced block, each line @indent bytes of white space in at most) as one
 * diagram, starting at line @first_line. */
static gboolean
read_diagram (Parser     *self,
              const char *p,
              const char *end,
              guint       first_line,
              guint       indent)
{
  const char *start = p;
  gboolean at_start = TRUE;
  const char *front_matter = NULL;
  guint front_matter_line = 0;

  parser_reset (self);
  for (self->line = first_line; p < end; self->line++)
    {
      const char *e = content_end (p, end);
      const char *text = p;

      self->line_start = p;
      for (guint i = 0; i < indent && text < e && (*text == ' ' || *text == '\t'); i++)
        text++;

      /* Front matter: `---` lines around YAML, before anything else. */
      if (front_matter != NULL)
        {
          if (is_front_matter_fence (text, e))
            front_matter = NULL;
        }
      else if (at_start && is_front_matter_fence (text, e))
        {
          front_matter = text;
          front_matter_line = self->line;
        }
      else if (!read_line (self, text, e))
        return FALSE;
      if (skip_space (text, e) < e)
        at_start = FALSE;

      p = line_end (p, end);
      if (p < end)
        p++;
    }

  if (front_matter != NULL)
    {
      self->line = front_matter_line;
      self->line_start = front_matter;
      return fail (self, front_matter, _("the front matter (---) is not closed"));
    }
  if (self->in_descr_block)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not closed with “%s”"), "accDescr {", "}");

      self->line = self->descr_line;
      self->line_start = self->descr_line_start;
      return fail (self, self->descr_at, message);
    }
  if (self->in_directive)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not closed with “%s”"), "%%{", "}%%");

      self->line = self->directive_line;
      self->line_start = self->directive_line_start;
      return fail (self, self->directive_at, message);
    }
  if (!self->started)
    {
      self->line = first_line;
      self->line_start = start;
      return fail (self, start, _("there is no Mermaid journey here: a journey starts with “journey”"));
    }
  return TRUE;
}

/* -- Reading -------------------------------------------------------------- */

static gboolean
read_markdown (Parser         *self,
               JourneyProject *project,
               GHashTable     *map_ids)
{
  const char *end = self->data + self->length;
  const char *p = self->data;
  guint line = 1;

  while (p < end)
    {
      const char *first, *q;
      guint first_line;
      Fence fence;

      if (!journey_mermaid_is_fence (p, content_end (p, end), &fence))
        {
          p = next_line (p, end);
          line++;
          continue;
        }

      /* The block runs to its closing fence, or to the end. */
      first = q = next_line (p, end);
      first_line = ++line;
      while (q < end && !journey_mermaid_is_closing_fence (q, content_end (q, end), &fence))
        {
          q = next_line (q, end);
          line++;
        }

      if (journey_mermaid_starts_with_journey (first, q))
        {
          g_autoptr(JourneyMap) map = NULL;

          if (!read_diagram (self, first, q, first_line, fence.indent))
            return FALSE;
          map = journey_mermaid_build_map (self, map_ids);
          journey_list_append (project->maps, map);
        }
      p = next_line (q, end);
      line++;
    }

  if (journey_list_get_length (project->maps) == 0)
    {
      self->line = 1;
      self->line_start = self->data;
      return fail (self, self->data, _("no ```mermaid block in it starts with “journey”"));
    }
  return TRUE;
}

/**
 * journey_mermaid_read_data:
 * @problems: (element-type JourneyProblem): where to add the problem
 * @warnings: (nullable) (element-type JourneyProblem): where to add what
 *   had to be guessed
 *
 * Reads a Mermaid journey, or the Mermaid journeys of a Markdown text, as
 * a new project with one map each (see journey-mermaid-read.h).
 *
 * Returns: (transfer full) (nullable): the project, or %NULL
 */
JourneyProject *
journey_mermaid_read_data (const char  *data,
                           gsize        length,
                           GPtrArray   *problems,
                           GPtrArray   *warnings,
                           GError     **error)
{
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(GHashTable) map_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) own_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GString) descr = g_string_new (NULL);
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
  Parser self = {
    .data = data, .length = length, .problems = own_problems, .warnings = warnings,
    .line = 1, .line_start = data, .descr = descr, .sections = sections, .tasks = tasks,
  };
  const char *invalid = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = self.data = self.line_start = "";
  if (length > JOURNEY_FORMAT_MAX_SIZE)
    {
      journey_problems_take (own_problems, g_strdup (""),
                             g_strdup_printf (_("the file is larger than %d MiB"), JOURNEY_FORMAT_MAX_SIZE >> 20));
      ok = FALSE;
    }
  else if (!g_utf8_validate (data, length, &invalid))
    {
      for (const char *p = data; p < invalid; p++)
        if (*p == '\n')
          self.line++, self.line_start = p + 1;
      ok = fail (&self, invalid, _("the text is not valid UTF-8"));
    }
  else
    {
      project = journey_project_new ();
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        self.data += 3, self.length -= 3, self.line_start += 3;
      if (journey_mermaid_detect (self.data, self.length) == JOURNEY_MERMAID_MARKDOWN)
        ok = read_markdown (&self, project, map_ids);
      else if ((ok = read_diagram (&self, self.data, self.data + self.length, 1, 0)))
        {
          g_autoptr(JourneyMap) map = journey_mermaid_build_map (&self, map_ids);

          journey_list_append (project->maps, map);
        }
    }

  g_clear_pointer (&self.title, g_free);
  g_clear_pointer (&self.acc_title, g_free);
  g_clear_pointer (&self.acc_descr, g_free);

  if (ok)
    {
      JourneyMap *first = journey_list_peek (project->maps, 0);

      g_object_set (project, "title", first->title, NULL);
      /* What was made breaks no rule of the format. */
      ok = journey_project_check (project, own_problems);
    }
  if (!ok)
    {
      JourneyProblem *problem = g_ptr_array_index (own_problems, 0);

      g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID, "%s%s%s",
                   problem->path, problem->path[0] ? ": " : "", problem->message);
      if (problems != NULL)
        g_ptr_array_extend_and_steal (problems, g_steal_pointer (&own_problems));
      return NULL;
    }
  return g_steal_pointer (&project);
}
