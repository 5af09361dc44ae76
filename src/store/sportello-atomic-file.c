/* sportello-atomic-file.c: a file written whole or not at all
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Sportello writes for people to keep (bundles) goes to a temporary
 * file in the folder of its final name, “.NAME.sportello-XXXXXX”, which is
 * synced and then renamed over the final name: killed at any moment, or
 * stopped by a full disk, the final name holds either nothing or what it
 * held before. g_file_replace() does that only when the file already
 * exists, and leaves its “.goutputstream-XXXXXX” behind when killed.
 *
 * A temporary file is locked (flock) for as long as it is written. Before
 * writing into a folder, the temporaries that no process holds any more —
 * left by an export that was killed — are removed; so are the
 * “.goutputstream-” files of earlier Sportello builds, recognised by the
 * start of a bundle and left alone for some minutes first, since those
 * were never locked.
 */

#define G_LOG_DOMAIN "sportello-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sportello-atomic-file.h"

#define TEMPORARY_MARK   ".sportello-"
#define LEGACY_PREFIX    ".goutputstream-"
#define LEGACY_MIN_AGE   (10 * 60)     /* seconds without a write */
#define LEGACY_START     "{\n  \"format\": \"sportello-bundle\""
#define MAX_NAME_IN_TEMP 200           /* bytes of the final name kept in the temporary's */

struct _SportelloAtomicFile
{
  char          *path;
  char          *temporary;
  int            fd;
  GOutputStream *stream;
  gboolean       committed;
};

static gboolean
set_error_from_errno (GError **error,
                      int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  return FALSE;
}

/* “.NAME.sportello-XXXXXX”, as made by g_mkstemp() */
static gboolean
is_temporary_name (const char *name)
{
  gsize len = strlen (name);
  gsize mark_len = strlen (TEMPORARY_MARK);
  const char *mark;

  if (name[0] != '.' || len < 1 + 1 + mark_len + 6)
    return FALSE;
  mark = name + len - 6 - mark_len;
  if (strncmp (mark, TEMPORARY_MARK, mark_len) != 0)
    return FALSE;
  for (const char *p = mark + mark_len; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_legacy_name (const char *name)
{
  return g_str_has_prefix (name, LEGACY_PREFIX) && strlen (name) == strlen (LEGACY_PREFIX) + 6;
}

static gboolean
starts_like_a_bundle (int fd)
{
  char start[sizeof LEGACY_START - 1];

  return pread (fd, start, sizeof start, 0) == (gssize) sizeof start &&
         memcmp (start, LEGACY_START, sizeof start) == 0;
}

/* Removes @name from @folder if it is a temporary file of ours that
 * nobody writes any more */
static gboolean
remove_if_orphaned (const char *folder,
                    const char *name,
                    gboolean    legacy)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  struct stat opened, named;
  gboolean removed = FALSE;
  int fd;

  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;

  if (fstat (fd, &opened) == 0 && S_ISREG (opened.st_mode) && opened.st_uid == getuid () &&
      /* not locked: the process that wrote it is gone */
      flock (fd, LOCK_EX | LOCK_NB) == 0 &&
      (!legacy || (time (NULL) - opened.st_mtime >= LEGACY_MIN_AGE && starts_like_a_bundle (fd))) &&
      /* and it is still the file of that name */
      g_lstat (path, &named) == 0 && named.st_dev == opened.st_dev && named.st_ino == opened.st_ino)
    {
      removed = g_unlink (path) == 0;
      if (removed)
        g_debug ("Removed the orphaned temporary file %s", path);
    }

  close (fd);
  return removed;
}

/**
 * sportello_atomic_file_clean_folder:
 *
 * Removes the temporary files an earlier write into @folder left behind
 * (killed half-way), and only those: files of another program, and
 * temporaries still being written, stay.
 *
 * Returns: how many were removed
 */
guint
sportello_atomic_file_clean_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_temporary_name (name))
        removed += remove_if_orphaned (folder, name, FALSE);
      else if (is_legacy_name (name))
        removed += remove_if_orphaned (folder, name, TRUE);
    }

  return removed;
}

/**
 * sportello_atomic_file_new:
 *
 * Starts writing @path: a temporary file in the same folder, locked until
 * it is committed (renamed to @path) or freed (removed).
 */
SportelloAtomicFile *
sportello_atomic_file_new (const char  *path,
                           GError     **error)
{
  g_autoptr(SportelloAtomicFile) file = g_new0 (SportelloAtomicFile, 1);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  struct stat target;

  file->path = g_strdup (path);
  file->fd = -1;

  sportello_atomic_file_clean_folder (folder);

  /* the temporary's name stays within the limit of the file system */
  if (strlen (name) > MAX_NAME_IN_TEMP)
    {
      gsize keep = MAX_NAME_IN_TEMP;

      if (g_utf8_validate (name, -1, NULL))
        keep = g_utf8_find_prev_char (name, name + MAX_NAME_IN_TEMP + 1) - name;
      name[keep] = '\0';
    }

  for (guint attempt = 0;; attempt++)
    {
      struct stat opened, named;

      g_clear_pointer (&file->temporary, g_free);
      file->temporary = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s" TEMPORARY_MARK "XXXXXX", folder, name);
      if ((file->fd = g_mkstemp_full (file->temporary, O_RDWR | O_CLOEXEC, 0600)) < 0)
        {
          int saved_errno = errno;

          g_clear_pointer (&file->temporary, g_free);
          set_error_from_errno (error, saved_errno);
          return NULL;
        }
      if (flock (file->fd, LOCK_EX) != 0)
        {
          set_error_from_errno (error, errno);
          return NULL;
        }

      /* another export's cleaning may have taken it between its creation
       * and the lock: then it is gone from the folder, and made again */
      if (fstat (file->fd, &opened) == 0 && g_lstat (file->temporary, &named) == 0 &&
          opened.st_dev == named.st_dev && opened.st_ino == named.st_ino)
        break;

      close (file->fd);
      file->fd = -1;
      if (attempt >= 10)
        {
          set_error_from_errno (error, EEXIST);
          return NULL;
        }
    }

  /* a file written again keeps who may read it; a new one is the
   * consultant's alone, as it holds people's data */
  if (g_stat (path, &target) == 0 && S_ISREG (target.st_mode))
    fchmod (file->fd, target.st_mode & 07777);

  file->stream = g_unix_output_stream_new (file->fd, FALSE);
  return g_steal_pointer (&file);
}

GOutputStream *
sportello_atomic_file_get_stream (SportelloAtomicFile *file)
{
  return file->stream;
}

/**
 * sportello_atomic_file_commit:
 *
 * Puts the written file, synced to the disk, in place of @path.
 */
gboolean
sportello_atomic_file_commit (SportelloAtomicFile  *file,
                              GError              **error)
{
  g_autofree char *folder = NULL;
  int dir_fd;

  g_return_val_if_fail (!file->committed, FALSE);

  if (!g_output_stream_close (file->stream, NULL, error))
    return FALSE;
  if (fsync (file->fd) != 0)
    return set_error_from_errno (error, errno);
  if (g_rename (file->temporary, file->path) != 0)
    return set_error_from_errno (error, errno);
  file->committed = TRUE;

  /* the rename itself, on the disk */
  folder = g_path_get_dirname (file->path);
  if ((dir_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}

/**
 * sportello_atomic_file_write:
 * @path: the file
 * @data: what it is to hold
 * @length: the length of @data, or -1 when it is a string
 *
 * Writes @data to @path whole, or leaves @path as it was.
 */
gboolean
sportello_atomic_file_write (const char  *path,
                             const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(SportelloAtomicFile) file = NULL;

  if (!(file = sportello_atomic_file_new (path, error)))
    return FALSE;
  if (!g_output_stream_write_all (sportello_atomic_file_get_stream (file), data,
                                  length < 0 ? strlen (data) : (gsize) length, NULL, NULL, error))
    return FALSE;
  return sportello_atomic_file_commit (file, error);
}

/* Without a commit, the temporary file is removed: @path stays as it was */
void
sportello_atomic_file_free (SportelloAtomicFile *file)
{
  if (file == NULL)
    return;

  if (!file->committed && file->temporary != NULL && file->fd >= 0)
    g_unlink (file->temporary);
  g_clear_object (&file->stream);
  if (file->fd >= 0)
    close (file->fd);
  g_free (file->temporary);
  g_free (file->path);
  g_free (file);
}
