import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { configDefaults, defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The Workers project runs test/workers/*.test.ts inside workerd (test/workers/node/ drives `npm run
 * dev:worker` from Node), and these app tests too: ballot casting, single use, and a whole meeting's record.
 */
const appTestsOnWorkers = [
  'test/app/ballots.test.ts',
  'test/app/concurrency.test.ts',
  'test/app/lifecycle.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/workers/*.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [
          cloudflareTest(async () => ({
            main: './src/entry/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations(here('./drizzle')),
                RECEIPT_KEY: Buffer.alloc(32, 7).toString('base64url'),
                OPERATOR_KEY: 'operator-key-for-tests',
                SETUP_TOKEN: 'setup-token-for-tests',
              },
            },
          })),
        ],
        resolve: {
          // The app tests open their database through the Node entry; on Workers it is D1.
          alias: [
            { find: /^(\.\.\/)+src\/entry\/node\.ts$/, replacement: here('./test/workers/d1-database.ts') },
          ],
        },
        test: {
          name: 'workers',
          include: ['test/workers/*.test.ts', ...appTestsOnWorkers],
          setupFiles: ['./test/workers/setup.ts'],
        },
      },
    ],
  },
});
