import { catalogs, resolveLocale } from './catalog.ts';

/**
 * The yes/no a checkbox placeholder reads in the customer's own language (the app's three
 * languages; English for every other one), whatever language the agent works in. Every catalog
 * is loaded before customers' tickets are rendered (see createEnvironment's accountFacts).
 */
export function yesNoFor(customerLocale: string): { yes: string; no: string } {
  const catalog = catalogs[resolveLocale(customerLocale)] ?? catalogs.en ?? {};
  return { yes: catalog['compose.value_yes'] ?? 'Yes', no: catalog['compose.value_no'] ?? 'No' };
}
