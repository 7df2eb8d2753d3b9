'use strict';
// host_browser.js SCALEUP_BIN WORK_DIR: scaleup host end to end in a real
// browser. Debian's chromium, headless, driven through its DevTools
// protocol by puppeteer-core (setup.sh installs it into the build tree):
// teams join and play to the debrief by keyboard only (Tab, typing, Enter,
// keys 1-9 and U), a duet plays from two browsers joined by a pair code (each
// sees only its own secret pick), the facilitator view shows them, and each
// team's result file is the terminal's (scaleup play --text with the same
// scenario, role, seed and choices) byte for byte, but for the wall-clock
// times (and a best score that was estimated against the clock, see
// bestless).
// Exit 0: passed; 1: failed; 77: skipped (no chromium on this machine).

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const CHROMIUM = '/usr/bin/chromium';
const [bin, work] = process.argv.slice(2);
if (!bin || !work) {
  console.error('usage: node host_browser.js SCALEUP_BIN WORK_DIR');
  process.exit(2);
}
// The host and the terminal share a best-score cache of their own: an exact
// best the host found is the terminal's too, and no other run's is.
process.env.XDG_CACHE_HOME = path.join(work, 'cache');
if (!fs.existsSync(CHROMIUM)) {
  console.log('SKIP: no ' + CHROMIUM + ' (tools/setup --test installs Debian\'s chromium)');
  process.exit(77);
}
const puppeteer = require('puppeteer-core');

const SEED = '1';
const results = path.join(work, 'results');
const terminal = path.join(work, 'terminal');
let host = null;
let browser = null;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Starts the host on a free loopback port; resolves {base, code, token}.
async function startHost() {
  const ready = path.join(work, 'port');
  fs.rmSync(ready, { force: true });
  host = spawn(bin, ['host', 'tutorial', 'tug-of-war', '--results', results, '--port', '0',
    '--bind', '127.0.0.1', '--seed', SEED, '--timers', 'off', '--ready-file', ready],
  { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  host.stdout.on('data', (d) => { out += d; });
  for (let i = 0; i < 200 && !fs.existsSync(ready); i++) await sleep(50);
  const port = parseInt(fs.readFileSync(ready, 'utf8'), 10);
  for (let i = 0; i < 100 && !/facilitator\?t=/.test(out); i++) await sleep(50);
  const code = /Workshop code: +(\S+)/.exec(out)[1];
  const token = /facilitator\?t=([0-9a-f]+)/.exec(out)[1];
  return { base: 'http://127.0.0.1:' + port + '/', code, token };
}

// A page that follows by itself (a meta refresh: the run is busy, the
// partner decides) may navigate at any moment, sooner or later as the
// machine is busy: a goto it interrupts is aborted, a read it interrupts
// loses its page. Either is done again, on the page it navigated to (the
// same address, read afresh).
const NAVIGATED = /ERR_ABORTED|Execution context was destroyed|frame was detached|Cannot find context/;
async function again(step) {
  for (let i = 0; ; i++) {
    try {
      return await step();
    } catch (e) {
      if (i >= 10 || !NAVIGATED.test(String(e && e.message))) throw e;
      await sleep(100);
    }
  }
}

// What the page shows: a scene, feedback, the debrief, or something else.
function kind(page) {
  return again(() => page.evaluate(() => {
    const h1 = document.querySelector('main h1');
    if (h1 && h1.textContent === 'One moment…') return 'busy';
    if (document.querySelector('button[name="choice"]')) return 'scene';
    const h2 = [...document.querySelectorAll('h2')].map((e) => e.textContent);
    if (h2.some((t) => t.startsWith('Verdict:'))) return 'debrief';
    if (document.querySelector('button[data-key="next"]')) return 'outcome';
    return 'other';
  }));
}

// Waits while the run works out what happens next (the page refreshes itself).
async function settle(page) {
  for (let i = 0; i < 60; i++) {
    const k = await kind(page);
    if (k !== 'busy') return k;
    await page.waitForNavigation({ waitUntil: 'load', timeout: 3000 }).catch(() => {});
  }
  throw new Error('the run stayed busy');
}

// Presses a key that submits a form, and waits for the next page.
async function press(page, key) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press(key)]);
  return settle(page);
}

function focused(page) {
  return page.evaluate(() => document.activeElement && (document.activeElement.id ||
    document.activeElement.tagName));
}

// Joins by keyboard only: Tab to each field, type, arrow keys in the list of
// scenarios and roles, Space to tick "a duet", Tab to Start, Enter.
async function join(page, room, name, option, duet) {
  await page.goto(room.base, { waitUntil: 'load' });
  await page.keyboard.press('Tab');
  assert.strictEqual(await focused(page), 'code');
  await page.keyboard.type(room.code.toLowerCase()); // any case will do
  await page.keyboard.press('Tab');
  assert.strictEqual(await focused(page), 'name');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  assert.strictEqual(await focused(page), 'pick');
  for (let i = 0; i < option.index; i++) await page.keyboard.press('ArrowDown');
  assert.strictEqual(await page.$eval('#pick', (s) => s.value), option.value);
  await page.keyboard.press('Tab');
  assert.strictEqual(await focused(page), 'duet');
  if (duet) await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  assert.strictEqual(await focused(page), 'BUTTON');
  return press(page, 'Enter');
}

// A partner team joins a duet by keyboard: Tab past the first form to the
// pair form, the workshop code, the pair code, the team's name, Enter.
async function joinDuet(page, room, pairCode, name) {
  await page.goto(room.base, { waitUntil: 'load' });
  const order = ['code', 'name', 'pick', 'duet', 'BUTTON', 'pcode'];
  for (const id of order) {
    await page.keyboard.press('Tab');
    assert.strictEqual(await focused(page), id);
  }
  await page.keyboard.type(room.code);
  await page.keyboard.press('Tab');
  assert.strictEqual(await focused(page), 'pair');
  await page.keyboard.type(pairCode);
  await page.keyboard.press('Tab');
  assert.strictEqual(await focused(page), 'pname');
  await page.keyboard.type(name);
  return press(page, 'Enter'); // Enter in a field submits its form
}

function text(page) {
  return again(() => page.evaluate(() => document.querySelector('main').innerText));
}

async function fresh(page, room) {
  await again(() => page.goto(room.base + 'play', { waitUntil: 'load' }));
  return settle(page);
}

function choices(page) {
  return again(() => page.$$('button[name="choice"]').then((b) => b.length));
}

// Plays a duet to the debrief, the two browsers' pages read afresh before
// each step. A scene one role decides: only the decider's page has the
// option buttons, the other's says who decides. A secret scene: each page
// offers its own role's options; B picks first (A's page does not change),
// B's page then shows only its own pick; A picks 1, B the second option,
// so that they disagree. Returns the terminal's --choices list (a secret
// scene gives A's pick, then B's, as the terminal asks for them).
async function playDuet(room, pA, pB, names) {
  const taken = [];
  for (let guard = 0; ; guard++) {
    assert.ok(guard < 200, 'the duet does not end');
    const ka = await fresh(pA, room);
    const kb = await fresh(pB, room);
    if (ka === 'debrief' && kb === 'debrief') break;
    if (ka === 'outcome' || kb === 'outcome') {
      assert.strictEqual(ka, kb, 'both browsers show the feedback');
      await press(guard % 2 ? pB : pA, 'Enter'); // either team may go on
      continue;
    }
    const nA = await choices(pA);
    const nB = await choices(pB);
    if ((await text(pA)).includes('Both of you decide here, in secret')) {
      assert.ok(nA > 0 && nB > 0, 'both pick in a secret scene');
      const b = Math.min(2, nB);
      await press(pB, String(b));
      const waitB = await text(pB);
      assert.ok(waitB.includes('Your secret pick is in: ' + b + '.'), waitB);
      assert.ok(!(await text(pA)).includes('Your secret pick'), 'A sees nothing of B\'s pick');
      assert.strictEqual(await fresh(pA, room), 'scene');
      assert.ok(!(await text(pA)).includes('Your secret pick'), 'A sees nothing of B\'s pick');
      await press(pA, '1');
      taken.push('1', String(b));
      continue;
    }
    assert.ok((nA > 0) !== (nB > 0), 'exactly one browser decides a scene one role decides');
    const [decider, adviser, other] = nA > 0 ? [pA, pB, names[0]] : [pB, pA, names[1]];
    assert.ok((await text(adviser)).includes(other + ' ('), 'the adviser is told who decides');
    await press(decider, '1');
    taken.push('1');
  }
  return taken.join(',');
}

// Plays a solo run to the debrief by keyboard: the planned keys (a digit or
// 'u' for undo), then pick(open options) at every further scene; Enter
// passes each feedback page. Returns the --choices list the terminal needs.
async function playSolo(page, planned, pick) {
  const taken = [];
  let k = await settle(page);
  for (let guard = 0; k !== 'debrief'; guard++) {
    assert.ok(guard < 200, 'the run does not end');
    if (k === 'outcome') {
      if (planned[0] === 'u') {
        k = await press(page, planned.shift());
        taken.push('u');
      } else {
        k = await press(page, 'Enter');
      }
      continue;
    }
    assert.strictEqual(k, 'scene', 'a page that is neither a scene, feedback nor the debrief');
    const open = (await page.$$('button[name="choice"]')).length;
    const key = planned.length ? planned.shift() : String(pick(open));
    taken.push(key);
    k = await press(page, key);
  }
  return taken.join(',');
}

// A result file without what depends on the clock: the wall-clock times.
function timeless(text) {
  return text.replace(/"(started|updated|finished)":\t"[^"]*"/g, '"$1":\t"-"')
    .replace(/"seconds":\t[-0-9.e+]+/g, '"seconds":\t0');
}

// The same file without its best score, percent and rating: used on both
// sides when either best is an estimate ("best_estimate": true, the search
// ran out of its time budget, so what it found depends on how busy the
// machine was). Both exact, the best is compared too.
const ESTIMATE = /"best_estimate":\ttrue/;
function bestless(text) {
  return text.replace(/(\t*)"best":\t[-0-9.e+]+,\n\1"percent":\t[-0-9.e+]+,\n(\1"best_estimate":\ttrue,\n)?\1"rating":\t"[^"]*"/g,
    '$1"best":\t-,\n$1"percent":\t-,\n$1"rating":\t-');
}

// The one result file in folder whose player is name.
function resultOf(folder, name) {
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.json'))
    .filter((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')).player === name);
  assert.strictEqual(files.length, 1, 'one result file for ' + name + ' in ' + folder);
  return path.join(folder, files[0]);
}

// The terminal plays the same run; its result file must be the browser's.
function sameAsTerminal(scenario, role, name, choices, extra) {
  const args = ['play', scenario, '--text', '--role', role, '--player', name, '--seed', SEED,
    '--timers', 'off', '--choices', choices, '--results', terminal].concat(extra || []);
  const r = spawnSync(bin, args, { encoding: 'utf8', env: Object.assign({}, process.env,
    { NO_COLOR: '1' }) });
  assert.strictEqual(r.status, 0, 'scaleup ' + args.join(' ') + ': ' + r.stderr);
  let want = timeless(fs.readFileSync(resultOf(terminal, name), 'utf8'));
  let got = timeless(fs.readFileSync(resultOf(results, name), 'utf8'));
  if (ESTIMATE.test(want) || ESTIMATE.test(got)) {
    want = bestless(want);
    got = bestless(got);
  }
  assert.strictEqual(got, want, name + ': the browser\'s result file differs from the terminal\'s');
  console.log('ok - ' + name + ' (' + scenario + ', ' + role + ', --choices ' + choices +
    '): the result file is the terminal\'s');
}

async function main() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(terminal, { recursive: true });
  const room = await startHost();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--disable-gpu', '--no-first-run'].concat(root ? ['--no-sandbox'] : []),
  });
  // Each team is its own browser profile (its own cookies), as on its own laptop.
  const teamA = await (await browser.createBrowserContext()).newPage();
  const teamB = await (await browser.createBrowserContext()).newPage();

  assert.strictEqual(await join(teamA, room, 'Team <b>A', { index: 0, value: '0.0' }), 'scene');
  assert.strictEqual(await join(teamB, room, 'Team B', { index: 3, value: '1.1' }), 'scene');
  // A duet: Duet A starts it (Tug of War, the PO) and gets a pair code;
  // Duet B joins it from another browser with that code.
  const duetA = await (await browser.createBrowserContext()).newPage();
  const duetB = await (await browser.createBrowserContext()).newPage();
  assert.strictEqual(await join(duetA, room, 'Duet A', { index: 2, value: '1.0' }, true), 'other');
  const pairCode = await duetA.$eval('#pair-code', (e) => e.textContent);
  assert.match(pairCode, /^[A-Z2-9]{6}$/);
  await joinDuet(duetB, room, pairCode.toLowerCase(), 'Duet B');
  assert.ok((await text(duetB)).includes('a duet with Duet A'));
  // The code is used once.
  const late = await (await browser.createBrowserContext()).newPage();
  await joinDuet(late, room, pairCode, 'Duet C');
  assert.ok((await text(late)).includes('That pair code does not match'));
  // The name is escaped wherever it is printed.
  assert.ok((await teamA.content()).includes('Team &lt;b&gt;A'));

  // Team A: the tutorial as the PO, an undo on the way (test_cli's golden run).
  const a = await playSolo(teamA, '1,u,2,3,1,1,3,2,3,2,1'.split(','), () => 1);
  console.log('ok - Team <b>A reached the debrief by keyboard');
  // Team B: Tug of War as the PM, the second option wherever there are two.
  const b = await playSolo(teamB, [], (open) => Math.min(2, open));
  console.log('ok - Team B reached the debrief by keyboard');
  const d = await playDuet(room, duetA, duetB, ['Duet A', 'Duet B']);
  console.log('ok - the duet Duet A + Duet B reached the debrief by keyboard');

  // The facilitator view shows both teams at the debrief.
  const fac = await (await browser.createBrowserContext()).newPage();
  await fac.goto(room.base + 'facilitator?t=' + room.token, { waitUntil: 'load' });
  const rows = await fac.$$eval('table tbody tr', (trs) => trs.map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  const row = (name) => rows.find((r) => r[0] === name);
  assert.deepStrictEqual(row('Team <b>A').slice(1, 3), ['First Sprint', 'Product Owner']);
  assert.deepStrictEqual(row('Team B').slice(1, 3), ['Tug of War', 'Product Manager']);
  assert.deepStrictEqual(row('Duet A + Duet B').slice(1, 3),
    ['Tug of War', 'Product Owner + Product Manager']);
  for (const name of ['Team <b>A', 'Team B', 'Duet A + Duet B']) {
    assert.strictEqual(row(name)[5], 'at the debrief', name + ' at the debrief');
    assert.strictEqual(row(name)[6], 'yes', name + ' finished');
  }
  console.log('ok - the facilitator view shows the teams at the debrief');

  // The QR code for the projector reads as the join address (zbarimg, from
  // Debian's zbar-tools, decodes a screenshot of it).
  const png = path.join(work, 'qr.png');
  await (await fac.$('figure.join-qr svg')).screenshot({ path: png });
  const zbar = spawnSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' });
  assert.strictEqual(zbar.error, undefined, 'zbarimg: run tools/setup --test');
  assert.strictEqual(zbar.stdout, room.base + '\n', 'the QR code is the join address');
  console.log('ok - the QR code reads ' + room.base);

  // The downloads: the xAPI statements beside the CSV and the HTML report.
  const links = await fac.$$eval('nav[aria-label="Report"] a', (as) => as.map((a) =>
    a.getAttribute('href')));
  assert.deepStrictEqual(links, ['/facilitator/report.html', '/facilitator/runs.csv',
    '/facilitator/decisions.csv', '/facilitator/statements.json']);
  const download = await fac.goto(room.base + 'facilitator/statements.json');
  assert.strictEqual(download.status(), 200);
  assert.strictEqual(download.headers()['content-type'], 'application/json; charset=utf-8');
  const xapi = JSON.parse(await download.text());
  const completed = xapi.filter((st) => st.verb.id === 'http://adlnet.gov/expapi/verbs/completed')
    .map((st) => st.actor.name).sort();
  assert.deepStrictEqual(completed, ['Duet A', 'Duet B', 'Team <b>A', 'Team B']);
  assert.strictEqual(xapi[0].actor.account.homePage, room.base);
  console.log('ok - the xAPI download has both teams\' completed runs');

  sameAsTerminal('tutorial', 'po', 'Team <b>A', a);
  sameAsTerminal('tug-of-war', 'pm', 'Team B', b);
  sameAsTerminal('tug-of-war', 'po', 'Duet A', d, ['--duet', '--partner', 'Duet B']);
}

main().then(async () => {
  await browser.close();
  host.kill('SIGTERM');
  console.log('all passed');
}, async (e) => {
  console.error('FAILED: ' + (e && e.stack ? e.stack : e));
  if (browser) await browser.close().catch(() => {});
  if (host) host.kill('SIGTERM');
  process.exit(1);
});
