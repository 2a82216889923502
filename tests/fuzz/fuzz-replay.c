/* fuzz-replay.c: runs the fuzzer's harness over files and folders given on
 * the command line (the examples, data/tests and the regression inputs
 * that fuzzing found), with any compiler, as an ordinary test.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint
replay (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      for (guint i = 0; i < names->len; i++)
        n += replay (g_ptr_array_index (names, i));
      return n;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  g_print ("%s\n", path);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    n += replay (argv[i]);

  g_print ("%u inputs, no finding\n", n);
  return n > 0 ? 0 : 1;
}
