// The HTTPS certificate `npm start` serves on the LAN: browsers give a page the camera (the board's
// scanning page, the booth's card scanner) only in a secure context, and a laptop in a meeting room has no
// public name to get a certificate for. So the first start makes a self-signed one for the laptop's
// addresses and keeps it beside the database; the console prints its SHA-256 fingerprint, which the board
// compares with what a phone shows before trusting it (README). Node can read a certificate but not make
// one: node-forge builds and signs it, over a key made by Node's crypto.
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import forge from 'node-forge';

export type TlsCertificate = {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, `AB:CD:…`, as a phone's certificate viewer shows it. */
  fingerprint: string;
  /** True when this start made it (first start, or an address it did not cover). */
  made: boolean;
};

/** Apple's devices refuse a TLS certificate valid for more than 825 days, even one the user trusts. */
const VALID_DAYS = 820;

/** Whether `cert` names every one of `names` (host names or IP addresses) and is valid for a week more. */
function covers(cert: X509Certificate, names: string[], now: number): boolean {
  if (Date.parse(cert.validTo) < now + 7 * 86_400_000) return false;
  return names.every((name) => (isIP(name) ? cert.checkIP(name) : cert.checkHost(name)) !== undefined);
}

function makeCertificate(names: string[], now: number): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // positive: the first bit clear
  cert.serialNumber = `0${randomBytes(16).toString('hex')}`;
  cert.validity.notBefore = new Date(now - 86_400_000);
  cert.validity.notAfter = new Date(now + VALID_DAYS * 86_400_000);
  const subject = [
    { name: 'commonName', value: `phieukin ${names.find((n) => isIP(n) && n !== '127.0.0.1') ?? names[0]}` },
    { name: 'organizationName', value: 'phieukin' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    // its own authority, so a phone can install it as a trusted certificate (README)
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name })),
    },
    { name: 'subjectKeyIdentifier' },
  ]);
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  return { key, cert: forge.pki.certificateToPem(cert) };
}

/**
 * The certificate in `folder` (tls-cert.pem, tls-key.pem) when it covers `names`; otherwise a new one for
 * them, written there (the key readable by the owner only).
 */
export function ensureCertificate(folder: string, names: string[], now = Date.now()): TlsCertificate {
  const certFile = join(folder, 'tls-cert.pem');
  const keyFile = join(folder, 'tls-key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8');
    const x509 = new X509Certificate(cert);
    if (covers(x509, names, now))
      return { key: readFileSync(keyFile, 'utf8'), cert, fingerprint: x509.fingerprint256, made: false };
  }
  const made = makeCertificate(names, now);
  writeFileSync(keyFile, made.key, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(certFile, made.cert);
  return { ...made, fingerprint: new X509Certificate(made.cert).fingerprint256, made: true };
}
