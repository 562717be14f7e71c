import Papa from 'papaparse';

/**
 * Spreadsheet apps run a cell that starts with `=`, `+`, `-` or `@` (and some treat a leading tab
 * or carriage return the same way) as a formula: a customer named `=HYPERLINK(…)` would become a
 * link in the agent's spreadsheet. Such cells get a leading apostrophe, which spreadsheets show
 * as text and do not evaluate (OWASP CSV injection guidance).
 */
export function formulaSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Rows to CSV with a header, every cell made formula-safe, CRLF line ends as Excel expects. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const safe = [header, ...rows].map((row) => row.map((cell) => formulaSafe(String(cell))));
  // A byte-order mark makes Excel read UTF-8 (names in Korean and Japanese) correctly.
  return `\uFEFF${Papa.unparse(safe, { newline: '\r\n', quotes: false })}`;
}
