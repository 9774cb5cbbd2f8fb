// A small static file server for tests and `make run`: serves a folder on 127.0.0.1,
// with optional extra folders mounted under a prefix. No dependencies.
//
//   node tests/e2e/serve.mjs --root dist --port 8080 [--mount /fixtures/=tests/fixtures]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
};

// `rewrite`: [from, to] text replaced in served .html files (to point an example page at
// an app on another origin). `gzip`: compress text and WebAssembly for a client that
// accepts it (level 9, kept in memory), and let it be cached, as a static host would.
export function serve({ root, port = 0, mounts = {}, host = '127.0.0.1', rewrite = null, gzip = false }) {
  const packed = new Map();
  const bases = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let base = root;
    let rel = pathname;
    for (const [prefix, dir] of bases) {
      if (pathname.startsWith(prefix)) { base = dir; rel = pathname.slice(prefix.length - 1); break; }
    }
    const file = path.resolve(base, '.' + path.posix.normalize(rel));
    if (!file.startsWith(path.resolve(base))) { res.writeHead(403).end('forbidden'); return; }
    let target = file;
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target = path.join(target, 'index.html');
    fs.readFile(target, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const type = TYPES[path.extname(target)] || 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': gzip ? 'public, max-age=3600' : 'no-store' };
      if (rewrite && target.endsWith('.html')) body = Buffer.from(body.toString('utf8').split(rewrite[0]).join(rewrite[1]));
      const compressible = !type.startsWith('image/png');
      if (gzip && compressible && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        if (!packed.has(target)) packed.set(target, zlib.gzipSync(body, { level: 9 }));
        body = packed.get(target);
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = { root: 'dist', port: 8080, mounts: {} };
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === '--root') opt.root = args[i + 1];
    else if (args[i] === '--port') opt.port = Number(args[i + 1]);
    else if (args[i] === '--mount') { const [p, d] = args[i + 1].split('='); opt.mounts[p] = d; }
    else if (args[i] === '--rewrite') { const k = args[i + 1].indexOf('=>'); opt.rewrite = [args[i + 1].slice(0, k), args[i + 1].slice(k + 2)]; }
  }
  const server = await serve(opt);
  console.log(`Serving ${opt.root} on http://127.0.0.1:${server.address().port}/`);
}
