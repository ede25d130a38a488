// The paper ballot's words, in Vietnamese whatever the page's language: the PDF (pdf.ts) and the
// organiser's printed sheets (web/organiser/paper-sheet.ts) write the same ones. Pure.
import type { Manifest } from '../../../crypto/index.ts';
import type { PaperPage } from './layout.ts';

export const PAPER_TITLE: Record<Manifest['kind'], string> = {
  classification: 'PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN',
  confidence: 'PHIẾU LẤY PHIẾU TÍN NHIỆM',
  motion: 'PHIẾU BIỂU QUYẾT',
};
export const PAPER_INSTRUCTIONS =
  'Cách ghi phiếu: ở mỗi dòng, đánh dấu X vào đúng một ô bằng bút mực; dòng để trống là không chọn mức nào (phiếu trắng cho dòng đó). Gạch bỏ hoặc đánh hai ô trong một dòng thì Ban kiểm phiếu quyết định dòng đó. Không viết, không làm bẩn mã QR và bốn ô vuông ở góc.';

export const paperPageLabel = (p: PaperPage) => `Phiếu số ${p.ballot} · trang ${p.page}/${p.pages}`;
export const paperPageFooter = (p: PaperPage) => `${paperPageLabel(p)} · nộp đủ các trang của phiếu`;
