/* main.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journeys"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "journey-application.h"
#include "journey-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JourneyApplication) app = NULL;
  g_auto(GStrv) args = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* JOURNEYS_LOCALEDIR: the translations of a build tree, for its tests. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JOURNEYS_LOCALEDIR") ? g_getenv ("JOURNEYS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --validate and --export run here, before anything opens a display. */
  args = g_strdupv (argv);
  status = journey_cli_run (&args);
  if (status >= 0)
    return status;

  app = journey_application_new ();
  return g_application_run (G_APPLICATION (app), (int) g_strv_length (args), args);
}
