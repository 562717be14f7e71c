/**
 * A customer list file (CSV of emails or external ids), read row by row as the parser delivers
 * them, so a 100,000-row file never needs to be held as one string or parsed in one go.
 *
 * What Excel and other tools write is accepted: a header row or none, `,` `;` or tab between
 * cells (the parser detects it), quoted cells, a byte-order mark, blank lines. Each value is an
 * email address when it has an @, otherwise an external id.
 */
export const MAX_FILE_ROWS = 100_000;

export type IdentifierKind = 'email' | 'external_id';

export interface Identifier {
  /** 1-based row number in the file, as a spreadsheet shows it. */
  row: number;
  kind: IdentifierKind;
  /** As written in the file (trimmed). */
  value: string;
  /** Lower case: Zendesk compares emails and external ids case-insensitively. */
  key: string;
}

export type RowProblem = 'invalid_email' | 'duplicate';

export interface RowIssue {
  row: number;
  value: string;
  problem: RowProblem;
}

const HEADER_EMAIL = /^(e-?mail|e-?mail address|email_address|mail|メール|メールアドレス|이메일)$/i;
const HEADER_EXTERNAL = /^(ext(ernal)?[ _-]?id|customer[ _-]?id|user[ _-]?id|id|外部id|외부 ?id)$/i;

// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces. Zendesk
// itself decides the rest when the address is looked up.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class CustomerFileReader {
  private column: number | undefined;
  private headerSeen = false;
  private rowNumber = 0;
  private readonly seen = new Set<string>();
  readonly identifiers: Identifier[] = [];
  readonly issues: RowIssue[] = [];
  blankRows = 0;
  tooManyRows = false;

  /** Feeds rows in file order; returns false once the row limit is passed (stop parsing). */
  addRows(rows: readonly (readonly string[])[]): boolean {
    for (const cells of rows) {
      this.rowNumber += 1;
      const trimmed = cells.map((c) => c.trim());
      if (trimmed.every((c) => c === '')) {
        this.blankRows += 1;
        continue;
      }
      if (!this.headerSeen) {
        this.headerSeen = true;
        if (this.readHeader(trimmed)) continue;
        this.column = guessColumn(trimmed);
      }
      if (this.identifiers.length + this.issues.length >= MAX_FILE_ROWS) {
        this.tooManyRows = true;
        return false;
      }
      this.addValue(trimmed[this.column ?? 0] ?? '');
    }
    return true;
  }

  get dataRows(): number {
    return this.identifiers.length + this.issues.length;
  }

  private readHeader(cells: readonly string[]): boolean {
    const email = cells.findIndex((c) => HEADER_EMAIL.test(c));
    const external = cells.findIndex((c) => HEADER_EXTERNAL.test(c));
    if (email === -1 && external === -1) return false;
    this.column = email !== -1 ? email : external;
    return true;
  }

  private addValue(raw: string): void {
    const value = raw.replace(/^mailto:/i, '');
    if (value === '') {
      this.blankRows += 1;
      return;
    }
    const kind: IdentifierKind = value.includes('@') ? 'email' : 'external_id';
    if (kind === 'email' && !EMAIL.test(value)) {
      this.issues.push({ row: this.rowNumber, value, problem: 'invalid_email' });
      return;
    }
    const key = `${kind}:${value.toLowerCase()}`;
    if (this.seen.has(key)) {
      this.issues.push({ row: this.rowNumber, value, problem: 'duplicate' });
      return;
    }
    this.seen.add(key);
    this.identifiers.push({ row: this.rowNumber, kind, value, key: value.toLowerCase() });
  }
}

/** Without a header: the first column holding an email address, else the first non-empty one. */
function guessColumn(cells: readonly string[]): number {
  const email = cells.findIndex((c) => c.includes('@'));
  if (email !== -1) return email;
  const filled = cells.findIndex((c) => c !== '');
  return filled === -1 ? 0 : filled;
}

/** What the first bytes of a file say about it, before any text is decoded. */
export type FileSniff =
  { kind: 'text'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { kind: 'spreadsheet' | 'binary' };

export function sniffFile(head: Uint8Array): FileSniff {
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'text', encoding: 'utf-16be' };
  // .xlsx and .ods are zip files; old .xls starts with the OLE2 signature.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { kind: 'spreadsheet' };
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return { kind: 'spreadsheet' };
  if (head.subarray(0, 512).includes(0)) return { kind: 'binary' };
  return { kind: 'text', encoding: 'utf-8' };
}
