/* sportello-grant-places.c: the regions, provinces and ATECO sections calls name
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A call says where and for whom it is: the Italian regions by stable
 * ids, each with its provinces' codes, and the ATECO 2007 sections by
 * letter. Calls store these ids; matching asks for a client's region by
 * its province.
 */

#define G_LOG_DOMAIN "sportello-grant-call"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-grant-call.h"
#include "sportello-grant-private.h"
#include "sportello-vocabulary.h"

/* Regions, by the ids calls store, with the provinces in each */
static const struct {
  const char *id;
  const char *name;
  const char *provinces;
} regions[] = {
  { "piemonte", "Piemonte", "AL AT BI CN NO TO VB VC" },
  { "valle-d-aosta", "Valle d’Aosta", "AO" },
  { "lombardia", "Lombardia", "BG BS CO CR LC LO MB MI MN PV SO VA" },
  { "trentino-alto-adige", "Trentino-Alto Adige", "BZ TN" },
  { "veneto", "Veneto", "BL PD RO TV VE VI VR" },
  { "friuli-venezia-giulia", "Friuli-Venezia Giulia", "GO PN TS UD" },
  { "liguria", "Liguria", "GE IM SP SV" },
  { "emilia-romagna", "Emilia-Romagna", "BO FC FE MO PC PR RA RE RN" },
  { "toscana", "Toscana", "AR FI GR LI LU MS PI PO PT SI" },
  { "umbria", "Umbria", "PG TR" },
  { "marche", "Marche", "AN AP FM MC PU" },
  { "lazio", "Lazio", "FR LT RI RM VT" },
  { "abruzzo", "Abruzzo", "AQ CH PE TE" },
  { "molise", "Molise", "CB IS" },
  { "campania", "Campania", "AV BN CE NA SA" },
  { "puglia", "Puglia", "BA BR BT FG LE TA" },
  { "basilicata", "Basilicata", "MT PZ" },
  { "calabria", "Calabria", "CS CZ KR RC VV" },
  { "sicilia", "Sicilia", "AG CL CT EN ME PA RG SR TP" },
  { "sardegna", "Sardegna", "CA NU OR SS SU CI OG OT VS" },
};

/* ATECO 2007 sections, as ISTAT names them */
static const SportelloTerm ateco_sections[] = {
  { "A", N_("Agriculture, forestry and fishing") },
  { "B", N_("Mining and quarrying") },
  { "C", N_("Manufacturing") },
  { "D", N_("Electricity, gas, steam and air conditioning supply") },
  { "E", N_("Water supply; sewerage, waste management and remediation") },
  { "F", N_("Construction") },
  { "G", N_("Wholesale and retail trade; repair of motor vehicles and motorcycles") },
  { "H", N_("Transportation and storage") },
  { "I", N_("Accommodation and food service activities") },
  { "J", N_("Information and communication") },
  { "K", N_("Financial and insurance activities") },
  { "L", N_("Real estate activities") },
  { "M", N_("Professional, scientific and technical activities") },
  { "N", N_("Rental, travel agencies and business support services") },
  { "O", N_("Public administration and defence; compulsory social security") },
  { "P", N_("Education") },
  { "Q", N_("Human health and social work activities") },
  { "R", N_("Arts, sports, entertainment and recreation") },
  { "S", N_("Other service activities") },
  { "T", N_("Activities of households as employers") },
  { "U", N_("Extraterritorial organisations and bodies") },
};

const char * const *
sportello_grant_region_ids (void)
{
  static const char *ids[G_N_ELEMENTS (regions) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
      ids[i] = regions[i].id;

  return ids;
}

/* The region's name (a proper name, the same in every language), or NULL */
const char *
sportello_grant_region_name (const char *region_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_strcmp0 (regions[i].id, region_id) == 0)
      return regions[i].name;

  return NULL;
}

const char *
sportello_grant_region_provinces (const char *region_id)
{
  return _sportello_grant_region_provinces (region_id);
}

const char * const *
sportello_grant_ateco_section_ids (void)
{
  static const char *ids[G_N_ELEMENTS (ateco_sections) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (ateco_sections); i++)
      ids[i] = ateco_sections[i].id;

  return ids;
}

/* The section's translated name, or NULL for no section */
const char *
sportello_grant_ateco_section_label (const char *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (ateco_sections); i++)
    if (g_strcmp0 (ateco_sections[i].id, section) == 0)
      return g_dgettext (GETTEXT_PACKAGE, ateco_sections[i].label);

  return NULL;
}

const char *
_sportello_grant_region_provinces (const char *region_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_strcmp0 (regions[i].id, region_id) == 0)
      return regions[i].provinces;

  return NULL;
}

/* Region index + 1 for each two-letter code, 0 for none: matching asks
 * for every client */
static const guint8 *
province_table (void)
{
  static guint8 table[26 * 26];
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        for (const char *p = regions[i].provinces; *p != '\0'; p += p[2] == ' ' ? 3 : 2)
          table[(p[0] - 'A') * 26 + (p[1] - 'A')] = i + 1;
      g_once_init_leave (&done, 1);
    }

  return table;
}

/* The id of the region a province code is in, or NULL */
const char *
sportello_grant_region_of_province (const char *province)
{
  char a, b;
  guint8 region;

  if (province == NULL || province[0] == '\0' || province[1] == '\0' || province[2] != '\0')
    return NULL;

  a = g_ascii_toupper (province[0]);
  b = g_ascii_toupper (province[1]);
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
    return NULL;

  region = province_table ()[(a - 'A') * 26 + (b - 'A')];
  return region > 0 ? regions[region - 1].id : NULL;
}
