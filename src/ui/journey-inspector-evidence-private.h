/* journey-inspector-evidence-private.h: what the inspector's evidence
 * files share: the touchpoint's measurement (journey-inspector-evidence.c)
 * and the map's survey sources (journey-inspector-evidence-sources.c).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-inspector-evidence-chart.h"
#include "journey-inspector-private.h"

G_BEGIN_DECLS

struct _JourneyInspectorEvidence
{
  /* The touchpoint page's Evidence group. */
  AdwActionRow         *source_row;
  AdwActionRow         *responses_row;
  GtkWidget            *thin_label;
  AdwActionRow         *mean_row;
  AdwActionRow         *metric_row;
  GtkWidget            *histogram_row;
  GtkLabel             *histogram_caption;
  JourneyEvidenceChart *histogram;
  GtkWidget            *trend_row;
  GtkLabel             *trend_caption;
  JourneyEvidenceChart *trend;

  /* The map page's Survey Sources group. */
  GPtrArray            *source_rows;   /* of AdwExpanderRow, one per source */
  GPtrArray            *typed_rows;    /* of AdwActionRow: evidence without a source record */
  char                 *typed_key;     /* the names they were made for */
  GtkWidget            *no_sources_row;
  GtkLabel             *sources_error;
  GCancellable         *cancellable;   /* imports under way */
};

G_END_DECLS
