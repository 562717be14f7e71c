import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox-server.ts';
import type { Faults, Simulator, SimulatorOptions } from '../../sandbox/simulator/index.ts';
import { launch, watchProblems, type PageProblems } from './browser.ts';

export type Role = 'admin' | 'agent' | 'custom';
export type Locale = 'en-US' | 'ko' | 'ja';

export interface OpenAppOptions {
  /** Who is signed in to the host page; default admin. */
  role?: Role;
  /** The agent's Zendesk locale; default en-US. */
  locale?: Locale;
  /** Simulator faults in force from the app's first request; default none. */
  faults?: Faults;
  /**
   * Failed responses the test provokes on purpose, e.g. `/status of 5\d\d/` under injected 5xx.
   * Any other failed load (a 404 for an asset, an unexpected 403) fails the test.
   */
  failedLoads?: RegExp;
}

export interface OpenedApp {
  /** The host page, "Zendesk": nav bar, role and language switches, traffic log. */
  page: Page;
  /** Find things in the app by role and label, as a person would. */
  app: FrameLocator;
  /** The app's own frame (cross-origin): for axe (axeViolations) and evaluate. */
  frame: Frame;
  /** Errors, failed loads and CSP violations so far (checked again after the test). */
  problems: PageProblems;
}

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
}

export interface SandboxFixture {
  /** A fresh browser context and host page, signed in as `role` in `locale`, with the app opened from the nav bar. */
  openApp(options?: OpenAppOptions): Promise<OpenedApp>;
  /** The app's index.html opened directly, outside Zendesk, in a fresh context. */
  openDirect(options?: Pick<OpenAppOptions, 'failedLoads'>): Promise<OpenedPage>;
  /** The simulator behind the sandbox, reset (faults off) before each test. */
  readonly simulator: Simulator;
  readonly sandbox: Sandbox;
}

export const APP_FRAME = 'iframe[title="Proactive Campaigns"]';

/**
 * One sandbox and one browser for the test file; for each test a freshly seeded simulator with
 * no faults and a fresh browser context, so every test runs the same alone or in any order
 * (`vitest run --project e2e -t "<name>"`). After each test, every page it opened must have had
 * no page errors, no console errors, no unexpected failed loads and no CSP violations.
 *
 * Call it at the top of a `describe`; `chromiumPath` comes from chromiumOrSkip().
 */
export function useSandbox(
  chromiumPath: string | undefined,
  options: { simulator?: SimulatorOptions } = {},
): SandboxFixture {
  let sandbox: Sandbox | undefined;
  let browser: Browser | undefined;
  let opened: Array<{ context: BrowserContext; problems: PageProblems; failedLoads?: RegExp }> = [];

  beforeAll(async () => {
    sandbox = await startSandbox({
      hostPort: 0,
      appPort: 0,
      simulatorPort: 0,
      distDir: inject('distDir'),
      simulator: options.simulator ?? { seed: 11, users: 600 },
    });
    browser = await launch(chromiumPath ?? '');
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  beforeEach(() => {
    const simulator = started().simulator;
    // reset() keeps the faults in force, so clear them first: every test starts with a healthy Zendesk.
    simulator.setFaults({});
    simulator.reset();
  });

  afterEach(async () => {
    const contexts = opened;
    opened = [];
    await Promise.all(contexts.map(({ context }) => context.close()));
    for (const { problems, failedLoads } of contexts) {
      expect(problems.csp, 'Content-Security-Policy violations').toEqual([]);
      expect(problems.errors, 'page errors and console errors').toEqual([]);
      const unexpected = problems.failedLoads.filter((text) => !failedLoads?.test(text));
      expect(unexpected, 'failed loads the test did not provoke').toEqual([]);
    }
  });

  const started = (): Sandbox => {
    if (!sandbox) throw new Error('the sandbox is not running: call useSandbox() inside a describe');
    return sandbox;
  };

  async function newPage(failedLoads?: RegExp): Promise<OpenedPage> {
    if (!browser) throw new Error('no browser: call useSandbox() inside a describe');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const problems = await watchProblems(context);
    opened.push({ context, problems, failedLoads });
    return { page: await context.newPage(), problems };
  }

  return {
    get simulator() {
      return started().simulator;
    },
    get sandbox() {
      return started();
    },

    async openApp({ role = 'admin', locale = 'en-US', faults, failedLoads }: OpenAppOptions = {}) {
      const { page, problems } = await newPage(failedLoads);
      await page.goto(started().hostUrl);
      await page.locator('body[data-ready="true"]').waitFor();
      // After the host page has read its staff list from the simulator: the faults are for the app.
      if (faults) started().simulator.setFaults(faults);
      // Chosen before the app opens, so its first session is already this user in this language.
      await page.getByLabel('Signed in as').selectOption(role);
      await page.getByLabel('Language').selectOption(locale);
      await page.getByRole('button', { name: 'Proactive Campaigns' }).click();
      const app = page.frameLocator(APP_FRAME);
      await app.getByRole('heading', { level: 1 }).waitFor();
      const frame = await (await page.locator(APP_FRAME).elementHandle())?.contentFrame();
      if (!frame) throw new Error('the app iframe has no frame');
      return { page, app, frame, problems };
    },

    async openDirect({ failedLoads }: Pick<OpenAppOptions, 'failedLoads'> = {}) {
      // A top-level page asks for /favicon.ico, which the app (always framed in Zendesk) has not got.
      const favicon = /status of 404 .*\/favicon\.ico$/;
      const opened = await newPage(failedLoads ? new RegExp(`${favicon.source}|${failedLoads.source}`) : favicon);
      await opened.page.goto(started().appUrl);
      return opened;
    },
  };
}
