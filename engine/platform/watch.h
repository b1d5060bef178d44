/* watch: is any of a set of files saved anew? For `play --watch`, which
 * reloads a case when it or a file it includes is saved.
 *
 * On Linux the folders of the files are watched with inotify (a file
 * written and closed, moved or renamed into place, created; the folder
 * itself deleted or moved), so that editors that save by writing a new file
 * and renaming it over the old one are seen too. Elsewhere, or when asked
 * (APPRAISE_WATCH=poll, or watch_opts.method), each file's size, times and
 * inode are read once a second instead. A file deleted is no change by
 * itself; the file written again is.
 *
 * One save often makes several events (create, write, rename): a change is
 * reported once the files have been quiet for a moment (settle_ms), so that
 * one save gives one reload and a file is never read half written.
 * watch_changed never blocks: the window's loop asks it every frame. This
 * is platform/: no Lua, no SDL, nothing of the core. */
#ifndef WATCH_H
#define WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum watch_method {
    WATCH_DEFAULT, /* APPRAISE_WATCH=poll or =inotify in the environment, else inotify
                    * where the system has it, else polling */
    WATCH_INOTIFY,
    WATCH_POLL
} watch_method;

typedef struct watch_opts {
    watch_method method;
    int poll_ms;   /* polling: how often the files are read; 0: 1000 */
    int settle_ms; /* quiet needed before a change is reported; 0: 150 */
} watch_opts;

typedef struct watch watch;

/* A watcher of no files yet (o NULL: the defaults). Should inotify be
 * unavailable (the system's limit of watchers reached), now or when a
 * folder is to be watched (watch_files), it polls instead.
 * NULL only when out of memory. */
watch *watch_open(const watch_opts *o);
void watch_close(watch *w);

/* Watches exactly these n files from now on (relative paths are taken from
 * the current folder; a file that does not exist yet is watched for). 0, or
 * -1 with the reason in why when a folder cannot be watched or memory ran
 * out: the set is then whatever could be watched. */
int watch_files(watch *w, const char *const *paths, size_t n, char *why, size_t why_size);

/* Whether a watched file was saved since the last true, the files quiet
 * for settle_ms since: asked at monotonic time now (ms, never going back),
 * which also times the polling. Never blocks. */
bool watch_changed(watch *w, int64_t now);

/* How the files are watched: WATCH_INOTIFY or WATCH_POLL. */
watch_method watch_method_of(const watch *w);

#endif
