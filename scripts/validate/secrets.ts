import { warning, type AppPackage, type Problem } from './types.ts';

/**
 * A subset of ZAS `validations/secrets.rb` APPLICATION_SECRETS, tightened to the token formats
 * themselves. ZAS also warns on bare keywords such as "pass" or "username", which every bundled
 * React app contains; that warning would always fire, so we check for assigned values instead.
 */
const SECRETS: Array<{ type: string; pattern: RegExp }> = [
  { type: 'RSA Private Key', pattern: /-----BEGIN RSA PRIVATE KEY-----/ },
  { type: 'SSH Private Key (OpenSSH)', pattern: /-----BEGIN OPENSSH PRIVATE KEY-----/ },
  { type: 'SSH Private Key (DSA)', pattern: /-----BEGIN DSA PRIVATE KEY-----/ },
  { type: 'SSH Private Key (EC)', pattern: /-----BEGIN EC PRIVATE KEY-----/ },
  { type: 'PGP Private Key Block', pattern: /-----BEGIN PGP PRIVATE KEY BLOCK-----/ },
  { type: 'Private Key', pattern: /-----BEGIN PRIVATE KEY-----/ },
  { type: 'AWS Access Key ID', pattern: /\bAKIA[0-9A-Z]{16}\b/ },
  { type: 'Slack Token', pattern: /\bxox[pboa]-[0-9A-Za-z-]{10,}/ },
  { type: 'Github Token', pattern: /\bgh[pousr]_[0-9A-Za-z]{36}\b/ },
  { type: 'Google API Key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  {
    type: 'Password or Token',
    pattern:
      /\b(?:password|passwd|secret|api_?key|auth_?token|access_?token|client_secret)["']?\s*[:=]\s*["'][0-9A-Za-z+/_.-]{12,}["']/i,
  },
];

const TEXT_FILE = /\.(?:js|mjs|cjs|html?|css|json|svg|txt|md|map)$/i;

export function checkSecrets(pkg: AppPackage): Problem[] {
  const problems: Problem[] = [];
  for (const file of pkg.files.filter((f) => TEXT_FILE.test(f))) {
    const text = pkg.read(file).toString('utf8');
    for (const { type, pattern } of SECRETS) {
      if (!pattern.test(text)) continue;
      problems.push(
        warning(
          'application_secret',
          file,
          `Possible ${type} found in ${file}. Consider reviewing the contents of this file before submitting your app.`,
        ),
      );
    }
  }
  return problems;
}
