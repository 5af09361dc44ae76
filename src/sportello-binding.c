/* sportello-binding.c: a record's fields bound to the rows that edit them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's fields are properties (SportelloRecord), so a row shows its
 * field through a GBinding both ways: what the consultant types reaches
 * the record as it is typed, and a record changed elsewhere shows at once.
 * Filling the rows writes nothing back, so opening a record never marks it
 * changed. What differs between a field and its row (a term's id and its
 * place in a combo, a stored date and the date as typed) is said once here.
 *
 * A binding goes with the row or the record, whichever goes first.
 */

#define G_LOG_DOMAIN "sportello-binding"

#include "config.h"

#include "sportello-binding.h"
#include "sportello-date-entry.h"
#include "sportello-format.h"
#include "sportello-record.h"

/**
 * sportello_binding_field_property:
 * @record: a #SportelloRecord
 * @field: one of its text fields
 *
 * Returns: the name of the property that holds @field
 */
const char *
sportello_binding_field_property (gpointer record,
                                  guint    field)
{
  SportelloRecordClass *klass;

  g_return_val_if_fail (SPORTELLO_IS_RECORD (record), NULL);

  klass = SPORTELLO_RECORD_GET_CLASS (record);
  g_return_val_if_fail (field < klass->n_fields, NULL);

  return g_param_spec_get_name (klass->field_pspecs[field]);
}

/* A save may trim what was typed (“Voucher ” is stored as “Voucher”):
 * the row, which may still be typed in, keeps its spaces */
static gboolean
text_to_row (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  g_autoptr(GObject) target = g_binding_dup_target (binding);
  g_autofree char *shown = NULL;
  g_autofree char *value = g_strstrip (g_strdup (g_value_get_string (from) ? g_value_get_string (from) : ""));

  if (target != NULL)
    g_object_get (target, "text", &shown, NULL);
  if (shown != NULL && g_strcmp0 (shown, g_value_get_string (from)) != 0 && g_str_equal (g_strstrip (shown), value))
    return FALSE;

  g_value_set_string (to, g_value_get_string (from));
  return TRUE;
}

/**
 * sportello_bind_text:
 * @widget: a #GtkEditable (an entry row) or a #GtkTextBuffer
 *
 * Returns: (transfer none): the binding of @widget's text to @property
 */
GBinding *
sportello_bind_text (gpointer    record,
                     const char *property,
                     gpointer    widget)
{
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);
  g_return_val_if_fail (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_BUFFER (widget), NULL);

  return g_object_bind_property_full (record, property, widget, "text", SPORTELLO_BINDING_FLAGS,
                                      text_to_row, NULL, NULL, NULL);
}

/* ------------------------------------------------------------ terms ---- */

typedef struct
{
  SportelloVocabulary  vocabulary;
  gboolean             optional;   /* first item: “Not set”, the empty id */
  char                *fallback;   /* what no term selected stores; NULL: nothing */
} Term;

static void
term_free (gpointer data)
{
  Term *term = data;

  g_free (term->fallback);
  g_free (term);
}

/* the record's id as the place of its term in the combo */
static gboolean
term_to_row (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  Term *term = user_data;
  int index = sportello_vocabulary_index (term->vocabulary, g_value_get_string (from));

  if (term->optional)
    index++;
  g_value_set_uint (to, MAX (index, 0));
  return TRUE;
}

static gboolean
term_from_row (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  Term *term = user_data;
  const SportelloTerm *terms;
  guint n;
  int index = (int) g_value_get_uint (from);

  if (g_value_get_uint (from) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  terms = sportello_vocabulary_terms (term->vocabulary, &n);
  index -= term->optional ? 1 : 0;
  if (index >= 0 && (guint) index < n)
    g_value_set_string (to, terms[index].id);
  else if (term->fallback != NULL)
    g_value_set_string (to, term->fallback);
  else
    return FALSE;
  return TRUE;
}

/**
 * sportello_bind_term:
 * @row: a combo of @vocabulary's labels (sportello_binding_fill_terms())
 * @optional: the combo's first item is “Not set”, the empty id
 * @fallback: (nullable): what the record gets when no term is selected;
 *   %NULL leaves the record alone then
 *
 * Binds a field that holds the id of a term of @vocabulary.
 *
 * Returns: (transfer none): the binding
 */
GBinding *
sportello_bind_term (gpointer             record,
                     const char          *property,
                     AdwComboRow         *row,
                     SportelloVocabulary  vocabulary,
                     gboolean             optional,
                     const char          *fallback)
{
  Term *term = g_new0 (Term, 1);

  g_return_val_if_fail (G_IS_OBJECT (record), NULL);
  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  term->vocabulary = vocabulary;
  term->optional = optional;
  term->fallback = g_strdup (fallback);
  return g_object_bind_property_full (record, property, row, "selected", SPORTELLO_BINDING_FLAGS,
                                      term_to_row, term_from_row, term, term_free);
}

/**
 * sportello_binding_fill_terms:
 * @not_set: (nullable): the label of a first item that sets no term
 *
 * Gives @row the labels of @vocabulary's terms, in their order.
 */
void
sportello_binding_fill_terms (AdwComboRow         *row,
                              SportelloVocabulary  vocabulary,
                              const char          *not_set)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const SportelloTerm *terms;
  guint n;

  if (not_set != NULL)
    gtk_string_list_append (labels, not_set);
  terms = sportello_vocabulary_terms (vocabulary, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, sportello_vocabulary_label (vocabulary, terms[i].id));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

/* ------------------------------------------------------------- days ---- */

/* a stored day shows as typed the Italian way; anything else as it is */
static gboolean
day_to_row (GBinding     *binding,
            const GValue *from,
            GValue       *to,
            gpointer      user_data)
{
  g_value_take_string (to, sportello_date_entry_format_day (g_value_get_string (from)));
  return TRUE;
}

/* a day typed the Italian way (or ISO) is stored as ISO; anything else as
 * it is, for the record's checks to judge, or (strict) not at all */
static gboolean
day_from_row (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  gboolean strict = GPOINTER_TO_INT (user_data);
  const char *text = g_value_get_string (from);
  gboolean has_time = FALSE;
  g_autoptr(GDateTime) day = sportello_parse_date_input (text ? text : "", NULL, &has_time);

  if (day != NULL && !has_time)
    g_value_take_string (to, g_date_time_format (day, "%Y-%m-%d"));
  else if (!strict || text == NULL || text[0] == '\0')
    g_value_set_string (to, text);
  else
    return FALSE;
  return TRUE;
}

/**
 * sportello_bind_day:
 * @strict: what is neither a day nor empty does not reach the record;
 *   otherwise it does as typed
 *
 * Binds a field that holds a day ("2026-12-31") to a date entry row.
 *
 * Returns: (transfer none): the binding
 */
GBinding *
sportello_bind_day (gpointer     record,
                    const char  *property,
                    AdwEntryRow *row,
                    gboolean     strict)
{
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  return g_object_bind_property_full (record, property, row, "text", SPORTELLO_BINDING_FLAGS,
                                      day_to_row, day_from_row, GINT_TO_POINTER (strict), NULL);
}

/* ----------------------------------------------------------- starts ---- */

static gboolean
start_to_row (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  g_value_take_string (to, sportello_date_entry_format_utc (g_value_get_string (from)));
  return TRUE;
}

/* a text that is no date leaves the record alone */
static gboolean
start_from_row (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  char *starts_at = sportello_date_entry_parse_utc (g_value_get_string (from), GPOINTER_TO_INT (user_data));

  if (starts_at == NULL)
    return FALSE;
  g_value_take_string (to, starts_at);
  return TRUE;
}

/**
 * sportello_bind_start:
 * @default_hour: the hour of a day typed without one
 *
 * Binds a field that holds a UTC date and time to a date entry row that
 * shows it in local time. What is no date does not reach the record.
 *
 * Returns: (transfer none): the binding
 */
GBinding *
sportello_bind_start (gpointer     record,
                      const char  *property,
                      AdwEntryRow *row,
                      int          default_hour)
{
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  return g_object_bind_property_full (record, property, row, "text", SPORTELLO_BINDING_FLAGS,
                                      start_to_row, start_from_row, GINT_TO_POINTER (default_hour), NULL);
}

/* ----------------------------------------------------------- numbers --- */

/**
 * sportello_binding_parse_whole_number:
 * @text: what a row says, such as “10.000” or “10 000”
 * @value: (out): the number, or -1 for an empty @text (not given)
 *
 * Reads a whole number as Italians write it: dots and spaces between the
 * digits are thousands separators.
 *
 * Returns: %FALSE when @text is no whole number
 */
gboolean
sportello_binding_parse_whole_number (const char *text,
                                      gint64     *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  guint64 n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  for (const char *p = text; *p; p++)
    if (*p != '.' && *p != ' ')
      g_string_append_c (clean, *p);
  if (clean->len == 0)
    {
      *value = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (clean->str, 10, 0, G_MAXINT64, &n, NULL))
    return FALSE;
  *value = (gint64) n;
  return TRUE;
}

/**
 * sportello_binding_add_entry_row:
 * @group: where the row goes, last
 * @title: the row's title, with a mnemonic
 *
 * Returns: (transfer none): a new, empty entry row for a field: its
 *   binding fills it
 */
AdwEntryRow *
sportello_binding_add_entry_row (AdwPreferencesGroup *group,
                                 const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}
