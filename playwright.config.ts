import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  // Each test launches its own browser with the extension; 2 cores fit 2 workers.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  // A `.only` left in a spec fails the CI run instead of quietly running that test alone
  // (vitest does the same by default when CI is set).
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
});
