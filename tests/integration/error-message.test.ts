import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translate.ts';
import { errorMessage } from '../../src/ui/shared/error-message.ts';
import { ZendeskError, type ZendeskErrorKind } from '../../src/zendesk/errors.ts';
import { NetworkFailure } from '../../src/zendesk/transport.ts';

const kinds: ZendeskErrorKind[] = [
  'validation',
  'bad_request',
  'auth',
  'permission',
  'not_found',
  'conflict',
  'rate_limited',
  'server',
  'network',
  'invalid_response',
];

function failure(kind: ZendeskErrorKind, extra: Partial<ConstructorParameters<typeof ZendeskError>[0]> = {}) {
  return new ZendeskError({ kind, method: 'GET', url: '/api/v2/users', message: `raw ${kind} detail`, ...extra });
}

describe('errorMessage: every kind of failure becomes one translated sentence', () => {
  it.each(['en', 'ko', 'ja'] as const)('gives each kind its own message in %s, never the raw error', (locale) => {
    const t = createTranslator(locale);
    const messages = kinds.map((kind) => errorMessage(failure(kind), t));
    expect(new Set(messages).size).toBe(kinds.length);
    for (const message of messages) expect(message).not.toMatch(/raw .* detail/);
  });

  it('says how long to wait when Zendesk sent Retry-After', () => {
    const t = createTranslator('en');
    expect(errorMessage(failure('rate_limited', { retryAfterSeconds: 12.2 }), t)).toContain('13 seconds');
  });

  it("lists Zendesk's per-field reasons for a 422", () => {
    const t = createTranslator('en');
    const message = errorMessage(failure('validation', { details: { requester: ['is invalid'] } }), t);
    expect(message).toBe('Zendesk did not accept the data: requester: is invalid');
  });

  it('treats a lost connection from the transport as a network problem', () => {
    expect(errorMessage(new NetworkFailure('socket hang up'), createTranslator('ko'))).toBe(
      createTranslator('ko')('errors.network'),
    );
  });

  it('still says something useful for an unexpected error', () => {
    expect(errorMessage(new Error('boom'), createTranslator('en'))).toBe('An unexpected error occurred: boom');
  });
});
