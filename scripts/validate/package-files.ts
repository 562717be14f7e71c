import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PackageListing {
  files: string[];
  symlinks: string[];
}

/**
 * Lists the package the way Zendesk sees it: every regular file below the root except `tmp/`
 * (ZAS `package.rb` drops it, and zcli writes its scratch zips there). Symlinks are reported,
 * not followed: the Marketplace rejects them outright.
 */
export function listPackage(root: string): PackageListing {
  const files: string[] = [];
  const symlinks: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (path === 'tmp') continue;
      const stat = lstatSync(join(root, path));
      if (stat.isSymbolicLink()) symlinks.push(path);
      else if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) files.push(path);
    }
  };
  walk('');
  return { files: files.sort(), symlinks: symlinks.sort() };
}

export function readPackageFile(root: string, path: string): Buffer {
  return readFileSync(join(root, path));
}
