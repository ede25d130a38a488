// The biên bản kiểm phiếu as an A4 PDF laid out as a Party document (Hướng dẫn 36-HD/VPTW, 2018): margins
// 20 mm top and bottom, 30 mm left, 15 mm right; top left the upper party organisation, the chi bộ in
// bold and the "*"; top right "ĐẢNG CỘNG SẢN VIỆT NAM" in bold, underlined, and under it in italics the
// place and date; then the title, and the body in the order a counting board reads it out (time and
// place, the board, chủ tọa and thư ký, attendance, cards and ballots, the summary table, the reasons),
// the signature block beside the verifier's QR (drawn square by square from qrcode's module matrix), and
// an appendix with the settings and their basis, the full rule traces and the record's signatures.
// Pages after the first are numbered at the top centre. No node: imports: it runs on Workers too.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { type DocumentFonts, mm, PdfFlow, wrap } from '../pdf/layout.ts';
import { POSITION_TEXT } from '../shared/minutes/details.ts';
import { type Minutes, percentText, vietnamDate, vietnamHour } from '../shared/minutes/minutes.ts';
import { citationText, explanations, type SummaryTable, summaryTable } from '../shared/minutes/summary.ts';

export type MinutesPdfOptions = {
  /** The verifier's address for this record (absolute), encoded in the QR code. */
  verifyUrl: string;
  /** Tests: receives every string drawn. */
  onText?: (text: string) => void;
};

export const KIND_TEXT: Record<Minutes['meeting']['kind'], string> = {
  classification: 'đánh giá, xếp loại chất lượng đảng viên',
  confidence: 'lấy phiếu tín nhiệm',
  motion: 'biểu quyết',
};

const BODY = 13;
const TABLE = 8;
/** the summary table's heads: a size smaller, so that "Số phiếu" fits its narrow column */
const HEAD = 7;
const INDENT = mm(10);
const short = (hash: string) => (hash.length > 20 ? `${hash.slice(0, 20)}…` : hash);
const chiBo = (m: Minutes) => m.meeting.organisation;

function drawQr(flow: PdfFlow, text: string, left: number, top: number, side: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = side / (modules.size + 8);
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c))
        flow.page.drawRectangle({
          x: left + (4 + c) * cell,
          y: top - (4 + r + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
}

/** The two header blocks and the title (36-HD ô số 1–5). */
function heading(flow: PdfFlow, m: Minutes): void {
  const top = flow.y;
  const left = { x: 0, width: flow.width * 0.44 };
  const right = { x: flow.width * 0.44, width: flow.width * 0.56 };
  if (m.details.upper) flow.paragraph(m.details.upper.toUpperCase(), 12, { center: true, column: left });
  flow.paragraph(chiBo(m).toUpperCase(), 13, { center: true, column: left, style: 'bold' });
  flow.paragraph('*', 13, { center: true, column: left });
  const leftBottom = flow.y;
  flow.y = top;
  const party = 'ĐẢNG CỘNG SẢN VIỆT NAM';
  flow.paragraph(party, 14, { center: true, column: right, style: 'bold' });
  const w = flow.face('bold').widthOfTextAtSize(party, 14);
  const centre = flow.margin + right.x + right.width / 2;
  flow.rule(centre - w / 2, centre + w / 2, flow.y - 1);
  flow.gap(6);
  const when = m.meeting.countedAt ?? m.meeting.createdAt;
  const date = when === null ? 'ngày … tháng … năm …' : vietnamDate(when);
  flow.paragraph(`${m.details.place ?? '…'}, ${date}`, 12, { center: true, column: right, style: 'italic' });
  flow.y = Math.min(flow.y, leftBottom) - 14;
  flow.paragraph('BIÊN BẢN', 15, { center: true, style: 'bold' });
  flow.paragraph(`kiểm phiếu ${KIND_TEXT[m.meeting.kind]}`, 14, { center: true, style: 'bold' });
  flow.paragraph(m.meeting.title, 13, { center: true, style: 'italic' });
  const dash = flow.margin + flow.width / 2;
  flow.rule(dash - 30, dash + 30, flow.y - 7, 0.5);
  flow.gap(12);
}

const section = (flow: PdfFlow, text: string) => {
  flow.ensure(60);
  flow.gap(4);
  flow.paragraph(text, BODY, { style: 'bold' });
};
const say = (flow: PdfFlow, text: string) => flow.paragraph(text, BODY, { firstLine: INDENT });

function timeAndPlace(flow: PdfFlow, m: Minutes): void {
  section(flow, 'I. THỜI GIAN, ĐỊA ĐIỂM');
  const at = m.meeting.countedAt;
  const when =
    at === null ? 'Ban kiểm phiếu' : `Vào lúc ${vietnamHour(at)}, ${vietnamDate(at)}, ban kiểm phiếu`;
  const where = m.details.venue ? ` tại ${m.details.venue},` : '';
  say(flow, `${when}${where} đã kiểm phiếu ${KIND_TEXT[m.meeting.kind]} của ${chiBo(m)}.`);
  if (at !== null)
    say(flow, 'Thời điểm kiểm phiếu lấy từ kết quả trong hồ sơ điện tử, được ban kiểm phiếu ký xác nhận.');
}

function boardPart(flow: PdfFlow, m: Minutes): void {
  const { board, details } = m;
  section(flow, 'II. BAN KIỂM PHIẾU, CHỦ TỌA VÀ THƯ KÝ');
  say(
    flow,
    `Ban kiểm phiếu gồm ${board.n} đồng chí, mỗi đồng chí giữ một khoá giải mã; cần ít nhất ${board.k} đồng chí để giải mã và ký xác nhận kết quả.`,
  );
  const signed = new Map(board.signatures.map((s) => [s.index, s.valid]));
  const named = new Map(details.board.map((b) => [b.seat, b]));
  const widths = [28, flow.width - 28 - 90 - 60 - 110, 90, 60, 110];
  flow.row(['STT', 'Họ và tên', 'Chức danh', 'Khoá số', 'Chữ ký điện tử'], widths, 10, [], {
    style: 'bold',
    fill: true,
  });
  const seats = [
    ...details.board.map((b) => b.seat),
    ...Array.from({ length: board.n }, (_, i) => i + 1).filter((i) => !named.has(i)),
  ];
  seats.forEach((seat, i) => {
    const b = named.get(seat);
    const state =
      signed.get(seat) === true ? 'Đã ký, hợp lệ' : signed.has(seat) ? 'Không hợp lệ' : 'Không ký';
    flow.row(
      [
        String(i + 1),
        b?.name ?? '(chưa ghi tên)',
        b ? POSITION_TEXT[b.position] : 'Thành viên',
        String(seat),
        state,
      ],
      widths,
      10,
      [0, 3],
    );
  });
  flow.gap(4);
  say(flow, `Chủ tọa: ${details.chair ?? '…'}. Thư ký: ${details.secretary ?? '…'}.`);
}

function countsPart(flow: PdfFlow, m: Minutes): void {
  const { attendance: a, cards, ballots } = m;
  section(flow, 'III. SỐ ĐẢNG VIÊN');
  const leave =
    a.absentWithLeave === null
      ? ''
      : ` (có lý do: ${a.absentWithLeave}; không có lý do: ${a.absentWithoutLeave})`;
  const why = m.details.exclusionReason ? ` (${m.details.exclusionReason})` : '';
  say(
    flow,
    `Tổng số đảng viên được triệu tập: ${a.summoned}; có mặt: ${a.present}; vắng mặt: ${a.absent}${leave}; không tính vào số biểu quyết: ${a.excluded}${why}.`,
  );
  if (!a.recorded) say(flow, 'Chưa điểm danh: số liệu lấy theo danh sách và số thẻ đã kích hoạt.');
  section(flow, 'IV. THẺ VÀ PHIẾU');
  const byHand =
    ballots.decidedByHand > 0 ? `; số dòng ban kiểm phiếu quyết định bằng tay: ${ballots.decidedByHand}` : '';
  const paper =
    ballots.paper > 0 ? ` (trong đó phiếu giấy, ban kiểm phiếu quét: ${ballots.paper}${byHand})` : '';
  const issued = cards.issued === null ? '' : `Số thẻ in ra: ${cards.issued}; `;
  say(
    flow,
    `${issued}số thẻ kích hoạt (phiếu phát ra): ${cards.activated}; số thẻ huỷ: ${cards.voided}; số thẻ kích hoạt nhưng không bỏ phiếu: ${cards.notUsed}.`,
  );
  say(
    flow,
    `Số phiếu thu về: ${ballots.cast}${paper}; số phiếu hợp lệ được kiểm: ${ballots.counted}. Số phiếu không đánh dấu của từng đối tượng ghi ở cột "Không đánh dấu".`,
  );
}

/** Column widths: STT, then counts and percentages narrow, texts share what is left (the name most). */
function widthsOf(table: SummaryTable, total: number): number[] {
  const fixed = table.columns.map((c, i): number => {
    if (i === 0) return 18;
    if (i === 1) return 0;
    if (c.type === 'count') return c.group ? 24 : 28;
    if (c.type === 'percent') return 23;
    return c.head === 'Chức vụ' ? 48 : 58;
  });
  const used = fixed.reduce((a, b) => a + b, 0);
  return fixed.map((w, i) => (i === 1 ? total - used : w));
}

/** The table's two-line head: each level's name over its two columns, the other heads over both lines. */
function tableHead(flow: PdfFlow, table: SummaryTable, widths: number[]): void {
  const line = TABLE + 2.5;
  const height = 2 * (2 * line + 4);
  flow.ensure(height + 3 * (TABLE + 2.5) + 20);
  let x = flow.margin;
  const face = flow.face('bold');
  const box = (left: number, top: number, width: number, h: number, text: string) => {
    flow.page.drawRectangle({
      x: left,
      y: top - h,
      width,
      height: h,
      color: rgb(0.93, 0.93, 0.93),
      borderWidth: 0.5,
      borderColor: rgb(0.4, 0.4, 0.4),
    });
    const lines = wrap(face, text, HEAD, width - 2);
    const startY = top - (h - lines.length * line) / 2 - HEAD;
    lines.forEach((l, j) => {
      flow.draw(l, left + (width - face.widthOfTextAtSize(l, HEAD)) / 2, startY - j * line, HEAD, 'bold');
    });
  };
  table.columns.forEach((c, i) => {
    const w = widths[i]!;
    if (!c.group) box(x, flow.y, w, height, c.head);
    else {
      if (table.columns[i - 1]?.group !== c.group) box(x, flow.y, w + widths[i + 1]!, height / 2, c.group);
      box(x, flow.y - height / 2, w, height / 2, c.head === 'Số phiếu' ? 'Số phiếu' : '%');
    }
    x += w;
  });
  flow.gap(height);
}

function resultPart(flow: PdfFlow, m: Minutes): void {
  section(flow, 'V. KẾT QUẢ KIỂM PHIẾU');
  const bases = [...new Set(m.subjects.map((s) => s.base.text.vi))];
  say(
    flow,
    `Tỷ lệ phần trăm tính trên ${bases.join('; ')}, làm tròn đến một chữ số thập phân (từ 0,05 làm tròn lên); các ngưỡng được so sánh bằng số nguyên, không qua số làm tròn.`,
  );
  const table = summaryTable(m);
  const widths = widthsOf(table, flow.width);
  flow.gap(4);
  tableHead(flow, table, widths);
  const right = table.columns.flatMap((c, i) => (c.type === 'text' ? [] : [i]));
  for (const row of table.rows) {
    const cells = row.map((cell, i) =>
      table.columns[i]!.type === 'percent' && cell !== ''
        ? percentText(String(cell), 'vi').replace('%', '')
        : String(cell),
    );
    if (flow.y - flow.rowHeight(cells, widths, TABLE) < flow.margins.bottom + 14) {
      flow.newPage();
      tableHead(flow, table, widths);
    }
    flow.row(cells, widths, TABLE, right);
  }
  if (table.legend.length) flow.paragraph(`Ghi chú: ${table.legend.join('; ')}.`, 10, { style: 'italic' });
  const reasons = explanations(m);
  if (reasons.length || m.warnings.length) section(flow, 'VI. GIẢI TRÌNH');
  for (const r of reasons)
    say(
      flow,
      `${r.rows.length === 1 ? `STT ${r.rows[0]} (${r.names[0]})` : `STT ${r.rows.join(', ')}`}: ${r.text}`,
    );
  for (const w of m.warnings) say(flow, `${w.text.vi.replace(/\.$/, '')} (${citationText(w.citation)}).`);
  say(flow, 'Kết quả trên là đề xuất; cấp có thẩm quyền xem xét, quyết định. Diễn giải đầy đủ ở phụ lục.');
}

/** "T/M BAN KIỂM PHIẾU / TRƯỞNG BAN" with room to sign, the members below, and the QR on the left. */
function signatures(flow: PdfFlow, m: Minutes, verifyUrl: string): void {
  const { board, details } = m;
  flow.ensure(200);
  flow.gap(10);
  const top = flow.y;
  const qr = 100;
  drawQr(flow, verifyUrl, flow.margin, top, qr);
  const note = { x: 0, width: flow.width * 0.45 };
  flow.y = top - qr;
  const valid = board.signatures.filter((s) => s.valid).length;
  flow.paragraph(
    `Hồ sơ điện tử: ${valid}/${board.n} chữ ký hợp lệ (cần ${board.k})${board.certified ? ', đã xác nhận' : ', CHƯA đủ chữ ký'}. Quét mã để kiểm tra.`,
    9,
    { column: note, style: 'italic' },
  );
  const qrBottom = flow.y;
  const column = { x: flow.width * 0.5, width: flow.width * 0.5 };
  flow.y = top;
  flow.paragraph('T/M BAN KIỂM PHIẾU', 13, { center: true, column, style: 'bold' });
  flow.paragraph('TRƯỞNG BAN', 13, { center: true, column, style: 'bold' });
  flow.paragraph('(ký, ghi rõ họ tên)', 10, { center: true, column, style: 'italic' });
  flow.gap(60);
  const head = details.board.find((b) => b.position === 'head');
  flow.paragraph(head?.name ?? '', 13, { center: true, column, style: 'bold' });
  flow.y = Math.min(flow.y, qrBottom) - 8;
  const members = details.board.filter((b) => b.position !== 'head');
  const unnamed = board.n - details.board.length;
  const names = [...members.map((b) => b.name), ...Array.from({ length: unnamed }, () => '')];
  if (names.length === 0) return;
  flow.ensure(110);
  flow.paragraph('CÁC THÀNH VIÊN BAN KIỂM PHIẾU', 12, { center: true, style: 'bold' });
  const third = flow.width / 3;
  for (let first = 0; first < names.length; first += 3) {
    flow.ensure(85);
    const row = names.slice(first, first + 3);
    row.forEach((name, i) => {
      const centre = flow.margin + third * i + third / 2 + (third * (3 - row.length)) / 2;
      flow.centred('(ký, ghi rõ họ tên)', centre, 12, 10, 'italic');
      if (name) flow.centred(name, centre, 72, 12, 'bold');
    });
    flow.gap(84);
  }
}

function appendix(flow: PdfFlow, m: Minutes, verifyUrl: string): void {
  const { meeting, board, record } = m;
  flow.newPage();
  flow.paragraph('PHỤ LỤC', 14, { center: true, style: 'bold' });
  flow.paragraph('Căn cứ, thiết lập và diễn giải áp dụng quy định', 13, { center: true, style: 'bold' });
  flow.gap(6);
  section(flow, '1. Bộ quy tắc và thiết lập');
  const rules = meeting.ruleSetTitle
    ? `${meeting.ruleSetTitle.vi}${meeting.ruleSetCitation ? ` (${meeting.ruleSetCitation})` : ''}`
    : 'Không áp dụng bộ quy tắc: chỉ đếm phiếu.';
  flow.paragraph(`Bộ quy tắc: ${rules}`, 10);
  for (const s of meeting.settings) {
    const changed = s.value !== s.default ? ` (mặc định: ${s.defaultText.vi})` : '';
    const basis = `; căn cứ: ${s.basis ?? s.citation.vi}`;
    flow.paragraph(`• ${s.name.vi}: ${s.valueText.vi}${changed}${basis}.`, 9, { indent: 8 });
  }
  section(flow, '2. Diễn giải từng đối tượng');
  m.subjects.forEach((s, i) => {
    flow.ensure(40);
    flow.paragraph(
      `${i + 1}. ${s.name}: tỷ lệ tính trên ${s.base.text.vi}; ${s.answered} phiếu có đánh dấu.`,
      9,
      { style: 'bold' },
    );
    for (const t of s.trace)
      flow.paragraph(`– ${t.text.vi} (${citationText(t.citation)})`, 8, { indent: 10 });
  });
  section(flow, '3. Hồ sơ điện tử');
  flow.paragraph(`Mã cuộc họp: ${meeting.id}. Mã băm danh mục: ${meeting.manifestHash}`, 8);
  flow.paragraph(`Mã băm kết quả: ${record.resultHash}`, 8);
  if (record.recordHead) flow.paragraph(`Đầu chuỗi hồ sơ được ký: ${record.recordHead}`, 8);
  const widths = [50, 170, 170, flow.width - 390];
  flow.row(['Khoá số', 'Khoá công khai', 'Chữ ký', 'Hợp lệ'], widths, 8, [], { style: 'bold', fill: true });
  for (const s of board.signatures)
    flow.row(
      [String(s.index), short(s.publicKey), short(s.signature), s.valid ? 'Có' : 'Không'],
      widths,
      8,
      [0],
    );
  flow.paragraph(`Giải mã bởi khoá số: ${board.trusteesUsed.join(', ')}. Kiểm tra hồ sơ: ${verifyUrl}`, 8);
}

export async function minutesPdf(
  m: Minutes,
  fonts: DocumentFonts,
  options: MinutesPdfOptions,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regular, bold, italic] = await Promise.all(
    [fonts.regular, fonts.bold, fonts.italic].map((bytes) => pdf.embedFont(bytes, { subset: true })),
  );
  pdf.setTitle(`Biên bản kiểm phiếu: ${m.meeting.title}`);
  pdf.setLanguage('vi');
  const stamp = new Date(m.meeting.countedAt ?? m.meeting.createdAt ?? 0);
  pdf.setCreationDate(stamp);
  pdf.setModificationDate(stamp);
  const flow = new PdfFlow(pdf, regular!, {
    margins: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
    bold,
    italic,
    onText: options.onText,
  });
  heading(flow, m);
  timeAndPlace(flow, m);
  boardPart(flow, m);
  countsPart(flow, m);
  resultPart(flow, m);
  signatures(flow, m, options.verifyUrl);
  appendix(flow, m, options.verifyUrl);
  flow.numberPages((page) => String(page), { top: true, size: 13 });
  return pdf.save({ useObjectStreams: false });
}
