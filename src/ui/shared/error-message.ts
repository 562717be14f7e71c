import type { Translate } from '../../i18n/translate.ts';
import { NetworkFailure, ZendeskError, type ZendeskErrorKind } from '../../zendesk/index.ts';

/**
 * The one place where a failure becomes words for the agent. Raw API errors (a 403 body, a
 * stack trace) never reach the screen; each kind of failure has one translated message.
 */
const messageKeyByKind: Record<ZendeskErrorKind, string> = {
  permission: 'errors.permission',
  auth: 'errors.auth',
  rate_limited: 'errors.rate_limited',
  server: 'errors.server',
  network: 'errors.network',
  not_found: 'errors.not_found',
  validation: 'errors.validation_generic',
  bad_request: 'errors.bad_request',
  conflict: 'errors.conflict',
  invalid_response: 'errors.invalid_response',
};

export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof NetworkFailure) return t('errors.network');
  if (!(error instanceof ZendeskError)) {
    return t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
  }
  if (error.kind === 'rate_limited' && error.retryAfterSeconds !== undefined) {
    return t('errors.rate_limited_wait', { seconds: Math.ceil(error.retryAfterSeconds) });
  }
  if (error.kind === 'validation' && error.details && Object.keys(error.details).length > 0) {
    // Zendesk's per-field messages are already in the agent's language (Zendesk localises them).
    const details = Object.entries(error.details)
      .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
      .join('; ');
    return t('errors.validation', { details });
  }
  return t(messageKeyByKind[error.kind]);
}
