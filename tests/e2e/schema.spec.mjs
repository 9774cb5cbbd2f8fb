// The published JSON Schema agrees with the Rust types: the built dataset validates, and a
// broken copy does not. (No browser needed; run by the same test runner.)
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { execFileSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'docs/dataset.schema.json'), 'utf8'));
const dataset = JSON.parse(fs.readFileSync(path.join(root, 'public/data/xinjiang.json'), 'utf8'));

test('the bundled dataset validates against docs/dataset.schema.json', () => {
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  const ok = validate(dataset);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
});

test('the schema refuses what the app refuses', () => {
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  const broken = structuredClone(dataset);
  broken.series[0].observations[0].first = '2023-13';
  broken.series[0].flow = 'sideways';
  broken.schema_version = 2;
  expect(validate(broken)).toBe(false);
  const paths = validate.errors.map((e) => e.instancePath).sort();
  expect(paths).toEqual(expect.arrayContaining(['/schema_version', '/series/0/flow', '/series/0/observations/0/first']));
});

test('a synthetic dataset, written as monthly runs, validates too; a run with a bad value does not', () => {
  const file = path.join(root, 'target/e2e-fixtures/schema-synth.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'dataset', '--', 'synth', '--points', '120', '--series', '2', '--out', file], { cwd: root });
  const synthetic = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(synthetic.series[0].observations).toEqual([]);
  // Written as whole numbers of the resolution (tenths of a million dollars).
  expect(synthetic.series[0].monthly.counts).toHaveLength(60);
  expect(synthetic.series[0].monthly.resolution).toBe(100000);
  expect(synthetic.series[0].monthly.values).toBeUndefined();
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  expect(validate(synthetic), JSON.stringify(validate.errors)).toBe(true);
  const paths = () => [...new Set(validate.errors.map((e) => e.instancePath))].sort();
  const broken = structuredClone(synthetic);
  broken.series[1].monthly.counts[3] = -1;
  broken.series[1].monthly.counts[4] = 2.5;
  broken.series[1].monthly.currency = 'EUR';
  expect(validate(broken)).toBe(false);
  expect(paths()).toEqual(['/series/1/monthly/counts/3', '/series/1/monthly/counts/4', '/series/1/monthly/currency']);
  // In full units instead: the same run, valid; with both, or counts of a fractional
  // resolution, not (as the app refuses them).
  const full = structuredClone(synthetic);
  full.series[0].monthly.values = full.series[0].monthly.counts.map((c) => (c === null ? null : c * 100000));
  delete full.series[0].monthly.counts;
  expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
  full.series[0].monthly.values[3] = -1;
  expect(validate(full)).toBe(false);
  expect(paths()).toEqual(['/series/0/monthly/values/3']);
  const both = structuredClone(synthetic);
  both.series[0].monthly.values = [1];
  expect(validate(both)).toBe(false);
  expect(paths()).toEqual(['/series/0/monthly']);
  const fractional = structuredClone(synthetic);
  fractional.series[0].monthly.resolution = 0.5;
  expect(validate(fractional)).toBe(false);
  expect(paths()).toEqual(['/series/0/monthly/resolution']);
});

test('the schema reads claims as the app does: an assertion of each kind, and refuses a mixed one', () => {
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  const kinds = new Set(dataset.claims.flatMap((c) => c.asserts.map((a) => a.kind)));
  expect([...kinds].sort()).toEqual(['comparison', 'direction', 'value']);
  const broken = structuredClone(dataset);
  delete broken.claims[0].asserts[0].currency;
  broken.claims[1].asserts[0].direction = 'up';
  expect(validate(broken)).toBe(false);
  const paths = [...new Set(validate.errors.map((e) => e.instancePath))];
  expect(paths).toEqual(expect.arrayContaining(['/claims/0/asserts/0', '/claims/1/asserts/0']));
});
