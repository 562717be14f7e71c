/**
 * Gives every bare use of a placeholder a fallback: `{{user.first_name}}` becomes
 * `{{user.first_name | default: "there"}}`, the Liquid that agents know from Zendesk. Uses that
 * already have filters are left as written. Quotes in the fallback pick the other quote mark;
 * a fallback with both kinds loses its double quotes (Liquid strings cannot escape them).
 */
export function withFallback(text: string, path: string, fallback: string): string {
  const quote = fallback.includes('"') && !fallback.includes("'") ? "'" : '"';
  const literal = quote === '"' ? fallback.replace(/"/g, '') : fallback;
  const escaped = path.replace(/\./g, '\\.');
  return text.replace(
    new RegExp(`\\{\\{\\s*${escaped}\\s*\\}\\}`, 'g'),
    `{{${path} | default: ${quote}${literal}${quote}}}`,
  );
}
