// xapi_validate.js PREFIX FILE: validates every statement of FILE (a JSON
// array of xAPI statements) with Learning Locker's validator installed in
// PREFIX by xapi_setup.sh. Prints "N statements valid (VALIDATOR VERSION)"
// and exits 0, or prints each problem and exits 1.
'use strict';
const fs = require('fs');
const path = require('path');
const [prefix, file] = process.argv.slice(2);
const dir = path.join(prefix, 'node_modules', '@learninglocker', 'xapi-validation');
const validate = require(dir).default;
const version = require(path.join(dir, 'package.json')).version;
const statements = JSON.parse(fs.readFileSync(file, 'utf8'));
if (!Array.isArray(statements)) {
  console.log('not an array of statements');
  process.exit(1);
}
let problems = 0;
statements.forEach((statement, i) => {
  for (const w of validate(statement)) {
    problems++;
    const detail = Object.keys(w).filter(k => !['data', 'path', 'stack', 'message', 'name'].includes(k))
      .map(k => `${k}=${JSON.stringify(w[k])}`).join(' ');
    console.log(`statement ${i}: ${w.constructor.name} at ${w.path.join('.')} ${detail}`);
  }
});
if (problems) {
  console.log(`${problems} problem(s) in ${statements.length} statements`);
  process.exit(1);
}
console.log(`${statements.length} statements valid (@learninglocker/xapi-validation ${version})`);
