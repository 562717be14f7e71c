import type { Identifier } from '../../domain/audience/customer-file.ts';
import { searchValue } from '../../domain/audience/placement.ts';
import { EVERYONE, MAX_QUERY_WORDS } from '../../domain/audience/plan.ts';
import {
  countSearch,
  listUserIdentities,
  showManyUsersByExternalIds,
  type SupportApiClient,
  type User,
} from '../../zendesk/index.ts';
import { EXPORT_PAGE_SIZE, SearchExports } from './search-exports.ts';

export interface FileMatch {
  /** Matched rows, each with its customer (file order; a customer named twice appears once). */
  matched: Array<{ identifier: Identifier; user: User }>;
  unmatched: Identifier[];
  /** Rows naming a customer an earlier row already named (e.g. by email and by external id). */
  sameCustomer: Identifier[];
}

/**
 * Finds the customers a file names, with the fewest requests: per 100 external ids a show_many,
 * per 64 emails a search (`email:a email:b` is an OR), unless exporting the whole account
 * (1,000 users a page) is cheaper, which it is for large files. Emails not found as a primary
 * address are looked up by search afterwards, which also knows secondary email identities.
 */
export async function matchCustomerFile(
  api: SupportApiClient,
  identifiers: readonly Identifier[],
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<FileMatch> {
  const { signal } = options;
  const emails = identifiers.filter((i) => i.kind === 'email');
  const externalIds = identifiers.filter((i) => i.kind === 'external_id');
  const found = new Map<string, User>();
  const key = (i: Identifier) => `${i.kind}:${i.key}`;
  const report = () => options.onProgress?.(found.size, identifiers.length);

  const lookups = Math.ceil(emails.length / MAX_QUERY_WORDS) + Math.ceil(externalIds.length / 100);
  let exported = false;
  if (lookups > 3) {
    const everyone = await countSearch(api, 'type:user', { signal });
    if (Math.ceil(everyone / EXPORT_PAGE_SIZE) < lookups) {
      const wanted = new Set(identifiers.map(key));
      const users = await new SearchExports(api).users(EVERYONE, () => {}, signal);
      for (const user of users) {
        for (const k of [`email:${user.email?.toLowerCase()}`, `external_id:${user.external_id?.toLowerCase()}`]) {
          if (wanted.has(k)) found.set(k, user);
        }
      }
      exported = true;
      report();
    }
  }

  if (!exported && externalIds.length > 0) {
    const users = await showManyUsersByExternalIds(
      api,
      externalIds.map((i) => i.value),
      { signal },
    );
    for (const user of users) if (user.external_id) found.set(`external_id:${user.external_id.toLowerCase()}`, user);
    report();
  }

  // Emails still unknown: search, which matches secondary addresses too (an exported user record
  // only carries the primary one).
  const pending = emails.filter((i) => !found.has(key(i)) && searchValue(i.value) === i.value);
  const exports = new SearchExports(api);
  for (let start = 0; start < pending.length; start += MAX_QUERY_WORDS) {
    const chunk = pending.slice(start, start + MAX_QUERY_WORDS);
    const open = new Set(chunk.map((i) => i.key));
    const users = await exports.users(chunk.map((i) => `email:${i.value}`).join(' '), () => {}, signal);
    for (const user of users) {
      const primary = user.email?.toLowerCase();
      if (primary && open.has(primary)) {
        found.set(`email:${primary}`, user);
        open.delete(primary);
      }
    }
    // Addresses still open belong to someone as a secondary address (perhaps a customer whose
    // primary address is also in the file). Asking search for just those finds their owners, and
    // only those owners' identities need reading.
    if (open.size > 0 && users.length > 0) {
      const owners = await exports.users([...open].map((key) => `email:${key}`).join(' '), () => {}, signal);
      for (const user of owners) {
        const identities = await listUserIdentities(api, user.id, { signal });
        for (const identity of identities) {
          const value = identity.value.toLowerCase();
          if (identity.type === 'email' && open.has(value)) {
            found.set(`email:${value}`, user);
            open.delete(value);
          }
        }
      }
    }
    report();
  }

  const matched: FileMatch['matched'] = [];
  const unmatched: Identifier[] = [];
  const sameCustomer: Identifier[] = [];
  const taken = new Set<number>();
  for (const identifier of identifiers) {
    const user = found.get(key(identifier));
    if (!user) unmatched.push(identifier);
    else if (taken.has(user.id)) sameCustomer.push(identifier);
    else {
      taken.add(user.id);
      matched.push({ identifier, user });
    }
  }
  return { matched, unmatched, sameCustomer };
}
