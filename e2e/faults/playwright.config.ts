import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from '../fixtures/chromium';

// `npm run test:faults`: the product broken on purpose, on real servers in real Chromium. Separate
// from `npm test` (it takes minutes); SOAK_MINUTES sets the soak's length (default 2).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.fault.ts',
  outputDir: '../../test-results/faults',
  timeout: 5 * 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions, trace: 'retain-on-failure' },
});
