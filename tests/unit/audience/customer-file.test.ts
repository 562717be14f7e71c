/**
 * Reading a customer list the way an agent exports one (readCustomerFile with a Blob, as the
 * upload gives it): what is read, what is reported per row, and which files are refused whole.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_ROWS } from '../../../src/domain/audience/customer-file.ts';
import { readCustomerFile, type FileReading } from '../../../src/services/audience/read-customer-file.ts';

const file = (text: string) => new Blob([text], { type: 'text/csv' });

async function read(blob: Blob) {
  const reading = await readCustomerFile(blob);
  if (!reading.ok) throw new Error(`refused: ${reading.problem}`);
  return reading.reader;
}

const values = (reader: Awaited<ReturnType<typeof read>>) => reader.identifiers.map((i) => [i.kind, i.value]);
const problemOf = (reading: FileReading) => (reading.ok ? 'read' : reading.problem);

/** Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tab-separated. */
function utf16le(text: string): Blob {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + i * 2] = code & 0xff;
    bytes[3 + i * 2] = code >> 8;
  }
  return new Blob([bytes]);
}

describe('the column to read', () => {
  it('reads the email column under an Email header, not the header itself', async () => {
    const reader = await read(file('Name,Email,Plan\nAna Silva,ana@example.com,gold\nBo Kim,bo@example.com,silver\n'));
    expect(values(reader)).toEqual([
      ['email', 'ana@example.com'],
      ['email', 'bo@example.com'],
    ]);
    expect(reader.identifiers.map((i) => i.row)).toEqual([2, 3]);
  });

  it('reads external ids under an external id header (any spelling it knows)', async () => {
    for (const header of ['external_id', 'External ID', 'customer-id', '외부 ID']) {
      const reader = await read(file(`${header},name\nCUST-100001,Ana\ncust-100002,Bo\n`));
      expect(values(reader)).toEqual([
        ['external_id', 'CUST-100001'],
        ['external_id', 'cust-100002'],
      ]);
    }
  });

  it('prefers the email column when both headers are there', async () => {
    const reader = await read(file('external_id,email\nCUST-1,ana@example.com\n'));
    expect(values(reader)).toEqual([['email', 'ana@example.com']]);
  });

  it('without a header, reads the first row as data and finds the column holding addresses', async () => {
    const reader = await read(file('Ana Silva,ana@example.com\nBo Kim,bo@example.com\n'));
    expect(values(reader)).toEqual([
      ['email', 'ana@example.com'],
      ['email', 'bo@example.com'],
    ]);
    expect(reader.identifiers[0]?.row).toBe(1);
  });

  it('without a header or addresses, reads the first filled column as external ids', async () => {
    const reader = await read(file(',CUST-1\n,CUST-2\n'));
    expect(values(reader)).toEqual([
      ['external_id', 'CUST-1'],
      ['external_id', 'CUST-2'],
    ]);
  });
});

describe('what spreadsheets write', () => {
  it('drops a UTF-8 byte-order mark, so the header is still found', async () => {
    const reader = await read(file('\uFEFFemail\nana@example.com\n'));
    expect(values(reader)).toEqual([['email', 'ana@example.com']]);
  });

  it('reads quoted cells, with commas and doubled quotes inside', async () => {
    const reader = await read(file('"Name","Email"\n"Silva, Ana ""Annie""","ana@example.com"\n'));
    expect(values(reader)).toEqual([['email', 'ana@example.com']]);
  });

  it.each([
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ])('detects the %s between cells', async (_name, separator) => {
    const reader = await read(
      file(['name', 'email'].join(separator) + '\n' + ['Ana', 'ana@example.com'].join(separator)),
    );
    expect(values(reader)).toEqual([['email', 'ana@example.com']]);
  });

  it('reads Windows line ends (CRLF) without keeping a carriage return in the value', async () => {
    const reader = await read(file('email\r\nana@example.com\r\nbo@example.com\r\n'));
    expect(values(reader)).toEqual([
      ['email', 'ana@example.com'],
      ['email', 'bo@example.com'],
    ]);
  });

  it('reads Excel “Unicode text” (UTF-16LE, tabs), including non-Latin names', async () => {
    const people = Array.from({ length: 12 }, (_, i) => `김민준 ${i}\tminjun${i}@example.com`);
    const reader = await read(utf16le(`이름\t이메일\r\n${people.join('\r\n')}\r\n佐藤 花子\thanako@example.com\r\n`));
    expect(reader.identifiers).toHaveLength(13);
    expect(values(reader)[0]).toEqual(['email', 'minjun0@example.com']);
    expect(values(reader)[12]).toEqual(['email', 'hanako@example.com']);
    expect(reader.issues).toEqual([]);
  });

  // Once a bug: papaparse's own guess of the separator counts the empty line after the final line
  // break, so a short `;` or tab file as Excel saves it (ending in CRLF) was read as one column.
  it.each([
    ['semicolon', 'name;email\r\nAna;ana@example.com\r\nBo;bo@example.com\r\n'],
    ['tab', 'name\temail\r\nAna\tana@example.com\r\nBo\tbo@example.com\r\n'],
  ])('reads a short %s-separated file that ends in a line break', async (_name, text) => {
    const reader = await read(file(text));
    expect(values(reader)).toEqual([
      ['email', 'ana@example.com'],
      ['email', 'bo@example.com'],
    ]);
  });

  it('skips blank lines and counts them, keeping spreadsheet row numbers', async () => {
    const reader = await read(file('email\n\nana@example.com\n , \nbo@example.com\n\n'));
    expect(values(reader)).toEqual([
      ['email', 'ana@example.com'],
      ['email', 'bo@example.com'],
    ]);
    expect(reader.identifiers.map((i) => i.row)).toEqual([3, 5]);
    expect(reader.blankRows).toBeGreaterThanOrEqual(2);
  });

  it('strips mailto: from an address', async () => {
    const reader = await read(file('email\nmailto:ana@example.com\nMAILTO:bo@example.com\n'));
    expect(values(reader)).toEqual([
      ['email', 'ana@example.com'],
      ['email', 'bo@example.com'],
    ]);
  });
});

describe('rows reported, not read', () => {
  it('reports a repeated address or id (any case) as a duplicate of the earlier row', async () => {
    const reader = await read(file('email\nana@example.com\nbo@example.com\nANA@Example.com\n'));
    expect(values(reader)).toEqual([
      ['email', 'ana@example.com'],
      ['email', 'bo@example.com'],
    ]);
    expect(reader.issues).toEqual([{ row: 4, value: 'ANA@Example.com', problem: 'duplicate' }]);
    const ids = await read(file('external_id\nCUST-1\ncust-1\n'));
    expect(ids.issues).toEqual([{ row: 3, value: 'cust-1', problem: 'duplicate' }]);
  });

  it('reports addresses that cannot be one', async () => {
    const bad = ['ana@', '@example.com', 'ana bo@example.com', 'ana@example', 'a@b@example.com'];
    const reader = await read(file(`email\nok@example.com\n${bad.join('\n')}\n`));
    expect(values(reader)).toEqual([['email', 'ok@example.com']]);
    expect(reader.issues.map((i) => [i.value, i.problem])).toEqual(bad.map((v) => [v, 'invalid_email']));
    expect(reader.issues.map((i) => i.row)).toEqual([3, 4, 5, 6, 7]);
    expect(reader.dataRows).toBe(6);
  });
});

describe('files refused whole', () => {
  it('refuses an empty file', async () => {
    expect(problemOf(await readCustomerFile(new Blob([])))).toBe('empty');
  });

  it('refuses a file with only a header or only blank lines', async () => {
    expect(problemOf(await readCustomerFile(file('email\n')))).toBe('no_values');
    expect(problemOf(await readCustomerFile(file('\n\n \n')))).toBe('no_values');
  });

  it('refuses an .xlsx (zip) and an old .xls (OLE2) as spreadsheets to save as CSV', async () => {
    const xlsx = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'xl/workbook.xml']);
    const xls = new Blob([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])]);
    expect(problemOf(await readCustomerFile(xlsx))).toBe('spreadsheet');
    expect(problemOf(await readCustomerFile(xls))).toBe('spreadsheet');
  });

  it('refuses a binary file', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])]);
    expect(problemOf(await readCustomerFile(png))).toBe('binary');
  });

  it('refuses a file whose quote is never closed as malformed, naming the row', async () => {
    const reading = await readCustomerFile(file('email\nana@example.com\n"bo@example.com\ncy@example.com\n'));
    expect(reading).toMatchObject({ ok: false, problem: 'malformed' });
    expect(reading.ok ? '' : reading.detail).toMatch(/^row \d+$/);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const big = new Blob([new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61)]);
    expect(problemOf(await readCustomerFile(big))).toBe('too_large');
  });
});

describe('large files', () => {
  const rows = (count: number, extra = '') =>
    Array.from({ length: count }, (_, i) => `customer${i}@example.com${extra}`).join('\n');

  it('reads a 10 MB file', async () => {
    const notes = `,"${'x'.repeat(180)}"`;
    const blob = file(`email,notes\n${rows(50_000, notes)}\n`);
    expect(blob.size).toBeGreaterThan(10 * 1000 * 1000);
    const fractions: number[] = [];
    const reading = await readCustomerFile(blob, { onProgress: (f) => fractions.push(f) });
    expect(reading.ok && reading.reader.identifiers.length).toBe(50_000);
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions[fractions.length - 1]).toBe(1);
  }, 30_000);

  it(`reads ${MAX_FILE_ROWS.toLocaleString('en-US')} rows and refuses one more`, async () => {
    const full = await readCustomerFile(file(`email\n${rows(MAX_FILE_ROWS)}\n`));
    expect(full.ok && full.reader.identifiers.length).toBe(MAX_FILE_ROWS);
    expect(full.ok && full.reader.identifiers.at(-1)?.value).toBe(`customer${MAX_FILE_ROWS - 1}@example.com`);
    const over = await readCustomerFile(file(`email\n${rows(MAX_FILE_ROWS + 1)}\n`));
    expect(problemOf(over)).toBe('too_many_rows');
  }, 30_000);
});
