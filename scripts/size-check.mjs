// The shipped code's size: wasm + js + css of dist/ (what a reader downloads to run the
// page; embed.js is the host's and has its own 2 KiB test), gzip and brotli. Fails above
// BUDGET so that the size cannot grow unnoticed. The goal is GOAL (issue 6); see
// docs/performance.md for where the bytes go.   node scripts/size-check.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const KiB = 1024;
// Regression guard: the size of the build today plus a little room. Lower it as the code
// shrinks; never raise it without saying why in docs/performance.md.
const BUDGET = 445 * KiB;
const GOAL = 80 * KiB;

const dist = process.argv[2] || 'dist';
const files = fs.readdirSync(dist)
  .filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'embed.js')
  .sort();
let gzip = 0;
let brotli = 0;
for (const f of files) {
  const body = fs.readFileSync(path.join(dist, f));
  const gz = zlib.gzipSync(body, { level: 9 }).length;
  const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  gzip += gz;
  brotli += br;
  console.log(`${f.padEnd(44)} ${String(body.length).padStart(9)} B  gzip ${(gz / KiB).toFixed(1).padStart(6)} KiB  brotli ${(br / KiB).toFixed(1).padStart(6)} KiB`);
}
if (files.length === 0) {
  console.error(`size check: no .wasm, .js or .css in ${dist}/ (run make build first)`);
  process.exit(1);
}
console.log(`shipped code: gzip ${(gzip / KiB).toFixed(1)} KiB, brotli ${(brotli / KiB).toFixed(1)} KiB; budget ${BUDGET / KiB} KiB gzip; goal ${GOAL / KiB} KiB gzip (${gzip <= GOAL ? 'met' : 'not met'})`);
if (gzip > BUDGET) {
  console.error(`size check failed: the shipped code is ${(gzip / KiB).toFixed(1)} KiB gzip, over the budget of ${BUDGET / KiB} KiB`);
  process.exit(1);
}
