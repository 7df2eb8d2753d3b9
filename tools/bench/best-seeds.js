// tools/bench/best-seeds.js: the exact best of every bundled scenario, role
// and seed 1 to 20, as the debrief searches it (scaleup-bench best), against
// a reference: a faster search must find the same best and the same path
// (docs/performance.md, issue 23, round 10: the exact best).
//
//   node tools/bench/best-seeds.js HELPER [--check REF] [--write REF] [--seeds N] [--jobs N]
//
// HELPER is a scaleup-bench (build/bench/tools/bench/scaleup-bench, Release).
// Prints one line per search: scenario, role, seed, best, states (last pass),
// states (every pass), passes, wall seconds, CPU seconds and the busiest
// worker's CPU seconds (about the time on idle cores). --write REF writes the
// bests and paths to REF; --check REF compares them with REF's and exits 1
// on any difference. The reference tools/bench/best-seeds.ref was written by
// commit 4f09825 (before round 10). A role whose search draws nothing from
// the generator is searched for seed 1 only (every seed's is the same).
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const args = process.argv.slice(2);
if (args.length < 1) {
    process.stderr.write("usage: node tools/bench/best-seeds.js HELPER [--check REF] [--write REF] " +
                         "[--seeds N] [--jobs N]\n");
    process.exit(2);
}
const helper = args[0];
const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
};
const seeds = Number(opt("--seeds") || 20);
const jobs = opt("--jobs");
const root = path.join(__dirname, "..", "..");
const scenarios = ["tutorial", "the-offer", "tug-of-war", "seed-to-scale-workshop", "seed-to-scale"];

const lines = [];
let slowest = null;
for (const name of scenarios) {
    for (let role = 0; ; role++) {
        let last = null;
        for (let seed = 1; seed <= seeds; seed++) {
            const argv = ["best", path.join(root, "scenarios", name), String(role), String(seed)];
            if (jobs)
                argv.push(`jobs=${jobs}`);
            const r = spawnSync(helper, argv, { encoding: "utf8" });
            if (r.status !== 0)
                break; /* no such role */
            const b = JSON.parse(r.stdout);
            last = b;
            const key = `${name} ${b.role} ${seed} ${b.weighted}${b.exact ? "" : "~"} ${b.path.join(",")}`;
            lines.push(key);
            process.stdout.write(`${name} ${b.role} seed ${seed}: best ${b.weighted}${b.exact ? "" : " (estimate)"}, ` +
                                 `${b.states} states (${b.states_all} in ${b.passes} passes), ` +
                                 `${b.seconds.toFixed(2)} s, CPU ${b.cpu_seconds.toFixed(2)} s, ` +
                                 `busiest ${b.busiest_cpu_seconds.toFixed(2)} s\n`);
            if (!slowest || b.seconds > slowest.seconds)
                slowest = { ...b, name, seed };
            if (b.seed_free)
                break;
        }
        if (!last)
            break;
    }
}
if (slowest)
    process.stdout.write(`slowest: ${slowest.name} ${slowest.role} seed ${slowest.seed}, ` +
                         `${slowest.seconds.toFixed(2)} s (busiest worker ${slowest.busiest_cpu_seconds.toFixed(2)} s)\n`);
const write = opt("--write");
if (write)
    fs.writeFileSync(write, lines.join("\n") + "\n");
const check = opt("--check");
if (check) {
    /* "scenario role seed" -> "best path" */
    const byKey = (ls) => new Map(ls.map((l) => {
        const f = l.split(" ");
        return [f.slice(0, 3).join(" "), f.slice(3).join(" ")];
    }));
    const want = byKey(fs.readFileSync(check, "utf8").split("\n").filter((l) => l && !l.startsWith("#")));
    const have = byKey(lines);
    let bad = 0;
    for (const [k, v] of want) {
        if (have.get(k) !== v) {
            process.stdout.write(`differs: ${k}: want ${v}\n    have ${have.get(k) ?? "(not searched)"}\n`);
            bad++;
        }
    }
    for (const k of have.keys())
        if (!want.has(k)) {
            process.stdout.write(`not in the reference: ${k}\n`);
            bad++;
        }
    process.stdout.write(bad ? `${bad} differences from ${check}\n` : `the same bests and paths as ${check}\n`);
    process.exit(bad ? 1 : 0);
}
