#!/usr/bin/env node
// Where the WebAssembly's code goes, from a module with a name section.
//   node scripts/wasm-size.cjs WASM          code bytes per crate (the first path segment
//     of each function's name); for the cargo output before wasm-bindgen and wasm-opt:
//     target/wasm32-unknown-unknown/release/trade-trends.wasm
//   node scripts/wasm-size.cjs --parts WASM  by part of the program, each part's bytes and
//     its size gzip -9 on its own (parts compress a little better alone than in the whole
//     file), for a build with names (scripts/named-build.sh). Leptos's view code is
//     generic: what `tachys (views)` holds is mostly this app's components, monomorphised.
const fs = require('fs');
const zlib = require('zlib');

/** The function bodies of a WebAssembly module and the names its name section gives. */
function functions(bytes) {
  let i = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[i++];
      result += (byte & 127) * 2 ** shift;
      shift += 7;
    } while (byte & 128);
    return result;
  };
  const skipName = () => { const n = leb(); i += n; };
  let imported = 0;
  const bodies = [];
  const names = {};
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 2) {
      // Imports: functions imported take the first indices.
      for (let n = leb(); n > 0; n--) {
        skipName();
        skipName();
        const kind = bytes[i++];
        if (kind === 0) { leb(); imported++; } else if (kind === 1) { i++; if (bytes[i++] & 1) { leb(); leb(); } else leb(); } else if (kind === 2) { if (bytes[i++] & 1) { leb(); leb(); } else leb(); } else if (kind === 3) i += 2;
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const len = leb();
        bodies.push(bytes.subarray(i, i + len));
        i += len;
      }
    } else if (id === 0) {
      const len = leb();
      const custom = bytes.subarray(i, i + len).toString();
      i += len;
      while (custom === 'name' && i < end) {
        const sub = bytes[i++];
        const subEnd = leb() + i;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            const l = leb();
            names[index] = bytes.subarray(i, i + l).toString();
            i += l;
          }
        }
        i = subEnd;
      }
    }
    i = end;
  }
  return bodies.map((body, k) => ({ body, name: names[k + imported] ?? '?' }));
}

/** The part of the program a function belongs to, by its name. */
const GROUPS = [
  ['app (Leptos components)', /trade_trends::app::|__component|trade_trends::main/],
  ['tachys (views)', /tachys/],
  ['reactive_graph', /reactive_graph/],
  ['leptos', /^<?leptos/],
  ['serde / serde_json', /serde/],
  ['trade_trends data', /trade_trends::(dataset|periods|summary|synth)/],
  ['trade_trends measures + checks', /trade_trends::(measures|selection|checks)/],
  ['chart + plotters', /trade_trends::chart|plotters/],
  ['trade_trends page', /trade_trends::page/],
  ['trade_trends ground', /trade_trends::/],
  ['js / web bindings', /js_sys|web_sys|wasm_bindgen|gloo/],
  ['drop glue', /drop_in_place/],
  ['core / alloc / std', /^(<[^>]*as )?core|^<core|alloc|dlmalloc|compiler_builtins|std|hashbrown|indexmap/],
];
const groupOf = (name) => (GROUPS.find(([, re]) => re.test(name)) ?? ['other generic'])[0];

/** The crate of a function, from its (mangled or demangled) name. */
function crateOf(name) {
  const mangled = name.startsWith('_ZN') ? name.slice(3).match(/^(\d+)(.*)/) : null;
  if (mangled) {
    const first = mangled[2].slice(0, +mangled[1]);
    if (!first.startsWith('_$LT$')) return first;
    const m = name.match(/_\$LT\$([a-z_0-9]+)\.\.|_LT_([a-z_0-9]+)/);
    return (m && (m[1] || m[2])) || '<impl>';
  }
  return name.includes('::') ? name.split('::')[0].replace(/^<+/, '') : name.slice(0, 20);
}

const KiB = (n) => (n / 1024).toFixed(1).padStart(7);
const parts = process.argv[2] === '--parts';
const all = functions(fs.readFileSync(process.argv[parts ? 3 : 2]));
if (parts) {
  const byGroup = {};
  for (const f of all) (byGroup[groupOf(f.name)] ??= []).push(f.body);
  let total = 0;
  Object.entries(byGroup)
    .map(([group, bodies]) => {
      const code = Buffer.concat(bodies);
      const gz = zlib.gzipSync(code, { level: 9 }).length;
      total += gz;
      return [group, code.length, gz];
    })
    .sort((a, b) => b[2] - a[2])
    .forEach(([group, raw, gz]) => console.log(`${group.padEnd(32)}${KiB(raw)} KiB code ${KiB(gz)} KiB gzip alone`));
  console.log(`${'all parts'.padEnd(32)}${' '.repeat(17)}${KiB(total)} KiB gzip alone`);
} else {
  const byCrate = {};
  let total = 0;
  for (const f of all) {
    const crate = crateOf(f.name);
    byCrate[crate] = (byCrate[crate] ?? 0) + f.body.length;
    total += f.body.length;
  }
  console.log(`functions ${all.length}, code bytes ${total}`);
  Object.entries(byCrate).sort((a, b) => b[1] - a[1]).slice(0, 25)
    .forEach(([crate, size]) => console.log(`${KiB(size)} KiB ${crate}`));
}
