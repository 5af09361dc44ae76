/* sportello-client.c: a firm that comes to the desk
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sportello-attachment.h"
#include "sportello-client-private.h"
#include "sportello-database-private.h"
#include "sportello-identifiers.h"
#include "sportello-vocabulary.h"

struct _SportelloClient
{
  SportelloRecord  parent_instance;

  gint64    id;
  int       employees;        /* -1: not known */
  gboolean  consent_given;
};

G_DEFINE_FINAL_TYPE (SportelloClient, sportello_client, SPORTELLO_TYPE_RECORD)

enum {
  PROP_0,
  /* 1 … SPORTELLO_CLIENT_N_TEXT_FIELDS: the text fields */
  PROP_EMPLOYEES = SPORTELLO_CLIENT_N_TEXT_FIELDS + 1,
  PROP_CONSENT_GIVEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the list of columns (sportello-client-private.h) gives: the text
 * fields' names, in field order; the other columns, as ", employees, …";
 * and what the upsert changes of those */
#define FIELD_NAME(field, name) [field] = name,
#define SKIP_TEXT(field, name)
#define SKIP_OTHER(name)
#define OTHER_NAME(name)        ", " name
#define OTHER_UPDATE(name)      ", " name " = excluded." name

/* Column names; property names are the same with '-' for '_'. */
static const char * const field_names[SPORTELLO_CLIENT_N_TEXT_FIELDS] = {
  SPORTELLO_CLIENT_COLUMNS (FIELD_NAME, SKIP_OTHER, SKIP_OTHER)
  /* kept by the meetings' triggers, in no bundle */
  [SPORTELLO_CLIENT_LAST_MEETING_AT] = "last_meeting_at",
};

static const char * const field_labels[SPORTELLO_CLIENT_N_TEXT_FIELDS] = {
  [SPORTELLO_CLIENT_NAME] = N_("Company name"),
  [SPORTELLO_CLIENT_LEGAL_FORM] = N_("Legal form"),
  [SPORTELLO_CLIENT_VAT_NUMBER] = N_("VAT number"),
  [SPORTELLO_CLIENT_TAX_CODE] = N_("Tax code"),
  [SPORTELLO_CLIENT_ATECO_CODE] = N_("ATECO code"),
  [SPORTELLO_CLIENT_CATEGORY] = N_("Category"),
  [SPORTELLO_CLIENT_STREET] = N_("Street"),
  [SPORTELLO_CLIENT_POSTAL_CODE] = N_("Postal code"),
  [SPORTELLO_CLIENT_MUNICIPALITY] = N_("Municipality"),
  [SPORTELLO_CLIENT_PROVINCE] = N_("Province"),
  [SPORTELLO_CLIENT_WEBSITE] = N_("Website"),
  [SPORTELLO_CLIENT_EMAIL] = N_("Email"),
  [SPORTELLO_CLIENT_PEC] = N_("PEC"),
  [SPORTELLO_CLIENT_SDI_CODE] = N_("SDI recipient code"),
  [SPORTELLO_CLIENT_PHONE] = N_("Phone"),
  [SPORTELLO_CLIENT_STATUS] = N_("Status"),
  [SPORTELLO_CLIENT_TAGS] = N_("Tags"),
  [SPORTELLO_CLIENT_SOURCE] = N_("How they reached the desk"),
  [SPORTELLO_CLIENT_CONSENT_DATE] = N_("Consent date"),
  [SPORTELLO_CLIENT_CONSENT_BASIS] = N_("Legal basis"),
  [SPORTELLO_CLIENT_CONSENT_NOTE] = N_("Privacy note"),
  [SPORTELLO_CLIENT_NOTES] = N_("Notes"),
};

/* ------------------------------------------------------------ SQL ---- */

/* "uuid, name, …, employees, consent_given" in field order */
const char *
_sportello_client_columns (void)
{
  static char *columns;

  if (g_once_init_enter_pointer (&columns))
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < SPORTELLO_CLIENT_N_TEXT_FIELDS; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", field_names[i]);
      g_string_append (s, SPORTELLO_CLIENT_COLUMNS (SKIP_TEXT, OTHER_NAME, OTHER_NAME));
      g_once_init_leave_pointer (&columns, g_string_free (g_steal_pointer (&s), FALSE));
    }

  return columns;
}

static const char *
upsert_sql (void)
{
  static char *sql;

  if (g_once_init_enter_pointer (&sql))
    {
      g_autoptr(GString) s = g_string_new ("INSERT INTO clients (");

      g_string_append_printf (s, "%s) VALUES (", _sportello_client_columns ());
      for (guint i = 0; i < SPORTELLO_CLIENT_N_TEXT_FIELDS + 2; i++)
        g_string_append (s, i ? ", ?" : "?");
      g_string_append (s, ") ON CONFLICT (uuid) DO UPDATE SET ");
      for (guint i = 0; i < SPORTELLO_CLIENT_N_TEXT_FIELDS; i++)
        {
          /* identity, creation and what other records maintain stay */
          if (i == SPORTELLO_CLIENT_UUID || i == SPORTELLO_CLIENT_CREATED_AT ||
              i == SPORTELLO_CLIENT_LAST_MEETING_AT)
            continue;
          g_string_append_printf (s, "%s = excluded.%s, ", field_names[i], field_names[i]);
        }
      /* the other columns, less the leading ", " */
      g_string_append (s, &SPORTELLO_CLIENT_COLUMNS (SKIP_TEXT, OTHER_UPDATE, OTHER_UPDATE)[2]);
      g_once_init_leave_pointer (&sql, g_string_free (g_steal_pointer (&s), FALSE));
    }

  return sql;
}

/* Reads a row of "id, <columns>" */
SportelloClient *
_sportello_client_new_from_row (sqlite3_stmt *stmt)
{
  SportelloClient *self = sportello_client_new ();

  self->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < SPORTELLO_CLIENT_N_TEXT_FIELDS; i++)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, i + 1);

      sportello_record_set (SPORTELLO_RECORD (self), i, value);
    }
  if (sqlite3_column_type (stmt, SPORTELLO_CLIENT_N_TEXT_FIELDS + 1) == SQLITE_NULL)
    self->employees = -1;
  else
    self->employees = sqlite3_column_int (stmt, SPORTELLO_CLIENT_N_TEXT_FIELDS + 1);
  self->consent_given = sqlite3_column_int (stmt, SPORTELLO_CLIENT_N_TEXT_FIELDS + 2) != 0;

  return self;
}

/* ------------------------------------------------------- GObject ---- */

static void
sportello_client_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SportelloClient *self = SPORTELLO_CLIENT (object);

  if (prop_id == PROP_EMPLOYEES)
    g_value_set_int (value, self->employees);
  else if (prop_id == PROP_CONSENT_GIVEN)
    g_value_set_boolean (value, self->consent_given);
  else
    G_OBJECT_CLASS (sportello_client_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
sportello_client_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SportelloClient *self = SPORTELLO_CLIENT (object);

  if (prop_id == PROP_EMPLOYEES)
    sportello_client_set_employees (self, g_value_get_int (value));
  else if (prop_id == PROP_CONSENT_GIVEN)
    sportello_client_set_consent_given (self, g_value_get_boolean (value));
  else
    G_OBJECT_CLASS (sportello_client_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
sportello_client_class_init (SportelloClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sportello_client_get_property;
  object_class->set_property = sportello_client_set_property;

  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), field_names, SPORTELLO_CLIENT_N_TEXT_FIELDS);

  properties[PROP_EMPLOYEES] =
    g_param_spec_int ("employees", NULL, NULL, -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONSENT_GIVEN] =
    g_param_spec_boolean ("consent-given", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  for (guint i = SPORTELLO_CLIENT_N_TEXT_FIELDS + 1; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
sportello_client_init (SportelloClient *self)
{
  self->employees = -1;
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_STATUS, "new");
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_CATEGORY, "other");
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_LEGAL_FORM, "other");
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_SOURCE, "other");
}

/* ----------------------------------------------------------- API ---- */

SportelloClient *
sportello_client_new (void)
{
  return g_object_new (SPORTELLO_TYPE_CLIENT, NULL);
}

SportelloClient *
sportello_client_copy (SportelloClient *self)
{
  SportelloClient *copy;

  g_return_val_if_fail (SPORTELLO_IS_CLIENT (self), NULL);

  copy = sportello_client_new ();
  copy->id = self->id;
  for (guint i = 0; i < SPORTELLO_CLIENT_N_TEXT_FIELDS; i++)
    sportello_record_set (SPORTELLO_RECORD (copy), i, sportello_record_get (SPORTELLO_RECORD (self), i));
  copy->employees = self->employees;
  copy->consent_given = self->consent_given;

  return copy;
}

const char *
sportello_client_get (SportelloClient      *self,
                      SportelloClientField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

void
sportello_client_set (SportelloClient      *self,
                      SportelloClientField  field,
                      const char           *value)
{
  sportello_record_set (SPORTELLO_RECORD (self), field, value);
}

const char *
sportello_client_field_name (SportelloClientField field)
{
  g_return_val_if_fail (field < SPORTELLO_CLIENT_N_TEXT_FIELDS, NULL);

  return field_names[field];
}

const char *
sportello_client_field_label (SportelloClientField field)
{
  g_return_val_if_fail (field < SPORTELLO_CLIENT_N_TEXT_FIELDS, NULL);

  return field_labels[field] ? _(field_labels[field]) : field_names[field];
}

int
sportello_client_get_employees (SportelloClient *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT (self), -1);

  return self->employees;
}

void
sportello_client_set_employees (SportelloClient *self,
                                int              employees)
{
  g_return_if_fail (SPORTELLO_IS_CLIENT (self));

  employees = MAX (employees, -1);
  if (self->employees != employees)
    {
      self->employees = employees;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYEES]);
    }
}

gboolean
sportello_client_get_consent_given (SportelloClient *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT (self), FALSE);

  return self->consent_given;
}

void
sportello_client_set_consent_given (SportelloClient *self,
                                    gboolean         consent_given)
{
  g_return_if_fail (SPORTELLO_IS_CLIENT (self));

  consent_given = !!consent_given;
  if (self->consent_given != consent_given)
    {
      self->consent_given = consent_given;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_GIVEN]);
    }
}

gint64
sportello_client_get_id (SportelloClient *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT (self), 0);

  return self->id;
}

const char *
sportello_client_get_uuid (SportelloClient *self)
{
  return sportello_client_get (self, SPORTELLO_CLIENT_UUID);
}

const char *
sportello_client_get_name (SportelloClient *self)
{
  return sportello_client_get (self, SPORTELLO_CLIENT_NAME);
}

void
sportello_client_problem_free (SportelloClientProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray            *problems,
             SportelloClientField  field,
             gboolean              blocking,
             char                 *message)
{
  SportelloClientProblem *problem = g_new0 (SportelloClientProblem, 1);

  problem->field = field;
  problem->blocking = blocking;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

typedef SportelloIdVerdict (*Validator) (const char *, char **, char **);

static const struct {
  SportelloClientField    field;
  Validator               validate;
  SportelloIdentifierKind kind;
} validated_fields[] = {
  { SPORTELLO_CLIENT_VAT_NUMBER, sportello_validate_vat, SPORTELLO_IDENTIFIER_VAT },
  { SPORTELLO_CLIENT_TAX_CODE, sportello_validate_tax_code, SPORTELLO_IDENTIFIER_TAX_CODE },
  { SPORTELLO_CLIENT_ATECO_CODE, sportello_validate_ateco, SPORTELLO_IDENTIFIER_ATECO },
  { SPORTELLO_CLIENT_POSTAL_CODE, sportello_validate_postal_code, SPORTELLO_IDENTIFIER_POSTAL_CODE },
  { SPORTELLO_CLIENT_PROVINCE, sportello_validate_province, SPORTELLO_IDENTIFIER_PROVINCE },
  { SPORTELLO_CLIENT_EMAIL, sportello_validate_email, SPORTELLO_IDENTIFIER_EMAIL },
  { SPORTELLO_CLIENT_PEC, sportello_validate_email, SPORTELLO_IDENTIFIER_EMAIL },
  { SPORTELLO_CLIENT_SDI_CODE, sportello_validate_sdi_code, SPORTELLO_IDENTIFIER_SDI_CODE },
};

static gboolean
is_iso_date (const char *text)
{
  g_autofree char *with_time = g_strconcat (text, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) dt = NULL;

  if (strlen (text) != 10)
    return FALSE;

  dt = g_date_time_new_from_iso8601 (with_time, NULL);
  return dt != NULL;
}

/**
 * sportello_client_check:
 *
 * Checks every field with its rule. Returns an array of
 * #SportelloClientProblem: blocking ones prevent saving, the others are
 * warnings about values that may legitimately be missing or unusual.
 */
GPtrArray *
sportello_client_check (SportelloClient *self)
{
  GPtrArray *problems;

  g_return_val_if_fail (SPORTELLO_IS_CLIENT (self), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_client_problem_free);

  g_autofree char *name = g_strstrip (g_strdup (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_NAME)));

  if (name[0] == '\0')
    add_problem (problems, SPORTELLO_CLIENT_NAME, TRUE, g_strdup (_("The company name is required")));

  for (guint i = 0; i < G_N_ELEMENTS (validated_fields); i++)
    {
      char *message = NULL;
      SportelloIdVerdict verdict;

      verdict = validated_fields[i].validate (sportello_record_get (SPORTELLO_RECORD (self), validated_fields[i].field), NULL, &message);
      if (verdict != SPORTELLO_ID_OK)
        add_problem (problems, validated_fields[i].field, verdict == SPORTELLO_ID_INVALID, message);
      else
        g_free (message);
    }

  if (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_VAT_NUMBER)[0] == '\0')
    add_problem (problems, SPORTELLO_CLIENT_VAT_NUMBER, FALSE,
                 g_strdup (_("No VAT number: fine for a firm that is not registered yet")));

  if (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_CONSENT_DATE)[0] != '\0' &&
      !is_iso_date (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_CONSENT_DATE)))
    add_problem (problems, SPORTELLO_CLIENT_CONSENT_DATE, TRUE,
                 /* Translators: the date entry reads the Italian form */
                 g_strdup (_("Write the date as day/month/year, as in 25/11/2026")));

  if (self->consent_given && sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_CONSENT_DATE)[0] == '\0')
    add_problem (problems, SPORTELLO_CLIENT_CONSENT_DATE, FALSE,
                 g_strdup (_("Consent is given but its date is missing")));

  if (!sportello_vocabulary_contains (SPORTELLO_VOCABULARY_STATUS, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_STATUS)))
    add_problem (problems, SPORTELLO_CLIENT_STATUS, TRUE, g_strdup (_("Unknown status")));
  if (!sportello_vocabulary_contains (SPORTELLO_VOCABULARY_CATEGORY, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_CATEGORY)))
    add_problem (problems, SPORTELLO_CLIENT_CATEGORY, TRUE, g_strdup (_("Unknown category")));
  if (!sportello_vocabulary_contains (SPORTELLO_VOCABULARY_LEGAL_FORM, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_LEGAL_FORM)))
    add_problem (problems, SPORTELLO_CLIENT_LEGAL_FORM, TRUE, g_strdup (_("Unknown legal form")));
  if (!sportello_vocabulary_contains (SPORTELLO_VOCABULARY_SOURCE, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_SOURCE)))
    add_problem (problems, SPORTELLO_CLIENT_SOURCE, TRUE, g_strdup (_("Unknown way of reaching the desk")));
  if (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_CONSENT_BASIS)[0] != '\0' &&
      !sportello_vocabulary_contains (SPORTELLO_VOCABULARY_CONSENT_BASIS, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_CONSENT_BASIS)))
    add_problem (problems, SPORTELLO_CLIENT_CONSENT_BASIS, TRUE, g_strdup (_("Unknown legal basis")));

  return problems;
}

static char *
normalize_tags (const char *tags)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GHashTable) seen = NULL;

  /* most clients have none: no need for the table (an import checks thousands) */
  if (tags[strspn (tags, " \t\r\n,")] == '\0')
    return g_strdup ("");

  parts = g_strsplit (tags, ",", -1);
  out = g_string_new (NULL);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      g_autofree char *key = g_utf8_casefold (tag, -1);

      if (*tag == '\0' || g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, tag);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The identifiers alone, in the form sportello_identifier_normalize()
 * stores: for every way a client enters (the editor, bundles) */
gboolean
_sportello_client_normalize_identifiers (SportelloClient *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (validated_fields); i++)
    {
      SportelloClientField field = validated_fields[i].field;
      g_autofree char *normalized = sportello_identifier_normalize (validated_fields[i].kind,
                                                                    sportello_record_get (SPORTELLO_RECORD (self), field));

      if (g_strcmp0 (normalized, sportello_record_get (SPORTELLO_RECORD (self), field)) != 0)
        {
          sportello_client_set (self, field, normalized);
          changed = TRUE;
        }
    }

  return changed;
}

/* Whether g_strstrip() would change @text */
static gboolean
needs_strip (const char *text)
{
  size_t len = strlen (text);

  return len > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1]));
}

/**
 * sportello_client_normalize:
 *
 * Rewrites identifiers in their normalized form (no spaces, upper case,
 * no “IT” prefix…) and trims the other fields. Values that fail their rule
 * are kept as typed. Returns %TRUE if anything changed.
 */
gboolean
sportello_client_normalize (SportelloClient *self)
{
  gboolean changed;

  g_return_val_if_fail (SPORTELLO_IS_CLIENT (self), FALSE);

  changed = _sportello_client_normalize_identifiers (self);

  for (guint i = 0; i < SPORTELLO_CLIENT_N_TEXT_FIELDS; i++)
    {
      g_autofree char *trimmed = NULL;

      if (i == SPORTELLO_CLIENT_NOTES || i == SPORTELLO_CLIENT_CONSENT_NOTE)
        continue;
      /* nothing to trim, as most fields of an import: no copy to compare */
      if (sportello_record_get (SPORTELLO_RECORD (self), i)[0] == '\0' ||
          (i != SPORTELLO_CLIENT_TAGS && !needs_strip (sportello_record_get (SPORTELLO_RECORD (self), i))))
        continue;

      trimmed = i == SPORTELLO_CLIENT_TAGS
        ? normalize_tags (sportello_record_get (SPORTELLO_RECORD (self), i))
        : g_strstrip (g_strdup (sportello_record_get (SPORTELLO_RECORD (self), i)));
      if (g_strcmp0 (trimmed, sportello_record_get (SPORTELLO_RECORD (self), i)) != 0)
        {
          sportello_client_set (self, i, trimmed);
          changed = TRUE;
        }
    }

  return changed;
}

/* ------------------------------------------------------- storage ---- */

static SportelloClient *
load_where (SportelloDatabase  *db,
            const char         *where,
            const char         *uuid,
            gint64              id,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT id, %s FROM clients WHERE %s", _sportello_client_columns (), where);
  if (!(stmt = _sportello_database_prepare (db, sql, error)))
    return NULL;

  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _sportello_client_new_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                 _("The client does not exist any more"));
  else
    _sportello_database_set_error (db, error);

  return NULL;
}

SportelloClient *
sportello_client_load (SportelloDatabase  *db,
                       const char         *uuid,
                       GError            **error)
{
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return load_where (db, "uuid = ?", uuid, 0, error);
}

SportelloClient *
sportello_client_load_by_id (SportelloDatabase  *db,
                             gint64              id,
                             GError            **error)
{
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  return load_where (db, "id = ?", NULL, id, error);
}

/**
 * _sportello_client_index_tags:
 * @uuid: (nullable): the client whose tags to index, or %NULL for all
 *
 * Fills client_tags, the index the tag filter and the tag list read, from
 * the clients' comma-separated tags. Inside the caller's transaction.
 */
gboolean
_sportello_client_index_tags (SportelloDatabase  *db,
                              const char         *uuid,
                              GError            **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  if (!(del = _sportello_database_prepare (db, uuid != NULL
          ? "DELETE FROM client_tags WHERE client_id = (SELECT id FROM clients WHERE uuid = ?1)"
          : "DELETE FROM client_tags", error)) ||
      !(ins = _sportello_database_prepare (db, uuid != NULL
          ? SPORTELLO_CLIENT_INDEX_TAGS_SQL ("uuid = ?1")
          : SPORTELLO_CLIENT_INDEX_TAGS_SQL ("1"), error)))
    return FALSE;

  if (uuid != NULL)
    {
      sqlite3_bind_text (del, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins, 1, uuid, -1, SQLITE_STATIC);
    }
  if (sqlite3_step (del) != SQLITE_DONE || sqlite3_step (ins) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean write_with (SportelloClient    *self,
                            SportelloDatabase  *db,
                            gboolean            touch,
                            sqlite3_stmt       *stmt,
                            gboolean            index_tags,
                            gboolean            known,
                            GError            **error);

const char *
_sportello_client_upsert_sql (void)
{
  return upsert_sql ();
}

/* Writes the client inside the caller's transaction. */
gboolean
_sportello_client_write (SportelloClient    *self,
                         SportelloDatabase  *db,
                         gboolean            touch,
                         GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _sportello_database_prepare (db, upsert_sql (), error)))
    return FALSE;

  return write_with (self, db, touch, stmt, TRUE, FALSE, error);
}

/**
 * _sportello_client_write_with:
 * @upsert: the statement of _sportello_client_upsert_sql (), which a
 *   caller writing many clients prepares once
 * @index_tags: whether to index the client's tags now (a caller writing
 *   many indexes them all at the end)
 *
 * As _sportello_client_write (), inside the caller's transaction.
 */
gboolean
_sportello_client_write_with (SportelloClient    *self,
                              SportelloDatabase  *db,
                              gboolean            touch,
                              sqlite3_stmt       *stmt,
                              gboolean            index_tags,
                              GError            **error)
{
  /* a client loaded from this database keeps its id */
  return write_with (self, db, touch, stmt, index_tags, self->id > 0, error);
}

static gboolean
write_with (SportelloClient    *self,
            SportelloDatabase  *db,
            gboolean            touch,
            sqlite3_stmt       *stmt,
            gboolean            index_tags,
            gboolean            known,
            GError            **error)
{
  gboolean fresh = FALSE;

  if (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_UUID)[0] == '\0')
    {
      g_autofree char *uuid = sportello_new_uuid ();

      sportello_client_set (self, SPORTELLO_CLIENT_UUID, uuid);
      fresh = TRUE;
    }

  if (touch)
    {
      g_autofree char *now = sportello_now_utc ();

      if (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_CREATED_AT)[0] == '\0')
        {
          sportello_client_set (self, SPORTELLO_CLIENT_CREATED_AT, now);
          sportello_client_set (self, SPORTELLO_CLIENT_ORIGIN_CONSULTANT, sportello_database_get_consultant (db));
          sportello_client_set (self, SPORTELLO_CLIENT_ORIGIN_HUB, sportello_database_get_hub (db));
        }
      if (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_OWNER_CONSULTANT)[0] == '\0')
        sportello_client_set (self, SPORTELLO_CLIENT_OWNER_CONSULTANT, sportello_database_get_consultant (db));
      if (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_OWNER_HUB)[0] == '\0')
        sportello_client_set (self, SPORTELLO_CLIENT_OWNER_HUB, sportello_database_get_hub (db));
      sportello_client_set (self, SPORTELLO_CLIENT_UPDATED_AT, now);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  for (guint i = 0; i < SPORTELLO_CLIENT_N_TEXT_FIELDS; i++)
    {
      if (i == SPORTELLO_CLIENT_LAST_MEETING_AT && sportello_record_get (SPORTELLO_RECORD (self), i)[0] == '\0')
        sqlite3_bind_null (stmt, i + 1);
      else
        sqlite3_bind_text (stmt, i + 1, sportello_record_get (SPORTELLO_RECORD (self), i), -1, SQLITE_STATIC);
    }
  if (self->employees < 0)
    sqlite3_bind_null (stmt, SPORTELLO_CLIENT_N_TEXT_FIELDS + 1);
  else
    sqlite3_bind_int (stmt, SPORTELLO_CLIENT_N_TEXT_FIELDS + 1, self->employees);
  sqlite3_bind_int (stmt, SPORTELLO_CLIENT_N_TEXT_FIELDS + 2, self->consent_given);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  /* a new UUID: the statement inserted, it did not update */
  if (fresh)
    self->id = sqlite3_last_insert_rowid (_sportello_database_get_handle (db));
  else if (!known)
    {
      g_autoptr(sqlite3_stmt) id_stmt = NULL;

      if (!(id_stmt = _sportello_database_prepare (db, "SELECT id FROM clients WHERE uuid = ?", error)))
        return FALSE;
      sqlite3_bind_text (id_stmt, 1, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_UUID), -1, SQLITE_STATIC);
      if (sqlite3_step (id_stmt) != SQLITE_ROW)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
      self->id = sqlite3_column_int64 (id_stmt, 0);
    }

  return !index_tags ||
         _sportello_client_index_tags (db, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_UUID), error);
}

/**
 * sportello_client_save:
 *
 * Normalizes, checks and stores the client, new or changed, in one
 * transaction. Refuses a client with a blocking problem.
 */
gboolean
sportello_client_save (SportelloClient    *self,
                       SportelloDatabase  *db,
                       GError            **error)
{
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (SPORTELLO_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  sportello_client_normalize (self);

  problems = sportello_client_check (self);
  for (guint i = 0; i < problems->len; i++)
    {
      SportelloClientProblem *problem = g_ptr_array_index (problems, i);

      if (problem->blocking)
        {
          g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                       "%s: %s", sportello_client_field_label (problem->field), problem->message);
          return FALSE;
        }
    }

  if (!sportello_database_begin (db, error))
    return FALSE;

  if (!_sportello_client_write (self, db, TRUE, error) ||
      !sportello_database_commit (db, error))
    {
      sportello_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/**
 * sportello_client_find_duplicate:
 * @field: (out) (optional): which field matched
 *
 * Looks for another client with the same VAT number or tax code.
 * Returns it, or %NULL (without an error) when there is none.
 */
SportelloClient *
sportello_client_find_duplicate (SportelloClient       *self,
                                 SportelloDatabase     *db,
                                 SportelloClientField  *field,
                                 GError               **error)
{
  static const SportelloClientField keys[] = { SPORTELLO_CLIENT_VAT_NUMBER, SPORTELLO_CLIENT_TAX_CODE };

  g_return_val_if_fail (SPORTELLO_IS_CLIENT (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *normalized = NULL;
      Validator validate = keys[i] == SPORTELLO_CLIENT_VAT_NUMBER ? sportello_validate_vat : sportello_validate_tax_code;
      int rc;

      validate (sportello_record_get (SPORTELLO_RECORD (self), keys[i]), &normalized, NULL);
      if (normalized == NULL || normalized[0] == '\0')
        continue;

      /* A firm's numeric tax code is usually its VAT number: look in both.
       * The value is never empty, so the “<> ''” change nothing but let
       * the partial indexes clients_by_vat and clients_by_tax_code answer
       * (without them SQLite cannot tell, and reads every client); the
       * first client by id, as that reading found it. */
      if (!(stmt = _sportello_database_prepare (db,
                                                "SELECT id FROM clients WHERE ((vat_number = ?1 AND vat_number <> '') "
                                                "OR (tax_code = ?1 AND tax_code <> '')) "
                                                "AND uuid <> ?2 AND deleted_at IS NULL ORDER BY id LIMIT 1",
                                                error)))
        return NULL;
      sqlite3_bind_text (stmt, 1, normalized, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CLIENT_UUID), -1, SQLITE_STATIC);

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          if (field != NULL)
            *field = keys[i];
          return sportello_client_load_by_id (db, sqlite3_column_int64 (stmt, 0), error);
        }
      if (rc != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          return NULL;
        }
    }

  return NULL;
}

/* As _sportello_database_run_on_uuid (), and with @must_change, “the
 * client does not exist any more” when no row was touched */
static gboolean
run_on_uuid (SportelloDatabase  *db,
             const char         *sql,
             const char         *uuid,
             gboolean            must_change,
             GError            **error)
{
  if (!_sportello_database_run_on_uuid (db, sql, uuid, error))
    return FALSE;

  if (must_change && sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The client does not exist any more"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sportello_client_trash:
 *
 * Hides the client from every list and search, until it is restored or
 * purged: the first half of a delete that can be undone.
 */
gboolean
sportello_client_trash (SportelloDatabase  *db,
                        const char         *uuid,
                        GError            **error)
{
  return run_on_uuid (db,
                      "UPDATE clients SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                      "WHERE uuid = ? AND deleted_at IS NULL",
                      uuid, TRUE, error);
}

gboolean
sportello_client_restore (SportelloDatabase  *db,
                          const char         *uuid,
                          GError            **error)
{
  return run_on_uuid (db, "UPDATE clients SET deleted_at = NULL WHERE uuid = ? AND deleted_at IS NOT NULL",
                      uuid, TRUE, error);
}

/**
 * sportello_client_purge_trashed:
 * @uuid: (nullable): one trashed client, or %NULL for all of them
 *
 * Deletes for real what was trashed, with everything attached to it.
 */
gboolean
sportello_client_purge_trashed (SportelloDatabase  *db,
                                const char         *uuid,
                                GError            **error)
{
  /* and the content files of its attachments */
  if (uuid == NULL)
    return run_on_uuid (db, "DELETE FROM clients WHERE deleted_at IS NOT NULL", NULL, FALSE, error) &&
           sportello_attachment_collect_garbage (db, NULL, error);

  return run_on_uuid (db, "DELETE FROM clients WHERE uuid = ? AND deleted_at IS NOT NULL", uuid, FALSE, error) &&
         sportello_attachment_collect_garbage (db, NULL, error);
}

/**
 * sportello_client_erase:
 *
 * The GDPR erasure: removes the client and everything attached to it at
 * once, overwriting the freed pages, and checkpoints the journal so no copy
 * is left in the WAL file.
 */
gboolean
sportello_client_erase (SportelloDatabase  *db,
                        const char         *uuid,
                        GError            **error)
{
  if (!run_on_uuid (db, "DELETE FROM clients WHERE uuid = ?", uuid, TRUE, error))
    return FALSE;

  return sportello_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", error) &&
         sportello_attachment_collect_garbage (db, NULL, error);
}

GStrv
sportello_client_list_tags (SportelloDatabase  *db,
                            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = _sportello_database_prepare (db,
                                      "SELECT DISTINCT t.tag FROM client_tags t JOIN clients c ON c.id = t.client_id "
                                      "WHERE c.deleted_at IS NULL ORDER BY t.tag COLLATE NOCASE",
                                      error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}
