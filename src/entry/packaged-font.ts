// The Unicode font the PDF exports embed (DejaVu Sans, from the dejavu-fonts-ttf package), read once from
// node_modules: what the Node entry (and the Node tests) pass to createApp. The Worker bundles the same
// file as a data module instead (src/entry/worker.ts).
let cached: Promise<Uint8Array> | null = null;

export function packagedFont(): Promise<Uint8Array> {
  cached ??= (async () => {
    const { readFile } = await import('node:fs/promises');
    const path = new URL(import.meta.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    return new Uint8Array(await readFile(path));
  })();
  return cached;
}
