// `phieukin paper print|read` (SPEC §3.1): the paper ballots of a meeting as a PDF, and the marks read
// back from photos or scans of their pages, for tests and for a board without a camera.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { credentialFromToken, newToken, parseManifest, tokenText } from '../../crypto/index.ts';
import { decodeImage } from '../paper/image.ts';
import { ballotPages, type PaperLayout } from '../shared/paper/layout.ts';
import { paperBallotsPdf } from '../shared/paper/pdf.ts';
import { findQr } from '../shared/paper/qr.ts';
import { type RgbaImage, readPaperPage } from '../shared/paper/read.ts';
import { parsedOrUsage } from './arguments.ts';

const USAGE = [
  'Usage: phieukin paper print --manifest FILE --count N --out ballots.pdf [--first SERIAL]',
  '                            [--layout layout.json] [--tokens tokens.json]',
  '       phieukin paper read --layout layout.json IMAGE... [--json]',
  '  --tokens writes every ballot’s secret token: for tests only, never for a real meeting.',
  '  read takes PNG or JPEG images; it prints per image the ballot, the page and each question’s answer.',
].join('\n');

const fontFile = (name: string) =>
  new Uint8Array(readFileSync(new URL(import.meta.resolve(`dejavu-fonts-ttf/ttf/${name}`))));

async function print(args: string[]): Promise<number> {
  const parsed = parsedOrUsage(USAGE, () =>
    parseArgs({
      args,
      options: {
        manifest: { type: 'string' },
        count: { type: 'string' },
        out: { type: 'string' },
        first: { type: 'string' },
        layout: { type: 'string' },
        tokens: { type: 'string' },
      },
    }),
  );
  if (!parsed) return 2;
  const { manifest: file, out } = parsed.values;
  const count = Number(parsed.values.count);
  const first = Number(parsed.values.first ?? 1);
  if (!file || !out || !Number.isInteger(count) || count < 1 || count > 2000 || !Number.isInteger(first)) {
    console.error(`Thiếu hoặc sai tham số / missing or wrong arguments\n${USAGE}`);
    return 2;
  }
  const manifestText = readFileSync(file, 'utf8');
  const manifest = parseManifest(manifestText);
  const ballots = Array.from({ length: count }, (_, i) => {
    const token = newToken();
    const serial = String(first + i);
    const pk = Buffer.from(credentialFromToken(manifest.meetingId, token).pk).toString('base64url');
    return { serial, token: tokenText(token), pk, pages: ballotPages(manifest, serial) };
  });
  const pdf = await paperBallotsPdf(manifest, ballots, {
    regular: fontFile('DejaVuSans.ttf'),
    bold: fontFile('DejaVuSans-Bold.ttf'),
  });
  writeFileSync(out, pdf);
  if (parsed.values.layout) {
    const layout: PaperLayout = { meetingId: manifest.meetingId, pages: ballots.flatMap((b) => b.pages) };
    writeFileSync(parsed.values.layout, JSON.stringify(layout, null, 2));
  }
  if (parsed.values.tokens)
    writeFileSync(
      parsed.values.tokens,
      JSON.stringify(
        ballots.map(({ serial, token, pk }) => ({ serial, token, pk, medium: 'paper' })),
        null,
        2,
      ),
    );
  console.error(`${count} phiếu giấy / paper ballots → ${out}`);
  return 0;
}

async function read(args: string[]): Promise<number> {
  const parsed = parsedOrUsage(USAGE, () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { layout: { type: 'string' }, json: { type: 'boolean' } },
    }),
  );
  if (!parsed) return 2;
  const images = parsed.positionals;
  if (!parsed.values.layout || images.length === 0) {
    console.error(`Thiếu tệp bố cục hoặc ảnh / missing layout or image\n${USAGE}`);
    return 2;
  }
  const layout = JSON.parse(readFileSync(parsed.values.layout, 'utf8')) as PaperLayout;
  const results = images.map((image) => {
    let decoded: RgbaImage;
    try {
      decoded = decodeImage(readFileSync(image));
    } catch (e) {
      return {
        image,
        ballot: null,
        page: null,
        answers: [],
        problems: [`unreadable image: ${(e as Error).message}`],
      };
    }
    const { token: _secret, corners: _corners, ...reading } = readPaperPage(decoded, layout, findQr);
    return { image, ...reading };
  });
  if (parsed.values.json) console.log(JSON.stringify(results, null, 2));
  else
    for (const r of results) {
      console.log(`${r.image}: phiếu / ballot ${r.ballot ?? '?'}, trang / page ${r.page ?? '?'}`);
      for (const a of r.answers) console.log(`  ${a.question}: ${a.option ?? '—'} (${a.state})`);
      for (const p of r.problems) console.log(`  ! ${p}`);
    }
  return results.every((r) => r.problems.length === 0) ? 0 : 1;
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'print') return print(rest);
  if (sub === 'read') return read(rest);
  console.error(USAGE);
  return 2;
}
