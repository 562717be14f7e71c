/**
 * A comment's two forms. Zendesk keeps `html_body` as HTML and derives the plain text
 * (`plain_body`, and the ticket's `description` for the first comment) from it
 * (DOC-COMMENTS "Bodies"). A character reference such as `&#123;&#123;` is text, not markup: it
 * stays as written in the HTML and becomes `{{` only in the plain text, so it is never read as a
 * placeholder.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  lbrace: '{',
  rbrace: '}',
};

/** Decodes character references (`&#123;`, `&#x7B;`, `&amp;`); an unknown name stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]+|#x[0-9a-f]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text of an HTML body: tags dropped (block ends become line breaks), then references decoded. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Zendesk wraps a stored comment's HTML in `<div class="zd-comment" dir="auto">` (seen in API
 * answers; the exact markup is (unverified)); a plain `body` becomes paragraphs.
 */
export function wrapCommentHtml(html: string): string {
  return `<div class="zd-comment" dir="auto">${html}</div>`;
}

export function textToHtml(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p dir="auto">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return wrapCommentHtml(paragraphs);
}

/** Bodies over 64 kB are silently truncated (support-api.md §5.1); cut on a character boundary. */
export function truncateBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (encoder.encode(text.slice(0, mid)).length <= maxBytes) low = mid;
    else high = mid - 1;
  }
  return text.slice(0, low);
}
