import ZAFClient from 'zendesk_app_framework_sdk';
import type { ZafClient } from './client.ts';

/**
 * The real SDK. Kept apart from connect.ts because the SDK reads `window` when imported, and
 * the adapter itself must stay importable (and testable) without it.
 */
export function initSdkClient(): ZafClient | false {
  return ZAFClient.init();
}
