import { PASSTHROUGH_PLACEHOLDERS } from './template.ts';

/**
 * Ticket text becomes HTML only here, and every character that could mean something to a browser
 * or to Zendesk is written as a character reference: `<` as `&lt;`, and `{` and `}` as `&#123;`
 * and `&#125;`. Zendesk renders `{{placeholders}}` in comments an agent writes, so a customer
 * whose name is `{{current_user.email}}` would otherwise have Zendesk fill in the agent's
 * address; written as references the braces are text, not a placeholder, and customer markup is
 * text, not markup.
 *
 * Only the placeholders we pass through on purpose (`{{ticket.id}}`) reach Zendesk as such: they
 * travel through rendering as private-use markers that customer data cannot contain.
 */
const MARK_START = '\u{E000}';
const MARK_END = '\u{E001}';

export function passthroughMarker(path: string): string {
  return `${MARK_START}${path}${MARK_END}`;
}

/** The values the passthrough placeholders take while we render. */
export function passthroughScope(): Record<string, Record<string, string>> {
  const scope: Record<string, Record<string, string>> = {};
  for (const path of PASSTHROUGH_PLACEHOLDERS) {
    const [root = '', key = ''] = path.split('.');
    (scope[root] ??= {})[key] = passthroughMarker(path);
  }
  return scope;
}

/** Customer data never carries our markers. */
export function withoutMarkers(text: string): string {
  return text.replace(/[\u{E000}\u{E001}]/gu, '');
}

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '{': '&#123;',
  '}': '&#125;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"'{}]/g, (c) => REFERENCES[c] ?? c);
}

function restorePassthrough(html: string): string {
  return html.replace(new RegExp(`${MARK_START}([a-z_.]+)${MARK_END}`, 'gu'), (_, path: string) =>
    (PASSTHROUGH_PLACEHOLDERS as readonly string[]).includes(path) ? `{{${path}}}` : '',
  );
}

/** Plain text (blank lines between paragraphs, line breaks within) as ticket comment HTML. */
export function ticketHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
  return paragraphs
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .map(restorePassthrough)
    .join('');
}

/**
 * A subject is plain text (no references possible), so a brace pair from customer data is split
 * with a zero-width space: it reads the same and is no longer a placeholder anywhere.
 */
export function inertSubject(text: string): string {
  return restoreSubjectPassthrough(text.replace(/\{\{/g, '{\u200B{').replace(/\}\}/g, '}\u200B}'));
}

function restoreSubjectPassthrough(text: string): string {
  return text.replace(new RegExp(`${MARK_START}([a-z_.]+)${MARK_END}`, 'gu'), (_, path: string) =>
    (PASSTHROUGH_PLACEHOLDERS as readonly string[]).includes(path) ? `{{${path}}}` : '',
  );
}

/** What the customer will read, for the preview: the text with passthrough placeholders as written. */
export function readableText(text: string): string {
  return restoreSubjectPassthrough(text);
}
