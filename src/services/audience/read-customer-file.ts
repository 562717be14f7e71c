import Papa from 'papaparse';
import { CustomerFileReader, sniffFile } from '../../domain/audience/customer-file.ts';

/** Larger files are refused before anything is read: no customer list needs more. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type FileProblem =
  'empty' | 'too_large' | 'too_many_rows' | 'spreadsheet' | 'binary' | 'malformed' | 'no_values';

export type FileReading =
  | { ok: true; reader: CustomerFileReader; warnings: string[] }
  /** `row`: the file row a malformed file goes wrong on, for the agent (`detail` is for logs, in English). */
  | { ok: false; problem: FileProblem; detail?: string; row?: number };

/**
 * Reads a customer list without freezing the tab: the text is parsed in chunks of 256 kB, and
 * the parser pauses after each chunk so the page keeps painting the progress bar.
 */
export async function readCustomerFile(
  file: Blob,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<FileReading> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: 'too_large' };
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  const sniff = sniffFile(head);
  if (sniff.kind !== 'text') return { ok: false, problem: sniff.kind };
  // TextDecoder drops a UTF-8 byte-order mark; Excel's "Unicode text" export is UTF-16.
  const text = new TextDecoder(sniff.encoding).decode(await file.arrayBuffer());
  const reader = new CustomerFileReader();
  const warnings: string[] = [];
  let fatal: number | undefined;

  await new Promise<void>((resolve) => {
    Papa.parse<string[]>(text, {
      delimiter: guessDelimiter(text),
      skipEmptyLines: false,
      chunkSize: 256 * 1024,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        for (const error of results.errors) {
          // An unclosed quote swallows the rest of the file: a malformed file, said so.
          if (error.code === 'MissingQuotes') fatal = (error.row ?? 0) + 1;
          else if (warnings.length < 5 && error.code !== 'UndetectableDelimiter') warnings.push(error.message);
        }
        const keepGoing = fatal === undefined && reader.addRows(results.data);
        options.onProgress?.(Math.min(1, (results.meta.cursor ?? 0) / text.length));
        if (!keepGoing || options.signal?.aborted) {
          parser.abort();
          return;
        }
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete: () => resolve(),
      error: () => resolve(),
    });
  });
  options.signal?.throwIfAborted();
  if (fatal !== undefined) return { ok: false, problem: 'malformed', detail: `row ${fatal}`, row: fatal };
  if (reader.tooManyRows) return { ok: false, problem: 'too_many_rows' };
  if (reader.dataRows === 0) return { ok: false, problem: 'no_values' };
  return { ok: true, reader, warnings };
}

/**
 * The cell separator, from the first lines: the candidate that appears the same number of times
 * on most of them. Papa Parse guesses too, but a short file ending in a line break (as Excel saves
 * it) has an empty last line that spoils its guess; blank lines are ignored here.
 */
export function guessDelimiter(text: string): ',' | ';' | '\t' {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  let best: ',' | ';' | '\t' = ',';
  let bestScore = 0;
  for (const candidate of [',', ';', '\t'] as const) {
    const counts = lines.map((line) => line.replace(/"[^"]*"/g, '').split(candidate).length - 1);
    const common = mostFrequent(counts.filter((n) => n > 0));
    const score = common === undefined ? 0 : counts.filter((n) => n === common).length;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

function mostFrequent(values: readonly number[]): number | undefined {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [value, n] of tally) if (best === undefined || n > (tally.get(best) ?? 0)) best = value;
  return best;
}
