// `phieukin serve` (what `npm start` runs): migrates the SQLite file and serves the app, with the ballot
// verifier on worker threads, over HTTP (the card links phones open from their own camera app) and HTTPS
// (a self-signed certificate kept beside the database: the camera pages need a secure context). On first
// start it prints the one-time setup link for the organiser.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueSetupToken } from '../accounts/setup.ts';
import { createVerifierPool } from '../check-pool/pool.ts';
import { ensureCertificate } from '../entry/certificate.ts';
import { openDatabase, startServer } from '../entry/node.ts';
import { randomSecret, secretHash } from '../http/ids.ts';
import type { Store } from '../store/store.ts';
import { serverAddresses } from './addresses.ts';

const USAGE = `Usage: phieukin serve
  Environment: PORT (default 3000), HOST (default 0.0.0.0), PHIEUKIN_DB (default ./data/phieukin.db),
  HTTPS_PORT (default 3443; "off" serves HTTP only: the certificate is tls-cert.pem beside the database),
  PHIEUKIN_PUBLIC_URL (the address phones use, e.g. https://phieu.example.vn), PHIEUKIN_WORKERS
  (verifier threads; default: one per core), PHIEUKIN_SECURE_COOKIES=1 (behind HTTPS; implied by an
  https:// public URL), PHIEUKIN_TRUST_PROXY=1 (behind a reverse proxy: count logins per the address it
  forwards), PHIEUKIN_BRANCH_NAME (the chi bộ's name, default "Chi bộ").`;

/** The operator key lives in a file beside the database; whoever can read it may open sandbox branches. */
async function ensureOperatorKey(store: Store, file: string): Promise<void> {
  let key = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (!key) {
    key = randomSecret();
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  await store.replaceOperatorKey(secretHash(key), Date.now());
}

/** The host HOST names, when it is one address (not every interface): the certificate names it too. */
const namesOf = (hostname: string): string[] => (['0.0.0.0', '::', ''].includes(hostname) ? [] : [hostname]);

function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  }
  return null;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT không hợp lệ / invalid PORT: ${process.env.PORT}`);
    return 2;
  }
  const httpsSetting = process.env.HTTPS_PORT ?? '3443';
  const httpsPort = httpsSetting === 'off' ? null : Number(httpsSetting);
  if (httpsPort !== null && !(Number.isInteger(httpsPort) && httpsPort >= 0 && httpsPort <= 65535)) {
    console.error(`HTTPS_PORT không hợp lệ / invalid HTTPS_PORT: ${httpsSetting}`);
    return 2;
  }
  const file = resolve(process.env.PHIEUKIN_DB ?? './data/phieukin.db');
  const { store, close } = openDatabase(file);
  await ensureOperatorKey(store, join(dirname(file), 'operator-key'));
  const workers = process.env.PHIEUKIN_WORKERS ? Number(process.env.PHIEUKIN_WORKERS) : undefined;
  const verifier = createVerifierPool({ size: workers });
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const assets = join(root, 'web', 'dist');
  const hostname = process.env.HOST ?? '0.0.0.0';
  const publicUrl = process.env.PHIEUKIN_PUBLIC_URL?.replace(/\/$/, '');
  const addresses = serverAddresses({ publicUrl, hostname, port, lan: lanAddress() });
  const branch = { id: 'main', name: process.env.PHIEUKIN_BRANCH_NAME ?? 'Chi bộ' };
  const lan = lanAddress();
  const certificate =
    httpsPort === null
      ? null
      : ensureCertificate(dirname(file), [
          'localhost',
          '127.0.0.1',
          ...(lan ? [lan] : []),
          ...namesOf(hostname),
        ]);
  const server = await startServer({
    store,
    port,
    hostname,
    verifier,
    assetsFolder: existsSync(assets) ? assets : undefined,
    trustProxy: process.env.PHIEUKIN_TRUST_PROXY === '1',
    tls: certificate && httpsPort !== null ? { ...certificate, port: httpsPort } : undefined,
    config: {
      publicUrl: addresses.cards,
      branch,
      secureCookies:
        process.env.PHIEUKIN_SECURE_COOKIES === '1' || publicUrl?.startsWith('https://') === true,
    },
  });
  const origin = port === 0 ? `http://127.0.0.1:${server.port}` : addresses.console;
  console.log(`phieukin: cơ sở dữ liệu / database ${file}`);
  console.log(`phieukin: đang phục vụ / serving on ${hostname}:${server.port}`);
  console.log(`Trang người tổ chức / organiser: ${origin}/`);
  if (addresses.loopbackOnly) {
    console.log(
      'Cảnh báo: điện thoại không mở được địa chỉ này; đặt HOST=0.0.0.0 hoặc PHIEUKIN_PUBLIC_URL /',
    );
    console.log('warning: phones cannot open this address; set HOST=0.0.0.0 or PHIEUKIN_PUBLIC_URL');
  } else {
    console.log(`Thẻ bỏ phiếu dẫn tới / cards link to: ${addresses.cards}`);
  }
  if (certificate && server.httpsPort !== undefined) {
    const secure = new URL(origin);
    secure.protocol = 'https:';
    secure.port = String(server.httpsPort);
    console.log(`Trang có camera (HTTPS) / camera pages (HTTPS): ${secure.origin}/`);
    console.log(
      `Chứng chỉ ${certificate.made ? 'mới tạo' : 'đã có'}, dấu vân tay SHA-256 / ${certificate.made ? 'new' : 'kept'} certificate, SHA-256 fingerprint:`,
    );
    console.log(`  ${certificate.fingerprint}`);
    console.log(
      `  ${join(dirname(file), 'tls-cert.pem')} (README: cách điện thoại tin chứng chỉ / how a phone trusts it)`,
    );
  }
  const token = await issueSetupToken(store, { now: () => Date.now() }, branch);
  if (token) {
    console.log('Lần chạy đầu: đặt mật khẩu người tổ chức tại liên kết dùng một lần này /');
    console.log(`first start: set the organiser password at this one-time link: ${origin}/setup#${token}`);
  }
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await verifier.close();
  close();
  return 0;
}
