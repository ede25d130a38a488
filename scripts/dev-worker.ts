// `npm run dev:worker`: the Workers entry under `wrangler dev --local` with a local D1, offline. On first
// run it writes the server's secrets to .dev.vars (and the operator key alone to .wrangler/operator-key,
// for `phieukin simulate --operator-key`), then applies the drizzle/ migrations to the local D1 and serves.
// `--persist-to DIR` keeps the local D1 in DIR instead of .wrangler/state (the tests use a fresh one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from '@noble/hashes/utils.js';
import { base64url } from '../crypto/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const devVars = join(root, '.dev.vars');
const operatorKeyFile = join(root, '.wrangler', 'operator-key');
const port = process.env.PORT ?? '8787';
const { values } = parseArgs({ options: { 'persist-to': { type: 'string' } } });
const persist = values['persist-to'] ? ['--persist-to', resolve(values['persist-to'])] : [];
const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };

function secrets(): Record<string, string> {
  if (!existsSync(devVars)) {
    const fresh = {
      RECEIPT_KEY: base64url(randomBytes(32)),
      OPERATOR_KEY: base64url(randomBytes(32)),
      SETUP_TOKEN: base64url(randomBytes(32)),
    };
    const lines = Object.entries(fresh).map(([name, value]) => `${name}=${value}`);
    writeFileSync(devVars, `${lines.join('\n')}\n`, { mode: 0o600 });
  }
  const entries = readFileSync(devVars, 'utf8')
    .split('\n')
    .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
    .filter((match) => match !== null)
    .map((match) => [match[1]!, match[2]!]);
  return Object.fromEntries(entries);
}

function wrangler(args: string[]): number {
  const result = spawnSync(join(root, 'node_modules', '.bin', 'wrangler'), args, {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

const vars = secrets();
mkdirSync(dirname(operatorKeyFile), { recursive: true });
if (vars.OPERATOR_KEY) writeFileSync(operatorKeyFile, `${vars.OPERATOR_KEY}\n`, { mode: 0o600 });

const migrated = wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persist]);
if (migrated !== 0) {
  process.stderr.write('không áp dụng được migration D1 cục bộ / the local D1 migrations failed\n');
  process.exit(migrated);
}
const origin = `http://127.0.0.1:${port}`;
const lines = [
  `Trang người tổ chức / organiser: ${origin}/`,
  vars.SETUP_TOKEN ? `Lần đầu / first time: ${origin}/setup#${vars.SETUP_TOKEN}` : '',
  `Mô phỏng / simulate: npx phieukin simulate --url ${origin} --voters 60 --operator-key .wrangler/operator-key`,
];
process.stdout.write(`${lines.filter(Boolean).join('\n')}\n`);
process.exit(
  wrangler([
    'dev',
    '--local',
    ...persist,
    '--ip',
    '127.0.0.1',
    '--port',
    port,
    '--show-interactive-dev-session=false',
  ]),
);
