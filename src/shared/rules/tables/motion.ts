// A plain motion: adopted when "yes" is more than half of the members (Điều lệ Đảng Điều 9 k5).
import type { MotionTable } from '../types.ts';
import { DIEU_LE_MAJORITY, denominatorSetting, QUORUM } from './common.ts';

export const MOTION: MotionTable = {
  id: 'motion',
  kind: 'motion',
  title: { vi: 'Biểu quyết một nội dung', en: 'A motion (yes / no / abstain)' },
  citations: [DIEU_LE_MAJORITY],
  options: [
    { id: 'yes', label: { vi: 'Tán thành', en: 'Yes' } },
    { id: 'no', label: { vi: 'Không tán thành', en: 'No' } },
    { id: 'abstain', label: { vi: 'Không biểu quyết', en: 'Abstain' } },
  ],
  settings: [denominatorSetting([]), QUORUM],
  adoption: { rule: 'adoption', citations: [DIEU_LE_MAJORITY], certainty: 'confirmed' },
};
