/* case_path: the rules by which a case names other files of its own (the
 * files it includes, the images it shows): names that cannot leave the
 * folders they are looked for in, and the test that a resolved path, links
 * followed, stays inside one. Shared by include() (host.c) and images
 * (case_image.c). */
#ifndef CASE_PATH_H
#define CASE_PATH_H

#include <stdbool.h>

/* The folder of path ("." when it has none, "/" for a file at the root);
 * malloc'd (free it), NULL when out of memory. */
char *case_path_dir(const char *path);

/* Why name cannot be used to reach a file of the case ("an absolute path",
 * "a path that climbs out of its folder (..)", …), or NULL when it can. */
const char *case_path_name_problem(const char *name);

/* Whether real, a resolved path, lies inside the resolved folder root
 * (false when root is NULL). */
bool case_path_inside(const char *real, const char *root);

#endif
