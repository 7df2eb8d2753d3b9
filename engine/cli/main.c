/*
 * main.c: the scaleup binary: one program, several subcommands.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/utf8.h"
#include "core/catalog.h"
#include "core/loader.h"
#include "explore/explore_cmd.h"
#include "lint/lint.h"
#include "lsp/lsp.h"
#include "map/map.h"
#include "new/new.h"
#include "playtest/playtest_cmd.h"
#include "report/report.h"
#include "core/diag.h"
#include "core/util.h"

#ifndef SCALEUP_VERSION
#define SCALEUP_VERSION "0"
#endif

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"play", cmd_play, "play a scenario, in a window or with --text in the terminal"},
    {"lint", cmd_lint, "check scenarios for mistakes (FILE:LINE:COL: error|warning: WHAT)"},
    {"explore", cmd_explore, "play a scenario by machine: reachability, dead ends, scores"},
    {"test", cmd_test, "run the playthrough tests in a scenario's tests.lua"},
    {"lsp", cmd_lsp, "a language server for scenarios, for your editor (stdin/stdout)"},
    {"map", cmd_map, "draw the scene graph (Graphviz DOT or SVG)"},
    {"new", cmd_new, "create a scenario folder from a template that shows every feature"},
    {"report", cmd_report, "the facilitator's debrief from a folder of result files"},
#ifdef SCALEUP_HAVE_HOST
    {"host", cmd_host, "serve the game to every browser in a workshop room"},
#endif
};

static void usage(FILE *f)
{
    fprintf(f, "Usage: scaleup [COMMAND] [OPTIONS]\n"
               "\n"
               "ScaleUp is a training simulation for product people: lead a company from a\n"
               "garage startup to a scale-up as its Product Owner or Product Manager.\n"
               "\n"
               "With no command, scaleup opens the window on the title screen.\n"
               "\n"
               "Commands:\n");
    for (size_t i = 0; i < COUNT_OF(commands); i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n"
               "Run 'scaleup help COMMAND' or 'scaleup COMMAND --help' for its options.\n"
               "Every command takes -h, --help and --version.\n"
               "\n"
               "Exit codes: 0 success (play: an ending was reached), 1 a scenario error or\n"
               "a finding, 2 a usage error, 3 play was quit before an ending.\n"
               "\n"
               "Environment:\n"
               "  SCALEUP_DATA         the folder with scenarios/ and assets/ (default: the\n"
               "                       install prefix's share/scaleup)\n"
               "  XDG_DATA_HOME        own scenarios in scaleup/scenarios, found by id; saves,\n"
               "                       kept playthroughs (default ~/.local/share)\n"
               "  XDG_CONFIG_HOME      the window's settings (default ~/.config)\n"
               "  XDG_CACHE_HOME       each scenario's best score per role, so play never\n"
               "                       waits for it, and its files compiled (default\n"
               "                       ~/.cache)\n"
               "  SCALEUP_CHUNK_CACHE  off: compile scenario files at every load, keep none\n"
               "  HOME                 where those defaults are\n"
               "  TMPDIR               last resort for a result file that cannot be written\n"
               "  NO_COLOR             set and not empty: no colour in the terminal\n"
               "  TERM                 dumb: no colour, and play --plain\n"
               "  COLUMNS              the terminal's width for play --text\n"
               "  SCALEUP_WINDOW_SIZE  the window's size, WIDTHxHEIGHT\n"
               "  SCALEUP_DEBUG        set: the window logs what it does on standard error\n"
               "  SDL_VIDEODRIVER      SDL's video driver for the window (x11, wayland, ...)\n"
               "  SDL_RENDER_DRIVER    SDL's renderer (software, opengl, ...); by default the\n"
               "                       window picks software when OpenGL would be drawn in\n"
               "                       software anyway\n"
               "  LIBGL_ALWAYS_SOFTWARE  set: OpenGL is a software rasterizer here, so the\n"
               "                       window uses SDL's software renderer\n");
}

/* -h, --help or --version among a command's arguments (before "--"). */
static bool asks(int argc, char **argv, const char *a, const char *b)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], a) == 0 || (b && strcmp(argv[i], b) == 0))
            return true;
    return false;
}

static int run_command(size_t i, int argc, char **argv)
{
    static char help[] = "--help";
    if (asks(argc, argv, "--version", NULL)) {
        printf("scaleup %s\n", SCALEUP_VERSION);
        return 0;
    }
    if (asks(argc, argv, "-h", "--help")) {
        /* Every command's help, whatever else is on the line. */
        char *help_argv[] = {argv[0], help, NULL};
        return commands[i].run(2, help_argv);
    }
    return commands[i].run(argc, argv);
}

static int find_command(const char *name)
{
    for (size_t i = 0; i < COUNT_OF(commands); i++)
        if (strcmp(name, commands[i].name) == 0)
            return (int)i;
    return -1;
}

static int unknown_command(const char *cmd)
{
    const char *near = nearest_name(cmd, &commands[0].name, sizeof commands[0], (int)COUNT_OF(commands));
    if (near)
        cli_error("unknown command '%s'; did you mean '%s'? (try scaleup --help)", cmd, near);
    else
        cli_error("unknown command '%s' (try scaleup --help)", cmd);
    return 2;
}


int main(int argc, char **argv)
{
    /* A file-size limit (ulimit -f) must fail a write like a full disk does,
     * not kill the program: decisions are kept and written later. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        char name[] = "play";
        char *play_argv[] = {name, NULL};
        return cmd_play(1, play_argv);
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "help") == 0) {
        /* scaleup help [COMMAND] */
        if (argc < 3) {
            usage(stdout);
            return 0;
        }
        int i = find_command(argv[2]);
        if (i < 0)
            return unknown_command(argv[2]);
        static char help[] = "--help";
        char *help_argv[] = {argv[2], help, NULL};
        return commands[i].run(2, help_argv);
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("scaleup %s\n", SCALEUP_VERSION);
        return 0;
    }
    int i = find_command(cmd);
    if (i >= 0)
        return run_command((size_t)i, argc - 1, argv + 1);
    if (cmd[0] == '-') {
        /* Options without a command are play's: scaleup --kiosk */
        static char name[] = "play";
        argv[0] = name;
        return run_command(0, argc, argv);
    }
    return unknown_command(cmd);
}
