/* sportello-vocabulary.c: the closed lists of values a record can take
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-vocabulary.h"

static const SportelloTerm legal_forms[] = {
  { "di", NC_("legal form", "Sole proprietorship") },
  { "snc", NC_("legal form", "S.n.c.") },
  { "sas", NC_("legal form", "S.a.s.") },
  { "srl", NC_("legal form", "S.r.l.") },
  { "srls", NC_("legal form", "S.r.l.s.") },
  { "spa", NC_("legal form", "S.p.A.") },
  { "coop", NC_("legal form", "Cooperative") },
  { "other", NC_("legal form", "Other") },
};

static const SportelloTerm categories[] = {
  { "artisan", NC_("client category", "Artisan") },
  { "hospitality", NC_("client category", "Bar and restaurant") },
  { "retail", NC_("client category", "Retail shop") },
  { "sme", NC_("client category", "SME") },
  { "startup", NC_("client category", "Innovative startup") },
  { "professional", NC_("client category", "Professional") },
  { "other", NC_("client category", "Other") },
};

static const SportelloTerm statuses[] = {
  { "new", NC_("client status", "New contact") },
  { "consulting", NC_("client status", "In consultation") },
  { "followed", NC_("client status", "Followed") },
  { "closed", NC_("client status", "Closed") },
  { "archived", NC_("client status", "Archived") },
};

static const SportelloTerm sources[] = {
  { "webinar", NC_("how the client reached the desk", "Webinar") },
  { "word-of-mouth", NC_("how the client reached the desk", "Word of mouth") },
  { "chamber", NC_("how the client reached the desk", "Chamber of commerce") },
  { "event", NC_("how the client reached the desk", "Event") },
  { "website", NC_("how the client reached the desk", "Website") },
  { "other", NC_("how the client reached the desk", "Other") },
};

/* GDPR art. 6(1) legal bases that apply at a consulting desk */
static const SportelloTerm consent_bases[] = {
  { "consent", NC_("GDPR legal basis", "Consent") },
  { "contract", NC_("GDPR legal basis", "Contract or pre-contractual steps") },
  { "legal-obligation", NC_("GDPR legal basis", "Legal obligation") },
  { "legitimate-interest", NC_("GDPR legal basis", "Legitimate interest") },
};

static const SportelloTerm meeting_kinds[] = {
  { "desk", NC_("meeting kind", "At the desk") },
  { "video", NC_("meeting kind", "Video call") },
  { "phone", NC_("meeting kind", "Phone call") },
  { "visit", NC_("meeting kind", "Company visit") },
  { "webinar", NC_("meeting kind", "Webinar") },
};

static const SportelloTerm assignees[] = {
  { "consultant", NC_("who does a follow-up", "Consultant") },
  { "client", NC_("who does a follow-up", "Client") },
};

static const SportelloTerm event_kinds[] = {
  { "webinar", NC_("event kind", "Webinar") },
  { "workshop", NC_("event kind", "Workshop") },
  { "info_session", NC_("event kind", "Information session") },
  { "other", NC_("event kind", "Other") },
};

static const SportelloTerm registration_statuses[] = {
  { "registered", NC_("registration status", "Registered") },
  { "waitlisted", NC_("registration status", "On the waiting list") },
  { "attended", NC_("registration status", "Attended") },
  { "absent", NC_("registration status", "Absent") },
  { "cancelled", NC_("registration status", "Cancelled") },
};

/* Grant calls (“bandi”) and applications */
static const SportelloTerm grant_funders[] = {
  { "region", NC_("grant funder", "Region") },
  { "chamber", NC_("grant funder", "Chamber of commerce") },
  { "mimit", NC_("grant funder", "MIMIT / Invitalia") },
  { "eu", NC_("grant funder", "EU programme") },
  { "other", NC_("grant funder", "Other") },
};

static const SportelloTerm grant_kinds[] = {
  { "voucher", NC_("grant kind", "Voucher") },
  { "grant", NC_("grant kind", "Non-repayable grant") },
  { "soft-loan", NC_("grant kind", "Subsidised loan") },
  { "tax-credit", NC_("grant kind", "Tax credit") },
  { "other", NC_("grant kind", "Other") },
};

/* By employees alone: the EU definition also looks at turnover */
static const SportelloTerm grant_sizes[] = {
  { "micro", NC_("firm size", "Micro (fewer than 10 employees)") },
  { "small", NC_("firm size", "Small (10 to 49 employees)") },
  { "medium", NC_("firm size", "Medium (50 to 249 employees)") },
};

static const SportelloTerm grant_statuses[] = {
  { "interested", NC_("grant application status", "Interested") },
  { "preparing", NC_("grant application status", "Preparing") },
  { "submitted", NC_("grant application status", "Submitted") },
  { "admitted", NC_("grant application status", "Admitted") },
  { "funded", NC_("grant application status", "Funded") },
  { "rejected", NC_("grant application status", "Rejected") },
  { "withdrawn", NC_("grant application status", "Withdrawn") },
};

static const struct {
  const SportelloTerm *terms;
  guint                n_terms;
  const char          *context;
} vocabularies[SPORTELLO_N_VOCABULARIES] = {
  [SPORTELLO_VOCABULARY_LEGAL_FORM] = { legal_forms, G_N_ELEMENTS (legal_forms), "legal form" },
  [SPORTELLO_VOCABULARY_CATEGORY] = { categories, G_N_ELEMENTS (categories), "client category" },
  [SPORTELLO_VOCABULARY_STATUS] = { statuses, G_N_ELEMENTS (statuses), "client status" },
  [SPORTELLO_VOCABULARY_SOURCE] = { sources, G_N_ELEMENTS (sources), "how the client reached the desk" },
  [SPORTELLO_VOCABULARY_CONSENT_BASIS] = { consent_bases, G_N_ELEMENTS (consent_bases), "GDPR legal basis" },
  [SPORTELLO_VOCABULARY_MEETING_KIND] = { meeting_kinds, G_N_ELEMENTS (meeting_kinds), "meeting kind" },
  [SPORTELLO_VOCABULARY_ASSIGNEE] = { assignees, G_N_ELEMENTS (assignees), "who does a follow-up" },
  [SPORTELLO_VOCABULARY_EVENT_KIND] = { event_kinds, G_N_ELEMENTS (event_kinds), "event kind" },
  [SPORTELLO_VOCABULARY_REGISTRATION_STATUS] = { registration_statuses, G_N_ELEMENTS (registration_statuses), "registration status" },
  [SPORTELLO_VOCABULARY_GRANT_FUNDER] = { grant_funders, G_N_ELEMENTS (grant_funders), "grant funder" },
  [SPORTELLO_VOCABULARY_GRANT_KIND] = { grant_kinds, G_N_ELEMENTS (grant_kinds), "grant kind" },
  [SPORTELLO_VOCABULARY_GRANT_SIZE] = { grant_sizes, G_N_ELEMENTS (grant_sizes), "firm size" },
  [SPORTELLO_VOCABULARY_GRANT_STATUS] = { grant_statuses, G_N_ELEMENTS (grant_statuses), "grant application status" },
};

const SportelloTerm *
sportello_vocabulary_terms (SportelloVocabulary  vocabulary,
                            guint               *n_terms)
{
  g_return_val_if_fail (vocabulary < SPORTELLO_N_VOCABULARIES, NULL);

  *n_terms = vocabularies[vocabulary].n_terms;
  return vocabularies[vocabulary].terms;
}

int
sportello_vocabulary_index (SportelloVocabulary  vocabulary,
                            const char          *id)
{
  g_return_val_if_fail (vocabulary < SPORTELLO_N_VOCABULARIES, -1);

  for (guint i = 0; i < vocabularies[vocabulary].n_terms; i++)
    if (g_strcmp0 (vocabularies[vocabulary].terms[i].id, id) == 0)
      return (int) i;

  return -1;
}

gboolean
sportello_vocabulary_contains (SportelloVocabulary  vocabulary,
                               const char          *id)
{
  return sportello_vocabulary_index (vocabulary, id) >= 0;
}

/* Returns the translated label, or "" for an unknown or empty id. */
const char *
sportello_vocabulary_label (SportelloVocabulary  vocabulary,
                            const char          *id)
{
  int i = sportello_vocabulary_index (vocabulary, id);

  if (i < 0)
    return "";

  return g_dpgettext2 (GETTEXT_PACKAGE, vocabularies[vocabulary].context,
                       vocabularies[vocabulary].terms[i].label);
}
