/*
 * window_bench.c: scaleup-window-bench, the window figures of the benchmark
 * (tools/bench/run runs it under Xvfb). Not part of the scaleup binary; built
 * only with the window front-end.
 *
 *   scaleup-window-bench first SCENARIO [ROLE]
 *       opens the window on SCENARIO's first scene (with ROLE, else the role
 *       screen when it has several; seed 1) and prints the seconds to the first
 *       frame on screen: from the start of main, from window_run (the
 *       window's own count), and the wall-clock time of that frame, which
 *       the benchmark subtracts from the time it started the program at (so
 *       exec and dynamic linking count too).
 *   scaleup-window-bench draw SCENARIO [ROLE]
 *       on SCENARIO's first scene, at 1920x1080 and 3840x2160: the time to lay
 *       out and draw the screen with an empty text cache (cold: every text is
 *       rasterised again) and with the cache warm (cached), medians of several
 *       draws, with the window's own probe (window_probe_draw_time: the draw,
 *       not its presentation on the display).
 *
 * Each prints one JSON object. The display is whatever SDL finds (the
 * benchmark sets SDL_VIDEODRIVER=x11 under Xvfb and SDL_RENDER_DRIVER=
 * software: there is no GPU there, and a GPU renderer's draw calls would
 * return before the drawing is done).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/play_options.h"
#include "core/util.h"
#include "window.h"
#include "window_probe.h"

enum { DRAWS = 15, COLD = 7 };

static double started;

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    sort_items(v, (size_t)n, sizeof *v, compare_doubles);
    return v[n / 2];
}

struct first {
    double from_main, from_window_run;
    double unix_seconds; /* the wall clock at the first frame */
};

static bool first_idle(void *ctx, struct window *w)
{
    struct first *f = ctx;
    f->from_main = clock_seconds() - started;
    f->from_window_run = window_probe_first_frame(w);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    f->unix_seconds = (double)now.tv_sec + (double)now.tv_nsec / 1e9;
    return false;
}

struct draw {
    int idles;
    double cold[2], cached[2];
    int width[2], height[2];
    int entries[2];
    unsigned long misses_cached[2];
    enum win_screen screen;
};

static bool draw_idle(void *ctx, struct window *w)
{
    struct draw *d = ctx;
    static const int size[2][2] = {{1920, 1080}, {3840, 2160}};
    d->screen = window_probe_screen(w);
    for (int s = 0; s < 2; s++) {
        double cold[COLD], cached[DRAWS];
        for (int i = 0; i < COLD; i++) {
            /* A resize makes the next draw lay the screen out again. */
            window_probe_resize(w, size[1 - s][0], size[1 - s][1]);
            window_probe_resize(w, size[s][0], size[s][1]);
            cold[i] = window_probe_draw_time(w, true);
        }
        window_probe_size(w, &d->width[s], &d->height[s]);
        int entries;
        unsigned long hits, misses0, misses1;
        window_probe_draw_time(w, false);
        window_probe_cache(w, &entries, &hits, &misses0);
        for (int i = 0; i < DRAWS; i++)
            cached[i] = window_probe_draw_time(w, false);
        window_probe_cache(w, &entries, &hits, &misses1);
        d->cold[s] = median(cold, COLD);
        d->cached[s] = median(cached, DRAWS);
        d->entries[s] = entries;
        d->misses_cached[s] = misses1 - misses0;
    }
    return false;
}

static void options(struct play_options *po)
{
    memset(po, 0, sizeof *po);
    session_options_default(&po->session);
    po->session.setup.seed = 1;
    po->seed_given = true;
}

int main(int argc, char **argv)
{
    started = clock_seconds();
    if ((argc != 3 && argc != 4) || (strcmp(argv[1], "first") != 0 && strcmp(argv[1], "draw") != 0)) {
        fprintf(stderr, "usage: scaleup-window-bench first|draw SCENARIO [ROLE]\n");
        return 2;
    }
    struct play_options po;
    options(&po);
    po.role = argc == 4 ? argv[3] : NULL;
    if (strcmp(argv[1], "first") == 0) {
        struct first f = {0};
        struct window_hooks h = {&f, first_idle};
        int code = window_run(&po, argv[2], &h);
        if (f.from_main <= 0)
            return code ? code : 1;
        printf("{\"from_main_seconds\": %.6f, \"from_window_run_seconds\": %.6f, "
               "\"first_frame_unix_seconds\": %.6f}\n",
               f.from_main, f.from_window_run, f.unix_seconds);
        return 0;
    }
    struct draw d = {0};
    struct window_hooks h = {&d, draw_idle};
    int code = window_run(&po, argv[2], &h);
    if (!d.width[0])
        return code ? code : 1;
    printf("{\"screen\": %d", (int)d.screen);
    for (int s = 0; s < 2; s++)
        printf(", \"%dx%d\": {\"cold_seconds\": %.6f, \"cached_seconds\": %.6f, \"text_entries\": %d, "
               "\"rasterised_when_cached\": %lu}",
               s ? 3840 : 1920, s ? 2160 : 1080, d.cold[s], d.cached[s], d.entries[s],
               d.misses_cached[s]);
    printf(", \"sizes\": [[%d, %d], [%d, %d]]}\n", d.width[0], d.height[0], d.width[1], d.height[1]);
    return 0;
}
