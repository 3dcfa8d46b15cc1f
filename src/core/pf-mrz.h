/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-document.h"

G_BEGIN_DECLS

#define PF_MRZ_ERROR (pf_mrz_error_quark ())

/**
 * PfMrzError:
 * @PF_MRZ_ERROR_EMPTY: no text at all
 * @PF_MRZ_ERROR_LINE_COUNT: not two or three lines
 * @PF_MRZ_ERROR_LINE_LENGTH: lines of a length no MRZ has, or of unequal
 *   lengths
 * @PF_MRZ_ERROR_CHARACTER: a character an MRZ cannot hold (lower case, a
 *   space, punctuation...)
 * @PF_MRZ_ERROR_NOT_FOUND: the reader found no machine-readable zone in
 *   the image
 * @PF_MRZ_ERROR_IMAGE: the image is too small to hold a readable MRZ
 */
typedef enum
{
  PF_MRZ_ERROR_EMPTY,
  PF_MRZ_ERROR_LINE_COUNT,
  PF_MRZ_ERROR_LINE_LENGTH,
  PF_MRZ_ERROR_CHARACTER,
  PF_MRZ_ERROR_NOT_FOUND,
  PF_MRZ_ERROR_IMAGE,
} PfMrzError;

/**
 * PfMrzLayout:
 * @PF_MRZ_LAYOUT_TD1: ID-1 cards, 3 lines of 30
 * @PF_MRZ_LAYOUT_TD2: ID-2 cards, 2 lines of 36
 * @PF_MRZ_LAYOUT_TD3: passports, 2 lines of 44
 * @PF_MRZ_LAYOUT_MRV_A: full-page visas, 2 lines of 44
 * @PF_MRZ_LAYOUT_MRV_B: smaller visas, 2 lines of 36
 *
 * The field layouts of ICAO Doc 9303. Visas share the line shapes of TD3
 * and TD2 but carry no composite check digit.
 */
typedef enum
{
  PF_MRZ_LAYOUT_TD1,
  PF_MRZ_LAYOUT_TD2,
  PF_MRZ_LAYOUT_TD3,
  PF_MRZ_LAYOUT_MRV_A,
  PF_MRZ_LAYOUT_MRV_B,
} PfMrzLayout;

/**
 * PfMrzField:
 * @PF_MRZ_FIELD_OPTIONAL_DATA: the optional data of line 1 (TD1), the
 *   personal number (TD3) or the optional data (TD2, visas)
 * @PF_MRZ_FIELD_OPTIONAL_DATA_2: the optional data of line 2 (TD1 only)
 *
 * The fields of an MRZ, in every layout.
 */
typedef enum
{
  PF_MRZ_FIELD_DOCUMENT_CODE,
  PF_MRZ_FIELD_ISSUING_STATE,
  PF_MRZ_FIELD_SURNAME,
  PF_MRZ_FIELD_GIVEN_NAMES,
  PF_MRZ_FIELD_DOCUMENT_NUMBER,
  PF_MRZ_FIELD_NATIONALITY,
  PF_MRZ_FIELD_BIRTH_DATE,
  PF_MRZ_FIELD_SEX,
  PF_MRZ_FIELD_EXPIRY_DATE,
  PF_MRZ_FIELD_OPTIONAL_DATA,
  PF_MRZ_FIELD_OPTIONAL_DATA_2,
} PfMrzField;

#define PF_MRZ_N_FIELDS (PF_MRZ_FIELD_OPTIONAL_DATA_2 + 1)

/**
 * PfMrzCheck:
 * @PF_MRZ_CHECK_OPTIONAL_DATA: the personal number's check digit (TD3)
 * @PF_MRZ_CHECK_COMPOSITE: the check digit over several fields (TD1, TD2,
 *   TD3)
 *
 * The check digits of an MRZ.
 */
typedef enum
{
  PF_MRZ_CHECK_DOCUMENT_NUMBER,
  PF_MRZ_CHECK_BIRTH_DATE,
  PF_MRZ_CHECK_EXPIRY_DATE,
  PF_MRZ_CHECK_OPTIONAL_DATA,
  PF_MRZ_CHECK_COMPOSITE,
} PfMrzCheck;

#define PF_MRZ_N_CHECKS (PF_MRZ_CHECK_COMPOSITE + 1)

/**
 * PfMrzCheckResult:
 * @PF_MRZ_CHECK_RESULT_ABSENT: the layout has no such check digit
 * @PF_MRZ_CHECK_RESULT_PASSED: the digit matches the data it protects
 * @PF_MRZ_CHECK_RESULT_FAILED: it does not, or is not a digit
 */
typedef enum
{
  PF_MRZ_CHECK_RESULT_ABSENT,
  PF_MRZ_CHECK_RESULT_PASSED,
  PF_MRZ_CHECK_RESULT_FAILED,
} PfMrzCheckResult;

/**
 * PfMrzSex:
 * @PF_MRZ_SEX_UNSPECIFIED: '<' (or 'X', which some states print)
 *
 * The sex field. Any other character is a problem
 * (%PF_MRZ_PROBLEM_SEX) and reads as unspecified.
 */
typedef enum
{
  PF_MRZ_SEX_UNSPECIFIED,
  PF_MRZ_SEX_FEMALE,
  PF_MRZ_SEX_MALE,
} PfMrzSex;

/**
 * PfMrzProblem:
 * @PF_MRZ_PROBLEM_CHECK_DIGIT: at least one check digit failed
 * @PF_MRZ_PROBLEM_BIRTH_DATE: the birth date is no real day (the 31st of
 *   February, month 13, letters) or lies after today; a date the issuer
 *   marked unknown with fillers is no problem
 * @PF_MRZ_PROBLEM_EXPIRY_DATE: the expiry date is no real day
 * @PF_MRZ_PROBLEM_SEX: the sex field is not F, M, X or '<'
 * @PF_MRZ_PROBLEM_DOCUMENT_CODE: the document code does not start with a
 *   letter, or names a visa in a layout for other documents
 * @PF_MRZ_PROBLEM_STATE: the issuing state or nationality holds digits
 * @PF_MRZ_PROBLEM_NAME: the name field holds digits or starts with a filler
 *
 * What is wrong in an MRZ that has the right shape. An MRZ with no problem
 * is valid.
 */
typedef enum /*< flags >*/
{
  PF_MRZ_PROBLEM_NONE          = 0,
  PF_MRZ_PROBLEM_CHECK_DIGIT   = 1 << 0,
  PF_MRZ_PROBLEM_BIRTH_DATE    = 1 << 1,
  PF_MRZ_PROBLEM_EXPIRY_DATE   = 1 << 2,
  PF_MRZ_PROBLEM_SEX           = 1 << 3,
  PF_MRZ_PROBLEM_DOCUMENT_CODE = 1 << 4,
  PF_MRZ_PROBLEM_STATE         = 1 << 5,
  PF_MRZ_PROBLEM_NAME          = 1 << 6,
} PfMrzProblem;

/**
 * PfMrz:
 *
 * A parsed machine-readable zone: its lines, its fields and the verdict of
 * each check digit. Immutable and ref-counted; its strings are zeroed when
 * it is freed, because they are a person's identity.
 */
typedef struct _PfMrz PfMrz;

#define PF_TYPE_MRZ (pf_mrz_get_type ())

GQuark            pf_mrz_error_quark        (void);
GType             pf_mrz_get_type           (void) G_GNUC_CONST;

int               pf_mrz_char_value         (char             c);
int               pf_mrz_check_digit        (const char      *text,
                                             gssize           len);

PfMrz            *pf_mrz_parse              (const char      *text,
                                             const GDate     *today,
                                             GError         **error);
PfMrz            *pf_mrz_ref                (PfMrz           *self);
void              pf_mrz_unref              (PfMrz           *self);

PfMrzLayout       pf_mrz_get_layout         (const PfMrz     *self);
PfMrzFormat       pf_mrz_get_format         (const PfMrz     *self);
guint             pf_mrz_get_n_lines        (const PfMrz     *self);
const char       *pf_mrz_get_line           (const PfMrz     *self,
                                             guint            line);
const char       *pf_mrz_get_field          (const PfMrz     *self,
                                             PfMrzField       field);
gboolean          pf_mrz_get_field_span     (const PfMrz     *self,
                                             PfMrzField       field,
                                             guint           *line,
                                             guint           *start,
                                             guint           *length);
PfMrzSex          pf_mrz_get_sex            (const PfMrz     *self);
gboolean          pf_mrz_get_birth_date     (const PfMrz     *self,
                                             GDate           *date);
gboolean          pf_mrz_get_expiry_date    (const PfMrz     *self,
                                             GDate           *date);
gboolean          pf_mrz_get_names_truncated (const PfMrz    *self);
PfMrzCheckResult  pf_mrz_get_check          (const PfMrz     *self,
                                             PfMrzCheck       check);
PfMrzProblem      pf_mrz_get_problems       (const PfMrz     *self);
gboolean          pf_mrz_is_valid           (const PfMrz     *self);

const char       *pf_mrz_layout_to_string   (PfMrzLayout      layout);
PfMrzFormat       pf_mrz_layout_get_format  (PfMrzLayout      layout);
const char       *pf_mrz_field_to_string    (PfMrzField       field);
const char       *pf_mrz_check_to_string    (PfMrzCheck       check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfMrz, pf_mrz_unref)

G_END_DECLS
