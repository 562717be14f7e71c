import { error, isObject, show, warning, type AppPackage, type Problem } from './types.ts';

const FILE = 'manifest.json';
/** ZAS `manifest/parameter.rb` TYPES (`mtls` exists behind a feature flag and is left out). */
export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
/** ZAS `validations/manifest.rb`: where a secure setting may be substituted server-side. */
const SECURE_SCOPES = [
  'header',
  'body',
  'url',
  'jwt_secret_key',
  'jwt_claim',
  'basic_auth_username',
  'basic_auth_password',
];
const OAUTH_REQUIRED_FIELDS = ['client_id', 'client_secret', 'authorize_uri', 'access_token_uri'];
const OAUTH_LINK = 'https://developer.zendesk.com/apps/docs/developer-guide/manifest#oauth';
const SECURE_SETTINGS_LINK = 'https://developer.zendesk.com/apps/docs/developer-guide/using_sdk#using-secure-settings';

export interface Parameter {
  name: string;
  type: string;
  raw: Record<string, unknown>;
}

/** The manifest's parameters that have a string name, with `type` defaulted to text as ZAS does. */
export function namedParameters(manifest: AppPackage['manifest']): Parameter[] {
  if (!Array.isArray(manifest.parameters)) return [];
  return manifest.parameters.flatMap((raw: unknown) =>
    isObject(raw) && typeof raw.name === 'string' && raw.name !== ''
      ? [{ name: raw.name, type: typeof raw.type === 'string' ? raw.type : 'text', raw }]
      : [],
  );
}

/** Shape, names, types, booleans, secure scopes and OAuth consistency of `parameters`. */
export function checkParameters(pkg: AppPackage): Problem[] {
  const { manifest } = pkg;
  const list = manifest.parameters;
  if (list === undefined || list === null) return checkOauth(manifest, []);
  if (!Array.isArray(list)) return [error('parameters_not_an_array', FILE, 'App parameters must be an array.')];

  const problems: Problem[] = [];
  list.forEach((raw: unknown, index) => {
    if (!isObject(raw) || typeof raw.name !== 'string' || raw.name === '') {
      problems.push(error('parameter_without_name', FILE, `Parameter #${index + 1} has no name.`));
    }
  });
  const params = namedParameters(manifest);
  const names = params.map((p) => p.name);
  const duplicates = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  if (duplicates.length > 0) {
    problems.push(error('duplicate_parameters', FILE, `Duplicate app parameters defined: ${duplicates.join(', ')}`));
  }
  if (names.includes('name')) problems.push(error('name_as_parameter_name', FILE, "Can't call a parameter 'name'"));

  const badTypes = params.filter((p) => !PARAMETER_TYPES.includes(p.type)).map((p) => p.type);
  if (badTypes.length > 0) {
    const verb = badTypes.length === 1 ? 'is an invalid parameter type' : 'are invalid parameter types';
    problems.push(error('invalid_type_parameter', FILE, `${badTypes.join(', ')} ${verb}.`));
  }
  const hiddenRequired = params.filter((p) => p.type === 'hidden' && p.raw.required === true).map((p) => p.name);
  if (hiddenRequired.length > 0) {
    const verb =
      hiddenRequired.length === 1
        ? 'is set to hidden and cannot be required'
        : 'are set to hidden and cannot be required';
    problems.push(error('invalid_hidden_parameter', FILE, `${hiddenRequired.join(', ')} ${verb}.`));
  }

  for (const { name, type, raw } of params) {
    for (const key of ['required', 'secure']) {
      if (raw[key] !== undefined && typeof raw[key] !== 'boolean') {
        problems.push(
          error(
            'unacceptable_boolean',
            FILE,
            `parameters.${name}.${key} must be a boolean value, got "${show(raw[key])}".`,
          ),
        );
      }
    }
    problems.push(...checkScopes(name, raw));
    if (type === 'text' && /token|key|pwd|password/i.test(name) && raw.secure !== true) {
      problems.push(
        warning(
          'insecure_token_parameter_in_manifest',
          FILE,
          `Make sure to set secure to true when using keys in Settings. Learn more: ${SECURE_SETTINGS_LINK}`,
        ),
      );
    }
    if (raw.default !== undefined && (raw.secure === true || type === 'hidden')) {
      problems.push(
        warning(
          'default_secure_or_hidden_parameter_in_manifest',
          FILE,
          'Default values for secure or hidden parameters are not stored securely. Be sure to review them and confirm they do not contain sensitive data',
        ),
      );
    }
  }
  return [...problems, ...checkOauth(manifest, params)];
}

function checkScopes(name: string, raw: Record<string, unknown>): Problem[] {
  const { scopes } = raw;
  if (scopes === undefined) {
    return raw.secure === true && raw.type !== 'oauth'
      ? [
          warning(
            'secure_parameter_without_scopes',
            FILE,
            `Secure parameter ${name} has no scopes, so it is usable in every part of a request.`,
          ),
        ]
      : [];
  }
  const problems: Problem[] = [];
  if (raw.secure !== true) {
    problems.push(
      error(
        'scopes_require_secure',
        FILE,
        `Parameter ${name} has scopes but is not secure: scopes apply to secure settings only.`,
      ),
    );
  }
  const list = Array.isArray(scopes) ? scopes : [scopes];
  const invalid = list.filter((scope) => typeof scope !== 'string' || !SECURE_SCOPES.includes(scope));
  if (invalid.length > 0) {
    problems.push(
      error(
        'invalid_scopes',
        FILE,
        `Parameter ${name} has invalid scopes: ${invalid.map(show).join(', ')} (allowed: ${SECURE_SCOPES.join(', ')}).`,
      ),
    );
  }
  return problems;
}

function checkOauth(manifest: AppPackage['manifest'], params: Parameter[]): Problem[] {
  const problems: Problem[] = [];
  const oauthParams = params.filter((p) => p.type === 'oauth');
  if (manifest.oauth !== undefined) {
    const oauth = isObject(manifest.oauth) ? manifest.oauth : {};
    const missing = OAUTH_REQUIRED_FIELDS.filter((key) => typeof oauth[key] !== 'string' || oauth[key] === '');
    if (missing.length > 0) {
      const noun = missing.length === 1 ? 'field' : 'fields';
      problems.push(
        error('oauth_keys.missing', FILE, `Missing required oauth ${noun} in manifest: ${missing.join(', ')}`),
      );
    }
    if (oauthParams.length === 0) {
      problems.push(
        error('oauth_parameter_required', FILE, `Please upgrade to our new oauth format. Learn more: ${OAUTH_LINK}`),
      );
    }
  } else if (oauthParams.length > 0) {
    problems.push(
      error(
        'oauth_without_oauth_section',
        FILE,
        `Parameter ${oauthParams.map((p) => p.name).join(', ')} has type oauth but the manifest has no oauth section.`,
      ),
    );
  }
  if (oauthParams.length > 1) {
    problems.push(error('too_many_oauth_parameters', FILE, "Too many parameters with type 'oauth': one permitted"));
  }
  if (oauthParams.some((p) => p.raw.secure === true)) {
    problems.push(error('oauth_parameter_cannot_be_secure', FILE, 'oauth parameter cannot be set to be secure.'));
  }
  return problems;
}
