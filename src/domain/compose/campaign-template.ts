import type { Organization, User } from '../../zendesk/index.ts';
import type { TicketDraft } from '../campaign/draft.ts';
import {
  customerValues,
  knownPlaceholders,
  usableLocale,
  type PlaceholderFields,
  type YesNo,
} from './customer-values.ts';
import {
  compileText,
  renderText,
  PASSTHROUGH_PLACEHOLDERS,
  type CompiledText,
  type TemplateProblem,
} from './template.ts';
import { inertSubject, passthroughScope, readableText, ticketHtml, withoutMarkers } from './ticket-html.ts';

export type TextPart = 'subject' | 'body';

export interface LocatedProblem {
  part: TextPart;
  /** The translation's locale, or null for the default text. */
  locale: string | null;
  problem: TemplateProblem;
}

export interface RenderedTicket {
  /** The locale of the text used (a translation), or null for the default one. */
  variant: string | null;
  subject: string;
  /** What the customer reads, placeholders filled in. */
  bodyText: string;
  /** The comment as sent (see ticket-html.ts). */
  bodyHtml: string;
  /** Placeholders shown without a fallback whose value is empty for this customer. */
  emptyPlaceholders: string[];
}

interface CompiledVariant {
  locale: string | null;
  subject: CompiledText;
  body: CompiledText;
}

/** The same language: `ko` covers `ko-KR`, `pt-BR` only itself. */
function languageMatches(variant: string, customer: string): boolean {
  const a = variant.toLowerCase();
  const b = customer.toLowerCase();
  return a === b || (!a.includes('-') && b.split('-')[0] === a);
}

/**
 * The ticket text of a campaign, compiled once and rendered per customer. Customers whose Zendesk
 * language has a translation get it; everyone else gets the default text.
 */
export class CampaignTemplate {
  private readonly variants: CompiledVariant[];
  private readonly fields: PlaceholderFields;

  constructor(
    draft: Pick<TicketDraft, 'subject' | 'body' | 'translations'>,
    fields: PlaceholderFields,
    private readonly words: (locale: string) => YesNo,
  ) {
    this.fields = fields;
    const known = new Set(knownPlaceholders(fields));
    const inBody = (path: string) => known.has(path);
    // Zendesk fills its placeholders in comments only: in a subject they would stay as written.
    const inSubject = (path: string) =>
      known.has(path) && !(PASSTHROUGH_PLACEHOLDERS as readonly string[]).includes(path);
    const compile = (locale: string | null, subject: string, body: string): CompiledVariant => ({
      locale,
      subject: compileText(subject, inSubject),
      body: compileText(body, inBody),
    });
    this.variants = [
      compile(null, draft.subject, draft.body),
      ...draft.translations.map((t) => compile(t.locale, t.subject, t.body)),
    ];
  }

  get problems(): LocatedProblem[] {
    return this.variants.flatMap((v) => [
      ...v.subject.problems.map((problem) => ({ part: 'subject' as const, locale: v.locale, problem })),
      ...v.body.problems.map((problem) => ({ part: 'body' as const, locale: v.locale, problem })),
    ]);
  }

  /** Every placeholder the texts use, once. */
  get uses() {
    const all = this.variants.flatMap((v) => [...v.subject.uses, ...v.body.uses]);
    return [...new Map(all.map((u) => [u.path, u])).values()];
  }

  variantFor(user: User): CompiledVariant {
    const locale = usableLocale(user.locale);
    return this.variants.find((v) => v.locale !== null && languageMatches(v.locale, locale)) ?? this.defaultVariant;
  }

  private get defaultVariant(): CompiledVariant {
    const first = this.variants[0];
    if (!first) throw new Error('a campaign template always has its default text');
    return first;
  }

  render(user: User, organization: Organization | null): RenderedTicket {
    const variant = this.variantFor(user);
    const { scope, byPath } = customerValues(user, organization, this.fields, this.words);
    const clean = sanitiseScope(scope);
    const full = { ...clean, ...passthroughScope() };
    // Text with an unknown placeholder still renders (the unknown one as blank) so the preview shows
    // the rest; the checks block sending. A syntax error or an unusable tag leaves nothing to show.
    const render = (compiled: CompiledText) => {
      if (compiled.problems.some((p) => p.kind !== 'unknown_placeholder')) return '';
      try {
        return renderText(compiled, full);
      } catch {
        return '';
      }
    };
    const subject = render(variant.subject).replace(/\s+/g, ' ').trim();
    const body = render(variant.body);
    const emptyPlaceholders = [...variant.subject.uses, ...variant.body.uses]
      .filter((u) => u.shown && !u.hasFallback && byPath.has(u.path) && (byPath.get(u.path) ?? '').trim() === '')
      .map((u) => u.path);
    return {
      variant: variant.locale,
      subject: inertSubject(subject),
      bodyText: readableText(body),
      bodyHtml: ticketHtml(body),
      emptyPlaceholders: [...new Set(emptyPlaceholders)],
    };
  }
}

/** Customer values lose any private-use marker characters (see ticket-html.ts) before rendering. */
function sanitiseScope(value: unknown): Record<string, unknown> {
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return withoutMarkers(v);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
    return v;
  };
  return clean(value) as Record<string, unknown>;
}
