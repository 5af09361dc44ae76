/* sportello-record-columns-private.h: the shared expanders of the lists of columns
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's private header lists its columns as an X-macro, calling
 * one macro for each text column (field, name) and one for each
 * reference to another table (field, column, member, alias). These are
 * the expanders that every record with references uses alike; what is
 * its own (the table alias of a SELECT, how a value is read or bound)
 * each .c file defines next to its include of this header.
 *
 * Include it only from a record's .c file, after the other headers.
 */

#pragma once

/* the text fields' property names, by field */
#define FIELD_NAME(field, name)                  [field] = name,
#define REF_NAME(field, column, member, alias)   [field] = member,
#define SKIP_REF(field, column, member, alias)
/* a reference is selected as the other row's uuid and read as a text field */
#define SELECT_REF(field, column, member, alias) ", " alias ".uuid"
#define READ_REF(field, column, member, alias)   READ_TEXT (field, member)
/* the upsert: its columns, one ? a text, the other row's id a reference,
 * and the update of a text column */
#define INSERT_NAME(field, name)                 ", " name
#define INSERT_REF(field, column, member, alias) ", " column
#define VALUE(field, name)                       ", ?"
#define VALUE_REF(field, column, member, alias)  ", " alias ".id"
#define UPDATE(field, name)                      ", " name " = excluded." name
