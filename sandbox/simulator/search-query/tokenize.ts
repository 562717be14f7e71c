import { SearchSyntaxError, type SearchOperator, type SearchTerm } from './types.ts';

/** Zendesk refuses queries longer than this (HC-SREF: "max 64 words per query"). */
export const MAX_SEARCH_WORDS = 64;

// Keyword names are field keys: letters, digits, underscores, not starting with a digit, so a
// time such as `10:30` stays a plain word. The longest operator is tried first (`>=` before `>`).
const KEYWORD_TERM = /^([a-z_][a-z0-9_]*)(<=|>=|:|<|>)([\s\S]*)$/i;

/**
 * Splits the query on whitespace outside double quotes. Operators take no spaces around them:
 * `created < 2025-01-01` is three plain words, exactly as Zendesk reads it.
 */
export function splitWords(query: string): string[] {
  const words: string[] = [];
  let current = '';
  let inQuotes = false;
  for (const char of query) {
    if (char === '"') inQuotes = !inQuotes;
    if (!inQuotes && /\s/.test(char)) {
      if (current !== '') words.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  // The docs do not say what an unclosed quote does; we refuse it rather than guess the phrase.
  if (inQuotes) throw new SearchSyntaxError('Unterminated quoted phrase in search query');
  if (current !== '') words.push(current);
  return words;
}

/**
 * Counts words the strict way: every whitespace-separated word, including those inside a quoted
 * phrase (the docs do not say whether `"a b"` is one word or two; counting two refuses more).
 */
export function countWords(query: string): number {
  return query.split(/\s+/).filter((w) => w.replace(/"/g, '') !== '').length;
}

function unquote(value: string): { value: string; quoted: boolean } {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return { value: value.slice(1, -1).replace(/"/g, ''), quoted: true };
  }
  return { value: value.replace(/"/g, ''), quoted: false };
}

export function tokenize(query: string): SearchTerm[] {
  const wordCount = countWords(query);
  if (wordCount > MAX_SEARCH_WORDS) {
    throw new SearchSyntaxError(`Search query has ${wordCount} words; Zendesk allows at most ${MAX_SEARCH_WORDS}`);
  }
  return splitWords(query).flatMap((word): SearchTerm[] => {
    // A lone `-` excludes nothing; it is punctuation, not an operator.
    const negated = word.length > 1 && word.startsWith('-');
    const body = negated ? word.slice(1) : word;
    const keywordMatch = KEYWORD_TERM.exec(body);
    if (keywordMatch) {
      const [, keyword = '', operator = ':', rawValue = ''] = keywordMatch;
      const { value, quoted } = unquote(rawValue);
      // `name:` with nothing after it: Zendesk has nothing to compare, so we refuse the query
      // instead of silently matching everything.
      if (value.trim() === '') throw new SearchSyntaxError(`Missing value after "${keyword}${operator}"`);
      return [
        { negated, keyword: keyword.toLowerCase(), operator: operator as SearchOperator, value, quoted, raw: body },
      ];
    }
    const { value, quoted } = unquote(body);
    if (value.trim() === '') return [];
    return [{ negated, operator: ':', value, quoted, raw: body }];
  });
}
