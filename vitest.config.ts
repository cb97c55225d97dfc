import { defineConfig } from 'vitest/config';

// Three lanes (docs/architecture.md): pure domain tests, integration tests against real
// PostgreSQL, and browser tests against a started server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // The first FHIR test in a worker compiles the whole R4 JSON schema (seconds on a busy
          // 2-core machine); the default 5 s made those tests fail by load, not by content.
          testTimeout: 20_000,
          include: ['packages/domain/src/**/*.test.ts', 'packages/web/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'int',
          include: ['packages/server/src/**/*.int.test.ts'],
          globalSetup: ['packages/server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
