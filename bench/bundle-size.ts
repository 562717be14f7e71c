import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  totalBytes: number;
  totalGzipBytes: number;
}

/** What an agent's browser downloads when the app opens: the JS and CSS of dist/assets. */
export function measureBundle(assetsDir: string): BundleSize {
  if (!existsSync(assetsDir)) throw new Error(`${assetsDir} is missing: run npm run build first`);
  const files = readdirSync(assetsDir)
    .filter((name) => /\.(js|css|html)$/.test(name))
    .map((name) => {
      const content = readFileSync(join(assetsDir, name));
      return {
        file: name,
        bytes: statSync(join(assetsDir, name)).size,
        gzipBytes: gzipSync(content, { level: 9 }).length,
      };
    });
  return {
    files,
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}
