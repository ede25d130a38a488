// Confirmation codes (SPEC §4): 16 base32 characters shown XXXX-XXXX-XXXX-XXXX. A typed code is read
// tolerantly: case, spaces and dashes do not matter.

const BASE32 = /^[A-Z2-7]{16}$/;

/** The code in its shown form, or null when the text cannot be one. */
export function normaliseCode(text: string): string | null {
  const clean = text.replace(/[\s-]/g, '').toUpperCase();
  return BASE32.test(clean) ? clean.replace(/(.{4})(?=.)/g, '$1-') : null;
}
