/* journey-mermaid-detect.c: a Mermaid journey told from anything else by
 * its content, and the fenced ```mermaid blocks of Markdown.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-mermaid"

#include "config.h"

#include <string.h>

#include "journey-mermaid-private.h"

/* Whether the text from @p to @end, once the blank lines, front matter,
 * comments and directives before it are skipped, starts with `journey`
 * in lower case (as Mermaid's detector decides: /^\s*journey/). */
gboolean
journey_mermaid_starts_with_journey (const char *p,
                     const char *end)
{
  gboolean in_front_matter = FALSE;
  gboolean in_directive = FALSE;
  gboolean at_start = TRUE;

  for (; p < end; p = next_line (p, end))
    {
      const char *e = content_end (p, end);
      const char *text = skip_space (p, e);

      if (in_directive)
        {
          const char *close = g_strstr_len (text, e - text, "}%%");

          if (close == NULL)
            continue;
          in_directive = FALSE;
          text = skip_space (close + 3, e);
        }
      if (in_front_matter)
        {
          in_front_matter = !is_front_matter_fence (text, e);
          continue;
        }
      if (text == e)
        continue;
      if (at_start && is_front_matter_fence (text, e))
        {
          in_front_matter = TRUE;
          at_start = FALSE;
          continue;
        }
      at_start = FALSE;
      if (has_keyword (text, e, "%%{"))
        {
          const char *close = g_strstr_len (text, e - text, "}%%");

          if (close == NULL)
            {
              in_directive = TRUE;
              continue;
            }
          text = skip_space (close + 3, e);
          if (text == e)
            continue;
        }
      if (has_keyword (text, e, "%%"))
        continue;
      return has_journey (text, e, TRUE);
    }
  return FALSE;
}

/* A line that opens a fenced block of Mermaid: ```mermaid or ~~~mermaid
 * (three markers or more, the info string's first word "mermaid"). */
gboolean
journey_mermaid_is_fence (const char *p,
                  const char *e,
                  Fence      *fence)
{
  const char *q = p;
  const char *info;

  while (q < e && (*q == ' ' || *q == '\t'))
    q++;
  if (q == e || (*q != '`' && *q != '~'))
    return FALSE;
  fence->marker = *q;
  fence->indent = q - p;
  for (fence->length = 0; q < e && *q == fence->marker; q++)
    fence->length++;
  if (fence->length < 3)
    return FALSE;
  info = skip_space (q, e);
  if (!has_keyword (info, e, "mermaid"))
    return FALSE;
  info += strlen ("mermaid");
  return info == e || is_space (info, e) || *info == '{';
}

gboolean
journey_mermaid_is_closing_fence (const char  *p,
                  const char  *e,
                  const Fence *fence)
{
  const char *q = p;
  guint n = 0;

  /* At most 3 spaces further in than the opening fence (CommonMark). */
  while (q < e && (*q == ' ' || *q == '\t') && (guint) (q - p) < fence->indent + 3)
    q++;
  while (q < e && *q == fence->marker)
    q++, n++;
  return n >= fence->length && skip_space (q, e) == e;
}

/**
 * journey_mermaid_detect:
 *
 * Tells a Mermaid journey from anything else by its content: a diagram
 * that starts with `journey` (after blank lines, front matter, comments
 * and directives), or a text with a ```mermaid block in it.  A JSON text
 * (a project) is neither.
 *
 * Returns: what @data holds
 */
JourneyMermaidKind
journey_mermaid_detect (const char *data,
                        gsize       length)
{
  const char *end = data + length;
  const char *p = data;

  g_return_val_if_fail (data != NULL || length == 0, JOURNEY_MERMAID_NONE);

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end || *p == '{' || *p == '[')
    return JOURNEY_MERMAID_NONE;

  if (journey_mermaid_starts_with_journey (p, end))
    return JOURNEY_MERMAID_DIAGRAM;

  for (p = data; p < end; p = next_line (p, end))
    {
      Fence fence;

      if (journey_mermaid_is_fence (p, content_end (p, end), &fence))
        return JOURNEY_MERMAID_MARKDOWN;
    }
  return JOURNEY_MERMAID_NONE;
}
