// Which client a request comes from, for the login rate limit (src/routes/auth.ts).

/** The address the login rate limit counts against. Without a proxy, the socket's peer. Behind one, every
 * peer is the proxy, so one stranger's failed logins would lock out the whole room: take the rightmost
 * X-Forwarded-For entry, the only one our proxy wrote (the ones left of it are the client's own claims). */
export function clientAddressOf(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: boolean,
): string {
  const proxied = trustProxy ? forwardedFor?.split(',').at(-1)?.trim() : undefined;
  return proxied || peer || 'unknown';
}
