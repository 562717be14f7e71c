import { useEffect, useState } from 'react';
import type { Customer } from '../../domain/audience/customer.ts';
import type { CampaignTemplate } from '../../domain/compose/campaign-template.ts';
import { useEnvironment } from '../environment.tsx';

export interface PlaceholderReport {
  /** For each placeholder shown without a fallback: the customers for whom it is empty. */
  empty: ReadonlyMap<string, Customer[]>;
  checked: number;
  done: boolean;
}

const BATCH = 400;

/**
 * Renders the ticket for every customer, a batch per turn of the event loop (a 100,000-customer
 * audience never freezes the tab), and collects who sees an empty placeholder.
 */
export function usePlaceholderReport(template: CampaignTemplate, customers: readonly Customer[]): PlaceholderReport {
  const { organizations } = useEnvironment();
  const [report, setReport] = useState<{ for: unknown; value: PlaceholderReport }>({
    for: null,
    value: { empty: new Map(), checked: 0, done: false },
  });
  // As the ticket factory does: {{organization.name}} needs the record as much as its fields do.
  const usesOrganizations = template.uses.some((u) => u.path.startsWith('organization.'));

  useEffect(() => {
    let live = true;
    const empty = new Map<string, Customer[]>();
    const token = {};
    void (async () => {
      if (usesOrganizations) {
        try {
          await organizations.ensure(customers.map((c) => c.user.organization_id));
        } catch {
          // Without the records the organization placeholders count as empty; the preview says the same.
        }
      }
      for (let start = 0; start < customers.length && live; start += BATCH) {
        for (const customer of customers.slice(start, start + BATCH)) {
          const organization =
            customer.organizations.find((o) => o.id === customer.user.organization_id) ??
            organizations.get(customer.user.organization_id);
          for (const path of template.render(customer.user, organization).emptyPlaceholders) {
            const list = empty.get(path) ?? [];
            list.push(customer);
            empty.set(path, list);
          }
        }
        const checked = Math.min(customers.length, start + BATCH);
        if (live)
          setReport({ for: token, value: { empty: new Map(empty), checked, done: checked >= customers.length } });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (live && customers.length === 0) setReport({ for: token, value: { empty, checked: 0, done: true } });
    })();
    return () => {
      live = false;
    };
  }, [template, customers, organizations, usesOrganizations]);
  return report.value;
}
