import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium against the headless server (`npm run test:e2e`
 * builds first). Playwright's own browser download is never used.
 */
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The whole browser suite runs twice: once with an English browser and once with a Chinese one
  // (the app follows the system language), so every flow is checked in both languages.
  projects: [
    { name: 'en', use: { locale: 'en-US' } },
    { name: 'zh-CN', use: { locale: 'zh-CN' }, testIgnore: /electron\.spec\.ts/ },
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.INKWELL_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
