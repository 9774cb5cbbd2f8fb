// Small browser helpers the Rust app calls (wasm-bindgen snippet). Kept here because they
// are plain DOM plumbing: file downloads, SVG-to-PNG, and watching an element's width.

// Offers a blob to the reader as a file download.
function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function download_text(text, mime, name) {
  save(new Blob([text], { type: mime }), name);
}

export function download_png(svg, width, height, scale, name) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => {
        if (!blob) { reject(new Error('the PNG could not be made')); return; }
        save(blob, name);
        resolve();
      }, 'image/png');
    };
    img.onerror = () => { URL.revokeObjectURL(url); reject(new Error('the SVG could not be drawn')); };
    img.src = url;
  });
}

export function observe_width(element, callback) {
  const observer = new ResizeObserver((entries) => {
    const width = Math.round(entries[0].contentRect.width);
    if (width > 0) callback(width);
  });
  observer.observe(element);
  return observer;
}

// Whether the reader prefers a dark colour scheme; calls back when that changes.
export function watch_dark(callback) {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', (e) => callback(e.matches));
  return query.matches;
}

export function in_iframe() {
  try { return window.self !== window.top; } catch (e) { return true; }
}

// Calls back with the document's height (CSS pixels, rounded up) whenever it changes.
export function observe_height(callback) {
  const report = () => callback(Math.ceil(document.documentElement.getBoundingClientRect().height));
  new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('resize', report);
  report();
}

// Posts a message (JSON text built by the Rust side) to the parent page. The height is
// not confidential, so any parent may read it (as pym.js does).
export function post_to_parent(json) {
  window.parent.postMessage(JSON.parse(json), '*');
}

// Calls back with the JSON text of each message from the parent window (and only from
// it), up to `max` characters; everything else is dropped here.
export function listen_parent(max, callback) {
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent || e.source === window) return;
    let text;
    try { text = JSON.stringify(e.data); } catch (err) { return; }
    if (typeof text === 'string' && text.length <= max) callback(text);
  });
}

export function copy_text(text) {
  return navigator.clipboard.writeText(text);
}

// Reads a response body up to `limit` bytes, reporting progress (bytes received, bytes
// expected or 0), as bytes: the app checks that they are UTF-8 and reads them where they
// land (as a string, a body with one character beyond ASCII would be copied into the
// WebAssembly memory through a buffer three times its size). Refuses a body over the
// limit before or while reading.
export async function read_body(response, limit, on_progress) {
  const expected = Number(response.headers.get('content-length')) || 0;
  if (expected > limit) throw new Error(`too-large:${expected}`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.length;
    if (received > limit) { reader.cancel(); throw new Error(`too-large:${received}`); }
    chunks.push(value);
    on_progress(received, expected);
  }
  const all = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) { all.set(c, at); at += c.length; }
  return all;
}

// Aborts `controller` after `ms` milliseconds unless cancelled; returns a cancel function.
export function abort_after(controller, ms) {
  const timer = setTimeout(() => controller.abort(), ms);
  return () => clearTimeout(timer);
}
