/* journey-inspector-evidence-chart.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * JourneyEvidenceChart: a small chart of a touchpoint's evidence in the
 * inspector, drawn from numbers the model gives: the survey's histogram
 * as bars (each step's value under its bar), or the weekly trend as a
 * sparkline.  In the theme's accent and text colours, light or dark.  It
 * is an image to screen readers: its owner gives it a name and a
 * description that say the numbers as text.
 */

#define JOURNEY_TYPE_EVIDENCE_CHART (journey_evidence_chart_get_type ())
G_DECLARE_FINAL_TYPE (JourneyEvidenceChart, journey_evidence_chart, JOURNEY, EVIDENCE_CHART, GtkWidget)

GtkWidget *journey_evidence_chart_new       (void);
/* Bars: @counts[i] answers at step @first_step + i. */
void       journey_evidence_chart_set_bars  (JourneyEvidenceChart *self,
                                             const int            *counts,
                                             guint                 n_counts,
                                             int                   first_step);
/* A line through @values, from @min (bottom) to @max (top). */
void       journey_evidence_chart_set_line  (JourneyEvidenceChart *self,
                                             const double         *values,
                                             guint                 n_values,
                                             double                min,
                                             double                max);
/* The bars or points it shows, for tests. */
guint      journey_evidence_chart_get_n_items (JourneyEvidenceChart *self);

G_END_DECLS
