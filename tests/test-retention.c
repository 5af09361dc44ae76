/* test-retention.c: clients past retention, kept, erased and anonymised
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sportello-assessment.h"
#include "sportello-bundle.h"
#include "sportello-checklist.h"
#include "sportello-client.h"
#include "sportello-contact.h"
#include "sportello-event.h"
#include "sportello-registration.h"
#include "sportello-database-private.h"
#include "sportello-demo.h"
#include "sportello-document.h"
#include "sportello-follow-up.h"
#include "sportello-meeting.h"
#include "sportello-retention.h"
#include "sportello-template.h"
#include "sportello-user-template.h"

#include "store-test-util.h"

static SportelloDatabase *
open_db (const char *name)
{
  return store_test_open_db (name, "Luca Sala", "Polo di Novara");
}

/* Moves the client's own last change, and its records', to @when */
static void
age (SportelloDatabase *db,
     SportelloClient   *client,
     const char        *when)
{
  g_autofree char *sql = g_strdup_printf (
    "UPDATE clients SET updated_at = '%1$s' WHERE uuid = '%2$s';"
    "UPDATE contacts SET updated_at = '%1$s' WHERE client_id = (SELECT id FROM clients WHERE uuid = '%2$s');"
    "UPDATE meetings SET updated_at = '%1$s', starts_at = '%1$s' WHERE client_id = (SELECT id FROM clients WHERE uuid = '%2$s');"
    "UPDATE follow_ups SET updated_at = '%1$s' WHERE meeting_id IN (SELECT m.id FROM meetings m JOIN clients c ON c.id = m.client_id WHERE c.uuid = '%2$s');",
    when, sportello_client_get_uuid (client));

  store_test_exec (db, sql);
}

static SportelloMeeting *
new_meeting (SportelloDatabase *db,
             SportelloClient   *client,
             const char        *kind,
             int                minutes,
             const char        *notes)
{
  SportelloMeeting *meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  g_autoptr(GError) error = NULL;

  sportello_meeting_set (meeting, SPORTELLO_MEETING_KIND, kind);
  sportello_meeting_set_duration (meeting, minutes);
  sportello_meeting_set (meeting, SPORTELLO_MEETING_NOTES, notes);
  g_assert_true (sportello_meeting_save (meeting, db, &error));
  g_assert_no_error (error);
  return meeting;
}

static GStrv
listed (SportelloDatabase *db,
        guint              years,
        const char        *now_iso)
{
  g_autoptr(GDateTime) now = store_test_utc (now_iso);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = sportello_retention_list (db, years, now, 0, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  guint count = G_MAXUINT;

  g_assert_no_error (error);
  for (guint i = 0; i < candidates->len; i++)
    g_strv_builder_add (names, ((SportelloRetentionCandidate *) g_ptr_array_index (candidates, i))->name);

  g_assert_true (sportello_retention_count (db, years, now, &count, &error));
  g_assert_cmpuint (count, ==, candidates->len);

  return g_strv_builder_end (names);
}

static void
assert_listed (SportelloDatabase *db,
               guint              years,
               const char        *now,
               const char * const *expected)
{
  g_auto(GStrv) names = listed (db, years, now);
  g_autofree char *got = g_strjoinv (", ", names);
  g_autofree char *want = g_strjoinv (", ", (GStrv) expected);

  g_assert_cmpstr (got, ==, want);
}

#define NOW "2026-12-01T10:00:00Z"

static void
test_list (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("retention-list");
  g_autoptr(SportelloClient) old = store_test_new_client (db, "Antica Bottega");
  g_autoptr(SportelloClient) older = store_test_new_client (db, "Vecchia Ferramenta");
  g_autoptr(SportelloClient) recent = store_test_new_client (db, "Bar Recente");
  g_autoptr(SportelloClient) met = store_test_new_client (db, "Incontrata di recente");
  g_autoptr(SportelloClient) contact_changed = store_test_new_client (db, "Contatto aggiornato");
  g_autoptr(SportelloClient) follow_up_done = store_test_new_client (db, "Attività svolta");
  g_autoptr(SportelloClient) trashed = store_test_new_client (db, "Nel cestino");
  g_autoptr(SportelloMeeting) meeting = NULL;
  g_autoptr(SportelloMeeting) old_meeting = NULL;
  g_autoptr(SportelloContact) contact = sportello_contact_new (sportello_client_get_uuid (contact_changed));
  g_autoptr(SportelloFollowUp) follow_up = NULL;
  g_autoptr(GDateTime) now = store_test_utc (NOW);
  g_autoptr(GError) error = NULL;
  guint count;

  /* every client quiet for years… */
  meeting = new_meeting (db, met, "desk", 60, "");
  old_meeting = new_meeting (db, follow_up_done, "desk", 60, "");
  follow_up = sportello_follow_up_new (sportello_meeting_get (old_meeting, SPORTELLO_MEETING_UUID), "Richiamare");
  g_assert_true (sportello_follow_up_save (follow_up, db, &error));
  sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, "Anna Neri");
  g_assert_true (sportello_contact_save (contact, db, &error));
  g_assert_no_error (error);
  age (db, old, "2020-01-10T09:00:00Z");
  age (db, older, "2018-03-01T09:00:00Z");
  age (db, recent, "2026-06-01T09:00:00Z");
  age (db, met, "2019-01-01T09:00:00Z");
  age (db, contact_changed, "2019-01-01T09:00:00Z");
  age (db, follow_up_done, "2019-01-01T09:00:00Z");
  age (db, trashed, "2019-01-01T09:00:00Z");
  g_assert_true (sportello_client_trash (db, sportello_client_get_uuid (trashed), &error));

  /* …but some of them have something recent: a meeting, planned or held,
   * a changed contact, a follow-up marked done */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE meetings SET starts_at = '2026-11-20T09:00:00Z' WHERE uuid = '%s'",
                                            sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
    store_test_exec (db, sql);
  }
  store_test_exec (db, "UPDATE contacts SET updated_at = '2026-10-01T09:00:00Z'");
  store_test_exec (db, "UPDATE follow_ups SET updated_at = '2026-09-01T09:00:00Z', done_at = '2026-09-01T09:00:00Z'");

  /* “never”, the default, lists nobody */
  g_assert_cmpuint (g_strv_length (listed (db, SPORTELLO_RETENTION_NEVER, NOW)), ==, 0);
  g_assert_true (sportello_retention_count (db, 0, now, &count, &error));
  g_assert_cmpuint (count, ==, 0);
  g_assert_null (sportello_retention_cutoff (0, now));

  /* two years: the quiet ones, the longest quiet first */
  assert_listed (db, 2, NOW, (const char *[]) { "Vecchia Ferramenta", "Antica Bottega", NULL });
  assert_listed (db, 7, NOW, (const char *[]) { "Vecchia Ferramenta", NULL });
  assert_listed (db, 10, NOW, (const char *[]) { NULL });
  {
    g_autoptr(GPtrArray) first = sportello_retention_list (db, 2, now, 1, &error);
    SportelloRetentionCandidate *c;

    g_assert_cmpuint (first->len, ==, 1);
    c = g_ptr_array_index (first, 0);
    g_assert_cmpstr (c->uuid, ==, sportello_client_get_uuid (older));
    g_assert_cmpstr (c->last_activity, ==, "2018-03-01T09:00:00Z");
    g_assert_null (c->kept_at);
  }

  /* kept: not listed again until another period has passed */
  g_assert_true (sportello_retention_keep (db, sportello_client_get_uuid (old), now, &error));
  g_assert_no_error (error);
  assert_listed (db, 2, NOW, (const char *[]) { "Vecchia Ferramenta", NULL });
  assert_listed (db, 2, "2027-05-01T10:00:00Z", (const char *[]) { "Vecchia Ferramenta", NULL });
  assert_listed (db, 2, "2028-12-02T10:00:00Z",
                 (const char *[]) { "Vecchia Ferramenta", "Contatto aggiornato", "Attività svolta", "Bar Recente",
                                    "Incontrata di recente", "Antica Bottega", NULL });
  /* the decision is the review's, not a change: the file is as it was */
  {
    g_autoptr(SportelloClient) loaded = sportello_client_load (db, sportello_client_get_uuid (old), &error);
    g_assert_cmpstr (sportello_client_get (loaded, SPORTELLO_CLIENT_UPDATED_AT), ==, "2020-01-10T09:00:00Z");
  }

  /* a change to the client is activity */
  sportello_client_set (older, SPORTELLO_CLIENT_NOTES, "Ripassato");
  g_assert_true (sportello_client_save (older, db, &error));
  assert_listed (db, 2, NOW, (const char *[]) { NULL });

  g_assert_false (sportello_retention_keep (db, "00000000-0000-4000-8000-000000000000", now, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
}

/* The SQL text of every statement the connection runs */
static int
trace_cb (unsigned int  type,
          void         *data,
          void         *p,
          void         *x)
{
  g_ptr_array_add (data, g_strdup (sqlite3_sql (p)));
  return 0;
}

static void
assert_uses_activity_index (SportelloDatabase *db,
                            const char        *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  stmt = _sportello_database_prepare (db, explain, &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));

  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "USING INDEX clients_by_activity"));
  g_assert_null (strstr (plan->str, "SCAN c"));
}

static void
test_many (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("retention-many");
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = store_test_utc (NOW);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  guint count = 0;
  gint64 start;

  /* 50,000 clients, one in ten quiet for three years */
  store_test_exec (db, "BEGIN;"
               "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) "
               "INSERT INTO clients (uuid, name, municipality, created_at, updated_at) "
               "SELECT printf ('%08d-0000-4000-8000-000000000000', i), 'Impresa ' || i, 'Como', "
               "       '2020-01-01T00:00:00Z', "
               "       CASE WHEN i % 10 = 0 THEN '2023-06-01T00:00:00Z' ELSE '2026-06-01T00:00:00Z' END FROM n;"
               "INSERT INTO meetings (uuid, client_id, starts_at, created_at, updated_at) "
               "SELECT 'm' || id, id, '2023-05-01T00:00:00Z', '2023-05-01T00:00:00Z', "
               "       CASE WHEN id % 20 = 0 THEN '2026-01-01T00:00:00Z' ELSE '2023-05-01T00:00:00Z' END "
               "FROM clients WHERE id % 10 = 0;"
               "COMMIT;"
               "ANALYZE;");

  sqlite3_trace_v2 (_sportello_database_get_handle (db), SQLITE_TRACE_STMT, trace_cb, statements);

  start = g_get_monotonic_time ();
  g_assert_true (sportello_retention_count (db, 2, now, &count, &error));
  g_test_message ("count of 50,000 clients: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  /* one in ten quiet, half of those with a meeting changed this year */
  g_assert_cmpuint (count, ==, 2500);

  start = g_get_monotonic_time ();
  candidates = sportello_retention_list (db, 2, now, 200, &error);
  g_test_message ("first 200 of 50,000 clients: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (candidates->len, ==, 200);

  sqlite3_trace_v2 (_sportello_database_get_handle (db), 0, NULL, NULL);
  g_assert_cmpuint (statements->len, ==, 2);
  for (guint i = 0; i < statements->len; i++)
    assert_uses_activity_index (db, g_ptr_array_index (statements, i));

  /* what one decision costs at this size: the full-text indexes are
   * merged each time */
  start = g_get_monotonic_time ();
  g_assert_true (sportello_retention_anonymise (db, "00000010-0000-4000-8000-000000000000", &error));
  g_test_message ("anonymise one of 50,000 clients: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  g_assert_true (sportello_retention_erase (db, "00000030-0000-4000-8000-000000000000", &error));
  g_test_message ("erase one of 50,000 clients: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (error);
  g_assert_true (sportello_retention_count (db, 2, now, &count, &error));
  g_assert_cmpuint (count, ==, 2498);
}

/* ------------------------------------------------ anonymisation ---- */

/* Every personal value of the client, each one a string found nowhere else */
static const char * const personal[] = {
  "Vexquarz Ombrelloni", "00743110157", "02901750121", "47.91.10", "Via Jolvintrasse 12",
  "Quorvazzano", "https://www.zelbrunix.example", "amministrazione@krovatelli.example",
  "krovatelli@pec-xyvrant.example", "KJX7W2Q", "+39 031 8842719", "bravoquisk", "tagzumbrella",
  "zolfatricino", "Pervinca Trussardolo", "Ermenegilda Frascatoni", "ermenegilda@frascatoni.example",
  "+39 333 7719402", "gruvvonesca", "Brontolquez", "plumbifera", "Ottavio Sgranellini", "quadrifolk",
  "zampirlotti", "trombazzina", "cliente-vexquarz",
};

/* …and the words of them a full-text index keeps: lower-case, and the end
 * of each, as a term follows its neighbour's shared first letters (seven
 * letters: fewer are found in ordinary words, “anonimizzano”) */
static const char * const words[] = {
  "vexquarz", "ombrelloni", "jolvintrasse", "quorvazzano", "zelbrunix", "krovatelli", "xyvrant",
  "kjx7w2q", "8842719", "bravoquisk", "tagzumbrella", "zolfatricino", "pervinca", "trussardolo",
  "ermenegilda", "frascatoni", "7719402", "gruvvonesca", "brontolquez", "plumbifera", "sgranellini",
  "quadrifolk", "zampirlotti", "trombazzina",
};

static char *
read_or_empty (const char *path,
               gsize      *length)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, NULL))
    {
      *length = 0;
      return g_strdup ("");
    }
  return contents;
}

static gboolean
contains (const char *haystack,
          gsize       length,
          const char *needle)
{
  return memmem (haystack, length, needle, strlen (needle)) != NULL;
}

/* Which of the personal values or words the database's files hold, raw */
static char *
traces_in_files (const char *db_path)
{
  g_autoptr(GString) found = g_string_new (NULL);
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint f = 0; f < G_N_ELEMENTS (suffixes); f++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[f], NULL);
      gsize length;
      g_autofree char *bytes = read_or_empty (path, &length);

      for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
        {
          g_autofree char *lower = g_utf8_strdown (personal[i], -1);

          if (contains (bytes, length, personal[i]) || contains (bytes, length, lower))
            g_string_append_printf (found, "“%s” in sportello.db%s\n", personal[i], suffixes[f]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        {
          const char *tail = words[i] + strlen (words[i]) - MIN (7, strlen (words[i]));

          if (contains (bytes, length, words[i]) || contains (bytes, length, tail))
            g_string_append_printf (found, "“%s” (or “%s”) in sportello.db%s\n", words[i], tail, suffixes[f]);
        }
    }

  return g_string_free (g_steal_pointer (&found), FALSE);
}

static char *
traces_in_file (const char *path)
{
  g_autoptr(GString) found = g_string_new (NULL);
  gsize length;
  g_autofree char *bytes = read_or_empty (path, &length);

  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    if (contains (bytes, length, personal[i]))
      g_string_append_printf (found, "“%s”\n", personal[i]);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (contains (bytes, length, words[i]))
      g_string_append_printf (found, "“%s”\n", words[i]);

  return g_string_free (g_steal_pointer (&found), FALSE);
}

typedef struct
{
  SportelloClient  *client;
  char             *meeting_uuids[2];
  char             *bundle;   /* the client exported, with its default name */
} Personal;

static void
personal_clear (Personal *p)
{
  g_clear_object (&p->client);
  g_clear_pointer (&p->meeting_uuids[0], g_free);
  g_clear_pointer (&p->meeting_uuids[1], g_free);
  g_clear_pointer (&p->bundle, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Personal, personal_clear)

/* A client with a distinctive value in every personal field and record */
static void
make_personal (SportelloDatabase *db,
               Personal          *p)
{
  g_autoptr(SportelloContact) contact = NULL;
  g_autoptr(SportelloMeeting) first = NULL;
  g_autoptr(SportelloMeeting) second = NULL;
  g_autoptr(SportelloFollowUp) follow_up = NULL;
  g_autoptr(SportelloFollowUp) done = NULL;
  g_autoptr(SportelloTemplate) template = NULL;
  g_autoptr(SportelloDocument) document = NULL;
  g_autoptr(SportelloAssessment) assessment = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autofree char *checklist = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  g_autoptr(GError) error = NULL;
  SportelloClient *client = sportello_client_new ();

  p->client = client;
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Vexquarz Ombrelloni Srl");
  sportello_client_set (client, SPORTELLO_CLIENT_LEGAL_FORM, "srl");
  sportello_client_set (client, SPORTELLO_CLIENT_VAT_NUMBER, "00743110157");
  sportello_client_set (client, SPORTELLO_CLIENT_TAX_CODE, "02901750121");
  sportello_client_set (client, SPORTELLO_CLIENT_ATECO_CODE, "47.91.10");
  sportello_client_set (client, SPORTELLO_CLIENT_CATEGORY, "retail");
  sportello_client_set (client, SPORTELLO_CLIENT_STREET, "Via Jolvintrasse 12");
  sportello_client_set (client, SPORTELLO_CLIENT_POSTAL_CODE, "22074");
  sportello_client_set (client, SPORTELLO_CLIENT_MUNICIPALITY, "Quorvazzano");
  sportello_client_set (client, SPORTELLO_CLIENT_PROVINCE, "CO");
  sportello_client_set (client, SPORTELLO_CLIENT_WEBSITE, "https://www.zelbrunix.example");
  sportello_client_set (client, SPORTELLO_CLIENT_EMAIL, "amministrazione@krovatelli.example");
  sportello_client_set (client, SPORTELLO_CLIENT_PEC, "krovatelli@pec-xyvrant.example");
  sportello_client_set (client, SPORTELLO_CLIENT_SDI_CODE, "KJX7W2Q");
  sportello_client_set (client, SPORTELLO_CLIENT_PHONE, "+39 031 8842719");
  sportello_client_set (client, SPORTELLO_CLIENT_TAGS, "bravoquisk, tagzumbrella");
  sportello_client_set (client, SPORTELLO_CLIENT_SOURCE, "event");
  sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_DATE, "2024-02-01");
  sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_NOTE, "Consenso firmato da Pervinca Trussardolo");
  sportello_client_set (client, SPORTELLO_CLIENT_NOTES, "Cliente molto zolfatricino");
  sportello_client_set_employees (client, 12);
  g_assert_true (sportello_client_save (client, db, &error));
  g_assert_no_error (error);

  contact = sportello_contact_new (sportello_client_get_uuid (client));
  sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, "Ermenegilda Frascatoni");
  sportello_contact_set (contact, SPORTELLO_CONTACT_ROLE, "Titolare gruvvonesca");
  sportello_contact_set (contact, SPORTELLO_CONTACT_EMAIL, "ermenegilda@frascatoni.example");
  sportello_contact_set (contact, SPORTELLO_CONTACT_PHONE, "+39 333 7719402");
  g_assert_true (sportello_contact_save (contact, db, &error));
  g_assert_no_error (error);

  /* the contact came to a webinar: the registration holds their name and e-mail */
  {
    g_autoptr(SportelloEvent) event = sportello_event_new ();
    g_autoptr(SportelloRegistration) registration = NULL;

    sportello_event_set (event, SPORTELLO_EVENT_TITLE, "Vendere online in sicurezza");
    g_assert_true (sportello_event_save (event, db, &error));
    g_assert_no_error (error);
    registration = sportello_registration_new (sportello_event_get (event, SPORTELLO_EVENT_UUID));
    sportello_registration_set (registration, SPORTELLO_REGISTRATION_CONTACT_UUID,
                                sportello_contact_get (contact, SPORTELLO_CONTACT_UUID));
    sportello_registration_set (registration, SPORTELLO_REGISTRATION_NAME, "Ermenegilda Frascatoni");
    sportello_registration_set (registration, SPORTELLO_REGISTRATION_EMAIL, "ermenegilda@frascatoni.example");
    sportello_registration_set (registration, SPORTELLO_REGISTRATION_FIRM, "Vexquarz Gruvvonesca");
    sportello_registration_set (registration, SPORTELLO_REGISTRATION_STATUS, "attended");
    g_assert_true (sportello_registration_save (registration, db, &error));
    g_assert_no_error (error);
  }

  first = new_meeting (db, client, "desk", 90, "Discusso il magazzino di Brontolquez");
  sportello_meeting_set (first, SPORTELLO_MEETING_TOPICS, "Vetrina plumbifera");
  sportello_meeting_set (first, SPORTELLO_MEETING_PARTICIPANTS, "Ottavio Sgranellini");
  g_assert_true (sportello_meeting_save (first, db, &error));
  second = new_meeting (db, client, "visit", 45, "Secondo incontro con Ottavio Sgranellini");
  p->meeting_uuids[0] = g_strdup (sportello_meeting_get (first, SPORTELLO_MEETING_UUID));
  p->meeting_uuids[1] = g_strdup (sportello_meeting_get (second, SPORTELLO_MEETING_UUID));

  follow_up = sportello_follow_up_new (p->meeting_uuids[0], "Inviare listino quadrifolk");
  g_assert_true (sportello_follow_up_save (follow_up, db, &error));
  done = sportello_follow_up_new (p->meeting_uuids[1], "Richiamare Ermenegilda Frascatoni");
  g_assert_true (sportello_follow_up_save (done, db, &error));
  g_assert_true (sportello_follow_up_set_done (db, sportello_follow_up_get (done, SPORTELLO_FOLLOW_UP_UUID), TRUE, &error));
  g_assert_no_error (error);

  template = sportello_template_lookup (db, "orientamento-bandi", &error);
  g_assert_no_error (error);
  document = sportello_document_new_from_template (db, sportello_client_get_uuid (client), template, NULL, &error);
  g_assert_no_error (error);
  sportello_document_set (document, SPORTELLO_DOCUMENT_TITLE, "Piano per Vexquarz");
  sportello_document_set (document, SPORTELLO_DOCUMENT_BODY, "Il sito di Vexquarz Ombrelloni vende zampirlotti");
  sportello_document_set (document, SPORTELLO_DOCUMENT_STATUS, "sent");
  sportello_document_set (document, SPORTELLO_DOCUMENT_SENT_ON, "2024-03-05");
  g_assert_true (sportello_document_save (document, db, &error));
  g_assert_no_error (error);

  checklist = sportello_checklist_store (db, sportello_checklist_get_builtin (), &error);
  g_assert_no_error (error);
  assessment = sportello_assessment_new (sportello_client_get_uuid (client), checklist);
  sportello_assessment_set (assessment, SPORTELLO_ASSESSMENT_ASSESSED_ON, "2024-03-01");
  sportello_assessment_set_answer (assessment, "LOG-01", SPORTELLO_ANSWER_NA, "Nota di valutazione trombazzina");
  sportello_assessment_set_answer (assessment, "LEG-08", SPORTELLO_ANSWER_COMPLETE, "Bravoquisk fa tutto");
  sportello_assessment_set_answer (assessment, "LEG-01", SPORTELLO_ANSWER_PARTIAL, "");
  g_assert_true (sportello_assessment_save (assessment, db, &error));
  g_assert_no_error (error);

  /* exported with the name the app gives, and imported again: the import
   * log keeps that file name */
  name = sportello_bundle_default_name (db, sportello_client_get_uuid (client));
  g_assert_nonnull (strstr (name, "vexquarz"));
  dir = g_path_get_dirname (sportello_database_get_path (db));
  p->bundle = g_build_filename (dir, "..", name, NULL);
  g_assert_true (sportello_bundle_export (db, (const char *[]) { sportello_client_get_uuid (client), NULL },
                                          p->bundle, &error));
  g_assert_no_error (error);
  bundle = sportello_bundle_load (p->bundle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sportello_bundle_get_problems (bundle)->len, ==, 0);
  g_assert_true (sportello_bundle_apply (bundle, db, SPORTELLO_CONFLICT_NEWER, name, counts, &error));
  g_assert_no_error (error);
}

static char *
query_text (SportelloDatabase *db,
            const char        *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  stmt = _sportello_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "", sqlite3_column_text (stmt, i) ?: (const guchar *) "NULL");
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the yearly report reads of the client, before and after */
static char *
report_figures (SportelloDatabase *db,
                const char        *uuid)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT category, legal_form, province, employees, source, status, owner_consultant, origin_hub, created_at, last_meeting_at "
    "  FROM clients WHERE uuid = '%1$s';"
    , uuid);
  g_autofree char *meetings = g_strdup_printf (
    "SELECT m.uuid, m.starts_at, m.kind, m.duration_minutes FROM meetings m JOIN clients c ON c.id = m.client_id "
    "  WHERE c.uuid = '%1$s' ORDER BY m.uuid", uuid);
  g_autofree char *follow_ups = g_strdup_printf (
    "SELECT f.uuid, f.assignee, f.due_date, f.done_at FROM follow_ups f JOIN meetings m ON m.id = f.meeting_id "
    "  JOIN clients c ON c.id = m.client_id WHERE c.uuid = '%1$s' ORDER BY f.uuid", uuid);
  g_autofree char *documents = g_strdup_printf (
    "SELECT d.uuid, d.template_id, d.status, d.sent_on FROM documents d JOIN clients c ON c.id = d.client_id "
    "  WHERE c.uuid = '%1$s' ORDER BY d.uuid", uuid);
  g_autofree char *assessments = g_strdup_printf (
    "SELECT a.uuid, a.checklist_uuid, a.assessed_on, a.consultant, "
    "       (SELECT group_concat (key || '=' || json_extract (value, '$.value')) FROM json_each (a.answers)) "
    "  FROM assessments a JOIN clients c ON c.id = a.client_id WHERE c.uuid = '%1$s' ORDER BY a.uuid", uuid);
  g_autofree char *a = query_text (db, sql);
  g_autofree char *b = query_text (db, meetings);
  g_autofree char *c = query_text (db, follow_ups);
  g_autofree char *d = query_text (db, documents);
  g_autofree char *e = query_text (db, assessments);

  return g_strconcat (a, b, c, d, e, NULL);
}

static void
test_anonymise (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("retention-anonymise");
  g_auto(Personal) p = { NULL, };
  g_autoptr(SportelloClient) bystander = NULL;
  g_autoptr(SportelloClient) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (sportello_database_get_path (db));
  g_autofree char *uuid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *traces = NULL;
  g_autofree char *label = NULL;
  g_autofree char *secure = NULL;

  /* the file is full of other clients, so the rows sit among theirs */
  g_assert_true (sportello_demo_fill (db, 150, &error));
  g_assert_no_error (error);
  make_personal (db, &p);
  bystander = store_test_new_client (db, "Bar Sport");
  uuid = g_strdup (sportello_client_get_uuid (p.client));

  secure = query_text (db, "PRAGMA secure_delete");
  g_assert_cmpstr (secure, ==, "1\n");

  /* the check sees the values while they are there */
  traces = traces_in_files (path);
  g_assert_nonnull (strstr (traces, "Vexquarz Ombrelloni"));
  g_assert_nonnull (strstr (traces, "trombazzina"));
  g_assert_nonnull (strstr (traces, "cliente-vexquarz"));
  g_clear_pointer (&traces, g_free);

  before = report_figures (db, uuid);
  g_assert_false (sportello_retention_is_anonymised (db, uuid));
  g_assert_true (sportello_retention_anonymise (db, uuid, &error));
  g_assert_no_error (error);
  g_assert_true (sportello_retention_is_anonymised (db, uuid));

  /* the report's figures stayed, to the minute and the score */
  after = report_figures (db, uuid);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "|desk|90\n"));
  g_assert_nonnull (strstr (after, "|visit|45\n"));
  g_assert_nonnull (strstr (after, "LEG-01=1,LEG-08=2,LOG-01=na"));
  g_assert_nonnull (strstr (after, "retail|srl|CO|12|event|"));

  /* the client is there, with a neutral name and nothing personal */
  loaded = sportello_client_load (db, uuid, &error);
  g_assert_no_error (error);
  label = g_strdup_printf ("Cliente anonimizzato %.8s", uuid);
  g_assert_cmpstr (sportello_client_get_name (loaded), ==, label);
  for (guint i = 0; i < SPORTELLO_CLIENT_N_TEXT_FIELDS; i++)
    for (guint j = 0; j < G_N_ELEMENTS (personal); j++)
      g_assert_null (strstr (sportello_client_get (loaded, i), personal[j]));
  {
    g_autofree char *contacts = query_text (db, "SELECT count (*) FROM contacts c JOIN clients k ON k.id = c.client_id "
                                                "WHERE k.anonymised_at IS NOT NULL");
    g_autofree char *imports = query_text (db, "SELECT count (*) FROM imports WHERE file_name = ''");
    g_autofree char *tags = query_text (db, "SELECT count (*) FROM client_tags WHERE tag LIKE '%quisk%'");
    g_autofree char *search = query_text (db, "SELECT count (*) FROM clients_fts WHERE clients_fts MATCH 'vexquarz OR quorvazzano'");
    g_autofree char *notes = query_text (db, "SELECT count (*) FROM meetings_fts WHERE meetings_fts MATCH 'brontolquez'");

    g_autofree char *texts_sql = g_strdup_printf (
      "SELECT DISTINCT f.text FROM follow_ups f JOIN meetings m ON m.id = f.meeting_id JOIN clients c ON c.id = m.client_id "
      "WHERE c.uuid = '%1$s' UNION ALL SELECT DISTINCT d.title || '|' || d.body FROM documents d JOIN clients c ON c.id = d.client_id "
      "WHERE c.uuid = '%1$s' UNION ALL SELECT DISTINCT m.participants || '|' || m.topics || '|' || m.notes FROM meetings m "
      "JOIN clients c ON c.id = m.client_id WHERE c.uuid = '%1$s'", uuid);
    g_autofree char *texts = query_text (db, texts_sql);

    g_assert_cmpstr (texts, ==, "Attività anonimizzata\nDocumento anonimizzato|\n||\n");
    g_assert_cmpstr (contacts, ==, "0\n");
    g_assert_cmpstr (imports, ==, "1\n");
    g_assert_cmpstr (tags, ==, "0\n");
    g_assert_cmpstr (search, ==, "0\n");
    g_assert_cmpstr (notes, ==, "0\n");
  }

  /* nothing left in the files, while the database is open… */
  traces = traces_in_files (path);
  g_assert_cmpstr (traces, ==, "");
  g_clear_pointer (&traces, g_free);

  /* …nor in what an export of it carries */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *out = g_build_filename (dir, "..", "anonymised.sportello", NULL);

    g_assert_true (sportello_bundle_export (db, (const char *[]) { uuid, NULL }, out, &error));
    g_assert_no_error (error);
    traces = traces_in_file (out);
    g_assert_cmpstr (traces, ==, "");
    g_clear_pointer (&traces, g_free);
  }

  /* read-only from now on: an edit does not reach it, nor an import of
   * the copy exported before */
  sportello_client_set (p.client, SPORTELLO_CLIENT_NOTES, "Cliente molto zolfatricino, di nuovo");
  g_assert_true (sportello_client_save (p.client, db, &error));
  {
    g_autoptr(SportelloContact) contact = sportello_contact_new (uuid);
    sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, "Ermenegilda Frascatoni");
    g_assert_false (sportello_contact_save (contact, db, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  {
    g_autoptr(SportelloBundle) bundle = sportello_bundle_load (p.bundle, &error);
    SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];

    g_assert_no_error (error);
    g_assert_true (sportello_bundle_apply (bundle, db, SPORTELLO_CONFLICT_THEIRS, "vecchia copia.sportello", counts, &error));
    g_assert_no_error (error);
  }
  g_assert_true (sportello_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_clear_object (&loaded);
  loaded = sportello_client_load (db, uuid, &error);
  g_assert_cmpstr (sportello_client_get_name (loaded), ==, label);
  g_assert_cmpstr (sportello_client_get (loaded, SPORTELLO_CLIENT_NOTES), ==, "");
  g_clear_pointer (&after, g_free);
  after = report_figures (db, uuid);
  g_assert_cmpstr (after, ==, before);
  traces = traces_in_files (path);
  g_assert_cmpstr (traces, ==, "");
  g_clear_pointer (&traces, g_free);

  /* the other clients are untouched */
  g_clear_object (&loaded);
  loaded = sportello_client_load (db, sportello_client_get_uuid (bystander), &error);
  g_assert_cmpstr (sportello_client_get_name (loaded), ==, "Bar Sport");
  g_assert_false (sportello_retention_is_anonymised (db, sportello_client_get_uuid (bystander)));

  /* a second time does nothing */
  g_assert_true (sportello_retention_anonymise (db, uuid, &error));
  g_assert_no_error (error);

  /* …and after it is closed */
  g_clear_object (&db);
  traces = traces_in_files (path);
  g_assert_cmpstr (traces, ==, "");
}

static void
test_erase (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("retention-erase");
  g_auto(Personal) p = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (sportello_database_get_path (db));
  g_autofree char *uuid = NULL;
  g_autofree char *traces = NULL;
  g_autofree char *left = NULL;
  g_autofree char *counts_sql = NULL;

  g_assert_true (sportello_demo_fill (db, 150, &error));
  make_personal (db, &p);
  uuid = g_strdup (sportello_client_get_uuid (p.client));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM clients WHERE uuid = '%s'", uuid);
    g_autofree char *id = query_text (db, sql);

    g_strstrip (id);
    counts_sql = g_strdup_printf (
      "SELECT (SELECT count (*) FROM contacts WHERE client_id = %1$s) || '/' ||"
      "       (SELECT count (*) FROM meetings WHERE client_id = %1$s) || '/' ||"
      "       (SELECT count (*) FROM follow_ups WHERE meeting_id NOT IN (SELECT id FROM meetings)) || '/' ||"
      "       (SELECT count (*) FROM documents WHERE client_id = %1$s) || '/' ||"
      "       (SELECT count (*) FROM assessments WHERE client_id = %1$s) || '/' ||"
      "       (SELECT count (*) FROM exchanges WHERE uuid NOT IN (SELECT uuid FROM checklists"
      "                                                        UNION SELECT uuid FROM events))", id);
  }
  left = query_text (db, counts_sql);
  /* the client, its contact, 2 meetings, 2 follow-ups, a document, an
   * assessment and the contact's registration to a webinar */
  g_assert_cmpstr (left, ==, "1/2/0/1/1/9\n");
  g_clear_pointer (&left, g_free);

  g_assert_true (sportello_retention_erase (db, uuid, &error));
  g_assert_no_error (error);

  left = query_text (db, counts_sql);
  g_assert_cmpstr (left, ==, "0/0/0/0/0/0\n");
  g_assert_null (sportello_client_load (db, uuid, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autofree char *imports = query_text (db, "SELECT count (*) FROM imports WHERE file_name = ''");
    g_assert_cmpstr (imports, ==, "1\n");
  }

  traces = traces_in_files (path);
  g_assert_cmpstr (traces, ==, "");
  g_clear_pointer (&traces, g_free);

  g_assert_false (sportello_retention_erase (db, uuid, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);

  g_clear_object (&db);
  traces = traces_in_files (path);
  g_assert_cmpstr (traces, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  /* Italian, as the names given to anonymised clients and files are */
  store_test_init (&argc, &argv);

  g_test_add_func ("/store/retention/list", test_list);
  g_test_add_func ("/store/retention/many", test_many);
  g_test_add_func ("/store/retention/anonymise", test_anonymise);
  g_test_add_func ("/store/retention/erase", test_erase);

  return g_test_run ();
}
