// Playwright cannot download its own browser here: everything drives the system Chromium (Debian
// package). One definition for the e2e suite, the fault suite, the benchmarks and `npm run replay -- --check`.
import type { LaunchOptions } from '@playwright/test';

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    ...(asRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
