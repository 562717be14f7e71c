import { Liquid, Output, Tag, type Template } from 'liquidjs';

/**
 * Ticket text with placeholders, in the Liquid syntax Zendesk agents already write in macros and
 * triggers: `{{user.first_name | default: "there"}}`, `{% if organization.name %}…{% endif %}`.
 *
 * Our placeholders (user.*, organization.*) are filled in here, per customer, before the ticket
 * leaves the browser. A few of Zendesk's own (`{{ticket.id}}`) are passed through for Zendesk to
 * fill in when it creates the ticket. Everything else is unknown and blocks sending.
 */
export const PASSTHROUGH_PLACEHOLDERS = ['ticket.id', 'ticket.url'] as const;

/** Tags a ticket template may use: conditions and comments. No includes: there are no files to include. */
const ALLOWED_TAGS = new Set(['if', 'unless', 'elsif', 'else', 'case', 'when', 'comment', 'raw']);

export interface PlaceholderUse {
  /** `user.user_fields.plan_renewal_date` */
  path: string;
  /** Written with `| default: "…"`, so it is never empty. */
  hasFallback: boolean;
  /** In the text (not only in an `{% if %}` test), so an empty value shows as a gap. */
  shown: boolean;
}

/**
 * What is wrong with the braces, in words the agent can act on in their own language; the
 * parser's English message is kept only for the cases not told apart here.
 */
export type SyntaxIssue =
  'unclosed_output' | 'unclosed_tag' | 'unknown_filter' | 'empty_output' | 'unexpected_end' | 'other';

export type TemplateProblem =
  | { kind: 'syntax'; issue: SyntaxIssue; snippet: string; message: string; line: number | null }
  | { kind: 'unknown_placeholder'; path: string }
  | { kind: 'unsupported_tag'; name: string };

export interface CompiledText {
  templates: Template[];
  uses: PlaceholderUse[];
  problems: TemplateProblem[];
}

// jsTruthy: an empty value ("") is false in `{% if %}`, so text guarded by a customer's value is left out when
// they have none (Liquid's Ruby rules would treat "" as true and show it to everyone).
const engine = new Liquid({ strictFilters: true, ownPropertyOnly: true, lenientIf: true, jsTruthy: true });

function lineOf(message: string): number | null {
  const match = /line:(\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}

const SNIPPET_CHARS = 40;
const clip = (text: string) => (text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS - 1)}…` : text);

/** liquidjs's messages (liquidjs 10), sorted into what the agent should do about them. */
function syntaxProblem(message: string): TemplateProblem {
  const line = lineOf(message);
  const first = message.split('\n')[0] ?? message;
  const at = (issue: SyntaxIssue, snippet = ''): TemplateProblem => ({
    kind: 'syntax',
    issue,
    snippet: clip(snippet),
    message: first,
    line,
  });
  let match = /^output "(.*)" not closed/s.exec(first);
  if (match) return at('unclosed_output', match[1]);
  match = /^tag (\{%.*?%\}) not closed/s.exec(first);
  if (match) return at('unclosed_tag', match[1]);
  match = /^undefined filter: ([^\s,]+)/.exec(first);
  if (match) return at('unknown_filter', match[1]);
  if (/^invalid value expression: ""/.test(first)) return at('empty_output');
  match = /^tag "(\w+)" not found/.exec(first);
  if (match?.[1]?.startsWith('end') || match?.[1] === 'else' || match?.[1] === 'elsif' || match?.[1] === 'when')
    return at('unexpected_end', `{% ${match[1]} %}`);
  if (match?.[1]) return { kind: 'unsupported_tag', name: match[1] };
  return at('other');
}

/** Every Output and Tag in the parse tree, however deeply nested in if/case branches. */
function walk(node: unknown, visit: (node: Output | Tag) => void, seen = new Set<unknown>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (node instanceof Output || node instanceof Tag) visit(node);
  if (node instanceof Output) return;
  const values = Array.isArray(node)
    ? node
    : Object.entries(node)
        .filter(([k]) => k !== 'liquid')
        .map(([, v]) => v);
  for (const value of values) walk(value, visit, seen);
}

export type KnownPlaceholder = (path: string) => boolean;

export function compileText(source: string, isKnown: KnownPlaceholder): CompiledText {
  let templates: Template[];
  try {
    templates = engine.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { templates: [], uses: [], problems: [syntaxProblem(message)] };
  }
  const problems: TemplateProblem[] = [];
  const shown = new Map<string, { fallback: boolean; shown: boolean }>();
  walk(templates, (node) => {
    if (node instanceof Tag) {
      const name = (node.token as { name?: string }).name ?? '';
      if (!ALLOWED_TAGS.has(name) && !problems.some((p) => p.kind === 'unsupported_tag' && p.name === name))
        problems.push({ kind: 'unsupported_tag', name });
      return;
    }
    const fallback = node.value.filters.some((f) => f.name === 'default');
    const paths = new Set(
      Object.values(engine.analyzeSync([node]).variables)
        .flat()
        .map((v) => String(v)),
    );
    for (const path of paths) {
      const known = shown.get(path);
      shown.set(path, { fallback: (known?.fallback ?? true) && fallback, shown: true });
    }
  });
  let all: string[] = [];
  try {
    const analysis = engine.analyzeSync(templates);
    all = Object.values(analysis.variables)
      .flat()
      .map((v) => String(v));
  } catch {
    all = [...shown.keys()];
  }
  const uses: PlaceholderUse[] = [];
  for (const path of new Set([...all, ...shown.keys()])) {
    if (!isKnown(path)) {
      problems.push({ kind: 'unknown_placeholder', path });
      continue;
    }
    const output = shown.get(path);
    uses.push({ path, hasFallback: output?.fallback ?? false, shown: output !== undefined });
  }
  return { templates, uses, problems };
}

/** Renders a compiled text with a customer's values (no escaping here: see ticket-html.ts). */
export function renderText(compiled: CompiledText, scope: Record<string, unknown>): string {
  return engine.renderSync(compiled.templates, scope) as string;
}
