import { renameSync, mkdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackageCopy, expectOnly, type Expected } from './app-package-fixture.ts';

type Json = Record<string, unknown>;
interface Breakage {
  name: string;
  apply: (pkg: PackageCopy) => void;
  expected: Expected;
}

const M = 'manifest.json';
const err = (rule: string, message: string | RegExp, file = M): Expected => ({
  severity: 'error',
  rule,
  file,
  message,
});
const warn = (rule: string, message: string | RegExp, file = M): Expected => ({
  severity: 'warning',
  rule,
  file,
  message,
});
const navBar = (pkg: PackageCopy, edit: (navBar: Json) => void) =>
  pkg.manifest((m) => edit(((m.location as Json).support as Json).nav_bar as Json));
const fullOauth = {
  client_id: 'app',
  client_secret: 's',
  authorize_uri: 'https://a.example/auth',
  access_token_uri: 'https://a.example/token',
};
/** An oauth parameter plus its settings label, so only the OAuth rule under test can fire. */
const addOauthParameter = (pkg: PackageCopy, name: string, extra: Json = {}) => {
  pkg.parameters((p) => p.push({ name, type: 'oauth', ...extra }));
  pkg.labels((l) => (l[name] = { label: 'Sign in' }));
};

const breakages: Breakage[] = [
  {
    name: 'no manifest.json',
    apply: (p) => p.remove(M),
    expected: err('missing_manifest', 'Could not find manifest.json'),
  },
  {
    name: 'manifest.json one folder down (zipped from the parent directory)',
    apply: (p) => {
      mkdirSync(p.path('app'));
      renameSync(p.path(M), p.path('app/manifest.json'));
    },
    expected: err(
      'nested_manifest',
      'Could not find manifest.json in the root of the zip file, but app/manifest.json was found. Try re-creating the archive from this directory.',
      'app/manifest.json',
    ),
  },
  {
    name: 'manifest is not JSON',
    apply: (p) => p.write(M, '{ "name": '),
    expected: err('manifest_not_json', /^manifest is not proper JSON\. .+/),
  },
  {
    name: 'no author',
    apply: (p) => p.manifest((m) => delete m.author),
    expected: err('manifest_keys.missing', 'Missing required field in manifest: author'),
  },
  {
    name: 'no author and no defaultLocale',
    apply: (p) => p.manifest((m) => (delete m.author, delete m.defaultLocale)),
    expected: err('manifest_keys.missing', 'Missing required fields in manifest: author, defaultLocale'),
  },
  {
    name: 'no location',
    apply: (p) => p.manifest((m) => delete m.location),
    expected: err('manifest_keys.missing', 'Missing required field in manifest: location'),
  },
  {
    name: 'no frameworkVersion',
    apply: (p) => p.manifest((m) => delete m.frameworkVersion),
    expected: err('manifest_keys.missing', 'Missing required field in manifest: frameworkVersion'),
  },
  {
    name: 'frameworkVersion 1.0',
    apply: (p) => p.manifest((m) => (m.frameworkVersion = '1.0')),
    expected: err('invalid_version', '1.0 is not a valid framework version. Available versions are: 2.0.'),
  },
  {
    name: 'author name is a number',
    apply: (p) => p.manifest((m) => ((m.author as Json).name = 42)),
    expected: err('unacceptable_string', 'author name must be a string, got "42".'),
  },
  {
    name: 'version is a number',
    apply: (p) => p.manifest((m) => (m.version = 1)),
    expected: err('unacceptable_string', 'version must be a string, got "1".'),
  },
  {
    name: 'author url is not http(s)',
    apply: (p) => p.manifest((m) => ((m.author as Json).url = 'ftp://fixture.example')),
    expected: err('invalid_url', 'author url must be a valid URL, got "ftp://fixture.example".'),
  },
  {
    name: 'private is the string "false"',
    apply: (p) => p.manifest((m) => (m.private = 'false')),
    expected: err('unacceptable_boolean', 'private must be a boolean value, got "false".'),
  },
  {
    name: 'singleInstall is 1',
    apply: (p) => p.manifest((m) => (m.singleInstall = 1)),
    expected: err('unacceptable_boolean', 'singleInstall must be a boolean value, got "1".'),
  },
  {
    name: 'defaultLocale in the wrong format',
    apply: (p) => p.manifest((m) => (m.defaultLocale = 'EN_us')),
    expected: err('invalid_default_locale', 'EN_us is not a valid default locale.'),
  },
  {
    name: 'no translation file for the default locale',
    apply: (p) => p.manifest((m) => (m.defaultLocale = 'fr')),
    expected: err(
      'missing_translation_file',
      "Missing translation file for locale 'fr'. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/deploying#app-internationalization",
      'translations/fr.json',
    ),
  },
  {
    name: 'unknown product',
    apply: (p) => p.manifest((m) => ((m.location as Json).crm = { nav_bar: { url: 'assets/index.html' } })),
    expected: err('invalid_host', 'crm is an invalid host for apps.'),
  },
  {
    name: 'misspelt location name',
    apply: (p) => p.manifest((m) => ((m.location as Json).support = { navbar: { url: 'assets/index.html' } })),
    expected: err('invalid_location', 'navbar is an invalid location in Support.'),
  },
  {
    name: 'flexible is a string',
    apply: (p) => navBar(p, (n) => (n.flexible = 'yes')),
    expected: err('invalid_location_flexible_type', 'yes is an invalid type for the flexible location parameter.'),
  },
  {
    name: 'location URL over plain http',
    apply: (p) => navBar(p, (n) => (n.url = 'http://app.fixture.example/index.html')),
    expected: err(
      'invalid_location_uri',
      'http://app.fixture.example/index.html is either an invalid location URI, refers to a missing asset, or does not use HTTPS.',
    ),
  },
  {
    name: 'relative location URL outside assets/',
    apply: (p) => navBar(p, (n) => (n.url = 'index.html')),
    expected: err(
      'invalid_location_uri',
      'index.html is either an invalid location URI, refers to a missing asset, or does not use HTTPS.',
    ),
  },
  {
    name: 'location URL to a file not in the package',
    apply: (p) => navBar(p, (n) => (n.url = 'assets/missing.html')),
    expected: err(
      'invalid_location_uri',
      'assets/missing.html is either an invalid location URI, refers to a missing asset, or does not use HTTPS.',
    ),
  },
  {
    name: 'location without a URL',
    apply: (p) => navBar(p, (n) => delete n.url),
    expected: err('blank_location_uri', 'nav_bar location does not specify a URI.'),
  },
  {
    name: 'unknown location option',
    apply: (p) => navBar(p, (n) => (n.colour = 'green')),
    expected: warn(
      'unknown_location_option',
      /^location\.support\.nav_bar has an unknown option "colour", which Zendesk ignores/,
    ),
  },
  {
    name: 'version is not semver',
    apply: (p) => p.manifest((m) => (m.version = '1.0')),
    expected: warn(
      'version_not_semver',
      'version "1.0" is not a semantic version (x.y.z); zcli apps:bump cannot increase it.',
    ),
  },
  {
    name: 'no version',
    apply: (p) => p.manifest((m) => delete m.version),
    expected: warn('missing_version', 'The manifest has no version; the Marketplace listing shows one.'),
  },
  {
    name: 'experiments is an array',
    apply: (p) => p.manifest((m) => (m.experiments = [])),
    expected: err(
      'unacceptable_hash',
      'The manifest field experiments needs to be key-value pairs with string keys, but it was Array',
    ),
  },
  {
    name: 'public app with an experiment the Marketplace does not allow',
    apply: (p) => p.manifest((m) => (m.experiments = { hashParams: true, fancyRenderer: true })),
    expected: err('invalid_experiment', 'Manifest specifies unknown or unavailable experiment: fancyRenderer'),
  },
  {
    name: 'domainWhitelist with a number',
    apply: (p) => p.manifest((m) => (m.domainWhitelist = ['api.fixture.example', 7])),
    expected: err(
      'unacceptable_array_of_strings',
      'The manifest field domainWhitelist need to be an array containing strings',
    ),
  },
  // Parameters
  {
    name: 'parameters is an object',
    apply: (p) => p.manifest((m) => (m.parameters = {})),
    expected: err('parameters_not_an_array', 'App parameters must be an array.'),
  },
  {
    name: 'parameter without a name',
    apply: (p) => p.parameters((ps) => ps.push({ type: 'text' })),
    expected: err('parameter_without_name', 'Parameter #2 has no name.'),
  },
  {
    name: 'the same parameter twice',
    apply: (p) => p.parameters((ps) => ps.push({ name: 'greeting', type: 'text' })),
    expected: err('duplicate_parameters', 'Duplicate app parameters defined: greeting'),
  },
  {
    name: "a parameter called 'name'",
    apply: (p) => {
      p.parameters((ps) => ps.push({ name: 'name', type: 'text' }));
      p.labels((l) => (l.name = { label: 'Name' }));
    },
    expected: err('name_as_parameter_name', "Can't call a parameter 'name'"),
  },
  {
    name: 'unknown parameter type',
    apply: (p) => p.parameters((ps) => ((ps[0] as Json).type = 'colour')),
    expected: err('invalid_type_parameter', 'colour is an invalid parameter type.'),
  },
  {
    name: 'hidden and required',
    apply: (p) => p.parameters((ps) => ps.push({ name: 'install_id', type: 'hidden', required: true })),
    expected: err('invalid_hidden_parameter', 'install_id is set to hidden and cannot be required.'),
  },
  {
    name: 'required is a string',
    apply: (p) => p.parameters((ps) => ((ps[0] as Json).required = 'yes')),
    expected: err('unacceptable_boolean', 'parameters.greeting.required must be a boolean value, got "yes".'),
  },
  {
    name: 'secure is a number',
    apply: (p) => p.parameters((ps) => ((ps[0] as Json).secure = 0)),
    expected: err('unacceptable_boolean', 'parameters.greeting.secure must be a boolean value, got "0".'),
  },
  {
    name: 'scopes on a parameter that is not secure',
    apply: (p) => p.parameters((ps) => ((ps[0] as Json).scopes = ['header'])),
    expected: err(
      'scopes_require_secure',
      'Parameter greeting has scopes but is not secure: scopes apply to secure settings only.',
    ),
  },
  {
    name: 'a scope Zendesk does not know',
    apply: (p) => p.parameters((ps) => Object.assign(ps[0] as Json, { secure: true, scopes: ['header', 'cookie'] })),
    expected: err('invalid_scopes', /^Parameter greeting has invalid scopes: cookie \(allowed: header, body, url,/),
  },
  {
    name: 'secure parameter without scopes',
    apply: (p) => p.parameters((ps) => ((ps[0] as Json).secure = true)),
    expected: warn(
      'secure_parameter_without_scopes',
      'Secure parameter greeting has no scopes, so it is usable in every part of a request.',
    ),
  },
  {
    name: 'token-looking text parameter that is not secure',
    apply: (p) => {
      p.parameters((ps) => ps.push({ name: 'api_token', type: 'text' }));
      p.labels((l) => (l.api_token = { label: 'API token' }));
    },
    expected: warn(
      'insecure_token_parameter_in_manifest',
      /^Make sure to set secure to true when using keys in Settings\./,
    ),
  },
  {
    name: 'default on a hidden parameter',
    apply: (p) => p.parameters((ps) => ps.push({ name: 'install_id', type: 'hidden', default: 'abc' })),
    expected: warn(
      'default_secure_or_hidden_parameter_in_manifest',
      /^Default values for secure or hidden parameters are not stored securely\./,
    ),
  },
  {
    name: 'oauth section missing client_secret',
    apply: (p) => {
      p.manifest((m) => (m.oauth = { ...fullOauth, client_secret: '' }));
      addOauthParameter(p, 'zendesk_oauth');
    },
    expected: err('oauth_keys.missing', 'Missing required oauth field in manifest: client_secret'),
  },
  {
    name: 'oauth section without an oauth parameter',
    apply: (p) => p.manifest((m) => (m.oauth = fullOauth)),
    expected: err(
      'oauth_parameter_required',
      'Please upgrade to our new oauth format. Learn more: https://developer.zendesk.com/apps/docs/developer-guide/manifest#oauth',
    ),
  },
  {
    name: 'two oauth parameters',
    apply: (p) => {
      p.manifest((m) => (m.oauth = fullOauth));
      addOauthParameter(p, 'first_oauth');
      addOauthParameter(p, 'second_oauth');
    },
    expected: err('too_many_oauth_parameters', "Too many parameters with type 'oauth': one permitted"),
  },
  {
    name: 'secure oauth parameter',
    apply: (p) => {
      p.manifest((m) => (m.oauth = fullOauth));
      addOauthParameter(p, 'zendesk_oauth', { secure: true });
    },
    expected: err('oauth_parameter_cannot_be_secure', 'oauth parameter cannot be set to be secure.'),
  },
  {
    name: 'oauth parameter without an oauth section',
    apply: (p) => addOauthParameter(p, 'zendesk_oauth'),
    expected: err(
      'oauth_without_oauth_section',
      'Parameter zendesk_oauth has type oauth but the manifest has no oauth section.',
    ),
  },
];

describe('validatePackage: manifest rules', () => {
  let pkg: PackageCopy;
  beforeEach(() => {
    pkg = new PackageCopy();
  });
  afterEach(() => pkg.dispose());

  it('finds no problem at all in the minimal valid package', () => {
    expect(pkg.validate()).toEqual([]);
  });

  it.each(breakages)('$expected.rule: $name', ({ apply, expected }) => {
    apply(pkg);
    expectOnly(pkg.validate(), expected);
  });

  it('accepts a bare-string location, an http URL on localhost, and {{setting.}} URLs', () => {
    pkg.manifest((m) => {
      m.location = {
        support: { nav_bar: 'assets/index.html', ticket_sidebar: 'http://localhost:4567/', top_bar: '{{setting.url}}' },
      };
    });
    expect(pkg.validate().filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('accepts a location with autoLoad false and no URL', () => {
    pkg.manifest(
      (m) =>
        ((m.location as Json).support = { nav_bar: { url: 'assets/index.html' }, background: { autoLoad: false } }),
    );
    expect(pkg.validate()).toEqual([]);
  });

  it('needs no location for a requirements-only app', () => {
    pkg.manifest((m) => (delete m.location, delete m.frameworkVersion, (m.requirementsOnly = true)));
    expect(pkg.validate().filter((p) => p.severity === 'error')).toEqual([]);
  });
});
