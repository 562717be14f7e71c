import { error, type AppPackage, type Problem } from './types.ts';

/** ZAS `validations/mime.rb` UNSUPPORTED_MIME_TYPES, as file extensions (plus the usual aliases). */
const FORBIDDEN_EXTENSIONS = new Set([
  'rar',
  'zip',
  'gz',
  'gzip',
  'tgz',
  'pdf',
  'doc',
  'docx',
  'avi',
  'bin',
  'bz',
  'bz2',
  'csh',
  'sh',
  'jar',
  'mp3',
  'mpeg',
  'mpg',
  'odt',
  'pptx',
  'ppt',
  'xls',
  'xlsx',
  '7z',
]);

/** Magic numbers for the same types, so a renamed archive (`notes.txt` that is a zip) is caught too. */
const FORBIDDEN_CONTENT: Array<{ type: string; test: (b: Buffer) => boolean }> = [
  { type: 'zip (also docx, xlsx, pptx, odt, jar)', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
  { type: 'rar', test: (b) => startsWith(b, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]) },
  { type: 'gzip', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { type: 'bzip2', test: (b) => startsWith(b, [0x42, 0x5a, 0x68]) },
  { type: '7z', test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { type: 'pdf', test: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { type: 'doc, xls or ppt', test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { type: 'mp3', test: (b) => startsWith(b, [0x49, 0x44, 0x33]) || (b[0] === 0xff && ((b[1] ?? 0) & 0xe6) === 0xe2) },
  { type: 'mpeg', test: (b) => startsWith(b, [0x00, 0x00, 0x01, 0xba]) || startsWith(b, [0x00, 0x00, 0x01, 0xb3]) },
  {
    type: 'shell script',
    test: (b) => /^#!\s*\/(?:usr\/)?bin\/(?:env\s+)?(?:ba|c|z|k)?sh\b/.test(b.toString('latin1', 0, 40)),
  },
  { type: 'avi', test: (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && b.toString('latin1', 8, 12) === 'AVI ' },
];

export function checkMimeTypes(pkg: AppPackage): Problem[] {
  const problems: Problem[] = [];
  for (const file of pkg.files) {
    const extension = file.includes('.') ? (file.split('.').pop() ?? '').toLowerCase() : '';
    const content = FORBIDDEN_CONTENT.find(({ test }) => test(pkg.read(file)));
    if (!FORBIDDEN_EXTENSIONS.has(extension) && !content) continue;
    const why = content ? `content is ${content.type}` : `.${extension} files are not accepted`;
    problems.push(error('unsupported_mime_type_detected', file, `Unsupported MIME type detected in ${file} (${why}).`));
  }
  return problems;
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}
