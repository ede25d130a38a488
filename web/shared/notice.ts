// The one-line notice a page shows after an action: what the action said went well, or why it failed.
import { ApiError } from './api.ts';

export type Notice = { text: string; tone: 'ok' | 'error' };

/** Runs an action that may return a success text; a failure becomes an error notice, never a throw. */
export async function noticeAfter(run: () => Promise<string | null>): Promise<Notice | null> {
  try {
    const text = await run();
    return text ? { text, tone: 'ok' } : null;
  } catch (e) {
    return { text: e instanceof ApiError ? e.message : String(e), tone: 'error' };
  }
}
