/* sportello-client-csv.c: clients and their people from a spreadsheet, and
 * the client list out to one
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In: the file is read by sportello-csv.c (UTF-8 with or without BOM,
 * Windows-1252; ';', ',' or tab; RFC 4180 quoting). Each column is mapped
 * to a field by its header, in Italian or English, case, accents, spaces
 * and dots not minded; the caller may change the mapping. Every row then
 * becomes a client exactly as the editor makes one (normalised, then
 * checked by sportello_client_check (), its person by
 * sportello_contact_check ()); a row whose VAT number or tax code is
 * already a client's, or an earlier row's, is a duplicate and is not
 * added (with merge, it fills that client's empty fields). A row with
 * neither identifier is a duplicate of a client with the same name and
 * municipality, so that a file imported twice adds nothing the second
 * time. Bad rows stop the whole import unless they are to be skipped;
 * everything is written in one transaction, after a backup, and the import
 * is recorded in `imports` as a bundle's is.
 *
 * Out: the clients as UTF-8 with a byte order mark, separated by ';',
 * lines ending in CRLF: what Excel on an Italian Windows opens with a
 * double click (its list separator is ';', the comma being the decimal
 * one; without the BOM it would read the file as Windows-1252) and what
 * LibreOffice recognises in its import dialog.
 */

#define G_LOG_DOMAIN "sportello-client-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sportello-atomic-file.h"
#include "sportello-backup.h"
#include "sportello-client-csv.h"
#include "sportello-client-private.h"
#include "sportello-contact.h"
#include "sportello-database-private.h"
#include "sportello-identifiers.h"
#include "sportello-vocabulary.h"

/* More new clients than this: the full-text index is rebuilt once at the
 * end rather than kept row by row */
#define BULK_THRESHOLD 2000

struct _SportelloClientCsv
{
  SportelloCsv *table;
  int          *targets;   /* one per column */
};

/* The columns a spreadsheet may have, in the order of the drop-down and
 * of the export */
static const int import_targets[] = {
  SPORTELLO_CLIENT_NAME,
  SPORTELLO_CLIENT_LEGAL_FORM,
  SPORTELLO_CLIENT_VAT_NUMBER,
  SPORTELLO_CLIENT_TAX_CODE,
  SPORTELLO_CLIENT_ATECO_CODE,
  SPORTELLO_CLIENT_CATEGORY,
  SPORTELLO_CLIENT_STREET,
  SPORTELLO_CLIENT_POSTAL_CODE,
  SPORTELLO_CLIENT_MUNICIPALITY,
  SPORTELLO_CLIENT_PROVINCE,
  SPORTELLO_CLIENT_PHONE,
  SPORTELLO_CLIENT_EMAIL,
  SPORTELLO_CLIENT_PEC,
  SPORTELLO_CLIENT_WEBSITE,
  SPORTELLO_CLIENT_SDI_CODE,
  SPORTELLO_CLIENT_STATUS,
  SPORTELLO_CLIENT_TAGS,
  SPORTELLO_CLIENT_SOURCE,
  SPORTELLO_CLIENT_CSV_EMPLOYEES,
  SPORTELLO_CLIENT_NOTES,
  SPORTELLO_CLIENT_CSV_CONTACT_NAME,
  SPORTELLO_CLIENT_CSV_CONTACT_ROLE,
  SPORTELLO_CLIENT_CSV_CONTACT_EMAIL,
  SPORTELLO_CLIENT_CSV_CONTACT_PHONE,
};

static const struct
{
  int         target;
  const char *title;      /* C_("spreadsheet column", …): the export's header */
  const char *names;      /* other headers, '|'-separated, compared as keys */
} columns[] = {
  { SPORTELLO_CLIENT_NAME, NC_("spreadsheet column", "Company name"),
    "ragione sociale|denominazione|denominazione sociale|azienda|impresa|ditta|nome azienda|nome impresa|"
    "cliente|company|company name|business name|name|firm" },
  { SPORTELLO_CLIENT_LEGAL_FORM, NC_("spreadsheet column", "Legal form"),
    "forma giuridica|natura giuridica|legal form" },
  { SPORTELLO_CLIENT_VAT_NUMBER, NC_("spreadsheet column", "VAT number"),
    "partita iva|p.iva|p. iva|piva|part. iva|p.i.|iva|vat|vat number|vat no|vat id" },
  { SPORTELLO_CLIENT_TAX_CODE, NC_("spreadsheet column", "Tax code"),
    "codice fiscale|cod. fiscale|c.f.|cf|tax code|fiscal code|tax id" },
  { SPORTELLO_CLIENT_ATECO_CODE, NC_("spreadsheet column", "ATECO code"),
    "codice ateco|ateco|cod. ateco|ateco code" },
  { SPORTELLO_CLIENT_CATEGORY, NC_("spreadsheet column", "Category"),
    "categoria|settore|category|sector" },
  { SPORTELLO_CLIENT_STREET, NC_("spreadsheet column", "Address"),
    "indirizzo|via|sede|sede legale|address|street" },
  { SPORTELLO_CLIENT_POSTAL_CODE, NC_("spreadsheet column", "Postal code"),
    "cap|c.a.p.|codice postale|postal code|zip|zip code|postcode" },
  { SPORTELLO_CLIENT_MUNICIPALITY, NC_("spreadsheet column", "Municipality"),
    "comune|città|citta|località|localita|city|town|municipality" },
  { SPORTELLO_CLIENT_PROVINCE, NC_("spreadsheet column", "Province"),
    "provincia|prov.|prov|pr|sigla provincia|province" },
  { SPORTELLO_CLIENT_PHONE, NC_("spreadsheet column", "Phone"),
    "telefono|tel.|tel|numero di telefono|phone|telephone" },
  { SPORTELLO_CLIENT_EMAIL, NC_("spreadsheet column", "Email"),
    "e-mail|email|mail|posta elettronica|indirizzo email|e-mail address" },
  { SPORTELLO_CLIENT_PEC, NC_("spreadsheet column", "PEC"),
    "pec|posta certificata|posta elettronica certificata|e-mail pec|email pec|certified email" },
  { SPORTELLO_CLIENT_WEBSITE, NC_("spreadsheet column", "Website"),
    "sito|sito web|sito internet|web|website|url|web site" },
  { SPORTELLO_CLIENT_SDI_CODE, NC_("spreadsheet column", "SDI code"),
    "codice sdi|sdi|codice destinatario|sdi code|recipient code" },
  { SPORTELLO_CLIENT_STATUS, NC_("spreadsheet column", "Status"),
    "stato|status" },
  { SPORTELLO_CLIENT_TAGS, NC_("spreadsheet column", "Tags"),
    "etichette|etichetta|tag|tags" },
  { SPORTELLO_CLIENT_SOURCE, NC_("spreadsheet column", "Source"),
    "provenienza|fonte|canale|source|how they reached the desk" },
  { SPORTELLO_CLIENT_CSV_EMPLOYEES, NC_("spreadsheet column", "Employees"),
    "dipendenti|addetti|numero dipendenti|n. dipendenti|employees|staff" },
  { SPORTELLO_CLIENT_NOTES, NC_("spreadsheet column", "Notes"),
    "note|annotazioni|notes|comments" },
  { SPORTELLO_CLIENT_CSV_CONTACT_NAME, NC_("spreadsheet column", "Contact person"),
    "referente|persona di riferimento|contatto|nome referente|contact|contact person|contact name" },
  { SPORTELLO_CLIENT_CSV_CONTACT_ROLE, NC_("spreadsheet column", "Contact’s role"),
    "ruolo referente|ruolo|qualifica|role|contact role|contact's role|job title" },
  { SPORTELLO_CLIENT_CSV_CONTACT_EMAIL, NC_("spreadsheet column", "Contact’s email"),
    "e-mail referente|email referente|mail referente|contact email|contact e-mail|contact's email" },
  { SPORTELLO_CLIENT_CSV_CONTACT_PHONE, NC_("spreadsheet column", "Contact’s phone"),
    "telefono referente|tel. referente|cellulare referente|contact phone|contact's phone" },
};

static const struct
{
  SportelloClientField field;
  SportelloVocabulary  vocabulary;
} vocabulary_fields[] = {
  { SPORTELLO_CLIENT_LEGAL_FORM, SPORTELLO_VOCABULARY_LEGAL_FORM },
  { SPORTELLO_CLIENT_CATEGORY, SPORTELLO_VOCABULARY_CATEGORY },
  { SPORTELLO_CLIENT_STATUS, SPORTELLO_VOCABULARY_STATUS },
  { SPORTELLO_CLIENT_SOURCE, SPORTELLO_VOCABULARY_SOURCE },
};

/* What Italian spreadsheets write for the values of the closed lists,
 * whatever the language of the interface (their labels, in English and
 * translated, are recognised too) */
static const struct
{
  SportelloVocabulary  vocabulary;
  const char          *id;
  const char          *names;   /* '|'-separated, compared as keys */
} value_names[] = {
  { SPORTELLO_VOCABULARY_LEGAL_FORM, "di", "ditta individuale|impresa individuale|d.i." },
  { SPORTELLO_VOCABULARY_LEGAL_FORM, "coop", "cooperativa|soc. coop.|societa cooperativa|s.c." },
  { SPORTELLO_VOCABULARY_LEGAL_FORM, "other", "altro|altra" },
  { SPORTELLO_VOCABULARY_CATEGORY, "artisan", "artigiano|artigiani|artigianato|impresa artigiana" },
  { SPORTELLO_VOCABULARY_CATEGORY, "hospitality", "bar e ristorante|bar e ristoranti|ristorazione|bar|ristorante" },
  { SPORTELLO_VOCABULARY_CATEGORY, "retail", "commercio al dettaglio|commercio|negozio|dettaglio" },
  { SPORTELLO_VOCABULARY_CATEGORY, "sme", "pmi|piccola e media impresa" },
  { SPORTELLO_VOCABULARY_CATEGORY, "startup", "startup innovativa|start-up innovativa|startup" },
  { SPORTELLO_VOCABULARY_CATEGORY, "professional", "professionista|libero professionista" },
  { SPORTELLO_VOCABULARY_CATEGORY, "other", "altro|altra" },
  { SPORTELLO_VOCABULARY_STATUS, "new", "nuovo contatto|nuovo" },
  { SPORTELLO_VOCABULARY_STATUS, "consulting", "in consulenza" },
  { SPORTELLO_VOCABULARY_STATUS, "followed", "seguito|seguita" },
  { SPORTELLO_VOCABULARY_STATUS, "closed", "chiuso|chiusa" },
  { SPORTELLO_VOCABULARY_STATUS, "archived", "archiviato|archiviata" },
  { SPORTELLO_VOCABULARY_SOURCE, "word-of-mouth", "passaparola" },
  { SPORTELLO_VOCABULARY_SOURCE, "chamber", "camera di commercio" },
  { SPORTELLO_VOCABULARY_SOURCE, "event", "evento" },
  { SPORTELLO_VOCABULARY_SOURCE, "website", "sito web|sito" },
  { SPORTELLO_VOCABULARY_SOURCE, "other", "altro|altra" },
};

/* ------------------------------------------------------ mapping ---- */

/* "  P. IVA " → "piva", "Città" → "citta": letters and digits only, lower
 * case, accents dropped */
static char *
header_key (const char *text)
{
  g_autofree char *normalized = sportello_csv_normalize_header (text);
  GString *key = g_string_new (NULL);

  for (const char *p = normalized; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, *p);

  return g_string_free (key, FALSE);
}

static GHashTable *
header_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter_pointer (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          g_auto(GStrv) names = g_strsplit (columns[i].names, "|", -1);

          /* the export's own headers, in English and translated */
          g_hash_table_insert (t, header_key (columns[i].title), GINT_TO_POINTER (columns[i].target + 2));
          g_hash_table_insert (t, header_key (g_dpgettext2 (GETTEXT_PACKAGE, "spreadsheet column", columns[i].title)),
                               GINT_TO_POINTER (columns[i].target + 2));
          for (guint n = 0; names[n] != NULL; n++)
            g_hash_table_insert (t, header_key (names[n]), GINT_TO_POINTER (columns[i].target + 2));
        }
      g_once_init_leave_pointer (&table, t);
    }

  return table;
}

/**
 * sportello_client_csv_targets:
 *
 * Returns: (array length=n_targets): what a column may be mapped to, in
 *   the order to offer them
 */
const int *
sportello_client_csv_targets (guint *n_targets)
{
  *n_targets = G_N_ELEMENTS (import_targets);
  return import_targets;
}

/* The column's title, translated; "Not imported" for nothing */
const char *
sportello_client_csv_target_label (int target)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (columns[i].target == target)
      return g_dpgettext2 (GETTEXT_PACKAGE, "spreadsheet column", columns[i].title);

  /* Translators: a spreadsheet column mapped to no field */
  return _("Not imported");
}

/* The target a header names, or %SPORTELLO_CLIENT_CSV_IGNORED */
int
sportello_client_csv_target_for_header (const char *header)
{
  g_autofree char *key = header_key (header);
  gpointer value = g_hash_table_lookup (header_table (), key);

  return value != NULL ? GPOINTER_TO_INT (value) - 2 : SPORTELLO_CLIENT_CSV_IGNORED;
}

/**
 * sportello_client_csv_new:
 * @table: (transfer full): the file as read
 *
 * Maps each column by its header; a field named twice goes to the first
 * column that names it.
 */
SportelloClientCsv *
sportello_client_csv_new (SportelloCsv *table)
{
  SportelloClientCsv *self = g_new0 (SportelloClientCsv, 1);
  gboolean taken[SPORTELLO_CLIENT_CSV_N_TARGETS] = { FALSE, };

  self->table = table;
  self->targets = g_new (int, MAX (table->n_columns, 1));
  for (guint i = 0; i < table->n_columns; i++)
    {
      int target = sportello_client_csv_target_for_header (table->header[i]);

      if (target >= 0 && taken[target])
        target = SPORTELLO_CLIENT_CSV_IGNORED;
      if (target >= 0)
        taken[target] = TRUE;
      self->targets[i] = target;
    }

  return self;
}

SportelloClientCsv *
sportello_client_csv_load (const char  *path,
                           GError     **error)
{
  SportelloCsv *table = sportello_csv_load (path, error);

  return table != NULL ? sportello_client_csv_new (table) : NULL;
}

void
sportello_client_csv_free (SportelloClientCsv *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->table, sportello_csv_free);
  g_free (self->targets);
  g_free (self);
}

SportelloCsv *
sportello_client_csv_get_table (SportelloClientCsv *self)
{
  return self->table;
}

int
sportello_client_csv_get_target (SportelloClientCsv *self,
                                 guint               column)
{
  g_return_val_if_fail (column < self->table->n_columns, SPORTELLO_CLIENT_CSV_IGNORED);

  return self->targets[column];
}

/* Maps @column to @target; a column that had @target loses it */
void
sportello_client_csv_set_target (SportelloClientCsv *self,
                                 guint               column,
                                 int                 target)
{
  g_return_if_fail (column < self->table->n_columns);
  g_return_if_fail (target >= SPORTELLO_CLIENT_CSV_IGNORED && target < SPORTELLO_CLIENT_CSV_N_TARGETS);

  if (target >= 0)
    for (guint i = 0; i < self->table->n_columns; i++)
      if (self->targets[i] == target)
        self->targets[i] = SPORTELLO_CLIENT_CSV_IGNORED;
  self->targets[column] = target;
}

/* ------------------------------------------------------- report ---- */

static void
problem_free (SportelloClientCsvProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
duplicate_free (SportelloClientCsvDuplicate *duplicate)
{
  g_free (duplicate->name);
  g_free (duplicate->existing_uuid);
  g_free (duplicate->existing_name);
  g_free (duplicate->matched);
  g_free (duplicate);
}

void
sportello_client_csv_report_free (SportelloClientCsvReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->duplicate_rows, g_ptr_array_unref);
  g_free (report);
}

/* "Wrong check digit" → "wrong check digit", after a colon; "ATECO…" stays */
static char *
lower_first (const char *message)
{
  gunichar first = g_utf8_get_char (message);
  const char *rest = g_utf8_next_char (message);

  if (!g_unichar_isupper (first) || (*rest != '\0' && g_unichar_isupper (g_utf8_get_char (rest))))
    return g_strdup (message);

  {
    char buf[8] = { 0, };

    g_unichar_to_utf8 (g_unichar_tolower (first), buf);
    return g_strconcat (buf, rest, NULL);
  }
}

static void
add_problem (SportelloClientCsvReport *report,
             guint                     line,
             int                       column,
             const char               *header,
             const char               *message)
{
  SportelloClientCsvProblem *problem = g_new0 (SportelloClientCsvProblem, 1);
  g_autofree char *lowered = lower_first (message);

  problem->line = line;
  problem->column = column;
  /* Translators: a bad row of a spreadsheet: its row number, the header
   * of its column and what is wrong, as in
   * “row 19, “VAT number”: wrong check digit: expected 7” */
  problem->message = g_strdup_printf (_("row %u, “%s”: %s"), line, header, lowered);
  g_ptr_array_add (report->problems, problem);
}

/* ----------------------------------------------------------- rows ---- */

typedef enum
{
  ROW_NEW,
  ROW_DUPLICATE,
  ROW_INVALID,
} RowVerdict;

typedef struct
{
  RowVerdict        verdict;
  SportelloClient  *client;       /* new: to write; duplicate: the row as a client */
  GPtrArray        *contacts;     /* SportelloContact to add */
  gint64            existing_id;  /* duplicate of a client already here */
  int               earlier;      /* duplicate of an earlier new row, or -1 */
} Row;

static void
row_clear (Row *row)
{
  g_clear_object (&row->client);
  g_clear_pointer (&row->contacts, g_ptr_array_unref);
}

/* A vocabulary's id from its id, its label in English or translated, or
 * what Italian spreadsheets write for it */
static const char *
vocabulary_id (SportelloVocabulary  vocabulary,
               const char          *value)
{
  static GHashTable *table;
  g_autofree char *key = header_key (value);
  g_autofree char *lookup = NULL;

  if (g_once_init_enter_pointer (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* the Italian words first, so that the vocabulary's own win */
      for (guint i = 0; i < G_N_ELEMENTS (value_names); i++)
        {
          g_auto(GStrv) names = g_strsplit (value_names[i].names, "|", -1);

          for (guint n = 0; names[n] != NULL; n++)
            {
              g_autofree char *name = header_key (names[n]);

              g_hash_table_insert (t, g_strdup_printf ("%d:%s", value_names[i].vocabulary, name),
                                   (gpointer) value_names[i].id);
            }
        }
      for (guint v = 0; v < G_N_ELEMENTS (vocabulary_fields); v++)
        {
          SportelloVocabulary vocabulary_v = vocabulary_fields[v].vocabulary;
          const SportelloTerm *terms;
          guint n_terms;

          terms = sportello_vocabulary_terms (vocabulary_v, &n_terms);
          for (guint i = 0; i < n_terms; i++)
            {
              const char *forms[] = { terms[i].label, sportello_vocabulary_label (vocabulary_v, terms[i].id), terms[i].id };

              for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
                {
                  g_autofree char *name = header_key (forms[f]);

                  g_hash_table_insert (t, g_strdup_printf ("%d:%s", vocabulary_v, name), (gpointer) terms[i].id);
                }
            }
        }
      g_once_init_leave_pointer (&table, t);
    }

  lookup = g_strdup_printf ("%d:%s", vocabulary, key);
  return g_hash_table_lookup (table, lookup);
}

static const char *
column_header (SportelloClientCsv *self,
               int                 column,
               int                 target)
{
  return column >= 0 ? self->table->header[column] : sportello_client_csv_target_label (target);
}

/* Makes the row's client and person as the editor would, and lists what
 * stops them from being saved; returns FALSE for a bad row */
static gboolean
build_row (SportelloClientCsv       *self,
           SportelloCsvRow          *csv_row,
           const int                 column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
           SportelloClientCsvReport *report,
           Row                      *row)
{
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(GPtrArray) problems = NULL;
  const char *contact_values[4] = { "", "", "", "" };
  gboolean good = TRUE;

  for (guint c = 0; c < self->table->n_columns; c++)
    {
      int target = self->targets[c];
      const char *value = csv_row->fields[c];

      if (target < 0 || value[0] == '\0')
        continue;

      if (target < SPORTELLO_CLIENT_N_TEXT_FIELDS)
        {
          const char *id = NULL;
          gboolean closed = FALSE;

          for (guint v = 0; v < G_N_ELEMENTS (vocabulary_fields); v++)
            if (vocabulary_fields[v].field == (SportelloClientField) target)
              {
                g_autofree char *trimmed = g_strstrip (g_strdup (value));

                closed = TRUE;
                if (trimmed[0] != '\0')
                  id = vocabulary_id (vocabulary_fields[v].vocabulary, trimmed);
                if (trimmed[0] != '\0' && id == NULL)
                  id = value;   /* unknown: the check below names it */
              }
          sportello_client_set (client, target, closed ? (id != NULL ? id : sportello_client_get (client, target)) : value);
        }
      else if (target == SPORTELLO_CLIENT_CSV_EMPLOYEES)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (value));
          guint64 employees = 0;

          if (trimmed[0] != '\0' &&
              (!g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXINT, &employees, NULL)))
            {
              add_problem (report, csv_row->line, c, self->table->header[c],
                           _("The number of employees must be a whole number"));
              good = FALSE;
            }
          else if (trimmed[0] != '\0')
            sportello_client_set_employees (client, (int) employees);
        }
      else
        contact_values[target - SPORTELLO_CLIENT_CSV_CONTACT_NAME] = value;
    }

  /* the editor's own rules */
  sportello_client_normalize (client);
  problems = sportello_client_check (client);
  for (guint i = 0; i < problems->len; i++)
    {
      SportelloClientProblem *problem = g_ptr_array_index (problems, i);

      if (!problem->blocking)
        continue;
      add_problem (report, csv_row->line, column_of[problem->field],
                   column_header (self, column_of[problem->field], problem->field), problem->message);
      good = FALSE;
    }

  row->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  if (contact_values[0][0] != '\0' || contact_values[1][0] != '\0' ||
      contact_values[2][0] != '\0' || contact_values[3][0] != '\0')
    {
      g_autoptr(SportelloContact) contact = sportello_contact_new ("");
      g_autofree char *message = NULL;

      for (guint k = 0; k < 4; k++)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (contact_values[k]));

          sportello_contact_set (contact, SPORTELLO_CONTACT_NAME + k, trimmed);
        }
      if ((message = sportello_contact_check (contact)))
        {
          /* the name is missing, or the e-mail is wrong */
          int target = sportello_contact_get (contact, SPORTELLO_CONTACT_NAME)[0] == '\0'
                       ? SPORTELLO_CLIENT_CSV_CONTACT_NAME : SPORTELLO_CLIENT_CSV_CONTACT_EMAIL;

          add_problem (report, csv_row->line, column_of[target],
                       column_header (self, column_of[target], target), message);
          good = FALSE;
        }
      else
        g_ptr_array_add (row->contacts, g_steal_pointer (&contact));
    }

  row->client = g_steal_pointer (&client);
  return good;
}

/* The empty fields of @into that @from has; returns whether any */
static gboolean
fill_empty (SportelloClient *into,
            SportelloClient *from,
            const int        column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
            gboolean         apply)
{
  gboolean filled = FALSE;

  for (guint f = 0; f < SPORTELLO_CLIENT_N_TEXT_FIELDS; f++)
    {
      const char *theirs = sportello_client_get (from, f);

      /* only what the file has a column for, never a default of a new client */
      if (column_of[f] < 0 || theirs[0] == '\0' || sportello_client_get (into, f)[0] != '\0')
        continue;
      filled = TRUE;
      if (apply)
        sportello_client_set (into, f, theirs);
    }
  if (column_of[SPORTELLO_CLIENT_CSV_EMPLOYEES] >= 0 &&
      sportello_client_get_employees (into) < 0 && sportello_client_get_employees (from) >= 0)
    {
      filled = TRUE;
      if (apply)
        sportello_client_set_employees (into, sportello_client_get_employees (from));
    }

  return filled;
}

typedef struct
{
  GHashTable   *ours;          /* "id:VAT or tax code", "name:name\ntown" → client id */
  sqlite3_stmt *describe;
  sqlite3_stmt *contact_exists;
} Lookups;

static void
lookups_clear (Lookups *lookups)
{
  g_clear_pointer (&lookups->ours, g_hash_table_unref);
  g_clear_pointer (&lookups->describe, sqlite3_finalize);
  g_clear_pointer (&lookups->contact_exists, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookups, lookups_clear)

static char *
name_key (const char *name,
          const char *municipality)
{
  g_autofree char *n = g_utf8_casefold (name, -1);
  g_autofree char *m = g_utf8_casefold (municipality, -1);

  return g_strconcat ("name:", n, "\n", m, NULL);
}

/* What the duplicates are looked up in, read once: the VAT numbers and
 * tax codes of our clients (in either column, as
 * sportello_client_find_duplicate () looks: a firm's numeric tax code is
 * usually its VAT number), and the name and municipality of those with
 * neither; clients in the bin left out */
static gboolean
lookups_init (Lookups            *lookups,
              SportelloDatabase  *db,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) all = NULL;
  int rc;

  lookups->ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!(all = _sportello_database_prepare (db,
          "SELECT id, vat_number, tax_code, name, municipality FROM clients WHERE deleted_at IS NULL ORDER BY id DESC",
          error)) ||
      !(lookups->describe = _sportello_database_prepare (db, "SELECT uuid, name FROM clients WHERE id = ?", error)) ||
      !(lookups->contact_exists = _sportello_database_prepare (db,
          "SELECT 1 FROM contacts WHERE client_id = ?1 AND name = ?2 COLLATE NOCASE", error)))
    return FALSE;

  /* by id downwards: the oldest client of a number wins, as LIMIT 1 on the index would */
  while ((rc = sqlite3_step (all)) == SQLITE_ROW)
    {
      gpointer id = GINT_TO_POINTER ((int) sqlite3_column_int64 (all, 0));
      const char *vat = (const char *) sqlite3_column_text (all, 1);
      const char *tax_code = (const char *) sqlite3_column_text (all, 2);

      if (vat[0] != '\0')
        g_hash_table_insert (lookups->ours, g_strconcat ("id:", vat, NULL), id);
      if (tax_code[0] != '\0')
        g_hash_table_insert (lookups->ours, g_strconcat ("id:", tax_code, NULL), id);
      if (vat[0] == '\0' && tax_code[0] == '\0')
        g_hash_table_insert (lookups->ours, name_key ((const char *) sqlite3_column_text (all, 3),
                                                      (const char *) sqlite3_column_text (all, 4)), id);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/* Our client under @key, 0 if none */
static gint64
find_existing (Lookups    *lookups,
               const char *key)
{
  return key != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (lookups->ours, key)) : 0;
}

static void
describe_existing (Lookups  *lookups,
                   gint64    id,
                   char    **uuid,
                   char    **name)
{
  sqlite3_reset (lookups->describe);
  sqlite3_bind_int64 (lookups->describe, 1, id);
  if (sqlite3_step (lookups->describe) == SQLITE_ROW)
    {
      *uuid = g_strdup ((const char *) sqlite3_column_text (lookups->describe, 0));
      *name = g_strdup ((const char *) sqlite3_column_text (lookups->describe, 1));
    }
  sqlite3_reset (lookups->describe);
}

/* Whether the client already has this person (by name, case not minded) */
static gboolean
contact_exists (Lookups          *lookups,
                gint64            client_id,
                SportelloContact *contact)
{
  gboolean exists;

  sqlite3_reset (lookups->contact_exists);
  sqlite3_bind_int64 (lookups->contact_exists, 1, client_id);
  sqlite3_bind_text (lookups->contact_exists, 2, sportello_contact_get (contact, SPORTELLO_CONTACT_NAME), -1, SQLITE_STATIC);
  exists = sqlite3_step (lookups->contact_exists) == SQLITE_ROW;
  sqlite3_reset (lookups->contact_exists);

  return exists;
}

static gboolean
contact_in (GPtrArray        *contacts,
            SportelloContact *contact)
{
  for (guint i = 0; i < contacts->len; i++)
    if (g_utf8_collate (sportello_contact_get (g_ptr_array_index (contacts, i), SPORTELLO_CONTACT_NAME),
                        sportello_contact_get (contact, SPORTELLO_CONTACT_NAME)) == 0)
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------- write ---- */

static gboolean
write_contact (SportelloDatabase  *db,
               sqlite3_stmt       *insert,
               gint64              client_id,
               SportelloContact   *contact,
               gboolean            primary,
               const char         *now,
               GError            **error)
{
  sportello_record_stamp (SPORTELLO_RECORD (contact), db, now);

  sqlite3_reset (insert);
  sqlite3_bind_text (insert, 1, sportello_contact_get (contact, SPORTELLO_CONTACT_UUID), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, client_id);
  for (guint i = SPORTELLO_CONTACT_NAME; i < SPORTELLO_CONTACT_N_TEXT_FIELDS; i++)
    sqlite3_bind_text (insert, i + 1, sportello_contact_get (contact, i), -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, SPORTELLO_CONTACT_N_TEXT_FIELDS + 1, primary);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      sqlite3_reset (insert);
      return FALSE;
    }
  sqlite3_reset (insert);
  return TRUE;
}

/* For a large import: a larger page cache, and set aside the triggers that
 * keep the clients' full-text index and (when nothing is looked up in
 * them) the secondary indexes of clients and contacts, each built once at
 * the end; their DROP and CREATE statements go to @set_aside in pairs */
#define BULK_CACHE_KIB (64 * 1024)

static gboolean
bulk_begin (SportelloDatabase  *db,
            gboolean            indexes,
            GPtrArray          *set_aside,
            int                *cache_size,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) cache = NULL;
  g_autofree char *pragma = NULL;
  int rc;

  if (!(cache = _sportello_database_prepare (db, "PRAGMA cache_size", error)))
    return FALSE;
  *cache_size = sqlite3_step (cache) == SQLITE_ROW ? sqlite3_column_int (cache, 0) : -2000;
  pragma = g_strdup_printf ("PRAGMA cache_size = -%d", BULK_CACHE_KIB);
  if (!sportello_database_exec (db, pragma, error))
    return FALSE;

  if (!(stmt = _sportello_database_prepare (db,
          "SELECT type, name, sql FROM sqlite_schema WHERE "
          "(type = 'trigger' AND name LIKE 'clients\\_fts\\_%' ESCAPE '\\') OR "
          "(?1 AND type = 'index' AND sql IS NOT NULL AND tbl_name IN ('clients', 'contacts'))",
          error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, indexes);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (set_aside, g_strdup_printf ("DROP %s %s", (const char *) sqlite3_column_text (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (set_aside, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  for (guint i = 0; i < set_aside->len; i += 2)
    if (!sportello_database_exec (db, g_ptr_array_index (set_aside, i), error))
      return FALSE;
  return TRUE;
}

/* Runs @sql with ?1 bound to @id */
static gboolean
exec_with_id (SportelloDatabase  *db,
              const char         *sql,
              gint64              id,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _sportello_database_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The clients above @last_id are the import's new ones (ids are given
 * upwards, no AUTOINCREMENT gap: an existing client's id is at most
 * @last_id); @merged says whether clients of ours were changed too, and
 * @tags whether any new client has tags */
static gboolean
bulk_end (SportelloDatabase  *db,
          GPtrArray          *set_aside,
          gint64              last_id,
          gboolean            merged,
          gboolean            tags,
          GError            **error)
{
  for (guint i = 1; i < set_aside->len; i += 2)
    if (!g_str_has_prefix (g_ptr_array_index (set_aside, i), "CREATE TRIGGER") &&
        !sportello_database_exec (db, g_ptr_array_index (set_aside, i), error))
      return FALSE;
  g_debug ("CSV import: indexes built");

  /* the new clients' tags (the merged ones were indexed as they were
   * written); nothing to do when none has any */
  if (tags && !exec_with_id (db, SPORTELLO_CLIENT_INDEX_TAGS_SQL ("id > ?1"), last_id, error))
    return FALSE;
  g_debug ("CSV import: tags indexed");

  /* The full-text rows: of the new clients alone, as the insert trigger
   * would have written them, in one statement; when clients of ours were
   * completed too (their update trigger was set aside), the whole index
   * again. A larger hash of pending terms writes fewer, larger segments. */
  if (!sportello_database_exec (db, "INSERT INTO clients_fts (clients_fts, rank) VALUES ('hashsize', 67108864)", error) ||
      !(merged
        ? sportello_database_exec (db, "INSERT INTO clients_fts (clients_fts) VALUES ('rebuild')", error)
        : exec_with_id (db,
                        "INSERT INTO clients_fts (rowid, name, municipality, vat_number, tags, notes) "
                        "SELECT id, name, municipality, vat_number, tags, notes FROM clients WHERE id > ?1 ORDER BY id",
                        last_id, error)) ||
      !sportello_database_exec (db, "INSERT INTO clients_fts (clients_fts, rank) VALUES ('hashsize', 1048576)", error))
    return FALSE;
  g_debug ("CSV import: full-text index built");

  for (guint i = 1; i < set_aside->len; i += 2)
    if (g_str_has_prefix (g_ptr_array_index (set_aside, i), "CREATE TRIGGER") &&
        !sportello_database_exec (db, g_ptr_array_index (set_aside, i), error))
      return FALSE;
  return TRUE;
}

static void
bulk_finish (SportelloDatabase *db,
             int                cache_size)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);

  sportello_database_exec (db, pragma, NULL);
}

static gboolean
cancelled (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was cancelled"));
  return FALSE;
}

static gboolean write_rows (SportelloDatabase      *db,
                            Row                    *rows,
                            guint                   n,
                            guint                   step,
                            gboolean                bulk,
                            const char             *now,
                            const int               column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
                            Lookups                *lookups,
                            sqlite3_stmt           *upsert,
                            sqlite3_stmt           *insert_contact,
                            sqlite3_stmt           *has_primary,
                            SportelloProgressFunc   progress,
                            gpointer                user_data,
                            GError                **error);

static gboolean
apply (SportelloClientCsv        *self,
       SportelloDatabase         *db,
       Row                       *rows,
       const int                  column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
       Lookups                   *lookups,
       SportelloClientCsvReport  *report,
       const char                *file_name,
       SportelloProgressFunc      progress,
       gpointer                   user_data,
       GError                   **error)
{
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autoptr(sqlite3_stmt) insert_contact = NULL;
  g_autoptr(sqlite3_stmt) has_primary = NULL;
  g_autoptr(sqlite3_stmt) log = NULL;
  g_autoptr(GPtrArray) set_aside = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = sportello_now_utc ();
  guint n = self->table->rows->len;
  guint step = MAX (n / 100, 200);
  gboolean bulk = report->added > BULK_THRESHOLD;
  int cache_size = -2000;
  gboolean merging = FALSE;
  gboolean tags = FALSE;
  gint64 last_id = 0;
  gboolean ok;

  /* our clients to complete: their people are looked up by the indexes */
  for (guint i = 0; i < n && !merging; i++)
    merging = rows[i].verdict == ROW_DUPLICATE && rows[i].existing_id > 0 && rows[i].client != NULL;

  if (!(upsert = _sportello_database_prepare (db, _sportello_client_upsert_sql (), error)) ||
      !(insert_contact = _sportello_database_prepare (db,
          "INSERT INTO contacts (uuid, client_id, name, role, email, phone, created_at, updated_at, "
          "origin_consultant, origin_hub, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(has_primary = _sportello_database_prepare (db,
          "SELECT 1 FROM contacts WHERE client_id = ? AND is_primary", error)) ||
      !(log = _sportello_database_prepare (db,
          "INSERT INTO imports (file_name, exported_by_consultant, exported_by_hub, exported_at, imported_at, records) "
          "VALUES (?, '', '', '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)", error)))
    return FALSE;

  if (bulk)
    {
      g_autoptr(sqlite3_stmt) last = NULL;

      for (guint i = 0; i < n && !tags; i++)
        tags = rows[i].verdict == ROW_NEW &&
               sportello_client_get (rows[i].client, SPORTELLO_CLIENT_TAGS)[0] != '\0';
      /* the clients before the import: the new ones come above */
      if (!(last = _sportello_database_prepare (db, "SELECT coalesce (max (id), 0) FROM clients", error)))
        return FALSE;
      if (sqlite3_step (last) != SQLITE_ROW)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
      last_id = sqlite3_column_int64 (last, 0);
    }
  if (bulk && !bulk_begin (db, !merging, set_aside, &cache_size, error))
    {
      bulk_finish (db, cache_size);
      return FALSE;
    }
  ok = write_rows (db, rows, n, step, bulk, now, column_of, lookups, upsert, insert_contact, has_primary,
                   progress, user_data, error) &&
       (!bulk || bulk_end (db, set_aside, last_id, merging, tags, error));
  if (bulk)
    bulk_finish (db, cache_size);
  if (!ok)
    return FALSE;

  sqlite3_bind_text (log, 1, file_name ? file_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (log, 2, report->added + report->merged + report->contacts);
  if (sqlite3_step (log) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_rows (SportelloDatabase      *db,
            Row                    *rows,
            guint                   n,
            guint                   step,
            gboolean                bulk,
            const char             *now,
            const int               column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
            Lookups                *lookups,
            sqlite3_stmt           *upsert,
            sqlite3_stmt           *insert_contact,
            sqlite3_stmt           *has_primary,
            SportelloProgressFunc   progress,
            gpointer                user_data,
            GError                **error)
{
  for (guint i = 0; i < n; i++)
    {
      Row *row = &rows[i];

      if (progress != NULL && (i + 1) % step == 0 && !progress (i + 1, n + (bulk ? n / 4 : 0), user_data))
        return cancelled (error);

      if (row->verdict == ROW_NEW)
        {
          /* made now, by this consultant and hub, as a save would stamp it */
          sportello_client_set (row->client, SPORTELLO_CLIENT_CREATED_AT, now);
          sportello_client_set (row->client, SPORTELLO_CLIENT_UPDATED_AT, now);
          sportello_client_set (row->client, SPORTELLO_CLIENT_ORIGIN_CONSULTANT, sportello_database_get_consultant (db));
          sportello_client_set (row->client, SPORTELLO_CLIENT_ORIGIN_HUB, sportello_database_get_hub (db));
          sportello_client_set (row->client, SPORTELLO_CLIENT_OWNER_CONSULTANT, sportello_database_get_consultant (db));
          sportello_client_set (row->client, SPORTELLO_CLIENT_OWNER_HUB, sportello_database_get_hub (db));
          if (!_sportello_client_write_with (row->client, db, FALSE, upsert, !bulk, error))
            return FALSE;
          for (guint k = 0; k < row->contacts->len; k++)
            if (!write_contact (db, insert_contact, sportello_client_get_id (row->client),
                                g_ptr_array_index (row->contacts, k), k == 0, now, error))
              return FALSE;
        }
      else if (row->verdict == ROW_DUPLICATE && row->existing_id > 0 && row->client != NULL)
        {
          g_autoptr(SportelloClient) ours = NULL;
          gboolean primary;

          /* merge: the rows that fill something of ours */
          if (!(ours = sportello_client_load_by_id (db, row->existing_id, error)))
            return FALSE;
          if (fill_empty (ours, row->client, column_of, TRUE) &&
              !_sportello_client_write_with (ours, db, TRUE, upsert, TRUE, error))
            return FALSE;

          sqlite3_reset (has_primary);
          sqlite3_bind_int64 (has_primary, 1, row->existing_id);
          primary = sqlite3_step (has_primary) != SQLITE_ROW;
          sqlite3_reset (has_primary);
          for (guint k = 0; k < row->contacts->len; k++)
            {
              SportelloContact *contact = g_ptr_array_index (row->contacts, k);

              if (contact_exists (lookups, row->existing_id, contact))
                continue;
              if (!write_contact (db, insert_contact, row->existing_id, contact, primary, now, error))
                return FALSE;
              primary = FALSE;
            }
        }
    }

  g_debug ("CSV import: rows written");
  return TRUE;
}

/**
 * sportello_client_csv_run:
 * @flags: dry run, skip the bad rows, merge the duplicates
 * @file_name: (nullable): what the import is recorded under
 * @progress: (nullable): told how far it is, from the calling thread
 *
 * Decides every row (new, duplicate or bad) and, unless it is a dry run or
 * there are bad rows not to be skipped, writes the new clients and their
 * people in one transaction, after a backup, and records the import.
 *
 * Returns: (transfer full): what was done or would be done, or %NULL with
 *   @error when the database fails (then nothing is changed)
 */
SportelloClientCsvReport *
sportello_client_csv_run (SportelloClientCsv       *self,
                          SportelloDatabase        *db,
                          SportelloClientCsvFlags   flags,
                          const char               *file_name,
                          SportelloProgressFunc     progress,
                          gpointer                  user_data,
                          GError                  **error)
{
  g_autoptr(SportelloClientCsvReport) report = g_new0 (SportelloClientCsvReport, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(Lookups) lookups = { NULL, NULL, NULL };
  gboolean merge = (flags & SPORTELLO_CLIENT_CSV_MERGE_DUPLICATES) != 0;
  int column_of[SPORTELLO_CLIENT_CSV_N_TARGETS];
  guint n = self->table->rows->len;
  gint64 start = g_get_monotonic_time ();
  Row *rows;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  report->duplicate_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) duplicate_free);
  report->rows = n;

  for (guint t = 0; t < SPORTELLO_CLIENT_CSV_N_TARGETS; t++)
    column_of[t] = -1;
  for (guint c = 0; c < self->table->n_columns; c++)
    if (self->targets[c] >= 0)
      column_of[self->targets[c]] = (int) c;

  if (!lookups_init (&lookups, db, error))
    return NULL;

  rows = g_new0 (Row, MAX (n, 1));

  /* first every row is decided, nothing written */
  for (guint i = 0; i < n; i++)
    {
      SportelloCsvRow *csv_row = g_ptr_array_index (self->table->rows, i);
      Row *row = &rows[i];
      const char *vat, *tax_code;
      g_autofree char *keys[2] = { NULL, NULL };
      g_autofree char *existing_uuid = NULL;
      g_autofree char *existing_name = NULL;
      int matched = -1;
      gpointer earlier = NULL;

      row->earlier = -1;
      if (!build_row (self, csv_row, column_of, report, row))
        {
          row->verdict = ROW_INVALID;
          report->invalid++;
          continue;
        }

      vat = sportello_client_get (row->client, SPORTELLO_CLIENT_VAT_NUMBER);
      tax_code = sportello_client_get (row->client, SPORTELLO_CLIENT_TAX_CODE);
      if (vat[0] != '\0' || tax_code[0] != '\0')
        {
          if (vat[0] != '\0')
            keys[0] = g_strconcat ("id:", vat, NULL);
          if (tax_code[0] != '\0')
            keys[1] = g_strconcat ("id:", tax_code, NULL);
          matched = vat[0] != '\0' ? SPORTELLO_CLIENT_VAT_NUMBER : SPORTELLO_CLIENT_TAX_CODE;
          row->existing_id = find_existing (&lookups, keys[0]);
          if (row->existing_id == 0 && (row->existing_id = find_existing (&lookups, keys[1])) != 0)
            matched = SPORTELLO_CLIENT_TAX_CODE;
        }
      else
        {
          keys[0] = name_key (sportello_client_get (row->client, SPORTELLO_CLIENT_NAME),
                              sportello_client_get (row->client, SPORTELLO_CLIENT_MUNICIPALITY));
          row->existing_id = find_existing (&lookups, keys[0]);
          matched = SPORTELLO_CLIENT_NAME;
        }
      if (row->existing_id > 0)
        describe_existing (&lookups, row->existing_id, &existing_uuid, &existing_name);

      for (guint k = 0; k < 2 && row->existing_id == 0 && earlier == NULL; k++)
        if (keys[k] != NULL && g_hash_table_lookup_extended (seen, keys[k], NULL, &earlier))
          {
            row->earlier = GPOINTER_TO_INT (earlier);
            if (k == 1)
              matched = SPORTELLO_CLIENT_TAX_CODE;
          }
      /* an earlier row that was itself a duplicate of ours: ours */
      if (row->earlier >= 0 && rows[row->earlier].verdict == ROW_DUPLICATE)
        {
          Row *first = &rows[row->earlier];

          row->existing_id = first->existing_id;
          row->earlier = first->earlier;
        }

      if (row->existing_id == 0 && row->earlier < 0)
        {
          row->verdict = ROW_NEW;
          report->added++;
          report->contacts += row->contacts->len;
          for (guint k = 0; k < 2; k++)
            if (keys[k] != NULL)
              g_hash_table_insert (seen, g_steal_pointer (&keys[k]), GINT_TO_POINTER (i));
          continue;
        }

      {
        SportelloClientCsvDuplicate *duplicate = g_new0 (SportelloClientCsvDuplicate, 1);
        guint added_contacts = 0;

        row->verdict = ROW_DUPLICATE;
        report->duplicates++;
        duplicate->line = csv_row->line;
        duplicate->name = g_strdup (sportello_client_get (row->client, SPORTELLO_CLIENT_NAME));
        duplicate->matched = g_strdup (column_header (self, column_of[matched], matched));
        /* through an earlier row of the file */
        if (row->existing_id > 0 && existing_uuid == NULL)
          describe_existing (&lookups, row->existing_id, &existing_uuid, &existing_name);
        if (row->existing_id > 0)
          {
            duplicate->existing_uuid = g_steal_pointer (&existing_uuid);
            duplicate->existing_name = g_steal_pointer (&existing_name);
          }
        else
          {
            Row *first = &rows[row->earlier];

            duplicate->same_as_line = ((SportelloCsvRow *) g_ptr_array_index (self->table->rows, row->earlier))->line;
            duplicate->existing_name = g_strdup (sportello_client_get (first->client, SPORTELLO_CLIENT_NAME));
          }

        if (merge && row->existing_id > 0)
          {
            g_autoptr(SportelloClient) ours = sportello_client_load_by_id (db, row->existing_id, error);

            if (ours == NULL)
              {
                duplicate_free (duplicate);
                for (guint k = 0; k <= i; k++)
                  row_clear (&rows[k]);
                g_free (rows);
                return NULL;
              }
            duplicate->merged = fill_empty (ours, row->client, column_of, FALSE);
            for (guint k = 0; k < row->contacts->len; k++)
              if (!contact_exists (&lookups, row->existing_id, g_ptr_array_index (row->contacts, k)))
                added_contacts++;
            /* what a later row of the same firm adds goes to the same client:
             * counted once it is written, so counted here as a guess no
             * further */
          }
        else if (merge)
          {
            Row *first = &rows[row->earlier];

            /* an earlier row of this file, to be added: it takes what this one adds */
            duplicate->merged = fill_empty (first->client, row->client, column_of, TRUE);
            for (guint k = 0; k < row->contacts->len; k++)
              if (!contact_in (first->contacts, g_ptr_array_index (row->contacts, k)))
                {
                  g_ptr_array_add (first->contacts, g_object_ref (g_ptr_array_index (row->contacts, k)));
                  added_contacts++;
                }
            g_ptr_array_set_size (row->contacts, 0);
          }
        if (duplicate->merged)
          report->merged++;
        report->contacts += added_contacts;
        if (!merge || row->existing_id == 0 || (!duplicate->merged && added_contacts == 0))
          g_clear_object (&row->client);   /* nothing of it is written */
        g_ptr_array_add (report->duplicate_rows, duplicate);
      }
    }

  g_debug ("CSV import: %u rows decided in %.3f s", n, (g_get_monotonic_time () - start) / 1e6);
  ok = TRUE;
  if ((flags & SPORTELLO_CLIENT_CSV_DRY_RUN) == 0 &&
      (report->invalid == 0 || (flags & SPORTELLO_CLIENT_CSV_SKIP_INVALID) != 0) &&
      (report->added > 0 || report->merged > 0 || report->contacts > 0))
    {
      /* the database as it was, should the import turn out wrong */
      ok = _sportello_backup_before (db, SPORTELLO_BACKUP_IMPORT, error) &&
           sportello_database_begin (db, error);
      if (ok)
        {
          ok = apply (self, db, rows, column_of, &lookups, report, file_name, progress, user_data, error);
          g_debug ("CSV import: applied at %.3f s", (g_get_monotonic_time () - start) / 1e6);
          ok = ok && sportello_database_commit (db, error);
          if (!ok)
            sportello_database_rollback (db);
        }
      report->written = ok;
      g_debug ("CSV import: written at %.3f s", (g_get_monotonic_time () - start) / 1e6);
      if (ok && progress != NULL)
        progress (1, 1, user_data);
    }

  for (guint i = 0; i < n; i++)
    row_clear (&rows[i]);
  g_free (rows);

  if (!ok)
    return NULL;
  return g_steal_pointer (&report);
}

/* --------------------------------------------------------- export ---- */

/* A value as a field: quoted when it holds the separator, a quote or a
 * line break, or starts or ends with a space; a value Excel would take
 * for a formula is written after an apostrophe */
static void
append_field (GString    *out,
              const char *value)
{
  gboolean quote = strpbrk (value, ";\"\r\n") != NULL ||
                   g_ascii_isspace (value[0]) ||
                   (value[0] != '\0' && g_ascii_isspace (value[strlen (value) - 1]));
  gboolean formula = value[0] == '=' || value[0] == '@' ||
                     ((value[0] == '+' || value[0] == '-') &&
                      value[strspn (value, "+-0123456789 ./()")] != '\0');

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static gboolean
write_client (GString            *out,
              SportelloDatabase  *db,
              SportelloClient    *client,
              sqlite3_stmt       *contact,
              GError            **error)
{
  const char *person[4] = { "", "", "", "" };
  int rc;

  sqlite3_reset (contact);
  sqlite3_bind_int64 (contact, 1, sportello_client_get_id (client));
  rc = sqlite3_step (contact);
  if (rc == SQLITE_ROW)
    for (guint k = 0; k < 4; k++)
      person[k] = (const char *) sqlite3_column_text (contact, k);
  else if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (import_targets); i++)
    {
      int target = import_targets[i];
      g_autofree char *number = NULL;
      const char *value = "";

      if (i > 0)
        g_string_append_c (out, ';');
      if (target < SPORTELLO_CLIENT_N_TEXT_FIELDS)
        {
          value = sportello_client_get (client, target);
          for (guint v = 0; v < G_N_ELEMENTS (vocabulary_fields); v++)
            if (vocabulary_fields[v].field == (SportelloClientField) target && value[0] != '\0')
              value = sportello_vocabulary_label (vocabulary_fields[v].vocabulary, value);
        }
      else if (target == SPORTELLO_CLIENT_CSV_EMPLOYEES)
        {
          if (sportello_client_get_employees (client) >= 0)
            value = number = g_strdup_printf ("%d", sportello_client_get_employees (client));
        }
      else
        value = person[target - SPORTELLO_CLIENT_CSV_CONTACT_NAME];
      append_field (out, value ? value : "");
    }
  g_string_append (out, "\r\n");
  sqlite3_reset (contact);

  return TRUE;
}

static gboolean
flush (GOutputStream  *stream,
       GString        *out,
       GError        **error)
{
  if (!g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

/**
 * sportello_client_csv_export:
 * @clients: (nullable): the clients to write, as a list shows them; %NULL
 *   for all (but those in the bin), by name
 * @n_written: (out) (optional): how many
 *
 * Writes the clients and the first of their people as a CSV file for a
 * spreadsheet in Italian (UTF-8 with a byte order mark, ';', CRLF), one
 * row each, with the columns an import maps back; atomically.
 */
gboolean
sportello_client_csv_export (SportelloDatabase  *db,
                             GListModel         *clients,
                             const char         *path,
                             guint              *n_written,
                             GError            **error)
{
  g_autoptr(SportelloAtomicFile) file = NULL;
  g_autoptr(sqlite3_stmt) contact = NULL;
  g_autoptr(sqlite3_stmt) all = NULL;
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  GOutputStream *stream;
  guint n = 0;
  int rc;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  if (!(contact = _sportello_database_prepare (db,
          "SELECT name, role, email, phone FROM contacts WHERE client_id = ? "
          "ORDER BY is_primary DESC, created_at, id LIMIT 1", error)))
    return FALSE;
  if (!(file = sportello_atomic_file_new (path, error)))
    return FALSE;
  stream = sportello_atomic_file_get_stream (file);

  for (guint i = 0; i < G_N_ELEMENTS (import_targets); i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      append_field (out, sportello_client_csv_target_label (import_targets[i]));
    }
  g_string_append (out, "\r\n");

  if (clients != NULL)
    {
      guint count = g_list_model_get_n_items (clients);

      for (guint i = 0; i < count; i++)
        {
          g_autoptr(SportelloClient) client = g_list_model_get_item (clients, i);

          /* a row deleted behind the list's back comes as an empty client */
          if (client == NULL || sportello_client_get_uuid (client)[0] == '\0')
            continue;
          if (!write_client (out, db, client, contact, error) ||
              (out->len > 65536 && !flush (stream, out, error)))
            return FALSE;
          n++;
        }
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM clients WHERE deleted_at IS NULL "
                                              "ORDER BY name COLLATE NOCASE, id",
                                              _sportello_client_columns ());

      if (!(all = _sportello_database_prepare (db, sql, error)))
        return FALSE;
      while ((rc = sqlite3_step (all)) == SQLITE_ROW)
        {
          g_autoptr(SportelloClient) client = _sportello_client_new_from_row (all);

          if (!write_client (out, db, client, contact, error) ||
              (out->len > 65536 && !flush (stream, out, error)))
            return FALSE;
          n++;
        }
      if (rc != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
    }

  if (!flush (stream, out, error) || !sportello_atomic_file_commit (file, error))
    return FALSE;
  if (n_written != NULL)
    *n_written = n;
  return TRUE;
}
