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

#include "journey-file.h"
#include "journey-scene.h"
#include "journey-svg.h"

/* -- low-level writing ---------------------------------------------------- */

/* Appends @len bytes: g_string_append_len() without its function call and
 * checks while there is room, for the million small pieces of a big map. */
static inline void
put (GString    *out,
     const char *s,
     gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, s, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, (gssize) len);
}

static inline void
put_c (GString *out,
       char     c)
{
  put (out, &c, 1);
}

/* A string literal. */
#define PUT(out, literal) put ((out), "" literal, sizeof (literal) - 1)

static inline void
put_str (GString    *out,
         const char *s)
{
  put (out, s, strlen (s));
}

static void
append_escaped_len (GString    *out,
                    const char *text,
                    const char *end,
                    gboolean    attribute);

void
journey_svg_append_escaped (GString    *out,
                            const char *text,
                            gboolean    attribute)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  append_escaped_len (out, text, text + strlen (text), attribute);
}

/* The text from @text to @end, escaped as journey_svg_append_escaped()
 * says. */
static void
append_escaped_len (GString    *out,
                    const char *text,
                    const char *end,
                    gboolean    attribute)
{
  const char *p, *run;

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

      put (out, run, p - run);
      put_str (out, rep);
      p += skip;
      run = p;
    }
  put (out, run, p - run);
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

  put (out, q, buf + sizeof buf - q);
}

/* The attributes: @name is a string literal. */
#define attr_num(out, name, v)    (PUT ((out), " " name "=\""), num ((out), (v)), put_c ((out), '"'))
#define attr_color(out, name, v)  (PUT ((out), " " name "=\""), color ((out), (v)), put_c ((out), '"'))
#define attr_text(out, name, v)   (PUT ((out), " " name "=\""), journey_svg_append_escaped ((out), (v), TRUE), \
                                   put_c ((out), '"'))

static void
color (GString *out,
       guint32  rgb)
{
  static const char hex[] = "0123456789abcdef";
  char buf[8];

  buf[0] = '#';
  for (int i = 0; i < 6; i++)
    buf[1 + i] = hex[(rgb >> (20 - 4 * i)) & 0xf];
  put (out, buf, 7);
}

/* The start of an element: its name and class. */
static void
open_element (GString                *out,
              const char             *element,
              const JourneySceneNode *node)
{
  put_c (out, '<');
  put_str (out, element);
  PUT (out, " class=\"");
  journey_scene_node_append_class (node, out);
  put_c (out, '"');
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
    PUT (out, " fill=\"none\"");

  if (paint->stroke_width > 0)
    {
      attr_color (out, "stroke", paint->stroke);
      attr_num (out, "stroke-width", paint->stroke_width);
      if (paint->n_dash > 0)
        {
          PUT (out, " stroke-dasharray=\"");
          for (guint i = 0; i < paint->n_dash; i++)
            {
              if (i > 0)
                put_c (out, ' ');
              num (out, paint->dash[i]);
            }
          put_c (out, '"');
        }
      if (paint->round)
        PUT (out, " stroke-linecap=\"round\" stroke-linejoin=\"round\"");
    }
}

static void
point (GString            *out,
       const JourneyPoint *p)
{
  num (out, p->x);
  put_c (out, ',');
  num (out, p->y);
}

static void
write_path_data (GString                *out,
                 const JourneySceneNode *node)
{
  PUT (out, " d=\"");
  for (guint i = 0; i < node->path.n_ops; i++)
    {
      const JourneyPathOp *op = &node->path.ops[i];

      switch (op->op)
        {
        case JOURNEY_PATH_MOVE:
          put_c (out, 'M');
          point (out, &op->p[0]);
          break;
        case JOURNEY_PATH_LINE:
          put_c (out, 'L');
          point (out, &op->p[0]);
          break;
        case JOURNEY_PATH_CURVE:
          put_c (out, 'C');
          point (out, &op->p[0]);
          put_c (out, ' ');
          point (out, &op->p[1]);
          put_c (out, ' ');
          point (out, &op->p[2]);
          break;
        case JOURNEY_PATH_CLOSE:
        default:
          put_c (out, 'Z');
          break;
        }
    }
  put_c (out, '"');
}

/* One <text> with a <tspan> per line. */
static void
write_text (GString                *out,
            const JourneySceneNode *node)
{
  const JourneyFont *font = &node->text.font;
  const char *p, *nl = NULL;

  open_element (out, "text", node);
  attr_num (out, "x", node->text.x);
  attr_num (out, "y", node->text.baseline);
  attr_num (out, "font-size", font->size);
  if (font->bold)
    PUT (out, " font-weight=\"bold\"");
  if (font->italic)
    PUT (out, " font-style=\"italic\"");
  if (font->anchor == JOURNEY_TEXT_ANCHOR_MIDDLE)
    PUT (out, " text-anchor=\"middle\"");
  paint_attrs (out, &node->paint);
  put_c (out, '>');

  if (node->text.n_lines <= 1)
    journey_svg_append_escaped (out, node->text.text, FALSE);
  else
    for (guint i = 0; i < node->text.n_lines; i++)
      {
        p = i == 0 ? node->text.text : nl + 1;
        nl = strchr (p, '\n');
        if (nl == NULL)
          nl = p + strlen (p);

        PUT (out, "<tspan");
        attr_num (out, "x", node->text.x);
        attr_num (out, "y", node->text.baseline + i * node->text.line_height);
        put_c (out, '>');
        append_escaped_len (out, p, nl, FALSE);
        PUT (out, "</tspan>");
        if (*nl == '\0')
          break;
      }

  PUT (out, "</text>\n");
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
      PUT (out, ">\n");
      if (node->group.title != NULL)
        {
          PUT (out, "<title>");
          journey_svg_append_escaped (out, node->group.title, FALSE);
          PUT (out, "</title>\n");
        }
      break;

    case JOURNEY_SCENE_GROUP_END:
      PUT (out, "</g>\n");
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
      PUT (out, "/>\n");
      break;

    case JOURNEY_SCENE_LINE:
      open_element (out, "line", node);
      attr_num (out, "x1", node->line.x1);
      attr_num (out, "y1", node->line.y1);
      attr_num (out, "x2", node->line.x2);
      attr_num (out, "y2", node->line.y2);
      paint_attrs (out, &node->paint);
      PUT (out, "/>\n");
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
      PUT (out, "/>\n");
      break;

    case JOURNEY_SCENE_PATH:
      open_element (out, "path", node);
      write_path_data (out, node);
      paint_attrs (out, &node->paint);
      PUT (out, "/>\n");
      break;

    case JOURNEY_SCENE_TEXT:
      write_text (out, node);
      break;

    default:
      break;
    }
}

/* What the document says before its first node. */
typedef struct
{
  double      width;
  double      height;
  const char *css_family;
  const char *title;
  const char *description;
} Head;

static Head
scene_head (JourneyScene *scene)
{
  return (Head) { journey_scene_get_width (scene), journey_scene_get_height (scene),
                  journey_scene_get_css_family (scene), journey_scene_get_title (scene),
                  journey_scene_get_description (scene) };
}

/* As journey_scene_new () names them. */
static Head
layout_head (JourneyLayout *layout)
{
  return (Head) { layout->width, layout->height, layout->style.svg_font_family,
                  layout->map->title ? layout->map->title : "",
                  layout->map->objective ? layout->map->objective : "" };
}

/* The document up to the first node. */
static void
write_head (const Head *head,
            GString    *out)
{
  PUT (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  PUT (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  attr_num (out, "width", head->width);
  attr_num (out, "height", head->height);
  PUT (out, " viewBox=\"0 0 ");
  num (out, head->width);
  put_c (out, ' ');
  num (out, head->height);
  PUT (out, "\" class=\"journey-map\"");
  attr_text (out, "font-family", head->css_family);
  PUT (out, " role=\"img\">\n");

  PUT (out, "<title>");
  journey_svg_append_escaped (out, head->title, FALSE);
  PUT (out, "</title>\n<desc>");
  journey_svg_append_escaped (out, head->description, FALSE);
  PUT (out, "</desc>\n");

  /* Everything is styled on its element; the sheet only names the font
   * again for renderers that do not inherit it into <text>. */
  PUT (out, "<style>\ntext { font-family: ");
  put_str (out, head->css_family);
  PUT (out, "; }\n</style>\n");
}

static void
write_tail (GString *out)
{
  PUT (out, "</svg>\n");
}

void
journey_svg_write_scene (JourneyScene *scene,
                         GString      *out)
{
  const JourneySceneNode *nodes;
  Head head;
  guint n;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (out != NULL);

  nodes = journey_scene_get_nodes (scene);
  n = journey_scene_get_n_nodes (scene);

  head = scene_head (scene);
  write_head (&head, out);
  for (guint i = 0; i < n; i++)
    write_node (out, &nodes[i]);
  write_tail (out);
}

/* The document of a layout's scene in pieces of about PIECE_SIZE bytes,
 * from its nodes built in parts: a big map's SVG (18 MB for 10,000
 * touchpoints) and its scene (30 MB) are never held whole, and their
 * memory never touched. */
#define PIECE_SIZE (64 * 1024)

typedef struct
{
  JourneyLayout          *layout;
  JourneySceneStream     *stream;
  GString                *out;
  const JourneySceneNode *nodes;  /* the part being written */
  guint                   n_nodes;
  guint                   next;   /* the next node of it to write */
  gboolean                head;   /* written */
  gboolean                tail;   /* written */
} Pieces;

static const char *
next_piece (gpointer  user_data,
            gsize    *length)
{
  Pieces *pieces = user_data;

  if (pieces->tail)
    return NULL;

  g_string_truncate (pieces->out, 0);
  if (!pieces->head)
    {
      Head head = layout_head (pieces->layout);

      write_head (&head, pieces->out);
      pieces->head = TRUE;
    }
  while (pieces->out->len < PIECE_SIZE)
    {
      if (pieces->next == pieces->n_nodes)
        {
          pieces->nodes = journey_scene_stream_next (pieces->stream, &pieces->n_nodes);
          pieces->next = 0;
          if (pieces->nodes == NULL)
            {
              write_tail (pieces->out);
              pieces->tail = TRUE;
              break;
            }
        }
      write_node (pieces->out, &pieces->nodes[pieces->next++]);
    }

  *length = pieces->out->len;
  return pieces->out->str;
}

gboolean
journey_svg_write_file (JourneyLayout  *layout,
                        const char     *path,
                        GError        **error)
{
  Pieces pieces = { layout, NULL, NULL, NULL, 0, 0, FALSE, FALSE };
  gboolean written;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pieces.stream = journey_scene_stream_new (layout);
  /* Room for a piece and the node that ends it. */
  pieces.out = g_string_sized_new (2 * PIECE_SIZE);
  written = journey_write_file_in_pieces (path, next_piece, &pieces, FALSE, error);
  g_string_free (pieces.out, TRUE);
  journey_scene_stream_free (pieces.stream);
  return written;
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
