// tools/bench/measure.js: runs every measurement of the benchmark and prints
// the results table (Markdown). Called by tools/bench/run, which builds the
// programs, installs inkjs and generates the stories first; see
// docs/performance.md for what each figure means.
//
//   node tools/bench/measure.js BUILD_DIR OUT_DIR [--quick]
//
// Every figure is the median of several runs (--quick: fewer runs, fewer
// playthroughs). ScaleUp's and inkjs's random playthroughs run side by side,
// alternately, so that both see the same machine. The raw numbers go to
// OUT_DIR/results.json.
"use strict";

const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const [buildDir, outDir, ...flags] = process.argv.slice(2);
if (!buildDir || !outDir) {
    console.error("usage: node measure.js BUILD_DIR OUT_DIR [--quick]");
    process.exit(2);
}
const quick = flags.includes("--quick");
const repeats = quick ? 3 : 5;
const here = __dirname;
const root = path.resolve(here, "..", "..");
const scaleup = path.join(buildDir, "engine", "scaleup");
const helper = path.join(buildDir, "tools", "bench", "scaleup-bench");
const windowHelper = path.join(buildDir, "tools", "bench", "scaleup-window-bench");
const seed = 1;

// Playthroughs per run, chosen so that one run takes about half a second
// with one core (round 11: medium 20,000 and large 5,000 had come down to
// 0.33 s and 0.25 s, so a --jobs 2 run of the large story lasted 0.15 s and
// its fixed costs, the fork and the first writes to shared pages, weighed 5
// to 8 %; a playthrough's cost is flat in N, docs/performance.md).
const sizes = [
    { name: "small", dims: "10 x 4 x 3", ours: 50000, ink: 500, states: 100000 },
    { name: "medium", dims: "40 x 25 x 4", ours: 30000, ink: 200, states: 200000 },
    { name: "large", dims: "100 x 100 x 4", ours: 10000, ink: 50, states: 200000 },
];
if (quick)
    for (const s of sizes) {
        s.ours = Math.ceil(s.ours / 5);
        s.ink = Math.ceil(s.ink / 2);
        s.states = Math.ceil(s.states / 4);
    }

function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const n = s.length;
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function run(cmd, args, opts = {}) {
    return execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28, ...opts });
}

// Runs a command under scaleup-bench spawn: its stdout, and the wall time,
// CPU time and peak memory of the process.
function spawn(cmd, args, okExits = [0, 1]) {
    const usage = path.join(outDir, "spawn.json");
    let stdout = "";
    try {
        stdout = run(helper, ["spawn", usage, cmd, ...args]);
    } catch (e) {
        stdout = e.stdout || "";
    }
    const u = JSON.parse(fs.readFileSync(usage, "utf8"));
    if (!okExits.includes(u.exit))
        throw new Error(`${cmd} ${args.join(" ")} exited with ${u.exit}`);
    return { stdout, usage: u };
}

function times(n, f) {
    const out = [];
    for (let i = 0; i < n; i++)
        out.push(f(i));
    return out;
}

function progress(msg) {
    process.stderr.write(`bench: ${msg}\n`);
}

function ourRandom(dir, runs, jobs = 1) {
    const { stdout, usage } = spawn(scaleup, ["explore", dir, "--random", String(runs),
        "--seed", String(seed), "--json", "--jobs", String(jobs)]);
    const j = JSON.parse(stdout);
    if (j.errors.length || j.dead_ends.length)
        throw new Error(`explore found problems in ${dir}`);
    return { choices: j.choices, playthroughs: j.playthroughs, seconds: j.seconds,
             rss: usage.max_rss_kib };
}

// Two `--jobs 1` processes started together: the sum of their choices a
// second, the ideal that `--jobs 2` (one process, two cores) is held to.
function twoAtOnce(dir, runs) {
    const cmd = [scaleup, "explore", dir, "--random", String(runs), "--seed", String(seed),
                 "--json", "--jobs", "1"].map((a) => `'${a}'`).join(" ");
    const files = [0, 1].map((k) => path.join(os.tmpdir(), `scaleup-bench-pair-${process.pid}-${k}.json`));
    run("sh", ["-c", `${cmd} > '${files[0]}' & ${cmd} > '${files[1]}' & wait`]);
    let rate = 0;
    for (const f of files) {
        const j = JSON.parse(fs.readFileSync(f, "utf8"));
        fs.unlinkSync(f);
        rate += j.choices / j.seconds;
    }
    return rate;
}

function inkPlay(json, runs) {
    return JSON.parse(run("node", [path.join(here, "ink.js"), "play", json, String(runs), String(seed)]));
}

const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(", ");
const results = { sizes: {} };

// Whole processes, as a user types them: lint, and play to its first
// prompt (stdin at its end: play prints the first scene and its prompt,
// then stops, exit 2).
function wholeProcesses(dir) {
    const lints = times(repeats, () => spawn(scaleup, ["lint", dir]).usage);
    const plays = times(repeats, () => spawn(scaleup, ["play", dir, "--text"], [2]).usage);
    return {
        lint_seconds: median(lints.map((u) => u.wall_seconds)),
        lint_cpu_seconds: median(lints.map((u) => u.user_seconds + u.system_seconds)),
        lint_rss_kib: median(lints.map((u) => u.max_rss_kib)),
        play_first_seconds: median(plays.map((u) => u.wall_seconds)),
        play_first_cpu_seconds: median(plays.map((u) => u.user_seconds + u.system_seconds)),
        play_first_rss_kib: median(plays.map((u) => u.max_rss_kib)),
    };
}

for (const s of sizes) {
    const dir = path.join(outDir, s.name);
    const r = { ours: {}, ink: {}, dims: s.dims };
    results.sizes[s.name] = r;

    progress(`${s.name}: load`);
    const load = JSON.parse(run(helper, ["load", dir, String(repeats * 2 + 1)]));
    r.scenes = load.scenes;
    r.ours.load_seconds = load.median_seconds;
    r.ours.load_rss_kib = median(times(repeats, () =>
        JSON.parse(run(helper, ["load", dir, "1"])).max_rss_kib));
    r.ours.lua_bytes = load.lua_bytes;

    // ink compiles (large: fewer runs, each takes a while).
    const ink = path.join(dir, "story.ink");
    const json = path.join(dir, "story.json");
    const compileRuns = s.name === "large" ? Math.min(repeats, 3) : repeats;
    progress(`${s.name}: inkjs compile (${compileRuns} runs)`);
    const compiles = times(compileRuns, () =>
        JSON.parse(run("node", [path.join(here, "ink.js"), "compile", ink, json])));
    r.ink.compile_seconds = median(compiles.map((c) => c.compile_seconds));
    r.ink.compile_rss_kib = median(compiles.map((c) => c.max_rss_kib));

    // Random playthroughs, side by side: scaleup explore, then inkjs, then the
    // text count, in turn.
    progress(`${s.name}: scaleup explore --random ${s.ours} and inkjs ${s.ink}, alternately`);
    const ours = [], plays = [], text = [];
    for (let i = 0; i < repeats; i++) {
        ours.push(ourRandom(dir, s.ours));
        plays.push(inkPlay(json, s.ink));
        text.push(JSON.parse(run(helper, ["random", dir, String(s.ours), String(seed)])));
    }
    r.ours.playthroughs = ours[0].playthroughs;
    r.ours.choices = ours[0].choices;
    r.ours.choices_per_second = median(ours.map((e) => e.choices / e.seconds));
    r.ours.playthroughs_per_second = median(ours.map((e) => e.playthroughs / e.seconds));
    r.ours.peak_rss_kib = median(ours.map((e) => e.rss));
    r.ours.text_chars = text[0].text_bytes;
    r.ours.text_chars_per_second = median(text.map((t) => t.text_bytes / t.seconds));
    r.ink.load_seconds = median(plays.map((p) => p.load_seconds));
    r.ink.playthroughs = plays[0].playthroughs;
    r.ink.choices = plays[0].choices;
    r.ink.text_chars = plays[0].text_chars;
    r.ink.choices_per_second = median(plays.map((p) => p.choices / p.seconds));
    r.ink.playthroughs_per_second = median(plays.map((p) => p.playthroughs / p.seconds));
    r.ink.text_chars_per_second = median(plays.map((p) => p.text_chars / p.seconds));
    r.ink.peak_rss_kib = median(plays.map((p) => p.max_rss_kib));
    // The ratio of each pair of runs made one after the other.
    r.choices_ratio = median(ours.map((e, i) =>
        (e.choices / e.seconds) / (plays[i].choices / plays[i].seconds)));

    // Both cores: --jobs 2 against --jobs 1, alternately (the same report).
    // More pairs than the other figures: a --jobs 2 run of the large story
    // lasts about 0.15 s, and on a shared 2-core VM one pair's ratio was
    // seen anywhere from 1.2x to 2.1x within a minute (docs/performance.md,
    // round 10); the median of 5 moved with it.
    const jobsRepeats = quick ? 3 : 11;
    progress(`${s.name}: scaleup explore --random ${s.ours}, --jobs 1 and 2 and two --jobs 1 at once, alternately (${jobsRepeats} times)`);
    const one = [], two = [], pair = [];
    for (let i = 0; i < jobsRepeats; i++) {
        one.push(ourRandom(dir, s.ours, 1));
        two.push(ourRandom(dir, s.ours, 2));
        pair.push(twoAtOnce(dir, s.ours));
    }
    r.ours.jobs2_choices_per_second = median(two.map((e) => e.choices / e.seconds));
    r.ours.jobs_speedup = median(two.map((e, i) =>
        (e.choices / e.seconds) / (one[i].choices / one[i].seconds)));
    r.jobs2_choices_ratio = r.choices_ratio * r.ours.jobs_speedup;
    // The machine's own ceiling in the same minutes: what two separate
    // one-core processes reach together, against one alone.
    r.ours.two_processes_speedup = median(pair.map((p, i) =>
        p / (one[i].choices / one[i].seconds)));

    progress(`${s.name}: lint, and play --text to its first prompt, as whole processes`);
    Object.assign(r.ours, wholeProcesses(dir));

    progress(`${s.name}: exhaustive, up to ${s.states} states`);
    const ex = times(repeats, () => {
        const j = JSON.parse(spawn(scaleup, ["explore", dir, "--exhaustive", "--max-states",
            String(s.states), "--seed", String(seed), "--json"]).stdout);
        return { states: j.states, seconds: j.seconds };
    });
    r.ours.exhaustive_states = ex[0].states;
    r.ours.states_per_second = median(ex.map((e) => e.states / e.seconds));
}

// The large story as one file (tools/bench/run writes it with gen.lua's
// one-file): the tools walk a file's text, and what is linear in the sum
// of files can be quadratic in one of them (issue 23: lint took 4.7 s).
// No budget of its own; its figures stand beside the large story's.
const oneFile = path.join(outDir, "large-one-file");
if (fs.existsSync(path.join(oneFile, "main.lua"))) {
    progress("large, in one file: lint, and play --text to its first prompt");
    results.one_file = wholeProcesses(oneFile);
}

// ------------------------------------------------------------- the window

// Under Xvfb (a 4K screen, no GPU), on the renderer the window picks by
// itself, as a user starts it (the first frame and the memory); the draw
// figures force SDL's software renderer, since a GPU renderer's draw calls
// return before the drawing is done.
function underXvfb(args, env = {}) {
    const config = fs.mkdtempSync(path.join(os.tmpdir(), "scaleup-bench-"));
    const base = { ...process.env };
    delete base.SDL_RENDER_DRIVER;
    try {
        const base = { ...process.env };
        delete base.SDL_RENDER_DRIVER;
        return run("xvfb-run", ["-a", "-s", "-screen 0 3840x2160x24 -nolisten tcp", ...args], {
            env: { ...base, SDL_VIDEODRIVER: "x11",
                   XDG_CONFIG_HOME: path.join(config, "config"),
                   XDG_DATA_HOME: path.join(config, "data"), ...env },
        });
    } finally {
        fs.rmSync(config, { recursive: true, force: true });
    }
}

function haveXvfb() {
    try {
        run("sh", ["-c", "command -v xvfb-run"]);
        return true;
    } catch (e) {
        return false;
    }
}

// The bundled scenarios' lint, as whole processes.
results.bundled_lint = {};
for (const name of fs.readdirSync(path.join(root, "scenarios")).sort()) {
    const dir = path.join(root, "scenarios", name);
    if (!fs.statSync(dir).isDirectory())
        continue;
    progress(`bundled: lint ${name}`);
    const us = times(repeats, () => spawn(scaleup, ["lint", dir]).usage);
    results.bundled_lint[name] = {
        seconds: median(us.map((u) => u.wall_seconds)),
        cpu_seconds: median(us.map((u) => u.user_seconds + u.system_seconds)),
        rss_kib: median(us.map((u) => u.max_rss_kib)),
    };
}

// The exact best of every role of every bundled scenario, as the debrief
// searches it in the background (its workers on every core, seed 1;
// scaleup-bench best); for a role whose search draws from the generator
// (its size depends on the seed), also the slowest of seeds 1 to 20.
const WORST_SEEDS = 20;
const bestOf = (dir, role, s) =>
    JSON.parse(run(helper, ["best", dir, String(role), String(s)], { stdio: ["ignore", "pipe", "ignore"] }));
results.bundled_best = {};
results.bundled_best_worst = {};
for (const name of Object.keys(results.bundled_lint)) {
    const dir = path.join(root, "scenarios", name);
    const roles = [], worst = [];
    for (let role = 0; ; role++) {
        let b;
        try {
            b = bestOf(dir, role, seed);
        } catch (e) {
            break; /* no such role */
        }
        progress(`bundled: best of ${name} ${b.role}: ${b.weighted}${b.exact ? "" : " (estimate)"}, ` +
                 `${b.states} states, ${secs(b.seconds)}`);
        delete b.path;
        roles.push(b);
        if (b.seed_free)
            continue;
        let w = { ...b, seed: 1 };
        for (let s = 1; s <= WORST_SEEDS; s++) {
            if (s === seed)
                continue;
            const x = bestOf(dir, role, s);
            delete x.path;
            if (!x.exact || x.seconds > w.seconds || !w.exact)
                w = { ...x, seed: s };
            if (!w.exact)
                break;
        }
        progress(`bundled: slowest best of ${name} ${w.role}, seeds 1-${WORST_SEEDS}: seed ${w.seed}, ` +
                 `${w.weighted}${w.exact ? "" : " (estimate)"}, ${w.states} states, ${secs(w.seconds)}`);
        worst.push(w);
    }
    results.bundled_best[name] = roles;
    if (worst.length)
        results.bundled_best_worst[name] = worst;
}

results.window = null;
if (fs.existsSync(windowHelper) && haveXvfb()) {
    const w = {};
    const tutorial = path.join(root, "scenarios", "tutorial");
    const wall = path.join(here, "fullscreen");
    progress("window: first frame (tutorial, 1920x1080)");
    /* The shell prints the wall clock, then becomes the program: the first
     * frame's time counts from there (exec, dynamic linking and all). */
    const firsts = times(repeats, () => {
        const lines = underXvfb(["sh", "-c", 'date +%s.%N; exec "$0" "$@"', windowHelper, "first",
                                 tutorial, "po"], { SCALEUP_WINDOW_SIZE: "1920x1080" }, false).trim().split("\n");
        const f = JSON.parse(lines[lines.length - 1]);
        f.from_start_seconds = f.first_frame_unix_seconds - Number(lines[0]);
        return f;
    });
    w.first_frame_from_start = median(firsts.map((f) => f.from_start_seconds));
    w.first_frame_from_main = median(firsts.map((f) => f.from_main_seconds));
    w.first_frame_from_window_run = median(firsts.map((f) => f.from_window_run_seconds));
    progress("window: drawing a full screen of text at 1920x1080 and 3840x2160");
    const draws = times(quick ? 1 : 3, () =>
        JSON.parse(underXvfb([windowHelper, "draw", wall, "po"],
                             { SCALEUP_WINDOW_SIZE: "1920x1080", SDL_RENDER_DRIVER: "software" })));
    for (const size of ["1920x1080", "3840x2160"]) {
        w[size] = {
            cold: median(draws.map((d) => d[size].cold_seconds)),
            cached: median(draws.map((d) => d[size].cached_seconds)),
            rasterised_when_cached: Math.max(...draws.map((d) => d[size].rasterised_when_cached)),
        };
    }
    progress("window: CPU while waiting 10 s for input (scaleup play tutorial)");
    const idles = times(quick ? 1 : 3, () =>
        JSON.parse(underXvfb([helper, "idle", "3", "10", scaleup, "play", "tutorial", "--role", "po",
            "--seed", "1"], { SCALEUP_WINDOW_SIZE: "1920x1080" }, false)));
    w.idle_cpu_percent = median(idles.map((i) => i.cpu_percent));
    w.idle_cpu_seconds = median(idles.map((i) => i.cpu_seconds));
    w.rss_kib = median(idles.map((i) => i.max_rss_kib));
    results.window = w;
}

// -------------------------------------------------------------- the table

function si(x) {
    if (x >= 1e9) return (x / 1e9).toPrecision(3) + " G";
    if (x >= 1e6) return (x / 1e6).toPrecision(3) + " M";
    if (x >= 1e3) return (x / 1e3).toPrecision(3) + " k";
    return x.toPrecision(3);
}
function secs(x) {
    if (x < 1e-3) return (x * 1e6).toPrecision(3) + " µs";
    if (x < 1) return (x * 1e3).toPrecision(3) + " ms";
    return x.toPrecision(3) + " s";
}
function mib(kib) {
    return (kib / 1024).toFixed(1) + " MiB";
}

const inkVersion = JSON.parse(fs.readFileSync(path.join(here, "node_modules", "inkjs",
    "package.json"), "utf8")).version;
let commit = "unknown";
try {
    commit = run("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).trim();
    if (run("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root }).trim())
        commit += " (with uncommitted changes)";
} catch (e) { /* not a git checkout */ }
const cpu = os.cpus();
results.machine = {
    cpu: cpu.length ? cpu[0].model : "unknown",
    cores: cpu.length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    inkjs: inkVersion,
    commit,
    date: new Date().toISOString().slice(0, 10),
    repeats,
    // The machine is shared: its load average when the run began and ended.
    load_before: loadBefore,
    load_after: os.loadavg().map((x) => x.toFixed(2)).join(", "),
};
fs.writeFileSync(path.join(outDir, "results.json"), JSON.stringify(results, null, 2) + "\n");

const out = [];
const m = results.machine;
out.push(`Measured ${m.date} at commit ${m.commit}: ${m.cpu}, ${m.cores} cores, ` +
    `${m.memory_gib} GiB, ${m.os}; Node.js ${m.node}, inkjs ${m.inkjs}. ` +
    `Each figure is the median of ${m.repeats} runs${quick ? " (--quick)" : ""}. ` +
    `Load average (1, 5, 15 min) ${m.load_before} at the start, ${m.load_after} at the end.`);
out.push("");
out.push("| story | engine | load | playthroughs/s | choices/s | text chars/s | peak memory | lint | exhaustive states/s |");
out.push("|---|---|---:|---:|---:|---:|---:|---:|---:|");
for (const s of sizes) {
    const r = results.sizes[s.name];
    const label = `${s.name} (${s.dims}, ${r.scenes} scenes)`;
    out.push(`| ${label} | ScaleUp | ${secs(r.ours.load_seconds)} | ` +
        `${si(r.ours.playthroughs_per_second)} | ${si(r.ours.choices_per_second)} | ` +
        `${si(r.ours.text_chars_per_second)} | ${mib(r.ours.peak_rss_kib)} | ` +
        `${secs(r.ours.lint_seconds)} | ${si(r.ours.states_per_second)} |`);
    out.push(`| | inkjs ${m.inkjs} | ${secs(r.ink.compile_seconds)} + ${secs(r.ink.load_seconds)} | ` +
        `${si(r.ink.playthroughs_per_second)} | ${si(r.ink.choices_per_second)} | ` +
        `${si(r.ink.text_chars_per_second)} | ${mib(r.ink.peak_rss_kib)} | – | – |`);
    out.push(`| | ScaleUp's lead | ${((r.ink.compile_seconds + r.ink.load_seconds) / r.ours.load_seconds).toFixed(0)}× | ` +
        `${(r.ours.playthroughs_per_second / r.ink.playthroughs_per_second).toFixed(0)}× | ` +
        `${r.choices_ratio.toFixed(0)}× | ` +
        `${(r.ours.text_chars_per_second / r.ink.text_chars_per_second).toFixed(0)}× | ` +
        `${(r.ink.peak_rss_kib / r.ours.peak_rss_kib).toFixed(1)}× less | | |`);
}
out.push("");
out.push("Text per playthrough (scene texts, every choice offered, feedback): " + sizes.map((s) => {
    const r = results.sizes[s.name];
    return `${s.name} ${Math.round(r.ours.text_chars / r.ours.playthroughs)} (ScaleUp) and ` +
        `${Math.round(r.ink.text_chars / r.ink.playthroughs)} (inkjs) characters`;
}).join("; ") + ".");
out.push("");

const w = results.window;
if (w) {
    const a = w["1920x1080"], b = w["3840x2160"];
    out.push("| window (Xvfb; draws: SDL software renderer; first frame, idle: the default renderer) | 1920x1080 | 3840x2160 |");
    out.push("|---|---:|---:|");
    out.push(`| lay out and draw a full screen of text, cold (text cache empty) | ${secs(a.cold)} | ${secs(b.cold)} |`);
    out.push(`| draw it again, cached | ${secs(a.cached)} | ${secs(b.cached)} |`);
    out.push(`| first frame, from the start of the program (exec, tutorial) | ${secs(w.first_frame_from_start)} | |`);
    out.push(`| CPU while waiting 10 s for input | ${w.idle_cpu_percent.toFixed(2)} % (${secs(w.idle_cpu_seconds)}) | |`);
    out.push(`| memory (peak, scaleup play tutorial) | ${mib(w.rss_kib)} | |`);
    out.push("");
}

out.push("| whole process (median) | wall | CPU | peak memory |");
out.push("|---|---:|---:|---:|");
for (const s of sizes) {
    const r = results.sizes[s.name];
    out.push(`| \`scaleup lint\` ${s.name} | ${secs(r.ours.lint_seconds)} | ${secs(r.ours.lint_cpu_seconds)} | ${mib(r.ours.lint_rss_kib)} |`);
    out.push(`| \`scaleup play --text\` ${s.name}, to its first prompt | ${secs(r.ours.play_first_seconds)} | ` +
        `${secs(r.ours.play_first_cpu_seconds)} | ${mib(r.ours.play_first_rss_kib)} |`);
}
if (results.one_file) {
    const o = results.one_file;
    out.push(`| \`scaleup lint\` large, in one file | ${secs(o.lint_seconds)} | ${secs(o.lint_cpu_seconds)} | ${mib(o.lint_rss_kib)} |`);
    out.push(`| \`scaleup play --text\` large, in one file, to its first prompt | ${secs(o.play_first_seconds)} | ` +
        `${secs(o.play_first_cpu_seconds)} | ${mib(o.play_first_rss_kib)} |`);
}
for (const [name, b] of Object.entries(results.bundled_lint))
    out.push(`| \`scaleup lint ${name}\` | ${secs(b.seconds)} | ${secs(b.cpu_seconds)} | ${mib(b.rss_kib)} |`);
out.push("");
out.push("| exact best (every core, seed 1) | role | best | states | time | CPU |");
out.push("|---|---|---:|---:|---:|---:|");
for (const [name, roles] of Object.entries(results.bundled_best))
    for (const b of roles)
        out.push(`| ${name} | ${b.role} | ${b.weighted}${b.exact ? "" : " (estimate)"} | ${si(b.states)} | ` +
            `${secs(b.seconds)} | ${secs(b.cpu_seconds)} |`);
out.push("");
out.push(`| exact best, slowest of seeds 1 to ${WORST_SEEDS} (every core) | role | seed | best | states | time | CPU |`);
out.push("|---|---|---:|---:|---:|---:|---:|");
for (const [name, roles] of Object.entries(results.bundled_best_worst))
    for (const b of roles)
        out.push(`| ${name} | ${b.role} | ${b.seed} | ${b.weighted}${b.exact ? "" : " (estimate)"} | ${si(b.states)} | ` +
            `${secs(b.seconds)} | ${secs(b.cpu_seconds)} |`);
out.push("");
out.push("| --jobs (random playthroughs) | medium | large |");
out.push("|---|---:|---:|");
out.push(`| choices/s, --jobs 2 | ${si(results.sizes.medium.ours.jobs2_choices_per_second)} | ${si(results.sizes.large.ours.jobs2_choices_per_second)} |`);
out.push(`| --jobs 2 / --jobs 1 (median of ${quick ? 3 : 11} pairs) | ${results.sizes.medium.ours.jobs_speedup.toFixed(2)}× | ${results.sizes.large.ours.jobs_speedup.toFixed(2)}× |`);
out.push(`| the machine's ceiling: two --jobs 1 processes at once / one (median) | ${results.sizes.medium.ours.two_processes_speedup.toFixed(2)}× | ${results.sizes.large.ours.two_processes_speedup.toFixed(2)}× |`);
out.push("");

// Budgets.
const med = results.sizes.medium, big = results.sizes.large;
const worstBundled = Math.max(...Object.values(results.bundled_lint).map((b) => b.seconds));
const holds = (ok) => (ok ? "holds" : "**misses**");
out.push("| budget | measured | |");
out.push("|---|---:|---|");
out.push(`| random playthroughs, medium: ≥ 100 × inkjs's choices/s | ${med.choices_ratio.toFixed(0)}× ` +
    `(${si(med.ours.choices_per_second)} vs ${si(med.ink.choices_per_second)}) | ${holds(med.choices_ratio >= 100)} |`);
out.push(`| random playthroughs, large: ≥ 100 × inkjs's choices/s | ${big.choices_ratio.toFixed(0)}× ` +
    `(${si(big.ours.choices_per_second)} vs ${si(big.ink.choices_per_second)}) | ${holds(big.choices_ratio >= 100)} |`);
out.push(`| lint of the large story, whole process: < 0.35 s | ${secs(big.ours.lint_seconds)} | ${holds(big.ours.lint_seconds < 0.35)} |`);
out.push(`| lint of the large story, whole process: < 48 MiB | ${mib(big.ours.lint_rss_kib)} | ${holds(big.ours.lint_rss_kib < 48 * 1024)} |`);
out.push(`| play the large story to its first prompt: < 0.25 s | ${secs(big.ours.play_first_seconds)} | ${holds(big.ours.play_first_seconds < 0.25)} |`);
out.push(`| play the large story to its first prompt: < 48 MiB | ${mib(big.ours.play_first_rss_kib)} | ${holds(big.ours.play_first_rss_kib < 48 * 1024)} |`);
out.push(`| lint of each bundled scenario: < 50 ms | ${secs(worstBundled)} (slowest) | ${holds(worstBundled < 0.05)} |`);
const bests = Object.values(results.bundled_best).concat(Object.values(results.bundled_best_worst)).flat();
const slowestBest = Math.max(...bests.map((b) => b.seconds));
out.push(`| exact best of every bundled role: < 10 s on 2 cores (seeds 1 to ${WORST_SEEDS}) | ${secs(slowestBest)} (slowest)` +
    `${bests.every((b) => b.exact) ? "" : ", not all exact"} | ${holds(slowestBest < 10 && bests.every((b) => b.exact))} |`);
out.push(`| --jobs 2: ≥ 1.8 × one core's choices/s (medium / large) | ${med.ours.jobs_speedup.toFixed(2)}× / ${big.ours.jobs_speedup.toFixed(2)}× | ${holds(med.ours.jobs_speedup >= 1.8 && big.ours.jobs_speedup >= 1.8)} |`);
out.push(`| --jobs 2: ≥ 350 × inkjs's choices/s (medium / large) | ${med.jobs2_choices_ratio.toFixed(0)}× / ${big.jobs2_choices_ratio.toFixed(0)}× | ${holds(med.jobs2_choices_ratio >= 350 && big.jobs2_choices_ratio >= 350)} |`);
out.push(`| load and validate the large story: < 0.5 s | ${secs(big.ours.load_seconds)} | ` +
    `${holds(big.ours.load_seconds < 0.5)} |`);
out.push(`| load and validate the large story: < 64 MiB | ${mib(big.ours.load_rss_kib)} | ` +
    `${holds(big.ours.load_rss_kib < 64 * 1024)} |`);
if (w) {
    out.push(`| window: first frame < 0.3 s | ${secs(w.first_frame_from_start)} | ${holds(w.first_frame_from_start < 0.3)} |`);
    out.push(`| window: redraw of a full 4K screen of cached text < 4 ms | ${secs(w["3840x2160"].cached)} | ` +
        `${holds(w["3840x2160"].cached < 0.004)} |`);
    out.push(`| window: 0% CPU while waiting for input | ${w.idle_cpu_percent.toFixed(2)} % | ` +
        `${holds(w.idle_cpu_seconds === 0)} |`);
} else {
    out.push("| window: first frame < 0.3 s | not measured (no window build or no Xvfb) | |");
    out.push("| window: redraw of a full 4K screen of cached text < 4 ms | not measured | |");
    out.push("| window: 0% CPU while waiting for input | not measured | |");
}
console.log(out.join("\n"));
