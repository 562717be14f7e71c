import { error, warning, type AppPackage, type Problem } from './types.ts';

/**
 * ZAS runs every SVG through Loofah. A bitmap inside (an `<image>` or a `data:` URI) makes Zendesk
 * swap the icon for a placeholder (warning `bitmap_in_svg`); active or external content it cannot
 * clean fails the upload (`dirty_svg`). We approximate Loofah's verdict with the markup it strips.
 */
const DIRTY_MARKUP: RegExp[] = [
  /<script[\s>/]/i,
  /<foreignObject[\s>/]/i,
  /<(iframe|embed|object)[\s>/]/i,
  /\son[a-z]+\s*=/i,
  /(?:xlink:)?href\s*=\s*["']\s*(?:https?:|\/\/|javascript:)/i,
  /url\(\s*["']?\s*(?:https?:|\/\/|javascript:)/i,
];
const BITMAP_MARKUP: RegExp[] = [/<image[\s>/]/i, /data:image\//i];

export function checkSvgs(pkg: AppPackage): Problem[] {
  const problems: Problem[] = [];
  for (const file of pkg.files.filter((f) => f.toLowerCase().endsWith('.svg'))) {
    const text = pkg.read(file).toString('utf8');
    if (DIRTY_MARKUP.some((pattern) => pattern.test(text))) {
      problems.push(
        error('dirty_svg', file, `${file} contains invalid markup and could not be automatically regenerated.`),
      );
    } else if (BITMAP_MARKUP.some((pattern) => pattern.test(text))) {
      problems.push(
        warning(
          'bitmap_in_svg',
          file,
          `${file} contains an embedded bitmap and cannot be used as an app icon. It has been replaced with a default placeholder icon.`,
        ),
      );
    }
  }
  return problems;
}
