import { resolve } from 'node:path';
import { checkImages } from './images.ts';
import { checkLocations } from './locations.ts';
import { loadManifest } from './manifest-file.ts';
import { checkManifestFields } from './manifest-fields.ts';
import { checkMarketplace } from './marketplace.ts';
import { checkMimeTypes } from './mime.ts';
import { listPackage, readPackageFile } from './package-files.ts';
import { checkParameters } from './parameters.ts';
import { checkInsecureRequests } from './requests.ts';
import { checkSecrets } from './secrets.ts';
import { checkSvgs } from './svg.ts';
import { checkTranslations } from './translations.ts';
import type { AppPackage, Problem, Rule } from './types.ts';

export type { Problem, Severity } from './types.ts';

/** In ZAS order (`package.rb`): manifest, marketplace, translations, warnings, then file checks. */
const RULES: Rule[] = [
  checkManifestFields,
  checkLocations,
  checkParameters,
  checkMarketplace,
  checkTranslations,
  checkInsecureRequests,
  checkSecrets,
  checkImages,
  checkSvgs,
  checkMimeTypes,
];

/**
 * Validates an app package directory (what `zcli apps:validate` would upload) offline. When the
 * manifest is missing or unreadable only the problems that need no manifest are reported, as ZAS
 * stops there too.
 */
export function validatePackage(directory: string): Problem[] {
  const root = resolve(directory);
  const { files, symlinks } = listPackage(root);
  const cache = new Map<string, Buffer>();
  const read = (path: string): Buffer => {
    const hit = cache.get(path);
    if (hit) return hit;
    const bytes = readPackageFile(root, path);
    cache.set(path, bytes);
    return bytes;
  };
  const loaded = loadManifest(files, read);
  if (!loaded.manifest) return loaded.problems;
  const fileSet = new Set(files);
  const pkg: AppPackage = { root, files, symlinks, has: (path) => fileSet.has(path), read, manifest: loaded.manifest };
  return RULES.flatMap((rule) => rule(pkg));
}
