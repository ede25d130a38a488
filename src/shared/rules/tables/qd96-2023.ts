// QĐ 96-QĐ/TW (02/02/2023): confidence votes (lấy phiếu tín nhiệm). Facts: research/vn-rules.md §3.
import type { Citation, ConfidenceTable } from '../types.ts';

const QD96 = 'QĐ 96-QĐ/TW';
const quorum: Citation = { document: QD96, article: 'Điều 3' };
const counting: Citation = { document: QD96, article: 'Điều 6', clause: 'k3' };
const stateAnalogue: Citation = { document: 'NQ 96/2023/QH15', article: 'Điều 19', clause: 'k3' };

export const QD96_2023: ConfidenceTable = {
  id: 'QD96-2023',
  kind: 'confidence',
  title: { vi: 'Lấy phiếu tín nhiệm (QĐ 96-QĐ/TW)', en: 'Confidence vote (QĐ 96-QĐ/TW)' },
  citations: [{ document: QD96 }],
  options: [
    { id: 'cao', label: { vi: 'Tín nhiệm cao', en: 'High confidence' } },
    { id: 'tin-nhiem', label: { vi: 'Tín nhiệm', en: 'Confidence' } },
    { id: 'thap', label: { vi: 'Tín nhiệm thấp', en: 'Low confidence' } },
  ],
  settings: [
    {
      key: 'denominator',
      name: { vi: 'Mẫu số để tính tỷ lệ', en: 'Base of the percentages' },
      default: 'ballots',
      allowed: ['ballots', 'summoned', 'activated'],
      labels: [
        { vi: 'số phiếu thu về', en: 'ballots cast' },
        { vi: 'số người được triệu tập', en: 'people summoned' },
        { vi: 'số phiếu phát ra', en: 'ballots handed out' },
      ],
      certainty: 'unconfirmed',
      citations: [counting, stateAnalogue],
      description: {
        vi: 'Tỷ lệ phiếu của mỗi người được tính trên số này. Chưa có văn bản hướng dẫn rõ cách tính; Quốc hội tính trên số phiếu thu về.',
        en: "Each person's share of votes is taken over this number. No text found says how; the National Assembly uses the ballots cast.",
      },
    },
  ],
  quorum: { rule: 'quorum', citations: [quorum], certainty: 'confirmed' },
  majority: {
    rule: 'majority-level',
    // no written source (citationWords); the words are in recorded outcomes, so they stay
    citations: [{ document: 'research/vn-rules.md §3 (QĐ 96 không có mức chung / no overall level)' }],
    certainty: 'unconfirmed',
  },
  outOfPlanning: { rule: 'out-of-planning', citations: [{ document: QD96 }], certainty: 'secondary' },
  removal: { rule: 'removal', citations: [{ document: QD96 }], certainty: 'secondary' },
  resignation: {
    rule: 'resignation-ground',
    citations: [{ document: 'QĐ 41-QĐ/TW (2021)' }],
    certainty: 'confirmed',
  },
  classification: {
    rule: 'khtnv-for-leader',
    citations: [{ document: 'QĐ 366-QĐ/TW', article: 'Điều 11', clause: 'k4.1' }],
    certainty: 'confirmed',
  },
};
