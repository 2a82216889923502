/* journey-start-page.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * JourneyStartPage: what a window without a journey shows: new maps from
 * templates (win.new-from-template), the recently used journeys
 * (win.open-recent, from GtkRecentManager) and Open… (win.open).
 */

#define JOURNEY_TYPE_START_PAGE (journey_start_page_get_type ())
G_DECLARE_FINAL_TYPE (JourneyStartPage, journey_start_page, JOURNEY, START_PAGE, AdwBin)

/* The templates, by name: blank, hotel, online-shop, saas-onboarding,
 * blueprint.  NULL-terminated. */
const char *const *journey_start_page_get_templates (void);

/* The number of recent journeys listed. */
guint              journey_start_page_get_n_recent  (JourneyStartPage *self);

G_END_DECLS
