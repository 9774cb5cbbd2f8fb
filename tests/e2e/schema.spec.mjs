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
  expect(synthetic.series[0].monthly.values).toHaveLength(60);
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  expect(validate(synthetic), JSON.stringify(validate.errors)).toBe(true);
  synthetic.series[1].monthly.values[3] = -1;
  synthetic.series[1].monthly.currency = 'EUR';
  expect(validate(synthetic)).toBe(false);
  expect(validate.errors.map((e) => e.instancePath).sort()).toEqual(['/series/1/monthly/currency', '/series/1/monthly/values/3']);
});
