// End-to-end tests of the release build (dist/) in Debian's headless Chromium.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launchOptions } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PORT = Number(process.env.E2E_PORT || 8181);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: path.join(root, 'target/playwright'),
  use: {
    browserName: 'chromium',
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: launchOptions(),
  },
  webServer: [
    {
      command: `node tests/e2e/serve.mjs --root dist --port ${PORT} --mount /fixtures/=target/e2e-fixtures`,
      cwd: root,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // A news site on another origin, whose article embeds the app above.
      command: `node tests/e2e/serve.mjs --root dist/examples --port ${PORT + 1} --mount /host/=tests/e2e/host --rewrite '="../=>="http://127.0.0.1:${PORT}/'`,
      cwd: root,
      url: `http://127.0.0.1:${PORT + 1}/article.html`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
