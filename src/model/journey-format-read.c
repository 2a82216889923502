/* journey-format-read.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-format"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journey-format.h"
#include "journey-problem.h"
#include "journey-json.h"

G_DEFINE_QUARK (journey-format-error-quark, journey_format_error)

typedef struct
{
  JourneyJson *json;
  GPtrArray   *problems;
} Reader;

static char *
position_to_string (const char *data,
                    const char *at)
{
  guint line = 1;
  guint column = 1;

  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        column++;
    }
  /* TRANSLATORS: a place in a file */
  return g_strdup_printf (_("line %u, column %u"), line, column);
}

static const char *
json_type_name (JourneyJson    *json,
                JourneyJsonRef  value)
{
  switch (journey_json_get_type (json, value))
    {
    case JOURNEY_JSON_OBJECT:
      return _("an object");
    case JOURNEY_JSON_ARRAY:
      return _("an array");
    case JOURNEY_JSON_NULL:
      return "null";
    case JOURNEY_JSON_STRING:
      return _("a string");
    case JOURNEY_JSON_TRUE:
    case JOURNEY_JSON_FALSE:
      return _("true or false");
    case JOURNEY_JSON_INTEGER:
    case JOURNEY_JSON_DOUBLE:
    default:
      return _("a number");
    }
}

static void
wrong_type (Reader            *reader,
            const JourneyPath *path,
            const char        *expected,
            JourneyJsonRef     value)
{
  /* TRANSLATORS: "must be a string, not an array" */
  journey_problems_add (reader->problems, path, _("must be %s, not %s"), expected,
                        json_type_name (reader->json, value));
}

/* Enum classes are static: one reference, kept for good, saves a
 * reference count per value read. */
static GEnumClass *
enum_class_get (GType type)
{
  GEnumClass *enum_class = g_type_class_peek (type);

  if (enum_class == NULL)
    enum_class = g_type_class_ref (type);
  return enum_class;
}

static JourneyItem *read_item (Reader            *reader,
                               JourneyJsonRef     object,
                               GType              type,
                               const JourneyPath *path);

static gboolean
read_int (Reader             *reader,
          JourneyJsonRef      value,
          const JourneyPath  *path,
          gboolean            is_signed,
          int                *out)
{
  double d;

  if (!journey_json_is_number (reader->json, value))
    {
      wrong_type (reader, path, _("a whole number"), value);
      return FALSE;
    }

  d = journey_json_get_double (reader->json, value);
  if (!isfinite (d))
    {
      journey_problems_add (reader->problems, path, _("is too large"));
      return FALSE;
    }
  if (d != floor (d))
    {
      journey_problems_add (reader->problems, path, _("must be a whole number"));
      return FALSE;
    }
  if (d < (is_signed ? (double) G_MININT : 0.0) || d > (double) G_MAXINT)
    {
      if (d < 0 && !is_signed)
        journey_problems_add (reader->problems, path, _("must not be negative"));
      else
        journey_problems_add (reader->problems, path, _("is too large"));
      return FALSE;
    }

  *out = (int) d;
  return TRUE;
}

static void
read_field (Reader             *reader,
            JourneyItem        *item,
            const JourneyField *field,
            JourneyJsonRef      value,
            const JourneyPath  *path)
{
  JourneyJson *json = reader->json;
  JourneyJsonType type = journey_json_get_type (json, value);
  gpointer ptr = journey_item_field_ptr (item, field);

  switch (field->kind)
    {
    case JOURNEY_FIELD_STRING:
    case JOURNEY_FIELD_COLOR:
      if (type != JOURNEY_JSON_STRING)
        wrong_type (reader, path, _("a string"), value);
      else
        {
          const char *s = journey_json_get_string (json, value);

          if ((field->flags & JOURNEY_FIELD_NON_EMPTY) && s[0] == '\0')
            journey_problems_add (reader->problems, path, _("must not be empty"));
          g_free (*(char **) ptr);
          *(char **) ptr = g_strdup (s);
        }
      break;

    case JOURNEY_FIELD_DOUBLE:
    case JOURNEY_FIELD_OPTIONAL:
      if (!journey_json_is_number (json, value))
        wrong_type (reader, path, _("a number"), value);
      else
        *(double *) ptr = journey_json_get_double (json, value);
      break;

    case JOURNEY_FIELD_INT:
      read_int (reader, value, path, (field->flags & JOURNEY_FIELD_SIGNED) != 0, ptr);
      break;

    case JOURNEY_FIELD_ENUM:
      {
        GEnumClass *enum_class = enum_class_get (field->type_func ());
        GEnumValue *enum_value = NULL;

        if (type != JOURNEY_JSON_STRING)
          wrong_type (reader, path, _("a string"), value);
        else if ((enum_value = g_enum_get_value_by_nick (enum_class, journey_json_get_string (json, value))) == NULL)
          {
            g_autoptr(GString) names = g_string_new (NULL);

            for (guint i = 0; i < enum_class->n_values; i++)
              g_string_append_printf (names, "%s“%s”", i ? ", " : "", enum_class->values[i].value_nick);
            journey_problems_add (reader->problems, path, _("must be one of %s, not “%s”"),
                                  names->str, journey_json_get_string (json, value));
          }
        else
          *(int *) ptr = enum_value->value;
      }
      break;

    case JOURNEY_FIELD_STRV:
      if (type != JOURNEY_JSON_ARRAY)
        wrong_type (reader, path, _("an array of strings"), value);
      else
        {
          guint n = journey_json_get_length (json, value);
          char **strv = g_new0 (char *, n + 1);
          guint count = 0;

          for (guint i = 0; i < n; i++)
            {
              JourneyJsonRef element = journey_json_get_element (json, value, i);
              JourneyPath element_path = JOURNEY_PATH_INDEX (path, i);

              if (journey_json_get_type (json, element) == JOURNEY_JSON_STRING)
                strv[count++] = g_strdup (journey_json_get_string (json, element));
              else
                wrong_type (reader, &element_path, _("a string"), element);
            }
          g_strfreev (*(char ***) ptr);
          *(char ***) ptr = strv;
        }
      break;

    case JOURNEY_FIELD_INTV:
      if (type != JOURNEY_JSON_ARRAY)
        wrong_type (reader, path, _("an array of whole numbers"), value);
      else
        {
          guint n = journey_json_get_length (json, value);
          GArray *ints = *(GArray **) ptr;

          g_array_set_size (ints, 0);
          for (guint i = 0; i < n; i++)
            {
              JourneyPath element_path = JOURNEY_PATH_INDEX (path, i);
              int count;

              /* A bad count stays in place as 0, so the length is still right. */
              if (!read_int (reader, journey_json_get_element (json, value, i), &element_path, FALSE, &count))
                count = 0;
              g_array_append_val (ints, count);
            }
        }
      break;

    case JOURNEY_FIELD_OBJECT:
      if (type != JOURNEY_JSON_OBJECT)
        wrong_type (reader, path, _("an object"), value);
      else
        {
          JourneyItem *child = read_item (reader, value, field->type_func (), path);

          g_clear_object ((GObject **) ptr);
          *(JourneyItem **) ptr = child;
        }
      break;

    case JOURNEY_FIELD_LIST:
      if (type != JOURNEY_JSON_ARRAY)
        wrong_type (reader, path, _("an array"), value);
      else
        {
          guint n = journey_json_get_length (json, value);
          JourneyList *list = *(JourneyList **) ptr;
          GType item_type = field->type_func ();

          for (guint i = 0; i < n; i++)
            {
              JourneyJsonRef element = journey_json_get_element (json, value, i);
              JourneyPath element_path = JOURNEY_PATH_INDEX (path, i);
              g_autoptr(JourneyItem) child = NULL;

              if (journey_json_get_type (json, element) != JOURNEY_JSON_OBJECT)
                {
                  wrong_type (reader, &element_path, _("an object"), element);
                  continue;
                }
              child = read_item (reader, element, item_type, &element_path);
              journey_list_append (list, child);
            }
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* One pass over the members of an object: a known key is read into its
 * field, an unknown one is kept for writing back. */
static JourneyItem *
read_item (Reader            *reader,
           JourneyJsonRef     object,
           GType              type,
           const JourneyPath *path)
{
  JourneyJson *json = reader->json;
  JourneyItem *item = g_object_new (type, NULL);
  JourneyItemClass *klass = JOURNEY_ITEM_GET_CLASS (item);
  JsonObject *extra = NULL;
  guint n = journey_json_get_length (json, object);
  guint32 seen = 0;
  guint32 missing;

  for (guint i = 0; i < n; i++)
    {
      const char *name = journey_json_get_member_name (json, object, i);
      JourneyJsonRef value = journey_json_get_member_value (json, object, i);
      JourneyPath field_path = JOURNEY_PATH_KEY (path, name);
      const JourneyField *field;
      guint index;

      field = journey_item_class_lookup_field (klass, name, &index);
      if (field == NULL)
        {
          if (extra == NULL)
            extra = json_object_new ();
          else if (json_object_has_member (extra, name))
            journey_problems_add (reader->problems, &field_path, _("is given twice"));
          json_object_set_member (extra, name, journey_json_to_node (json, value));
          continue;
        }

      if (seen & (1u << index))
        {
          journey_problems_add (reader->problems, &field_path, _("is given twice"));
          continue;
        }

      if (journey_json_get_type (json, value) == JOURNEY_JSON_NULL)
        continue; /* null stands for "not given" */

      seen |= 1u << index;
      read_field (reader, item, field, value, &field_path);
    }

  missing = klass->required & ~seen;
  for (guint i = 0; missing != 0; i++, missing >>= 1)
    if (missing & 1)
      {
        JourneyPath field_path = JOURNEY_PATH_KEY (path, klass->fields[i].key);
        journey_problems_add (reader->problems, &field_path, _("is required"));
      }

  if (extra != NULL)
    {
      journey_item_set_extra (item, extra);
      json_object_unref (extra);
    }

  /* A touchpoint without a satisfaction sits in the middle of the scale. */
  if (JOURNEY_IS_MAP (item))
    {
      JourneyMap *map = JOURNEY_MAP (item);
      double middle = journey_scale_get_middle (map->scale);
      guint n_touchpoints = journey_list_get_length (map->touchpoints);

      for (guint i = 0; i < n_touchpoints; i++)
        {
          JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

          if (isnan (tp->satisfaction))
            tp->satisfaction = middle;
        }
    }

  return item;
}

static void
set_invalid_error (GPtrArray  *problems,
                   guint       first,
                   GError    **error)
{
  JourneyProblem *problem = g_ptr_array_index (problems, first);
  guint n = problems->len - first;

  if (n == 1)
    g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID, "%s%s%s",
                 problem->path, problem->path[0] ? ": " : "", problem->message);
  else
    g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n), n);
}

static void
report_too_large (GPtrArray  *problems,
                  GError    **error)
{
  if (problems != NULL)
    journey_problems_take (problems, g_strdup (""),
                    g_strdup_printf (_("the file is larger than %d MiB"), JOURNEY_FORMAT_MAX_SIZE >> 20));
  g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_TOO_LARGE,
               _("The file is larger than %d MiB"), JOURNEY_FORMAT_MAX_SIZE >> 20);
}

/* The version is read first: a file from a newer program is refused as a
 * whole, never half-read. */
static gboolean
check_version (JourneyJson     *json,
               JourneyJsonRef   root,
               GPtrArray       *problems,
               GError         **error)
{
  g_autofree char *number = NULL;
  JourneyJsonRef value;
  gint64 version;

  if (!journey_json_find_member (json, root, "version", &value) ||
      journey_json_get_type (json, value) != JOURNEY_JSON_INTEGER)
    return TRUE; /* reported with the other problems */

  version = journey_json_get_integer (json, value);
  if (version <= JOURNEY_FORMAT_VERSION)
    return TRUE;

  number = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  journey_problems_take (problems, g_strdup ("version"),
                  g_strdup_printf (_("the file is in format version %s, written by a newer Journeys; "
                                     "this version reads format %d and older"),
                                   number, JOURNEY_FORMAT_VERSION));
  g_set_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_VERSION,
               _("The file was written by a newer version of Journeys (format version %s); "
                 "update Journeys to open it"), number);
  return FALSE;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
      return FALSE;
  return TRUE;
}

/**
 * journey_format_read_data:
 * @data: (array length=length): the file's bytes
 * @problems: (nullable) (element-type JourneyProblem): where to add the problems found
 *
 * Reads a project from the text of a .journey file, and checks it.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL if the file
 *   has any problem
 */
JourneyProject *
journey_format_read_data (const char  *data,
                          gsize        length,
                          GPtrArray   *problems,
                          GError     **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(JourneyJson) json = NULL;
  g_autoptr(JourneyItem) item = NULL;
  g_autoptr(GPtrArray) checked = NULL;
  g_autoptr(GHashTable) reported = NULL;
  g_autofree char *parse_error = NULL;
  const char *invalid = NULL;
  gsize error_offset = 0;
  JourneyJsonRef root;
  Reader reader;
  guint first;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  first = problems->len;

  if (length > JOURNEY_FORMAT_MAX_SIZE)
    {
      report_too_large (problems, error);
      return NULL;
    }

  if (!g_utf8_validate (data, length, &invalid))
    {
      journey_problems_take (problems, position_to_string (data, invalid),
                      g_strdup (_("the text is not valid UTF-8")));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  if (is_blank (data, length))
    {
      journey_problems_take (problems, g_strdup (""), g_strdup (_("the file is empty")));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  json = journey_json_parse (data, length, JOURNEY_FORMAT_MAX_DEPTH, &error_offset, &parse_error);
  if (json == NULL)
    {
      journey_problems_take (problems, position_to_string (data, data + error_offset), g_steal_pointer (&parse_error));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  root = journey_json_root (json);
  if (journey_json_get_type (json, root) != JOURNEY_JSON_OBJECT)
    {
      journey_problems_take (problems, g_strdup (""),
                      g_strdup_printf (_("the file must hold a JSON object, not %s"), json_type_name (json, root)));
      set_invalid_error (problems, first, error);
      return NULL;
    }

  if (!check_version (json, root, problems, error))
    return NULL;

  reader.json = json;
  reader.problems = problems;
  item = read_item (&reader, root, JOURNEY_TYPE_PROJECT, NULL);
  g_clear_pointer (&json, journey_json_free);

  /* The checker sees what the reader could read; a place the reader has
   * already reported is not reported twice. */
  reported = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = first; i < problems->len; i++)
    g_hash_table_add (reported, ((JourneyProblem *) g_ptr_array_index (problems, i))->path);

  checked = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  journey_project_check (JOURNEY_PROJECT (item), checked);
  for (guint i = 0; i < checked->len; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (checked, i);

      if (!g_hash_table_contains (reported, problem->path))
        g_ptr_array_add (problems, g_steal_pointer (&checked->pdata[i]));
    }

  if (problems->len > first)
    {
      set_invalid_error (problems, first, error);
      return NULL;
    }

  return JOURNEY_PROJECT (g_steal_pointer (&item));
}

/* How long reading a named pipe (FIFO) waits for a program to write to it,
 * and then for each further piece, before giving up. */
#define FIFO_FIRST_WAIT_MS (5 * 1000)
#define FIFO_NEXT_WAIT_MS  (30 * 1000)
/* Read in pieces of this size. */
#define READ_CHUNK (64 * 1024)

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
}

/* Only regular files and named pipes hold a project: a device (/dev/zero
 * never ends), a folder or a socket is refused before anything is read. */
static gboolean
check_file_kind (mode_t    mode,
                 GError  **error)
{
  if (S_ISREG (mode) || S_ISFIFO (mode))
    return TRUE;
  if (S_ISDIR (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder, not a file"));
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("It is a device, not a file"));
  else if (S_ISSOCK (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("It is a socket, not a file"));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("It is not a regular file"));
  return FALSE;
}

/* Waits until @fd (a named pipe opened without blocking) has bytes or its
 * writer has closed it. */
static gboolean
wait_for_pipe (int       fd,
               int       timeout_ms,
               gboolean  started,
               GError  **error)
{
  struct pollfd pfd = { .fd = fd, .events = POLLIN };

  for (;;)
    {
      int n = poll (&pfd, 1, timeout_ms);

      if (n > 0)
        return TRUE;
      if (n == 0)
        {
          if (started)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "It is a pipe, and nothing more came through it for %d second",
                                      "It is a pipe, and nothing more came through it for %d seconds",
                                      timeout_ms / 1000),
                         timeout_ms / 1000);
          else
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "It is a pipe, and no program wrote to it within %d second",
                                      "It is a pipe, and no program wrote to it within %d seconds",
                                      timeout_ms / 1000),
                         timeout_ms / 1000);
          return FALSE;
        }
      if (errno != EINTR)
        {
          set_errno_error (error, errno);
          return FALSE;
        }
    }
}

/* Reads all of @fd, but never more than JOURNEY_FORMAT_MAX_SIZE bytes,
 * whatever the file claims to hold. */
static char *
read_capped (int         fd,
             gboolean    is_pipe,
             gsize       size_hint,
             gsize      *length,
             GPtrArray  *problems,
             GError    **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new (MIN (size_hint, JOURNEY_FORMAT_MAX_SIZE) + 1);

  for (;;)
    {
      guint old = bytes->len;
      gssize n;

      if (is_pipe && !wait_for_pipe (fd, old == 0 ? FIFO_FIRST_WAIT_MS : FIFO_NEXT_WAIT_MS, old > 0, error))
        return NULL;

      g_byte_array_set_size (bytes, old + READ_CHUNK);
      n = read (fd, bytes->data + old, READ_CHUNK);
      if (n < 0)
        {
          int saved_errno = errno;

          g_byte_array_set_size (bytes, old);
          if (saved_errno == EINTR || saved_errno == EAGAIN)
            continue;
          set_errno_error (error, saved_errno);
          return NULL;
        }
      g_byte_array_set_size (bytes, old + n);
      if (n == 0)
        break;
      if (bytes->len > JOURNEY_FORMAT_MAX_SIZE)
        {
          report_too_large (problems, error);
          return NULL;
        }
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* A file that GIO reaches but that has no local path (a remote share):
 * streamed with the same cap. */
static char *
read_stream_capped (GFile      *file,
                    gsize      *length,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder, not a file"));
      return NULL;
    case G_FILE_TYPE_SPECIAL:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("It is not a regular file"));
      return NULL;
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_REGULAR:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      break;
    }

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      guint old = bytes->len;
      gssize n;

      g_byte_array_set_size (bytes, old + READ_CHUNK);
      n = g_input_stream_read (G_INPUT_STREAM (stream), bytes->data + old, READ_CHUNK, NULL, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (bytes, old + n);
      if (n == 0)
        break;
      if (bytes->len > JOURNEY_FORMAT_MAX_SIZE)
        {
          report_too_large (problems, error);
          return NULL;
        }
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

static char *
read_file_capped (GFile      *file,
                  gsize      *length,
                  GPtrArray  *problems,
                  GError    **error)
{
  g_autofree char *path = g_file_get_path (file);
  struct stat st;
  char *data;
  int fd;

  if (path == NULL)
    return read_stream_capped (file, length, problems, error);

  /* stat() first: opening a socket fails with an unhelpful error, and
   * opening a device may have effects. */
  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (!check_file_kind (st.st_mode, error))
    return NULL;

  /* Without blocking, so that a named pipe with no writer does not hang
   * here; wait_for_pipe() waits for one, for a while. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  /* What was opened is what counts (it may have been replaced since). */
  if (fstat (fd, &st) != 0 || !check_file_kind (st.st_mode, error))
    {
      if (error != NULL && *error == NULL)
        set_errno_error (error, errno);
      close (fd);
      return NULL;
    }

  /* A regular file that says it is too large is refused unread; one that
   * says less (or 0, like those of /proc) is still read only up to the
   * limit. */
  if (S_ISREG (st.st_mode) && st.st_size > JOURNEY_FORMAT_MAX_SIZE)
    {
      report_too_large (problems, error);
      close (fd);
      return NULL;
    }

  data = read_capped (fd, S_ISFIFO (st.st_mode), S_ISREG (st.st_mode) ? (gsize) st.st_size : 0,
                      length, problems, error);
  close (fd);
  return data;
}

/**
 * journey_format_read_file:
 * @problems: (nullable) (element-type JourneyProblem): where to add the problems found
 *
 * Reads @file, at most %JOURNEY_FORMAT_MAX_SIZE bytes of it, whatever its
 * size says.  A regular file or a named pipe is read; a folder, a device or
 * a socket is refused, and so is a pipe that no program writes to within 5
 * seconds.
 *
 * Returns: (transfer full) (nullable): the project read from @file
 */
JourneyProject *
journey_format_read_file (GFile      *file,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = read_file_capped (file, &length, problems, error);
  if (data == NULL)
    return NULL;

  return journey_format_read_data (data, length, problems, error);
}
