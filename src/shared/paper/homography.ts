// A plane-to-plane perspective map from four point pairs (the page in millimetres to the photo in
// pixels): the eight unknowns of the 3×3 matrix with h33 = 1, solved by Gaussian elimination. Pure.

export type Point2 = { x: number; y: number };
export type Homography = (p: Point2) => Point2;

export function homography(from: Point2[], to: Point2[]): Homography | null {
  if (from.length !== 4 || to.length !== 4) return null;
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    if (Math.abs(rows[pivot]![col]!) < 1e-12) return null;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const p = rows[col]!;
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const row = rows[r]!;
      const f = row[col]! / p[col]!;
      if (f !== 0) for (let c = col; c < 9; c++) row[c]! -= f * p[c]!;
    }
  }
  const h = rows.map((r, i) => r[8]! / r[i]!);
  const [a, b, c, d, e, f, g, k] = h as [number, number, number, number, number, number, number, number];
  return ({ x, y }) => {
    const w = g * x + k * y + 1;
    return { x: (a * x + b * y + c) / w, y: (d * x + e * y + f) / w };
  };
}

/** The affine map that fits the point pairs best (least squares), for a first estimate from a few points. */
export function affine(from: Point2[], to: Point2[]): Homography | null {
  const n = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const bu = [0, 0, 0];
  const bv = [0, 0, 0];
  from.forEach((p, i) => {
    const row = [p.x, p.y, 1];
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) n[r]![c]! += row[r]! * row[c]!;
      bu[r]! += row[r]! * to[i]!.x;
      bv[r]! += row[r]! * to[i]!.y;
    }
  });
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const d = det(n);
  if (Math.abs(d) < 1e-9) return null;
  /** Cramer's rule: column `c` replaced by b. */
  const solve = (b: number[]) =>
    [0, 1, 2].map((c) => det(n.map((row, r) => row.map((v, k) => (k === c ? b[r]! : v)))) / d);
  const [a, b, c] = solve(bu) as [number, number, number];
  const [e, f, g] = solve(bv) as [number, number, number];
  return ({ x, y }) => ({ x: a * x + b * y + c, y: e * x + f * y + g });
}
