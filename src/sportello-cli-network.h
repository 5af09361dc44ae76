/* sportello-cli-network.h: the network's report on the command line
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sportello_cli_network_report (const char         *path,
                                  const char * const *files);

G_END_DECLS
