import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // Browser and relay tests poll for what another client sees; give them room on a busy machine.
    expect: { poll: { timeout: 8_000, interval: 50 } },
    hookTimeout: 60_000,
    // Integration tests start relay processes; two cores are plenty busy.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one summary line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
