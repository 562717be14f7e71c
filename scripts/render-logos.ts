import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { repoRoot } from './build.ts';
import { chromiumArgs, findChromium } from './chromium.ts';

/**
 * The app's mark: a paper plane (a message sent first, before the customer writes in) on a
 * rounded square in Zendesk's kale green. `npm exec tsx scripts/render-logos.ts` regenerates
 * assets/logo.png (320×320), assets/logo-small.png (128×128) and assets/icon_nav_bar.svg from the
 * shapes below, so the Marketplace logo and the nav-bar icon never drift apart.
 */

/** The plane on an 18×18 grid: two wings that meet at the nose, split by the fold. */
const PLANE_WINGS = ['M17 1 1 7.5l6.1 2.8Z', 'M17 1 7.7 10.9 10.5 17Z'];

export function navBarIconSvg(): string {
  // currentColor: Zendesk tints nav-bar icons itself (grey at rest, white when the app is open).
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 18 18" fill="currentColor">',
    ...PLANE_WINGS.map((d) => `  <path d="${d}"/>`),
    '</svg>',
    '',
  ].join('\n');
}

export function logoSvg(size: number): string {
  const trail = [
    [58, 226, 98, 186],
    [84, 262, 130, 216],
    [124, 276, 150, 250],
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 320 320">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#17494D"/>
      <stop offset="1" stop-color="#03363D"/>
    </linearGradient>
  </defs>
  <rect width="320" height="320" rx="72" fill="url(#bg)"/>
  <g transform="translate(6 -10)">
  <g stroke="#5EAE91" stroke-width="14" stroke-linecap="round">
    ${trail.map(([x1, y1, x2, y2]) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`).join('\n    ')}
  </g>
  <g transform="translate(70 50) scale(10.6)" fill="#FFFFFF" stroke="#FFFFFF" stroke-width="0.35" stroke-linejoin="round">
    ${PLANE_WINGS.map((d) => `<path d="${d}"/>`).join('\n    ')}
  </g>
  </g>
</svg>`;
}

async function renderPng(svg: string, size: number, executablePath: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    return await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install the chromium package or set CHROMIUM_PATH.');
  const assets = join(repoRoot, 'assets');
  for (const [file, size] of [
    ['logo.png', 320],
    ['logo-small.png', 128],
  ] as const) {
    writeFileSync(join(assets, file), await renderPng(logoSvg(size), size, executablePath));
    console.log(`assets/${file} (${size}x${size})`);
  }
  writeFileSync(join(assets, 'icon_nav_bar.svg'), navBarIconSvg());
  console.log('assets/icon_nav_bar.svg');
}
