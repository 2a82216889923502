/* journey-mermaid-private.h: what the Mermaid reader's parser and its
 * map builder share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "journey-mermaid-read.h"

G_BEGIN_DECLS

typedef struct
{
  char  *name;     /* NULL: the tasks before any section */
  guint  n_tasks;
} Section;

typedef struct
{
  char    *name;
  double   score;     /* NAN when missing or not a number */
  char   **actors;    /* in order, none empty */
  guint    section;   /* index in sections */
  char    *place;     /* "line L, column C" of the score, for warnings */
} Task;

typedef struct
{
  const char *data;
  gsize       length;
  GPtrArray  *problems;
  GPtrArray  *warnings;

  /* The line being read. */
  const char *line_start;
  guint       line;

  /* The diagram being read. */
  gboolean    started;        /* "journey" seen */
  gboolean    in_directive;   /* inside %%{ … }%% */
  gboolean    in_descr_block; /* inside accDescr { … } */
  guint       descr_line;     /* where accDescr { or %%{ began */
  const char *descr_line_start;
  const char *descr_at;
  guint       directive_line;
  const char *directive_line_start;
  const char *directive_at;
  GString    *descr;
  char       *title;
  char       *acc_title;
  char       *acc_descr;
  GPtrArray  *sections;       /* of Section */
  GPtrArray  *tasks;          /* of Task */
} Parser;

/* -- Text: UTF-8 lines of a diagram -------------------------------------- */

/* @p starts with @keyword, in any case. */
static inline gboolean
has_keyword (const char *p,
             const char *end,
             const char *keyword)
{
  gsize n = strlen (keyword);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, keyword, n) == 0;
}

/* @p starts with the keyword `journey`, in any case (@exact: in lower
 * case, as Mermaid's detector wants it at the start of a diagram), not
 * followed by a letter, digit or `_` (jison puts a word boundary after a
 * keyword). */
static inline gboolean
has_journey (const char *p,
             const char *end,
             gboolean    exact)
{
  if (exact ? (end - p < 7 || strncmp (p, "journey", 7) != 0) : !has_keyword (p, end, "journey"))
    return FALSE;
  return p + 7 == end || !(g_ascii_isalnum (p[7]) || p[7] == '_');
}

static inline gboolean
is_space (const char *p,
          const char *end)
{
  if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v')
    return TRUE;
  if ((guchar) *p < 0x80)
    return FALSE;
  return g_unichar_isspace (g_utf8_get_char_validated (p, end - p));
}

static inline const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && is_space (p, end))
    p = g_utf8_next_char (p);
  return p;
}

static inline const char *
line_end (const char *p,
          const char *end)
{
  const char *nl = memchr (p, '\n', end - p);

  return nl != NULL ? nl : end;
}

/* The line without its line break (and a CR before it). */
static inline const char *
content_end (const char *p,
             const char *end)
{
  const char *e = line_end (p, end);

  if (e > p && e[-1] == '\r')
    e--;
  return e;
}

static inline gboolean
is_front_matter_fence (const char *p,
                       const char *end)
{
  return has_keyword (p, end, "---") && skip_space (p + 3, end) == end;
}

static inline const char *
next_line (const char *p,
           const char *end)
{
  p = line_end (p, end);
  return p < end ? p + 1 : end;
}

typedef struct
{
  char  marker;  /* '`' or '~' */
  guint length;  /* of the run of markers */
  guint indent;  /* white space before it, in bytes */
} Fence;

gboolean    journey_mermaid_starts_with_journey (const char  *p,
                                                 const char  *end);
gboolean    journey_mermaid_is_fence            (const char  *p,
                                                 const char  *e,
                                                 Fence       *fence);
gboolean    journey_mermaid_is_closing_fence    (const char  *p,
                                                 const char  *e,
                                                 const Fence *fence);

/* Appends @message (taken) at @place to the parser's warnings. */
void        journey_mermaid_warn      (Parser     *self,
                                       const char *place,
                                       char       *message);

/* The map of the diagram just read; @map_ids holds the ids of the maps
 * made before it, and receives its own. */
JourneyMap *journey_mermaid_build_map (Parser     *self,
                                       GHashTable *map_ids);

G_END_DECLS
