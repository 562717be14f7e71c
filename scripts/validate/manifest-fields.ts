import { error, isObject, show, warning, type AppPackage, type Problem } from './types.ts';

const FILE = 'manifest.json';
/** ZAS `app_version.rb`: the only framework version Zendesk still serves. */
const SERVABLE_FRAMEWORK_VERSIONS = ['2.0'];
/** ZAS `translations.rb` VALID_LOCALE, widened to 3-letter languages as `validations/manifest.rb` allows. */
export const VALID_LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/;
const BOOLEAN_FIELDS = ['requirementsOnly', 'marketingOnly', 'singleInstall', 'signedUrls', 'private'];
const STRING_FIELDS = [
  'defaultLocale',
  'version',
  'frameworkVersion',
  'remoteInstallationURL',
  'termsConditionsURL',
  'gaID',
];
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

export function isMarketingOrRequirementsOnly(manifest: AppPackage['manifest']): boolean {
  return manifest.requirementsOnly === true || manifest.marketingOnly === true;
}

/** Required fields, value types, author, default locale, framework version and version. */
export function checkManifestFields(pkg: AppPackage): Problem[] {
  const { manifest } = pkg;
  const problems: Problem[] = [];

  const missing = ['author', 'defaultLocale'].filter((key) => manifest[key] === undefined || manifest[key] === null);
  if (missing.length > 0) problems.push(missingFields(missing));

  for (const field of BOOLEAN_FIELDS) {
    const value = manifest[field];
    if (value !== undefined && typeof value !== 'boolean') {
      problems.push(error('unacceptable_boolean', FILE, `${field} must be a boolean value, got "${show(value)}".`));
    }
  }
  for (const field of STRING_FIELDS) {
    const value = manifest[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      problems.push(error('unacceptable_string', FILE, `${field} must be a string, got "${show(value)}".`));
    }
  }

  problems.push(...checkAuthor(manifest.author));
  if (typeof manifest.termsConditionsURL === 'string') {
    problems.push(...checkUrl(manifest.termsConditionsURL, 'termsConditionsURL'));
  }
  problems.push(...checkDefaultLocale(pkg));

  if (!isMarketingOrRequirementsOnly(manifest)) {
    const version = manifest.frameworkVersion;
    if (version === undefined || version === null) problems.push(missingFields(['frameworkVersion']));
    else if (typeof version === 'string' && !SERVABLE_FRAMEWORK_VERSIONS.includes(version)) {
      problems.push(
        error(
          'invalid_version',
          FILE,
          `${version} is not a valid framework version. Available versions are: ${SERVABLE_FRAMEWORK_VERSIONS.join(', ')}.`,
        ),
      );
    }
  }

  if (manifest.version === undefined) {
    problems.push(warning('missing_version', FILE, 'The manifest has no version; the Marketplace listing shows one.'));
  } else if (typeof manifest.version === 'string' && !SEMVER.test(manifest.version)) {
    problems.push(
      warning(
        'version_not_semver',
        FILE,
        `version "${manifest.version}" is not a semantic version (x.y.z); zcli apps:bump cannot increase it.`,
      ),
    );
  }

  if (manifest.experiments !== undefined && !isObject(manifest.experiments)) {
    const kind = Array.isArray(manifest.experiments) ? 'Array' : typeof manifest.experiments;
    problems.push(
      error(
        'unacceptable_hash',
        FILE,
        `The manifest field experiments needs to be key-value pairs with string keys, but it was ${kind}`,
      ),
    );
  }
  const whitelist = manifest.domainWhitelist;
  if (whitelist !== undefined && !(Array.isArray(whitelist) && whitelist.every((d) => typeof d === 'string'))) {
    problems.push(
      error(
        'unacceptable_array_of_strings',
        FILE,
        'The manifest field domainWhitelist need to be an array containing strings',
      ),
    );
  }
  return problems;
}

export function missingFields(keys: string[]): Problem {
  const noun = keys.length === 1 ? 'field' : 'fields';
  return error('manifest_keys.missing', FILE, `Missing required ${noun} in manifest: ${keys.join(', ')}`);
}

function checkAuthor(author: unknown): Problem[] {
  if (author === undefined || author === null) return [];
  if (!isObject(author)) {
    return [
      error(
        'unacceptable_hash',
        FILE,
        `The manifest field author needs to be key-value pairs with string keys, but it was ${show(author)}`,
      ),
    ];
  }
  const problems: Problem[] = [];
  for (const key of ['name', 'email', 'url']) {
    const value = author[key];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      problems.push(error('unacceptable_string', FILE, `author ${key} must be a string, got "${show(value)}".`));
    }
  }
  if (typeof author.url === 'string') problems.push(...checkUrl(author.url, 'author url'));
  return problems;
}

/** ZAS `validate_url`: an http(s) URL with a host. */
function checkUrl(value: string, field: string): Problem[] {
  let ok = false;
  try {
    const url = new URL(value);
    ok = (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    ok = false;
  }
  return ok ? [] : [error('invalid_url', FILE, `${field} must be a valid URL, got "${value}".`)];
}

function checkDefaultLocale(pkg: AppPackage): Problem[] {
  const locale = pkg.manifest.defaultLocale;
  if (typeof locale !== 'string') return [];
  if (!VALID_LOCALE.test(locale)) {
    return [error('invalid_default_locale', FILE, `${locale} is not a valid default locale.`)];
  }
  const path = `translations/${locale}.json`;
  if (pkg.has(path)) return [];
  return [
    error(
      'missing_translation_file',
      path,
      `Missing translation file for locale '${locale}'. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/deploying#app-internationalization`,
    ),
  ];
}
