/* case_path: names of a case's own files and where they may lead. */
#include "case_path.h"

#include <stdlib.h>
#include <string.h>

char *case_path_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    char *d = malloc((size_t)(slash - path) + 1);
    if (d) {
        memcpy(d, path, (size_t)(slash - path));
        d[slash - path] = '\0';
    }
    return d;
}

const char *case_path_name_problem(const char *name)
{
    if (name[0] == '\0')
        return "an empty name";
    if (name[0] == '/' || name[0] == '\\')
        return "an absolute path";
    for (const char *p = name; *p; p++)
        if (p[0] == '.' && p[1] == '.' && (p == name || p[-1] == '/') &&
            (p[2] == '/' || p[2] == '\0'))
            return "a path that climbs out of its folder (..)";
    if (strchr(name, '\\'))
        return "a backslash";
    return NULL;
}

bool case_path_inside(const char *real, const char *root)
{
    if (!root)
        return false;
    size_t n = strlen(root);
    if (n == 1 && root[0] == '/')
        return true;
    return strncmp(real, root, n) == 0 && real[n] == '/';
}
