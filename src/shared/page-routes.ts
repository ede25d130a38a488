// Which built page answers which address (single-page style): the server's static assets rewrite every
// page address to its HTML file; scripts and styles live under /assets/ and are served as they are.

/** The pages, each built from web/<page>/main.ts into the one HTML shell, web/shared/page.html. */
export const PAGES = [
  'booth',
  'verify',
  'organiser',
  'trustee',
  'projector',
  'minutes',
  'committee',
  'admin',
  'setup',
  'scan',
] as const;
export type Page = (typeof PAGES)[number];

const ROUTES: Array<[RegExp, Page]> = [
  [/^\/$/, 'organiser'],
  [/^\/v\/[^/]+\/?$/, 'booth'],
  [/^\/verify\/?$/, 'verify'],
  [/^\/(t|trustee)\/[^/]+\/?$/, 'trustee'],
  [/^\/projector\/[^/]+\/?$/, 'projector'],
  [/^\/minutes\/[^/]+\/?$/, 'minutes'],
  [/^\/committee\/?$/, 'committee'],
  [/^\/admin\/?$/, 'admin'],
  [/^\/(setup|invite)\/?$/, 'setup'],
  [/^\/scan\/[^/]+\/?$/, 'scan'],
];

/** The page an address opens, or null (an asset, or nothing). */
export function pageFor(path: string): Page | null {
  return ROUTES.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}

/** The file to serve for a request path: a page's HTML, or the path itself (assets). */
export function assetPathFor(path: string): string {
  const page = pageFor(path);
  return page ? `/pages/${page}.html` : path;
}
