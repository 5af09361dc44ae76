/* sportello-grant-demo.c: fictitious grant calls and applications for --demo
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calls are made up: their titles say so, and their amounts and dates
 * are examples, not facts about real calls. Dates are relative to the
 * demo's fixed “now”, and a random sequence of its own keeps the rest of
 * the demo as it was: the same number of clients, the same data.
 */

#define G_LOG_DOMAIN "sportello-grant-demo"

#include "config.h"

#include <string.h>

#include "sportello-demo-private.h"
#include "sportello-grant-private.h"

typedef struct
{
  const char *title;
  const char *funder;
  const char *kind;
  int         opens;        /* days from the demo's now */
  int         closes;       /* days from the demo's now; 0 for none */
  gboolean    first_come;
  gboolean    exhausted;
  gint64      budget;
  int         percent;
  gint64      min;
  gint64      max;
  const char *sizes;
  const char *sections;
  const char *regions;
  const char *provinces;
  gboolean    startups_only;
  int         min_years;
  gboolean    de_minimis;
  const char *expenses;
  const char *documents;
} DemoCall;

static const DemoCall calls[] = {
  { "Voucher Digitalizzazione PMI – Camera di Commercio di Como-Lecco (esempio)", "chamber", "voucher",
    -40, 10, FALSE, FALSE, 600000, 50, 2000, 10000, "micro,small,medium", "", "", "CO,LC", FALSE, 0, TRUE,
    "- Consulenza e formazione su tecnologie digitali\n- Software, cloud e servizi di e-commerce\n- Sicurezza informatica",
    "Visura camerale\nPreventivi dei fornitori\nDURC in corso di validità\nDichiarazione de minimis" },
  { "Bando Lombardia Digital Export (esempio)", "region", "grant",
    -60, 45, FALSE, FALSE, 3000000, 40, 5000, 30000, "micro,small,medium", "", "lombardia", "", FALSE, 1, TRUE,
    "- Piattaforme di vendita online verso l’estero\n- Traduzione e localizzazione del sito\n- Fiere virtuali",
    "Visura camerale\nPiano di export\nPreventivi dei fornitori\nDURC in corso di validità" },
  { "Voucher Internazionalizzazione Piemonte (esempio)", "region", "voucher",
    20, 110, FALSE, FALSE, 1500000, 50, 3000, 15000, "micro,small", "", "piemonte", "", FALSE, 0, TRUE,
    "- Temporary export manager\n- Partecipazione a fiere internazionali",
    "Visura camerale\nContratto con il temporary export manager\nDichiarazione de minimis" },
  { "Bando Campania Innovazione Artigiana (esempio)", "region", "grant",
    -100, -20, FALSE, FALSE, 2000000, 60, 5000, 40000, "micro,small", "C", "campania", "", FALSE, 2, TRUE,
    "- Macchinari e attrezzature\n- Brevetti e certificazioni",
    "Visura camerale\nBilancio dell’ultimo esercizio\nPreventivi dei fornitori" },
  { "Nuove Imprese a Tasso Zero – scheda di simulazione", "mimit", "soft-loan",
    -300, 0, TRUE, FALSE, 0, 90, 0, 3000000, "micro,small", "", "", "", FALSE, 0, FALSE,
    "- Investimenti in impianti, macchinari e attrezzature\n- Opere murarie entro il 30 % del programma",
    "Business plan\nPreventivi dei fornitori\nDocumento d’identità dei soci" },
  { "Credito d’imposta Formazione 4.0 – scheda di esempio", "mimit", "tax-credit",
    -200, -5, FALSE, FALSE, 0, 40, 0, 250000, "", "", "", "", FALSE, 0, FALSE,
    "- Costo del personale in formazione\n- Docenti e formatori esterni",
    "Registro presenze\nAttestati di frequenza\nCertificazione del revisore" },
  { "Programma UE Europa Digitale – Invito per le PMI (fittizio)", "eu", "grant",
    -30, 75, FALSE, FALSE, 10000000, 50, 20000, 150000, "small,medium", "C,J,M", "", "", FALSE, 0, FALSE,
    "- Intelligenza artificiale e dati\n- Calcolo ad alte prestazioni\n- Competenze digitali avanzate",
    "Registrazione sul portale dei partecipanti\nProposta tecnica\nBudget dettagliato\nDichiarazione sull’onore" },
  { "Smart&Start Italia – scheda di simulazione", "mimit", "soft-loan",
    -400, 0, TRUE, FALSE, 0, 80, 100000, 1500000, "", "", "", "", TRUE, 0, FALSE,
    "- Beni di investimento\n- Servizi e personale qualificato",
    "Iscrizione alla sezione speciale delle startup innovative\nBusiness plan\nCurricula dei soci" },
  { "Voucher Transizione Ecologica – Camera di Commercio Monte Rosa Laghi Alto Piemonte (esempio)", "chamber", "voucher",
    5, 60, FALSE, FALSE, 400000, 50, 1500, 8000, "micro,small,medium", "", "", "NO,VB,VC,BI", FALSE, 0, TRUE,
    "- Diagnosi energetiche\n- Consulenza per certificazioni ambientali",
    "Visura camerale\nPreventivi dei fornitori\nDichiarazione de minimis" },
  { "Contributi Fiere Piemonte a sportello (esempio, fondi esauriti)", "region", "grant",
    -150, 0, TRUE, TRUE, 500000, 50, 1000, 5000, "micro,small,medium", "", "piemonte", "", FALSE, 0, TRUE,
    "- Affitto dello spazio espositivo\n- Allestimento dello stand",
    "Visura camerale\nContratto con l’ente fiera" },
};

static const char * const statuses[] = {
  "interested", "preparing", "submitted", "admitted", "funded", "rejected", "withdrawn",
};

static const char * const rejection_reasons[] = {
  "Punteggio inferiore alla soglia di ammissione",
  "Spese non ammissibili: beni acquistati prima della domanda",
  "Documentazione incompleta: manca il DURC",
  "Fondi esauriti prima dell’istruttoria",
};

static const char * const application_notes[] = {
  "Il titolare chiede un incontro per rivedere i preventivi.",
  "Manca ancora il preventivo del fornitore del sito.",
  "Valutare se conviene aspettare la prossima finestra del bando.",
  "Domanda preparata con il commercialista dell’impresa.",
  "",
};

static char *
at (GDateTime *base,
    int        days,
    const char *format)
{
  g_autoptr(GDateTime) when = g_date_time_add_days (base, days);

  return g_date_time_format (when, format);
}

static void
bind_number (sqlite3_stmt *stmt,
             int           index,
             gint64        value)
{
  if (value <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static gboolean
step (SportelloDatabase  *db,
      sqlite3_stmt       *stmt,
      GError            **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* The statuses an application went through to reach @final */
static char *
history_to (const char *final,
            GDateTime  *base,
            int         started,
            int         submitted,
            int         outcome)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *t0 = at (base, -started, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *t1 = at (base, -(started + submitted) / 2, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *t2 = at (base, -submitted, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *t3 = at (base, -outcome, "%Y-%m-%dT%H:%M:%S.000Z");
  const char *path[5] = { "interested", NULL, NULL, NULL, NULL };
  const char *times[5] = { t0, t1, t2, t3, t3 };
  guint n = 1;

  if (g_str_equal (final, "withdrawn"))
    {
      path[n++] = "preparing";
      path[n++] = "withdrawn";
    }
  else if (!g_str_equal (final, "interested"))
    {
      path[n++] = "preparing";
      if (!g_str_equal (final, "preparing"))
        path[n++] = "submitted";
      if (g_str_equal (final, "funded"))
        path[n++] = "admitted";
      if (!g_str_equal (final, "preparing") && !g_str_equal (final, "submitted"))
        path[n++] = final;
    }

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"status\":\"%s\",\"changed_at\":\"%s\"}", i ? "," : "", path[i], times[MIN (i, 4)]);
  g_string_append (json, "]");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

const char *
_sportello_grant_demo_ateco (const char *category,
                             guint       i)
{
  static const struct { const char *category; const char *codes[4]; } pools[] = {
    { "artisan", { "16.23.10", "23.41.00", "14.13.10", "25.62.00" } },
    { "hospitality", { "56.30.00", "56.10.11", "56.10.30", "56.30.00" } },
    { "retail", { "47.52.10", "47.61.00", "47.78.20", "47.25.00" } },
    { "sme", { "28.41.00", "13.20.00", "43.21.01", "52.29.22" } },
    { "startup", { "62.01.00", "72.19.09", "63.11.20", "62.02.00" } },
    { "professional", { "69.20.11", "71.12.10", "70.22.09", "74.10.21" } },
  };

  /* some firms never said */
  if (i % 6 == 5)
    return "";
  for (guint p = 0; p < G_N_ELEMENTS (pools); p++)
    if (g_str_equal (pools[p].category, category))
      return pools[p].codes[i % 4];

  return "";
}

gboolean
_sportello_grant_demo_fill (SportelloDatabase  *db,
                            guint               n_clients,
                            GDateTime          *base,
                            GError            **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_clients ^ 0x62616e64);
  g_autoptr(sqlite3_stmt) call_stmt = NULL;
  g_autoptr(sqlite3_stmt) application_stmt = NULL;
  g_autoptr(sqlite3_stmt) clients = NULL;
  g_autoptr(GPtrArray) call_uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDate) today = NULL;
  guint n_applications = 0;
  int rc;

  call_stmt = _sportello_database_prepare (db,
    "INSERT INTO grant_calls (uuid, title, funder, kind, url, opens_at, deadline, first_come, funds_exhausted, "
    "budget, contribution_percent, contribution_min, contribution_max, sizes, ateco_sections, regions, provinces, "
    "startups_only, min_years, expenses, documents, de_minimis, notes, created_at, updated_at, origin_consultant, origin_hub) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
    "?24, ?24, 'Sportello demo', 'ComoNext – Lomazzo')", error);
  application_stmt = _sportello_database_prepare (db,
    "INSERT INTO grant_applications (uuid, client_id, call_uuid, status, amount_requested, amount_granted, "
    "protocol_number, submitted_on, outcome_on, rejection_reason, reporting_deadline, documents_done, notes, "
    "status_history, created_at, updated_at, origin_consultant, origin_hub) "
    "SELECT ?1, id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, owner_consultant, owner_hub "
    "FROM clients WHERE uuid = ?16", error);
  if (call_stmt == NULL || application_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      const DemoCall *c = &calls[i];
      g_autofree char *uuid = _sportello_demo_uuid (rand);
      g_autofree char *opens = at (base, c->opens, "%Y-%m-%dT07:00:00Z");
      g_autofree char *closes = c->closes != 0 ? at (base, c->closes, "%Y-%m-%dT11:00:00Z") : g_strdup ("");
      g_autofree char *created = at (base, MIN (c->opens, 0) - 10, "%Y-%m-%dT10:00:00.000Z");
      g_autofree char *url = g_strdup_printf ("https://bandi.example.org/demo/%u", i + 1);

      sqlite3_bind_text (call_stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 2, c->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 3, c->funder, -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 4, c->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 5, url, -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 6, opens, -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 7, closes, -1, SQLITE_STATIC);
      sqlite3_bind_int (call_stmt, 8, c->first_come);
      sqlite3_bind_int (call_stmt, 9, c->exhausted);
      bind_number (call_stmt, 10, c->budget);
      bind_number (call_stmt, 11, c->percent);
      bind_number (call_stmt, 12, c->min);
      bind_number (call_stmt, 13, c->max);
      sqlite3_bind_text (call_stmt, 14, c->sizes, -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 15, c->sections, -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 16, c->regions, -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 17, c->provinces, -1, SQLITE_STATIC);
      sqlite3_bind_int (call_stmt, 18, c->startups_only);
      bind_number (call_stmt, 19, c->min_years);
      sqlite3_bind_text (call_stmt, 20, c->expenses, -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 21, c->documents, -1, SQLITE_STATIC);
      sqlite3_bind_int (call_stmt, 22, c->de_minimis);
      sqlite3_bind_text (call_stmt, 23, "Bando **fittizio** creato per la dimostrazione: titolo, importi e date "
                                        "sono esempi e non descrivono un bando reale.", -1, SQLITE_STATIC);
      sqlite3_bind_text (call_stmt, 24, created, -1, SQLITE_STATIC);
      if (!step (db, call_stmt, error))
        return FALSE;
      g_ptr_array_add (call_uuids, g_steal_pointer (&uuid));
    }

  /* the clients this demo made: the newest */
  clients = _sportello_database_prepare (db, "SELECT uuid FROM clients ORDER BY id DESC LIMIT ?", error);
  if (clients == NULL)
    return FALSE;
  sqlite3_bind_int (clients, 1, n_clients);

  while ((rc = sqlite3_step (clients)) == SQLITE_ROW)
    {
      /* about one client in eight applies */
      if (n_applications >= G_N_ELEMENTS (statuses) && g_rand_int_range (rand, 0, 8) > 0)
        continue;

      const char *client_uuid = (const char *) sqlite3_column_text (clients, 0);
      /* the first ones take every status in turn, so each shows */
      const char *status = n_applications < G_N_ELEMENTS (statuses) ? statuses[n_applications] : SPORTELLO_DEMO_PICK (rand, statuses);
      gboolean early = g_str_equal (status, "interested") || g_str_equal (status, "preparing");
      /* calls open at the demo's now for those in the works, else any that opened */
      static const guint open_calls[] = { 0, 1, 4, 6, 7 };
      static const guint past_calls[] = { 0, 1, 3, 4, 5, 6, 7, 9 };
      guint call = early ? SPORTELLO_DEMO_PICK (rand, open_calls) : SPORTELLO_DEMO_PICK (rand, past_calls);
      const DemoCall *c = &calls[call];
      int started = g_rand_int_range (rand, 5, MAX (6, -c->opens));
      int submitted = MAX (started - g_rand_int_range (rand, 3, 30), 1);
      int outcome = MAX (submitted - g_rand_int_range (rand, 10, 60), 0);
      gint64 requested = g_rand_int_range (rand, 4, 60) * 500;
      g_autofree char *uuid = _sportello_demo_uuid (rand);
      g_autofree char *history = history_to (status, base, started, submitted, outcome);
      g_autofree char *created = at (base, -started, "%Y-%m-%dT%H:%M:%S.000Z");
      g_autofree char *updated = at (base, -(early ? started / 2 : outcome), "%Y-%m-%dT%H:%M:%S.000Z");
      g_autofree char *submitted_on = early || g_str_equal (status, "withdrawn") ? g_strdup ("") : at (base, -submitted, "%Y-%m-%d");
      g_autofree char *outcome_on = NULL;
      g_autofree char *protocol = submitted_on[0] ? g_strdup_printf ("PG/2026/%06d", g_rand_int_range (rand, 1, 999999)) : g_strdup ("");
      g_autofree char *reporting = NULL;
      g_auto(GStrv) documents = g_strsplit (c->documents, "\n", -1);
      g_autoptr(GString) done = g_string_new (NULL);

      if (g_str_equal (status, "admitted") || g_str_equal (status, "funded") || g_str_equal (status, "rejected"))
        outcome_on = at (base, -outcome, "%Y-%m-%d");
      else
        outcome_on = g_strdup ("");
      if (g_str_equal (status, "funded"))
        reporting = at (base, g_rand_int_range (rand, 20, 300), "%Y-%m-%d");
      else
        reporting = g_strdup ("");
      for (guint d = 0; documents[d] != NULL; d++)
        if (!early || g_rand_boolean (rand))
          g_string_append_printf (done, "%s%s", done->len ? "\n" : "", documents[d]);

      sqlite3_bind_text (application_stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 2, g_ptr_array_index (call_uuids, call), -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 3, status, -1, SQLITE_STATIC);
      bind_number (application_stmt, 4, g_str_equal (status, "interested") ? 0 : requested);
      bind_number (application_stmt, 5, g_str_equal (status, "funded") ? requested - g_rand_int_range (rand, 0, 5) * 250 : 0);
      sqlite3_bind_text (application_stmt, 6, protocol, -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 7, submitted_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 8, outcome_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 9, g_str_equal (status, "rejected") ? SPORTELLO_DEMO_PICK (rand, rejection_reasons) : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 10, reporting, -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 11, done->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 12, SPORTELLO_DEMO_PICK (rand, application_notes), -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 13, history, -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 14, created, -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 15, strcmp (updated, created) > 0 ? updated : created, -1, SQLITE_STATIC);
      sqlite3_bind_text (application_stmt, 16, client_uuid, -1, SQLITE_STATIC);
      if (!step (db, application_stmt, error))
        return FALSE;
      n_applications++;
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  /* the follow-ups from the deadlines, placed from the demo's day */
  today = g_date_new_dmy (g_date_time_get_day_of_month (base), g_date_time_get_month (base), g_date_time_get_year (base));
  return _sportello_grant_sync_follow_ups (db, NULL, NULL, today, error);
}
