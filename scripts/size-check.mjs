// The shipped code's size: wasm + js + css of dist/ (what a reader downloads to run the
// page; embed.js is the host's and has its own 2 KiB test), gzip and brotli. Fails above
// BUDGET so that the size cannot grow unnoticed. The goal (issue 23) is at most twice
// the stack's floor (bench/stack-floor/dist, when built: make bench-floor; otherwise its
// last measured size); see docs/performance.md for where the bytes go.
//   node scripts/size-check.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const KiB = 1024;
// Regression guard: the size of the build today plus a little room. Lower it as the code
// shrinks; never raise it without saying why in docs/performance.md.
const BUDGET = 405 * KiB;
// The stack floor's shipped code, gzip, as last measured (make bench, 2026-12-05).
const FLOOR_MEASURED = 98.3 * KiB;

/** The shipped files of `dir` and their gzip -9 and brotli sizes; `print` lists them. */
function measure(dir, print) {
  const files = fs.readdirSync(dir)
    .filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'embed.js')
    .sort();
  let gzip = 0;
  let brotli = 0;
  for (const f of files) {
    const body = fs.readFileSync(path.join(dir, f));
    const gz = zlib.gzipSync(body, { level: 9 }).length;
    const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    gzip += gz;
    brotli += br;
    if (print) console.log(`${f.padEnd(44)} ${String(body.length).padStart(9)} B  gzip ${(gz / KiB).toFixed(1).padStart(6)} KiB  brotli ${(br / KiB).toFixed(1).padStart(6)} KiB`);
  }
  return { files: files.length, gzip, brotli };
}

const dist = process.argv[2] || 'dist';
const { files, gzip, brotli } = measure(dist, true);
if (files === 0) {
  console.error(`size check: no .wasm, .js or .css in ${dist}/ (run make build first)`);
  process.exit(1);
}
const floorDir = 'bench/stack-floor/dist';
const floorBuilt = path.resolve(dist) !== path.resolve(floorDir) && fs.existsSync(floorDir);
const floor = floorBuilt ? measure(floorDir, false).gzip : FLOOR_MEASURED;
const goal = 2 * floor;
const kib = (n) => (n / KiB).toFixed(1);
console.log(`shipped code: gzip ${kib(gzip)} KiB, brotli ${kib(brotli)} KiB; budget ${BUDGET / KiB} KiB gzip; goal 2 × the stack's floor (${kib(floor)} KiB${floorBuilt ? '' : ', last measured'}) = ${kib(goal)} KiB gzip (${gzip <= goal ? 'met' : 'not met'})`);
if (gzip > BUDGET) {
  console.error(`size check failed: the shipped code is ${(gzip / KiB).toFixed(1)} KiB gzip, over the budget of ${BUDGET / KiB} KiB`);
  process.exit(1);
}
