import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from 'playwright-core';

/** What axe-core found wrong, trimmed to what a failing test should print. */
export interface AxeViolation {
  /** The rule, e.g. `color-contrast`, `button-name`: https://dequeuniversity.com/rules/axe/4.14/<id> */
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
  /** The offending elements' markup (cut short), to recognise a styled-component's hashed class. */
  html: string[];
}

/** WCAG 2.0 and 2.1, levels A and AA: what the Zendesk Marketplace and most buyers ask for. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on a frame's document (the app's iframe, usually) and returns its violations.
 *
 * axe is evaluated through the DevTools protocol, not added as a `<script>`: the app lives under
 * `script-src 'self'`, which refuses an inline script tag (and would report a CSP violation).
 * Call it once the screen has settled (data loaded), or it checks the loading skeleton; CSS
 * transitions still running are waited for.
 */
export async function axeViolations(
  frame: Frame,
  options: { include?: string; tags?: readonly string[] } = {},
): Promise<AxeViolation[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  return frame.evaluate(
    async ({ include, tags }) => {
      interface AxeResult {
        violations: Array<{
          id: string;
          impact?: string | null;
          help: string;
          nodes: Array<{ target: unknown[]; html: string }>;
        }>;
      }
      // Colours mid-transition (Garden buttons fade between states) are not what anyone reads:
      // let finite transitions and animations end first; spinners loop forever and are left be.
      const finite = document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
      const settled = Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((node) => node.target.map(String).join(' ')),
        html: v.nodes.map((node) => node.html.slice(0, 200)),
      }));
    },
    { include: options.include, tags: [...(options.tags ?? WCAG_21_AA)] },
  );
}
