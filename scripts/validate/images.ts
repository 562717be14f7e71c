import { isPng, readPngSize } from '../lib/png.ts';
import { isObject, error, warning, type AppPackage, type Problem } from './types.ts';

const BANNER = 'assets/banner.png';
const BANNER_SIZES = ['830x200', '1660x400'];
/**
 * Zendesk's docs require both logos in every package; ZAS does not read their size, but both
 * official scaffolds ship 320×320 and 128×128 and the Marketplace shows them at those sizes.
 */
const LOGOS: Array<{ file: string; size: string }> = [
  { file: 'assets/logo.png', size: '320x320' },
  { file: 'assets/logo-small.png', size: '128x128' },
];

/** The optional Marketplace banner, the two logos, and the nav-bar icon. */
export function checkImages(pkg: AppPackage): Problem[] {
  const problems: Problem[] = [];
  if (pkg.has(BANNER)) {
    const bytes = pkg.read(BANNER);
    const size = readPngSize(bytes);
    if (!isPng(bytes) || !size)
      problems.push(error('banner.invalid_format', BANNER, 'Banner image must be a PNG file.'));
    else if (!BANNER_SIZES.includes(`${size.width}x${size.height}`)) {
      problems.push(
        error(
          'banner.invalid_size',
          BANNER,
          `Invalid banner image dimensions. Must be 830x200px or 1660x400px (got ${size.width}x${size.height}px).`,
        ),
      );
    }
  }
  for (const { file, size: wanted } of LOGOS) {
    if (!pkg.has(file)) {
      problems.push(
        error('missing_logo', file, `Missing ${file}: Zendesk requires assets/logo.png and assets/logo-small.png.`),
      );
      continue;
    }
    const size = readPngSize(pkg.read(file));
    if (!size) {
      problems.push(error('logo_format', file, `${file} must be a PNG file.`));
    } else if (`${size.width}x${size.height}` !== wanted) {
      problems.push(
        error(
          'logo_size',
          file,
          `${file} is ${size.width}x${size.height}px; it must be ${wanted}px (our rule: the size Zendesk's scaffolds use).`,
        ),
      );
    }
  }
  problems.push(...checkNavBarIcon(pkg));
  return problems;
}

/**
 * A nav_bar app without `assets/icon_nav_bar.svg` (or `assets/<product>/icon_nav_bar.svg` in a
 * multi-product app) still installs, but shows a generic icon in the agent's left bar.
 */
function checkNavBarIcon(pkg: AppPackage): Problem[] {
  const location = isObject(pkg.manifest.location) ? pkg.manifest.location : {};
  const products = Object.keys(location);
  const problems: Problem[] = [];
  for (const product of products) {
    const locations = location[product];
    if (!isObject(locations) || !('nav_bar' in locations)) continue;
    const candidates = ['assets/icon_nav_bar.svg', `assets/${product}/icon_nav_bar.svg`];
    if (candidates.some((file) => pkg.has(file))) continue;
    problems.push(
      warning(
        'missing_nav_bar_icon',
        'assets/icon_nav_bar.svg',
        `No nav-bar icon: ${product}'s nav_bar location will show Zendesk's placeholder. Add assets/icon_nav_bar.svg.`,
      ),
    );
  }
  return problems;
}
