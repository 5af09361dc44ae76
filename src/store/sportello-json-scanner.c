/* sportello-json-scanner.c: reads JSON a value at a time, from a stream
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle can be hundreds of megabytes. Building a tree of it (as
 * json-glib's JsonParser does) costs several times its size in memory, so
 * the bundle reader walks the document with this scanner instead and keeps
 * only what it needs. The scanner reads RFC 8259 JSON strictly: anything
 * else is an error with its line and column. Objects and arrays the caller
 * does not walk itself are read through and checked, not kept.
 *
 * The end of the document is the end of the input: a NUL byte is no end
 * but an error, wherever it is. The escape \u0000 is valid JSON, so a
 * string may hold the NUL character (its length says where it ends).
 */

#define G_LOG_DOMAIN "sportello-json"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "sportello-json-scanner.h"

#define BUFFER_SIZE (64 * 1024)
#define MAX_DEPTH   256
#define MAX_NUMBER  64

struct _SportelloJsonScanner
{
  GInputStream *stream;        /* NULL: all the text is in @data */
  const guchar *data;
  gsize         pos;
  gsize         len;
  guchar       *buffer;
  gsize         buffer_size;
  goffset       consumed;      /* bytes before data[0] */
  goffset       line_start;
  guint         line;
  gboolean      eof;
  GError       *io_error;
  GString      *key;
  GString      *string;
};

G_DEFINE_QUARK (sportello-json-scanner-error-quark, sportello_json_scanner_error)

SportelloJsonScanner *
sportello_json_scanner_new_for_data (const char *data,
                                     gsize       length)
{
  SportelloJsonScanner *scanner = g_new0 (SportelloJsonScanner, 1);

  scanner->data = (const guchar *) data;
  scanner->len = length;
  scanner->line = 1;
  scanner->key = g_string_new (NULL);
  scanner->string = g_string_new (NULL);
  return scanner;
}

/* For the tests and the fuzzer: a scanner that reads @buffer_size bytes
 * at a time, so values cross the edges of its buffer */
SportelloJsonScanner *
_sportello_json_scanner_new_for_stream_sized (GInputStream *stream,
                                              gsize         buffer_size)
{
  SportelloJsonScanner *scanner = sportello_json_scanner_new_for_data (NULL, 0);

  g_return_val_if_fail (buffer_size > 0, NULL);

  scanner->stream = g_object_ref (stream);
  scanner->buffer_size = buffer_size;
  scanner->buffer = g_malloc (buffer_size);
  scanner->data = scanner->buffer;
  return scanner;
}

SportelloJsonScanner *
sportello_json_scanner_new_for_stream (GInputStream *stream)
{
  return _sportello_json_scanner_new_for_stream_sized (stream, BUFFER_SIZE);
}

void
sportello_json_scanner_free (SportelloJsonScanner *scanner)
{
  if (scanner == NULL)
    return;

  g_clear_object (&scanner->stream);
  g_clear_error (&scanner->io_error);
  g_free (scanner->buffer);
  g_string_free (scanner->key, TRUE);
  g_string_free (scanner->string, TRUE);
  g_free (scanner);
}

/* How far into the text the scanner has read, in bytes */
goffset
sportello_json_scanner_get_offset (SportelloJsonScanner *scanner)
{
  return scanner->consumed + (goffset) scanner->pos;
}

static gboolean read_value (SportelloJsonScanner *scanner, SportelloJsonValue *value, guint depth, GError **error);

/* TRUE when there is a byte at data[pos], reading more if need be */
static inline gboolean
fill (SportelloJsonScanner *scanner)
{
  gssize n;

  if (G_LIKELY (scanner->pos < scanner->len))
    return TRUE;
  if (scanner->stream == NULL || scanner->eof)
    return FALSE;

  scanner->consumed += (goffset) scanner->len;
  scanner->pos = scanner->len = 0;
  n = g_input_stream_read (scanner->stream, scanner->buffer, scanner->buffer_size, NULL, &scanner->io_error);
  if (n <= 0)
    {
      scanner->eof = TRUE;
      return FALSE;
    }
  scanner->len = (gsize) n;
  return TRUE;
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (SportelloJsonScanner  *scanner,
      GError               **error,
      const char            *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  /* a read that failed is not the text's fault */
  if (scanner->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&scanner->io_error));
      return FALSE;
    }

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SPORTELLO_JSON_SCANNER_ERROR, SPORTELLO_JSON_SCANNER_ERROR_SYNTAX,
               _("line %u, column %u: %s"), scanner->line,
               (guint) MIN (sportello_json_scanner_get_offset (scanner) - scanner->line_start + 1, G_MAXUINT),
               reason);
  return FALSE;
}

/* A NUL byte in the text, which JSON never has outside a string's \u0000 */
static gboolean
fail_nul (SportelloJsonScanner  *scanner,
          GError               **error)
{
  return fail (scanner, error, _("a NUL byte, which JSON text cannot hold"));
}

/* @c is the next byte, or 0 at the end of the input */
static gboolean
fail_unexpected (SportelloJsonScanner  *scanner,
                 char                   c,
                 GError               **error)
{
  if (c == '\0' && fill (scanner))
    return fail_nul (scanner, error);
  if (c == '\0')
    return fail (scanner, error, _("the file ends too soon"));
  if (c > 0x20 && c < 0x7f)
    return fail (scanner, error, _("unexpected “%c”"), c);
  return fail (scanner, error, _("unexpected byte 0x%02x"), (guchar) c);
}

static void
skip_whitespace (SportelloJsonScanner *scanner)
{
  while (fill (scanner))
    {
      guchar c = scanner->data[scanner->pos];

      if (c == ' ' || c == '\t' || c == '\r')
        scanner->pos++;
      else if (c == '\n')
        {
          scanner->pos++;
          scanner->line++;
          scanner->line_start = sportello_json_scanner_get_offset (scanner);
        }
      else
        break;
    }
}

/**
 * sportello_json_scanner_peek:
 * @next: (out): the next character that is not white space, or 0 at the
 *   end of the input
 *
 * Looks at what comes next without taking it. A NUL byte is an error.
 */
gboolean
sportello_json_scanner_peek (SportelloJsonScanner  *scanner,
                             char                  *next,
                             GError               **error)
{
  skip_whitespace (scanner);
  if (scanner->io_error != NULL)
    return fail (scanner, error, "%s", "");
  *next = fill (scanner) ? (char) scanner->data[scanner->pos] : '\0';
  if (*next == '\0' && fill (scanner))
    return fail_nul (scanner, error);
  return TRUE;
}

/* Takes @c, the next character that is not white space */
gboolean
sportello_json_scanner_expect (SportelloJsonScanner  *scanner,
                               char                   c,
                               GError               **error)
{
  char next;

  if (!sportello_json_scanner_peek (scanner, &next, error))
    return FALSE;
  if (next != c)
    {
      if (next == '\0')
        return fail (scanner, error, _("the file ends too soon"));
      return fail (scanner, error, _("expected “%c”"), c);
    }
  scanner->pos++;
  return TRUE;
}

/**
 * sportello_json_scanner_enter:
 * @open: `{` or `[`
 * @entered: (out): %TRUE when the next value is an object (or array) and
 *   its opening bracket was taken; %FALSE when it was another value, which
 *   was read through
 *
 * Steps into the object or array that should come next.
 */
gboolean
sportello_json_scanner_enter (SportelloJsonScanner  *scanner,
                              char                   open,
                              gboolean              *entered,
                              GError               **error)
{
  SportelloJsonValue value;
  char next;

  if (!sportello_json_scanner_peek (scanner, &next, error))
    return FALSE;

  *entered = next == open;
  if (*entered)
    {
      scanner->pos++;
      return TRUE;
    }
  return read_value (scanner, &value, 0, error);
}

/**
 * sportello_json_scanner_next:
 * @close: `}` or `]`, whichever closes the object or array being read
 * @index: how many members or elements were read before
 * @more: (out): %TRUE when another member or element follows
 *
 * Inside an object or array whose opening bracket was taken: takes the
 * comma before the next member or element, or the closing bracket.
 */
gboolean
sportello_json_scanner_next (SportelloJsonScanner  *scanner,
                             char                   close,
                             guint                  index,
                             gboolean              *more,
                             GError               **error)
{
  char next;

  if (!sportello_json_scanner_peek (scanner, &next, error))
    return FALSE;

  if (next == close)
    {
      scanner->pos++;
      *more = FALSE;
      return TRUE;
    }
  if (index == 0)
    {
      *more = TRUE;
      return TRUE;
    }
  if (next == ',')
    {
      scanner->pos++;
      *more = TRUE;
      return TRUE;
    }
  if (next == '\0')
    return fail (scanner, error, _("the file ends too soon"));
  return fail (scanner, error, _("expected “,” or “%c”"), close);
}

static gboolean
read_hex4 (SportelloJsonScanner  *scanner,
           gunichar              *out,
           GError               **error)
{
  *out = 0;
  for (guint i = 0; i < 4; i++)
    {
      int digit;

      if (!fill (scanner))
        return fail (scanner, error, _("the file ends too soon"));
      if (scanner->data[scanner->pos] == '\0')
        return fail_nul (scanner, error);
      digit = g_ascii_xdigit_value ((char) scanner->data[scanner->pos]);
      if (digit < 0)
        return fail (scanner, error, _("invalid \\u escape"));
      *out = (*out << 4) | (gunichar) digit;
      scanner->pos++;
    }
  return TRUE;
}

static gboolean
read_escape (SportelloJsonScanner  *scanner,
             GString               *out,
             GError               **error)
{
  gunichar c;

  if (!fill (scanner))
    return fail (scanner, error, _("the file ends too soon"));
  if (scanner->data[scanner->pos] == '\0')
    return fail_nul (scanner, error);

  switch (scanner->data[scanner->pos++])
    {
    case '"': g_string_append_c (out, '"'); return TRUE;
    case '\\': g_string_append_c (out, '\\'); return TRUE;
    case '/': g_string_append_c (out, '/'); return TRUE;
    case 'b': g_string_append_c (out, '\b'); return TRUE;
    case 'f': g_string_append_c (out, '\f'); return TRUE;
    case 'n': g_string_append_c (out, '\n'); return TRUE;
    case 'r': g_string_append_c (out, '\r'); return TRUE;
    case 't': g_string_append_c (out, '\t'); return TRUE;
    case 'u':
      break;
    default:
      scanner->pos--;
      return fail (scanner, error, _("invalid escape in a string"));
    }

  if (!read_hex4 (scanner, &c, error))
    return FALSE;

  /* a character beyond the first plane comes as a pair of surrogates */
  if (c >= 0xd800 && c <= 0xdbff)
    {
      gunichar low;

      if (!fill (scanner) || scanner->data[scanner->pos] != '\\')
        return fail (scanner, error, _("invalid \\u escape"));
      scanner->pos++;
      if (!fill (scanner) || scanner->data[scanner->pos] != 'u')
        return fail (scanner, error, _("invalid \\u escape"));
      scanner->pos++;
      if (!read_hex4 (scanner, &low, error))
        return FALSE;
      if (low < 0xdc00 || low > 0xdfff)
        return fail (scanner, error, _("invalid \\u escape"));
      c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
    }
  else if (c >= 0xdc00 && c <= 0xdfff)
    return fail (scanner, error, _("invalid \\u escape"));

  /* valid JSON: the caller decides whether a NUL character may be kept */
  if (c == 0)
    {
      g_string_append_c (out, '\0');
      return TRUE;
    }

  g_string_append_unichar (out, c);
  return TRUE;
}

#define IS_SPECIAL(c) ((c) == '"' || (c) == '\\' || (c) < 0x20)

/* TRUE when none of the eight bytes at @p is special in a string */
static inline gboolean
word_is_plain (const guchar *p)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 w, quote, backslash;

  memcpy (&w, p, sizeof w);
  quote = w ^ (ones * '"');
  backslash = w ^ (ones * '\\');

  /* a zero byte in either, or a byte below 0x20 in @w */
  return ((((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((w - ones * 0x20) & ~w)) & highs) == 0;
}

/* As g_utf8_validate_len(), for a text that may hold NUL characters */
static gboolean
utf8_validate (const char *text,
               gsize       length)
{
  const char *end = text + length;

  while (text < end)
    {
      const char *nul = memchr (text, '\0', (gsize) (end - text));
      const char *stop = nul != NULL ? nul : end;

      if (!g_utf8_validate_len (text, (gsize) (stop - text), NULL))
        return FALSE;
      text = stop + (nul != NULL);
    }
  return TRUE;
}

/* Reads a string, the scanner at its opening quote */
static gboolean
read_string (SportelloJsonScanner  *scanner,
             GString               *out,
             GError               **error)
{
  g_string_truncate (out, 0);
  scanner->pos++;

  for (;;)
    {
      gsize start;
      guchar c;

      if (!fill (scanner))
        return fail (scanner, error, _("the file ends inside a string"));

      start = scanner->pos;
      for (;;)
        {
          gsize stop;

          /* eight plain bytes at a time, then byte by byte to the next
           * quote, backslash or control character */
          while (scanner->pos + 8 <= scanner->len && word_is_plain (scanner->data + scanner->pos))
            scanner->pos += 8;
          stop = MIN (scanner->pos + 8, scanner->len);
          while (scanner->pos < stop && !IS_SPECIAL (scanner->data[scanner->pos]))
            scanner->pos++;
          if (scanner->pos == scanner->len || IS_SPECIAL (scanner->data[scanner->pos]))
            break;
        }
      g_string_append_len (out, (const char *) scanner->data + start, (gssize) (scanner->pos - start));
      if (scanner->pos == scanner->len)
        continue;

      c = scanner->data[scanner->pos];
      if (c == '"')
        {
          scanner->pos++;
          break;
        }
      if (c == '\0')
        return fail_nul (scanner, error);
      if (c < 0x20)
        return fail (scanner, error, _("a control character inside a string"));

      scanner->pos++;
      if (!read_escape (scanner, out, error))
        return FALSE;
    }

  if (!utf8_validate (out->str, out->len))
    return fail (scanner, error, _("a string is not valid UTF-8"));
  return TRUE;
}

/**
 * sportello_json_scanner_read_key:
 * @key: (out): the member's name, valid until the next call
 *
 * Reads a member's name and its colon. A name holding the NUL character
 * (\u0000) is given with each of them written out as the six characters
 * “\u0000”, so that it is never taken for a name without them.
 */
gboolean
sportello_json_scanner_read_key (SportelloJsonScanner  *scanner,
                                 const char           **key,
                                 GError               **error)
{
  char next;

  if (!sportello_json_scanner_peek (scanner, &next, error))
    return FALSE;
  if (next != '"')
    return next == '\0' ? fail_unexpected (scanner, next, error)
                        : fail (scanner, error, _("expected a name in double quotes"));
  if (!read_string (scanner, scanner->key, error) ||
      !sportello_json_scanner_expect (scanner, ':', error))
    return FALSE;

  if (memchr (scanner->key->str, '\0', scanner->key->len) != NULL)
    {
      for (gsize i = scanner->key->len; i-- > 0;)
        if (scanner->key->str[i] == '\0')
          {
            g_string_erase (scanner->key, (gssize) i, 1);
            g_string_insert (scanner->key, (gssize) i, "\\u0000");
          }
    }

  *key = scanner->key->str;
  return TRUE;
}

static gboolean
read_literal (SportelloJsonScanner  *scanner,
              const char            *literal,
              GError               **error)
{
  for (const char *p = literal; *p; p++)
    {
      if (!fill (scanner))
        return fail (scanner, error, _("the file ends too soon"));
      if (scanner->data[scanner->pos] == '\0')
        return fail_nul (scanner, error);
      if (scanner->data[scanner->pos] != (guchar) *p)
        return fail_unexpected (scanner, (char) scanner->data[scanner->pos], error);
      scanner->pos++;
    }
  return TRUE;
}

/* Takes digits into @number (as many as fit); returns how many there were */
static guint
take_digits (SportelloJsonScanner *scanner,
             char                 *number,
             guint                *n)
{
  guint count = 0;

  while (fill (scanner) && g_ascii_isdigit (scanner->data[scanner->pos]))
    {
      if (*n < MAX_NUMBER - 1)
        number[(*n)++] = (char) scanner->data[scanner->pos];
      scanner->pos++;
      count++;
    }
  return count;
}

static gboolean
take_char (SportelloJsonScanner *scanner,
           const char           *which,
           char                 *number,
           guint                *n)
{
  if (!fill (scanner) || scanner->data[scanner->pos] == '\0' ||
      strchr (which, scanner->data[scanner->pos]) == NULL)
    return FALSE;
  if (*n < MAX_NUMBER - 1)
    number[(*n)++] = (char) scanner->data[scanner->pos];
  scanner->pos++;
  return TRUE;
}

static gboolean
read_number (SportelloJsonScanner  *scanner,
             SportelloJsonValue    *value,
             GError               **error)
{
  char number[MAX_NUMBER];
  guint n = 0;
  guint digits;
  gboolean whole = TRUE;
  char *end = NULL;

  take_char (scanner, "-", number, &n);
  if (take_char (scanner, "0", number, &n))
    digits = 1;
  else
    digits = take_digits (scanner, number, &n);
  if (digits == 0)
    return fail (scanner, error, _("a number without digits"));

  if (take_char (scanner, ".", number, &n))
    {
      whole = FALSE;
      if (take_digits (scanner, number, &n) == 0)
        return fail (scanner, error, _("a number without digits after the point"));
    }
  if (take_char (scanner, "eE", number, &n))
    {
      whole = FALSE;
      take_char (scanner, "+-", number, &n);
      if (take_digits (scanner, number, &n) == 0)
        return fail (scanner, error, _("a number without digits in its exponent"));
    }
  number[n] = '\0';

  value->type = SPORTELLO_JSON_DOUBLE;
  if (whole && n < MAX_NUMBER - 1)
    {
      errno = 0;
      value->integer = g_ascii_strtoll (number, &end, 10);
      if (errno == 0 && end != NULL && *end == '\0')
        value->type = SPORTELLO_JSON_INTEGER;
    }
  return TRUE;
}

/* Reads an object or an array through, checking it, keeping nothing */
static gboolean
skip_container (SportelloJsonScanner  *scanner,
                char                   open,
                guint                  depth,
                GError               **error)
{
  char close = open == '{' ? '}' : ']';
  SportelloJsonValue member;
  gboolean more;

  if (depth >= MAX_DEPTH)
    return fail (scanner, error, _("nested too deeply"));
  scanner->pos++;

  for (guint i = 0;; i++)
    {
      const char *key;

      if (!sportello_json_scanner_next (scanner, close, i, &more, error))
        return FALSE;
      if (!more)
        return TRUE;
      if (open == '{' && !sportello_json_scanner_read_key (scanner, &key, error))
        return FALSE;
      if (!read_value (scanner, &member, depth + 1, error))
        return FALSE;
    }
}

static gboolean
read_value (SportelloJsonScanner  *scanner,
            SportelloJsonValue    *value,
            guint                  depth,
            GError               **error)
{
  char next;

  memset (value, 0, sizeof *value);
  if (!sportello_json_scanner_peek (scanner, &next, error))
    return FALSE;

  switch (next)
    {
    case '"':
      if (!read_string (scanner, scanner->string, error))
        return FALSE;
      value->type = SPORTELLO_JSON_STRING;
      value->string = scanner->string->str;
      value->length = scanner->string->len;
      return TRUE;

    case '{':
    case '[':
      value->type = next == '{' ? SPORTELLO_JSON_OBJECT : SPORTELLO_JSON_ARRAY;
      return skip_container (scanner, next, depth, error);

    case 't':
    case 'f':
      value->type = SPORTELLO_JSON_BOOLEAN;
      value->boolean = next == 't';
      return read_literal (scanner, next == 't' ? "true" : "false", error);

    case 'n':
      value->type = SPORTELLO_JSON_NULL;
      return read_literal (scanner, "null", error);

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (scanner, value, error);

    default:
      return fail_unexpected (scanner, next, error);
    }
}

/**
 * sportello_json_scanner_read_value:
 * @value: (out): what was read; an object or array is only checked
 *
 * Reads the next value whole.
 */
gboolean
sportello_json_scanner_read_value (SportelloJsonScanner  *scanner,
                                   SportelloJsonValue    *value,
                                   GError               **error)
{
  return read_value (scanner, value, 0, error);
}

/* Checks that nothing but white space follows */
gboolean
sportello_json_scanner_end (SportelloJsonScanner  *scanner,
                            GError               **error)
{
  char next;

  if (!sportello_json_scanner_peek (scanner, &next, error))
    return FALSE;
  if (next != '\0')
    return fail (scanner, error, _("more text after the end of the document"));
  return TRUE;
}
