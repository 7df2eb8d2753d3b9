/*
 * limits.h: every limit the engine enforces, in one place, each with its reason.
 *
 * A scenario is untrusted code and every file the program reads may be hostile,
 * so sizes are checked against these numbers *before* anything is allocated for
 * them. The Lua limits (memory, instructions, wall clock) are defaults: the
 * command line can change them (see struct script_limits in script.h and
 * docs/security.md), the rest are fixed by the shape of the C structures.
 */
#ifndef SCALEUP_LIMITS_H
#define SCALEUP_LIMITS_H

/* Ids appear in file names, result files and messages; 64 bytes is plenty for
 * "negotiation-round-3" and keeps every message one readable line. */
#define LIMIT_ID_BYTES 64

/* The contract: 1 to 8 dimensions and 1 to 8 roles (a debrief chart and a role
 * menu with more would not fit a projector). */
#define LIMIT_DIMENSIONS 8
#define LIMIT_ROLES 8

/* Stats live in a fixed array in every game state; the HUD shows at most a
 * handful, 32 leaves room for hidden bookkeeping stats. */
#define LIMIT_STATS 32

/* Flags are bits in a fixed bitset in every game state (128 bytes). */
#define LIMIT_FLAGS 1024

/* Scenes plus endings. The large benchmark has 10,000; 100,000 leaves headroom
 * while bounding the id table and the per-game visit counters. */
#define LIMIT_SCENES 100000

/* Choices listed in one scene. Keys 1-9 pick in the window; 32 is far beyond any
 * readable menu and bounds a hostile scene with 100,000 choices at load. */
#define LIMIT_CHOICES_PER_SCENE 32

/* One text (scene text, feedback, a function's result). 64 KiB is about 30
 * screens: anything longer is a mistake or an attack (a 50 MB text). */
#define LIMIT_TEXT_BYTES (64 * 1024)

/* One scenario source file, read whole before Lua sees it. The large
 * benchmark scenario (10,000 scenes) is about 4 MB. */
#define LIMIT_FILE_BYTES (16 * 1024 * 1024)

/* Files per scenario and the nesting depth of include. */
#define LIMIT_FILES 256
#define LIMIT_INCLUDE_DEPTH 16

/* An include path: relative, short enough that Lua never abbreviates it in its
 * messages (Lua cuts chunk names at 60 bytes). */
#define LIMIT_INCLUDE_PATH_BYTES 48

/* Decisions in one run. A run longer than this is a loop no person would play;
 * it also bounds result files and replays. */
#define LIMIT_TURNS 5000

/* A player's or team's name, as typed on the title screen. */
#define LIMIT_NAME_BYTES 64

/* Result, save and settings files the program reads back, and writes: a
 * run whose file would be larger (5,000 decisions of 64 KiB labels) is
 * written with each decision's label shortened (the choice numbers replay
 * it), so that no run is written that cannot be read back. A finished run
 * of 5,000 decisions with short labels is well under 4 MiB. */
#define LIMIT_RUN_FILE_BYTES (16 * 1024 * 1024)

/* Lua memory for one scenario (its code, tables and strings). The large
 * benchmark loads in about 20 MiB; past this the scenario gets an error. */
#define LIMIT_LUA_MEMORY_DEFAULT (64u * 1024u * 1024u)

/* Numbers the game keeps (a choice's points and effects, weights, a stat's
 * start, min and max, and a stat's value, which is held inside this range as
 * inside its own min and max): at most a trillion from zero. Whole numbers up
 * to it are exact in a double, and LIMIT_TURNS decisions of it sum to 5e15,
 * still exact, so scores, totals, percentages and result files stay finite
 * (a score of 1e308 twice was infinity: "-nan%", a result file with no score). */
#define LIMIT_NUMBER 1e12

/* A total of LIMIT_TURNS such numbers (a score, a weighted score): what the
 * report accepts from a result file, so that it shows what the game wrote. */
#define LIMIT_NUMBER_TOTAL (LIMIT_NUMBER * LIMIT_TURNS)

/* Instructions for one call into scenario code (a when, act, next, text,
 * on_enter or settle) and for running one scenario file at load. About 50 ms
 * and 0.4 s of Lua on an old laptop: well inside the wall-clock limits below,
 * so that under load the instruction count, not the clock, ends a loop. */
#define LIMIT_CALL_INSTRUCTIONS_DEFAULT 10000000L
#define LIMIT_LOAD_INSTRUCTIONS_DEFAULT 100000000L

/* Wall clock for the same calls: covers what the instruction count cannot see,
 * time spent inside library functions. */
#define LIMIT_CALL_MILLISECONDS_DEFAULT 500
#define LIMIT_LOAD_MILLISECONDS_DEFAULT 1500

/* The count hook runs every this many instructions: rare enough to cost under
 * 2% of a callback's time, often enough to stop a loop within microseconds. */
#define LIMIT_HOOK_INTERVAL 1000

/* Library functions that do unbounded work in one C call (the hook cannot stop
 * them) get their arguments capped instead: */
#define LIMIT_STRING_REP_BYTES (1024 * 1024)   /* string.rep result */
#define LIMIT_PATTERN_SUBJECT_BYTES (256 * 1024) /* string.find/match/gmatch/gsub */
#define LIMIT_PATTERN_COST 20000000.0          /* subject^(quantifiers+1) estimate */
#define LIMIT_TABLE_OP_ELEMENTS 1000000L       /* table.move/sort/concat/insert/remove/unpack */

/* Those calls are also priced by their real work, in steps of about one Lua
 * instruction's cost (an element moved or compared, a byte a pattern reads,
 * LIMIT_BYTES_PER_STEP bytes copied), charged to the call's instruction
 * budget: a loop of expensive calls ends by the instruction count, exactly,
 * as a loop of instructions does. A call of more than LIMIT_WORK_CLOCK_CHECK
 * steps checks the clock before and after it; a table with a metatable
 * (whose __index chains and functions can make each access cost more) is
 * walked element by element, with the clock checked every
 * LIMIT_TABLE_STEP_CHECK elements. */
#define LIMIT_BYTES_PER_STEP 16.0
#define LIMIT_WORK_CLOCK_CHECK 10000.0
#define LIMIT_TABLE_STEP_CHECK 256

/* Instructions that allocate can be slow in C (a concatenation of two large
 * strings, string.upper of one): after this many bytes allocated the clock
 * is checked before the next instruction, not only every LIMIT_HOOK_INTERVAL
 * instructions. */
#define LIMIT_CLOCK_CHECK_BYTES (8u * 1024u * 1024u)

/* Diagnostics kept by one load or lint run: enough to fix a file in one go. */
#define LIMIT_DIAGNOSTICS 200

/* The exact best (best.h) of one role runs in the background while the run
 * is played, on its own copies of the scenario: at most LIMIT_BEST_SECONDS
 * of search (issue 23's budget: every bundled role and seed measured takes
 * under it on two quiet cores, Seed to Scale's slowest 7.5 to 10.5 s, the
 * others under 5 s) and LIMIT_BEST_STATES solved states, counted
 * over its workers (a table per task, 16 bytes a state: Seed to Scale's
 * largest search, 2.1 million states, peaks at 90 MB for the whole
 * process); past either the figure is the best found, marked as an
 * estimate. */
#define LIMIT_BEST_SECONDS 10.0
#define LIMIT_BEST_STATES 4000000
/* Workers of one search (threads, each with its own load of the scenario,
 * about 1 MiB each for the bundled ones, and its own table): the default
 * is the number of cores, up to this. */
#define LIMIT_BEST_JOBS 8

/* The compiled scenario files kept between runs (script/chunkcache.h), all
 * entries together: an entry holds its file, its bytecode and its source
 * map, about three times the file (the large benchmark, 9.5 MB of sources,
 * makes 30 MB of entries). Past this the oldest entries are removed. */
#define LIMIT_CHUNK_CACHE_BYTES (128u * 1024u * 1024u)


/* The browser host (scaleup host, engine/host/): a room of a few dozen teams
 * on a shared network, where any laptop may misbehave.
 * Teams (runs) one host keeps: each is a thread and a loaded scenario (well
 * under 1 MiB, docs/performance.md); 500 is ten times a large room. */
#define LIMIT_HOST_TEAMS 500
/* A request's headers and cookies: libmicrohttpd's memory per connection.
 * Our largest legitimate request (a form, a 32-byte cookie) is under 2 KiB;
 * past this the client gets 431. */
#define LIMIT_HOST_REQUEST_BYTES (16 * 1024)
/* A form's body: a team name of LIMIT_NAME_BYTES escaped three times over
 * and a few tokens fit in 1 KiB; past 4 KiB the client gets 413. */
#define LIMIT_HOST_BODY_BYTES 4096
/* Connections at once, and from one address (a whole room behind one NAT
 * stays under it; a slowloris from one address does not take them all). */
#define LIMIT_HOST_CONNECTIONS 1000
#define LIMIT_HOST_CONNECTIONS_PER_IP 250
/* Seconds a connection may stay silent (a slow or stalled client) before
 * it is closed: a person's request arrives in well under a second. */
#define LIMIT_HOST_IDLE_SECONDS 10
/* Requests per client (a team's cookie, else the address): a burst, then a
 * steady rate. A person clicks a few times a second at most; a room joining
 * at once from one NAT address is 2 requests per team. */
#define LIMIT_HOST_BURST 240
#define LIMIT_HOST_PER_SECOND 20
/* How long a page waits for the run to take a decision (a debrief's best
 * search can take longer: the page then says so and refreshes). */
#define LIMIT_HOST_WAIT_MS 2000

/* What the code relies on, checked where the limits are set (as
 * sqliteLimit.h does): changing a limit past one of these is a compile
 * error, not a quiet overflow. */
_Static_assert(LIMIT_FLAGS % 64 == 0, "flags are kept as whole 64-bit words");
_Static_assert(LIMIT_FLAGS <= 65535, "flag indices are uint16_t (requires, set, unset)");
_Static_assert(LIMIT_ROLES <= 32, "a choice's roles are a 32-bit mask");
_Static_assert(LIMIT_STATS <= 32767, "an effect's stat index is int16_t");
_Static_assert(LIMIT_FILES <= 65535, "a source position's file is uint16_t");
_Static_assert(LIMIT_CHOICES_PER_SCENE <= 65535, "a scene's choice count is uint16_t");
_Static_assert(LIMIT_DIMENSIONS <= 16, "dimensions are listed in small fixed arrays");

#endif
