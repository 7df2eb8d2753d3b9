// tools/bench/ink.js: the ink side of the benchmark, run with Node.js on
// inkjs (installed by tools/bench/run into tools/bench/node_modules; never a
// dependency of the product).
//
//   node ink.js compile STORY.ink STORY.json
//       compiles with inkjs's compiler; prints {"compile_seconds", "max_rss_kib"}
//   node ink.js play STORY.json RUNS SEED
//       loads the compiled JSON, then plays RUNS random playthroughs with the
//       same loop as `scaleup explore --random`: reset, continue to the
//       choices, pick one uniformly with a seeded generator, until the end.
//       Every line of text and every choice's text is read and counted.
//       Prints {"load_seconds", "playthroughs", "choices", "text_chars",
//       "seconds", "max_rss_kib"}.
"use strict";

const fs = require("fs");
const path = require("path");

const inkjs = require(path.join(__dirname, "node_modules", "inkjs", "dist", "ink-full.js"));

function now() {
    return Number(process.hrtime.bigint()) / 1e9;
}

// mulberry32: a small seeded generator, so that picks repeat exactly.
function generator(seed) {
    let a = seed >>> 0;
    return function () {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function compile(src, out) {
    const text = fs.readFileSync(src, "utf8");
    const t0 = now();
    const compiler = new inkjs.Compiler(text);
    const story = compiler.Compile();
    const json = story.ToJson();
    const seconds = now() - t0;
    if (compiler.errors && compiler.errors.length) {
        console.error(compiler.errors.slice(0, 5).join("\n"));
        process.exit(1);
    }
    fs.writeFileSync(out, json);
    return { compile_seconds: seconds, json_bytes: json.length };
}

function play(file, runs, seed) {
    const json = fs.readFileSync(file, "utf8");
    const t0 = now();
    const story = new inkjs.Story(json);
    const loadSeconds = now() - t0;
    const pick = generator(seed);
    let choices = 0, chars = 0, playthroughs = 0;
    const t1 = now();
    for (let i = 0; i < runs; i++) {
        story.ResetState();
        story.state.storySeed = (seed + i) | 0; // ink's RANDOM, seeded per run
        for (;;) {
            while (story.canContinue)
                chars += story.Continue().length;
            const offered = story.currentChoices;
            if (offered.length === 0)
                break;
            for (const c of offered)
                chars += c.text.length;
            story.ChooseChoiceIndex(Math.floor(pick() * offered.length));
            choices++;
        }
        playthroughs++;
    }
    const seconds = now() - t1;
    return { load_seconds: loadSeconds, playthroughs, choices, text_chars: chars, seconds };
}

const [cmd, a, b, c] = process.argv.slice(2);
let result;
if (cmd === "compile" && a && b) {
    result = compile(a, b);
} else if (cmd === "play" && a && b) {
    result = play(a, parseInt(b, 10), parseInt(c || "1", 10));
} else {
    console.error("usage: node ink.js compile STORY.ink STORY.json | play STORY.json RUNS SEED");
    process.exit(2);
}
result.max_rss_kib = process.resourceUsage().maxRSS;
console.log(JSON.stringify(result));
