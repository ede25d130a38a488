// The addresses `phieukin serve` prints and puts on the cards: PHIEUKIN_PUBLIC_URL when set, otherwise the
// LAN address the server really listens on; a server listening only on loopback prints 127.0.0.1 and says
// that phones cannot reach it (the console then warns before printing cards, too).
import { isLoopback } from '../shared/addresses.ts';

export type ServerAddresses = {
  /** The origin for card and trustee links, or undefined: the address each request came in on. */
  cards: string | undefined;
  /** The organiser's link printed at startup. */
  console: string;
  /** True when no phone on the network can open `console` (loopback only). */
  loopbackOnly: boolean;
};

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);

const origin = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

export function serverAddresses(options: {
  publicUrl: string | undefined;
  hostname: string;
  port: number;
  lan: string | null;
}): ServerAddresses {
  const { publicUrl, hostname, port, lan } = options;
  const listening = ALL_INTERFACES.has(hostname) ? lan : isLoopback(hostname) ? null : hostname;
  const own = listening && port > 0 ? origin(listening, port) : undefined;
  const cards = publicUrl ?? own;
  return {
    cards,
    console: cards ?? origin('127.0.0.1', port),
    loopbackOnly: cards === undefined || isLoopback(new URL(cards).hostname),
  };
}
