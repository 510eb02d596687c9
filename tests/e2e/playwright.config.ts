import { defineConfig } from '@playwright/test';

/** Port of the static server that serves the release build (dist/) during the tests. */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The release build under test (E2E_DIST lets a second build be tested beside dist/). */
const DIST = process.env.E2E_DIST ?? '../../dist';

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two cores: one worker keeps timings stable and the machine responsive.
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-FR',
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser here.
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `python3 ../../scripts/serve_dist.py --port ${PORT} ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
