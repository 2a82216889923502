/* journey-survey-read.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rows of a survey export, streaming: bytes are decoded to UTF-8 block
 * by block, cut into physical lines, and each line is given to libcsv, so
 * the line a row begins on is known although libcsv reports no positions. */

#define G_LOG_DOMAIN "journey-evidence"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "journey-survey-read.h"

/* libcsv's state before the first field of a row (ROW_NOT_BEGUN in libcsv.c). */
#define CSV_ROW_NOT_BEGUN 0
#define CSV_FIELD_BEGUN   2

/* How much of the file detection looks at. */
#define SNIFF_SIZE (64 * 1024)
/* The cells of one row together. */
#define MAX_ROW_BYTES (4 * JOURNEY_SURVEY_MAX_CELL)

struct _JourneySurveyReader
{
  JourneySurveyEncoding  encoding;
  char                   separator;
  JourneySurveyRowFunc   func;
  gpointer               user_data;

  gboolean               started;
  GByteArray            *sniff;       /* bytes held back until detection */
  guint8                 carry[3];    /* an incomplete UTF-16 unit or pair */
  guint                  n_carry;
  GByteArray            *text;        /* the block, decoded */
  gboolean               pending_cr;  /* the last block ended with a CR */
  gboolean               at_start;    /* nothing of the text seen yet: a BOM or sep= may come */

  struct csv_parser      parser;
  guint64                line;        /* the physical line being read, from 1 */
  guint64                row_line;    /* the line the current row began on */

  char                  *arena;       /* the cells of the current row, each NUL-terminated */
  gsize                  arena_length;
  gsize                  arena_size;
  gsize                 *offsets;     /* where each cell starts in arena */
  gsize                 *lengths;
  const char           **cells;
  guint                  n_cells;
  guint                  cells_size;
  const char            *invalid;

  GError                *error;
  guint64                bytes;
};

G_DEFINE_QUARK (journey-survey-error-quark, journey_survey_error)

/* Windows-1252's 0x80–0x9F; the five bytes it leaves undefined read as
 * the C1 controls they are in ISO 8859-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void
append_unichar (GByteArray *out,
                gunichar    c)
{
  guint8 buffer[6];
  int n = g_unichar_to_utf8 (c, (char *) buffer);

  g_byte_array_append (out, buffer, n);
}

static void
decode_cp1252 (JourneySurveyReader *self,
               const guint8        *bytes,
               gsize                length)
{
  gsize start = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (bytes[i] < 0x80)
        continue;
      g_byte_array_append (self->text, bytes + start, i - start);
      append_unichar (self->text, bytes[i] < 0xA0 ? cp1252_high[bytes[i] - 0x80] : bytes[i]);
      start = i + 1;
    }
  g_byte_array_append (self->text, bytes + start, length - start);
}

static void
decode_utf16 (JourneySurveyReader *self,
              const guint8        *bytes,
              gsize                length)
{
  gboolean big = self->encoding == JOURNEY_SURVEY_ENCODING_UTF16BE;
  g_autofree guint8 *joined = NULL;
  gsize i = 0;

  if (self->n_carry > 0)
    {
      joined = g_malloc (self->n_carry + length);
      memcpy (joined, self->carry, self->n_carry);
      memcpy (joined + self->n_carry, bytes, length);
      bytes = joined;
      length += self->n_carry;
      self->n_carry = 0;
    }

  while (i + 1 < length)
    {
      gunichar unit = big ? (bytes[i] << 8 | bytes[i + 1]) : (bytes[i + 1] << 8 | bytes[i]);

      if (unit >= 0xD800 && unit < 0xDC00)
        {
          gunichar low;

          if (i + 3 >= length)
            break;  /* the pair ends in the next block */
          low = big ? (bytes[i + 2] << 8 | bytes[i + 3]) : (bytes[i + 3] << 8 | bytes[i + 2]);
          if (low >= 0xDC00 && low < 0xE000)
            {
              append_unichar (self->text, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
              i += 4;
              continue;
            }
          unit = 0xFFFD;
        }
      else if (unit >= 0xDC00 && unit < 0xE000)
        unit = 0xFFFD;

      if (unit < 0x80)
        {
          guint8 ascii = unit;

          g_byte_array_append (self->text, &ascii, 1);
        }
      else
        append_unichar (self->text, unit);
      i += 2;
    }

  self->n_carry = length - i;
  memcpy (self->carry, bytes + i, self->n_carry);
}

static void
decode (JourneySurveyReader *self,
        const guint8        *bytes,
        gsize                length)
{
  g_byte_array_set_size (self->text, 0);
  switch (self->encoding)
    {
    case JOURNEY_SURVEY_ENCODING_UTF16LE:
    case JOURNEY_SURVEY_ENCODING_UTF16BE:
      decode_utf16 (self, bytes, length);
      break;
    case JOURNEY_SURVEY_ENCODING_WINDOWS_1252:
      decode_cp1252 (self, bytes, length);
      break;
    case JOURNEY_SURVEY_ENCODING_AUTO:
    case JOURNEY_SURVEY_ENCODING_UTF8:
    default:
      g_byte_array_append (self->text, bytes, length);
      break;
    }
}

/* -- Detection ------------------------------------------------------------ */

static JourneySurveyEncoding
detect_encoding (const guint8 *bytes,
                 gsize         length,
                 gboolean      complete,
                 gsize        *bom)
{
  const char *end = NULL;

  *bom = 0;
  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      *bom = 3;
      return JOURNEY_SURVEY_ENCODING_UTF8;
    }
  if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    {
      *bom = 2;
      return JOURNEY_SURVEY_ENCODING_UTF16LE;
    }
  if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      *bom = 2;
      return JOURNEY_SURVEY_ENCODING_UTF16BE;
    }
  /* ASCII text in UTF-16 without a BOM: every other byte is 0. */
  if (length >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0)
    return JOURNEY_SURVEY_ENCODING_UTF16LE;
  if (length >= 4 && bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0)
    return JOURNEY_SURVEY_ENCODING_UTF16BE;

  /* UTF-8 between NUL bytes (a NUL is a broken row, not an encoding). */
  for (;;)
    {
      if (g_utf8_validate ((const char *) bytes, length, &end))
        return JOURNEY_SURVEY_ENCODING_UTF8;
      if (*end == '\0' && (const guint8 *) end < bytes + length)
        {
          length -= (const guint8 *) end + 1 - bytes;
          bytes = (const guint8 *) end + 1;
          continue;
        }
      /* A character cut at the end of the block is no reason to doubt. */
      if (!complete && (const guint8 *) end + 4 > bytes + length)
        return JOURNEY_SURVEY_ENCODING_UTF8;
      return JOURNEY_SURVEY_ENCODING_WINDOWS_1252;
    }
}

/* Binary data: more than one byte in twenty a control character other
 * than tab, CR and LF (NUL included). */
static gboolean
looks_binary (const guint8 *text,
              gsize         length)
{
  gsize controls = 0;

  for (gsize i = 0; i < length; i++)
    if (text[i] < 0x20 && text[i] != '\t' && text[i] != '\r' && text[i] != '\n')
      controls++;
  return controls * 20 > length;
}

/* The separator that cuts the first line into the most cells, outside
 * quotes: `,` when none does. */
static char
detect_separator (const guint8 *text,
                  gsize         length)
{
  const char candidates[] = { ',', ';', '\t' };
  gsize counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  gsize most = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && (text[i] == '\n' || text[i] == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (text[i] == (guint8) candidates[k])
            counts[k]++;
    }
  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > most)
      {
        most = counts[k];
        best = candidates[k];
      }
  return best;
}

/* -- Rows ----------------------------------------------------------------- */

/* What is wrong with a cell's bytes, or NULL. */
static const char *
check_cell (const guint8 *bytes,
            gsize         length)
{
  gsize i = 0;

  /* Plain ASCII, the common case, in one pass. */
  while (i < length && bytes[i] != 0 && bytes[i] < 0x80)
    i++;
  if (i == length)
    return NULL;
  if (memchr (bytes + i, 0, length - i) != NULL)
    return N_("a NUL byte");
  if (!g_utf8_validate_len ((const char *) bytes + i, length - i, NULL))
    return N_("text that is not valid in its encoding");
  return NULL;
}

static void
on_field (void   *field,
          size_t  length,
          void   *data)
{
  JourneySurveyReader *self = data;
  guint n = self->n_cells;

  if (self->error != NULL)
    return;
  if (n >= JOURNEY_SURVEY_MAX_CELLS)
    {
      self->invalid = N_("more than 4096 cells");
      return;
    }
  if (self->arena_length + length + 1 >= MAX_ROW_BYTES)
    {
      self->invalid = N_("more than 4 MiB of text");
      length = 0;
    }
  if (self->invalid == NULL && length > 0)
    self->invalid = check_cell (field, length);

  if (self->arena_length + length + 1 > self->arena_size)
    {
      self->arena_size = MAX (self->arena_size * 2, self->arena_length + length + 1);
      self->arena = g_realloc (self->arena, self->arena_size);
    }
  if (n == self->cells_size)
    {
      self->cells_size = MAX (16, self->cells_size * 2);
      self->offsets = g_renew (gsize, self->offsets, self->cells_size);
      self->lengths = g_renew (gsize, self->lengths, self->cells_size);
      self->cells = g_renew (const char *, self->cells, self->cells_size);
    }
  if (length > 0)
    memcpy (self->arena + self->arena_length, field, length);
  self->arena[self->arena_length + length] = '\0';
  self->offsets[n] = self->arena_length;
  self->lengths[n] = length;
  self->arena_length += length + 1;
  self->n_cells = n + 1;
}

static void
on_row (int   terminator,
        void *data)
{
  JourneySurveyReader *self = data;
  JourneySurveyRow row;

  if (self->error == NULL)
    {
      for (guint i = 0; i < self->n_cells; i++)
        self->cells[i] = self->arena + self->offsets[i];

      row.line = self->row_line;
      row.n_cells = self->n_cells;
      row.cells = self->cells;
      row.lengths = self->lengths;
      row.invalid = self->invalid;
      self->func (&row, self->user_data, &self->error);
    }

  self->arena_length = 0;
  self->n_cells = 0;
  self->invalid = NULL;
}

/* libcsv's buffer for one cell: bounded, so that a quote left open does
 * not read the rest of the file into memory. */
static void *
bounded_realloc (void   *buffer,
                 size_t  size)
{
  if (size > JOURNEY_SURVEY_MAX_CELL)
    return NULL;
  return g_try_realloc (buffer, size);
}

static gboolean
parse (JourneySurveyReader *self,
       const char          *text,
       gsize                length)
{
  if (csv_parse (&self->parser, text, length, on_field, on_row, self) != length)
    {
      int status = csv_error (&self->parser);

      if (self->error == NULL)
        g_set_error (&self->error, JOURNEY_SURVEY_ERROR, JOURNEY_SURVEY_ERROR_TOO_LONG,
                     status == CSV_ENOMEM || status == CSV_ETOOBIG
                     ? _("line %llu: a cell longer than 1 MiB begins here (is a quote left open?)")
                     : _("line %llu: the CSV cannot be read"),
                     (unsigned long long) self->row_line);
      return FALSE;
    }
  return self->error == NULL;
}

/* Excel's first line "sep=;" names the separator. */
static gboolean
is_sep_line (const char *text,
             gsize       length,
             char       *separator)
{
  if (length >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0 &&
      (length == 5 || text[5] == '\r' || text[5] == '\n'))
    {
      *separator = text[4];
      return TRUE;
    }
  return FALSE;
}

/* Gives the decoded block to libcsv one physical line at a time. */
static gboolean
parse_lines (JourneySurveyReader *self)
{
  const char *text = (const char *) self->text->data;
  gsize length = self->text->len;
  gsize start = 0;

  if (self->pending_cr && length > 0)
    {
      self->pending_cr = FALSE;
      if (text[0] == '\n')
        {
          if (!parse (self, text, 1))
            return FALSE;
          start = 1;
        }
    }

  while (start < length)
    {
      const char *found = text + start;
      const char *end = text + length;
      gsize stop;
      gboolean ended = FALSE;

      while (found < end && *found != '\n' && *found != '\r')
        found++;
      stop = found - text;
      if (found < end)
        {
          ended = TRUE;
          stop++;
          if (*found == '\r')
            {
              if (stop < length && text[stop] == '\n')
                stop++;
              else if (stop == length)
                self->pending_cr = TRUE;
            }
        }

      if (self->parser.pstate == CSV_ROW_NOT_BEGUN)
        self->row_line = self->line;

      if (self->at_start && ended && self->line == 1 &&
          is_sep_line (text + start, stop - start, &self->separator))
        csv_set_delim (&self->parser, (unsigned char) self->separator);
      else if (!parse (self, text + start, stop - start))
        return FALSE;
      self->at_start = FALSE;

      if (ended)
        self->line++;
      start = stop;
    }
  return TRUE;
}

static gboolean
start (JourneySurveyReader *self,
       gboolean             complete,
       GError             **error)
{
  const guint8 *bytes = self->sniff->data;
  gsize length = self->sniff->len;
  gsize bom = 0;
  JourneySurveyEncoding detected = detect_encoding (bytes, length, complete, &bom);
  char sep = 0;

  if (self->encoding == JOURNEY_SURVEY_ENCODING_AUTO || bom > 0)
    self->encoding = detected;
  self->started = TRUE;
  /* An empty file has no bytes at all (data is NULL). */
  if (length > bom)
    decode (self, bytes + bom, length - bom);

  if (looks_binary (self->text->data, MIN (self->text->len, SNIFF_SIZE)))
    {
      g_set_error (error, JOURNEY_SURVEY_ERROR, JOURNEY_SURVEY_ERROR_NOT_TEXT,
                   _("this is not a CSV or tab-separated text file"));
      return FALSE;
    }
  if (self->separator == 0)
    {
      if (is_sep_line ((const char *) self->text->data, self->text->len, &sep))
        self->separator = sep;
      else
        self->separator = detect_separator (self->text->data, self->text->len);
    }
  csv_set_delim (&self->parser, (unsigned char) self->separator);

  g_clear_pointer (&self->sniff, g_byte_array_unref);
  if (!parse_lines (self))
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

/* -- Public API ----------------------------------------------------------- */

JourneySurveyReader *
journey_survey_reader_new (JourneySurveyEncoding encoding,
                           char                  separator,
                           JourneySurveyRowFunc  func,
                           gpointer              user_data)
{
  JourneySurveyReader *self = g_new0 (JourneySurveyReader, 1);

  g_return_val_if_fail (func != NULL, NULL);

  self->encoding = encoding;
  self->separator = separator;
  self->func = func;
  self->user_data = user_data;
  self->sniff = g_byte_array_new ();
  self->text = g_byte_array_new ();
  self->at_start = TRUE;
  self->line = 1;
  self->row_line = 1;

  csv_init (&self->parser, 0);
  csv_set_realloc_func (&self->parser, bounded_realloc);
  csv_set_free_func (&self->parser, g_free);
  csv_set_blk_size (&self->parser, 4096);
  return self;
}

void
journey_survey_reader_free (JourneySurveyReader *self)
{
  if (self == NULL)
    return;
  csv_free (&self->parser);
  g_clear_pointer (&self->sniff, g_byte_array_unref);
  g_byte_array_unref (self->text);
  g_free (self->arena);
  g_free (self->offsets);
  g_free (self->lengths);
  g_free (self->cells);
  g_clear_error (&self->error);
  g_free (self);
}

/**
 * journey_survey_reader_feed:
 *
 * Reads the next @length bytes of the file: every row they complete goes
 * to the row function.  Returns FALSE when reading must stop: the file is
 * not text, a cell is over the limit, or the row function said so.
 */
gboolean
journey_survey_reader_feed (JourneySurveyReader *self,
                            const char          *bytes,
                            gsize                length,
                            GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  self->bytes += length;
  if (!self->started)
    {
      g_byte_array_append (self->sniff, (const guint8 *) bytes, length);
      if (self->sniff->len < SNIFF_SIZE)
        return TRUE;
      return start (self, FALSE, error);
    }

  decode (self, (const guint8 *) bytes, length);
  if (!parse_lines (self))
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

/* Detection from what was fed so far, without waiting for a whole first
 * block: a followed file may be short yet. */
gboolean
journey_survey_reader_flush (JourneySurveyReader *self,
                             GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->started || self->sniff->len == 0)
    return TRUE;
  return start (self, FALSE, error);
}

/* The end of the file: the last row, if it has no line break. */
gboolean
journey_survey_reader_finish (JourneySurveyReader *self,
                              GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->started && !start (self, TRUE, error))
    return FALSE;
  if (self->parser.pstate == CSV_FIELD_BEGUN && self->parser.quoted && self->error == NULL)
    {
      /* A quote left open at the end: the row is reported, not guessed. */
      self->invalid = N_("a quote that is never closed");
      on_row (-1, self);
      csv_free (&self->parser);
      csv_init (&self->parser, 0);
    }
  else
    csv_fini (&self->parser, on_field, on_row, self);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

/* @row's cells as a strv; none when the row is broken. */
char **
journey_survey_row_dup_cells (const JourneySurveyRow *row)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **cells;

  for (guint i = 0; i < row->n_cells && row->invalid == NULL; i++)
    g_strv_builder_add (builder, row->cells[i]);
  cells = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return cells;
}

JourneySurveyEncoding
journey_survey_reader_get_encoding (JourneySurveyReader *self)
{
  return self->encoding;
}

char
journey_survey_reader_get_separator (JourneySurveyReader *self)
{
  return self->separator;
}

guint64
journey_survey_reader_get_bytes (JourneySurveyReader *self)
{
  return self->bytes;
}

static const char * const encoding_names[] = {
  [JOURNEY_SURVEY_ENCODING_AUTO] = "auto",
  [JOURNEY_SURVEY_ENCODING_UTF8] = "utf-8",
  [JOURNEY_SURVEY_ENCODING_UTF16LE] = "utf-16le",
  [JOURNEY_SURVEY_ENCODING_UTF16BE] = "utf-16be",
  [JOURNEY_SURVEY_ENCODING_WINDOWS_1252] = "windows-1252",
};

const char *
journey_survey_encoding_to_string (JourneySurveyEncoding encoding)
{
  g_return_val_if_fail (encoding <= JOURNEY_SURVEY_ENCODING_WINDOWS_1252, "auto");
  return encoding_names[encoding];
}

gboolean
journey_survey_encoding_from_string (const char            *name,
                                     JourneySurveyEncoding *encoding)
{
  for (guint i = 0; i < G_N_ELEMENTS (encoding_names); i++)
    if (name != NULL && g_ascii_strcasecmp (name, encoding_names[i]) == 0)
      {
        *encoding = i;
        return TRUE;
      }
  return FALSE;
}
