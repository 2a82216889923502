/* journey-print-operation.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "journey-model.h"

G_BEGIN_DECLS

/*
 * JourneyPrintOperation: prints a map, drawn by the cairo painter like
 * every export.  Either the whole map fitted to one page (landscape by
 * default), or tiled at full size across as many pages as it needs, each
 * overlapping its neighbours by a strip marked with dashed lines, so the
 * pages can be taped into a poster.  The print dialog has a "Layout" tab
 * for the choice.
 */

typedef enum
{
  JOURNEY_PRINT_FIT,   /* the whole map on one page */
  JOURNEY_PRINT_TILE,  /* full size, across pages */
} JourneyPrintLayout;

/* The strip that two tiled pages share, in points (a centimetre). */
#define JOURNEY_PRINT_OVERLAP 28.35

#define JOURNEY_TYPE_PRINT_OPERATION (journey_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (JourneyPrintOperation, journey_print_operation, JOURNEY, PRINT_OPERATION, GtkPrintOperation)

JourneyPrintOperation *journey_print_operation_new        (JourneyProject        *project,
                                                           JourneyMap            *map);
JourneyPrintLayout     journey_print_operation_get_layout (JourneyPrintOperation *self);
void                   journey_print_operation_set_layout (JourneyPrintOperation *self,
                                                           JourneyPrintLayout     layout);
/* How many pages @layout takes for a printable area of @width × @height
 * points, and how many columns of them. */
guint                  journey_print_operation_count_pages (JourneyPrintOperation *self,
                                                            double                 width,
                                                            double                 height,
                                                            guint                 *n_columns);

/* Draws page @page_nr (see count_pages) onto @cr, whose user space is in
 * points with its origin at the top left of a printable area of @width ×
 * @height: what printing draws on each page. */
void                   journey_print_operation_draw_page_on (JourneyPrintOperation *self,
                                                             cairo_t               *cr,
                                                             int                    page_nr,
                                                             double                 width,
                                                             double                 height);

G_END_DECLS
