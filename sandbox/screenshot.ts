import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/chromium.ts';
import { startSandbox } from './sandbox-server.ts';

/**
 * Writes assets/screenshots/sandbox-home.png (1280×800): the app's home screen inside the local
 * Zendesk sandbox, as an agent sees it. Needs a built app (`npm run build`).
 * `tsx sandbox/screenshot.ts sandbox-home-ko.png ko` shoots the Korean UI instead.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(repoRoot, 'assets', 'screenshots', process.argv[2] ?? 'sandbox-home.png');
const locale = process.argv[3] ?? 'en-US';

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium');

const sandbox = await startSandbox({ hostPort: 0, appPort: 0, simulatorPort: 0 });
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(sandbox.hostUrl);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByLabel('Language').selectOption(locale);
  await page.getByRole('button', { name: 'Proactive Campaigns' }).click();
  const app = page.frameLocator('iframe[title="Proactive Campaigns"]');
  // Two field tables and the customer count: everything the home screen loads.
  await app.getByRole('table').nth(1).waitFor();
  await app.locator('p[aria-label]').first().waitFor();
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`Wrote ${output}`);
} finally {
  await browser.close();
  await sandbox.close();
}
