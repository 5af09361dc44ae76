/* test-client-csv.c: clients from a spreadsheet, and the list out to one
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in Italian (LANGUAGE=it, as the whole suite): the messages checked
 * are the ones an Italian office reads.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sportello-client-csv.h"
#include "sportello-client-list.h"
#include "sportello-contact.h"
#include "sportello-database.h"
#include "sportello-identifiers.h"

#include "store-test-util.h"

/* valid VAT numbers (office codes that exist, right check digits) */
#define VAT_A "01234560017"
#define VAT_B "07654320154"
#define VAT_C "02345670125"
#define VAT_D "03456780133"

static SportelloDatabase *
open_db (const char *name)
{
  return store_test_open_db (name, "Giulia Frigerio", "ComoNext – Lomazzo");
}

static gint64
count_rows (SportelloDatabase *db,
            const char        *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open (sportello_database_get_path (db), &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return n;
}

static char *
query_text (SportelloDatabase *db,
            const char        *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open (sportello_database_get_path (db), &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return text;
}

/* @text (UTF-8, '|' for the separator, '\n' for line ends) as a file in
 * the given encoding, separator and line ends */
static char *
write_fixture (const char *name,
               const char *text,
               const char *encoding,
               gboolean    bom,
               char        separator,
               gboolean    crlf)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  g_autoptr(GString) s = g_string_new (bom ? "\xef\xbb\xbf" : "");
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  for (const char *p = text; *p; p++)
    {
      if (*p == '|')
        g_string_append_c (s, separator);
      else if (*p == '\n' && crlf)
        g_string_append (s, "\r\n");
      else
        g_string_append_c (s, *p);
    }

  if (g_str_equal (encoding, "UTF-8"))
    {
      bytes = g_strndup (s->str, s->len);
      length = s->len;
    }
  else
    {
      bytes = g_convert (s->str, s->len, encoding, "UTF-8", NULL, &length, &error);
      g_assert_no_error (error);
    }
  g_assert_true (g_file_set_contents (path, bytes, length, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static SportelloClientCsvReport *
import (SportelloDatabase       *db,
        const char              *path,
        SportelloClientCsvFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloClientCsv) csv = sportello_client_csv_load (path, &error);
  SportelloClientCsvReport *report;

  g_assert_no_error (error);
  report = sportello_client_csv_run (csv, db, flags, "clienti.csv", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_mapping (void)
{
  static const struct { const char *header; int target; } cases[] = {
    { "Ragione sociale", SPORTELLO_CLIENT_NAME },
    { "  RAGIONE   SOCIALE ", SPORTELLO_CLIENT_NAME },
    { "Denominazione", SPORTELLO_CLIENT_NAME },
    { "Company name", SPORTELLO_CLIENT_NAME },
    { "Partita IVA", SPORTELLO_CLIENT_VAT_NUMBER },
    { "P.IVA", SPORTELLO_CLIENT_VAT_NUMBER },
    { "p. iva", SPORTELLO_CLIENT_VAT_NUMBER },
    { "VAT number", SPORTELLO_CLIENT_VAT_NUMBER },
    { "Codice fiscale", SPORTELLO_CLIENT_TAX_CODE },
    { "C.F.", SPORTELLO_CLIENT_TAX_CODE },
    { "Indirizzo", SPORTELLO_CLIENT_STREET },
    { "Via", SPORTELLO_CLIENT_STREET },
    { "CAP", SPORTELLO_CLIENT_POSTAL_CODE },
    { "Comune", SPORTELLO_CLIENT_MUNICIPALITY },
    { "Città", SPORTELLO_CLIENT_MUNICIPALITY },
    { "CITTA'", SPORTELLO_CLIENT_MUNICIPALITY },
    { "Provincia", SPORTELLO_CLIENT_PROVINCE },
    { "Prov.", SPORTELLO_CLIENT_PROVINCE },
    { "Telefono", SPORTELLO_CLIENT_PHONE },
    { "E-mail", SPORTELLO_CLIENT_EMAIL },
    { "email", SPORTELLO_CLIENT_EMAIL },
    { "PEC", SPORTELLO_CLIENT_PEC },
    { "Sito", SPORTELLO_CLIENT_WEBSITE },
    { "Sito web", SPORTELLO_CLIENT_WEBSITE },
    { "Categoria", SPORTELLO_CLIENT_CATEGORY },
    { "Codice ATECO", SPORTELLO_CLIENT_ATECO_CODE },
    { "Forma giuridica", SPORTELLO_CLIENT_LEGAL_FORM },
    { "Dipendenti", SPORTELLO_CLIENT_CSV_EMPLOYEES },
    { "Referente", SPORTELLO_CLIENT_CSV_CONTACT_NAME },
    { "E-mail referente", SPORTELLO_CLIENT_CSV_CONTACT_EMAIL },
    { "Email Referente", SPORTELLO_CLIENT_CSV_CONTACT_EMAIL },
    { "Telefono referente", SPORTELLO_CLIENT_CSV_CONTACT_PHONE },
    { "Contact person", SPORTELLO_CLIENT_CSV_CONTACT_NAME },
    { "Colore preferito", SPORTELLO_CLIENT_CSV_IGNORED },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloClientCsv) csv = NULL;
  const char *text = "Denominazione;P.IVA;Comune;Ragione sociale;Note\nA;;;;\n";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (sportello_client_csv_target_for_header (cases[i].header), ==, cases[i].target);
    }

  /* a field named twice goes to the first column; the mapping can change */
  csv = sportello_client_csv_new (sportello_csv_parse (text, strlen (text), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sportello_client_csv_get_target (csv, 0), ==, SPORTELLO_CLIENT_NAME);
  g_assert_cmpint (sportello_client_csv_get_target (csv, 1), ==, SPORTELLO_CLIENT_VAT_NUMBER);
  g_assert_cmpint (sportello_client_csv_get_target (csv, 3), ==, SPORTELLO_CLIENT_CSV_IGNORED);
  sportello_client_csv_set_target (csv, 3, SPORTELLO_CLIENT_NAME);
  g_assert_cmpint (sportello_client_csv_get_target (csv, 3), ==, SPORTELLO_CLIENT_NAME);
  g_assert_cmpint (sportello_client_csv_get_target (csv, 0), ==, SPORTELLO_CLIENT_CSV_IGNORED);

  /* the labels are Italian */
  g_assert_cmpstr (sportello_client_csv_target_label (SPORTELLO_CLIENT_VAT_NUMBER), ==, "Partita IVA");
  g_assert_cmpstr (sportello_client_csv_target_label (SPORTELLO_CLIENT_CSV_IGNORED), ==, "Non importata");
}

/* Three firms with accents, a separator, quotes and a line break inside
 * quotes; the rows as a spreadsheet numbers them */
static const char firms[] =
  "Ragione sociale|Partita IVA|Comune|Prov.|Referente|E-mail referente|Note|Categoria\n"
  "Pasticceria Cantù|" VAT_A "|Cantù|CO|Anna Rossi|anna@pasticceria.it|\"Aperta dal 1958\nchiusa il lunedì\"|Artigiano\n"
  "\"Bar \"\"Da Mario\"\"| Forlì\"|" VAT_B "|Forlì|FC|||\"Tavoli| dehors\"|Bar e ristorante\n"
  "Ferramenta Nardò|" VAT_C "|Nardò|le|\"Luca Bianchi\"|||\n";

static void
check_firms (SportelloDatabase *db,
             char               separator)
{
  g_autofree char *bar_name = g_strdup_printf ("Bar \"Da Mario\"%c Forlì", separator);
  g_autofree char *bar = NULL;
  g_autofree char *note = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *province = NULL;
  g_autofree char *category = NULL;

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 3);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients WHERE municipality IN ('Cantù', 'Forlì', 'Nardò')"), ==, 3);
  bar = query_text (db, "SELECT name FROM clients WHERE vat_number = '" VAT_B "'");
  g_assert_cmpstr (bar, ==, bar_name);
  note = query_text (db, "SELECT notes FROM clients WHERE vat_number = '" VAT_A "'");
  g_assert_cmpstr (note, ==, "Aperta dal 1958\nchiusa il lunedì");
  contact = query_text (db, "SELECT k.name || ' <' || k.email || '> ' || k.is_primary FROM contacts k "
                            "JOIN clients c ON c.id = k.client_id WHERE c.vat_number = '" VAT_A "'");
  g_assert_cmpstr (contact, ==, "Anna Rossi <anna@pasticceria.it> 1");
  province = query_text (db, "SELECT province FROM clients WHERE name = 'Ferramenta Nardò'");
  g_assert_cmpstr (province, ==, "LE");
  category = query_text (db, "SELECT group_concat (category, ',') FROM (SELECT category FROM clients ORDER BY vat_number)");
  g_assert_cmpstr (category, ==, "artisan,other,hospitality");
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 2);
  /* searchable at once */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients_fts WHERE clients_fts MATCH 'nardo*'"), ==, 1);
}

static void
test_encodings_and_separators (void)
{
  static const struct { const char *encoding; gboolean bom; } encodings[] = {
    { "UTF-8", FALSE }, { "UTF-8", TRUE }, { "WINDOWS-1252", FALSE },
  };
  static const char separators[] = { ';', ',', '\t' };

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
      {
        g_autofree char *name = g_strdup_printf ("csv-%u-%u", e, s);
        g_autoptr(SportelloDatabase) db = open_db (name);
        g_autofree char *file = g_strconcat (name, ".csv", NULL);
        g_autofree char *path = write_fixture (file, firms, encodings[e].encoding, encodings[e].bom,
                                               separators[s], s == 1);
        g_autoptr(SportelloClientCsv) csv = sportello_client_csv_load (path, NULL);
        g_autoptr(SportelloClientCsvReport) report = NULL;

        g_test_message ("%s%s, “%c”", encodings[e].encoding, encodings[e].bom ? " with BOM" : "", separators[s]);
        g_assert_nonnull (csv);
        g_assert_cmpint (sportello_client_csv_get_table (csv)->separator, ==, separators[s]);
        g_assert_cmpstr (sportello_client_csv_get_table (csv)->encoding, ==,
                         e == 2 ? "Windows-1252" : "UTF-8");

        report = import (db, path, 0);
        g_assert_cmpuint (report->rows, ==, 3);
        g_assert_cmpuint (report->added, ==, 3);
        g_assert_cmpuint (report->invalid, ==, 0);
        g_assert_cmpuint (report->contacts, ==, 2);
        g_assert_true (report->written);
        check_firms (db, separators[s]);
      }
}

/* Row numbers as LibreOffice and Excel show them: the header is 1, a line
 * break inside quotes stays in its cell (the row does not grow into two),
 * a blank line is an empty row of its own */
static char *
bad_rows_file (void)
{
  g_autoptr(GString) s = g_string_new ("Ragione sociale;Partita IVA;Comune;E-mail;Referente;E-mail referente\n");

  /* rows 2 … 18: good ones, row 5 with a line break in quotes, row 10 blank */
  for (guint line = 2; line <= 18; line++)
    {
      if (line == 10)
        g_string_append (s, "\n");
      else if (line == 5)
        g_string_append (s, "\"Studio\nAssociato\";;Como;;;\n");
      else
        g_string_append_printf (s, "Ditta %u;;Como;;;\n", line);
    }
  /* row 19: a wrong check digit; row 20: a bad e-mail and a bad one of its person */
  g_string_append (s, "Ditta 19;01234560018;Como;;;\n");
  g_string_append (s, "Ditta 20;;Como;info@ditta20;Paola Neri;paola@@ditta20.it\n");
  g_string_append (s, ";;Como;;;\n");

  return write_fixture ("bad.csv", s->str, "UTF-8", FALSE, ';', FALSE);
}

static void
test_bad_rows (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("bad");
  g_autofree char *path = bad_rows_file ();
  g_autoptr(SportelloClientCsvReport) report = import (db, path, 0);
  g_autoptr(SportelloClientCsvReport) skipped = NULL;
  SportelloClientCsvProblem *problem;

  /* 16 good rows (a blank one left out), 3 bad */
  g_assert_cmpuint (report->rows, ==, 19);
  g_assert_cmpuint (report->invalid, ==, 3);
  g_assert_cmpuint (report->added, ==, 16);
  g_assert_false (report->written);
  g_assert_cmpuint (report->problems->len, ==, 4);

  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpuint (problem->line, ==, 19);
  g_assert_cmpint (problem->column, ==, 1);
  g_assert_cmpstr (problem->message, ==, "riga 19, «Partita IVA»: cifra di controllo errata: doveva essere 7");
  problem = g_ptr_array_index (report->problems, 1);
  g_assert_cmpuint (problem->line, ==, 20);
  g_assert_cmpstr (problem->message, ==, "riga 20, «E-mail»: il dominio «ditta20» non contiene alcun punto: l'indirizzo è incompleto");
  problem = g_ptr_array_index (report->problems, 2);
  g_assert_cmpuint (problem->line, ==, 20);
  g_assert_cmpint (problem->column, ==, 5);
  g_assert_true (g_str_has_prefix (problem->message, "riga 20, «E-mail referente»: "));
  problem = g_ptr_array_index (report->problems, 3);
  g_assert_cmpstr (problem->message, ==, "riga 21, «Ragione sociale»: la ragione sociale è obbligatoria");

  /* nothing at all was written */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM imports"), ==, 0);

  /* the good ones, when the bad are to be skipped */
  skipped = import (db, path, SPORTELLO_CLIENT_CSV_SKIP_INVALID);
  g_assert_true (skipped->written);
  g_assert_cmpuint (skipped->added, ==, 16);
  g_assert_cmpuint (skipped->problems->len, ==, 4);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 16);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients WHERE name = 'Studio\nAssociato'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients WHERE name LIKE 'Ditta 19%'"), ==, 0);
}

/* A value of a closed list is looked up once per file and remembered:
 * every row that repeats it, known or not, is decided the same way */
static void
test_repeated_values (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("repeated-values");
  g_autofree char *path = write_fixture ("repeated.csv",
                                         "Ragione sociale|Categoria|Stato\n"
                                         "Ditta 1|Artigiano|Seguito\n"
                                         "Ditta 2| artigiano |seguito\n"
                                         "Ditta 3|Pasticcere|Seguito\n"
                                         "Ditta 4|Artigiano|Chiuso\n"
                                         "Ditta 5|Pasticcere|\n"
                                         "Ditta 6|artisan|Nuovo\n",
                                         "UTF-8", FALSE, ';', FALSE);
  g_autoptr(SportelloClientCsvReport) report = import (db, path, SPORTELLO_CLIENT_CSV_SKIP_INVALID);
  g_autofree char *categories = NULL;
  g_autofree char *statuses = NULL;

  g_assert_cmpuint (report->added, ==, 4);
  g_assert_cmpuint (report->invalid, ==, 2);
  g_assert_cmpuint (report->problems->len, ==, 2);
  g_assert_cmpuint (((SportelloClientCsvProblem *) g_ptr_array_index (report->problems, 0))->line, ==, 4);
  g_assert_cmpuint (((SportelloClientCsvProblem *) g_ptr_array_index (report->problems, 1))->line, ==, 6);
  categories = query_text (db, "SELECT group_concat (category, ',') FROM (SELECT category FROM clients ORDER BY name)");
  g_assert_cmpstr (categories, ==, "artisan,artisan,artisan,artisan");
  statuses = query_text (db, "SELECT group_concat (status, ',') FROM (SELECT status FROM clients ORDER BY name)");
  g_assert_cmpstr (statuses, ==, "followed,followed,closed,new");
}

static void
test_twice (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("twice");
  g_autofree char *path = write_fixture ("twice.csv",
    "Ragione sociale;Codice fiscale;Partita IVA;Comune;Referente\n"
    "Alfa Srl;;" VAT_A ";Como;Marta Villa\n"
    "Beta di Bruno Neri;NREBRN80A01C933R;;Como;\n"
    "Gamma senza numeri;;;Cantù;Piero\n",
    "UTF-8", FALSE, ';', FALSE);
  g_autoptr(SportelloClientCsvReport) first = import (db, path, 0);
  g_autoptr(SportelloClientCsvReport) second = NULL;
  SportelloClientCsvDuplicate *duplicate;

  g_assert_cmpuint (first->added, ==, 3);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 3);

  second = import (db, path, 0);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->duplicates, ==, 3);
  g_assert_cmpuint (second->contacts, ==, 0);
  g_assert_false (second->written);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 3);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 2);

  duplicate = g_ptr_array_index (second->duplicate_rows, 0);
  g_assert_cmpuint (duplicate->line, ==, 2);
  g_assert_cmpstr (duplicate->existing_name, ==, "Alfa Srl");
  g_assert_cmpstr (duplicate->matched, ==, "Partita IVA");
  g_assert_true (g_uuid_string_is_valid (duplicate->existing_uuid));
  duplicate = g_ptr_array_index (second->duplicate_rows, 1);
  g_assert_cmpstr (duplicate->matched, ==, "Codice fiscale");
  duplicate = g_ptr_array_index (second->duplicate_rows, 2);
  g_assert_cmpstr (duplicate->existing_name, ==, "Gamma senza numeri");

  /* recorded once, as a bundle import is */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM imports WHERE file_name = 'clienti.csv' AND records = 5"), ==, 1);
}

static void
test_duplicates_in_file (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("in-file");
  g_autofree char *path = write_fixture ("in-file.csv",
    "Ragione sociale;P.IVA;Telefono;Referente\n"
    "Delta Snc;" VAT_D ";;Ada\n"
    "Delta S.n.c.;IT " VAT_D ";031 123456;Bea\n",
    "UTF-8", FALSE, ';', FALSE);
  g_autoptr(SportelloClientCsvReport) report = import (db, path, 0);
  g_autoptr(SportelloClientCsvReport) merged = NULL;
  SportelloClientCsvDuplicate *duplicate;

  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->duplicates, ==, 1);
  duplicate = g_ptr_array_index (report->duplicate_rows, 0);
  g_assert_cmpuint (duplicate->same_as_line, ==, 2);
  g_assert_null (duplicate->existing_uuid);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients WHERE phone = ''"), ==, 1);

  /* in a fresh database with merge: the second row completes the first */
  {
    g_autoptr(SportelloDatabase) other = open_db ("in-file-merge");

    merged = import (other, path, SPORTELLO_CLIENT_CSV_MERGE_DUPLICATES);
    g_assert_cmpuint (merged->added, ==, 1);
    g_assert_cmpuint (merged->merged, ==, 1);
    g_assert_cmpuint (merged->contacts, ==, 2);
    g_assert_cmpint (count_rows (other, "SELECT count(*) FROM clients WHERE name = 'Delta Snc' AND phone = '031 123456'"), ==, 1);
    g_assert_cmpint (count_rows (other, "SELECT count(*) FROM contacts"), ==, 2);
    g_assert_cmpint (count_rows (other, "SELECT sum (is_primary) FROM contacts"), ==, 1);
  }
}

static void
test_merge (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("merge");
  g_autoptr(SportelloClient) ours = sportello_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_fixture ("merge.csv",
    "Ragione sociale;Partita IVA;Telefono;Comune;PEC;Referente;Telefono referente\n"
    "Alfa (nome nel foglio);" VAT_A ";031 987654;Lomazzo;alfa@pec.it;Marta Villa;333 1234567\n",
    "UTF-8", FALSE, ';', FALSE);
  g_autoptr(SportelloClientCsvReport) plain = NULL;
  g_autoptr(SportelloClientCsvReport) merge = NULL;
  g_autoptr(SportelloClientCsvReport) again = NULL;
  g_autofree char *row = NULL;

  sportello_client_set (ours, SPORTELLO_CLIENT_NAME, "Alfa Srl");
  sportello_client_set (ours, SPORTELLO_CLIENT_VAT_NUMBER, VAT_A);
  sportello_client_set (ours, SPORTELLO_CLIENT_MUNICIPALITY, "Como");
  g_assert_true (sportello_client_save (ours, db, &error));
  g_assert_no_error (error);

  /* without merge: reported, not touched */
  plain = import (db, path, 0);
  g_assert_cmpuint (plain->duplicates, ==, 1);
  g_assert_cmpuint (plain->merged, ==, 0);
  g_assert_false (((SportelloClientCsvDuplicate *) g_ptr_array_index (plain->duplicate_rows, 0))->merged);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients WHERE phone = ''"), ==, 1);

  /* with: our empty fields filled, ours kept, the person added */
  merge = import (db, path, SPORTELLO_CLIENT_CSV_MERGE_DUPLICATES);
  g_assert_cmpuint (merge->added, ==, 0);
  g_assert_cmpuint (merge->merged, ==, 1);
  g_assert_cmpuint (merge->contacts, ==, 1);
  g_assert_true (merge->written);
  row = query_text (db, "SELECT name || '|' || phone || '|' || municipality || '|' || pec FROM clients");
  g_assert_cmpstr (row, ==, "Alfa Srl|031 987654|Como|alfa@pec.it");
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts WHERE name = 'Marta Villa' AND phone = '333 1234567' AND is_primary"), ==, 1);

  /* and again: nothing left to fill, the person not added twice */
  again = import (db, path, SPORTELLO_CLIENT_CSV_MERGE_DUPLICATES);
  g_assert_cmpuint (again->merged, ==, 0);
  g_assert_cmpuint (again->contacts, ==, 0);
  g_assert_false (again->written);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 1);
}

static void
test_dry_run (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("dry");
  g_autoptr(SportelloClient) ours = store_test_new_client (db, "Già qui");
  g_autofree char *path = write_fixture ("dry.csv", firms, "UTF-8", TRUE, ';', TRUE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SportelloClientCsvReport) dry = NULL;
  g_autoptr(SportelloClientCsvReport) real = NULL;

  before = query_text (db, "SELECT group_concat (uuid || updated_at) FROM clients");
  dry = import (db, path, SPORTELLO_CLIENT_CSV_DRY_RUN);
  g_assert_cmpuint (dry->added, ==, 3);
  g_assert_cmpuint (dry->contacts, ==, 2);
  g_assert_false (dry->written);
  after = query_text (db, "SELECT group_concat (uuid || updated_at) FROM clients");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM imports"), ==, 0);

  /* what the dry run said is what happens */
  real = import (db, path, 0);
  g_assert_cmpuint (real->added, ==, dry->added);
  g_assert_cmpuint (real->contacts, ==, dry->contacts);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 4);
}

/* More rows than the bulk threshold: the full-text index and the tags are
 * built at the end, and are the same as row by row */
static void
test_large (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("large");
  g_autoptr(GString) s = g_string_new ("Ragione sociale;Comune;Etichette\n");
  g_autofree char *path = NULL;
  g_autoptr(SportelloClientCsvReport) report = NULL;

  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (s, "Impresa %u;%s;bandi, e-commerce\n", i, i % 2 ? "Forlì" : "Cantù");
  path = write_fixture ("large.csv", s->str, "UTF-8", FALSE, ';', FALSE);
  report = import (db, path, 0);
  g_assert_cmpuint (report->added, ==, 2500);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients_fts WHERE clients_fts MATCH 'forli'"), ==, 1250);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client_tags WHERE tag = 'bandi'"), ==, 2500);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'clients_fts_%'"), ==, 3);
  /* and kept up to date again afterwards */
  store_test_exec (db, "UPDATE clients SET municipality = 'Nardò' WHERE name = 'Impresa 1'");
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients_fts WHERE clients_fts MATCH 'nardo'"), ==, 1);
}

/* The full-text rows of a large import are written in one statement for
 * the new clients only: into a database that already has clients, search
 * finds the new ones by name and by notes and the old ones still, and the
 * index is the one the triggers would have kept */
static guint
search_count (SportelloDatabase *db,
              const char        *text)
{
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(GError) error = NULL;

  sportello_client_list_set_search (list, text);
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_large_full_text (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("large-fts");
  g_autoptr(GString) s = g_string_new ("Ragione sociale;Comune;Note;Etichette\n");
  g_autofree char *small = write_fixture ("firms.csv", firms, "UTF-8", FALSE, ';', FALSE);
  g_autofree char *path = NULL;
  g_autoptr(SportelloClientCsvReport) first = NULL;
  g_autoptr(SportelloClientCsvReport) report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* three clients of ours first, indexed row by row by the triggers */
  first = import (db, small, 0);
  g_assert_cmpuint (first->added, ==, 3);

  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (s, "Tipografia Zanardelli %u;%s;%s;%s\n", i, i % 2 ? "Forlì" : "Cantù",
                            i % 5 == 0 ? "stampa serigrafica su magliette" : "",
                            i % 4 == 0 ? "bandi" : "");
  path = write_fixture ("large-fts.csv", s->str, "UTF-8", FALSE, ';', FALSE);
  report = import (db, path, 0);
  g_assert_cmpuint (report->added, ==, 2500);

  /* by name, by notes, the old clients too */
  g_assert_cmpuint (search_count (db, "Zanardelli"), ==, 2500);
  g_assert_cmpuint (search_count (db, "Zanardelli 1234"), ==, 1);
  g_assert_cmpuint (search_count (db, "serigrafica"), ==, 500);
  g_assert_cmpuint (search_count (db, "Pasticceria"), ==, 1);
  g_assert_cmpuint (search_count (db, "chiusa"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients_fts WHERE clients_fts MATCH 'forli'"), ==, 1251);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client_tags WHERE tag = 'bandi'"), ==, 625);

  /* the index matches its content, and is what a rebuild makes of it */
  store_test_exec (db, "INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 1)");
  store_test_exec (db, "CREATE VIRTUAL TABLE clients_terms USING fts5vocab (clients_fts, instance)");
  before = query_text (db, "SELECT count(*) || ':' || group_concat (term || '/' || doc || '/' || col || '/' || offset, ' ') "
                           "FROM (SELECT * FROM clients_terms ORDER BY term, doc, col, offset)");
  store_test_exec (db, "INSERT INTO clients_fts (clients_fts) VALUES ('rebuild')");
  after = query_text (db, "SELECT count(*) || ':' || group_concat (term || '/' || doc || '/' || col || '/' || offset, ' ') "
                          "FROM (SELECT * FROM clients_terms ORDER BY term, doc, col, offset)");
  g_assert_cmpuint (strlen (before), >, 10000);
  g_assert_cmpstr (before, ==, after);
  /* every client is in it (each has at least its name's words) */
  g_assert_cmpint (count_rows (db, "SELECT count(DISTINCT doc) FROM clients_terms"), ==, 2503);

  /* and a client changed afterwards is found by what it now says */
  store_test_exec (db, "UPDATE clients SET notes = 'ricamo' WHERE name = 'Tipografia Zanardelli 7'");
  g_assert_cmpuint (search_count (db, "ricamo"), ==, 1);
}

/* What the list's search finds after an import is the same whether the
 * rows went in one by one (the full-text triggers) or in bulk (one
 * statement at the end): each client by its name, its VAT number (whole
 * or its start), its municipality (without the accent), its tags and its
 * notes; and what it does not say is not found. (The e-mail is not among
 * what the search reads.) */
static void
search_after_import (guint n)
{
  g_autofree char *name = g_strdup_printf ("search-%u", n);
  g_autofree char *file = g_strdup_printf ("search-%u.csv", n);
  g_autoptr(SportelloDatabase) db = open_db (name);
  g_autoptr(GString) s = g_string_new ("Ragione sociale;Partita IVA;Comune;E-mail;Etichette;Note\n");
  g_autoptr(SportelloClientCsvReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *vat_7 = NULL;
  guint sevens = 0;

  for (guint i = 0; i < n; i++)
    {
      char vat[12];

      /* serial number i + 1, office 013 (Como), the check digit */
      g_snprintf (vat, sizeof vat, "%07u013", i + 1);
      vat[10] = '0' + sportello_vat_check_digit (vat);
      vat[11] = '\0';
      if (i == 7)
        vat_7 = g_strdup (vat);
      /* “Brambilla 7” finds 7, 71, 703… (odd numbers are Brambilla) */
      {
        char number[16];

        g_snprintf (number, sizeof number, "%u", i);
        sevens += i % 2 == 1 && number[0] == '7';
      }
      g_string_append_printf (s, "%s %u;%s;%s;info%u@pasticceria.example;%s;%s\n",
                              i % 2 ? "Pasticceria Brambilla" : "Ferramenta Sala", i, vat,
                              i % 3 == 0 ? "Forlì" : i % 3 == 1 ? "Cantù" : "Erba", i,
                              i % 4 == 0 ? "export, bandi" : "",
                              i % 5 == 0 ? "vuole aprire un negozio online" : "");
    }
  path = write_fixture (file, s->str, "UTF-8", FALSE, ';', FALSE);
  report = import (db, path, 0);
  g_assert_cmpuint (report->added, ==, n);
  g_assert_cmpuint (report->invalid, ==, 0);

  /* by name, every word a prefix */
  g_assert_cmpuint (search_count (db, "Brambilla"), ==, n / 2);
  g_assert_cmpuint (search_count (db, "pasticceria bramb"), ==, n / 2);
  g_assert_cmpuint (search_count (db, "Brambilla 7"), ==, sevens);
  /* by VAT number, whole or its start */
  g_assert_cmpuint (search_count (db, vat_7), ==, 1);
  g_assert_cmpuint (search_count (db, "0000008"), ==, 1);
  /* by municipality, accents or not */
  g_assert_cmpuint (search_count (db, "forli"), ==, (n + 2) / 3);
  g_assert_cmpuint (search_count (db, "Cantù"), ==, (n + 1) / 3);
  g_assert_cmpuint (search_count (db, "erba brambilla"), ==, n / 6);
  /* by tags and notes */
  g_assert_cmpuint (search_count (db, "bandi"), ==, (n + 3) / 4);
  g_assert_cmpuint (search_count (db, "negozio online"), ==, (n + 4) / 5);
  /* nothing else */
  g_assert_cmpuint (search_count (db, "Zanardelli"), ==, 0);

  /* the index is what the triggers would have written */
  store_test_exec (db, "INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 1)");
}

static void
test_search_after_import (void)
{
  search_after_import (120);     /* row by row */
  search_after_import (2400);    /* in bulk */
}

/* The schema as sqlite_schema has it, the pages its tables and indexes
 * start at included: an index dropped and made again starts elsewhere */
#define SCHEMA_SQL \
  "SELECT group_concat (type || ' ' || name || ' ' || rootpage || ' ' || coalesce (sql, ''), char (10)) " \
  "FROM (SELECT * FROM sqlite_schema ORDER BY type, name)"
#define SCHEMA_TEXT_SQL \
  "SELECT group_concat (type || ' ' || name || ' ' || coalesce (sql, ''), char (10)) " \
  "FROM (SELECT * FROM sqlite_schema ORDER BY type, name)"
#define ROOTPAGE_SQL(index) "SELECT rootpage FROM sqlite_schema WHERE name = '" index "'"

static char *
large_file (const char *name,
            const char *firm,
            guint       n)
{
  g_autoptr(GString) s = g_string_new ("Ragione sociale;Comune;Note;Etichette;Referente;E-mail referente\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s %u;%s;%s;%s;Anna Rossi %u;anna%u@%s.example\n", firm, i,
                            i % 2 ? "Forlì" : "Cantù", i % 5 == 0 ? "stampa serigrafica" : "",
                            i % 4 == 0 ? "bandi" : "", i, i, firm);
  return write_fixture (name, s->str, "UTF-8", FALSE, ';', FALSE);
}

static void
assert_consistent (SportelloDatabase *db)
{
  g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");

  /* every index holds exactly its table's rows, the full-text index its content */
  g_assert_cmpstr (integrity, ==, "ok");
  store_test_exec (db, "INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 1)");
}

/* A large import sets the anonymised-client guard on people aside only
 * when every person it writes belongs to a client it creates: merged into
 * an anonymised client of ours, the new person is still skipped; after an
 * import of new clients alone the guard is there as it was, and works */
static void
test_large_guard (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("large-guard");
  g_autoptr(GString) s = g_string_new ("Ragione sociale;Partita IVA;Comune;Referente\n");
  g_autoptr(SportelloClient) forgotten = store_test_new_client (db, "Forgotten srl");
  g_autoptr(SportelloClientCsvReport) merged = NULL;
  g_autoptr(SportelloClientCsvReport) added = NULL;
  g_autofree char *guard = NULL;
  g_autofree char *path = NULL;
  g_autofree char *more = NULL;

  /* an anonymised client of ours that still has its VAT number (set by
   * hand: the retention clears it) */
  g_assert_nonnull (forgotten);
  store_test_exec (db, "UPDATE clients SET vat_number = '" VAT_A "', anonymised_at = '2026-01-01T00:00:00Z'");
  guard = query_text (db, "SELECT sql FROM sqlite_schema WHERE name = 'contacts_anonymised_guard_insert'");

  /* a large file with a row of it and a new person, merged */
  g_string_append (s, "Forgotten srl;" VAT_A ";Como;Marta Villa\n");
  for (guint i = 0; i < 2100; i++)
    g_string_append_printf (s, "Impresa %u;;Como;Anna Rossi %u\n", i, i);
  path = write_fixture ("guard.csv", s->str, "UTF-8", FALSE, ';', FALSE);
  merged = import (db, path, SPORTELLO_CLIENT_CSV_MERGE_DUPLICATES);
  g_assert_cmpuint (merged->added, ==, 2100);
  g_assert_cmpuint (merged->duplicates, ==, 1);
  g_assert_true (merged->written);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts t JOIN clients c ON c.id = t.client_id "
                                   "WHERE c.anonymised_at IS NOT NULL"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 2100);

  /* new clients alone: the guard set aside, and made again as it was */
  more = large_file ("guard-more.csv", "Legatoria", 2500);
  added = import (db, more, 0);
  g_assert_cmpuint (added->added, ==, 2500);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 4600);
  {
    g_autofree char *again = query_text (db, "SELECT sql FROM sqlite_schema WHERE name = 'contacts_anonymised_guard_insert'");

    g_assert_cmpstr (again, ==, guard);
  }
  store_test_exec (db, "INSERT INTO contacts (uuid, client_id, name, created_at, updated_at) "
                       "SELECT 'b5d649f6-5fa1-44d3-8a16-4ae978182d32', id, 'Paolo Neri', 'x', 'x' "
                       "FROM clients WHERE anonymised_at IS NOT NULL");
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts WHERE name = 'Paolo Neri'"), ==, 0);
  assert_consistent (db);
}

/* A large import into a small table drops the secondary indexes and makes
 * them again in its transaction; into a larger one it keeps them up to
 * date row by row. Either way the schema is the same as before and every
 * index and the full-text index hold what a row-by-row write would have
 * put in them. */
static void
test_large_indexes (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("large-indexes");
  g_autofree char *first = large_file ("first.csv", "Tipografia", 2500);
  g_autofree char *second = large_file ("second.csv", "Falegnameria", 2100);
  g_autoptr(SportelloClientCsvReport) report = NULL;
  g_autoptr(SportelloClientCsvReport) again = NULL;
  g_autofree char *empty = query_text (db, SCHEMA_TEXT_SQL);
  g_autofree char *made = NULL;
  g_autofree char *larger = NULL;
  g_autofree char *kept = NULL;
  gint64 name_root = count_rows (db, ROOTPAGE_SQL ("clients_by_name"));
  gint64 client_root = count_rows (db, ROOTPAGE_SQL ("contacts_by_client"));

  /* into an empty table: the indexes made again, the same ones */
  report = import (db, first, 0);
  g_assert_cmpuint (report->added, ==, 2500);
  g_assert_cmpint (count_rows (db, ROOTPAGE_SQL ("clients_by_name")), !=, name_root);
  g_assert_cmpint (count_rows (db, ROOTPAGE_SQL ("contacts_by_client")), !=, client_root);
  made = query_text (db, SCHEMA_TEXT_SQL);
  g_assert_cmpstr (made, ==, empty);
  assert_consistent (db);

  /* into a table larger than the import: the same indexes, kept row by row */
  larger = query_text (db, SCHEMA_SQL);
  again = import (db, second, 0);
  g_assert_cmpuint (again->added, ==, 2100);
  kept = query_text (db, SCHEMA_SQL);
  g_assert_cmpstr (kept, ==, larger);
  assert_consistent (db);

  /* and the lists and search read them */
  g_assert_cmpuint (search_count (db, "Tipografia"), ==, 2500);
  g_assert_cmpuint (search_count (db, "Falegnameria 2099"), ==, 1);
  g_assert_cmpuint (search_count (db, "serigrafica"), ==, 500 + 420);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM client_tags WHERE tag = 'bandi'"), ==, 625 + 525);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts INDEXED BY contacts_by_client WHERE client_id > 0"), ==, 4600);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients INDEXED BY clients_by_name WHERE name >= 'T'"), ==, 2500);
}

/* The first rows written, then stopped: nothing of the import stays and
 * the indexes and triggers it had set aside are back, as they were */
static gboolean
stop_cb (guint    done,
         guint    total,
         gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return FALSE;
}

static void
test_large_cancelled (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("large-cancelled");
  g_autofree char *small = write_fixture ("firms.csv", firms, "UTF-8", FALSE, ';', FALSE);
  g_autofree char *path = large_file ("cancelled.csv", "Tipografia", 2500);
  g_autoptr(SportelloClientCsvReport) first = NULL;
  g_autoptr(SportelloClientCsvReport) report = NULL;
  g_autoptr(SportelloClientCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint calls = 0;

  first = import (db, small, 0);
  g_assert_cmpuint (first->added, ==, 3);
  before = query_text (db, SCHEMA_SQL);

  csv = sportello_client_csv_load (path, &error);
  g_assert_no_error (error);
  report = sportello_client_csv_run (csv, db, 0, "cancelled.csv", stop_cb, &calls, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_assert_cmpuint (calls, ==, 1);

  after = query_text (db, SCHEMA_SQL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients"), ==, 3);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts"), ==, 2);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM imports"), ==, 1);
  assert_consistent (db);

  /* the full-text triggers work again */
  store_test_exec (db, "UPDATE clients SET notes = 'ricamo' WHERE name = 'Ferramenta Nardò'");
  g_assert_cmpuint (search_count (db, "ricamo"), ==, 1);
  g_assert_cmpuint (search_count (db, "Tipografia"), ==, 0);
}

/* The new clients and people get version 7 UUIDs, increasing with the
 * rows, so that each goes at the end of the unique index */
#define H "[0-9a-f]"
#define UUID_V7_GLOB H H H H H H H H "-" H H H H "-7" H H H "-[89ab]" H H H "-" H H H H H H H H H H H H

static void
test_ordered_uuids (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("ordered-uuids");
  g_autofree char *small = write_fixture ("firms.csv", firms, "UTF-8", FALSE, ';', FALSE);
  g_autofree char *path = large_file ("uuids.csv", "Tipografia", 2500);
  g_autoptr(SportelloClientCsvReport) first = NULL;
  g_autoptr(SportelloClientCsvReport) report = NULL;
  g_autoptr(SportelloClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  first = import (db, small, 0);
  report = import (db, path, 0);
  g_assert_cmpuint (report->added, ==, 2500);

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients WHERE uuid GLOB '" UUID_V7_GLOB "'"), ==, 2503);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts WHERE uuid GLOB '" UUID_V7_GLOB "'"), ==, 2502);
  g_assert_cmpint (count_rows (db, "SELECT count(DISTINCT uuid) FROM (SELECT uuid FROM clients UNION ALL SELECT uuid FROM contacts)"),
                   ==, 5005);
  /* in the order of the rows, within each import */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM clients a JOIN clients b ON b.id = a.id + 1 "
                                   "WHERE b.id > 3 AND a.id > 3 AND b.uuid <= a.uuid"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM contacts a JOIN contacts b ON b.id = a.id + 1 "
                                   "WHERE a.id > 2 AND b.uuid <= a.uuid"), ==, 0);

  /* a UUID as the rest of the program reads it */
  uuid = query_text (db, "SELECT uuid FROM clients WHERE name = 'Tipografia 7'");
  g_assert_true (g_uuid_string_is_valid (uuid));
  client = sportello_client_load (db, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_client_get (client, SPORTELLO_CLIENT_NAME), ==, "Tipografia 7");
}

static void
test_export (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("export");
  g_autoptr(SportelloDatabase) copy = open_db ("export-copy");
  g_autofree char *path = write_fixture ("firms.csv", firms, "UTF-8", FALSE, ';', FALSE);
  g_autofree char *out = g_build_filename (g_get_user_cache_dir (), "elenco.csv", NULL);
  g_autoptr(SportelloClientCsvReport) first = import (db, path, 0);
  g_autoptr(SportelloClientCsvReport) back = NULL;
  g_autoptr(SportelloClientCsvReport) again = NULL;
  g_autoptr(SportelloCsv) table = NULL;
  g_autoptr(SportelloClientList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_autofree char *names_copy = NULL;
  guint n = 0;

  g_assert_true (sportello_client_csv_export (db, NULL, out, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  /* UTF-8 with a BOM, ';', CRLF, Italian headers and values */
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfRagione sociale;Forma giuridica;Partita IVA;"));
  g_assert_nonnull (strstr (contents, "\r\n\"Bar \"\"Da Mario\"\"; Forlì\";"));
  g_assert_nonnull (strstr (contents, ";Impresa artigiana;"));
  table = sportello_csv_load (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (table->separator, ==, ';');
  g_assert_true (table->had_bom);
  g_assert_cmpuint (table->rows->len, ==, 3);

  /* read back: every column maps, the same clients come in */
  back = import (copy, out, 0);
  g_assert_cmpuint (back->added, ==, 3);
  g_assert_cmpuint (back->invalid, ==, 0);
  names = query_text (db, "SELECT group_concat (name || vat_number || municipality || notes || category, '/') FROM "
                          "(SELECT * FROM clients ORDER BY name)");
  names_copy = query_text (copy, "SELECT group_concat (name || vat_number || municipality || notes || category, '/') FROM "
                                 "(SELECT * FROM clients ORDER BY name)");
  g_assert_cmpstr (names, ==, names_copy);
  g_assert_cmpint (count_rows (copy, "SELECT count(*) FROM contacts"), ==, 2);
  again = import (copy, out, 0);
  g_assert_cmpuint (again->added, ==, 0);

  /* the list as filtered */
  list = sportello_client_list_new (db);
  sportello_client_list_set_search (list, "Forlì");
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_no_error (error);
  g_assert_true (sportello_client_csv_export (db, G_LIST_MODEL (list), out, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
  g_assert_cmpuint (n, ==, 1);
}

static void
test_formula_guard (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("formula");
  g_autofree char *path = write_fixture ("formula.csv",
    "Ragione sociale;Telefono;Note\n"
    "\"=HYPERLINK(\"\"http://x\"\")\";+39 031 123456;-5 sconto\n",
    "UTF-8", FALSE, ';', FALSE);
  g_autofree char *out = g_build_filename (g_get_user_cache_dir (), "formula-out.csv", NULL);
  g_autoptr(SportelloClientCsvReport) report = import (db, path, 0);
  g_autofree char *contents = NULL;

  g_assert_cmpuint (report->added, ==, 1);
  g_assert_true (sportello_client_csv_export (db, NULL, out, NULL, NULL));
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  /* a formula is text to a spreadsheet; a phone number stays as it is */
  g_assert_nonnull (strstr (contents, "\r\n\"'=HYPERLINK(\"\"http://x\"\")\";"));
  g_assert_nonnull (strstr (contents, ";+39 031 123456;"));
  g_assert_nonnull (strstr (contents, ";'-5 sconto;"));
}

typedef struct
{
  guint calls;
  guint last_done;
  guint total;
  guint stop_at;    /* say stop once this far; 0: never */
  gboolean in_order;
} Progress;

static gboolean
export_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  Progress *progress = user_data;

  progress->in_order = progress->in_order && done >= progress->last_done && done <= total;
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
  return progress->stop_at == 0 || done < progress->stop_at;
}

/* The export for a worker (row ids, a connection of its own) writes the
 * same bytes as the one that reads the list model, tells how far it is,
 * and when stopped or failing leaves no file and a file already there as
 * it was */
static void
test_export_ids (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("export-ids");
  g_autoptr(SportelloDatabase) worker = NULL;
  g_autofree char *small = write_fixture ("firms.csv", firms, "UTF-8", FALSE, ';', FALSE);
  g_autofree char *path = large_file ("export-ids.csv", "Tipografia", 3000);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "export-ids", NULL);
  g_autofree char *expected_path = g_build_filename (folder, "atteso.csv", NULL);
  g_autofree char *out = g_build_filename (folder, "elenco.csv", NULL);
  g_autofree char *kept = g_build_filename (folder, "esistente.csv", NULL);
  g_autofree char *nowhere = g_build_filename (folder, "manca", "elenco.csv", NULL);
  g_autoptr(SportelloClientCsvReport) first = import (db, small, 0);
  g_autoptr(SportelloClientCsvReport) report = import (db, path, 0);
  g_autoptr(SportelloClientList) list = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  gsize expected_len = 0, len = 0;
  Progress progress = { .in_order = TRUE };
  guint n_expected = 0, n = 0;
  gint64 gone = 1000000;

  g_assert_cmpuint (report->added, ==, 3000);
  g_mkdir_with_parents (folder, 0700);

  /* the list searched and sorted by municipality: the ids keep its order */
  list = sportello_client_list_new (db);
  sportello_client_list_set_sort (list, SPORTELLO_CLIENT_SORT_MUNICIPALITY);
  sportello_client_list_set_search (list, "Forlì");
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1501);
  g_assert_true (sportello_client_csv_export (db, G_LIST_MODEL (list), expected_path, &n_expected, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_expected, ==, 1501);
  g_assert_true (g_file_get_contents (expected_path, &expected, &expected_len, NULL));

  /* from another connection, as a worker has; a client gone since is left out */
  ids = sportello_client_list_dup_ids (list);
  g_assert_cmpuint (ids->len, ==, 1501);
  g_array_insert_val (ids, 7, gone);
  worker = sportello_database_open (g_path_get_dirname (sportello_database_get_path (db)), &error);
  g_assert_no_error (error);
  g_assert_true (sportello_client_csv_export_ids (worker, ids, out, export_progress_cb, &progress, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_expected);
  g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, expected, expected_len);
  g_assert_true (progress.in_order);
  g_assert_cmpuint (progress.calls, >=, 3);
  g_assert_cmpuint (progress.last_done, ==, 1502);
  g_assert_cmpuint (progress.total, ==, 1502);
  store_test_assert_no_temporary (folder);

  /* stopped half-way: no file, and one already there stays as it was */
  g_assert_true (g_file_set_contents (kept, "prima\r\n", -1, NULL));
  progress = (Progress) { .in_order = TRUE, .stop_at = 1000 };
  g_assert_false (sportello_client_csv_export_ids (worker, ids, kept, export_progress_cb, &progress, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.last_done, ==, 1000);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "prima\r\n");
  store_test_assert_no_temporary (folder);
  g_clear_error (&error);

  /* stopped at the very end, when all is written but not yet in place */
  g_assert_true (g_unlink (out) == 0);
  progress = (Progress) { .in_order = TRUE, .stop_at = 1502 };
  g_assert_false (sportello_client_csv_export_ids (worker, ids, out, export_progress_cb, &progress, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  store_test_assert_no_temporary (folder);
  g_clear_error (&error);

  /* a folder that is not there: the message names the file, in Italian */
  g_assert_false (sportello_client_csv_export_ids (worker, ids, nowhere, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Impossibile scrivere «"));
  g_assert_nonnull (strstr (error->message, nowhere));
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/client-csv/mapping", test_mapping);
  g_test_add_func ("/client-csv/encodings-and-separators", test_encodings_and_separators);
  g_test_add_func ("/client-csv/bad-rows", test_bad_rows);
  g_test_add_func ("/client-csv/repeated-values", test_repeated_values);
  g_test_add_func ("/client-csv/twice", test_twice);
  g_test_add_func ("/client-csv/duplicates-in-file", test_duplicates_in_file);
  g_test_add_func ("/client-csv/merge", test_merge);
  g_test_add_func ("/client-csv/dry-run", test_dry_run);
  g_test_add_func ("/client-csv/large", test_large);
  g_test_add_func ("/client-csv/large-full-text", test_large_full_text);
  g_test_add_func ("/client-csv/search-after-import", test_search_after_import);
  g_test_add_func ("/client-csv/large-indexes", test_large_indexes);
  g_test_add_func ("/client-csv/large-cancelled", test_large_cancelled);
  g_test_add_func ("/client-csv/large-guard", test_large_guard);
  g_test_add_func ("/client-csv/ordered-uuids", test_ordered_uuids);
  g_test_add_func ("/client-csv/export", test_export);
  g_test_add_func ("/client-csv/formula-guard", test_formula_guard);
  g_test_add_func ("/client-csv/export-ids", test_export_ids);

  return g_test_run ();
}
