/* sportello-vocabulary.h: the closed lists of values a record can take
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A value is stored by its stable id (never translated); its label is
 * translated when shown. */
typedef struct
{
  const char *id;
  const char *label;   /* N_() msgid in the vocabulary's context */
} SportelloTerm;

typedef enum
{
  SPORTELLO_VOCABULARY_LEGAL_FORM,
  SPORTELLO_VOCABULARY_CATEGORY,
  SPORTELLO_VOCABULARY_STATUS,
  SPORTELLO_VOCABULARY_SOURCE,
  SPORTELLO_VOCABULARY_CONSENT_BASIS,
  SPORTELLO_VOCABULARY_MEETING_KIND,
  SPORTELLO_VOCABULARY_ASSIGNEE,
  SPORTELLO_VOCABULARY_EVENT_KIND,
  SPORTELLO_VOCABULARY_REGISTRATION_STATUS,
  SPORTELLO_VOCABULARY_GRANT_FUNDER,
  SPORTELLO_VOCABULARY_GRANT_KIND,
  SPORTELLO_VOCABULARY_GRANT_SIZE,
  SPORTELLO_VOCABULARY_GRANT_STATUS,   /* of an application */
  SPORTELLO_N_VOCABULARIES
} SportelloVocabulary;

const SportelloTerm *sportello_vocabulary_terms    (SportelloVocabulary  vocabulary,
                                                    guint               *n_terms);
const char          *sportello_vocabulary_label    (SportelloVocabulary  vocabulary,
                                                    const char          *id);
int                  sportello_vocabulary_index    (SportelloVocabulary  vocabulary,
                                                    const char          *id);
gboolean             sportello_vocabulary_contains (SportelloVocabulary  vocabulary,
                                                    const char          *id);

G_END_DECLS
