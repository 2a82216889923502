/* journey-svg.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "journey-svg.h"

#define INK        "#241f31"
#define INK_SOFT   "#5e5c64"
#define INK_FAINT  "#77767b"
#define RULE       "#deddda"

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
color (GString *out,
       guint32  rgb)
{
  static const char hex[] = "0123456789abcdef";
  char buf[8];

  buf[0] = '#';
  for (int i = 0; i < 6; i++)
    buf[1 + i] = hex[(rgb >> (20 - 4 * i)) & 0xf];
  g_string_append_len (out, buf, 7);
}

static void
attr_color (GString    *out,
            const char *name,
            guint32     rgb)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  color (out, rgb);
  g_string_append_c (out, '"');
}

static void
rect (GString           *out,
      const char        *klass,
      const JourneyRect *r,
      double             radius)
{
  g_string_append (out, "<rect");
  if (klass)
    {
      g_string_append (out, " class=\"");
      g_string_append (out, klass);
      g_string_append_c (out, '"');
    }
  attr_num (out, "x", r->x);
  attr_num (out, "y", r->y);
  attr_num (out, "width", MAX (0, r->width));
  attr_num (out, "height", MAX (0, r->height));
  if (radius > 0)
    attr_num (out, "rx", radius);
}

static void
line (GString    *out,
      const char *klass,
      double      x1,
      double      y1,
      double      x2,
      double      y2)
{
  g_string_append (out, "<line class=\"");
  g_string_append (out, klass);
  g_string_append_c (out, '"');
  attr_num (out, "x1", x1);
  attr_num (out, "y1", y1);
  attr_num (out, "x2", x2);
  attr_num (out, "y2", y2);
  g_string_append (out, "/>\n");
}

/* One <text> with a <tspan> per line; @extra is added to the start tag. */
static void
text_block (GString                *out,
            const char             *klass,
            const JourneyTextBlock *block,
            const char             *extra)
{
  g_string_append (out, "<text class=\"");
  g_string_append (out, klass);
  g_string_append_c (out, '"');
  attr_num (out, "x", block->x);
  attr_num (out, "y", block->baseline);
  if (extra)
    g_string_append (out, extra);
  g_string_append_c (out, '>');

  if (block->n_lines == 1)
    journey_svg_append_escaped (out, block->lines[0], FALSE);
  else
    for (guint i = 0; i < block->n_lines; i++)
      {
        g_string_append (out, "<tspan");
        attr_num (out, "x", block->x);
        attr_num (out, "y", block->baseline + i * block->line_height);
        g_string_append_c (out, '>');
        journey_svg_append_escaped (out, block->lines[i], FALSE);
        g_string_append (out, "</tspan>");
      }

  g_string_append (out, "</text>\n");
}

/* -- parts of the map ----------------------------------------------------- */

static void
write_style (JourneyLayout *layout,
             GString       *out)
{
  const JourneyStyle *s = &layout->style;

  g_string_append (out, "<style>\n");
  g_string_append (out, "text { font-family: ");
  g_string_append (out, s->svg_font_family);
  g_string_append (out, "; fill: " INK "; stroke: none; }\n");

  g_string_append (out, ".map-title { font-size: ");
  num (out, s->title_size);
  g_string_append (out, "px; font-weight: bold; }\n");
  g_string_append (out, ".persona, .objective, .scope { font-size: ");
  num (out, s->subtitle_size);
  g_string_append (out, "px; fill: " INK_SOFT "; }\n");
  g_string_append (out, ".stage-name { font-size: ");
  num (out, s->stage_size);
  g_string_append (out, "px; font-weight: bold; }\n");
  g_string_append (out, ".lane-name { font-size: ");
  num (out, s->lane_size);
  g_string_append (out, "px; font-weight: bold; }\n");
  g_string_append (out, ".lane-kind, .scale-label, .channel, .line-label, .legend-label, .vote-count { font-size: ");
  num (out, s->caption_size);
  g_string_append (out, "px; fill: " INK_SOFT "; }\n");
  g_string_append (out, ".card-title { font-size: ");
  num (out, s->body_size);
  g_string_append (out, "px; }\n");
  g_string_append (out, ".major .card-title { font-weight: bold; }\n");
  g_string_append (out, ".marker-count, .flag-label { font-size: ");
  num (out, s->caption_size);
  g_string_append (out, "px; font-weight: bold; fill: #ffffff; text-anchor: middle; }\n");
  g_string_append (out, ".line-label { font-style: italic; }\n");

  g_string_append (out,
    ".background { fill: #ffffff; }\n"
    ".stage-tint { fill-opacity: 0.08; }\n"
    ".stage-boundary { stroke: " RULE "; stroke-width: 1; }\n"
    ".emotion-band .band { fill: none; stroke: " RULE "; stroke-width: 1; }\n"
    ".scale-step { stroke: " RULE "; stroke-width: 1; }\n"
    ".scale-step.neutral { stroke: #9a9996; stroke-width: 1.5; stroke-dasharray: 6 5; }\n"
    ".lane .lane-background { fill-opacity: 0.05; }\n"
    ".lane .lane-label { fill-opacity: 0.13; }\n"
    ".lane .lane-separator { stroke: " RULE "; stroke-width: 1; }\n"
    ".blueprint-line { fill: none; stroke: " INK_FAINT "; stroke-width: 1.5; }\n"
    ".blueprint-line.line-of-interaction { stroke-dasharray: 8 6; }\n"
    ".blueprint-line.line-of-visibility { stroke: #3d3846; stroke-width: 2.5; }\n"
    ".blueprint-line.line-of-internal-interaction { stroke-dasharray: 12 4 2 4; }\n"
    ".line-label-background { fill: #ffffff; stroke: " RULE "; stroke-width: 1; }\n"
    ".card-shadow { fill: #000000; fill-opacity: 0.07; }\n"
    ".card { fill: #ffffff; stroke: #c0bfbc; stroke-width: 1.25; }\n"
    ".major .card { stroke: #9a9996; stroke-width: 1.75; }\n"
    ".marker.pain-points { fill: #e01b24; }\n"
    ".marker.opportunities { fill: #26a269; }\n"
    ".marker.actions { fill: #1c71d8; }\n"
    ".vote { fill: " INK_SOFT "; }\n"
    ".connector { stroke: #c0bfbc; stroke-width: 1; stroke-dasharray: 2 4; }\n"
    ".curve { fill: none; stroke-linecap: round; stroke-linejoin: round; stroke-width: 3; }\n"
    ".curve.as-is { stroke: " INK "; stroke-dasharray: 10 7; }\n"
    ".curve.measured { stroke: #c64600; }\n"
    ".curve.to-be { stroke: #1a5fb4; stroke-dasharray: 0.1 7; stroke-width: 3.5; }\n"
    ".point.measured { fill: #c64600; }\n"
    ".point.to-be { fill: #ffffff; stroke: #1a5fb4; stroke-width: 2.5; }\n"
    ".handle { stroke: #ffffff; stroke-width: 2.5; }\n"
    ".gap-flag line { stroke: #e01b24; stroke-width: 2; }\n"
    ".gap-flag rect { fill: #e01b24; }\n");
  g_string_append (out, "</style>\n");
}

static void
write_title_block (JourneyLayout *layout,
                   GString       *out)
{
  g_string_append (out, "<g class=\"title-block\">\n");
  text_block (out, "map-title", &layout->title, NULL);
  if (layout->persona.n_lines > 0)
    text_block (out, "persona", &layout->persona, NULL);
  if (layout->objective.n_lines > 0)
    text_block (out, "objective", &layout->objective, NULL);
  if (layout->scope.n_lines > 0)
    text_block (out, "scope", &layout->scope, NULL);
  g_string_append (out, "</g>\n");
}

static void
write_stages (JourneyLayout *layout,
              GString       *out)
{
  g_string_append (out, "<g class=\"stages\">\n");
  for (guint i = 0; i < layout->n_stages; i++)
    {
      JourneyLayoutStage *st = &layout->stages[i];
      JourneyRect header = st->header;
      JourneyRect tint = layout->band.rect;
      char fill[64];

      tint.x = st->header.x;
      tint.width = st->header.width;
      /* A hair of white between two stages. */
      if (i > 0)
        {
          header.x += 1;
          header.width -= 1;
        }
      if (i + 1 < layout->n_stages)
        header.width -= 1;

      g_string_append (out, "<g class=\"stage\" data-id=\"");
      journey_svg_append_escaped (out, st->stage->id, TRUE);
      g_string_append (out, "\">\n<title>");
      journey_svg_append_escaped (out, st->stage->name ? st->stage->name : st->stage->id, FALSE);
      g_string_append (out, "</title>\n");

      rect (out, "stage-header", &header, 0);
      attr_color (out, "fill", st->color);
      g_string_append (out, "/>\n");
      rect (out, "stage-tint", &tint, 0);
      attr_color (out, "fill", st->color);
      g_string_append (out, "/>\n");

      /* A style attribute: the <style> sheet would win over a plain fill. */
      g_snprintf (fill, sizeof fill, " style=\"fill: #%06x\"", st->text_color);
      text_block (out, "stage-name", &st->name, fill);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n");
}

static void
write_band (JourneyLayout *layout,
            GString       *out)
{
  JourneyLayoutBand *band = &layout->band;
  int middle2 = band->min + band->max; /* twice the middle */

  g_string_append (out, "<g class=\"emotion-band\">\n");
  rect (out, "band", &band->rect, 0);
  g_string_append (out, "/>\n");
  for (guint i = 0; i < band->n_steps; i++)
    {
      int value = band->min + (int) i;
      gboolean neutral = 2 * value == middle2;

      line (out, neutral ? "scale-step neutral" : "scale-step",
            band->rect.x, band->step_y[i], band->rect.x + band->rect.width, band->step_y[i]);
    }
  if (middle2 % 2 != 0)
    line (out, "scale-step neutral", band->rect.x, band->neutral_y,
          band->rect.x + band->rect.width, band->neutral_y);
  for (guint i = 0; i < band->n_steps; i++)
    text_block (out, "scale-label", &band->labels[i], NULL);
  g_string_append (out, "</g>\n");
}

static const char *
lane_kind_class (JourneyLaneKind kind)
{
  switch (kind)
    {
    case JOURNEY_LANE_PHYSICAL: return "physical";
    case JOURNEY_LANE_CUSTOMER: return "customer";
    case JOURNEY_LANE_ONSTAGE:  return "onstage";
    case JOURNEY_LANE_OFFSTAGE: return "offstage";
    case JOURNEY_LANE_SUPPORT:  return "support";
    default:                    return "other";
    }
}

static void
write_lanes (JourneyLayout *layout,
             GString       *out)
{
  g_string_append (out, "<g class=\"lanes\">\n");
  for (guint i = 0; i < layout->n_lanes; i++)
    {
      JourneyLayoutLane *ll = &layout->lanes[i];
      JourneyRect stripe = ll->label;

      g_string_append (out, "<g class=\"lane ");
      g_string_append (out, lane_kind_class (ll->kind));
      g_string_append (out, "\" data-id=\"");
      journey_svg_append_escaped (out, ll->lane->id, TRUE);
      g_string_append (out, "\">\n");

      rect (out, "lane-background", &ll->rect, 0);
      attr_color (out, "fill", ll->color);
      g_string_append (out, "/>\n");
      rect (out, "lane-label", &ll->label, 0);
      attr_color (out, "fill", ll->color);
      g_string_append (out, "/>\n");
      stripe.width = 6;
      rect (out, "lane-stripe", &stripe, 0);
      attr_color (out, "fill", ll->color);
      g_string_append (out, "/>\n");
      if (i + 1 < layout->n_lanes)
        line (out, "lane-separator", ll->rect.x, ll->rect.y + ll->rect.height,
              ll->rect.x + ll->rect.width, ll->rect.y + ll->rect.height);

      text_block (out, "lane-name", &ll->name, NULL);
      if (ll->caption.n_lines > 0)
        text_block (out, "lane-kind", &ll->caption, NULL);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n");
}

static void
write_boundaries (JourneyLayout *layout,
                  GString       *out)
{
  double y0 = layout->band.rect.y;
  double y1 = layout->lanes_rect.y + layout->lanes_rect.height;

  g_string_append (out, "<g class=\"stage-boundaries\">\n");
  for (guint i = 0; i + 1 < layout->n_stages; i++)
    {
      double x = layout->stages[i].header.x + layout->stages[i].header.width;
      line (out, "stage-boundary", x, y0, x, y1);
    }
  g_string_append (out, "</g>\n");
}

static void
write_blueprint_lines (JourneyLayout *layout,
                       GString       *out)
{
  if (layout->n_lines == 0)
    return;

  g_string_append (out, "<g class=\"blueprint-lines\">\n");
  for (guint i = 0; i < layout->n_lines; i++)
    {
      JourneyLayoutLine *bl = &layout->lines[i];
      g_autofree char *klass = g_strconcat ("blueprint-line ", bl->css_class, NULL);

      g_string_append (out, "<g class=\"blueprint ");
      g_string_append (out, bl->css_class);
      g_string_append (out, "\">\n");
      line (out, klass, bl->x0, bl->y, bl->x1, bl->y);
      rect (out, "line-label-background", &bl->label_rect, bl->label_rect.height / 2);
      g_string_append (out, "/>\n");
      text_block (out, "line-label", &bl->label, NULL);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n");
}

static void
write_card (JourneyLayout     *layout,
            JourneyLayoutCard *card,
            GString           *out)
{
  JourneyTouchpoint *tp = card->touchpoint;
  JourneyRect shadow = card->rect;
  const JourneyRect *r = &card->rect;
  double radius = layout->style.card_radius;

  g_string_append (out, card->major ? "<g class=\"touchpoint major\"" : "<g class=\"touchpoint minor\"");
  g_string_append (out, " data-id=\"");
  journey_svg_append_escaped (out, tp->id, TRUE);
  g_string_append (out, "\">\n<title>");
  journey_svg_append_escaped (out, tp->title, FALSE);
  g_string_append (out, "</title>\n");

  shadow.y += 2;
  rect (out, "card-shadow", &shadow, radius);
  g_string_append (out, "/>\n");
  rect (out, "card", r, radius);
  g_string_append (out, "/>\n");

  if (card->major)
    {
      /* A band of the stage's colour along the rounded top edge. */
      double band = 6;

      g_string_append (out, "<path class=\"accent\" d=\"M");
      num (out, r->x + 0.6);
      g_string_append_c (out, ',');
      num (out, r->y + band);
      g_string_append (out, "V");
      num (out, r->y + radius);
      g_string_append (out, "A");
      num (out, radius - 0.6);
      g_string_append_c (out, ' ');
      num (out, radius - 0.6);
      g_string_append (out, " 0 0 1 ");
      num (out, r->x + radius);
      g_string_append_c (out, ',');
      num (out, r->y + 0.6);
      g_string_append (out, "H");
      num (out, r->x + r->width - radius);
      g_string_append (out, "A");
      num (out, radius - 0.6);
      g_string_append_c (out, ' ');
      num (out, radius - 0.6);
      g_string_append (out, " 0 0 1 ");
      num (out, r->x + r->width - 0.6);
      g_string_append_c (out, ',');
      num (out, r->y + radius);
      g_string_append (out, "V");
      num (out, r->y + band);
      g_string_append (out, "Z\"");
      attr_color (out, "fill", card->accent);
      g_string_append (out, "/>\n");
    }

  if (card->caption.n_lines > 0)
    text_block (out, "channel", &card->caption, NULL);
  text_block (out, "card-title", &card->title, NULL);

  for (guint m = 0; m < card->n_markers; m++)
    {
      JourneyLayoutMarker *marker = &card->markers[m];
      static const char *classes[] = {
        "marker pain-points", "marker opportunities", "marker actions", "marker votes",
      };

      if (marker->kind == JOURNEY_MARKER_VOTES)
        {
          guint max_dots = card->major ? JOURNEY_LAYOUT_MAX_VOTE_DOTS : 3;
          guint dots = MIN ((guint) marker->count, max_dots);
          double cy = marker->rect.y + marker->rect.height / 2;

          g_string_append (out, "<g class=\"marker votes\">");
          for (guint d = 0; d < dots; d++)
            {
              g_string_append (out, "<circle class=\"vote\"");
              attr_num (out, "cx", marker->rect.x + 4 + d * 10);
              attr_num (out, "cy", cy);
              g_string_append (out, " r=\"4\"/>");
            }
          if (marker->label[0])
            {
              g_string_append (out, "<text class=\"vote-count\"");
              attr_num (out, "x", marker->label_x);
              attr_num (out, "y", cy + layout->style.caption_size * 0.35);
              g_string_append_c (out, '>');
              g_string_append (out, marker->label);
              g_string_append (out, "</text>");
            }
          g_string_append (out, "</g>\n");
        }
      else
        {
          rect (out, classes[marker->kind], &marker->rect, marker->rect.height / 2);
          g_string_append (out, "/>");
          g_string_append (out, "<text class=\"marker-count\"");
          attr_num (out, "x", marker->rect.x + marker->rect.width / 2);
          attr_num (out, "y", marker->rect.y + marker->rect.height / 2 + layout->style.caption_size * 0.35);
          g_string_append_c (out, '>');
          g_string_append (out, marker->label);
          g_string_append (out, "</text>\n");
        }
    }

  g_string_append (out, "</g>\n");
}

static void
write_path (JourneyLayoutCurve *curve,
            GString            *out)
{
  g_string_append (out, "<path class=\"curve ");
  g_string_append (out, curve->css_class);
  g_string_append (out, "\" d=\"M");
  num (out, curve->points[0].x);
  g_string_append_c (out, ',');
  num (out, curve->points[0].y);
  for (guint k = 0; k + 1 < curve->n_points; k++)
    {
      g_string_append (out, "C");
      num (out, curve->c1[k].x);
      g_string_append_c (out, ',');
      num (out, curve->c1[k].y);
      g_string_append_c (out, ' ');
      num (out, curve->c2[k].x);
      g_string_append_c (out, ',');
      num (out, curve->c2[k].y);
      g_string_append_c (out, ' ');
      num (out, curve->points[k + 1].x);
      g_string_append_c (out, ',');
      num (out, curve->points[k + 1].y);
    }
  g_string_append (out, "\"/>\n");
}

static void
write_curves (JourneyLayout *layout,
              GString       *out)
{
  static const JourneyCurveKind order[] = {
    JOURNEY_CURVE_TO_BE, JOURNEY_CURVE_MEASURED, JOURNEY_CURVE_AS_IS,
  };
  double band_bottom = layout->band.rect.y + layout->band.rect.height;

  /* Each handle's place on the timeline, down to the band's edge. */
  g_string_append (out, "<g class=\"connectors\">\n");
  for (guint i = 0; i < layout->n_handles; i++)
    line (out, "connector", layout->handles[i].x, layout->handles[i].y + layout->handles[i].radius,
          layout->handles[i].x, band_bottom);
  g_string_append (out, "</g>\n");

  g_string_append (out, "<g class=\"curves\">\n");
  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    {
      JourneyLayoutCurve *curve = &layout->curves[order[o]];

      if (curve->n_points == 0)
        continue;
      if (curve->n_points > 1)
        write_path (curve, out);
      if (curve->kind == JOURNEY_CURVE_AS_IS)
        continue;
      for (guint k = 0; k < curve->n_points; k++)
        {
          g_string_append (out, "<circle class=\"point ");
          g_string_append (out, curve->css_class);
          g_string_append_c (out, '"');
          attr_num (out, "cx", curve->points[k].x);
          attr_num (out, "cy", curve->points[k].y);
          g_string_append (out, curve->kind == JOURNEY_CURVE_MEASURED ? " r=\"5\"/>\n" : " r=\"5.5\"/>\n");
        }
    }
  g_string_append (out, "</g>\n");

  if (layout->n_flags > 0)
    {
      g_string_append (out, "<g class=\"gap-flags\">\n");
      for (guint i = 0; i < layout->n_flags; i++)
        {
          JourneyLayoutFlag *flag = &layout->flags[i];
          JourneyTouchpoint *tp = layout->cards[flag->card].touchpoint;
          g_autofree char *tip = NULL;

          tip = g_strdup_printf (_("Survey differs from the hypothesis by %s"), flag->label);
          g_string_append (out, "<g class=\"gap-flag\" data-id=\"");
          journey_svg_append_escaped (out, tp->id, TRUE);
          g_string_append (out, "\"><title>");
          journey_svg_append_escaped (out, tip, FALSE);
          g_string_append (out, "</title>");
          line (out, "gap", flag->x, flag->y_hypothesis, flag->x, flag->y_measured);
          rect (out, "flag", &flag->rect, 4);
          g_string_append (out, "/>");
          g_string_append (out, "<text class=\"flag-label\"");
          attr_num (out, "x", flag->rect.x + flag->rect.width / 2);
          attr_num (out, "y", flag->rect.y + flag->rect.height / 2 + layout->style.caption_size * 0.35);
          g_string_append_c (out, '>');
          journey_svg_append_escaped (out, flag->label, FALSE);
          g_string_append (out, "</text></g>\n");
        }
      g_string_append (out, "</g>\n");
    }

  g_string_append (out, "<g class=\"handles\">\n");
  for (guint i = 0; i < layout->n_handles; i++)
    {
      JourneyLayoutHandle *h = &layout->handles[i];

      g_string_append (out, "<circle class=\"handle\" data-id=\"");
      journey_svg_append_escaped (out, h->touchpoint->id, TRUE);
      g_string_append_c (out, '"');
      attr_num (out, "cx", h->x);
      attr_num (out, "cy", h->y);
      attr_num (out, "r", h->radius);
      attr_color (out, "fill", h->color);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "</g>\n");
}

static void
write_legend (JourneyLayout *layout,
              GString       *out)
{
  static const char *curve_classes[] = { "curve as-is", "curve to-be", "curve measured" };
  static const char *marker_classes[] = {
    "marker pain-points", "marker opportunities", "marker actions", "vote",
  };

  if (layout->n_legend == 0)
    return;

  g_string_append (out, "<g class=\"legend\">\n");
  for (guint i = 0; i < layout->n_legend; i++)
    {
      JourneyLayoutLegendEntry *e = &layout->legend[i];
      double cy = e->swatch.y + e->swatch.height / 2;

      g_string_append (out, "<g class=\"legend-entry\">");
      switch (e->kind)
        {
        case JOURNEY_LEGEND_CURVE:
          line (out, curve_classes[e->which], e->swatch.x + 2, cy, e->swatch.x + e->swatch.width - 2, cy);
          break;
        case JOURNEY_LEGEND_FLAG:
          {
            JourneyRect r = e->swatch;
            g_string_append (out, "<g class=\"gap-flag\">");
            rect (out, "flag", &r, 4);
            g_string_append (out, "/></g>");
          }
          break;
        case JOURNEY_LEGEND_MARKER:
          if (e->which == JOURNEY_MARKER_VOTES)
            {
              for (int d = 0; d < 2; d++)
                {
                  g_string_append (out, "<circle class=\"vote\"");
                  attr_num (out, "cx", e->swatch.x + 6 + d * 10);
                  attr_num (out, "cy", cy);
                  g_string_append (out, " r=\"4\"/>");
                }
            }
          else
            {
              rect (out, marker_classes[e->which], &e->swatch, e->swatch.height / 2);
              g_string_append (out, "/>");
            }
          break;
        default:
          break;
        }
      text_block (out, "legend-label", &e->text, NULL);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n");
}

void
journey_svg_write (JourneyLayout *layout,
                   GString       *out)
{
  JourneyMap *map;
  JourneyRect background;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (out != NULL);

  map = layout->map;

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  attr_num (out, "width", layout->width);
  attr_num (out, "height", layout->height);
  g_string_append (out, " viewBox=\"0 0 ");
  num (out, layout->width);
  g_string_append_c (out, ' ');
  num (out, layout->height);
  g_string_append (out, "\" class=\"journey-map\" font-family=\"");
  journey_svg_append_escaped (out, layout->style.svg_font_family, TRUE);
  g_string_append (out, "\" role=\"img\">\n");

  g_string_append (out, "<title>");
  journey_svg_append_escaped (out, map->title, FALSE);
  g_string_append (out, "</title>\n<desc>");
  journey_svg_append_escaped (out, map->objective, FALSE);
  g_string_append (out, "</desc>\n");

  write_style (layout, out);

  background.x = background.y = 0;
  background.width = layout->width;
  background.height = layout->height;
  rect (out, "background", &background, 0);
  g_string_append (out, "/>\n");

  write_title_block (layout, out);
  write_stages (layout, out);
  write_band (layout, out);
  write_lanes (layout, out);
  write_boundaries (layout, out);
  write_blueprint_lines (layout, out);

  g_string_append (out, "<g class=\"touchpoints\">\n");
  for (guint i = 0; i < layout->n_cards; i++)
    write_card (layout, &layout->cards[i], out);
  g_string_append (out, "</g>\n");

  write_curves (layout, out);
  write_legend (layout, out);

  g_string_append (out, "</svg>\n");
}

char *
journey_svg_to_string (JourneyLayout *layout,
                       gsize         *length)
{
  GString *out;

  g_return_val_if_fail (layout != NULL, NULL);

  out = g_string_sized_new (4096 + layout->n_cards * 900);
  journey_svg_write (layout, out);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}
