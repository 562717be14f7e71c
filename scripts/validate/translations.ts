import { VALID_LOCALE } from './manifest-fields.ts';
import { namedParameters } from './parameters.ts';
import { KNOWN_LOCATIONS } from './locations.ts';
import { error, isObject, type AppPackage, type JsonObject, type Problem } from './types.ts';

const TRANSLATION_PATH = /^translations\/(.*)\.json$/;
const PUBLIC_APP_KEYS = ['name', 'short_description', 'installation_instructions', 'long_description'];
const MARKETPLACE_FILE = 'translations/en.json';

/**
 * ZAS `validations/translations.rb`: every translation file is a JSON object named after a valid
 * locale; en.json carries the Marketplace listing; each `app.parameters.<p>` node has a label.
 * On top of Zendesk we require a label for every manifest parameter (see checkParameterLabels).
 */
export function checkTranslations(pkg: AppPackage): Problem[] {
  const problems: Problem[] = [];
  for (const file of pkg.files) {
    const match = TRANSLATION_PATH.exec(file);
    if (!match) continue;
    const locale = match[1] ?? '';
    if (!VALID_LOCALE.test(locale)) {
      problems.push(error('translation.invalid_locale', file, `${file} is not a valid locale.`));
    }
    const json = parseTranslation(pkg, file, problems);
    if (!json) continue;
    problems.push(...checkLeafLabels(file, json));
    if (file === MARKETPLACE_FILE) {
      problems.push(...checkMarketplaceKeys(pkg, json), ...checkParameterLabels(pkg, json));
    }
  }
  return problems;
}

function parseTranslation(pkg: AppPackage, file: string, problems: Problem[]): JsonObject | undefined {
  let json: unknown;
  try {
    json = JSON.parse(pkg.read(file).toString('utf8'));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    problems.push(error('translation.not_json', file, `${file} is not valid JSON. ${detail}`));
    return undefined;
  }
  if (!isObject(json)) {
    problems.push(error('translation.not_json_object', file, `${file} is not a JSON object.`));
    return undefined;
  }
  return json;
}

/** Private apps need only a name; a Marketplace (public) listing needs the four texts. */
function checkMarketplaceKeys(pkg: AppPackage, json: JsonObject): Problem[] {
  const app = isObject(json.app) ? json.app : {};
  const required = pkg.manifest.private === false ? PUBLIC_APP_KEYS : ['name'];
  const products = Object.keys(app).filter((key) => key in KNOWN_LOCATIONS);
  if (products.length === 0) {
    const missing = missingKeys(required, app);
    return missing.length === 0
      ? []
      : [
          error(
            'translation.missing_required_key',
            MARKETPLACE_FILE,
            `Missing required key from ${MARKETPLACE_FILE}: ${missing.join(', ')}`,
          ),
        ];
  }
  // The per-product form (`app.support.{name,…}`) must name the manifest's products.
  const manifestProducts = isObject(pkg.manifest.location) ? Object.keys(pkg.manifest.location) : [];
  const problems: Problem[] = [];
  if (products.some((product) => !manifestProducts.includes(product))) {
    problems.push(
      error(
        'translation.products_do_not_match_manifest_products',
        MARKETPLACE_FILE,
        `Products in manifest (${manifestProducts.join(', ')}) do not match products in translations (${products.join(', ')})`,
      ),
    );
  }
  for (const product of products) {
    const section = app[product];
    const missing = missingKeys(required, isObject(section) ? section : {});
    if (missing.length > 0) {
      problems.push(
        error(
          'translation.missing_required_key_for_product',
          MARKETPLACE_FILE,
          `Missing required key from ${MARKETPLACE_FILE} for ${product}: ${missing.join(', ')}`,
        ),
      );
    }
  }
  return problems;
}

/** `description` is still accepted in place of `short_description` (ZAS keeps it for old apps). */
function missingKeys(required: string[], section: JsonObject): string[] {
  const present = Object.keys(section).map((key) => (key === 'description' ? 'short_description' : key));
  return required.filter((key) => !present.includes(key));
}

function checkLeafLabels(file: string, json: JsonObject): Problem[] {
  const parameters = isObject(json.app) && isObject(json.app.parameters) ? json.app.parameters : {};
  return Object.entries(parameters)
    .filter(([, node]) => !isObject(node) || !hasText(node.label))
    .map(([name]) =>
      error(
        'translation.missing_required_key_on_leaf',
        file,
        `Missing required key label on leaf app.parameters.${name} from ${file}`,
      ),
    );
}

/**
 * Stricter than Zendesk: ZAS only checks parameter nodes that exist, but a parameter with no node
 * at all shows its raw name (`tag_prefix`) on the settings page, which a Marketplace reviewer flags.
 * Hidden parameters never appear on that page, so they are exempt.
 */
function checkParameterLabels(pkg: AppPackage, json: JsonObject): Problem[] {
  const parameters = isObject(json.app) && isObject(json.app.parameters) ? json.app.parameters : {};
  return namedParameters(pkg.manifest)
    .filter((p) => p.type !== 'hidden' && !(p.name in parameters))
    .map((p) =>
      error(
        'parameter_label_missing',
        MARKETPLACE_FILE,
        `Missing label for parameter ${p.name}: add app.parameters.${p.name}.label to ${MARKETPLACE_FILE} (our rule, stricter than Zendesk).`,
      ),
    );
}

/** Translation values may be plain strings or `{ title, value }` objects (ZAS build_translation.rb). */
function hasText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return isObject(value) && typeof value.value === 'string' && value.value.trim() !== '';
}
