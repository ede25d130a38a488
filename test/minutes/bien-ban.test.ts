// The biên bản as a Party document (Hướng dẫn 36-HD/VPTW): a classification of 60 members, a confidence
// vote and a motion rendered to PDF, read back with pdftotext (poppler) and checked part by part, in the
// order a counting board reads it, with the meeting's own numbers; the 60-member summary fits in 4 A4
// pages before the appendix. Each page is also rendered to PNG under test-results/minutes/ (artefacts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { packagedDocumentFonts } from '../../src/entry/packaged-font.ts';
import { minutesPdf } from '../../src/minutes/pdf.ts';
import { minutesOf, percentText } from '../../src/shared/minutes/minutes.ts';
import {
  CLASSIFICATION_60,
  CONFIDENCE,
  DETAILS,
  type LargeMeeting,
  largeRecord,
  MOTION,
} from './fixtures.ts';

const SHOTS = join(process.cwd(), 'test-results', 'minutes');

async function rendered(name: string, meeting: LargeMeeting) {
  const m = minutesOf(largeRecord(meeting), { createdAt: Date.UTC(2026, 0, 2), issued: 70 });
  const drawn: string[] = [];
  const verifyUrl = `https://phieu.example${m.verifyPath}`;
  const bytes = await minutesPdf(m, await packagedDocumentFonts(), {
    verifyUrl,
    onText: (s) => drawn.push(s),
  });
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-'));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const pdf = await PDFDocument.load(bytes);
  const pages = Array.from({ length: pdf.getPageCount() }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })
      .replace(/\s+/g, ' ')
      .trim()
      .replace(new RegExp(`^${i + 1} `), i === 0 ? '$&' : ''),
  );
  mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join(SHOTS, name)]);
  return { m, drawn, pdf, pages, text: pages.join(' '), bytes, verifyUrl };
}

/** Each part appears after the one before it. */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

/**
 * The summary table's cells for a subject as drawn, from its STT: the numbers (votes, percentages, blanks)
 * in order, and all the cell lines joined (a name or a post may wrap onto two lines).
 */
function rowDrawn(
  drawn: string[],
  row: number,
  name: string,
  nextName = '',
): { numbers: string[]; text: string } {
  const at = drawn.findIndex((s, i) => s === String(row) && name.startsWith(drawn[i + 1] ?? '\0'));
  expect(at, `row ${row} (${name})`).toBeGreaterThanOrEqual(0);
  let from = at + 1;
  for (let said = drawn[from]!; name.startsWith(said) && from < drawn.length; said += ` ${drawn[from]}`)
    from++;
  const numeric = (c: string | undefined) => c !== undefined && /^\d+(,\d)?$/.test(c);
  const next = drawn.findIndex(
    (s, i) => i > from && s === String(row + 1) && nextName.startsWith(drawn[i + 1] ?? '\0'),
  );
  const cells = drawn.slice(from, next > from ? next : from + 20);
  return { numbers: cells.filter(numeric), text: [name, ...cells].join(' ') };
}

const pct = (p: string) => percentText(p, 'vi').replace('%', '');
const appendixPage = (pages: string[]) => pages.findIndex((p) => p.includes('PHỤ LỤC Căn cứ, thiết lập'));

describe('biên bản of a classification of 60 members', async () => {
  const r = await rendered('classification-60', CLASSIFICATION_60);
  const { m } = r;

  it('has the Party header blocks, the place and date line and the title, in Serif on A4', () => {
    const { width, height } = r.pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(Buffer.from(r.bytes).toString('latin1')).toMatch(/\/FontName \/DejaVuSerifCondensed-Bold/);
    const first = r.pages[0]!;
    expect(first).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(first).toContain('ĐẢNG BỘ PHƯỜNG BẾN NGHÉ');
    expect(first).toContain('CHI BỘ KHU PHỐ 3');
    expectInOrder(r.drawn.join('\n'), [
      'CHI BỘ KHU PHỐ 3',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Phường Bến Nghé, ngày 08 tháng 01 năm 2026',
      'BIÊN BẢN',
    ]);
    expect(first).toMatch(/BIÊN BẢN kiểm phiếu đánh giá, xếp loại chất lượng đảng viên/);
  });

  it('reads out time and place, the board, chủ tọa and thư ký, attendance, cards, ballots, the table and the signatures in order', () => {
    expectInOrder(r.text, [
      'I. THỜI GIAN, ĐỊA ĐIỂM',
      'Vào lúc 14 giờ 05 phút, ngày 08 tháng 01 năm 2026, ban kiểm phiếu tại hội trường khu phố 3',
      'II. BAN KIỂM PHIẾU, CHỦ TỌA VÀ THƯ KÝ',
      'Ban kiểm phiếu gồm 3 đồng chí',
      'Phạm Ngọc Lan Trưởng ban 1 Đã ký, hợp lệ',
      'Lê Minh Khoa Thành viên 2 Không ký',
      'Hoàng Thanh Quân Thành viên 3 Đã ký, hợp lệ',
      `Chủ tọa: ${DETAILS.chair}. Thư ký: ${DETAILS.secretary}.`,
      'III. SỐ ĐẢNG VIÊN',
      'được triệu tập: 60; có mặt: 58; vắng mặt: 2 (có lý do: 1; không có lý do: 1); không tính vào số biểu quyết: 1 (01 đồng chí được miễn sinh hoạt đảng)',
      'IV. THẺ VÀ PHIẾU',
      'Số thẻ in ra: 70; số thẻ kích hoạt (phiếu phát ra): 59; số thẻ huỷ: 1; số thẻ kích hoạt nhưng không bỏ phiếu: 1',
      'Số phiếu thu về: 57; số phiếu hợp lệ được kiểm: 57',
      'V. KẾT QUẢ KIỂM PHIẾU',
      'Tỷ lệ phần trăm tính trên 59 đảng viên chính thức được triệu tập, đã trừ các trường hợp loại trừ',
      'HTXSNV: Hoàn thành xuất sắc nhiệm vụ',
      'VI. GIẢI TRÌNH',
      'T/M BAN KIỂM PHIẾU TRƯỞNG BAN',
      'Phạm Ngọc Lan',
      'CÁC THÀNH VIÊN BAN KIỂM PHIẾU',
      'PHỤ LỤC',
    ]);
  });

  const rowOf = (i: number) => rowDrawn(r.drawn, i + 1, m.subjects[i]!.name, m.subjects[i + 1]?.name);

  it('has a summary row per member with STT, name, post, votes and percentage per level, blanks, proposal and notes', () => {
    expectInOrder(r.drawn.join(' '), [
      'STT',
      'Họ và tên',
      'Chức vụ',
      'HTXSNV',
      'Số phiếu',
      '%',
      'KHTNV',
      'Đề xuất',
      'Ghi chú',
    ]);
    m.subjects.forEach((s, i) => {
      const row = rowOf(i);
      const levels = s.options.flatMap((o) => [String(o.votes), pct(o.percent)]);
      expect(row.numbers).toEqual([...levels, String(s.blank)]);
      expect(row.text).toContain(s.name.split(' ').at(-1));
    });
    expect(rowOf(0).text).toMatch(/Bí thư chi bộ/);
    expect(rowOf(59).text).toMatch(/Đảng viên 5 8,5 44 74,6 6 10,2 1 1,7 1 HTTNV/);
    expect(rowOf(20).text).toMatch(/KHTNV Buộc KHTNV/);
    expect(rowOf(8).text).toContain('Vượt tỷ lệ tối đa');
    expect(rowOf(30).text).toContain('Không mức nào đạt đa số');
  });

  it('explains the forced level, the cap and no majority in plain sentences, the traces in the appendix', () => {
    const body = r.pages.slice(0, appendixPage(r.pages)).join(' ');
    expect(body).toMatch(/STT 21 \([^)]*\): Có tình tiết mà quy định buộc xếp mức không hoàn thành nhiệm vụ/);
    expect(body).toMatch(/vượt số lượng tối đa được xếp mức đó/);
    expect(body).toMatch(/Không mức nào đạt quá một nửa số phiếu/);
    expect(body).not.toMatch(/research\/|no source/);
    const appendix = r.pages.slice(appendixPage(r.pages)).join(' ');
    expect(appendix).toContain('1. Bộ quy tắc và thiết lập');
    expect(appendix).toContain('căn cứ');
    expect(appendix).toContain(`60. ${m.subjects[59]!.name}: tỷ lệ tính trên`);
    expect(appendix).toContain('Mã băm kết quả');
    expect(r.drawn).toContain(`Giải mã bởi khoá số: 2, 3. Kiểm tra hồ sơ: ${r.verifyUrl}`);
  });

  it('fits the summary of 60 members in at most 4 A4 pages before the appendix; pages after the first are numbered at the top', () => {
    const appendix = appendixPage(r.pages);
    expect(appendix).toBeGreaterThan(0);
    expect(appendix).toBeLessThanOrEqual(4);
    const numbers = Array.from({ length: r.pages.length - 1 }, (_, i) => String(i + 2));
    expect(r.drawn.slice(-numbers.length)).toEqual(numbers);
  });

  it('leaves PNGs of every page as test artefacts', () => {
    const shots = readdirSync(SHOTS).filter((f) => f.startsWith('classification-60-'));
    expect(shots.length).toBe(r.pages.length);
    for (const f of shots) expect(statSync(join(SHOTS, f)).size).toBeGreaterThan(5000);
  });
});

describe('biên bản of a confidence vote', async () => {
  const r = await rendered('confidence', CONFIDENCE);

  it('has the three levels per official with percentages, and the consequences explained', () => {
    expect(r.pages[0]).toContain('BIÊN BẢN kiểm phiếu lấy phiếu tín nhiệm');
    expectInOrder(r.drawn.join(' '), [
      'Chức vụ',
      'Tín nhiệm cao',
      'Tín nhiệm',
      'Tín nhiệm thấp',
      'Không',
      'Đề xuất',
      'Ghi chú',
    ]);
    r.m.subjects.forEach((s, i) => {
      const row = rowDrawn(r.drawn, i + 1, s.name, r.m.subjects[i + 1]?.name);
      expect(row.numbers).toEqual([...s.options.flatMap((o) => [String(o.votes), pct(o.percent)]), '0']);
    });
    const low = rowDrawn(r.drawn, 3, 'Võ Hữu Phương');
    expect(low.numbers).toEqual(['4', '13,3', '6', '20,0', '20', '66,7', '0']);
    expect(low.text).toMatch(/Tín nhiệm thấp .*Cho thôi giữ chức vụ/);
    expectInOrder(r.text, ['VI. GIẢI TRÌNH', 'STT 3 (Võ Hữu Phương)', 'T/M BAN KIỂM PHIẾU']);
    expect(appendixPage(r.pages)).toBeLessThanOrEqual(2);
  });
});

describe('biên bản of a motion', async () => {
  const r = await rendered('motion', MOTION);

  it('has yes / no / abstain per question with percentages and no post column', () => {
    expect(r.pages[0]).toContain('BIÊN BẢN kiểm phiếu biểu quyết');
    expectInOrder(r.drawn.join(' '), [
      'Nội dung biểu quyết',
      'Tán thành',
      'Không tán thành',
      'Không biểu quyết',
      'Kết quả',
    ]);
    expect(r.text).not.toContain('Chức vụ');
    const first = rowDrawn(r.drawn, 1, r.m.subjects[0]!.name, r.m.subjects[1]!.name);
    const o = r.m.subjects[0]!.options;
    expect(first.numbers).toEqual([
      '25',
      pct(o[0]!.percent),
      '3',
      pct(o[1]!.percent),
      '1',
      pct(o[2]!.percent),
      '0',
    ]);
    expect(first.text).toContain('Tán thành');
    expectInOrder(r.text, ['Số phiếu thu về: 29', 'V. KẾT QUẢ KIỂM PHIẾU', 'T/M BAN KIỂM PHIẾU', 'PHỤ LỤC']);
  });
});
