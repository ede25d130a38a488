// The committee's PDF export through the Worker's fetch handler: the Worker has no file system, so the
// embedded font must come with its bundle.
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { buildOrg } from '../app/org-helpers.ts';
import { adminThroughEntry, ORIGIN } from './through-entry.ts';

describe('the Workers entry, committee exports', () => {
  it('exports the decisions as a PDF in the embedded Unicode font', async () => {
    const { committees } = await buildOrg(await adminThroughEntry());
    const response = await SELF.fetch(`${ORIGIN}/api/committee/decisions.pdf?year=2026`, {
      headers: { cookie: committees.x.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });
});
