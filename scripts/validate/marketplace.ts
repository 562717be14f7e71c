import { error, isObject, warning, type AppPackage, type Problem } from './types.ts';

/** ZAS `validations/marketplace.rb`: the experiments a Marketplace (public) app may switch on. */
const MARKETPLACE_EXPERIMENTS = ['hashParams', 'newCssCompiler'];

/** No symlinks anywhere, one manifest, and (for public apps) only whitelisted experiments. */
export function checkMarketplace(pkg: AppPackage): Problem[] {
  const problems = pkg.symlinks.map((link) =>
    error('symlink_in_zip', link, 'Symlinks are not allowed in the zip file'),
  );
  // Zendesk reads only the root manifest; a second one usually means a folder was zipped twice.
  for (const stray of pkg.files.filter((file) => file.endsWith('/manifest.json'))) {
    problems.push(
      warning(
        'stray_manifest',
        stray,
        `${stray} is ignored: Zendesk reads only the manifest.json at the package root.`,
      ),
    );
  }
  const { experiments } = pkg.manifest;
  if (pkg.manifest.private === false && isObject(experiments)) {
    for (const name of Object.keys(experiments).filter((key) => !MARKETPLACE_EXPERIMENTS.includes(key))) {
      problems.push(
        error('invalid_experiment', 'manifest.json', `Manifest specifies unknown or unavailable experiment: ${name}`),
      );
    }
  }
  return problems;
}
