// The minutes as an A4 PDF in Vietnamese (pdf-lib, DejaVu Sans embedded so every diacritic renders):
// the meeting, attendance, cards and ballots, a table per subject with the percentages' base, blanks,
// proposals with their traces, the board's signatures, the record's hashes and a QR code (drawn square by
// square from qrcode's module matrix, so no image codec is needed) that opens the verifier. Page numbers
// on every page. No node: imports: it runs on Workers too.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { PdfFlow } from '../pdf/layout.ts';
import { type Minutes, percentText } from '../shared/minutes/minutes.ts';

export type MinutesPdfOptions = {
  /** The verifier's address for this record (absolute), encoded in the QR code. */
  verifyUrl: string;
  /** Tests: receives every string drawn. */
  onText?: (text: string) => void;
};

const KIND: Record<Minutes['meeting']['kind'], string> = {
  classification: 'Đánh giá, xếp loại chất lượng đảng viên',
  confidence: 'Lấy phiếu tín nhiệm',
  motion: 'Biểu quyết',
};

const settingValue = (v: string | number | boolean) =>
  v === true ? 'có' : v === false ? 'không' : String(v);
const ROUNDING =
  'Tỷ lệ = số phiếu / mẫu số của từng đối tượng, làm tròn đến một chữ số thập phân (từ 0,05 làm tròn lên), chỉ để hiển thị; các ngưỡng được so sánh bằng số nguyên.';
const short = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 16)}…` : hash);

function drawQr(flow: PdfFlow, text: string, side: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cell = side / (modules.size + 2 * quiet);
  flow.ensure(side + 8);
  const left = flow.margin;
  const top = flow.y - 4;
  flow.page.drawRectangle({ x: left, y: top - side, width: side, height: side, color: rgb(1, 1, 1) });
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c))
        flow.page.drawRectangle({
          x: left + (quiet + c) * cell,
          y: top - (quiet + r + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
  flow.y = top - side - 4;
}

function meetingPart(flow: PdfFlow, m: Minutes): void {
  const { meeting } = m;
  flow.paragraph('1. Cuộc họp', 11);
  flow.paragraph(`Loại: ${KIND[meeting.kind]}. Mã cuộc họp: ${meeting.id}.`, 9, { indent: 10 });
  if (meeting.createdAtText)
    flow.paragraph(`Lập lúc ${meeting.createdAtText} (giờ Việt Nam, UTC+7).`, 9, { indent: 10 });
  const rules = meeting.ruleSetTitle
    ? `${meeting.ruleSet}: ${meeting.ruleSetTitle.vi}`
    : `${meeting.ruleSet} (không áp dụng bộ quy tắc)`;
  flow.paragraph(`Bộ quy tắc: ${rules}.`, 9, { indent: 10 });
  for (const s of meeting.settings) {
    const changed = s.value !== s.default ? ` (mặc định ${settingValue(s.default)})` : '';
    const basis = s.basis ? `; căn cứ: ${s.basis}` : '';
    const what = s.description ? `${s.description.vi.replace(/\.$/, '')}: ` : `${s.key}: `;
    flow.paragraph(`• ${what}${settingValue(s.value)}${changed}${basis}.`, 8, { indent: 16 });
  }
}

function countsPart(flow: PdfFlow, m: Minutes): void {
  const { attendance: a, cards, ballots } = m;
  flow.gap(4);
  flow.paragraph('2. Số đảng viên', 11);
  const recorded = a.recorded ? '' : ' (chưa điểm danh: lấy theo danh sách và số thẻ kích hoạt)';
  flow.paragraph(
    `Triệu tập: ${a.summoned}; có mặt: ${a.present}; vắng: ${a.absent}; không tính (loại trừ): ${a.excluded}${recorded}.`,
    9,
    { indent: 10 },
  );
  flow.gap(4);
  flow.paragraph('3. Thẻ và phiếu', 11);
  const issued = cards.issued === null ? '' : `Thẻ in ra: ${cards.issued}; `;
  flow.paragraph(
    `${issued}thẻ kích hoạt (phiếu phát ra): ${cards.activated}; thẻ huỷ: ${cards.voided}; thẻ kích hoạt nhưng không bỏ phiếu: ${cards.notUsed}.`,
    9,
    { indent: 10 },
  );
  const paper = ballots.paper > 0 ? ` (trong đó phiếu giấy, Ban kiểm phiếu quét: ${ballots.paper})` : '';
  flow.paragraph(`Phiếu thu về: ${ballots.cast}${paper}; phiếu được kiểm: ${ballots.counted}.`, 9, {
    indent: 10,
  });
}

function subjectsPart(flow: PdfFlow, m: Minutes): void {
  flow.gap(4);
  flow.paragraph('4. Kết quả kiểm phiếu', 11);
  flow.paragraph(ROUNDING, 8, { indent: 10 });
  const widths = [275, 80, 160];
  m.subjects.forEach((s, i) => {
    flow.ensure(80);
    flow.gap(4);
    flow.paragraph(`4.${i + 1}. ${s.name}`, 10);
    flow.row(['Phương án', 'Số phiếu', `Tỷ lệ (trên ${s.base.value})`], widths, 8);
    for (const o of s.options)
      flow.row([o.label.vi, String(o.votes), percentText(o.percent, 'vi')], widths, 8, [1, 2]);
    flow.row(['Không đánh dấu', String(s.blank), percentText(s.blankPercent, 'vi')], widths, 8, [1, 2]);
    flow.paragraph(`Tỷ lệ tính trên ${s.base.text.vi}. Số phiếu có đánh dấu: ${s.answered}.`, 8, {
      indent: 10,
    });
    if (s.proposalLabel)
      flow.paragraph(`Đề xuất: ${s.proposalLabel.vi} (cấp có thẩm quyền quyết định).`, 9, { indent: 10 });
    for (const f of s.flags) flow.paragraph(`! ${f.text.vi} (${f.citation})`, 8, { indent: 10 });
    for (const t of s.trace) flow.paragraph(`– ${t.text.vi} (${t.citation})`, 7, { indent: 16 });
  });
  for (const w of m.warnings) flow.paragraph(`! ${w.text.vi} (${w.citation})`, 8);
}

/** Room for each board member to sign on paper, three to a line. */
function signaturePlaces(flow: PdfFlow, n: number): void {
  const column = flow.width / 3;
  for (let first = 1; first <= n; first += 3) {
    flow.ensure(70);
    flow.gap(14);
    for (let i = first; i < first + 3 && i <= n; i++) {
      const label = `Thành viên số ${i}`;
      const note = '(ký, ghi rõ họ tên)';
      const center = flow.margin + column * (i - first) + column / 2;
      flow.draw(label, center - flow.font.widthOfTextAtSize(label, 9) / 2, flow.y - 9, 9);
      flow.draw(note, center - flow.font.widthOfTextAtSize(note, 7) / 2, flow.y - 19, 7);
    }
    flow.gap(56);
  }
}

function boardPart(flow: PdfFlow, m: Minutes, verifyUrl: string): void {
  const { board, record } = m;
  flow.gap(6);
  flow.paragraph('5. Ban kiểm phiếu và xác nhận', 11);
  flow.paragraph(
    `Ban kiểm phiếu ${board.n} thành viên, cần ${board.k} để giải mã. Giải mã bởi thành viên số ${board.trusteesUsed.join(', ')}.`,
    9,
    { indent: 10 },
  );
  const widths = [60, 185, 185, 85];
  flow.row(['Thành viên', 'Khoá công khai', 'Chữ ký', 'Hợp lệ'], widths, 8);
  for (const s of board.signatures)
    flow.row([`Số ${s.index}`, short(s.publicKey), short(s.signature), s.valid ? 'Có' : 'Không'], widths, 8);
  flow.paragraph(
    board.certified
      ? 'Kết quả đã được ban kiểm phiếu ký xác nhận đủ số chữ ký cần thiết.'
      : 'Kết quả CHƯA được ký xác nhận đủ số chữ ký cần thiết.',
    9,
    { indent: 10 },
  );
  flow.paragraph(`Mã băm kết quả: ${record.resultHash}`, 7, { indent: 10 });
  if (record.recordHead) flow.paragraph(`Đầu chuỗi hồ sơ được ký: ${record.recordHead}`, 7, { indent: 10 });
  signaturePlaces(flow, board.n);
  flow.gap(6);
  flow.paragraph('6. Kiểm tra hồ sơ: quét mã QR hoặc mở địa chỉ dưới đây.', 11);
  drawQr(flow, verifyUrl, 110);
  flow.paragraph(verifyUrl, 8);
}

export async function minutesPdf(
  m: Minutes,
  fontBytes: Uint8Array,
  options: MinutesPdfOptions,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  pdf.setTitle(`Biên bản kiểm phiếu: ${m.meeting.title}`);
  pdf.setCreationDate(new Date(m.meeting.createdAt ?? 0));
  pdf.setModificationDate(new Date(m.meeting.createdAt ?? 0));
  const flow = new PdfFlow(pdf, font, { onText: options.onText });
  flow.paragraph(m.meeting.organisation.toUpperCase(), 10);
  flow.paragraph('ĐẢNG CỘNG SẢN VIỆT NAM', 10);
  flow.gap(8);
  flow.paragraph('BIÊN BẢN KIỂM PHIẾU', 15, { center: true });
  flow.paragraph(m.meeting.title, 11, { center: true });
  flow.gap(8);
  meetingPart(flow, m);
  countsPart(flow, m);
  subjectsPart(flow, m);
  boardPart(flow, m, options.verifyUrl);
  flow.numberPages((page, total) => `Trang ${page}/${total}`);
  return pdf.save({ useObjectStreams: false });
}
