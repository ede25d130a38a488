// The bindings the Workers test project sees: wrangler.toml's, and the migrations vitest.config.ts reads.
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import type { WorkerEnv } from '../../src/entry/worker.ts';

type Migration = { name: string; queries: string[] };

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: Migration[];
    }
  }
}
