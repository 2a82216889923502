/* journey-inspector-evidence-chart.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A touchpoint's histogram as bars, or its weekly trend as a sparkline. */

#define G_LOG_DOMAIN "journey-inspector"

#include "config.h"

#include <math.h>

#include "journey-inspector-evidence-chart.h"

#define BARS_HEIGHT 72
#define LINE_HEIGHT 36
#define BAR_GAP     3
#define PADDING     4

static const guint round_strides[] = { 1, 2, 5, 10, 20, 25, 50 };

struct _JourneyEvidenceChart
{
  GtkWidget  parent_instance;

  gboolean   line;
  GArray    *values;      /* of double: counts, or the trend's means */
  int        first_step;  /* bars: the value of the first */
  double     min;         /* line: the bottom and the top */
  double     max;
};

G_DEFINE_FINAL_TYPE (JourneyEvidenceChart, journey_evidence_chart, GTK_TYPE_WIDGET)

/* The accent colour of the theme (its own in dark mode), or the text's. */
static void
get_colors (GtkWidget *widget,
            GdkRGBA   *accent,
            GdkRGBA   *text)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, text);
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    *accent = *text;
}

static void
snapshot_bars (JourneyEvidenceChart *self,
               GtkSnapshot          *snapshot,
               int                   width,
               int                   height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA accent, text, base;
  double top = 0, slot;
  int label_height = 0;

  get_colors (widget, &accent, &text);
  base = text;
  base.alpha *= 0.25;
  for (guint i = 0; i < self->values->len; i++)
    top = MAX (top, g_array_index (self->values, double, i));
  slot = (double) width / MAX (1, self->values->len);

  /* The steps' values under the bars: every one, or on a scale of many
   * steps (a 0–100 slider) every so many, so that they never overlap. */
  {
    g_autofree char *widest = g_strdup_printf ("%d", MAX (ABS (self->first_step),
                                                          ABS (self->first_step + (int) self->values->len - 1)));
    g_autoptr(PangoLayout) measure = gtk_widget_create_pango_layout (widget, widest);
    int widest_width;
    guint stride;

    pango_layout_get_pixel_size (measure, &widest_width, &label_height);
    stride = (guint) MAX (1, ceil ((widest_width + 8 + (self->first_step < 0 ? 6 : 0)) / MAX (slot, 1)));
    /* A round stride: 0, 10, 20… rather than 0, 12, 24… */
    for (guint i = 0; i < G_N_ELEMENTS (round_strides); i++)
      if (round_strides[i] >= stride)
        {
          stride = round_strides[i];
          break;
        }
    for (guint i = 0; i < self->values->len; i += stride)
      {
        g_autofree char *step = g_strdup_printf ("%d", self->first_step + (int) i);
        g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, step);
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) (slot * i + (slot - w) / 2), (float) (height - h)));
        gtk_snapshot_append_layout (snapshot, layout, &text);
        gtk_snapshot_restore (snapshot);
      }
  }

  for (guint i = 0; i < self->values->len; i++)
    {
      double count = g_array_index (self->values, double, i);
      double area = MAX (0, height - label_height - PADDING);
      double bar = top > 0 ? area * count / top : 0;
      float x = (float) (slot * i + BAR_GAP / 2.0);
      float w = (float) MAX (1, slot - BAR_GAP);

      /* A baseline under each step, the bar above it. */
      gtk_snapshot_append_color (snapshot, &base, &GRAPHENE_RECT_INIT (x, (float) (area - 1), w, 1));
      if (bar > 0)
        gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x, (float) (area - MAX (bar, 2)), w,
                                                                          (float) MAX (bar, 2)));
    }
}

static void
snapshot_line (JourneyEvidenceChart *self,
               GtkSnapshot          *snapshot,
               int                   width,
               int                   height)
{
  GdkRGBA accent, text;
  guint n = self->values->len;
  double span = self->max > self->min ? self->max - self->min : 1;
  cairo_t *cr;

  if (n == 0)
    return;
  get_colors (GTK_WIDGET (self), &accent, &text);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  gdk_cairo_set_source_rgba (cr, &accent);
  for (guint i = 0; i < n; i++)
    {
      double x = n > 1 ? PADDING + (width - 2.0 * PADDING) * i / (n - 1) : width / 2.0;
      double value = CLAMP (g_array_index (self->values, double, i), self->min, self->max);
      double y = PADDING + (height - 2.0 * PADDING) * (1 - (value - self->min) / span);

      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  /* The newest week stands out. */
  for (guint i = 0; i < n; i++)
    {
      double x = n > 1 ? PADDING + (width - 2.0 * PADDING) * i / (n - 1) : width / 2.0;
      double value = CLAMP (g_array_index (self->values, double, i), self->min, self->max);
      double y = PADDING + (height - 2.0 * PADDING) * (1 - (value - self->min) / span);

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, i + 1 == n ? 3.5 : 2, 0, 2 * G_PI);
    }
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
journey_evidence_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  JourneyEvidenceChart *self = JOURNEY_EVIDENCE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;
  if (self->line)
    snapshot_line (self, snapshot, width, height);
  else
    snapshot_bars (self, snapshot, width, height);
}

static void
journey_evidence_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  JourneyEvidenceChart *self = JOURNEY_EVIDENCE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 80;
      *natural = 240;
    }
  else
    *minimum = *natural = self->line ? LINE_HEIGHT : BARS_HEIGHT;
}

static void
journey_evidence_chart_finalize (GObject *object)
{
  JourneyEvidenceChart *self = JOURNEY_EVIDENCE_CHART (object);

  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (journey_evidence_chart_parent_class)->finalize (object);
}

static void
journey_evidence_chart_class_init (JourneyEvidenceChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = journey_evidence_chart_finalize;
  widget_class->snapshot = journey_evidence_chart_snapshot;
  widget_class->measure = journey_evidence_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "journeyevidencechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
journey_evidence_chart_init (JourneyEvidenceChart *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
}

GtkWidget *
journey_evidence_chart_new (void)
{
  return g_object_new (JOURNEY_TYPE_EVIDENCE_CHART, NULL);
}

void
journey_evidence_chart_set_bars (JourneyEvidenceChart *self,
                                 const int            *counts,
                                 guint                 n_counts,
                                 int                   first_step)
{
  g_return_if_fail (JOURNEY_IS_EVIDENCE_CHART (self));

  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n_counts; i++)
    {
      double count = counts[i];

      g_array_append_val (self->values, count);
    }
  self->first_step = first_step;
  if (self->line)
    {
      self->line = FALSE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
journey_evidence_chart_set_line (JourneyEvidenceChart *self,
                                 const double         *values,
                                 guint                 n_values,
                                 double                min,
                                 double                max)
{
  g_return_if_fail (JOURNEY_IS_EVIDENCE_CHART (self));

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_values);
  self->min = min;
  self->max = max;
  if (!self->line)
    {
      self->line = TRUE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
journey_evidence_chart_get_n_items (JourneyEvidenceChart *self)
{
  g_return_val_if_fail (JOURNEY_IS_EVIDENCE_CHART (self), 0);

  return self->values->len;
}
