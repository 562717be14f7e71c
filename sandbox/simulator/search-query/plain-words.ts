/** Words without a keyword: what text each record type offers them, and the email-domain rule for users. */
import type { JsonRecord, RecordTest } from './fields.ts';
import { userEmails } from './keywords.ts';
import type { SearchableType, SearchContext, SearchTerm } from './types.ts';
import { hasSearchableText, phraseMatcher, scalarText, stringList } from './values.ts';

/** The properties plain words search, per type. */
const PLAIN_TEXT: Record<SearchableType, readonly string[]> = {
  user: ['name', 'notes', 'details'],
  organization: ['name', 'notes', 'details', 'domain_names'],
  // A bare ticket number finds the ticket, as in Zendesk's search box.
  ticket: ['id', 'subject', 'description'],
  group: ['name'],
};

function textsOf(record: JsonRecord, names: readonly string[]): string[] {
  const texts: string[] = [];
  for (const name of names) {
    const value = record[name];
    if (Array.isArray(value)) texts.push(...stringList(value));
    else {
      const text = scalarText(value);
      if (text !== undefined && text !== '') texts.push(text);
    }
  }
  return texts;
}

/** `acme-corp.example.com`: labels of letters, digits and hyphens, the last one starting with a letter. */
const DOMAIN_WORD = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]*$/u;

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * A plain word (or an unknown `foo:bar`, searched as that text) as a record test, or undefined
 * when it carries nothing to search for (the `<` of `created < 2025-01-01`).
 *
 * Users: HC-SU "type:user mondocam.com" finds users by their email domain. We read a bare domain
 * as exactly that domain (not its subdomains: (unverified), the stricter reading), on any of the
 * user's email identities like `email:` does (secondary addresses too: (unverified); a client that
 * wants the primary domain only must check `user.email` itself), or as the phrase in name, notes
 * or details. Other words also match the words of the user's addresses (`ann` finds ann@acme.com).
 */
export function plainWordTest(term: SearchTerm, type: SearchableType, ctx: SearchContext): RecordTest | undefined {
  const raw = term.keyword === undefined ? term.value : term.raw;
  if (!hasSearchableText(raw)) return undefined;
  const text = term.keyword === undefined ? term.value : term.raw.replace(/"/g, '');
  const phrase = phraseMatcher(text, false);
  if (!phrase) return undefined;
  const names = PLAIN_TEXT[type];
  if (type !== 'user') return (record) => phrase(textsOf(record, names));
  if (term.keyword === undefined && DOMAIN_WORD.test(text.trim())) {
    const domain = text.trim().toLowerCase();
    return (record) =>
      userEmails(record, ctx).some((email) => domainOf(email) === domain) || phrase(textsOf(record, names));
  }
  return (record) => phrase([...textsOf(record, names), ...userEmails(record, ctx)]);
}
