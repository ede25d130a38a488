// The verifier's service worker (served as /verify-sw.js, scope /verify): keeps the verify page's shell,
// script, Web Worker and style sheet so the page also opens again with no connection, and the last records
// loaded from the server (kept-records.ts), written to the cache as the page reads them. Assets come from the cache first; a record from the network
// first (the kept copy only when offline). scripts/build-web.ts stamps VERSION with a hash of the cached
// files, so a new build installs a new cache and drops the old one.
import { keepWhileReading, keptRecord } from './kept-records.ts';

/** The parts of the service worker scope used here (the DOM library has no service worker globals). */
type ExtendableEvent = Event & { waitUntil: (work: Promise<unknown>) => void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith: (answer: Promise<Response>) => void };
type ServiceWorkerScope = {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting: () => Promise<void>;
  clients: { claim: () => Promise<void> };
  location: Location;
};

declare const VERSION: string;
const scope = self as unknown as ServiceWorkerScope;

const PREFIX = 'phieukin-verify-page-';
const CACHE = `${PREFIX}${VERSION}`;
const SHELL = '/verify';
/**
 * Everything the verify page loads (web/shared/page.html, web/verify/main.ts); its Web Worker's script from
 * inside the scope, since a worker's script is matched to a service worker by its own address.
 */
const ASSETS = ['/assets/verify.js', '/verify-worker.js', '/assets/style.css'];
const RECORD = /^\/api\/meetings\/[^/]+\/record$/;

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...ASSETS].map((path) => new Request(path, { cache: 'reload' }))))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => scope.clients.claim()),
  );
});

async function cacheFirst(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(key);
  if (kept) return kept;
  const fresh = await fetch(request);
  if (fresh.ok) await cache.put(key, fresh.clone());
  return fresh;
}

async function networkFirst(request: Request, path: string): Promise<Response> {
  try {
    const fresh = await fetch(request);
    return fresh.ok ? keepWhileReading(path, fresh) : fresh;
  } catch (error) {
    const kept = await keptRecord(path);
    if (kept) return kept;
    throw error;
  }
}

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.location.origin) return;
  if (request.mode === 'navigate' && /^\/verify\/?$/.test(url.pathname))
    event.respondWith(cacheFirst(request, SHELL));
  else if (ASSETS.includes(url.pathname)) event.respondWith(cacheFirst(request, url.pathname));
  else if (RECORD.test(url.pathname)) event.respondWith(networkFirst(request, url.pathname));
});
