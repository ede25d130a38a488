// The app factory: every route is mounted here, on any runtime. The entry files (src/entry/) build the
// store, the keys and the verifier for their runtime and pass them in; this file imports no adapter.
import { Hono, type MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { secureHeaders } from 'hono/secure-headers';
import { inlineVerifier, type Verifier } from './check-pool/verifier.ts';
import { authorize } from './http/access.ts';
import { type AppConfig, type Clock, type Deps, type Env, type Keys, resolveConfig } from './http/context.ts';
import { errorResponse, fail } from './http/errors.ts';
import { createMeetingQueue } from './meeting/queue.ts';
import type { DocumentFonts } from './pdf/layout.ts';
import { authRoutes } from './routes/auth.ts';
import { ballotRoutes } from './routes/ballots.ts';
import { cardRoutes } from './routes/cards.ts';
import { committeeRoutes } from './routes/committee.ts';
import { countRoutes } from './routes/counts.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { minutesRoutes } from './routes/minutes.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { recordRoutes } from './routes/record.ts';
import { resultRoutes } from './routes/results.ts';
import { rosterRoutes } from './routes/roster.ts';
import { trusteeRoutes } from './routes/trustees.ts';
import type { Store } from './store/store.ts';

export type { AppConfig, Clock, Keys };

export type AppOptions = {
  store: Store;
  clock: Clock;
  config: AppConfig;
  keys: Keys;
  /** Heavy crypto (ballot proofs, tally sums, share proofs); defaults to doing it inline (Workers). */
  verifier?: Verifier;
  /** The TrueType font the PDF exports embed (each entry supplies DejaVu Sans its own way). */
  font: () => Promise<Uint8Array>;
  /** The serif family the biên bản is set in (src/pdf/layout.ts DocumentFonts). */
  documentFonts: () => Promise<DocumentFonts>;
  /** Serves the built web pages for every path outside /api (static assets of the runtime). */
  assets?: MiddlewareHandler;
};

export function createApp(options: AppOptions) {
  const deps: Deps = {
    store: options.store,
    clock: options.clock,
    config: resolveConfig(options.config),
    keys: options.keys,
    verifier: options.verifier ?? inlineVerifier,
    queue: createMeetingQueue(),
    font: options.font,
    documentFonts: options.documentFonts,
  };
  const app = new Hono<Env>();

  app.use(
    '*',
    languageDetector({
      supportedLanguages: ['vi', 'en'],
      fallbackLanguage: 'vi',
      order: ['header'],
      caches: false,
    }),
  );
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const api = new Hono<Env>()
    .use('*', authorize(deps))
    .route('/auth', authRoutes(deps))
    .route('/', organisationRoutes(deps))
    .route('/committee', committeeRoutes(deps))
    .route('/roster', rosterRoutes(deps))
    .route('/meetings', meetingRoutes(deps))
    .route('/meetings', cardRoutes(deps))
    .route('/meetings', trusteeRoutes(deps))
    .route('/meetings', resultRoutes(deps))
    .route('/meetings', countRoutes(deps))
    .route('/meetings', recordRoutes(deps))
    .route('/meetings', minutesRoutes(deps))
    .route('/vote', ballotRoutes(deps))
    .all('*', () => {
      throw fail(404, 'not_found');
    });
  // the same app, typed with every API route: AppType, for the typed client (hc) of the pages and simulate
  const typed = app.route('/api', api);

  if (options.assets) app.use('*', options.assets);

  app.notFound((c) => errorResponse(c, fail(404, 'not_found')));
  app.onError((error, c) => errorResponse(c, error));
  return typed;
}

/** The API's contract: every route with its body and its answers, for Hono's typed client `hc<AppType>`. */
export type AppType = ReturnType<typeof createApp>;
