/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The specimen MRZs of ICAO Doc 9303 (parts 4 to 7), for the parser's and
 * the reader's tests. */
#pragma once

#define TD3_SPECIMEN \
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" \
  "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
#define TD1_SPECIMEN \
  "I<UTOD231458907<<<<<<<<<<<<<<<\n" \
  "7408122F1204159UTO<<<<<<<<<<<6\n" \
  "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
#define TD2_SPECIMEN \
  "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" \
  "D231458907UTO7408122F1204159<<<<<<<6"
#define MRV_A_SPECIMEN \
  "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" \
  "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"
#define MRV_B_SPECIMEN \
  "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" \
  "L8988901C4XXX4009078F9612109<<<<<<<<"
