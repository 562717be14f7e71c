import type { Organization, User } from '../../zendesk/index.ts';

/**
 * A customer as the audience sees them: their user record and every organization they belong to
 * (Zendesk lets an end user be a member of several; `organization_id` is only the default one).
 */
export interface Customer {
  user: User;
  organizations: readonly Organization[];
}

/** The part of the email address after the @, lower case; undefined without an email. */
export function emailDomain(email: string | null | undefined): string | undefined {
  if (!email) return undefined;
  const at = email.lastIndexOf('@');
  return at === -1
    ? undefined
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}
