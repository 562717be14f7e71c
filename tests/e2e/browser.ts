import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.ts';

/**
 * The system Chromium, or a clear verdict when there is none: in CI that is a failure (the e2e
 * suite must run there), on a laptop the suite is skipped with a loud message.
 */
export function chromiumOrSkip(): string | undefined {
  const path = findChromium();
  if (path) return path;
  const message = 'No Chromium found (set CHROMIUM_PATH or install the chromium package): end-to-end tests cannot run.';
  if (process.env.CI) throw new Error(message);
  console.warn(`\n*** SKIPPING END-TO-END TESTS *** ${message}\n`);
  return undefined;
}

export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/** One Content-Security-Policy violation, as the document that suffered it reported it. */
export interface CspViolation {
  directive: string;
  /** `inline`, `eval`, or the URL that was refused. */
  blocked: string;
  /** Where the offending code is, when the browser knows. */
  source: string;
  /** The document the violation happened in (the app's frame, usually). */
  documentUrl: string;
}

/** What went wrong in a browser context's pages and frames while a test drove them. */
export interface PageProblems {
  /** Uncaught exceptions and console errors. */
  errors: string[];
  /**
   * Chromium logs every non-2xx response as "Failed to load resource". Expected while faults are
   * injected (or for a 403 a role earns); kept apart so a test can say which ones it expects.
   */
  failedLoads: string[];
  /** Every `securitypolicyviolation`, and every "Refused to …" console message. */
  csp: Array<CspViolation | string>;
}

const CSP_BINDING = '__e2eReportCspViolation';

/**
 * Watches every page and frame of a context, including the cross-origin app iframe: page errors,
 * console errors, and CSP violations. Call before the first page opens: the listener is an init
 * script, so it is in place before any of the document's own scripts run.
 */
export async function watchProblems(context: BrowserContext): Promise<PageProblems> {
  const problems: PageProblems = { errors: [], failedLoads: [], csp: [] };
  await context.exposeBinding(CSP_BINDING, (_source, violation: CspViolation) => {
    problems.csp.push(violation);
  });
  await context.addInitScript((binding: string) => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, (v: unknown) => void>)[binding];
        report?.({
          directive: event.effectiveDirective || event.violatedDirective,
          blocked: event.blockedURI || 'inline',
          source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : '',
          documentUrl: event.documentURI,
        });
      },
      true,
    );
  }, CSP_BINDING);
  const watchPage = (page: Page) => {
    page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      const text = message.text();
      if (/^Refused to |Content[- ]Security[- ]Policy/i.test(text)) problems.csp.push(text);
      else if (message.type() !== 'error') return;
      else if (text.startsWith('Failed to load resource'))
        problems.failedLoads.push(`${text}: ${message.location().url}`);
      else problems.errors.push(`console: ${text}`);
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return problems;
}
