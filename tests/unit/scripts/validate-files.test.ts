import { symlinkSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { solidPng } from '../../../scripts/lib/png.ts';
import { PackageCopy, expectOnly, type Expected } from './app-package-fixture.ts';

type Json = Record<string, unknown>;
interface Breakage {
  name: string;
  apply: (pkg: PackageCopy) => void;
  expected: Expected;
}

const EN = 'translations/en.json';
const err = (rule: string, file: string, message: string | RegExp): Expected => ({
  severity: 'error',
  rule,
  file,
  message,
});
const warn = (rule: string, file: string, message: string | RegExp): Expected => ({
  severity: 'warning',
  rule,
  file,
  message,
});
const app = (pkg: PackageCopy, edit: (app: Json) => void) => pkg.json(EN, (t) => edit(t.app as Json));
const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18">${body}</svg>`;
const TINY_PNG_DATA_URI = `data:image/png;base64,${solidPng(1, 1, [0, 0, 0, 255]).toString('base64')}`;

const breakages: Breakage[] = [
  // Translations
  {
    name: 'translation file not named after a locale',
    apply: (p) => p.write('translations/english.json', '{ "app": {} }'),
    expected: err(
      'translation.invalid_locale',
      'translations/english.json',
      'translations/english.json is not a valid locale.',
    ),
  },
  {
    name: 'en.json is not JSON',
    apply: (p) => p.write(EN, '{ "app": '),
    expected: err('translation.not_json', EN, /^translations\/en\.json is not valid JSON\. .+/),
  },
  {
    name: 'en.json is an array',
    apply: (p) => p.write(EN, '[]'),
    expected: err('translation.not_json_object', EN, 'translations/en.json is not a JSON object.'),
  },
  {
    name: 'public app without a long description',
    apply: (p) => app(p, (a) => delete a.long_description),
    expected: err(
      'translation.missing_required_key',
      EN,
      'Missing required key from translations/en.json: long_description',
    ),
  },
  {
    name: 'public app without any listing text',
    apply: (p) => p.write(EN, '{ "app": { "parameters": { "greeting": { "label": "Greeting" } } } }'),
    expected: err(
      'translation.missing_required_key',
      EN,
      'Missing required key from translations/en.json: name, short_description, installation_instructions, long_description',
    ),
  },
  {
    name: 'per-product listing for a product the manifest does not use',
    apply: (p) =>
      app(
        p,
        (a) => (a.chat = { name: 'x', short_description: 'x', long_description: 'x', installation_instructions: 'x' }),
      ),
    expected: err(
      'translation.products_do_not_match_manifest_products',
      EN,
      'Products in manifest (support) do not match products in translations (chat)',
    ),
  },
  {
    name: 'per-product listing missing a key',
    apply: (p) => app(p, (a) => (a.support = { name: 'x', short_description: 'x', long_description: 'x' })),
    expected: err(
      'translation.missing_required_key_for_product',
      EN,
      'Missing required key from translations/en.json for support: installation_instructions',
    ),
  },
  {
    name: 'parameter node without a label',
    apply: (p) => p.labels((l) => delete (l.greeting as Json).label),
    expected: err(
      'translation.missing_required_key_on_leaf',
      EN,
      'Missing required key label on leaf app.parameters.greeting from translations/en.json',
    ),
  },
  {
    name: 'parameter node without a label in another locale',
    apply: (p) =>
      p.write('translations/ko.json', JSON.stringify({ app: { parameters: { greeting: { helpText: '인사말' } } } })),
    expected: err(
      'translation.missing_required_key_on_leaf',
      'translations/ko.json',
      'Missing required key label on leaf app.parameters.greeting from translations/ko.json',
    ),
  },
  {
    name: 'manifest parameter with no translation node at all (stricter than Zendesk)',
    apply: (p) => p.labels((l) => delete l.greeting),
    expected: err(
      'parameter_label_missing',
      EN,
      'Missing label for parameter greeting: add app.parameters.greeting.label to translations/en.json (our rule, stricter than Zendesk).',
    ),
  },
  // Images
  {
    name: 'banner that is not a PNG',
    apply: (p) => p.write('assets/banner.png', 'GIF89a'),
    expected: err('banner.invalid_format', 'assets/banner.png', 'Banner image must be a PNG file.'),
  },
  {
    name: 'banner of the wrong size',
    apply: (p) => p.write('assets/banner.png', solidPng(800, 200, [255, 255, 255, 255])),
    expected: err(
      'banner.invalid_size',
      'assets/banner.png',
      'Invalid banner image dimensions. Must be 830x200px or 1660x400px (got 800x200px).',
    ),
  },
  {
    name: 'no small logo',
    apply: (p) => p.remove('assets/logo-small.png'),
    expected: err(
      'missing_logo',
      'assets/logo-small.png',
      'Missing assets/logo-small.png: Zendesk requires assets/logo.png and assets/logo-small.png.',
    ),
  },
  {
    name: 'logo of the wrong size',
    apply: (p) => p.write('assets/logo.png', solidPng(300, 300, [0, 0, 0, 255])),
    expected: err(
      'logo_size',
      'assets/logo.png',
      "assets/logo.png is 300x300px; it must be 320x320px (our rule: the size Zendesk's scaffolds use).",
    ),
  },
  {
    name: 'logo that is not a PNG',
    apply: (p) => p.write('assets/logo.png', 'not a png'),
    expected: err('logo_format', 'assets/logo.png', 'assets/logo.png must be a PNG file.'),
  },
  {
    name: 'no nav-bar icon',
    apply: (p) => p.remove('assets/icon_nav_bar.svg'),
    expected: warn(
      'missing_nav_bar_icon',
      'assets/icon_nav_bar.svg',
      /^No nav-bar icon: support's nav_bar location will show Zendesk's placeholder\./,
    ),
  },
  // SVG
  ...[
    ['a script', '<script>alert(1)</script>'],
    ['an event handler', '<path d="M0 0h18v18H0z" onload="alert(1)"/>'],
    ['a foreignObject', '<foreignObject><div>hi</div></foreignObject>'],
    ['an external link', '<use href="https://evil.example/sprite.svg#x"/>'],
  ].map(([what, body]): Breakage => ({
    name: `SVG with ${what}`,
    apply: (p) => p.write('assets/icon_nav_bar.svg', svg(body ?? '')),
    expected: err(
      'dirty_svg',
      'assets/icon_nav_bar.svg',
      'assets/icon_nav_bar.svg contains invalid markup and could not be automatically regenerated.',
    ),
  })),
  {
    name: 'SVG with an embedded bitmap',
    apply: (p) =>
      p.write('assets/icon_nav_bar.svg', svg(`<image href="${TINY_PNG_DATA_URI}" width="18" height="18"/>`)),
    expected: warn(
      'bitmap_in_svg',
      'assets/icon_nav_bar.svg',
      'assets/icon_nav_bar.svg contains an embedded bitmap and cannot be used as an app icon. It has been replaced with a default placeholder icon.',
    ),
  },
  // Forbidden file types, by extension and by content
  ...(
    [
      [
        'a .pdf file',
        'assets/guide.pdf',
        'plain text',
        /^Unsupported MIME type detected in assets\/guide\.pdf \(\.pdf files are not accepted\)\.$/,
      ],
      ['a .sh file', 'assets/deploy.sh', 'echo hi', /\(\.sh files are not accepted\)/],
      ['a zip renamed to .txt', 'assets/notes.txt', zipSync({ 'a.txt': strToU8('a') }), /\(content is zip/],
      ['gzip data renamed to .dat', 'assets/data.dat', gzipSync('hello'), /\(content is gzip\)/],
      ['a PDF renamed to .css', 'assets/style.css', '%PDF-1.7\n', /\(content is pdf\)/],
      ['a shell script without an extension', 'assets/setup', '#!/bin/sh\necho hi\n', /\(content is shell script\)/],
      ['an mp3 renamed to .json', 'assets/sound.json', Buffer.from('ID3\u0004\u0000'), /\(content is mp3\)/],
    ] as const
  ).map(([what, file, content, message]): Breakage => ({
    name: `${what} in the package`,
    apply: (p) => p.write(file, content),
    expected: err('unsupported_mime_type_detected', file, message),
  })),
  {
    name: 'a symlink in the package',
    apply: (p) => symlinkSync('index.html', p.path('assets/alias.html')),
    expected: err('symlink_in_zip', 'assets/alias.html', 'Symlinks are not allowed in the zip file'),
  },
  {
    name: 'a second manifest.json below the root',
    apply: (p) => p.write('assets/manifest.json', '{}'),
    expected: warn(
      'stray_manifest',
      'assets/manifest.json',
      'assets/manifest.json is ignored: Zendesk reads only the manifest.json at the package root.',
    ),
  },
  // Warnings from scanning the code
  {
    name: 'a plain-http request in a page',
    apply: (p) => p.write('assets/index.html', '<script src="http://cdn.fixture.example/lib.js"></script>'),
    expected: warn(
      'insecure_http_request',
      'assets/index.html',
      'Possible insecure HTTP request to http://cdn.fixture.example/lib.js in assets/index.html. Consider using the HTTPS protocol instead.',
    ),
  },
  {
    name: 'a plain-http URL at the end of a sentence',
    apply: (p) => p.write('assets/app.js', 'console.log("Download it from http://cdn.fixture.example/tool.");'),
    expected: warn(
      'insecure_http_request',
      'assets/app.js',
      'Possible insecure HTTP request to http://cdn.fixture.example/tool in assets/app.js. Consider using the HTTPS protocol instead.',
    ),
  },
  {
    name: 'an API key in a script',
    apply: (p) => p.write('assets/app.js', 'const config = { api_key: "sk1234567890abcdefXYZ" };'),
    expected: warn(
      'application_secret',
      'assets/app.js',
      'Possible Password or Token found in assets/app.js. Consider reviewing the contents of this file before submitting your app.',
    ),
  },
  {
    name: 'an AWS access key id in a script',
    apply: (p) => p.write('assets/app.js', 'const id = "AKIAABCDEFGHIJKLMNOP";'),
    expected: warn('application_secret', 'assets/app.js', /^Possible AWS Access Key ID found in assets\/app\.js\./),
  },
  {
    name: 'a private key in the package',
    apply: (p) => p.write('assets/key.txt', '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n'),
    expected: warn('application_secret', 'assets/key.txt', /^Possible RSA Private Key found in assets\/key\.txt\./),
  },
];

describe('validatePackage: translations, images and files', () => {
  let pkg: PackageCopy;
  beforeEach(() => {
    pkg = new PackageCopy();
  });
  afterEach(() => pkg.dispose());

  it.each(breakages)('$expected.rule: $name', ({ apply, expected }) => {
    apply(pkg);
    expectOnly(pkg.validate(), expected);
  });

  it('asks a private app for its name only', () => {
    pkg.manifest((m) => (m.private = true));
    pkg.write(EN, JSON.stringify({ app: { name: 'Fixture', parameters: { greeting: { label: 'Greeting' } } } }));
    expect(pkg.validate()).toEqual([]);
  });

  it('accepts description in place of short_description, and {title, value} labels', () => {
    app(pkg, (a) => {
      a.description = a.short_description;
      delete a.short_description;
      a.parameters = { greeting: { label: { title: 'shown to translators', value: 'Greeting' } } };
    });
    expect(pkg.validate()).toEqual([]);
  });

  it('accepts a 1660x400 banner and an SVG that only declares XML namespaces', () => {
    pkg.write('assets/banner.png', solidPng(1660, 400, [3, 54, 61, 255]));
    pkg.write('assets/icon_nav_bar.svg', svg('<path xmlns:xlink="http://www.w3.org/1999/xlink" d="M0 0h18v18H0z"/>'));
    expect(pkg.validate()).toEqual([]);
  });

  it('ignores tmp/, where zcli leaves its zips', () => {
    pkg.write('tmp/app-20260101.zip', zipSync({ 'manifest.json': strToU8('{}') }));
    expect(pkg.validate()).toEqual([]);
  });

  it('does not call XML namespaces, localhost, templated URLs or doc links insecure requests', () => {
    pkg.write(
      'assets/app.js',
      'const ns = "http://www.w3.org/2000/svg"; const math = `http://www.w3.org/1998/Math/MathML`; fetch("http://localhost:4567/app.json");' +
        ' new URL(`http://[${ip}]`); throw Error("Read more at http://fb.me/use-check-prop-types"); warn("See http://mdn.io/animation.");',
    );
    expect(pkg.validate()).toEqual([]);
  });
});
