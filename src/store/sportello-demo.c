/* sportello-demo.c: realistic, fictitious data for trying the app
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every firm and person here is invented. The same N always gives the
 * same data, identifiers and UUIDs included, so screenshots and
 * benchmarks can be repeated.
 */

#define G_LOG_DOMAIN "sportello-demo"

#include "config.h"

#include "sportello-assessment.h"
#include "sportello-document.h"
#include "sportello-client-private.h"
#include "sportello-database-private.h"
#include "sportello-demo.h"
#include "sportello-grant-private.h"
#include "sportello-identifiers.h"

typedef struct
{
  const char *name;
  const char *postal_code;
  const char *province;
  const char *phone_prefix;
  const char *vat_office;
  const char *hub;
} Place;

static const Place places[] = {
  { "Como", "22100", "CO", "031", "013", "ComoNext – Lomazzo" },
  { "Lomazzo", "22074", "CO", "02", "013", "ComoNext – Lomazzo" },
  { "Cantù", "22063", "CO", "031", "013", "ComoNext – Lomazzo" },
  { "Erba", "22036", "CO", "031", "013", "ComoNext – Lomazzo" },
  { "Mariano Comense", "22066", "CO", "031", "013", "ComoNext – Lomazzo" },
  { "Olgiate Comasco", "22077", "CO", "031", "013", "ComoNext – Lomazzo" },
  { "Menaggio", "22017", "CO", "0344", "013", "ComoNext – Lomazzo" },
  { "Appiano Gentile", "22070", "CO", "031", "013", "ComoNext – Lomazzo" },
  { "Novara", "28100", "NO", "0321", "003", "Polo di Novara" },
  { "Borgomanero", "28021", "NO", "0322", "003", "Polo di Novara" },
  { "Arona", "28041", "NO", "0322", "003", "Polo di Novara" },
  { "Galliate", "28066", "NO", "0321", "003", "Polo di Novara" },
  { "Trecate", "28069", "NO", "0321", "003", "Polo di Novara" },
  { "Oleggio", "28047", "NO", "0321", "003", "Polo di Novara" },
  { "Ivrea", "10015", "TO", "0125", "001", "Polo di Ivrea" },
  { "Chivasso", "10034", "TO", "011", "001", "Polo di Ivrea" },
  { "Cuorgnè", "10082", "TO", "0124", "001", "Polo di Ivrea" },
  { "Castellamonte", "10081", "TO", "0124", "001", "Polo di Ivrea" },
  { "Strambino", "10019", "TO", "0125", "001", "Polo di Ivrea" },
  { "Caluso", "10014", "TO", "011", "001", "Polo di Ivrea" },
  { "Caserta", "81100", "CE", "0823", "061", "Polo di Caserta" },
  { "Aversa", "81031", "CE", "081", "061", "Polo di Caserta" },
  { "Marcianise", "81025", "CE", "0823", "061", "Polo di Caserta" },
  { "Maddaloni", "81024", "CE", "0823", "061", "Polo di Caserta" },
  { "Santa Maria Capua Vetere", "81055", "CE", "0823", "061", "Polo di Caserta" },
  { "Piedimonte Matese", "81016", "CE", "0823", "061", "Polo di Caserta" },
};

static const char * const surnames[] = {
  "Rossi", "Colombo", "Ferrari", "Bianchi", "Romano", "Galli", "Brambilla",
  "Fontana", "Conti", "Ricci", "Esposito", "Russo", "De Luca", "Marino",
  "Greco", "Bruno", "Gallo", "Costa", "Giordano", "Mancini", "Rizzo",
  "Lombardi", "Moretti", "Barbieri", "Cattaneo", "Longoni", "Molteni",
  "Frigerio", "Bernasconi", "Vitale", "Caputo", "Ferraro", "Rinaldi",
  "Sala", "Villa", "Mauri", "Pozzi", "Negri", "Marchetti", "Gentile",
  "Perego", "Nava", "Bonfanti", "Iannone", "Santoro", "Pastore",
};

static const char * const first_names[] = {
  "Marco", "Giulia", "Luca", "Francesca", "Andrea", "Chiara", "Paolo",
  "Sara", "Giovanni", "Elena", "Alessandro", "Laura", "Matteo", "Silvia",
  "Davide", "Valentina", "Stefano", "Anna", "Roberto", "Martina",
  "Antonio", "Rosa", "Salvatore", "Carmela", "Gennaro", "Federica",
};

static const char * const roles[] = {
  "Titolare", "Socio", "Socia", "Amministratore unico", "Responsabile amministrativa",
  "Responsabile vendite", "Commercialista", "Responsabile marketing", "Figlia del titolare",
};

static const char * const words[] = {
  "Centrale", "Stazione", "del Lago", "Duomo", "Piazza", "Sole", "Aurora",
  "Giardino", "Portici", "Corso", "Vittoria", "Volta", "Castello", "Borgo",
};

static const char * const tag_pool[] = {
  "e-commerce", "bandi", "marketplace", "social", "fatturazione elettronica",
  "sicurezza", "sito web", "formazione", "export", "PNRR", "transizione 5.0",
  "pagamenti digitali",
};

static const char * const note_pool[] = {
  "Vuole aprire un negozio online entro la primavera.",
  "Interessati al bando regionale per la digitalizzazione delle micro imprese.",
  "Chiedono un parere sul gestionale di magazzino e sulla fatturazione elettronica.",
  "Da ricontattare dopo le feste per il preventivo del sito.",
  "Vendono già su un marketplace, vogliono un canale proprio.",
  "Hanno subito un tentativo di phishing: parlare di sicurezza di base.",
  "Il figlio del titolare segue i social; manca una strategia.",
  "Valutano i pagamenti digitali al banco e le prenotazioni online.",
};

static const char * const category_ids[] = {
  "artisan", "hospitality", "retail", "sme", "startup", "professional", "other",
};

static const char * const status_ids[] = {
  "new", "consulting", "consulting", "followed", "followed", "closed", "archived",
};

static const char * const source_ids[] = {
  "webinar", "word-of-mouth", "chamber", "event", "website", "other",
};

static const char * const meeting_kinds[] = {
  "desk", "desk", "video", "phone", "visit", "webinar",
};

static const char * const meeting_notes[] = {
  "## Situazione\n"
  "Il negozio vende solo al banco. {client} vuole provare la vendita online prima dell'estate.\n\n"
  "## Cosa abbiamo visto\n"
  "- Sito vetrina fermo al 2019, senza HTTPS\n"
  "- Catalogo di circa 300 articoli, foto da rifare\n"
  "- Nessun gestionale: il magazzino è su un foglio di calcolo\n\n"
  "## Prossimi passi\n"
  "- Confronto tra Shopify, WooCommerce e un marketplace\n"
  "- Stima dei costi di spedizione\n",

  "## Bando\n"
  "Interesse per il bando regionale per la digitalizzazione delle micro imprese.\n\n"
  "- Spese ammissibili: software, consulenza, formazione\n"
  "- Contributo a fondo perduto fino al 50%\n"
  "- Serve il DURC regolare e la visura aggiornata\n\n"
  "**Scadenza** da verificare sul sito della Regione.\n",

  "## Fatturazione elettronica e gestionale\n"
  "{client} usa ancora il programma del commercialista per le fatture.\n"
  "Chiedono un parere su un gestionale con magazzino e cassa collegata.\n\n"
  "- Valutare due o tre prodotti in cloud\n"
  "- Attenzione all'esportazione dei dati se si cambia fornitore\n",

  "## Sicurezza di base\n"
  "Un tentativo di phishing a nome del corriere la settimana scorsa.\n\n"
  "- Password uguali su tutti gli account\n"
  "- Backup solo su una chiavetta\n"
  "- Nessuna verifica in due passaggi sulla posta\n\n"
  "Consigliato un gestore di password e un backup automatico.\n",

  "## Social e prenotazioni\n"
  "Il locale ha una pagina social seguita ma nessun sistema di prenotazione.\n"
  "Valutiamo le prenotazioni online e i pagamenti digitali al tavolo.\n",
};

static const struct {
  const char *text;
  const char *assignee;
} follow_up_pool[] = {
  { "Inviare il confronto tra piattaforme e-commerce", "consultant" },
  { "Verificare i requisiti del bando regionale", "consultant" },
  { "Chiedere al commercialista il fatturato 2025", "client" },
  { "Preparare le foto del catalogo", "client" },
  { "Fissare una visita in azienda", "consultant" },
  { "Mandare la visura camerale aggiornata", "client" },
  { "Preparare il parere sul gestionale", "consultant" },
  { "Attivare la verifica in due passaggi sulla posta", "client" },
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static char *
random_uuid (GRand *rand)
{
  guint8 b[16];

  for (guint i = 0; i < 16; i++)
    b[i] = (guint8) g_rand_int_range (rand, 0, 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static char *
random_vat (GRand       *rand,
            const Place *place)
{
  g_autofree char *first10 = g_strdup_printf ("%07d%s", g_rand_int_range (rand, 1, 10000000), place->vat_office);

  return g_strdup_printf ("%s%u", first10, sportello_vat_check_digit (first10));
}

static char *
slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
make_name (GRand       *rand,
           const char  *category,
           const char  *legal_form,
           const char  *surname,
           const Place *place)
{
  static const char * const artisan[] = { "Falegnameria", "Ceramiche", "Sartoria", "Officina", "Laboratorio orafo", "Tappezzeria", "Vetreria artistica", "Liuteria" };
  static const char * const hospitality[] = { "Bar", "Trattoria", "Pizzeria", "Caffè", "Gelateria", "Ristorante", "Pasticceria" };
  static const char * const retail[] = { "Ferramenta", "Libreria", "Erboristeria", "Merceria", "Ottica", "Calzature", "Enoteca", "Fioreria" };
  static const char * const sme[] = { "Meccanica", "Tessuti", "Impianti", "Logistica", "Arredamenti", "Packaging", "Serramenti" };
  static const char * const startup_a[] = { "Lario", "Seta", "Verde", "Agri", "Data", "Robo", "Nova", "Filo", "Bio", "Eco", "Geo", "Tela" };
  static const char * const startup_b[] = { "tech", "lab", "wise", "hub", "works", "bit", "mind", "sense" };
  g_autofree char *base = NULL;
  const char *suffix = "";

  if (g_str_equal (category, "artisan"))
    base = g_strdup_printf ("%s %s", PICK (rand, artisan), surname);
  else if (g_str_equal (category, "hospitality"))
    base = g_strdup_printf ("%s %s", PICK (rand, hospitality), PICK (rand, words));
  else if (g_str_equal (category, "retail"))
    base = g_strdup_printf ("%s %s", PICK (rand, retail), surname);
  else if (g_str_equal (category, "sme"))
    base = g_strdup_printf ("%s %s", surname, PICK (rand, sme));
  else if (g_str_equal (category, "startup"))
    base = g_strdup_printf ("%s%s", PICK (rand, startup_a), PICK (rand, startup_b));
  else if (g_str_equal (category, "professional"))
    base = g_strdup_printf ("Studio %s", surname);
  else
    base = g_strdup_printf ("Associazione %s %s", PICK (rand, words), place->name);

  if (g_str_equal (legal_form, "snc"))
    suffix = " s.n.c.";
  else if (g_str_equal (legal_form, "sas"))
    suffix = " s.a.s.";
  else if (g_str_equal (legal_form, "srl"))
    suffix = " S.r.l.";
  else if (g_str_equal (legal_form, "srls"))
    suffix = " S.r.l.s.";
  else if (g_str_equal (legal_form, "spa"))
    suffix = " S.p.A.";
  else if (g_str_equal (legal_form, "coop"))
    suffix = " Soc. Coop.";

  return g_strconcat (base, suffix, NULL);
}

static const char *
legal_form_for (GRand      *rand,
                const char *category)
{
  static const char * const small[] = { "di", "di", "snc", "sas", "srls" };
  static const char * const company[] = { "srl", "srl", "srl", "spa", "coop" };

  if (g_str_equal (category, "startup"))
    return g_rand_boolean (rand) ? "srl" : "srls";
  if (g_str_equal (category, "sme"))
    return PICK (rand, company);
  if (g_str_equal (category, "professional"))
    return "other";
  if (g_str_equal (category, "other"))
    return "other";

  return PICK (rand, small);
}

static char *
timestamp (GDateTime *base,
           int        days_back,
           int        seconds)
{
  g_autoptr(GDateTime) a = g_date_time_add_days (base, -days_back);
  g_autoptr(GDateTime) b = g_date_time_add_seconds (a, seconds);

  return g_date_time_format (b, "%Y-%m-%dT%H:%M:%S.000Z");
}

static gboolean
add_contacts (SportelloDatabase  *db,
              sqlite3_stmt       *stmt,
              GRand              *rand,
              SportelloClient    *client,
              const char         *surname,
              const char         *domain,
              GError            **error)
{
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      const char *first = PICK (rand, first_names);
      const char *last = i == 0 ? surname : PICK (rand, surnames);
      g_autofree char *uuid = random_uuid (rand);
      g_autofree char *name = g_strdup_printf ("%s %s", first, last);
      g_autofree char *first_slug = slug (first);
      g_autofree char *last_slug = slug (last);
      g_autofree char *email = g_strdup_printf ("%s.%s@%s", first_slug, last_slug, domain);
      g_autofree char *phone = g_strdup_printf ("3%02d %03d %04d", g_rand_int_range (rand, 20, 99),
                                                g_rand_int_range (rand, 100, 999), g_rand_int_range (rand, 0, 9999));

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, sportello_client_get_id (client));
      sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, i == 0 ? "Titolare" : PICK (rand, roles), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, email, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 7, i == 0);
      sqlite3_bind_text (stmt, 8, sportello_client_get (client, SPORTELLO_CLIENT_CREATED_AT), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, sportello_client_get (client, SPORTELLO_CLIENT_ORIGIN_CONSULTANT), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, sportello_client_get (client, SPORTELLO_CLIENT_ORIGIN_HUB), -1, SQLITE_TRANSIENT);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_meetings (SportelloDatabase  *db,
              sqlite3_stmt       *meeting_stmt,
              sqlite3_stmt       *follow_up_stmt,
              GRand              *rand,
              SportelloClient    *client,
              GDateTime          *base,
              GError            **error)
{
  guint n = g_rand_int_range (rand, 0, 4);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = random_uuid (rand);
      int days_back = g_rand_int_range (rand, 0, 400);
      g_autoptr(GDateTime) day = g_date_time_add_days (base, -days_back);
      g_autoptr(GDateTime) start = g_date_time_add_hours (day, g_rand_int_range (rand, 0, 8));
      g_autofree char *starts_at = g_date_time_format (start, "%Y-%m-%dT%H:%M:00Z");
      g_autoptr(GString) notes = g_string_new (PICK (rand, meeting_notes));
      gint64 meeting_id;
      guint n_follow_ups;

      sqlite3_reset (meeting_stmt);
      sqlite3_bind_text (meeting_stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (meeting_stmt, 2, sportello_client_get_id (client));
      sqlite3_bind_text (meeting_stmt, 3, starts_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (meeting_stmt, 4, 30 * g_rand_int_range (rand, 1, 5));
      sqlite3_bind_text (meeting_stmt, 5, PICK (rand, meeting_kinds), -1, SQLITE_STATIC);
      sqlite3_bind_text (meeting_stmt, 6, PICK (rand, tag_pool), -1, SQLITE_STATIC);
      g_string_replace (notes, "{client}", sportello_client_get_name (client), 0);
      sqlite3_bind_text (meeting_stmt, 7, notes->str, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (meeting_stmt, 8, starts_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (meeting_stmt, 9, sportello_client_get (client, SPORTELLO_CLIENT_OWNER_CONSULTANT), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (meeting_stmt, 10, sportello_client_get (client, SPORTELLO_CLIENT_OWNER_HUB), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (meeting_stmt) != SQLITE_DONE)
        goto failed;
      meeting_id = sqlite3_last_insert_rowid (_sportello_database_get_handle (db));

      n_follow_ups = g_rand_int_range (rand, 0, 3);
      for (guint j = 0; j < n_follow_ups; j++)
        {
          g_autofree char *fu_uuid = random_uuid (rand);
          int due_offset = g_rand_int_range (rand, 3, 22);
          g_autoptr(GDateTime) due = g_date_time_add_days (start, due_offset);
          g_autofree char *due_date = g_date_time_format (due, "%Y-%m-%d");
          guint pick = g_rand_int_range (rand, 0, G_N_ELEMENTS (follow_up_pool));
          /* nearly all of what fell due long ago was done */
          gboolean done = days_back - due_offset > 7 && g_rand_int_range (rand, 0, 20) < 19;
          g_autofree char *done_at = done ? g_date_time_format (due, "%Y-%m-%dT%H:%M:00Z") : g_strdup ("");

          sqlite3_reset (follow_up_stmt);
          sqlite3_bind_text (follow_up_stmt, 1, fu_uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (follow_up_stmt, 2, meeting_id);
          sqlite3_bind_text (follow_up_stmt, 3, follow_up_pool[pick].text, -1, SQLITE_STATIC);
          sqlite3_bind_text (follow_up_stmt, 4, follow_up_pool[pick].assignee, -1, SQLITE_STATIC);
          sqlite3_bind_text (follow_up_stmt, 5, due_date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (follow_up_stmt, 6, done_at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (follow_up_stmt, 7, starts_at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (follow_up_stmt, 8, sportello_client_get (client, SPORTELLO_CLIENT_OWNER_CONSULTANT), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (follow_up_stmt, 9, sportello_client_get (client, SPORTELLO_CLIENT_OWNER_HUB), -1, SQLITE_TRANSIENT);
          if (sqlite3_step (follow_up_stmt) != SQLITE_DONE)
            goto failed;
        }
    }

  return TRUE;

failed:
  _sportello_database_set_error (db, error);
  return FALSE;
}

/* An assessment for about a third of the clients, and for a third of those
 * a second one six months later, better on the whole */
static gboolean
add_assessments (SportelloDatabase  *db,
                 GRand              *rand,
                 SportelloClient    *client,
                 const char         *checklist_uuid,
                 GError            **error)
{
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  guint visits;
  int level;

  if (g_rand_int_range (rand, 0, 3) != 0)
    return TRUE;

  visits = g_rand_int_range (rand, 0, 3) == 0 ? 2 : 1;
  level = g_rand_int_range (rand, 0, 3);   /* how far along the firm is */

  for (guint visit = 0; visit < visits; visit++)
    {
      g_autoptr(SportelloAssessment) assessment = NULL;
      g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 11, 15, 10, 0, 0);
      g_autoptr(GDateTime) day = g_date_time_add_months (base, visits == 2 && visit == 0 ? -6 : -g_rand_int_range (rand, 0, 3));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autofree char *uuid = random_uuid (rand);
      g_autofree char *stamp = g_date_time_format (day, "%Y-%m-%dT%H:%M:%S.000Z");

      assessment = sportello_assessment_new (sportello_client_get_uuid (client), checklist_uuid);
      sportello_assessment_set (assessment, SPORTELLO_ASSESSMENT_UUID, uuid);
      sportello_assessment_set (assessment, SPORTELLO_ASSESSMENT_ASSESSED_ON, date);
      sportello_assessment_set (assessment, SPORTELLO_ASSESSMENT_CONSULTANT,
                                sportello_client_get (client, SPORTELLO_CLIENT_OWNER_CONSULTANT));
      sportello_assessment_set (assessment, SPORTELLO_ASSESSMENT_CREATED_AT, stamp);

      for (guint i = 0; i < checklist->items->len; i++)
        {
          SportelloChecklistItem *item = &g_array_index (checklist->items, SportelloChecklistItem, i);
          int value = CLAMP (level + (int) visit + g_rand_int_range (rand, -1, 2), 0, 2);

          if (item->na_allowed && g_rand_int_range (rand, 0, 8) == 0)
            sportello_assessment_set_answer (assessment, item->id, SPORTELLO_ANSWER_NA,
                                             item->na_hint[0] ? item->na_hint : "Non pertinente");
          else
            sportello_assessment_set_answer (assessment, item->id, (SportelloAnswer) value, "");
        }

      if (!sportello_assessment_save (assessment, db, error))
        return FALSE;
    }

  return TRUE;
}

/* An advice document for about one client in four, from the template that
 * suits the firm, some of them already sent */
static gboolean
add_documents (SportelloDatabase  *db,
               GRand              *rand,
               SportelloClient    *client,
               GError            **error)
{
  const char *category = sportello_client_get (client, SPORTELLO_CLIENT_CATEGORY);
  const char *template_id = "sicurezza-base-micro";
  g_autoptr(SportelloDocument) document = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *stamp = NULL;

  if (g_rand_int_range (rand, 0, 4) != 0)
    return TRUE;

  if (g_str_equal (category, "hospitality"))
    template_id = "presenza-online-horeca";
  else if (g_str_equal (category, "retail"))
    template_id = "parere-piattaforma-ecommerce";
  else if (g_str_equal (category, "artisan"))
    template_id = "avvio-marketplace";
  else if (g_str_equal (category, "sme"))
    template_id = "gestionale-fatturazione";
  else if (g_str_equal (category, "startup"))
    template_id = "orientamento-bandi";

  document = sportello_document_new_from_template (db, sportello_client_get_uuid (client),
                                                   sportello_templates_find (template_id), NULL, error);
  if (document == NULL)
    return FALSE;

  uuid = random_uuid (rand);
  stamp = g_strdup (sportello_client_get (client, SPORTELLO_CLIENT_UPDATED_AT));
  sportello_document_set (document, SPORTELLO_DOCUMENT_UUID, uuid);
  sportello_document_set (document, SPORTELLO_DOCUMENT_CREATED_AT, stamp);
  sportello_document_set (document, SPORTELLO_DOCUMENT_ORIGIN_CONSULTANT,
                          sportello_client_get (client, SPORTELLO_CLIENT_OWNER_CONSULTANT));
  sportello_document_set (document, SPORTELLO_DOCUMENT_ORIGIN_HUB, sportello_client_get (client, SPORTELLO_CLIENT_OWNER_HUB));
  if (g_rand_int_range (rand, 0, 2) == 0)
    {
      g_autofree char *day = g_strndup (stamp, 10);

      sportello_document_set (document, SPORTELLO_DOCUMENT_STATUS, "sent");
      sportello_document_set (document, SPORTELLO_DOCUMENT_SENT_ON, day);
    }

  return sportello_document_save (document, db, error);
}

/**
 * sportello_demo_fill:
 *
 * Adds @n_clients fictitious clients, with their contacts, in one
 * transaction. The same @n_clients always gives the same data.
 */
gboolean
sportello_demo_fill (SportelloDatabase  *db,
                     guint               n_clients,
                     GError            **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_clients);
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);
  g_autoptr(sqlite3_stmt) contact_stmt = NULL;
  g_autoptr(sqlite3_stmt) meeting_stmt = NULL;
  g_autoptr(sqlite3_stmt) follow_up_stmt = NULL;
  g_autofree char *checklist_uuid = NULL;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  if (!sportello_database_begin (db, error))
    return FALSE;

  contact_stmt = _sportello_database_prepare (db,
    "INSERT INTO contacts (uuid, client_id, name, role, email, phone, is_primary, created_at, updated_at, "
    "origin_consultant, origin_hub) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)", error);
  if (contact_stmt == NULL)
    goto failed;

  meeting_stmt = _sportello_database_prepare (db,
    "INSERT INTO meetings (uuid, client_id, starts_at, duration_minutes, kind, topics, notes, created_at, updated_at, "
    "origin_consultant, origin_hub) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)", error);
  follow_up_stmt = _sportello_database_prepare (db,
    "INSERT INTO follow_ups (uuid, meeting_id, text, assignee, due_date, done_at, created_at, updated_at, "
    "origin_consultant, origin_hub) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9)", error);
  if (meeting_stmt == NULL || follow_up_stmt == NULL)
    goto failed;

  checklist_uuid = sportello_checklist_store (db, sportello_checklist_get_builtin (), error);
  if (checklist_uuid == NULL)
    goto failed;

  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr(SportelloClient) client = sportello_client_new ();
      const Place *place = &PICK (rand, places);
      const char *category = PICK (rand, category_ids);
      const char *legal_form = legal_form_for (rand, category);
      const char *surname = PICK (rand, surnames);
      const char *consultant = PICK (rand, first_names);
      g_autofree char *uuid = random_uuid (rand);
      g_autofree char *name = make_name (rand, category, legal_form, surname, place);
      g_autofree char *name_slug = slug (name);
      g_autofree char *domain = g_strdup_printf ("%s.it", name_slug);
      g_autofree char *vat = random_vat (rand, place);
      g_autofree char *street = g_strdup_printf ("Via %s %d", PICK (rand, surnames), g_rand_int_range (rand, 1, 120));
      g_autofree char *email = g_strdup_printf ("info@%s", domain);
      g_autofree char *pec = g_strdup_printf ("%s@pec.it", name_slug);
      g_autofree char *website = g_strdup_printf ("https://www.%s", domain);
      g_autofree char *phone = g_strdup_printf ("%s %06d", place->phone_prefix, g_rand_int_range (rand, 100000, 999999));
      g_autofree char *tags = NULL;
      g_autofree char *consultant_name = g_strdup_printf ("%s %s", consultant, PICK (rand, surnames));
      int age = g_rand_int_range (rand, 1, 900);
      g_autofree char *created = timestamp (base, age, g_rand_int_range (rand, 0, 36000));
      g_autofree char *updated = timestamp (base, g_rand_int_range (rand, 0, age), g_rand_int_range (rand, 0, 36000));
      g_autofree char *consent_date = NULL;

      if (g_rand_int_range (rand, 0, 3) > 0)
        tags = g_strdup_printf ("%s, %s", PICK (rand, tag_pool), PICK (rand, tag_pool));
      else
        tags = g_strdup (PICK (rand, tag_pool));

      sportello_client_set (client, SPORTELLO_CLIENT_UUID, uuid);
      sportello_client_set (client, SPORTELLO_CLIENT_NAME, name);
      sportello_client_set (client, SPORTELLO_CLIENT_LEGAL_FORM, legal_form);
      sportello_client_set (client, SPORTELLO_CLIENT_CATEGORY, category);
      sportello_client_set (client, SPORTELLO_CLIENT_ATECO_CODE, _sportello_grant_demo_ateco (category, i));
      if (!g_str_equal (category, "startup") || g_rand_int_range (rand, 0, 4) > 0)
        {
          sportello_client_set (client, SPORTELLO_CLIENT_VAT_NUMBER, vat);
          sportello_client_set (client, SPORTELLO_CLIENT_TAX_CODE, vat);
        }
      sportello_client_set (client, SPORTELLO_CLIENT_STREET, street);
      sportello_client_set (client, SPORTELLO_CLIENT_POSTAL_CODE, place->postal_code);
      sportello_client_set (client, SPORTELLO_CLIENT_MUNICIPALITY, place->name);
      sportello_client_set (client, SPORTELLO_CLIENT_PROVINCE, place->province);
      if (g_rand_boolean (rand))
        sportello_client_set (client, SPORTELLO_CLIENT_WEBSITE, website);
      sportello_client_set (client, SPORTELLO_CLIENT_EMAIL, email);
      if (!g_str_equal (legal_form, "other"))
        sportello_client_set (client, SPORTELLO_CLIENT_PEC, pec);
      sportello_client_set (client, SPORTELLO_CLIENT_SDI_CODE, g_rand_boolean (rand) ? "0000000" : "M5UXCR1");
      sportello_client_set (client, SPORTELLO_CLIENT_PHONE, phone);
      sportello_client_set (client, SPORTELLO_CLIENT_STATUS, PICK (rand, status_ids));
      sportello_client_set (client, SPORTELLO_CLIENT_TAGS, tags);
      sportello_client_set (client, SPORTELLO_CLIENT_SOURCE, PICK (rand, source_ids));
      if (g_rand_int_range (rand, 0, 5) > 0)
        {
          sportello_client_set_consent_given (client, TRUE);
          consent_date = g_strndup (created, 10);
          sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_DATE, consent_date);
          sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_BASIS, "consent");
        }
      sportello_client_set (client, SPORTELLO_CLIENT_NOTES, PICK (rand, note_pool));
      sportello_client_set (client, SPORTELLO_CLIENT_OWNER_HUB, place->hub);
      sportello_client_set (client, SPORTELLO_CLIENT_OWNER_CONSULTANT, consultant_name);
      sportello_client_set (client, SPORTELLO_CLIENT_ORIGIN_HUB, place->hub);
      sportello_client_set (client, SPORTELLO_CLIENT_ORIGIN_CONSULTANT, consultant_name);
      sportello_client_set (client, SPORTELLO_CLIENT_CREATED_AT, created);
      sportello_client_set (client, SPORTELLO_CLIENT_UPDATED_AT, strcmp (updated, created) > 0 ? updated : created);
      sportello_client_set_employees (client, g_str_equal (category, "sme") ? g_rand_int_range (rand, 10, 250)
                                                                            : g_rand_int_range (rand, 1, 10));

      if (!_sportello_client_write (client, db, FALSE, error) ||
          !add_contacts (db, contact_stmt, rand, client, surname, domain, error) ||
          !add_meetings (db, meeting_stmt, follow_up_stmt, rand, client, base, error) ||
          !add_assessments (db, rand, client, checklist_uuid, error) ||
          !add_documents (db, rand, client, error))
        goto failed;
    }

  /* grant calls, and applications for some of the clients */
  if (!_sportello_grant_demo_fill (db, n_clients, base, error))
    goto failed;

  if (sportello_database_commit (db, error))
    return TRUE;

failed:
  sportello_database_rollback (db);
  return FALSE;
}
