/* sportello-certificate.c: attendance certificates, as Markdown pages
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page for each person who attended an event, made from a template
 * with the placeholders of advice documents (sportello-template.c):
 * {{participant.name}}, {{participant.firm}}, {{event.title}},
 * {{event.kind}}, {{event.date}}, {{event.time}}, {{event.duration}},
 * {{event.place}}, {{event.speakers}}, {{event.topics}}, {{hub.name}},
 * {{consultant.name}} and {{date}}. The built-in template is Italian
 * (data/templates/attendance-certificate.md); a database keeps its own
 * edited one. The PDF is drawn outside the store, by
 * src/sportello-certificate-pdf.c.
 */

#define G_LOG_DOMAIN "sportello-certificate"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "sportello-certificate.h"
#include "sportello-database-private.h"
#include "sportello-event.h"
#include "sportello-format.h"
#include "sportello-registration.h"
#include "sportello-template.h"
#include "sportello-vocabulary.h"

#define BUILTIN_RESOURCE "/io/github/sportello/Sportello/templates/attendance-certificate.md"
#define TEMPLATE_KEY "certificate_template"

void
sportello_certificate_free (SportelloCertificate *certificate)
{
  g_free (certificate->registration_uuid);
  g_free (certificate->name);
  g_free (certificate->markdown);
  g_free (certificate);
}

const char *
sportello_certificate_builtin_template (void)
{
  static char *text;

  if (g_once_init_enter_pointer (&text))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (BUILTIN_RESOURCE, 0, NULL);

      g_assert (bytes != NULL);
      g_once_init_leave_pointer (&text, g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
    }

  return text;
}

static void
add_placeholder (GPtrArray  *list,
                 const char *name,
                 const char *label)
{
  SportelloPlaceholder *p = g_new0 (SportelloPlaceholder, 1);

  p->name = g_strdup (name);
  p->label = g_strdup (label);
  g_ptr_array_add (list, p);
}

/**
 * sportello_certificate_placeholders:
 *
 * The placeholders of certificates that advice documents do not have
 * (those have {{hub.name}}, {{consultant.name}} and {{date}} too), with
 * their translated labels, for an editor's list.
 *
 * Returns: (transfer full) (element-type SportelloPlaceholder): the list
 */
GPtrArray *
sportello_certificate_placeholders (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (sportello_placeholder_free);

  add_placeholder (list, "participant.name", _("participant’s name"));
  add_placeholder (list, "participant.firm", _("participant’s firm"));
  add_placeholder (list, "event.title", _("event title"));
  add_placeholder (list, "event.kind", _("kind of event"));
  add_placeholder (list, "event.date", _("event date"));
  add_placeholder (list, "event.time", _("event time"));
  add_placeholder (list, "event.duration", _("event duration"));
  add_placeholder (list, "event.place", _("event place or link"));
  add_placeholder (list, "event.speakers", _("speakers"));
  add_placeholder (list, "event.topics", _("event topics"));

  return list;
}

/**
 * sportello_certificate_check_template:
 *
 * Returns: %FALSE, with the line of the first unknown placeholder in
 *   @error (%SPORTELLO_STORE_ERROR_INVALID), if there is one
 */
gboolean
sportello_certificate_check_template (const char  *text,
                                      GError     **error)
{
  g_autoptr(GPtrArray) inputs = sportello_certificate_placeholders ();
  g_autoptr(GPtrArray) problems = sportello_template_check (text, inputs);

  if (problems->len > 0)
    {
      SportelloTemplateProblem *first = g_ptr_array_index (problems, 0);

      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("Line %u: “%s” is not a known placeholder"), first->line, first->name);
      return FALSE;
    }

  return TRUE;
}

/**
 * sportello_certificate_get_template:
 *
 * Returns: (transfer full): the database's own certificate template, or the
 *   built-in one
 */
char *
sportello_certificate_get_template (SportelloDatabase  *db,
                                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, "SELECT value FROM info WHERE key = '" TEMPLATE_KEY "'", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return g_strdup (sportello_certificate_builtin_template ());
}

/**
 * sportello_certificate_set_template:
 * @text: (nullable): the new template, or %NULL for the built-in one again
 *
 * Keeps @text as the database's certificate template, once checked.
 */
gboolean
sportello_certificate_set_template (SportelloDatabase  *db,
                                    const char         *text,
                                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (text != NULL && !sportello_certificate_check_template (text, error))
    return FALSE;

  stmt = _sportello_database_prepare (db, text != NULL
                                      ? "INSERT INTO info (key, value) VALUES ('" TEMPLATE_KEY "', ?1) "
                                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                                      : "DELETE FROM info WHERE key = '" TEMPLATE_KEY "'", error);
  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/* “2 ore”, “45 minuti”, “1 ora e 30 minuti” */
char *
sportello_format_duration (int minutes)
{
  int hours = minutes / 60;
  int rest = minutes % 60;
  g_autofree char *h = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours), hours);
  g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", rest), rest);

  if (hours == 0)
    return g_steal_pointer (&m);
  if (rest == 0)
    return g_steal_pointer (&h);
  /* Translators: a duration, as in “1 ora e 30 minuti” */
  return g_strdup_printf (_("%s and %s"), h, m);
}

/* A value that may be empty on a certificate: never «to complete» there */
static char *
or_blank (const char *value)
{
  g_autofree char *flat = g_strdup (value ? value : "");

  g_strstrip (flat);
  /* one line: the speakers come one per line */
  g_strdelimit (flat, "\n", ',');
  if (flat[0] == '\0')
    return g_strdup (" ");
  {
    g_auto(GStrv) parts = g_strsplit (flat, ",", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      g_strstrip (parts[i]);
    return g_strjoinv (", ", parts);
  }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const SportelloCertificate *x = a;
  const SportelloCertificate *y = b;

  return g_utf8_collate (x->name, y->name);
}

/**
 * sportello_certificate_render:
 * @template_text: (nullable): the template, or %NULL for the database's
 *
 * The certificates of the people who attended the event, by name.
 *
 * Returns: (transfer full) (element-type SportelloCertificate): one for each
 *   attendee; %NULL with %SPORTELLO_STORE_ERROR_INVALID when nobody attended
 *   or the template has an unknown placeholder
 */
GPtrArray *
sportello_certificate_render (SportelloDatabase  *db,
                              const char         *event_uuid,
                              const char         *template_text,
                              GError            **error)
{
  g_autoptr(SportelloEvent) event = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GPtrArray) inputs = sportello_certificate_placeholders ();
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_certificate_free);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *stored = NULL;
  g_autoptr(GDateTime) start = NULL;
  const char *text = template_text;
  const char *hub;
  const char *signer;

  if (!(event = sportello_event_load (db, event_uuid, error)))
    return NULL;
  if (text == NULL && !(text = stored = sportello_certificate_get_template (db, error)))
    return NULL;
  if (!sportello_certificate_check_template (text, error))
    return NULL;
  if (!(attendees = sportello_registration_list (db, event_uuid, "attended", error)))
    return NULL;
  if (g_list_model_get_n_items (attendees) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("Nobody is marked as having attended “%s”: there is no certificate to make"),
                   sportello_event_get (event, SPORTELLO_EVENT_TITLE));
      return NULL;
    }

  hub = sportello_event_get (event, SPORTELLO_EVENT_HUB);
  if (hub[0] == '\0')
    hub = sportello_database_get_hub (db);
  signer = sportello_event_get (event, SPORTELLO_EVENT_SIGNER);
  if (signer[0] == '\0')
    signer = sportello_database_get_consultant (db);
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (sportello_event_get (event, SPORTELLO_EVENT_STARTS_AT), NULL);

    start = utc ? g_date_time_to_local (utc) : NULL;
  }

  g_hash_table_insert (values, "event.title", g_strdup (sportello_event_get (event, SPORTELLO_EVENT_TITLE)));
  g_hash_table_insert (values, "event.kind", sportello_capitalize (sportello_vocabulary_label (SPORTELLO_VOCABULARY_EVENT_KIND,
                                                                                              sportello_event_get (event, SPORTELLO_EVENT_KIND))));
  g_hash_table_insert (values, "event.date", sportello_format_date_long (sportello_event_get (event, SPORTELLO_EVENT_STARTS_AT)));
  g_hash_table_insert (values, "event.time", start ? g_date_time_format (start, "%H:%M") : g_strdup (""));
  g_hash_table_insert (values, "event.duration", sportello_format_duration (sportello_event_get_duration (event)));
  g_hash_table_insert (values, "event.place", or_blank (sportello_event_get (event, SPORTELLO_EVENT_PLACE)));
  g_hash_table_insert (values, "event.speakers", or_blank (sportello_event_get (event, SPORTELLO_EVENT_SPEAKERS)));
  g_hash_table_insert (values, "event.topics", or_blank (sportello_event_get (event, SPORTELLO_EVENT_TOPICS)));
  g_hash_table_insert (values, "hub.name", g_strdup (hub));
  g_hash_table_insert (values, "consultant.name", g_strdup (signer));
  g_hash_table_insert (values, "date", sportello_format_date_long (now_text));

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(SportelloRegistration) registration = g_list_model_get_item (attendees, i);
      const char *firm = sportello_registration_get (registration, SPORTELLO_REGISTRATION_FIRM);
      SportelloCertificate *certificate = g_new0 (SportelloCertificate, 1);

      if (firm[0] == '\0')
        firm = sportello_registration_get (registration, SPORTELLO_REGISTRATION_CLIENT_NAME);
      g_hash_table_insert (values, "participant.name", g_strdup (sportello_registration_get (registration, SPORTELLO_REGISTRATION_NAME)));
      g_hash_table_insert (values, "participant.firm", or_blank (firm));

      certificate->registration_uuid = g_strdup (sportello_registration_get (registration, SPORTELLO_REGISTRATION_UUID));
      certificate->name = g_strdup (sportello_registration_get (registration, SPORTELLO_REGISTRATION_NAME));
      certificate->markdown = sportello_template_render (text, inputs, values, NULL);
      g_ptr_array_add (certificates, certificate);
    }

  /* by name, as a pile of paper is sorted */
  g_ptr_array_sort_values (certificates, compare_names);
  return g_steal_pointer (&certificates);
}
