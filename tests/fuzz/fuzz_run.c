/*
 * fuzz_run.c: fuzz target for result and save files: any bytes must parse
 * or be refused with a message, and a parsed run must replay onto the
 * tutorial or stop with a message; never a crash.
 */
#include <stdint.h>
#include <stdlib.h>

#include "core/game.h"
#include "core/loader.h"
#include "core/run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef SCALEUP_SOURCE_DIR
#define SCALEUP_SOURCE_DIR "."
#endif

static struct scenario *tutorial;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!tutorial) {
        struct diag_list diags;
        diag_list_init(&diags);
        tutorial = scenario_load(SCALEUP_SOURCE_DIR "/scenarios/tutorial", NULL, &diags);
        diag_list_free(&diags);
        if (!tutorial)
            abort();
    }
    struct run_record r;
    struct diag err;
    if (run_parse((const char *)data, size, "fuzz.json", &r, &err)) {
        struct game *g = game_new(tutorial);
        run_replay(g, &r, -1, &err);
        game_free(g);
        run_record_free(&r);
    }
    return 0;
}
