/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _CMDLINE_VT100_H_
#define _CMDLINE_VT100_H_

/**
 * @file
 * VT100 (ANSI) control sequences, under the DPDK 22.11 names, for
 * applications that draw on the terminal themselves. Lockstep's own line
 * editing is libedit's and does not use them.
 */

#ifdef __cplusplus
extern "C" {
#endif

#define vt100_bell "\007"
#define vt100_bs "\010"
#define vt100_bs_clear "\010 \010"
#define vt100_tab "\011"
#define vt100_crnl "\012\015"
#define vt100_clear_right "\033[0K"
#define vt100_clear_left "\033[1K"
#define vt100_clear_down "\033[0J"
#define vt100_clear_up "\033[1J"
#define vt100_clear_line "\033[2K"
#define vt100_clear_screen "\033[2J"
#define vt100_up_arr "\033[A"
#define vt100_down_arr "\033[B"
#define vt100_right_arr "\033[C"
#define vt100_left_arr "\033[D"
/* printf formats: move the cursor by %u columns. */
#define vt100_multi_right "\033[%uC"
#define vt100_multi_left "\033[%uD"
#define vt100_suppr "\033[3~"
#define vt100_home "\033M\033E"
#define vt100_word_left "\033b"
#define vt100_word_right "\033f"

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_VT100_H_ */
