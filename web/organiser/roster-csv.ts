// The roster as CSV text (a spreadsheet saved as CSV): a header row naming the columns id, name, status
// (official / probationary, or chính thức / dự bị), role, proposedLevel; one member per row.

export type RosterMember = {
  id: string;
  name: string;
  status: 'official' | 'probationary';
  role?: string;
  proposedLevel?: string | null;
};

export class RosterError extends Error {
  override name = 'RosterError';
}

function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';' || ch === '\t') {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

const STATUS: Record<string, RosterMember['status']> = {
  official: 'official',
  'chính thức': 'official',
  probationary: 'probationary',
  'dự bị': 'probationary',
};

/** Throws RosterError naming the line of the first problem. */
export function parseRosterCsv(text: string): RosterMember[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new RosterError('line 1: a header row and at least one member');
  const header = cells(lines[0]!).map((h) => h.toLowerCase());
  const column = (name: string) => header.indexOf(name.toLowerCase());
  for (const required of ['id', 'name', 'status'])
    if (column(required) < 0) throw new RosterError(`line 1: missing column ${required}`);
  return lines.slice(1).map((line, i) => {
    const row = cells(line);
    const at = (name: string) => (column(name) >= 0 ? (row[column(name)] ?? '') : '');
    const status = STATUS[at('status').toLowerCase()];
    if (!status) throw new RosterError(`line ${i + 2}: status "${at('status')}"`);
    const level = at('proposedLevel').toLowerCase();
    return {
      id: at('id'),
      name: at('name'),
      status,
      ...(at('role') ? { role: at('role').toLowerCase() } : {}),
      ...(level ? { proposedLevel: level } : {}),
    };
  });
}
