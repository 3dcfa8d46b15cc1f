/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small loops over pixel rows that the image code and the photo checks
 * share, written with GCC's generic vectors where they exist: they compile
 * to SIMD on every architecture that has it and to plain code elsewhere,
 * with no intrinsics. Not for use outside src/core. */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 9
#define PF_HAVE_GENERIC_VECTORS 1
typedef guint8 PfU8x16 __attribute__ ((vector_size (16)));
typedef guint16 PfU16x16 __attribute__ ((vector_size (32)));
typedef guint32 PfU32x16 __attribute__ ((vector_size (64)));
typedef float PfF32x8 __attribute__ ((vector_size (32)));
typedef gint16 PfI16x16 __attribute__ ((vector_size (32)));
#endif

/* For a function that loops over whole rows: on x86-64 it is built twice,
 * for AVX2 and for any processor, and the loader picks the one this
 * processor runs (an ifunc), so that the generic vectors fill twice the
 * lanes where there are. Whatever it inlines is built both ways too. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__GLIBC__)
#define PF_ROW_LOOPS __attribute__ ((target_clones ("avx2", "default")))
#else
#define PF_ROW_LOOPS
#endif

/* @sums[i] += @row[i] for @n bytes. */
static inline void
pf_sum_bytes_u16 (guint16      *sums,
                  const guint8 *row,
                  gsize         n)
{
  gsize i = 0;

#ifdef PF_HAVE_GENERIC_VECTORS
  for (; i + 16 <= n; i += 16)
    {
      PfU8x16 bytes;
      PfU16x16 acc;

      memcpy (&bytes, row + i, sizeof bytes);
      memcpy (&acc, sums + i, sizeof acc);
      acc += __builtin_convertvector (bytes, PfU16x16);
      memcpy (sums + i, &acc, sizeof acc);
    }
#endif
  for (; i < n; i++)
    sums[i] += row[i];
}

/* @sums[i] += @part[i] for @n values. */
static inline void
pf_sum_u16_u32 (guint32       *sums,
                const guint16 *part,
                gsize          n)
{
  gsize i = 0;

#ifdef PF_HAVE_GENERIC_VECTORS
  for (; i + 16 <= n; i += 16)
    {
      PfU16x16 parts;
      PfU32x16 acc;

      memcpy (&parts, part + i, sizeof parts);
      memcpy (&acc, sums + i, sizeof acc);
      acc += __builtin_convertvector (parts, PfU32x16);
      memcpy (sums + i, &acc, sizeof acc);
    }
#endif
  for (; i < n; i++)
    sums[i] += part[i];
}

G_END_DECLS
