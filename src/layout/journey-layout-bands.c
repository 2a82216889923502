/* journey-layout-bands.c: the parts of a map that run across it: title
 * block, stage band, emotion band, stage columns, blueprint lines and
 * legend.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "journey-layout-private.h"

/* The title at the left; persona under it; objective and scope at the
 * right.  Needs self->width. */
void
journey_layout_place_title (JourneyLayout  *self,
                            JourneyText    *text,
                            JourneyMap     *map,
                            JourneyProject *project)
{
  const JourneyStyle *style = &self->style;
  double inner = self->width - 2 * style->margin;
  double left_w = floor (inner * 0.58);
  double right_x = style->margin + left_w + 32;
  double right_w = inner - left_w - 32;
  double y = style->margin;
  double left_h, right_h;
  const char *persona_name = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *scope = NULL;

  wrap_block (text, &self->title, map->title, style->title_size, TRUE, left_w, 3, 1.2);
  place_block (&self->title, style->margin, y);
  left_h = block_height (&self->title);

  if (project != NULL && map->persona != NULL)
    {
      JourneyPersona *persona = journey_project_find_persona (project, map->persona);
      if (persona != NULL)
        persona_name = journey_persona_get_display_name (persona);
    }
  if (persona_name != NULL && *persona_name)
    {
      g_autofree char *s = g_strdup_printf (_("Persona: %s"), persona_name);
      wrap_block (text, &self->persona, s, style->subtitle_size, FALSE, left_w, 2, style->line_spacing);
      place_block (&self->persona, style->margin, y + left_h + 6);
      left_h += 6 + block_height (&self->persona);
    }
  else
    empty_block (&self->persona);

  right_h = 0;
  if (map->objective != NULL && *map->objective)
    {
      objective = g_strdup_printf (_("Objective: %s"), map->objective);
      wrap_block (text, &self->objective, objective, style->subtitle_size, FALSE, right_w, 3, style->line_spacing);
      place_block (&self->objective, right_x, y + 4);
      right_h = 4 + block_height (&self->objective);
    }
  else
    empty_block (&self->objective);

  if (map->scope != NULL && *map->scope)
    {
      scope = g_strdup_printf (_("Scope: %s"), map->scope);
      wrap_block (text, &self->scope, scope, style->subtitle_size, FALSE, right_w, 3, style->line_spacing);
      place_block (&self->scope, right_x, y + right_h + (right_h > 0 ? 6 : 4));
      right_h += (right_h > 0 ? 6 : 4) + block_height (&self->scope);
    }
  else
    empty_block (&self->scope);

  self->title_rect.x = style->margin;
  self->title_rect.y = y;
  self->title_rect.width = inner;
  self->title_rect.height = MAX (MAX (left_h, right_h), style->title_size * 1.2) + 20;
}

/* The stages end to end along the timeline, in a band from @top. */
void
journey_layout_place_stages (JourneyLayout *self,
                             JourneyText   *text,
                             JourneyMap    *map,
                             double         top)
{
  const JourneyStyle *style = &self->style;
  guint n_stages = journey_list_get_length (map->stages);
  double start = 0;

  self->stage_band.x = self->timeline_x;
  self->stage_band.y = top;
  self->stage_band.width = self->timeline_width;
  self->stage_band.height = style->stage_band_height;
  self->n_stages = n_stages;
  self->stages = g_new0 (JourneyLayoutStage, MAX (n_stages, 1));

  for (guint i = 0; i < n_stages; i++)
    {
      JourneyStage *stage = journey_list_peek (map->stages, i);
      JourneyLayoutStage *ls = &self->stages[i];
      double x0, x1;

      ls->stage = stage;
      ls->index = i;
      ls->start = start;
      start += journey_stage_get_span (stage);
      ls->end = i + 1 == n_stages ? self->duration : start;
      x0 = journey_layout_x_for_time (self, ls->start);
      x1 = journey_layout_x_for_time (self, ls->end);
      ls->header.x = x0;
      ls->header.y = top;
      ls->header.width = x1 - x0;
      ls->header.height = style->stage_band_height;
      wrap_block (text, &ls->name, journey_stage_get_display_name (stage),
                  style->stage_size, TRUE, ls->header.width - 28, 1, style->line_spacing);
      place_block (&ls->name, x0 + 14, top + (style->stage_band_height - ls->name.line_height) / 2);
    }
}

/* The scale the emotion band shows: the map's, or 1–5 when it has none
 * that can be drawn. */
void
journey_layout_band_range (JourneyMap *map,
                           int        *min,
                           int        *max)
{
  JourneyScale *scale = map->scale;

  *min = scale ? scale->min : 1;
  *max = scale ? scale->max : 5;
  if (scale == NULL || *max <= *min || *max - *min > 100)
    {
      *min = 1;
      *max = 5;
    }
}

/* The emotion band from @top: a row per step of the map's scale, its label
 * in the label column. */
void
journey_layout_place_band (JourneyLayout *self,
                           JourneyText   *text,
                           JourneyMap    *map,
                           double         top)
{
  const JourneyStyle *style = &self->style;
  JourneyScale *scale = map->scale;
  int min, max;
  gboolean scale_ok;
  guint n_steps;
  double h;

  journey_layout_band_range (map, &min, &max);
  scale_ok = scale != NULL && scale->min == min && scale->max == max;
  n_steps = (guint) (max - min + 1);
  h = MAX (style->emotion_band_min, (n_steps - 1) * style->emotion_step_min + style->emotion_step_min + 8);

  self->band.rect.x = self->timeline_x;
  self->band.rect.y = top;
  self->band.rect.width = self->timeline_width;
  self->band.rect.height = h;
  self->band.min = min;
  self->band.max = max;
  self->band.n_steps = n_steps;
  self->band.step_y = g_new0 (double, n_steps);
  self->band.labels = g_new0 (JourneyTextBlock, n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      int value = min + (int) i;
      g_autofree char *number = NULL;
      const char *label = NULL;
      JourneyTextBlock *block = &self->band.labels[i];

      self->band.step_y[i] = journey_layout_y_for_value (self, value);
      if (scale_ok)
        label = journey_scale_get_label (scale, value);
      if (label == NULL || *label == '\0')
        label = number = g_strdup_printf ("%d", value);

      wrap_block (text, block, label, style->caption_size, FALSE,
                  style->label_column_width - 24, 1, style->line_spacing);
      place_block (block, style->margin + 12, self->band.step_y[i] - block->line_height / 2);
    }
  self->band.neutral_y = journey_layout_y_for_value (self, (min + max) / 2.0);
}

/* Each stage's column, from the emotion band to the last lane. */
void
journey_layout_place_columns (JourneyLayout *self)
{
  double bottom = self->notes_rect.y + self->notes_rect.height;

  for (guint i = 0; i < self->n_stages; i++)
    {
      JourneyLayoutStage *ls = &self->stages[i];
      ls->column.x = ls->header.x;
      ls->column.y = self->band.rect.y;
      ls->column.width = ls->header.width;
      ls->column.height = bottom - self->band.rect.y;
    }
}

/* Does the line under lane kind @above (customer, onstage or offstage)
 * fall between a lane of kind @a and the next one, of kind @b? */
static gboolean
line_between (JourneyLaneKind a,
              JourneyLaneKind b,
              JourneyLaneKind above)
{
  return (int) a <= (int) above && (int) b > (int) above;
}

/* Blueprint lines where the lane kinds cross a line.  Lines that fall on
 * the same boundary (no onstage lane, say) are drawn a little apart around
 * it, and their labels sit side by side on it, all inside the gap that
 * keeps cards off the boundary. */
void
journey_layout_place_lines (JourneyLayout *self,
                            JourneyText   *text)
{
  const JourneyStyle *style = &self->style;
  static const char *classes[] = {
    "line-of-interaction", "line-of-visibility", "line-of-internal-interaction",
  };

  self->lines = g_new0 (JourneyLayoutLine, MAX (3 * self->n_lanes, 1));
  for (guint l = 0; l + 1 < self->n_lanes; l++)
    {
      JourneyLaneKind a = self->lanes[l].kind, b = self->lanes[l + 1].kind;
      double boundary = self->lanes[l + 1].rect.y;
      double label_x = self->timeline_x + 12;
      guint n_here = 0, at_boundary = 0;

      for (int k = 0; k < 3; k++)
        if (line_between (a, b, (JourneyLaneKind) (JOURNEY_LANE_CUSTOMER + k)))
          n_here++;

      for (int k = 0; k < 3; k++)
        {
          JourneyLayoutLine *line;
          const char *label;

          if (!line_between (a, b, (JourneyLaneKind) (JOURNEY_LANE_CUSTOMER + k)))
            continue;

          line = &self->lines[self->n_lines++];
          line->kind = (JourneyBlueprintLineKind) k;
          line->css_class = classes[k];
          line->x0 = style->margin;
          line->x1 = self->width - style->margin;
          line->y = boundary + (at_boundary - (n_here - 1) / 2.0) * 6;
          label = k == 0 ? _("Line of interaction")
                : k == 1 ? _("Line of visibility")
                : _("Line of internal interaction");
          wrap_block (text, &line->label, label, style->caption_size, FALSE, 400, 1, style->line_spacing);
          line->label_rect.x = label_x;
          line->label_rect.width = line->label.width + 16;
          line->label_rect.height = line->label.line_height + 2;
          line->label_rect.y = boundary - line->label_rect.height / 2;
          place_block (&line->label, label_x + 8, line->label_rect.y + 1);
          label_x += line->label_rect.width + 12;
          at_boundary++;
        }
    }
}

void
journey_layout_add_legend (JourneyLayout     *self,
                           JourneyText       *text,
                           JourneyLegendKind  kind,
                           int                which,
                           const char        *label)
{
  JourneyLayoutLegendEntry *entry = &self->legend[self->n_legend++];

  entry->kind = kind;
  entry->which = which;
  wrap_block (text, &entry->text, label, self->style.caption_size, FALSE, 400, 1, self->style.line_spacing);
}

/* The legend under the lanes, from @top: the curves drawn, the gap flag,
 * the markers used, in rows as wide as the map. */
void
journey_layout_place_legend (JourneyLayout *self,
                             JourneyText   *text,
                             double         top)
{
  const JourneyStyle *style = &self->style;
  gboolean used[4] = { FALSE, FALSE, FALSE, FALSE };
  gboolean levels[3] = { FALSE, FALSE, FALSE };
  double x, row_y;
  double legend_h = round (style->caption_size * style->line_spacing);
  double y = top;

  for (guint c = 0; c < self->n_cards; c++)
    {
      for (guint m = 0; m < self->cards[c].n_markers; m++)
        used[self->cards[c].markers[m].kind] = TRUE;
      levels[self->cards[c].level] = TRUE;
    }

  self->legend = g_new0 (JourneyLayoutLegendEntry, JOURNEY_N_CURVES + 1 + 4 + 2 + 3);
  if (self->curves[JOURNEY_CURVE_AS_IS].n_points > 0)
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_CURVE, JOURNEY_CURVE_AS_IS, _("As-is (hypothesis)"));
  if (self->curves[JOURNEY_CURVE_MEASURED].n_points > 0)
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_CURVE, JOURNEY_CURVE_MEASURED, _("Measured (evidence)"));
  if (self->curves[JOURNEY_CURVE_TO_BE].n_points > 0)
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_CURVE, JOURNEY_CURVE_TO_BE, _("To-be (target)"));
  if (self->n_flags > 0)
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_FLAG, 0, _("Gap of a fifth of the scale or more"));
  if (used[JOURNEY_MARKER_PAIN_POINTS])
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_MARKER, JOURNEY_MARKER_PAIN_POINTS, _("Pain points"));
  if (used[JOURNEY_MARKER_OPPORTUNITIES])
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_MARKER, JOURNEY_MARKER_OPPORTUNITIES, _("Opportunities"));
  if (used[JOURNEY_MARKER_ACTIONS])
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_MARKER, JOURNEY_MARKER_ACTIONS, _("Actions"));
  if (used[JOURNEY_MARKER_VOTES])
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_MARKER, JOURNEY_MARKER_VOTES, _("Votes"));
  if (self->n_rooms > 0)
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_ROOM, 0, _("The room’s rating: mean and spread"));
  if (journey_layout_rooms_disagree (self))
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_ROOM, 1, _("The room disagrees: a spread of a fifth of the scale or more"));
  journey_layout_add_level_legend (self, text, levels);

  x = style->margin;
  row_y = y;
  for (guint i = 0; i < self->n_legend; i++)
    {
      JourneyLayoutLegendEntry *entry = &self->legend[i];
      double swatch_w = entry->kind == JOURNEY_LEGEND_CURVE || entry->kind == JOURNEY_LEGEND_ROOM ? 44 : 22;
      double w = swatch_w + 8 + entry->text.width + 28;

      if (x + w > self->width - style->margin && x > style->margin)
        {
          x = style->margin;
          row_y += legend_h + 10;
        }
      entry->swatch.x = x;
      entry->swatch.width = swatch_w;
      entry->swatch.height = entry->kind == JOURNEY_LEGEND_CURVE ? 4 : 18;
      entry->swatch.y = row_y + (legend_h - entry->swatch.height) / 2;
      place_block (&entry->text, x + swatch_w + 8, row_y);
      x += w;
    }

  self->legend_rect.x = style->margin;
  self->legend_rect.y = y;
  self->legend_rect.width = self->width - 2 * style->margin;
  self->legend_rect.height = self->n_legend > 0 ? row_y + legend_h - y : 0;
}
