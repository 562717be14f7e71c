import { describe, expect, it } from 'vitest';
import { appContentSecurityPolicy } from '../../sandbox/sandbox-server.ts';
import { useSandbox } from './app.ts';
import { axeViolations } from './axe.ts';
import { chromiumOrSkip } from './browser.ts';

const chromiumPath = chromiumOrSkip();

/**
 * The checks the other e2e tests lean on can fail: "0 axe violations" and "no CSP violations" mean
 * something only if a real violation shows up.
 */
describe.skipIf(!chromiumPath)('the e2e checks themselves', () => {
  const e2e = useSandbox(chromiumPath);

  it('axeViolations names the rule, its impact and the element', async () => {
    const { frame } = await e2e.openApp();
    await frame.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'unnamed-button';
      document.body.append(button);
    });
    expect(await axeViolations(frame)).toEqual([
      expect.objectContaining({ id: 'button-name', impact: 'critical', targets: ['#unnamed-button'] }),
    ]);
  });

  it('serves the app with the strict CSP, framed only by the host page', async () => {
    const response = await fetch(e2e.sandbox.appUrl);
    const hostOrigin = new URL(e2e.sandbox.hostUrl).origin;
    expect(response.headers.get('content-security-policy')).toBe(appContentSecurityPolicy(hostOrigin));
    expect(appContentSecurityPolicy(hostOrigin)).toContain(`frame-ancestors ${hostOrigin};`);
  });

  it('catches an inline script and an eval the CSP refused', async () => {
    const { frame, problems } = await e2e.openApp();
    const ran = await frame.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      // A string timer is compiled by the page itself, later: DevTools' own evaluation (this
      // function) is exempt from the CSP, the page's code is not.
      setTimeout('window.__timerRan = true;' as unknown as () => void, 0);
      return '__inlineRan' in window;
    });
    expect(ran).toBe(false);
    await expect.poll(() => problems.csp.length).toBeGreaterThanOrEqual(2);
    expect(await frame.evaluate(() => '__timerRan' in window)).toBe(false);
    expect(problems.csp).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' }),
        expect.objectContaining({ directive: 'script-src', blocked: 'eval' }),
      ]),
    );
    // Provoked on purpose: taken out, so the after-test check (no CSP violations) passes.
    problems.csp.splice(0);
  });
});
