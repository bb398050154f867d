import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Unit + engine tests (Node, real duckdb-wasm and native DuckDB). End-to-end tests have their own config.
// Engine and golden tests that take their engine from test/helpers/engines.ts run on both engines.
const BOTH_ENGINES = ['pareto.golden', 'quadrant.golden', 'quadrant.histogram', 'risk.golden', 'survival', 'cohort', 'reasons', 'importCases', 'warnings', 'gridFilter'].map((n) => `test/engine/${n}.test.ts`);
const shared = { testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks' as const };

const engineProject = (kind: 'wasm' | 'native'): TestProjectInlineConfiguration => ({
  test: { ...shared, name: `engine-${kind}`, include: BOTH_ENGINES, env: { TENURE_TEST_ENGINE: kind } },
});

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/engine/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/export/**/*.test.ts'],
          exclude: BOTH_ENGINES,
        },
      },
      engineProject('wasm'),
      engineProject('native'),
    ],
  },
});
