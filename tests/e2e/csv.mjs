// A small RFC 4180 CSV reader (quoted fields, doubled quotes, commas and newlines inside
// quotes), so the tests read data/observations.csv independently of the Rust code.
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const EXPONENT = { 'trillion': 12, 'billion': 9, '100 million': 8, 'million': 6, 'thousand': 3 };

// A published value in full units as a BigInt (exact): "2528.4" in "100 million" -> 252840000000n.
export function fullUnits(value, unit) {
  const [int, frac = ''] = value.split('.');
  const exp = EXPONENT[unit];
  if (exp === undefined) throw new Error(`unknown unit ${unit}`);
  if (frac.length > exp) throw new Error(`too many decimals in ${value} ${unit}`);
  return BigInt(int + frac) * 10n ** BigInt(exp - frac.length);
}

// Full units (BigInt), divided by `divisor`, as billions with `decimals` decimals, rounded half away from zero,
// with thousands separators: the way the page prints them.
export function billionsText(units, decimals, divisor = 1n) {
  const negative = units < 0n;
  let abs = negative ? -units : units;
  const scale = 10n ** BigInt(9 - decimals) * divisor;
  let q = abs / scale;
  if ((abs % scale) * 2n >= scale) q += 1n;
  const s = q.toString().padStart(decimals + 1, '0');
  const int = s.slice(0, s.length - decimals) || '0';
  const frac = decimals ? '.' + s.slice(s.length - decimals) : '';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '−' : '') + grouped + frac;
}
