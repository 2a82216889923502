/* bare-parse.c: json-glib's bare parse of a file, as a whole process.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yardstick of bench-export: `bare-parse FILE` reads FILE and parses
 * it with json-glib, nothing more, so that `journeys --export OUT.svg FILE`
 * can be timed against it process for process.  Exits 1 if FILE cannot be
 * read or is not JSON.
 */

#include <json-glib/json-glib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (argc != 2)
    {
      g_printerr ("usage: bare-parse FILE\n");
      return 2;
    }

  parser = json_parser_new_immutable ();
  if (!g_file_get_contents (argv[1], &data, &length, &error) ||
      !json_parser_load_from_data (parser, data, (gssize) length, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  return 0;
}
