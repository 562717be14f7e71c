import { warning, type AppPackage, type Problem } from './types.ts';

const HTTP_URL = /http:\/\/[^\s"'`<>()\\]+/g;
/**
 * `http://` strings that are names, not requests: XML namespaces and spec identifiers that every
 * React/SVG bundle carries, loopback addresses used in development, the documentation short links
 * React (fb.me) and styled-components (mdn.io) put in their error texts, and URLs built from a template (zod checks an IPv6 address by parsing
 * `http://[${ip}]`), which request nothing.
 */
const NOT_REQUESTS: RegExp[] = [
  /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?:[:/]|$)/,
  /^http:\/\/[^/]*\$\{/,
  /^http:\/\/(?:fb\.me|mdn\.io)\//,
  /^http:\/\/(?:www\.)?w3\.org\//,
  /^http:\/\/(?:[a-z]+\.)?(?:purl\.org|ns\.adobe\.com|schemas\.xmlsoap\.org|schemas\.microsoft\.com|xmlns\.com|json-schema\.org|opensource\.org)\//,
  /^http:\/\/(?:www\.)?apache\.org\/licenses\//,
];

/**
 * ZAS `validations/requests.rb`: any plain-http URL in the app's scripts or pages is a warning,
 * because the Zendesk agent interface is served over https and mixed content is blocked.
 */
export function checkInsecureRequests(pkg: AppPackage): Problem[] {
  const problems: Problem[] = [];
  for (const file of pkg.files.filter((f) => /\.(?:js|mjs|html?)$/i.test(f))) {
    const found = pkg.read(file).toString('utf8').match(HTTP_URL) ?? [];
    // A URL at the end of a sentence keeps the sentence's full stop; it is not part of the address.
    const urls = new Set(found.map((url) => url.replace(/[.,;:!]+$/, '')));
    for (const url of urls) {
      if (NOT_REQUESTS.some((pattern) => pattern.test(url))) continue;
      problems.push(
        warning(
          'insecure_http_request',
          file,
          `Possible insecure HTTP request to ${url} in ${file}. Consider using the HTTPS protocol instead.`,
        ),
      );
    }
  }
  return problems;
}
