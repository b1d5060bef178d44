/* data_dir: the program's folders (data_dir.h). */
#include "data_dir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* BIN/../share/appraise/NAME for the running program, when it exists. */
static int beside_program(const char *name, char *buf, size_t size)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    int len = snprintf(buf, size, "%s/../share/appraise/%s", exe, name);
    return len > 0 && (size_t)len < size && is_dir(buf);
}

const char *data_dir(data_kind kind, char *buf, size_t size)
{
    const char *env =
        getenv(kind == DATA_SCENARIOS ? "APPRAISE_SCENARIOS_DIR" : "APPRAISE_ASSETS_DIR");
    const char *name = kind == DATA_SCENARIOS ? "scenarios" : "assets";
    if (env && env[0])
        snprintf(buf, size, "%s", env);
    else if (!beside_program(name, buf, size))
        snprintf(buf, size, "%s",
                 kind == DATA_SCENARIOS ? APPRAISE_SCENARIOS_DIR : APPRAISE_ASSETS_DIR);
    return buf;
}

/* $XDG_DATA_HOME/appraise/LEAF, else $HOME/.local/share/appraise/LEAF. */
static const char *user_data(const char *leaf, char *buf, size_t size)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    /* The XDG spec: a relative (or empty) XDG_DATA_HOME is invalid, ignore it. */
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, size, "%s/appraise/%s", xdg, leaf);
    else if (home && home[0])
        n = snprintf(buf, size, "%s/.local/share/appraise/%s", home, leaf);
    else
        return NULL;
    if (n < 0 || (size_t)n >= size)
        return NULL;
    return buf;
}

const char *data_dir_logs(char *buf, size_t size)
{
    return user_data("logs", buf, size);
}

const char *data_dir_previews(char *buf, size_t size)
{
    return user_data("preview", buf, size);
}
