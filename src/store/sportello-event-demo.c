/* sportello-event-demo.c: fictitious events for the demo data
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Past and upcoming webinars and workshops, with registrations in every
 * status, most of them from the demo's contacts. Its own random sequence
 * (from the demo's N), so the rest of the demo data stays as it was.
 */

#define G_LOG_DOMAIN "sportello-demo"

#include "config.h"

#include "sportello-demo-private.h"
#include "sportello-event-private.h"

typedef struct
{
  const char *title;
  const char *kind;
  int         days;        /* from the demo's base date */
  int         hour;        /* UTC */
  int         duration;
  int         capacity;    /* 0: no limit */
  const char *place;
  const char *speakers;
  const char *topics;
  const char *hub;
  const char *signer;
  const char *description;
} DemoEvent;

static const DemoEvent demo_events[] = {
  { "Vendere online: primi passi con l’e-commerce", "webinar", -45, 15, 90, 40,
    "https://meet.example.it/polo-como/ecommerce", "Giulia Colombo (polo)\nAndrea Frigerio (consulente esterno)",
    "e-commerce, marketplace, pagamenti", "ComoNext – Lomazzo", "Giulia Colombo",
    "Come scegliere tra **marketplace** e negozio proprio, quanto costa partire e quali errori evitare.\n\n- piattaforme a confronto\n- pagamenti e resi\n- spedizioni" },
  { "Fatturazione elettronica e conservazione a norma", "webinar", -24, 9, 60, 0,
    "https://meet.example.it/polo-novara/fattura", "Luca Sala (polo)",
    "fatturazione elettronica, SdI, conservazione", "Polo di Novara", "Luca Sala",
    "Le regole del Sistema di Interscambio spiegate per chi ha appena aperto la partita IVA." },
  { "Laboratorio: la scheda dell’impresa su Google", "workshop", -9, 14, 180, 12,
    "Sala corsi del polo, Via Cavour 12, Novara", "Chiara Mauri (polo)",
    "visibilità locale, recensioni", "Polo di Novara", "Chiara Mauri",
    "Portate il portatile: in tre ore la scheda è pronta, con foto, orari e risposte alle recensioni." },
  { "Incontro informativo: bandi per la digitalizzazione 2027", "info_session", 30, 16, 90, 0,
    "Camera di commercio, Sala Giunta, Como", "Paolo Bernasconi (polo)\nDott.ssa Elena Rinaldi (Regione)",
    "bandi, voucher, contributi", "ComoNext – Lomazzo", "Paolo Bernasconi",
    "I bandi regionali e camerali in arrivo: chi può partecipare, quali spese, le scadenze." },
  { "Social media per le botteghe artigiane", "workshop", 44, 13, 120, 8,
    "Sala corsi del polo, Via Roma 3, Lomazzo", "Sara Molteni (polo)",
    "social media, fotografia di prodotto", "ComoNext – Lomazzo", "Sara Molteni",
    "Un pomeriggio pratico: un piano editoriale di un mese e foto di prodotto con lo smartphone." },
  { "Sicurezza informatica per le piccole imprese", "webinar", 58, 10, 60, 50,
    "https://meet.example.it/polo-ivrea/sicurezza", "Stefano Greco (consulente esterno)",
    "sicurezza informatica, backup, password", "Polo di Ivrea", "Davide Negri",
    "Backup, password e truffe via e-mail: le dieci abitudini che proteggono un’impresa." },
  { "Intelligenza artificiale in ufficio: istruzioni per l’uso", "other", 86, 15, 90, 30,
    "https://meet.example.it/polo-caserta/ia", "Gennaro Esposito (polo)",
    "intelligenza artificiale, produttività", "Polo di Caserta", "Gennaro Esposito",
    "Cosa fanno bene gli assistenti di scrittura, cosa no, e come proteggere i dati dei clienti." },
};

static const char * const new_first[] = { "Tommaso", "Irene", "Nicola", "Beatrice", "Filippo", "Greta", "Emanuele", "Alice" };
static const char * const new_last[] = { "Pellegrini", "Fumagalli", "Carbone", "Zanetti", "Sorrentino", "Piras", "Testa", "Donati" };
static const char * const new_firms[] = { "Forno Aurora", "Studio grafico Linea", "Agriturismo Le Rogge", "Ottica Visus",
                                          "Ciclofficina Ruota Libera", "Apicoltura Fiorita", "" };

typedef struct
{
  gint64  id;
  char   *name;
  char   *email;
  char   *firm;
} DemoContact;

static void
demo_contact_clear (gpointer data)
{
  DemoContact *c = data;

  g_free (c->name);
  g_free (c->email);
  g_free (c->firm);
}

static char *
at (GDateTime *base,
    int        days,
    int        hour,
    int        minutes)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (base, days);
  g_autoptr(GDateTime) t = g_date_time_new_utc (g_date_time_get_year (day), g_date_time_get_month (day),
                                                g_date_time_get_day_of_month (day), hour, 0, 0);
  g_autoptr(GDateTime) shifted = g_date_time_add_minutes (t, minutes);

  return g_date_time_format (shifted, "%Y-%m-%dT%H:%M:%S.000Z");
}

/* The status of the @i-th registration of an event */
static const char *
demo_status (GRand           *rand,
             const DemoEvent *event,
             guint            i,
             guint           *n_taken)
{
  int r = g_rand_int_range (rand, 0, 10);

  if (event->days < 0)
    return r < 7 ? "attended" : r < 9 ? "absent" : "cancelled";
  if (r == 0)
    return "cancelled";
  if (event->capacity > 0 && *n_taken >= (guint) event->capacity)
    return "waitlisted";
  (*n_taken)++;
  return "registered";
}

gboolean
_sportello_event_demo_fill (SportelloDatabase  *db,
                            guint               seed,
                            gint64              first_contact_id,
                            GError            **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 7919u + 16u);
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);
  g_autoptr(GArray) contacts = g_array_new (FALSE, TRUE, sizeof (DemoContact));
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) event_stmt = NULL;
  g_autoptr(sqlite3_stmt) registration_stmt = NULL;
  int rc;

  g_array_set_clear_func (contacts, demo_contact_clear);

  read = _sportello_database_prepare (db,
    "SELECT k.id, k.name, k.email, c.name FROM contacts k JOIN clients c ON c.id = k.client_id "
    "WHERE k.id > ? ORDER BY k.id", error);
  event_stmt = _sportello_database_prepare (db,
    "INSERT INTO events (uuid, title, kind, starts_at, duration_minutes, place, speakers, topics, capacity, "
    "description, hub, signer, created_at, updated_at, origin_consultant, origin_hub) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?12, ?11) RETURNING id", error);
  registration_stmt = _sportello_database_prepare (db,
    "INSERT INTO registrations (uuid, event_id, contact_id, name, email, firm, status, consent_given, "
    "consent_date, consent_basis, created_at, updated_at, origin_consultant, origin_hub) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13)", error);
  if (read == NULL || event_stmt == NULL || registration_stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (read, 1, first_contact_id);
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      DemoContact c = {
        sqlite3_column_int64 (read, 0),
        g_strdup ((const char *) sqlite3_column_text (read, 1)),
        g_strdup ((const char *) sqlite3_column_text (read, 2)),
        g_strdup ((const char *) sqlite3_column_text (read, 3)),
      };

      g_array_append_val (contacts, c);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  for (guint e = 0; e < G_N_ELEMENTS (demo_events); e++)
    {
      const DemoEvent *event = &demo_events[e];
      g_autofree char *uuid = _sportello_demo_uuid (rand);
      g_autofree char *starts_at = at (base, event->days, event->hour, 0);
      g_autofree char *created = at (base, MIN (event->days, 0) - 30, 8, 0);
      guint n_from_contacts = MIN (contacts->len, (guint) g_rand_int_range (rand, 8, 20));
      guint n_new = g_rand_int_range (rand, 1, 4);
      guint start = contacts->len > 0 ? (guint) g_rand_int_range (rand, 0, (int) contacts->len) : 0;
      guint stride = contacts->len > 1 ? 1 + (guint) g_rand_int_range (rand, 0, MAX ((int) contacts->len / MAX (n_from_contacts, 1), 1)) : 1;
      guint n_taken = 0;
      gint64 event_id;
      g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);

      sqlite3_reset (event_stmt);
      sqlite3_bind_text (event_stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (event_stmt, 2, event->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (event_stmt, 3, event->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (event_stmt, 4, starts_at, -1, SQLITE_STATIC);
      sqlite3_bind_int (event_stmt, 5, event->duration);
      sqlite3_bind_text (event_stmt, 6, event->place, -1, SQLITE_STATIC);
      sqlite3_bind_text (event_stmt, 7, event->speakers, -1, SQLITE_STATIC);
      sqlite3_bind_text (event_stmt, 8, event->topics, -1, SQLITE_STATIC);
      if (event->capacity > 0)
        sqlite3_bind_int (event_stmt, 9, event->capacity);
      else
        sqlite3_bind_null (event_stmt, 9);
      sqlite3_bind_text (event_stmt, 10, event->description, -1, SQLITE_STATIC);
      sqlite3_bind_text (event_stmt, 11, event->hub, -1, SQLITE_STATIC);
      sqlite3_bind_text (event_stmt, 12, event->signer, -1, SQLITE_STATIC);
      sqlite3_bind_text (event_stmt, 13, created, -1, SQLITE_STATIC);
      if (sqlite3_step (event_stmt) != SQLITE_ROW)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
      event_id = sqlite3_column_int64 (event_stmt, 0);
      sqlite3_reset (event_stmt);

      /* the workshop of 8 places is wanted by more people than that */
      if (event->capacity > 0 && event->capacity < 10)
        n_from_contacts = MIN (contacts->len, (guint) event->capacity + 4);

      for (guint i = 0; i < n_from_contacts + n_new; i++)
        {
          g_autofree char *reg_uuid = _sportello_demo_uuid (rand);
          g_autofree char *registered_at = at (base, MIN (event->days, 0) - 20, 8, (int) i * 37 + g_rand_int_range (rand, 0, 30));
          g_autofree char *name = NULL;
          g_autofree char *email = NULL;
          g_autofree char *consent_date = NULL;
          const char *firm;
          const char *status = demo_status (rand, event, i, &n_taken);
          gboolean consent = g_rand_int_range (rand, 0, 5) > 0;

          sqlite3_reset (registration_stmt);
          if (i < n_from_contacts)
            {
              guint index = (start + i * stride) % contacts->len;
              DemoContact *c = &g_array_index (contacts, DemoContact, index);

              /* a stride that comes round again: once is enough */
              if (!g_hash_table_add (used, GUINT_TO_POINTER (index + 1)))
                continue;
              sqlite3_bind_int64 (registration_stmt, 3, c->id);
              name = g_strdup (c->name);
              email = g_strdup (c->email);
              firm = c->firm;
            }
          else
            {
              const char *first = SPORTELLO_DEMO_PICK (rand, new_first);
              const char *last = SPORTELLO_DEMO_PICK (rand, new_last);
              g_autofree char *first_lower = g_ascii_strdown (first, -1);
              g_autofree char *last_lower = g_ascii_strdown (last, -1);

              sqlite3_bind_null (registration_stmt, 3);
              name = g_strdup_printf ("%s %s", first, last);
              email = g_strdup_printf ("%s.%s%u@example.it", first_lower, last_lower, e * 10 + i);
              firm = SPORTELLO_DEMO_PICK (rand, new_firms);
            }
          consent_date = g_strndup (registered_at, 10);

          sqlite3_bind_text (registration_stmt, 1, reg_uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (registration_stmt, 2, event_id);
          sqlite3_bind_text (registration_stmt, 4, name, -1, SQLITE_STATIC);
          sqlite3_bind_text (registration_stmt, 5, email, -1, SQLITE_STATIC);
          sqlite3_bind_text (registration_stmt, 6, firm, -1, SQLITE_STATIC);
          sqlite3_bind_text (registration_stmt, 7, status, -1, SQLITE_STATIC);
          sqlite3_bind_int (registration_stmt, 8, consent);
          sqlite3_bind_text (registration_stmt, 9, consent ? consent_date : "", -1, SQLITE_STATIC);
          sqlite3_bind_text (registration_stmt, 10, consent ? "consent" : "", -1, SQLITE_STATIC);
          sqlite3_bind_text (registration_stmt, 11, registered_at, -1, SQLITE_STATIC);
          sqlite3_bind_text (registration_stmt, 12, event->signer, -1, SQLITE_STATIC);
          sqlite3_bind_text (registration_stmt, 13, event->hub, -1, SQLITE_STATIC);
          if (sqlite3_step (registration_stmt) != SQLITE_DONE)
            {
              _sportello_database_set_error (db, error);
              return FALSE;
            }
        }
    }

  return TRUE;
}
