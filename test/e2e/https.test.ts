// The camera needs a secure page: `phieukin serve` (npm start) answers over HTTP and HTTPS, with a
// self-signed certificate made on first start beside the database and kept, its fingerprint printed. In
// Chromium a page at http://phieukin.test (a name that is not localhost, as a LAN address is not) gets no
// camera; the same page over HTTPS, the certificate trusted by its key as a phone trusts it once, does.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { e2eDescribe, launchBrowser, phone } from './browser.ts';

type Served = { process: ChildProcess; http: number; https: number; fingerprint: string; output: string };

/** Starts `phieukin serve` on free ports and waits for the lines it prints. */
function serve(folder: string): Promise<Served> {
  const child = spawn('node', [join(import.meta.dirname, '../../bin/phieukin.js'), 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HTTPS_PORT: '0',
      PHIEUKIN_DB: join(folder, 'phieukin.db'),
      PHIEUKIN_WORKERS: '1',
    },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const http = /organiser: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      const https = /\(HTTPS\): https:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      const fingerprint = /^ {2}((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/m.exec(output);
      if (http && https && fingerprint && /one-time link|setup#/.test(output))
        resolve({ process: child, http: +http[1]!, https: +https[1]!, fingerprint: fingerprint[1]!, output });
    });
    child.on('exit', (code) => reject(new Error(`serve stopped (${code}): ${output}`)));
  });
}

const stop = (served: Served | undefined) =>
  new Promise<void>((done) => {
    if (!served || served.process.exitCode !== null) return done();
    served.process.once('exit', () => done());
    served.process.kill('SIGTERM');
  });

/** What the page at `url` may do with a camera: the secure context, and whether a stream opens. */
async function camera(page: Page, url: string): Promise<{ secure: boolean; stream: string }> {
  await page.goto(url);
  return page.evaluate(async () => {
    if (!navigator.mediaDevices) return { secure: window.isSecureContext, stream: 'no mediaDevices' };
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      const kind = stream.getVideoTracks()[0]?.kind ?? 'no track';
      for (const track of stream.getTracks()) track.stop();
      return { secure: window.isSecureContext, stream: kind };
    } catch (error) {
      return { secure: window.isSecureContext, stream: (error as Error).name };
    }
  });
}

e2eDescribe('HTTPS for the camera', { timeout: 120_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'phieukin-https-'));
  let served: Served | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    served = await serve(folder);
    const certificate = new X509Certificate(readFileSync(join(folder, 'tls-cert.pem')));
    const spki = createHash('sha256')
      .update(certificate.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64');
    browser = await launchBrowser([
      '--host-resolver-rules=MAP phieukin.test 127.0.0.1',
      `--ignore-certificate-errors-spki-list=${spki}`,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stop(served);
    rmSync(folder, { recursive: true, force: true });
  });

  it('prints the certificate it made in the data folder, by its SHA-256 fingerprint', () => {
    const certificate = new X509Certificate(readFileSync(join(folder, 'tls-cert.pem')));
    expect(served!.fingerprint).toBe(certificate.fingerprint256);
    expect(served!.output).toContain('new certificate');
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.checkHost('localhost')).toBe('localhost');
  });

  it('gives a page at a LAN-like http:// address no camera, and the same page over HTTPS the camera', async () => {
    const context = await phone(browser!);
    const page = await context.newPage();
    expect(await camera(page, `http://phieukin.test:${served!.http}/`)).toEqual({
      secure: false,
      stream: 'no mediaDevices',
    });
    expect(await camera(page, `https://phieukin.test:${served!.https}/`)).toEqual({
      secure: true,
      stream: 'video',
    });
    await context.close();
  });

  it('keeps the certificate across a restart, so a phone trusts it once, as its own authority', async () => {
    const first = served!.fingerprint;
    await stop(served);
    served = await serve(folder);
    expect(served.fingerprint).toBe(first);
    expect(served.output).toContain('kept certificate');
    // trusted as a phone trusts it once installed: the certificate itself as the only authority
    const status = await new Promise<number | undefined>((resolve, reject) =>
      get(
        `https://127.0.0.1:${served!.https}/api/vote/no-such-meeting`,
        { ca: readFileSync(join(folder, 'tls-cert.pem')) },
        (answer) => resolve(answer.resume().statusCode),
      ).on('error', reject),
    );
    expect(status).toBe(404);
  });
});
