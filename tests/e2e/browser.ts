import { chromium, type Browser, type Page } from 'playwright-core';
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

/**
 * Page errors and console errors from the page and its frames. Chromium logs every non-2xx
 * response as "Failed to load resource"; those are expected while faults are injected and are
 * kept apart from real errors.
 */
export function collectErrors(page: Page): { errors: string[]; failedLoads: string[] } {
  const errors: string[] = [];
  const failedLoads: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource')) failedLoads.push(message.text());
    else errors.push(`console: ${message.text()}`);
  });
  return { errors, failedLoads };
}
