// The Unicode fonts the PDF exports embed, from the dejavu-fonts-ttf package, read once from node_modules:
// what the Node entry (and the Node tests) pass to createApp. DejaVu Sans for the committee's exports, the
// DejaVu Serif Condensed family for the Party documents (the biên bản). The Worker bundles the same files
// as data modules instead (src/entry/worker.ts).
import type { DocumentFonts } from '../pdf/layout.ts';

const cache = new Map<string, Promise<Uint8Array>>();

function packaged(file: string): Promise<Uint8Array> {
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = (async () => {
      const { readFile } = await import('node:fs/promises');
      return new Uint8Array(await readFile(new URL(import.meta.resolve(`dejavu-fonts-ttf/ttf/${file}`))));
    })();
    cache.set(file, bytes);
  }
  return bytes;
}

export const packagedFont = (): Promise<Uint8Array> => packaged('DejaVuSans.ttf');

export async function packagedDocumentFonts(): Promise<DocumentFonts> {
  const [regular, bold, italic] = await Promise.all(
    ['DejaVuSerifCondensed.ttf', 'DejaVuSerifCondensed-Bold.ttf', 'DejaVuSerifCondensed-Italic.ttf'].map(
      packaged,
    ),
  );
  return { regular: regular!, bold: bold!, italic: italic! };
}
