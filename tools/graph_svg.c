/* graph_svg: the map drawn as SVG by Graphviz's `dot` (graph_svg.h).
 *
 * The DOT goes to dot through an unnamed temporary file rather than a pipe:
 * with both ends piped a big map could fill one pipe while the other waits,
 * and a file needs no second reader. dot's SVG comes back through a pipe,
 * read to its end before dot is waited for. dot's stderr is left as ours,
 * so its own words reach the author. POSIX only (posix_spawn). */
#include "graph_svg.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mem.h"
#include "strbuf.h"

extern char **environ;

char *graph_svg_find_dot(void)
{
    const char *path = getenv("PATH");
    for (const char *p = path; p && *p;) {
        size_t n = strcspn(p, ":");
        strbuf b = STRBUF_INIT;
        if (n == 0)
            strbuf_adds(&b, "."); /* an empty entry is the working folder */
        else
            strbuf_add(&b, p, n);
        strbuf_adds(&b, "/dot");
        char *candidate = strbuf_finish(&b);
        if (candidate && access(candidate, X_OK) == 0)
            return candidate;
        mem_free(candidate);
        p += n + (p[n] == ':');
    }
    return NULL;
}

static char *env_error(apperr *e, const char *what, int err)
{
    apperr_set(e, APPERR_ENV, NULL, 0, "%s%s%s", what, err ? ": " : "", err ? strerror(err) : "");
    return NULL;
}

/* All of fd until its end into b; 0, or an errno. */
static int read_all(int fd, strbuf *b)
{
    char buf[8192];
    for (;;) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return errno;
        if (got == 0)
            return 0;
        strbuf_add(b, buf, (size_t)got);
    }
}

/* Starts dot reading `in` and writing to a pipe; its pid in *pid and the
 * pipe's read end in *out. 0, or an errno. */
static int start_dot(const char *dot_path, FILE *in, pid_t *pid, int *out)
{
    int fds[2];
    if (pipe(fds) != 0)
        return errno;
    char arg0[] = "dot", arg1[] = "-Tsvg";
    char *argv[] = {arg0, arg1, NULL};
    posix_spawn_file_actions_t fa;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc == 0) {
        if ((rc = posix_spawn_file_actions_adddup2(&fa, fileno(in), 0)) == 0 &&
            (rc = posix_spawn_file_actions_adddup2(&fa, fds[1], 1)) == 0 &&
            (rc = posix_spawn_file_actions_addclose(&fa, fds[0])) == 0)
            rc = posix_spawn(pid, dot_path, &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
    }
    close(fds[1]);
    if (rc != 0)
        close(fds[0]);
    else
        *out = fds[0];
    return rc;
}

/* Waits for dot; its exit status, or -1 when it did not exit. */
static int wait_dot(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *graph_svg_render(const char *dot_path, const char *dot, apperr *e)
{
    FILE *in = tmpfile();
    if (!in)
        return env_error(e, "cannot make a temporary file for Graphviz's dot", errno);
    if (fputs(dot, in) == EOF || fflush(in) != 0 || fseek(in, 0, SEEK_SET) != 0) {
        int err = errno;
        fclose(in);
        return env_error(e, "cannot write a temporary file for Graphviz's dot", err);
    }
    pid_t pid;
    int out = -1;
    int rc = start_dot(dot_path, in, &pid, &out);
    fclose(in);
    if (rc != 0) {
        char what[1200];
        snprintf(what, sizeof what, "cannot run Graphviz's dot (%s)", dot_path);
        return env_error(e, what, rc);
    }
    strbuf b = STRBUF_INIT;
    int read_err = read_all(out, &b);
    close(out);
    int status = wait_dot(pid);
    char *svg = strbuf_finish(&b);
    const char *start = svg ? strstr(svg, "<svg") : NULL;
    char *kept = NULL;
    if (status != 0 || read_err) {
        char what[200];
        snprintf(what, sizeof what, "Graphviz's dot failed (exit status %d): its message is above",
                 status);
        env_error(e, what, read_err);
    } else if (!svg) {
        env_error(e, "out of memory", 0);
    } else if (!start) {
        env_error(e, "Graphviz's dot wrote no SVG", 0);
    } else if (!(kept = mem_strdup(start))) {
        env_error(e, "out of memory", 0);
    }
    mem_free(svg);
    return kept;
}
