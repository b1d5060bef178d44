/* data_dir: where the program finds the bundled case library and assets.
 * In order: an environment variable (APPRAISE_SCENARIOS_DIR,
 * APPRAISE_ASSETS_DIR); beside the installed program
 * (BIN/../share/appraise/scenarios after `cmake --install`); the source
 * tree it was built from. No SDL. */
#ifndef DATA_DIR_H
#define DATA_DIR_H

#include <stddef.h>

typedef enum data_kind { DATA_SCENARIOS, DATA_ASSETS } data_kind;

/* The folder for kind, written into buf (and returned). */
const char *data_dir(data_kind kind, char *buf, size_t size);

#endif
