import { error, isObject, type JsonObject, type Problem } from './types.ts';

export type ManifestLoad = { manifest: JsonObject; problems: [] } | { manifest: undefined; problems: Problem[] };

/**
 * ZAS looks for manifest.json at the root of the zip only; a copy one folder down means the zip
 * was made from the parent directory (`nested_manifest`), which is the commonest upload mistake.
 */
export function loadManifest(files: string[], read: (path: string) => Buffer): ManifestLoad {
  if (!files.includes('manifest.json')) {
    const nested = files.find((file) => /^[^/]+\/manifest\.json$/.test(file));
    const problem = nested
      ? error(
          'nested_manifest',
          nested,
          `Could not find manifest.json in the root of the zip file, but ${nested} was found. Try re-creating the archive from this directory.`,
        )
      : error('missing_manifest', 'manifest.json', 'Could not find manifest.json');
    return { manifest: undefined, problems: [problem] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(read('manifest.json').toString('utf8'));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return {
      manifest: undefined,
      problems: [error('manifest_not_json', 'manifest.json', `manifest is not proper JSON. ${detail}`)],
    };
  }
  if (!isObject(parsed)) {
    return {
      manifest: undefined,
      problems: [error('manifest_not_json', 'manifest.json', 'manifest is not proper JSON. Expected an object.')],
    };
  }
  return { manifest: parsed, problems: [] };
}
