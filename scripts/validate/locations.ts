import { isMarketingOrRequirementsOnly, missingFields } from './manifest-fields.ts';
import { error, isObject, show, warning, type AppPackage, type Problem } from './types.ts';

const FILE = 'manifest.json';

/**
 * Location names per product. Support's come from ZAS `location.rb`; Chat's and Sell's are the
 * documented ones (not read from ZAS source), kept so a multi-product manifest is not misreported.
 */
export const KNOWN_LOCATIONS: Record<string, string[]> = {
  support: [
    'top_bar',
    'nav_bar',
    'ticket_sidebar',
    'new_ticket_sidebar',
    'user_sidebar',
    'organization_sidebar',
    'background',
    'modal',
    'ticket_editor',
    'system_top_bar',
    'custom_object_record_sidebar',
  ],
  chat: ['chat_sidebar', 'background', 'modal'],
  sell: [
    'top_bar',
    'background',
    'modal',
    'note_editor',
    'call_log_editor',
    'email_editor',
    'person_card',
    'company_card',
    'lead_card',
    'deal_card',
  ],
};

/** ZAS `manifest/location_options.rb`: the only options Zendesk reads; anything else is ignored. */
const LOCATION_OPTIONS = ['url', 'flexible', 'size', 'autoLoad', 'autoHide', 'signed', 'legacy', 'objectTypes'];

/** Products and location names, option keys, `flexible`, and where each location URL points. */
export function checkLocations(pkg: AppPackage): Problem[] {
  const { manifest } = pkg;
  if (isMarketingOrRequirementsOnly(manifest)) return [];
  const location = manifest.location;
  if (!isObject(location) || Object.keys(location).length === 0) return [missingFields(['location'])];

  const problems: Problem[] = [];
  for (const [product, locations] of Object.entries(location)) {
    const known = KNOWN_LOCATIONS[product];
    if (!known) {
      problems.push(error('invalid_host', FILE, `${product} is an invalid host for apps.`));
      continue;
    }
    if (!isObject(locations)) {
      problems.push(error('invalid_host', FILE, `${product} must map location names to options.`));
      continue;
    }
    const unknown = Object.keys(locations).filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      const verb = unknown.length === 1 ? 'is an invalid location' : 'are invalid locations';
      const host = product.charAt(0).toUpperCase() + product.slice(1);
      problems.push(error('invalid_location', FILE, `${unknown.join(', ')} ${verb} in ${host}.`));
    }
    for (const [name, raw] of Object.entries(locations)) {
      if (!known.includes(name)) continue;
      // A bare string is shorthand for { url } (ZAS manifest.rb, zcli buildAppJSON).
      const options = typeof raw === 'string' ? { url: raw } : raw;
      if (!isObject(options)) {
        problems.push(error('blank_location_uri', FILE, `${name} location does not specify a URI.`));
        continue;
      }
      problems.push(...checkOptions(pkg, `${product}.${name}`, name, options));
    }
  }
  return problems;
}

function checkOptions(pkg: AppPackage, path: string, name: string, options: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(options).filter((k) => !LOCATION_OPTIONS.includes(k))) {
    problems.push(
      warning(
        'unknown_location_option',
        FILE,
        `location.${path} has an unknown option "${key}", which Zendesk ignores (known: ${LOCATION_OPTIONS.join(', ')}).`,
      ),
    );
  }
  const { url, flexible } = options;
  if (typeof url === 'string' && url !== '') {
    if (!isValidLocationUrl(pkg, url)) {
      problems.push(
        error(
          'invalid_location_uri',
          FILE,
          `${url} is either an invalid location URI, refers to a missing asset, or does not use HTTPS.`,
        ),
      );
    }
  } else if (options.autoLoad !== false) {
    problems.push(error('blank_location_uri', FILE, `${name} location does not specify a URI.`));
  }
  if (flexible !== undefined && typeof flexible !== 'boolean') {
    problems.push(
      error(
        'invalid_location_flexible_type',
        FILE,
        `${show(flexible)} is an invalid type for the flexible location parameter.`,
      ),
    );
  }
  return problems;
}

/**
 * ZAS `validations/manifest.rb`: absolute URLs must be https (or on localhost, for zcli's dev
 * server); relative ones must live under assets/ inside the package. `{{setting.x}}` URLs are
 * resolved per installation, so they cannot be checked here.
 */
function isValidLocationUrl(pkg: AppPackage, url: string): boolean {
  if (url.includes('{{setting.')) return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.hostname === 'localhost';
    } catch {
      return false;
    }
  }
  const path = url.split(/[?#]/)[0] ?? '';
  return path.startsWith('assets/') && pkg.has(path);
}
