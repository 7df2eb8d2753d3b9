/*
 * test_sandbox.c: what scenario code can and cannot do (docs/security.md).
 * Each case is a scenario whose start scene runs a snippet (at load time, or
 * in a callback); the test checks the exact message, with its file and line.
 */
#include <stdlib.h>
#include <string.h>

#include "core/game.h"
#include "core/loader.h"
#include "support.h"

static char *dir;

static int setup(void **state)
{
    (void)state;
    dir = make_temp_dir();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm_rf(dir);
    free(dir);
    return 0;
}

/* Writes a scenario: line 1 is the scenario, line 2 is `top` (run at load),
 * line 3 the scene whose choice runs `act` (on one line). */
static void write_scenario(const char *top, const char *act)
{
    char path[512];
    snprintf(path, sizeof path, "%s/main.lua", dir);
    FILE *f = fopen(path, "w");
    fprintf(f,
            "scenario { id = \"sb\", title = \"S\", start = \"a\", dimensions = { { id = \"v\" } }, "
            "roles = { { id = \"po\" } }, stats = { { id = \"n\", start = 0 } } }\n"
            "%s\n"
            "scene \"a\" { choices = { { \"Go\", act = function(game) %s end, next = \"e\" } } }\n"
            "ending \"e\" { verdict = \"success\" }\n",
            top, act);
    fclose(f);
}

/* The clock limits are generous here, so that on a busy machine an endless
 * loop still ends by the instruction count, with that message. */
static struct script_limits roomy(void)
{
    struct script_limits l;
    script_limits_default(&l);
    l.call_ms = 20000;
    l.load_ms = 20000;
    return l;
}

static char *errors_of(const char *path)
{
    struct script_limits l = roomy();
    struct diag_list diags;
    diag_list_init(&diags);
    struct scenario *sc = scenario_load(path, &l, &diags);
    assert_null(sc);
    struct strbuf sb;
    sb_init(&sb);
    for (int i = 0; i < diags.count; i++) {
        diag_format(&diags.items[i], false, &sb);
        sb_putc(&sb, '\n');
    }
    diag_list_free(&diags);
    return sb_take(&sb);
}

/* The first load error, formatted without the folder. */
static char *load_message(const char *top)
{
    write_scenario(top, "");
    char *errs = errors_of(dir);
    char *nl = strchr(errs, '\n');
    if (nl)
        *nl = '\0';
    const char *slash = strrchr(errs, '/');
    char *out = strdup(slash ? slash + 1 : errs);
    free(errs);
    return out;
}

/* The error of taking the choice whose act is `act`. */
static char *act_message(const char *act, double *seconds)
{
    write_scenario("", act);
    struct script_limits l = roomy();
    struct diag_list diags;
    diag_list_init(&diags);
    struct scenario *sc = scenario_load(dir, &l, &diags);
    assert_non_null(sc);
    diag_list_free(&diags);
    struct game *g = game_new(sc);
    struct game_setup st = {.seed = 1, .nplayers = 1};
    st.players[0].name = "x";
    struct diag err;
    assert_true(game_start(g, &st, &err));
    double t0 = clock_seconds();
    bool ok = game_choose(g, 1, false, 0, &err);
    if (seconds)
        *seconds = clock_seconds() - t0;
    assert_false(ok);
    assert_int_equal(g->nlog, 0); /* the state before the call is kept */
    struct strbuf sb;
    sb_init(&sb);
    diag_format(&err, false, &sb);
    game_free(g);
    scenario_free(sc);
    const char *slash = strrchr(sb.data, '/');
    char *out = strdup(slash ? slash + 1 : sb.data);
    sb_free(&sb);
    return out;
}

static void expect_load(const char *top, const char *want)
{
    char *got = load_message(top);
    if (strcmp(got, want) != 0)
        fail_msg("for: %s\n  want: %s\n  got:  %s", top, want, got);
    free(got);
}

static void expect_act(const char *act, const char *want)
{
    double secs;
    char *got = act_message(act, &secs);
    if (strcmp(got, want) != 0)
        fail_msg("for: %s\n  want: %s\n  got:  %s", act, want, got);
    /* The message says which limit ended the call; the clock (20 s here)
     * only keeps a broken limit from hanging the test. */
    assert_true(secs < 15.0);
    free(got);
}

static void forbidden_libraries_say_why(void **state)
{
    (void)state;
    expect_load("local f = io.open('/etc/passwd')",
                "main.lua:2: error: 'io' is not available in a scenario: files are out of a "
                "scenario's reach");
    expect_load("os.execute('rm -rf /')",
                "main.lua:2: error: 'os' is not available in a scenario: the system is out of a "
                "scenario's reach");
    expect_load("require('socket')",
                "main.lua:2: error: 'require' is not available in a scenario: use include "
                "\"file.lua\" for a file of the scenario");
    expect_load("load('return 1')()",
                "main.lua:2: error: 'load' is not available in a scenario: scenarios cannot load "
                "code at run time");
    expect_load("debug.sethook()",
                "main.lua:2: error: 'debug' is not available in a scenario: the debug library "
                "could break out of the sandbox");
    expect_load("dofile('/etc/passwd')",
                "main.lua:2: error: 'dofile' is not available in a scenario: use include "
                "\"file.lua\" for a file of the scenario");
    expect_load("collectgarbage()",
                "main.lua:2: error: 'collectgarbage' is not available in a scenario: memory is "
                "managed by the engine");
    expect_load("local x = math.random(1, 6)",
                "main.lua:2: error: 'math.random' is not available in a scenario: use "
                "game.random(m, n): it replays exactly from the run's seed");
    expect_load("local d = string.dump(function() end)",
                "main.lua:2: error: 'string.dump' is not available in a scenario: binary chunks "
                "cannot be loaded in a scenario");
    expect_load("local d = (''):dump()",
                "main.lua:2: error: 'string.dump' is not available in a scenario: binary chunks "
                "cannot be loaded in a scenario");
    expect_load("local co = coroutine.create(print)",
                "main.lua:2: error: 'coroutine' is not available in a scenario: coroutines are "
                "not part of the scenario contract");
}

static void metatables_and_libraries_are_locked(void **state)
{
    (void)state;
    expect_load("getmetatable('').__index = {}",
                "main.lua:2: error: attempt to index a string value");
    expect_load("string.upper = nil",
                "main.lua:2: error: the string library cannot be changed by a scenario");
    expect_load("setmetatable({}, { __gc = function() while true do end end })",
                "main.lua:2: error: setmetatable: __gc finalizers are not allowed in a scenario");
    expect_act("setmetatable(game, {})",
               "main.lua:3: error: in the act of choice 1 in scene 'a': bad argument #1 to "
               "'setmetatable' (table expected, got game)");
    expect_act("rawset(game.stats, 'n', 5)",
               "main.lua:3: error: in the act of choice 1 in scene 'a': bad argument #1 to "
               "'rawset' (table expected, got game.stats)");
    expect_act("counter = 1",
               "main.lua:3: error: in the act of choice 1 in scene 'a': cannot set global "
               "'counter' during play: keep the game's state in game.stats and game.flags so "
               "that runs replay exactly");
}

static void endless_loops_stop_with_the_line(void **state)
{
    (void)state;
    expect_load("while true do end",
                "main.lua:2: error: ran more than 100000000 instructions, the limit for loading "
                "a file (an endless loop?)");
    expect_act("while true do end",
               "main.lua:3: error: in the act of choice 1 in scene 'a': ran more than 10000000 "
               "instructions, the limit for one call (an endless loop?)");
    /* pcall cannot swallow the limit. */
    expect_act("while true do pcall(function() while true do end end) end",
               "main.lua:3: error: in the act of choice 1 in scene 'a': ran more than 10000000 "
               "instructions, the limit for one call (an endless loop?)");
    expect_act("xpcall(error, function() while true do end end)",
               "main.lua:3: error: in the act of choice 1 in scene 'a': ran more than 10000000 "
               "instructions, the limit for one call (an endless loop?)");
    expect_act("while true do xpcall(function() while true do end end, function(e) return e end) end",
               "main.lua:3: error: in the act of choice 1 in scene 'a': ran more than 10000000 "
               "instructions, the limit for one call (an endless loop?)");
}

static void memory_and_expensive_calls_are_capped(void **state)
{
    (void)state;
    expect_act("local t = {} for i = 1, 1e9 do t[i] = i end",
               "main.lua:3: error: in the act of choice 1 in scene 'a': used more than 64 MiB "
               "of memory, the scenario's limit");
    expect_act("local s = 'x' for i = 1, 40 do s = s .. s end",
               "main.lua:3: error: in the act of choice 1 in scene 'a': used more than 64 MiB "
               "of memory, the scenario's limit");
    expect_act("local s = string.rep('x', 1e8)",
               "main.lua:3: error: in the act of choice 1 in scene 'a': string.rep would make "
               "100000000 bytes, over the limit of 1048576 (a text is at most 65536 bytes)");
    expect_act("local s = ('a'):rep(200000):find('.-.-.-.-b')",
               "main.lua:3: error: in the act of choice 1 in scene 'a': string.find: this pattern "
               "could take too long on a string of 200000 bytes (simplify the pattern or split "
               "the string)");
    expect_act("local s = string.rep('', 1e12, '')",
               "main.lua:3: error: in the act of choice 1 in scene 'a': string.rep would repeat "
               "a string 1000000000000 times, over the limit of 1048576");
    expect_act("local t = setmetatable({}, { __len = function() return 1e9 end }) "
               "return table.unpack(t)",
               "main.lua:3: error: in the act of choice 1 in scene 'a': table.unpack over "
               "1000000000 elements: the limit for one call is 1000000");
    expect_act("while true do table.sort({ 3, 2, 1 }) end",
               "main.lua:3: error: in the act of choice 1 in scene 'a': ran more than 10000000 "
               "instructions, the limit for one call (an endless loop?)");
    expect_act("rawset(math, 'pi', 3)",
               "main.lua:3: error: in the act of choice 1 in scene 'a': the math library cannot "
               "be changed by a scenario");
    expect_act("table.move({}, 1, 1e12, 2)",
               "main.lua:3: error: in the act of choice 1 in scene 'a': table.move over "
               "999999999999 elements: the limit for one call is 1000000");
}

static void recursion_and_odd_errors_keep_the_line(void **state)
{
    (void)state;
    expect_act("local function f(n) return 1 + f(n + 1) end f(1)",
               "main.lua:3: error: in the act of choice 1 in scene 'a': stack overflow");
    expect_act("error(setmetatable({}, { __tostring = function() error('again') end }))",
               "main.lua:3: error: in the act of choice 1 in scene 'a': error object is a table "
               "value");
    expect_act("error('plain', 0)",
               "main.lua:3: error: in the act of choice 1 in scene 'a': plain");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forbidden_libraries_say_why),
        cmocka_unit_test(metatables_and_libraries_are_locked),
        cmocka_unit_test(endless_loops_stop_with_the_line),
        cmocka_unit_test(memory_and_expensive_calls_are_capped),
        cmocka_unit_test(recursion_and_odd_errors_keep_the_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
