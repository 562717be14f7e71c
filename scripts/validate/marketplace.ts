import { error, isObject, type AppPackage, type Problem } from './types.ts';

/** ZAS `validations/marketplace.rb`: the experiments a Marketplace (public) app may switch on. */
const MARKETPLACE_EXPERIMENTS = ['hashParams', 'newCssCompiler'];

/** No symlinks anywhere, and (for public apps) only whitelisted experiments. */
export function checkMarketplace(pkg: AppPackage): Problem[] {
  const problems = pkg.symlinks.map((link) =>
    error('symlink_in_zip', link, 'Symlinks are not allowed in the zip file'),
  );
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
