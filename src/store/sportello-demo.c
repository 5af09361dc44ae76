/* sportello-demo.c: realistic, fictitious data for trying the app
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every firm, person, hub and code here is invented (the municipalities,
 * postal codes, area codes and tax office codes are real, so that the
 * identifiers pass their checks). The same N always gives the same data,
 * identifiers and UUIDs included, so screenshots and benchmarks can be
 * repeated.
 */

#define G_LOG_DOMAIN "sportello-demo"

#include "config.h"

#include <string.h>

#include "sportello-assessment.h"
#include "sportello-demo-private.h"
#include "sportello-document.h"
#include "sportello-client-private.h"
#include "sportello-database-private.h"
#include "sportello-demo.h"
#include "sportello-event-private.h"
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
  { "Como", "22100", "CO", "031", "013", "Polo di Lomazzo" },
  { "Lomazzo", "22074", "CO", "02", "013", "Polo di Lomazzo" },
  { "Cantù", "22063", "CO", "031", "013", "Polo di Lomazzo" },
  { "Erba", "22036", "CO", "031", "013", "Polo di Lomazzo" },
  { "Mariano Comense", "22066", "CO", "031", "013", "Polo di Lomazzo" },
  { "Olgiate Comasco", "22077", "CO", "031", "013", "Polo di Lomazzo" },
  { "Menaggio", "22017", "CO", "0344", "013", "Polo di Lomazzo" },
  { "Appiano Gentile", "22070", "CO", "031", "013", "Polo di Lomazzo" },
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

/* the first names above that are women's; Andrea is a man's name in Italy */
static const char * const female_first_names[] = {
  "Giulia", "Francesca", "Chiara", "Sara", "Elena", "Laura", "Silvia",
  "Valentina", "Anna", "Martina", "Rosa", "Carmela", "Federica",
};

/* the roles of the people after the first, for a man and for a woman */
static const char * const roles_male[] = {
  "Responsabile amministrativo", "Responsabile vendite", "Commercialista",
  "Responsabile marketing", "Impiegato amministrativo",
};

static const char * const roles_female[] = {
  "Responsabile amministrativa", "Responsabile vendite", "Commercialista",
  "Responsabile marketing", "Impiegata amministrativa",
};

/* what follows “Bar”, “Trattoria”…: with the preposition Italians use */
static const char * const words[] = {
  "Centrale", "della Stazione", "della Posta", "del Duomo", "in Piazza", "del Sole", "Aurora",
  "del Giardino", "ai Portici", "del Corso", "Vittoria", "Volta", "del Castello", "del Borgo",
};

/* streets named as Italian streets are, after people, places and dates */
static const char * const streets[] = {
  "Via Roma", "Via Giuseppe Garibaldi", "Corso Vittorio Emanuele II", "Via XX Settembre",
  "Piazza Cavour", "Via Alessandro Volta", "Via Giuseppe Mazzini", "Via Dante Alighieri",
  "Via Giacomo Matteotti", "Viale della Repubblica", "Via IV Novembre", "Via Guglielmo Marconi",
};

static const char * const tag_pool[] = {
  "e-commerce", "bandi", "marketplace", "social", "fatturazione elettronica",
  "sicurezza", "sito web", "formazione", "export", "PNRR", "transizione 5.0",
  "pagamenti digitali",
};

static const char * const note_pool[] = {
  "Vuole aprire un negozio online entro la primavera.",
  "Interessati al bando regionale per la digitalizzazione delle microimprese.",
  "Chiedono un parere sul gestionale di magazzino e sulla fatturazione elettronica.",
  "Da ricontattare dopo le feste per valutare il preventivo ricevuto per il sito.",
  "Vendono già su un marketplace, vogliono un canale proprio.",
  "Hanno subito un tentativo di phishing: parlare di sicurezza di base.",
  "Il figlio del titolare segue i social; manca una strategia.",
  "Valutano i pagamenti digitali in negozio e le prenotazioni online.",
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
  "L'impresa vende solo in sede. {client} vuole provare la vendita online prima dell'estate.\n\n"
  "## Cosa abbiamo visto\n"
  "- Sito vetrina fermo al 2019, senza HTTPS\n"
  "- Catalogo di circa 300 articoli, foto da rifare\n"
  "- Nessun gestionale: il magazzino è su un foglio di calcolo\n\n"
  "## Prossimi passi\n"
  "- Confronto tra Shopify, WooCommerce e un marketplace\n"
  "- Stima dei costi di spedizione\n",

  "## Bando\n"
  "Interesse per il bando regionale per la digitalizzazione delle microimprese.\n\n"
  "- Spese ammissibili: software, consulenza, formazione\n"
  "- Contributo a fondo perduto fino al 50%\n"
  "- Servono il DURC regolare e la visura aggiornata\n\n"
  "**Scadenza** da verificare sul sito della Regione.\n",

  "## Fatturazione elettronica e gestionale\n"
  "{client} usa ancora il programma del commercialista per le fatture.\n"
  "Chiede un parere su un gestionale con magazzino e cassa collegata.\n\n"
  "- Valutare due o tre prodotti in cloud\n"
  "- Attenzione all'esportazione dei dati se si cambia fornitore\n",

  "## Sicurezza di base\n"
  "Un tentativo di phishing a nome del corriere la settimana scorsa.\n\n"
  "- Password uguali su tutti gli account\n"
  "- Backup solo su una chiavetta\n"
  "- Nessuna autenticazione a due fattori sulla posta\n\n"
  "Consigliati un gestore di password e un backup automatico.\n",

  "## Social e prenotazioni\n"
  "L'impresa ha una pagina social seguita ma nessun sistema di prenotazione online.\n"
  "Valutiamo le prenotazioni online e i pagamenti digitali.\n",
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
  { "Preparare il documento di consulenza sul gestionale", "consultant" },
  { "Attivare l'autenticazione a due fattori sulla posta", "client" },
};

char *
_sportello_demo_uuid (GRand *rand)
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
  static const char * const startup_a[] = { "Lario", "Seta", "Verde", "Agri", "Data", "Robo", "Nova", "Filo", "Bio", "Geo", "Tela" };
  static const char * const startup_b[] = { "tech", "lab", "wise", "hub", "works", "bit", "mind", "sense" };
  g_autofree char *base = NULL;
  const char *suffix = "";

  if (g_str_equal (category, "artisan"))
    base = g_strdup_printf ("%s %s", SPORTELLO_DEMO_PICK (rand, artisan), surname);
  else if (g_str_equal (category, "hospitality"))
    base = g_strdup_printf ("%s %s", SPORTELLO_DEMO_PICK (rand, hospitality), SPORTELLO_DEMO_PICK (rand, words));
  else if (g_str_equal (category, "retail"))
    base = g_strdup_printf ("%s %s", SPORTELLO_DEMO_PICK (rand, retail), surname);
  else if (g_str_equal (category, "sme"))
    base = g_strdup_printf ("%s %s", surname, SPORTELLO_DEMO_PICK (rand, sme));
  else if (g_str_equal (category, "startup"))
    base = g_strdup_printf ("%s%s", SPORTELLO_DEMO_PICK (rand, startup_a), SPORTELLO_DEMO_PICK (rand, startup_b));
  else if (g_str_equal (category, "professional"))
    base = g_strdup_printf ("Studio %s", surname);
  else
    {
      /* one draw, as for the other names, so the data after it stays the same */
      guint pick = g_rand_int_range (rand, 0, 3 * G_N_ELEMENTS (words));

      if (pick % 3 == 0)
        base = g_strdup_printf ("Pro Loco di %s", place->name);
      else if (pick % 3 == 1)
        base = g_strdup_printf ("Associazione commercianti del centro di %s", place->name);
      else
        base = g_strdup_printf ("Associazione culturale %s di %s", words[pick / 3], place->name);
    }

  if (g_str_equal (legal_form, "snc"))
    suffix = " S.n.c.";
  else if (g_str_equal (legal_form, "sas"))
    suffix = " S.a.s.";
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
    return SPORTELLO_DEMO_PICK (rand, company);
  if (g_str_equal (category, "professional"))
    return "other";
  if (g_str_equal (category, "other"))
    return "other";

  return SPORTELLO_DEMO_PICK (rand, small);
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
is_female (const char *first_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (female_first_names); i++)
    if (g_str_equal (first_name, female_first_names[i]))
      return TRUE;
  return FALSE;
}

/* The letters of a name for a codice fiscale: consonants, then vowels, then X */
static void
tax_code_letters (GString    *out,
                  const char *name,
                  gboolean    first_name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *consonants = g_string_new (NULL);
  GString *vowels = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      char c = g_ascii_toupper (*p);

      if (!g_ascii_isalpha (c))
        continue;
      if (strchr ("AEIOU", c) != NULL)
        g_string_append_c (vowels, c);
      else
        g_string_append_c (consonants, c);
    }

  /* a first name with four consonants or more skips the second */
  if (first_name && consonants->len >= 4)
    g_string_erase (consonants, 1, 1);
  g_string_append_len (consonants, vowels->str, vowels->len);
  g_string_append (consonants, "XXX");
  g_string_append_len (out, consonants->str, 3);

  g_string_free (consonants, TRUE);
  g_string_free (vowels, TRUE);
}

/* A person's 16-character codice fiscale, check character included, for
 * the owner of a ditta individuale or of a professional's studio: their
 * tax code is the owner's own, not the numeric one of a company */
static char *
personal_tax_code (const char *surname,
                   const char *first_name,
                   gboolean    female,
                   GRand      *rand)
{
  /* odd positions (1st, 3rd, …) of the check: digits, then A–Z */
  static const guint odd_digits[] = { 1, 0, 5, 7, 9, 13, 15, 17, 19, 21 };
  static const guint odd_letters[] = { 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23 };
  /* Como, Milano, Novara, Torino, Napoli, Caserta */
  static const char * const birthplaces[] = { "C933", "F205", "F952", "L219", "F839", "B963" };
  GString *code = g_string_new (NULL);
  guint sum = 0;

  tax_code_letters (code, surname, FALSE);
  tax_code_letters (code, first_name, TRUE);
  g_string_append_printf (code, "%02d%c%02d%s",
                          g_rand_int_range (rand, 55, 100),
                          "ABCDEHLMPRST"[g_rand_int_range (rand, 0, 12)],
                          g_rand_int_range (rand, 1, 29) + (female ? 40 : 0),
                          SPORTELLO_DEMO_PICK (rand, birthplaces));

  for (guint i = 0; i < 15; i++)
    {
      char c = code->str[i];

      if (i % 2 == 0)
        sum += g_ascii_isdigit (c) ? odd_digits[c - '0'] : odd_letters[c - 'A'];
      else
        sum += g_ascii_isdigit (c) ? (guint) (c - '0') : (guint) (c - 'A');
    }
  g_string_append_c (code, 'A' + sum % 26);

  return g_string_free (code, FALSE);
}

/* The role of the firm's first person, from the legal form, the category
 * and the person's gender: a ditta individuale has a titolare, an S.r.l.
 * an amministratore unico, an association a presidente */
static const char *
first_role (SportelloClient *client,
            gboolean         female)
{
  const char *form = sportello_client_get (client, SPORTELLO_CLIENT_LEGAL_FORM);
  const char *category = sportello_client_get (client, SPORTELLO_CLIENT_CATEGORY);

  if (g_str_equal (form, "snc"))
    return female ? "Socia" : "Socio";
  if (g_str_equal (form, "sas"))
    return female ? "Socia accomandataria" : "Socio accomandatario";
  if (g_str_equal (form, "srl") || g_str_equal (form, "srls"))
    return female ? "Amministratrice unica" : "Amministratore unico";
  if (g_str_equal (form, "spa"))
    return "Legale rappresentante";
  if (g_str_equal (form, "coop") || g_str_equal (category, "other"))
    return "Presidente";
  if (g_str_equal (category, "professional"))
    return "Titolare dello studio";
  return "Titolare";
}

static gboolean
add_contacts (SportelloDatabase  *db,
              sqlite3_stmt       *stmt,
              GRand              *rand,
              SportelloClient    *client,
              const char         *surname,
              const char         *owner_first_name,
              const char         *domain,
              GError            **error)
{
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      /* drawn even when the owner is known, so the data after it stays the same */
      const char *picked = SPORTELLO_DEMO_PICK (rand, first_names);
      const char *first = i == 0 && owner_first_name != NULL ? owner_first_name : picked;
      const char *last = i == 0 ? surname : SPORTELLO_DEMO_PICK (rand, surnames);
      g_autofree char *uuid = _sportello_demo_uuid (rand);
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
      sqlite3_bind_text (stmt, 4, i == 0 ? first_role (client, is_female (first))
                                         : is_female (first) ? SPORTELLO_DEMO_PICK (rand, roles_female) : SPORTELLO_DEMO_PICK (rand, roles_male),
                         -1, SQLITE_STATIC);
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
      g_autofree char *uuid = _sportello_demo_uuid (rand);
      int days_back = g_rand_int_range (rand, 0, 400);
      g_autoptr(GDateTime) day = g_date_time_add_days (base, -days_back);
      g_autoptr(GDateTime) start = g_date_time_add_hours (day, g_rand_int_range (rand, 0, 8));
      g_autofree char *starts_at = g_date_time_format (start, "%Y-%m-%dT%H:%M:00Z");
      g_autoptr(GString) notes = g_string_new (SPORTELLO_DEMO_PICK (rand, meeting_notes));
      gint64 meeting_id;
      guint n_follow_ups;

      sqlite3_reset (meeting_stmt);
      sqlite3_bind_text (meeting_stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (meeting_stmt, 2, sportello_client_get_id (client));
      sqlite3_bind_text (meeting_stmt, 3, starts_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (meeting_stmt, 4, 30 * g_rand_int_range (rand, 1, 5));
      sqlite3_bind_text (meeting_stmt, 5, SPORTELLO_DEMO_PICK (rand, meeting_kinds), -1, SQLITE_STATIC);
      sqlite3_bind_text (meeting_stmt, 6, SPORTELLO_DEMO_PICK (rand, tag_pool), -1, SQLITE_STATIC);
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
          g_autofree char *fu_uuid = _sportello_demo_uuid (rand);
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
      g_autofree char *uuid = _sportello_demo_uuid (rand);
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

  uuid = _sportello_demo_uuid (rand);
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
  gint64 first_contact_id = 0;

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

  /* events: from the contacts made here on */
  {
    g_autoptr(sqlite3_stmt) last = _sportello_database_prepare (db, "SELECT coalesce (max (id), 0) FROM contacts", error);

    if (last == NULL || sqlite3_step (last) != SQLITE_ROW)
      goto failed;
    first_contact_id = sqlite3_column_int64 (last, 0);
  }

  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr(SportelloClient) client = sportello_client_new ();
      const Place *place = &SPORTELLO_DEMO_PICK (rand, places);
      const char *category = SPORTELLO_DEMO_PICK (rand, category_ids);
      const char *legal_form = legal_form_for (rand, category);
      const char *surname = SPORTELLO_DEMO_PICK (rand, surnames);
      const char *consultant = SPORTELLO_DEMO_PICK (rand, first_names);
      g_autofree char *uuid = _sportello_demo_uuid (rand);
      g_autofree char *name = make_name (rand, category, legal_form, surname, place);
      g_autofree char *name_slug = slug (name);
      g_autofree char *domain = g_strdup_printf ("%s.it", name_slug);
      g_autofree char *vat = random_vat (rand, place);
      g_autofree char *street = g_strdup_printf ("%s %d", SPORTELLO_DEMO_PICK (rand, streets), g_rand_int_range (rand, 1, 120));
      g_autofree char *email = g_strdup_printf ("info@%s", domain);
      g_autofree char *pec = g_strdup_printf ("%s@pec.it", name_slug);
      g_autofree char *website = g_strdup_printf ("https://www.%s", domain);
      /* 02 has 8 digits after it, 011 and 081 have 7, the smaller districts 6 */
      int subscriber_digits = strlen (place->phone_prefix) == 2 ? 8
                              : g_str_equal (place->phone_prefix, "011") || g_str_equal (place->phone_prefix, "081") ? 7 : 6;
      g_autofree char *phone = g_strdup_printf ("%s %0*d", place->phone_prefix, subscriber_digits,
                                                g_rand_int_range (rand, subscriber_digits == 8 ? 20000000 : subscriber_digits == 7 ? 2000000 : 200000,
                                                                  subscriber_digits == 8 ? 99999999 : subscriber_digits == 7 ? 9999999 : 999999));
      g_autofree char *tags = NULL;
      g_autofree char *consultant_name = g_strdup_printf ("%s %s", consultant, SPORTELLO_DEMO_PICK (rand, surnames));
      int age = g_rand_int_range (rand, 1, 900);
      g_autofree char *created = timestamp (base, age, g_rand_int_range (rand, 0, 36000));
      g_autofree char *updated = timestamp (base, g_rand_int_range (rand, 0, age), g_rand_int_range (rand, 0, 36000));
      g_autofree char *consent_date = NULL;
      /* the owner of a ditta individuale or of a studio, from a stream of its own */
      g_autoptr(GRand) person = g_rand_new_with_seed (g_str_hash (uuid));
      gboolean personal = g_str_equal (legal_form, "di") || g_str_equal (category, "professional");
      const char *owner_first_name = personal ? SPORTELLO_DEMO_PICK (person, first_names) : NULL;
      g_autofree char *owner_tax_code = personal ? personal_tax_code (surname, owner_first_name,
                                                                      is_female (owner_first_name), person)
                                                 : NULL;

      if (g_rand_int_range (rand, 0, 3) > 0)
        {
          /* two different tags */
          guint a = g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_pool));
          guint b = (a + g_rand_int_range (rand, 1, G_N_ELEMENTS (tag_pool))) % G_N_ELEMENTS (tag_pool);

          tags = g_strdup_printf ("%s, %s", tag_pool[a], tag_pool[b]);
        }
      else
        tags = g_strdup (SPORTELLO_DEMO_PICK (rand, tag_pool));

      sportello_client_set (client, SPORTELLO_CLIENT_UUID, uuid);
      sportello_client_set (client, SPORTELLO_CLIENT_NAME, name);
      sportello_client_set (client, SPORTELLO_CLIENT_LEGAL_FORM, legal_form);
      sportello_client_set (client, SPORTELLO_CLIENT_CATEGORY, category);
      sportello_client_set (client, SPORTELLO_CLIENT_ATECO_CODE, _sportello_grant_demo_ateco (category, i));
      if (!g_str_equal (category, "startup") || g_rand_int_range (rand, 0, 4) > 0)
        {
          sportello_client_set (client, SPORTELLO_CLIENT_VAT_NUMBER, vat);
          sportello_client_set (client, SPORTELLO_CLIENT_TAX_CODE, personal ? owner_tax_code : vat);
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
      sportello_client_set (client, SPORTELLO_CLIENT_SDI_CODE, g_rand_boolean (rand) ? "0000000" : "D3MO7QX");
      sportello_client_set (client, SPORTELLO_CLIENT_PHONE, phone);
      sportello_client_set (client, SPORTELLO_CLIENT_STATUS, SPORTELLO_DEMO_PICK (rand, status_ids));
      sportello_client_set (client, SPORTELLO_CLIENT_TAGS, tags);
      sportello_client_set (client, SPORTELLO_CLIENT_SOURCE, SPORTELLO_DEMO_PICK (rand, source_ids));
      if (g_rand_int_range (rand, 0, 5) > 0)
        {
          sportello_client_set_consent_given (client, TRUE);
          consent_date = g_strndup (created, 10);
          sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_DATE, consent_date);
          sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_BASIS, "consent");
        }
      sportello_client_set (client, SPORTELLO_CLIENT_NOTES, SPORTELLO_DEMO_PICK (rand, note_pool));
      sportello_client_set (client, SPORTELLO_CLIENT_OWNER_HUB, place->hub);
      sportello_client_set (client, SPORTELLO_CLIENT_OWNER_CONSULTANT, consultant_name);
      sportello_client_set (client, SPORTELLO_CLIENT_ORIGIN_HUB, place->hub);
      sportello_client_set (client, SPORTELLO_CLIENT_ORIGIN_CONSULTANT, consultant_name);
      sportello_client_set (client, SPORTELLO_CLIENT_CREATED_AT, created);
      sportello_client_set (client, SPORTELLO_CLIENT_UPDATED_AT, strcmp (updated, created) > 0 ? updated : created);
      sportello_client_set_employees (client, g_str_equal (category, "sme") ? g_rand_int_range (rand, 10, 250)
                                                                            : g_rand_int_range (rand, 1, 10));

      if (!_sportello_client_write (client, db, FALSE, error) ||
          !add_contacts (db, contact_stmt, rand, client, surname, owner_first_name, domain, error) ||
          !add_meetings (db, meeting_stmt, follow_up_stmt, rand, client, base, error) ||
          !add_assessments (db, rand, client, checklist_uuid, error) ||
          !add_documents (db, rand, client, error))
        goto failed;
    }

  if (!_sportello_event_demo_fill (db, n_clients, first_contact_id, error))
    goto failed;

  /* grant calls, and applications for some of the clients */
  if (!_sportello_grant_demo_fill (db, n_clients, base, error))
    goto failed;

  if (sportello_database_commit (db, error))
    return TRUE;

failed:
  sportello_database_rollback (db);
  return FALSE;
}
