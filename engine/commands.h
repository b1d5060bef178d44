/* commands: the subcommands of `appraise`, each in its own file, each
 * returning the process exit code of cli.md (0 ok, 1 input, 2 usage, 3
 * environment). main.c parses nothing but the command name. */
#ifndef COMMANDS_H
#define COMMANDS_H

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };

/* argv[0] is the command name; "--help" has been handled by main. */
int cmd_run(int argc, char **argv);     /* engine/main.c */
int cmd_check(int argc, char **argv);   /* tools/check.c */
extern const char cmd_check_help[];     /* tools/check.c: check --help after the usage */
int cmd_graph(int argc, char **argv);   /* tools/graph.c */
extern const char cmd_graph_help[];     /* tools/graph.c: graph --help after the usage */
int cmd_debrief(int argc, char **argv); /* tools/debrief.c */
extern const char cmd_debrief_help[];   /* tools/debrief.c: debrief --help after the usage */
int cmd_play(int argc, char **argv);    /* engine/ui/ui_main.c */
int cmd_replay(int argc, char **argv);  /* engine/ui/ui_main.c: the window */
/* `replay LOG --verify [--case FILE]`, with no window. */
int cmd_replay_verify(int argc, char **argv); /* tools/replay_verify.c */
extern const char cmd_replay_help[];          /* tools/replay_verify.c: replay --help */
/* `appraise` with no command (or only options): the case library window. */
int cmd_library(int argc, char **argv); /* engine/ui/ui_main.c */

#endif
