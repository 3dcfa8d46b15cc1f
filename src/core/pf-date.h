/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pf-finding.h"

G_BEGIN_DECLS

#define PF_DATE_ERROR (pf_date_error_quark ())

/**
 * PfDateError:
 * @PF_DATE_ERROR_EMPTY: nothing was typed
 * @PF_DATE_ERROR_FORMAT: not a date in any form we know
 * @PF_DATE_ERROR_INVALID: looks like a date, but no such day exists
 * @PF_DATE_ERROR_AMBIGUOUS: both day-first and month-first readings are
 *   possible; ask which order was meant
 * @PF_DATE_ERROR_SHORT_YEAR: a two-digit year, which could be in two centuries
 */
typedef enum
{
  PF_DATE_ERROR_EMPTY,
  PF_DATE_ERROR_FORMAT,
  PF_DATE_ERROR_INVALID,
  PF_DATE_ERROR_AMBIGUOUS,
  PF_DATE_ERROR_SHORT_YEAR,
} PfDateError;

/**
 * PfDateOrder:
 * @PF_DATE_ORDER_UNKNOWN: not known; an ambiguous date is an error
 * @PF_DATE_ORDER_DAY_FIRST: 12/08/1974 is the 12th of August
 * @PF_DATE_ORDER_MONTH_FIRST: 12/08/1974 is the 8th of December
 */
typedef enum
{
  PF_DATE_ORDER_UNKNOWN,
  PF_DATE_ORDER_DAY_FIRST,
  PF_DATE_ORDER_MONTH_FIRST,
} PfDateOrder;

GQuark     pf_date_error_quark   (void);

gboolean   pf_date_parse         (const char   *text,
                                  PfDateOrder   order,
                                  GDate        *date,
                                  GError      **error);
char      *pf_date_format_long   (const GDate  *date);
void       pf_date_set_today     (GDate        *date);

int        pf_age_on             (const GDate  *birth,
                                  const GDate  *today);
PfFinding *pf_age_check          (const GDate  *birth,
                                  const GDate  *today,
                                  int           minimum_age);

G_END_DECLS
