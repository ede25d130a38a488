// The benches' meeting: a classification of `questions` questions with `options` options each.
import type { Manifest } from '../crypto/index.ts';

export const benchManifest = (shape: {
  meetingId: string;
  electorate: number;
  questions: number;
  options: number;
  trustees: { n: number; k: number };
}): Manifest => ({
  protocol: 'phieukin/v1',
  meetingId: shape.meetingId,
  title: 'bench',
  organisation: 'bench',
  kind: 'classification',
  ruleSet: 'none',
  electorate: shape.electorate,
  trustees: shape.trustees,
  settings: {},
  questions: Array.from({ length: shape.questions }, (_, q) => ({
    id: `q${q + 1}`,
    prompt: 'Xếp loại',
    options: Array.from({ length: shape.options }, (_, o) => ({ id: `o${o}`, label: `${o}` })),
  })),
});
