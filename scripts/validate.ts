import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { validatePackage, type Problem } from './validate/index.ts';

/** `npm run validate` = `tsx scripts/validate.ts dist`: Zendesk's app-package rules, offline. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => `${p.severity === 'error' ? 'error  ' : 'warning'} ${p.file}: ${p.message} [${p.rule}]`)
    .join('\n');
}

export function summarize(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'No problems found';
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

function main(argv: string[]): number {
  const directory = argv[0] ?? 'dist';
  if (!existsSync(directory)) {
    console.error(`No app package at ${directory}: run npm run build first.`);
    return 1;
  }
  const problems = validatePackage(directory);
  if (problems.length > 0) console.log(formatProblems(problems));
  console.log(summarize(problems));
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
