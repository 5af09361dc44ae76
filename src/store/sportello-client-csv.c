/* sportello-client-csv.c: clients and their people from a spreadsheet, and
 * the client list out to one; here, which field each column goes to
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In: the file is read by sportello-csv.c (UTF-8 with or without BOM,
 * Windows-1252; ';', ',' or tab; RFC 4180 quoting). Each column is mapped
 * to a field by its header, in Italian or English, case, accents, spaces
 * and dots not minded; the caller may change the mapping (this file).
 * Every row then becomes a client exactly as the editor makes one
 * (normalised, then checked by sportello_client_check (), its person by
 * sportello_contact_check ()); a row whose VAT number or tax code is
 * already a client's, or an earlier row's, is a duplicate and is not
 * added (with merge, it fills that client's empty fields). A row with
 * neither identifier is a duplicate of a client with the same name and
 * municipality, so that a file imported twice adds nothing the second
 * time (sportello-client-csv-rows.c). Bad rows stop the whole import
 * unless they are to be skipped; everything is written in one
 * transaction, after a backup, and the import is recorded in `imports` as
 * a bundle's is (sportello-client-csv-import.c).
 *
 * Out: the clients as UTF-8 with a byte order mark, separated by ';',
 * lines ending in CRLF (sportello-client-csv-export.c).
 */

#define G_LOG_DOMAIN "sportello-client-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-client-csv-private.h"

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

/* Whether @target is a field of a closed list, and which */
gboolean
_sportello_client_csv_field_vocabulary (int                  target,
                                        SportelloVocabulary *vocabulary)
{
  for (guint v = 0; v < G_N_ELEMENTS (vocabulary_fields); v++)
    if (vocabulary_fields[v].field == (SportelloClientField) target)
      {
        *vocabulary = vocabulary_fields[v].vocabulary;
        return TRUE;
      }
  return FALSE;
}

/* A vocabulary's id from its id, its label in English or translated, or
 * what Italian spreadsheets write for it */
const char *
_sportello_client_csv_vocabulary_id (SportelloVocabulary  vocabulary,
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

/* The header of @column, or the title of @target when no column has it */
const char *
_sportello_client_csv_column_header (SportelloClientCsv *self,
                                     int                 column,
                                     int                 target)
{
  return column >= 0 ? self->table->header[column] : sportello_client_csv_target_label (target);
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
  for (guint v = 0; v < SPORTELLO_CLIENT_CSV_N_VOCABULARIES; v++)
    g_clear_pointer (&self->values[v], g_hash_table_unref);
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
