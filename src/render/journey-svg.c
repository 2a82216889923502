/* journey-svg.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-svg"

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-svg.h"

/* -- low-level writing ---------------------------------------------------- */

void
journey_svg_append_escaped (GString    *out,
                            const char *text,
                            gboolean    attribute)
{
  const char *p, *end, *run;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  end = text + strlen (text);
  p = run = text;
  while (p < end)
    {
      guchar c = (guchar) *p;
      const char *rep = NULL;
      gsize skip = 1;

      if (c >= 0x20 && c < 0x7f)
        {
          switch (c)
            {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            default: p++; continue;
            }
        }
      else if (c < 0x20)
        {
          if (c == '\n')
            rep = attribute ? "&#10;" : "\n";
          else if (c == '\t')
            rep = attribute ? "&#9;" : "\t";
          else
            rep = ""; /* forbidden in XML 1.0, CR included (it would be normalised away) */
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            rep = "\xef\xbf\xbd";
          else
            {
              skip = g_utf8_next_char (p) - p;
              if (u == 0x7f || (u >= 0x80 && u <= 0x9f) || u == 0xfffe || u == 0xffff)
                rep = "";
              else
                {
                  p += skip;
                  continue;
                }
            }
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, rep);
      p += skip;
      run = p;
    }
  g_string_append_len (out, run, p - run);
}

/* Numbers with at most two decimals, no exponent, no locale. */
static void
num (GString *out,
     double   v)
{
  char buf[32];
  char *q = buf + sizeof buf;
  gint64 n;
  gboolean negative;
  int frac;

  if (!isfinite (v))
    v = 0;
  v = CLAMP (v, -1e12, 1e12);
  n = (gint64) llround (v * 100);
  negative = n < 0;
  if (negative)
    n = -n;
  frac = (int) (n % 100);
  n /= 100;

  if (frac != 0)
    {
      if (frac % 10 != 0)
        *--q = (char) ('0' + frac % 10);
      *--q = (char) ('0' + frac / 10);
      *--q = '.';
    }
  do
    {
      *--q = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n > 0);
  if (negative)
    *--q = '-';

  g_string_append_len (out, q, buf + sizeof buf - q);
}

static void
attr_num (GString    *out,
          const char *name,
          double      v)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  num (out, v);
  g_string_append_c (out, '"');
}

static void
attr_color (GString    *out,
            const char *name,
            guint32     rgb)
{
  static const char hex[] = "0123456789abcdef";
  char buf[8];

  buf[0] = '#';
  for (int i = 0; i < 6; i++)
    buf[1 + i] = hex[(rgb >> (20 - 4 * i)) & 0xf];

  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  g_string_append_len (out, buf, 7);
  g_string_append_c (out, '"');
}

static void
attr_text (GString    *out,
           const char *name,
           const char *value)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  journey_svg_append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

/* The start of an element: its name and class. */
static void
open_element (GString                *out,
              const char             *element,
              const JourneySceneNode *node)
{
  g_string_append_c (out, '<');
  g_string_append (out, element);
  g_string_append (out, " class=\"");
  journey_scene_node_append_class (node, out);
  g_string_append_c (out, '"');
}

/* The node's paint as presentation attributes: the scene has resolved it. */
static void
paint_attrs (GString            *out,
             const JourneyPaint *paint)
{
  if (paint->has_fill)
    {
      attr_color (out, "fill", paint->fill);
      if (paint->fill_opacity < 1)
        attr_num (out, "fill-opacity", paint->fill_opacity);
    }
  else
    g_string_append (out, " fill=\"none\"");

  if (paint->stroke_width > 0)
    {
      attr_color (out, "stroke", paint->stroke);
      attr_num (out, "stroke-width", paint->stroke_width);
      if (paint->n_dash > 0)
        {
          g_string_append (out, " stroke-dasharray=\"");
          for (guint i = 0; i < paint->n_dash; i++)
            {
              if (i > 0)
                g_string_append_c (out, ' ');
              num (out, paint->dash[i]);
            }
          g_string_append_c (out, '"');
        }
      if (paint->round)
        g_string_append (out, " stroke-linecap=\"round\" stroke-linejoin=\"round\"");
    }
}

static void
point (GString            *out,
       const JourneyPoint *p)
{
  num (out, p->x);
  g_string_append_c (out, ',');
  num (out, p->y);
}

static void
write_path_data (GString                *out,
                 const JourneySceneNode *node)
{
  g_string_append (out, " d=\"");
  for (guint i = 0; i < node->path.n_ops; i++)
    {
      const JourneyPathOp *op = &node->path.ops[i];

      switch (op->op)
        {
        case JOURNEY_PATH_MOVE:
          g_string_append_c (out, 'M');
          point (out, &op->p[0]);
          break;
        case JOURNEY_PATH_LINE:
          g_string_append_c (out, 'L');
          point (out, &op->p[0]);
          break;
        case JOURNEY_PATH_CURVE:
          g_string_append_c (out, 'C');
          point (out, &op->p[0]);
          g_string_append_c (out, ' ');
          point (out, &op->p[1]);
          g_string_append_c (out, ' ');
          point (out, &op->p[2]);
          break;
        case JOURNEY_PATH_CLOSE:
        default:
          g_string_append_c (out, 'Z');
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* One <text> with a <tspan> per line. */
static void
write_text (GString                *out,
            const JourneySceneNode *node)
{
  const JourneyFont *font = &node->text.font;
  const char *p, *nl;

  open_element (out, "text", node);
  attr_num (out, "x", node->text.x);
  attr_num (out, "y", node->text.baseline);
  attr_num (out, "font-size", font->size);
  if (font->bold)
    g_string_append (out, " font-weight=\"bold\"");
  if (font->italic)
    g_string_append (out, " font-style=\"italic\"");
  if (font->anchor == JOURNEY_TEXT_ANCHOR_MIDDLE)
    g_string_append (out, " text-anchor=\"middle\"");
  paint_attrs (out, &node->paint);
  g_string_append_c (out, '>');

  if (node->text.n_lines <= 1)
    journey_svg_append_escaped (out, node->text.text, FALSE);
  else
    for (guint i = 0, start = 0; i < node->text.n_lines; i++)
      {
        g_autofree char *line = NULL;

        p = node->text.text + start;
        nl = strchr (p, '\n');
        line = nl ? g_strndup (p, nl - p) : g_strdup (p);
        start += strlen (line) + 1;

        g_string_append (out, "<tspan");
        attr_num (out, "x", node->text.x);
        attr_num (out, "y", node->text.baseline + i * node->text.line_height);
        g_string_append_c (out, '>');
        journey_svg_append_escaped (out, line, FALSE);
        g_string_append (out, "</tspan>");
      }

  g_string_append (out, "</text>\n");
}

static void
write_node (GString                *out,
            const JourneySceneNode *node)
{
  switch (node->kind)
    {
    case JOURNEY_SCENE_GROUP_BEGIN:
      open_element (out, "g", node);
      if (node->group.id != NULL)
        attr_text (out, "data-id", node->group.id);
      g_string_append (out, ">\n");
      if (node->group.title != NULL)
        {
          g_string_append (out, "<title>");
          journey_svg_append_escaped (out, node->group.title, FALSE);
          g_string_append (out, "</title>\n");
        }
      break;

    case JOURNEY_SCENE_GROUP_END:
      g_string_append (out, "</g>\n");
      break;

    case JOURNEY_SCENE_RECT:
      open_element (out, "rect", node);
      attr_num (out, "x", node->rect.rect.x);
      attr_num (out, "y", node->rect.rect.y);
      attr_num (out, "width", node->rect.rect.width);
      attr_num (out, "height", node->rect.rect.height);
      if (node->rect.radius > 0)
        attr_num (out, "rx", node->rect.radius);
      paint_attrs (out, &node->paint);
      g_string_append (out, "/>\n");
      break;

    case JOURNEY_SCENE_LINE:
      open_element (out, "line", node);
      attr_num (out, "x1", node->line.x1);
      attr_num (out, "y1", node->line.y1);
      attr_num (out, "x2", node->line.x2);
      attr_num (out, "y2", node->line.y2);
      paint_attrs (out, &node->paint);
      g_string_append (out, "/>\n");
      break;

    case JOURNEY_SCENE_CIRCLE:
      open_element (out, "circle", node);
      /* A handle names its touchpoint, as its group would. */
      if (node->role == JOURNEY_ROLE_HANDLE && node->item_kind == JOURNEY_SCENE_ITEM_TOUCHPOINT)
        attr_text (out, "data-id", ((JourneyTouchpoint *) node->item)->id);
      attr_num (out, "cx", node->circle.cx);
      attr_num (out, "cy", node->circle.cy);
      attr_num (out, "r", node->circle.r);
      paint_attrs (out, &node->paint);
      g_string_append (out, "/>\n");
      break;

    case JOURNEY_SCENE_PATH:
      open_element (out, "path", node);
      write_path_data (out, node);
      paint_attrs (out, &node->paint);
      g_string_append (out, "/>\n");
      break;

    case JOURNEY_SCENE_TEXT:
      write_text (out, node);
      break;

    default:
      break;
    }
}

void
journey_svg_write_scene (JourneyScene *scene,
                         GString      *out)
{
  const JourneySceneNode *nodes;
  guint n;
  double width, height;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (out != NULL);

  nodes = journey_scene_get_nodes (scene);
  n = journey_scene_get_n_nodes (scene);
  width = journey_scene_get_width (scene);
  height = journey_scene_get_height (scene);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  attr_num (out, "width", width);
  attr_num (out, "height", height);
  g_string_append (out, " viewBox=\"0 0 ");
  num (out, width);
  g_string_append_c (out, ' ');
  num (out, height);
  g_string_append (out, "\" class=\"journey-map\"");
  attr_text (out, "font-family", journey_scene_get_css_family (scene));
  g_string_append (out, " role=\"img\">\n");

  g_string_append (out, "<title>");
  journey_svg_append_escaped (out, journey_scene_get_title (scene), FALSE);
  g_string_append (out, "</title>\n<desc>");
  journey_svg_append_escaped (out, journey_scene_get_description (scene), FALSE);
  g_string_append (out, "</desc>\n");

  /* Everything is styled on its element; the sheet only names the font
   * again for renderers that do not inherit it into <text>. */
  g_string_append (out, "<style>\ntext { font-family: ");
  g_string_append (out, journey_scene_get_css_family (scene));
  g_string_append (out, "; }\n</style>\n");

  for (guint i = 0; i < n; i++)
    write_node (out, &nodes[i]);

  g_string_append (out, "</svg>\n");
}

char *
journey_svg_scene_to_string (JourneyScene *scene,
                             gsize        *length)
{
  GString *out;

  g_return_val_if_fail (scene != NULL, NULL);

  /* About 110 bytes a node. */
  out = g_string_sized_new (4096 + journey_scene_get_n_nodes (scene) * 110);
  journey_svg_write_scene (scene, out);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

char *
journey_svg_to_string (JourneyLayout *layout,
                       gsize         *length)
{
  g_autoptr(JourneyScene) scene = NULL;

  g_return_val_if_fail (layout != NULL, NULL);

  scene = journey_scene_new (layout);
  return journey_svg_scene_to_string (scene, length);
}
