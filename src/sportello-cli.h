/* sportello-cli.h: the command line of the sportello binary
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* sysexits.h */
#define SPORTELLO_EXIT_OK      0
#define SPORTELLO_EXIT_USAGE   64
#define SPORTELLO_EXIT_DATAERR 65
#define SPORTELLO_EXIT_IOERR   74

int sportello_cli_main (int    argc,
                        char **argv);

G_END_DECLS
