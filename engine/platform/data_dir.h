/* data_dir: the program's folders on this system, resolved in one place.
 *
 * The bundled case library and assets, in order: an environment variable
 * (APPRAISE_SCENARIOS_DIR, APPRAISE_ASSETS_DIR); beside the installed
 * program (BIN/../share/appraise/scenarios after `cmake --install`); the
 * source tree it was built from. The default folder for session logs, after
 * the XDG base directory spec. This is platform/: it reads the environment
 * and the file system; neither the core nor the window does. No SDL, no Lua. */
#ifndef DATA_DIR_H
#define DATA_DIR_H

#include <stddef.h>

typedef enum data_kind { DATA_SCENARIOS, DATA_ASSETS } data_kind;

/* The folder for kind, written into buf (and returned). */
const char *data_dir(data_kind kind, char *buf, size_t size);

/* The default folder for logs: $XDG_DATA_HOME/appraise/logs (when
 * XDG_DATA_HOME is an absolute path), else $HOME/.local/share/appraise/logs.
 * Written into buf (and returned); NULL when neither is set or it does not
 * fit. The folder is not made here (launch_log_dir does that). */
const char *data_dir_logs(char *buf, size_t size);

/* The default folder for the logs of `play --watch` (mode preview), apart
 * from the trainees' logs: $XDG_DATA_HOME/appraise/preview, else
 * $HOME/.local/share/appraise/preview; as data_dir_logs. */
const char *data_dir_previews(char *buf, size_t size);

#endif
