// The PDF text flow (src/pdf/layout.ts): wrapped lines fit their width as pdf-lib measures them, long
// words (hashes) are cut, no word is lost, and a flow that outgrows a page continues on the next.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { packagedFont } from '../../src/entry/packaged-font.ts';
import { PdfFlow, wrap } from '../../src/pdf/layout.ts';

async function embedded() {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  return { pdf, font: await pdf.embedFont(await packagedFont(), { subset: true }) };
}

describe('wrap', () => {
  it('keeps every line within the width and every character of the text', async () => {
    const { font } = await embedded();
    const hash = 'A'.repeat(40) + 'xyz_-'.repeat(20);
    const text = `Đảng viên Nguyễn Thị Hồng Nhung được đề xuất Hoàn thành xuất sắc nhiệm vụ; mã băm ${hash} kết thúc.`;
    const lines = wrap(font, text, 9, 150);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 9)).toBeLessThanOrEqual(150.5);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});

describe('PdfFlow', () => {
  it('starts new pages as it fills them and numbers them all', async () => {
    const { pdf, font } = await embedded();
    const drawn: string[] = [];
    const flow = new PdfFlow(pdf, font, { onText: (s) => drawn.push(s) });
    for (let i = 1; i <= 120; i++) flow.row([`Dòng ${i}`, String(i)], [200, 100], 9, [1]);
    flow.numberPages((p, n) => `Trang ${p}/${n}`);
    expect(pdf.getPageCount()).toBeGreaterThan(2);
    expect(drawn.filter((s) => s.startsWith('Trang '))).toEqual(
      Array.from({ length: pdf.getPageCount() }, (_, i) => `Trang ${i + 1}/${pdf.getPageCount()}`),
    );
    expect(drawn).toContain('Dòng 120');
  });
});
