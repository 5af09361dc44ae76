/* sportello-crypt.c: bundles protected with a password (OpenPGP, through GPGME)
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A protected bundle is a standard OpenPGP message, symmetrically
 * encrypted with AES-256 and integrity-protected (MDC), so that anyone
 * with the password can open it with `gpg --decrypt`. GnuPG does the
 * work, through GPGME, in a home of its own made for each operation: the
 * user's keyring is never read or written, the password goes in through
 * loopback entry (no pinentry window), and the agent gpg starts for it is
 * stopped and the home removed afterwards.
 *
 * Both directions stream: GPGME runs on a thread of its own and passes
 * the plain text through a small buffer in memory, never a file. A
 * decrypting stream reports its end only once gpg has checked the whole
 * message, so a reader that got to the end has read authentic data.
 */

#define G_LOG_DOMAIN "sportello-crypt"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gpgme.h>

#include "sportello-crypt.h"

G_DEFINE_QUARK (sportello-crypt-error-quark, sportello_crypt_error)

/* between the thread that runs gpg and the stream's user */
#define PIPE_SIZE (256 * 1024)

/* What the temporary home tells gpg: AES-256 for the data and for the
 * password's key, which takes the most rounds of SHA-512 OpenPGP can say
 * (a fresh agent would spend a second and more measuring how many to
 * use); no keyring, nothing from the network. JSON compresses six to one
 * at zlib's fastest level, four times faster than its default for a fifth
 * more bytes */
static const char gpg_conf[] =
  "cipher-algo AES256\n"
  "s2k-cipher-algo AES256\n"
  "personal-cipher-preferences AES256\n"
  "s2k-digest-algo SHA512\n"
  "s2k-count 65011712\n"
  "compress-level 1\n"
  "no-keyring\n"
  "no-auto-key-retrieve\n"
  "batch\n";
static const char agent_conf[] =
  "allow-loopback-pinentry\n";

/* ------------------------------------------------------------- pipe ---- */

typedef struct
{
  GMutex   lock;
  GCond    cond;
  guint8  *data;
  gsize    start;
  gsize    len;
  gsize    writer_wants;  /* room a waiting writer waits for, or 0 */
  gsize    reader_wants;  /* bytes a waiting reader waits for, or 0 */
  gint64   bytes_in;      /* ciphertext read by gpg, for progress */
  gboolean writer_done;   /* no more bytes will come */
  gboolean reader_gone;   /* nobody will read them */
  gboolean aborted;       /* the writer gave up: what came is not all */
} Pipe;

static void
pipe_init (Pipe *pipe)
{
  g_mutex_init (&pipe->lock);
  g_cond_init (&pipe->cond);
  pipe->data = g_malloc (PIPE_SIZE);
}

static void
pipe_clear (Pipe *pipe)
{
  /* it held plain text */
  memset (pipe->data, 0, PIPE_SIZE);
  g_free (pipe->data);
  g_mutex_clear (&pipe->lock);
  g_cond_clear (&pipe->cond);
}

/* Blocks until all of @data is in; %FALSE if the reader is gone. Each
 * side sleeps until a good part of the buffer is free (or full) and is
 * woken only then: gpg's side moves 4 KiB at a time */
static gboolean
pipe_write (Pipe         *pipe,
            const guint8 *data,
            gsize         n)
{
  g_mutex_lock (&pipe->lock);
  while (n > 0)
    {
      gsize want = MIN (n, PIPE_SIZE / 2);
      gsize end;
      gsize chunk;

      while (PIPE_SIZE - pipe->len < want && !pipe->reader_gone)
        {
          pipe->writer_wants = want;
          g_cond_wait (&pipe->cond, &pipe->lock);
        }
      pipe->writer_wants = 0;
      if (pipe->reader_gone)
        {
          g_mutex_unlock (&pipe->lock);
          return FALSE;
        }
      end = (pipe->start + pipe->len) % PIPE_SIZE;
      chunk = MIN (n, PIPE_SIZE - pipe->len);
      chunk = MIN (chunk, PIPE_SIZE - end);
      memcpy (pipe->data + end, data, chunk);
      pipe->len += chunk;
      data += chunk;
      n -= chunk;
      if (pipe->reader_wants > 0 && pipe->len >= pipe->reader_wants)
        g_cond_broadcast (&pipe->cond);
    }
  g_mutex_unlock (&pipe->lock);
  return TRUE;
}

/* Blocks until there is something to read: 0 at the end, -1 if the
 * writer gave up */
static gssize
pipe_read (Pipe   *pipe,
           guint8 *buffer,
           gsize   n)
{
  gsize want = CLAMP (n, 1, PIPE_SIZE / 4);
  gsize chunk;

  g_mutex_lock (&pipe->lock);
  while (pipe->len < want && !pipe->writer_done)
    {
      pipe->reader_wants = want;
      g_cond_wait (&pipe->cond, &pipe->lock);
    }
  pipe->reader_wants = 0;
  if (pipe->len == 0 && pipe->aborted)
    {
      g_mutex_unlock (&pipe->lock);
      return -1;
    }
  chunk = MIN (n, pipe->len);
  chunk = MIN (chunk, PIPE_SIZE - pipe->start);
  memcpy (buffer, pipe->data + pipe->start, chunk);
  memset (pipe->data + pipe->start, 0, chunk);
  pipe->start = (pipe->start + chunk) % PIPE_SIZE;
  pipe->len -= chunk;
  if (pipe->writer_wants > 0 && PIPE_SIZE - pipe->len >= pipe->writer_wants)
    g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
  return (gssize) chunk;
}

/* Blocks until the first byte is there, or the writer is done: %FALSE
 * if it gave up before any */
static gboolean
pipe_wait (Pipe *pipe)
{
  gboolean failed;

  g_mutex_lock (&pipe->lock);
  while (pipe->len == 0 && !pipe->writer_done)
    {
      pipe->reader_wants = 1;
      g_cond_wait (&pipe->cond, &pipe->lock);
    }
  pipe->reader_wants = 0;
  failed = pipe->len == 0 && pipe->aborted;
  g_mutex_unlock (&pipe->lock);
  return !failed;
}

static void
pipe_set (Pipe     *pipe,
          gboolean *flag)
{
  g_mutex_lock (&pipe->lock);
  *flag = TRUE;
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
}

/* ----------------------------------------------------------- engine ---- */

typedef struct
{
  char        *home;
  gpgme_ctx_t  ctx;
  char        *passphrase;
  gboolean     rejected;     /* gpg asked again: the password was wrong */
} Engine;

static gpointer
init_gpgme (gpointer data)
{
  gpgme_check_version (NULL);
  gpgme_set_locale (NULL, LC_CTYPE, setlocale (LC_CTYPE, NULL));
  return NULL;
}

static gpgme_error_t
passphrase_cb (void       *hook,
               const char *uid_hint,
               const char *info,
               int         prev_was_bad,
               int         fd)
{
  Engine *engine = hook;

  if (prev_was_bad)
    {
      engine->rejected = TRUE;
      return gpgme_error (GPG_ERR_CANCELED);
    }
  if (gpgme_io_writen (fd, engine->passphrase, strlen (engine->passphrase)) != 0 ||
      gpgme_io_writen (fd, "\n", 1) != 0)
    return gpgme_error_from_syserror ();
  return 0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* Runs gpgconf on the temporary home, quietly */
static void
gpgconf (const char *home,
         const char *command,
         const char *argument)
{
  const char *program = gpgme_get_dirinfo ("gpgconf-name");
  const char *argv[] = { program, "--homedir", home, command, argument, NULL };
  g_autoptr(GError) error = NULL;

  if (program == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_STDIN_FROM_DEV_NULL,
                     NULL, NULL, NULL, NULL, NULL, &error))
    g_debug ("gpgconf %s: %s", command, error ? error->message : "not found");
}

static void
engine_free (Engine *engine)
{
  g_clear_pointer (&engine->ctx, gpgme_release);
  if (engine->home != NULL)
    {
      g_autofree char *socket_dir = g_build_filename (g_get_user_runtime_dir (), "gnupg", NULL);

      /* the agent gpg started goes with the home; where the sockets went
       * to the runtime folder, their folder too */
      g_autofree char *socket = g_build_filename (engine->home, "S.gpg-agent", NULL);
      guint i;

      gpgconf (engine->home, "--kill", "all");
      /* the agent removes its socket as it exits: give it a moment */
      for (i = 0; i < 200 && g_file_test (socket, G_FILE_TEST_EXISTS); i++)
        g_usleep (10 * 1000);
      g_debug ("the agent went in %u ms", i * 10);
      if (g_file_test (socket_dir, G_FILE_TEST_IS_DIR))
        gpgconf (engine->home, "--remove-socketdir", NULL);
      remove_tree (engine->home);
      g_free (engine->home);
    }
  if (engine->passphrase != NULL)
    {
      memset (engine->passphrase, 0, strlen (engine->passphrase));
      g_free (engine->passphrase);
    }
  g_free (engine);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Engine, engine_free)

static gboolean
engine_failed (gpgme_error_t   err,
               GError        **error)
{
  g_set_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_ENGINE,
               _("GnuPG cannot protect or open bundles with a password: %s"), gpgme_strerror (err));
  return FALSE;
}

static Engine *
engine_new (const char  *passphrase,
            GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr(Engine) engine = g_new0 (Engine, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *agent = NULL;
  gpgme_error_t err;

  g_once (&once, init_gpgme, NULL);

  if ((err = gpgme_engine_check_version (GPGME_PROTOCOL_OpenPGP)) != 0)
    {
      engine_failed (err, error);
      return NULL;
    }

  /* a home of its own, readable by the user alone (0700), for this once;
   * the agent's sockets go in it, and a socket's path has 107 bytes at most */
  engine->home = g_build_filename (strlen (g_get_tmp_dir ()) <= 64 ? g_get_tmp_dir () : "/tmp",
                                   "sportello-gpg-XXXXXX", NULL);
  if (g_mkdtemp_full (engine->home, 0700) == NULL)
    {
      int saved_errno = errno;

      g_clear_pointer (&engine->home, g_free);
      g_set_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_ENGINE,
                   _("GnuPG cannot protect or open bundles with a password: %s"), g_strerror (saved_errno));
      return NULL;
    }
  conf = g_build_filename (engine->home, "gpg.conf", NULL);
  agent = g_build_filename (engine->home, "gpg-agent.conf", NULL);
  if (!g_file_set_contents (conf, gpg_conf, -1, &local_error) ||
      !g_file_set_contents (agent, agent_conf, -1, &local_error))
    {
      g_set_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_ENGINE,
                   _("GnuPG cannot protect or open bundles with a password: %s"), local_error->message);
      return NULL;
    }

  engine->passphrase = g_strdup (passphrase);
  if ((err = gpgme_new (&engine->ctx)) != 0 ||
      (err = gpgme_set_protocol (engine->ctx, GPGME_PROTOCOL_OpenPGP)) != 0 ||
      (err = gpgme_ctx_set_engine_info (engine->ctx, GPGME_PROTOCOL_OpenPGP, NULL, engine->home)) != 0 ||
      (err = gpgme_set_pinentry_mode (engine->ctx, GPGME_PINENTRY_MODE_LOOPBACK)) != 0)
    {
      engine_failed (err, error);
      return NULL;
    }
  gpgme_set_passphrase_cb (engine->ctx, passphrase_cb, engine);
  gpgme_set_armor (engine->ctx, 0);
  gpgme_set_offline (engine->ctx, 1);
  /* the agent would keep the password for the next message */
  gpgme_set_ctx_flag (engine->ctx, "no-symkey-cache", "1");

  return g_steal_pointer (&engine);
}

/* ------------------------------------------------------- encryption ---- */

#define SPORTELLO_TYPE_ENCRYPT_STREAM (sportello_encrypt_stream_get_type ())
G_DECLARE_FINAL_TYPE (SportelloEncryptStream, sportello_encrypt_stream, SPORTELLO, ENCRYPT_STREAM, GOutputStream)

struct _SportelloEncryptStream
{
  GOutputStream  parent_instance;
  GOutputStream *base;
  Engine        *engine;
  Pipe           pipe;
  GThread       *thread;
  GError        *error;      /* the thread's, once it is joined */
};

G_DEFINE_FINAL_TYPE (SportelloEncryptStream, sportello_encrypt_stream, G_TYPE_OUTPUT_STREAM)

/* gpg reads the plain text */
static gpgme_ssize_t
plain_read_cb (void   *handle,
               void   *buffer,
               size_t  size)
{
  SportelloEncryptStream *self = handle;
  gssize n = pipe_read (&self->pipe, buffer, size);

  if (n < 0)
    errno = ECANCELED;
  return n;
}

/* gpg writes the ciphertext */
static gpgme_ssize_t
cipher_write_cb (void       *handle,
                 const void *buffer,
                 size_t      size)
{
  SportelloEncryptStream *self = handle;
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;

  if (!g_output_stream_write_all (self->base, buffer, size, &written, NULL, &local_error))
    {
      if (self->error == NULL)
        self->error = g_steal_pointer (&local_error);
      errno = EIO;
      return -1;
    }
  return (gpgme_ssize_t) size;
}

static gpointer
encrypt_thread (gpointer data)
{
  SportelloEncryptStream *self = data;
  struct gpgme_data_cbs plain_cbs = { plain_read_cb, NULL, NULL, NULL };
  struct gpgme_data_cbs cipher_cbs = { NULL, cipher_write_cb, NULL, NULL };
  gpgme_data_t plain = NULL;
  gpgme_data_t cipher = NULL;
  gpgme_error_t err;

  if ((err = gpgme_data_new_from_cbs (&plain, &plain_cbs, self)) == 0 &&
      (err = gpgme_data_new_from_cbs (&cipher, &cipher_cbs, self)) == 0)
    {
      gpgme_data_set_encoding (cipher, GPGME_DATA_ENCODING_BINARY);
      err = gpgme_op_encrypt (self->engine->ctx, NULL, GPGME_ENCRYPT_SYMMETRIC, plain, cipher);
    }
  g_clear_pointer (&plain, gpgme_data_release);
  g_clear_pointer (&cipher, gpgme_data_release);

  if (err != 0 && self->error == NULL)
    {
      if (self->pipe.aborted)
        g_set_error_literal (&self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      else
        engine_failed (err, &self->error);
    }

  /* whoever writes now hears that it is over */
  pipe_set (&self->pipe, &self->pipe.reader_gone);
  return NULL;
}

static void
encrypt_join (SportelloEncryptStream *self)
{
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->engine, engine_free);
}

static gboolean
encrypt_failed (SportelloEncryptStream  *self,
                GError                 **error)
{
  encrypt_join (self);
  if (self->error != NULL)
    g_propagate_error (error, g_error_copy (self->error));
  else
    g_set_error_literal (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_ENGINE,
                         _("GnuPG stopped before the bundle was written"));
  return FALSE;
}

static gssize
sportello_encrypt_stream_write (GOutputStream  *stream,
                                const void     *buffer,
                                gsize           count,
                                GCancellable   *cancellable,
                                GError        **error)
{
  SportelloEncryptStream *self = SPORTELLO_ENCRYPT_STREAM (stream);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  if (self->thread == NULL || !pipe_write (&self->pipe, buffer, count))
    {
      encrypt_failed (self, error);
      return -1;
    }
  return (gssize) count;
}

/* Closing ends the message, and waits until gpg wrote it all; closing
 * with a cancelled @cancellable (or after a failure) leaves it unfinished,
 * for the caller to discard. @base stays open. */
static gboolean
sportello_encrypt_stream_close (GOutputStream  *stream,
                                GCancellable   *cancellable,
                                GError        **error)
{
  SportelloEncryptStream *self = SPORTELLO_ENCRYPT_STREAM (stream);

  if (self->thread != NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_mutex_lock (&self->pipe.lock);
      self->pipe.aborted = TRUE;
      g_mutex_unlock (&self->pipe.lock);
    }
  pipe_set (&self->pipe, &self->pipe.writer_done);
  encrypt_join (self);

  if (self->pipe.aborted)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      return FALSE;
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}

static void
sportello_encrypt_stream_finalize (GObject *object)
{
  SportelloEncryptStream *self = SPORTELLO_ENCRYPT_STREAM (object);

  /* GOutputStream closes it on dispose; in case it could not */
  pipe_set (&self->pipe, &self->pipe.writer_done);
  encrypt_join (self);
  pipe_clear (&self->pipe);
  g_clear_error (&self->error);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (sportello_encrypt_stream_parent_class)->finalize (object);
}

static void
sportello_encrypt_stream_class_init (SportelloEncryptStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->finalize = sportello_encrypt_stream_finalize;
  stream_class->write_fn = sportello_encrypt_stream_write;
  stream_class->close_fn = sportello_encrypt_stream_close;
}

static void
sportello_encrypt_stream_init (SportelloEncryptStream *self)
{
  pipe_init (&self->pipe);
}

/**
 * sportello_crypt_encrypt:
 * @ciphertext: where the OpenPGP message goes; it stays open
 *
 * Returns a stream that encrypts what is written to it with @passphrase
 * (AES-256, integrity-protected) into @ciphertext. Closing it finishes
 * the message; closing it with a cancelled #GCancellable abandons it.
 */
GOutputStream *
sportello_crypt_encrypt (GOutputStream  *ciphertext,
                         const char     *passphrase,
                         GError        **error)
{
  g_autoptr(SportelloEncryptStream) self = NULL;
  Engine *engine;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (ciphertext), NULL);
  g_return_val_if_fail (passphrase != NULL && *passphrase, NULL);

  if (!(engine = engine_new (passphrase, error)))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_ENCRYPT_STREAM, NULL);
  self->base = g_object_ref (ciphertext);
  self->engine = engine;
  self->thread = g_thread_new ("sportello-encrypt", encrypt_thread, self);

  return G_OUTPUT_STREAM (g_steal_pointer (&self));
}

/* ------------------------------------------------------- decryption ---- */

#define SPORTELLO_TYPE_DECRYPT_STREAM (sportello_decrypt_stream_get_type ())
G_DECLARE_FINAL_TYPE (SportelloDecryptStream, sportello_decrypt_stream, SPORTELLO, DECRYPT_STREAM, GInputStream)

struct _SportelloDecryptStream
{
  GInputStream  parent_instance;
  GInputStream *base;
  Engine       *engine;
  Pipe          pipe;
  GThread      *thread;
  goffset       max_size;
  goffset       written;     /* plain text so far, by the thread */
  gboolean      too_large;
  GError       *read_error;  /* reading @base, by the thread */
  GError       *error;       /* how it ended, once it is joined */
};

G_DEFINE_FINAL_TYPE (SportelloDecryptStream, sportello_decrypt_stream, G_TYPE_INPUT_STREAM)

/* gpg reads the ciphertext */
static gpgme_ssize_t
cipher_read_cb (void   *handle,
                void   *buffer,
                size_t  size)
{
  SportelloDecryptStream *self = handle;
  gssize n = g_input_stream_read (self->base, buffer, size, NULL, &self->read_error);

  if (n < 0)
    {
      errno = EIO;
      return -1;
    }
  g_mutex_lock (&self->pipe.lock);
  self->pipe.bytes_in += n;
  g_mutex_unlock (&self->pipe.lock);
  return n;
}

/* gpg writes the plain text */
static gpgme_ssize_t
plain_write_cb (void       *handle,
                const void *buffer,
                size_t      size)
{
  SportelloDecryptStream *self = handle;

  /* a few kilobytes can unpack into gigabytes */
  self->written += size;
  if (self->written > self->max_size)
    {
      self->too_large = TRUE;
      errno = EFBIG;
      return -1;
    }
  if (!pipe_write (&self->pipe, buffer, size))
    {
      errno = EPIPE;
      return -1;
    }
  return (gpgme_ssize_t) size;
}

/* What went wrong, in words for whoever gave the password */
static void
decrypt_error (SportelloDecryptStream *self,
               gpgme_error_t           err,
               GError                **error)
{
  gpgme_decrypt_result_t result = gpgme_op_decrypt_result (self->engine->ctx);
  gboolean for_key = result != NULL && result->recipients != NULL;
  gboolean for_password = result != NULL && result->symkey_algo != NULL;

  if (self->too_large)
    {
      g_autofree char *limit = g_format_size ((guint64) self->max_size);

      g_set_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_TOO_LARGE,
                   _("The protected bundle is too large once opened (the limit is %s)"), limit);
      return;
    }
  if (self->read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->read_error));
      return;
    }

  switch (gpgme_err_code (err))
    {
    case GPG_ERR_BAD_PASSPHRASE:
    case GPG_ERR_BAD_KEY:
      g_set_error_literal (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_WRONG_PASSPHRASE,
                           _("Wrong password"));
      return;
    case GPG_ERR_CANCELED:
      if (self->engine->rejected)
        {
          g_set_error_literal (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_WRONG_PASSPHRASE,
                               _("Wrong password"));
          return;
        }
      break;
    case GPG_ERR_NO_SECKEY:
      if (for_key && !for_password)
        {
          g_set_error_literal (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_NOT_FOR_PASSPHRASE,
                               _("The bundle is encrypted for someone’s key, not with a password: it cannot be opened here"));
          return;
        }
      break;
    case GPG_ERR_NO_DATA:
      g_set_error_literal (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_DAMAGED,
                           _("The protected bundle is damaged, or it is not an OpenPGP message"));
      return;
    default:
      break;
    }

  g_set_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_DAMAGED,
               _("The protected bundle is damaged or was changed after it was written: %s"),
               gpgme_strerror (err));
}

static gpointer
decrypt_thread (gpointer data)
{
  SportelloDecryptStream *self = data;
  struct gpgme_data_cbs cipher_cbs = { cipher_read_cb, NULL, NULL, NULL };
  struct gpgme_data_cbs plain_cbs = { NULL, plain_write_cb, NULL, NULL };
  gpgme_data_t cipher = NULL;
  gpgme_data_t plain = NULL;
  gpgme_error_t err;
  GError *error = NULL;

  if ((err = gpgme_data_new_from_cbs (&cipher, &cipher_cbs, self)) != 0 ||
      (err = gpgme_data_new_from_cbs (&plain, &plain_cbs, self)) != 0)
    engine_failed (err, &error);
  else if ((err = gpgme_op_decrypt (self->engine->ctx, cipher, plain)) != 0)
    decrypt_error (self, err, &error);
  else
    {
      gpgme_decrypt_result_t result = gpgme_op_decrypt_result (self->engine->ctx);

      /* gpg refuses these itself; never take one as authentic */
      if (result == NULL || result->legacy_cipher_nomdc)
        g_set_error_literal (&error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_DAMAGED,
                             _("The protected bundle has no integrity check"));
    }
  g_clear_pointer (&cipher, gpgme_data_release);
  g_clear_pointer (&plain, gpgme_data_release);

  g_mutex_lock (&self->pipe.lock);
  self->error = error;
  self->pipe.writer_done = TRUE;
  self->pipe.aborted = error != NULL;
  g_cond_broadcast (&self->pipe.cond);
  g_mutex_unlock (&self->pipe.lock);
  return NULL;
}

static void
decrypt_join (SportelloDecryptStream *self)
{
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->engine, engine_free);
}

static gssize
sportello_decrypt_stream_read (GInputStream  *stream,
                               void          *buffer,
                               gsize          count,
                               GCancellable  *cancellable,
                               GError       **error)
{
  SportelloDecryptStream *self = SPORTELLO_DECRYPT_STREAM (stream);
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  /* the end is only the end once gpg has checked the whole message */
  if ((n = pipe_read (&self->pipe, buffer, count)) > 0)
    return n;
  decrypt_join (self);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return -1;
    }
  return 0;
}

static gboolean
sportello_decrypt_stream_close (GInputStream  *stream,
                                GCancellable  *cancellable,
                                GError       **error)
{
  SportelloDecryptStream *self = SPORTELLO_DECRYPT_STREAM (stream);

  pipe_set (&self->pipe, &self->pipe.reader_gone);
  decrypt_join (self);
  return TRUE;
}

static void
sportello_decrypt_stream_finalize (GObject *object)
{
  SportelloDecryptStream *self = SPORTELLO_DECRYPT_STREAM (object);

  pipe_set (&self->pipe, &self->pipe.reader_gone);
  decrypt_join (self);
  pipe_clear (&self->pipe);
  g_clear_error (&self->read_error);
  g_clear_error (&self->error);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (sportello_decrypt_stream_parent_class)->finalize (object);
}

static void
sportello_decrypt_stream_class_init (SportelloDecryptStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = sportello_decrypt_stream_finalize;
  stream_class->read_fn = sportello_decrypt_stream_read;
  stream_class->close_fn = sportello_decrypt_stream_close;
}

static void
sportello_decrypt_stream_init (SportelloDecryptStream *self)
{
  pipe_init (&self->pipe);
}

/**
 * sportello_crypt_is_protected:
 * @head: the first bytes of a file
 *
 * Whether the file starts as an encrypted OpenPGP message does: a packet
 * that holds a session key or encrypted data, or ASCII armor.
 */
gboolean
sportello_crypt_is_protected (const guint8 *head,
                              gsize         length)
{
  static const char armor[] = "-----BEGIN PGP MESSAGE-----";
  guint tag;

  if (length == 0)
    return FALSE;
  if (!(head[0] & 0x80))
    {
      while (length > 0 && g_ascii_isspace (*head))
        head++, length--;
      return length >= strlen (armor) && memcmp (head, armor, strlen (armor)) == 0;
    }

  /* new format: six bits of tag; old: four, then two of length type */
  tag = head[0] & 0x40 ? head[0] & 0x3f : (head[0] >> 2) & 0x0f;
  switch (tag)
    {
    case 1:     /* session key for a public key */
    case 3:     /* session key from a password */
    case 9:     /* encrypted data */
    case 10:    /* marker */
    case 18:    /* encrypted and integrity-protected data */
    case 20:    /* AEAD encrypted data */
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * sportello_crypt_decrypt:
 * @ciphertext: an OpenPGP message, from its start
 * @max_size: more plain text than this is an error
 *
 * Returns a stream of the plain text of @ciphertext, decrypted with
 * @passphrase; or %NULL when the password is wrong
 * (%SPORTELLO_CRYPT_ERROR_WRONG_PASSPHRASE) or the message cannot be
 * opened at all. A read fails if the message turns out to be damaged or
 * changed; the stream ends only once it is known to be whole.
 */
GInputStream *
sportello_crypt_decrypt (GInputStream  *ciphertext,
                         const char    *passphrase,
                         goffset        max_size,
                         GError       **error)
{
  g_autoptr(SportelloDecryptStream) self = NULL;
  Engine *engine;

  g_return_val_if_fail (G_IS_INPUT_STREAM (ciphertext), NULL);

  if (passphrase == NULL || !*passphrase)
    {
      g_set_error_literal (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE,
                           _("The bundle is protected with a password"));
      return NULL;
    }
  if (!(engine = engine_new (passphrase, error)))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_DECRYPT_STREAM, NULL);
  self->base = g_object_ref (ciphertext);
  self->engine = engine;
  self->max_size = max_size;
  self->thread = g_thread_new ("sportello-decrypt", decrypt_thread, self);

  /* the password is right once the first plain text comes: wait for it,
   * so that a wrong one is told here rather than half-way in a read */
  if (!pipe_wait (&self->pipe))
    {
      decrypt_join (self);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }

  return G_INPUT_STREAM (g_steal_pointer (&self));
}

/* How much of the ciphertext has been read: for progress */
goffset
sportello_crypt_get_bytes_read (GInputStream *plaintext)
{
  SportelloDecryptStream *self = SPORTELLO_DECRYPT_STREAM (plaintext);
  goffset n;

  g_mutex_lock (&self->pipe.lock);
  n = self->pipe.bytes_in;
  g_mutex_unlock (&self->pipe.lock);
  return n;
}

/**
 * sportello_crypt_finish:
 *
 * Reads what is left of @plaintext, and says whether the whole message
 * decrypted and passed its integrity check.
 */
gboolean
sportello_crypt_finish (GInputStream  *plaintext,
                        GError       **error)
{
  guint8 buffer[16384];
  gssize n;

  while ((n = g_input_stream_read (plaintext, buffer, sizeof buffer, NULL, error)) > 0)
    ;
  memset (buffer, 0, sizeof buffer);
  return n == 0;
}
