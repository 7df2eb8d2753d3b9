/*
 * fuzz_loader.c: fuzz target for the scenario loader: any bytes as a
 * scenario's main.lua must load or fail with diagnostics, never crash,
 * hang or leak. The source map also reads every input, valid UTF-8 or not.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/game.h"
#include "core/loader.h"
#include "core/srcmap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena a;
    arena_init(&a);
    struct srcmap m;
    srcmap_build(&a, (const char *)data, size, &m);
    arena_free(&a);

    if (!path[0])
        snprintf(path, sizeof path, "/tmp/scaleup-fuzz-%d.lua", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    /* Small limits, so that an input with an endless loop costs a few
     * milliseconds, not a second. */
    struct script_limits limits;
    script_limits_default(&limits);
    limits.memory = 16u * 1024 * 1024;
    limits.load_instructions = 2000000;
    limits.call_instructions = 200000;
    struct diag_list diags;
    diag_list_init(&diags);
    struct scenario *sc = scenario_load(path, &limits, &diags);
    if (sc) {
        /* Play a few steps: callbacks are scenario code too. */
        struct game *g = game_new(sc);
        struct game_setup st = {.seed = size, .nplayers = 1};
        st.players[0].name = "fuzz";
        struct diag err;
        if (game_start(g, &st, &err))
            for (int i = 0; i < 8 && !g->over; i++)
                if (!game_choose(g, 1 + (int)(i % (game_menu(g)->nopen ? game_menu(g)->nopen : 1)),
                                 false, 0, &err))
                    break;
        game_free(g);
        scenario_free(sc);
    }
    diag_list_free(&diags);
    return 0;
}
