/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small radix-2 fast Fourier transform, enough for finding the periodic
 * patterns a screen leaves in a photo. Not for use outside src/core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  pf_fft_is_power_of_two (guint  n);

void      pf_fft_power_2d        (const float *data,
                                  guint        n,
                                  float       *power);

G_END_DECLS
