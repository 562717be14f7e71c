import type { SendRun } from '../../domain/send/send-run.ts';
import { withCreated } from '../../domain/send/transitions.ts';
import { isZendeskError, type SupportApiClient } from '../../zendesk/index.ts';
import { findDuplicates, removeTickets } from './reconcile.ts';

/** How long the sweep waits for jobs it did not ask for (a replayed request's) to finish. */
const SWEEP_PATIENCE_MS = 5 * 60_000;
/** Between two looks while such a job runs, or after a look failed. */
const SWEEP_RETRY_MS = 10_000;

/**
 * A send's last step, where Zendesk did not honour its Idempotency-Keys: a request the browser
 * re-sent by itself made a second job nobody asked for, and customers a second ticket. Each
 * customer keeps the lowest ticket (the run records it), and admins remove the others; agents
 * may not delete tickets, so theirs are listed. A replayed request's job may still run and a look
 * may fail (a 5xx, a lost answer), so it looks again for a while. It is a safety net: not finding
 * them is no failure of the send, and the run comes back unchanged.
 */
export async function sweepDuplicates(
  api: SupportApiClient,
  run: SendRun,
  options: { isAdmin: boolean },
): Promise<SendRun> {
  const unremoved = run.duplicates.some((d) => !d.removed);
  if (run.idempotencyHonoured === true || !(unremoved || run.batches.some((b) => b.jobId !== null))) return run;
  const knownJobs = new Set(run.batches.flatMap((b) => (b.jobId ? [b.jobId] : [])));
  let found: Awaited<ReturnType<typeof findDuplicates>> | null = null;
  for (let waited = 0; waited <= SWEEP_PATIENCE_MS; waited += SWEEP_RETRY_MS) {
    if (waited > 0) await api.clock.sleep(SWEEP_RETRY_MS);
    try {
      found = await findDuplicates(api, run, knownJobs);
      if (!found.running) break;
    } catch (error) {
      if (isZendeskError(error) && (error.kind === 'auth' || error.kind === 'permission')) break;
    }
  }
  if (!found) return run;

  let swept = run;
  const positions = new Map(run.customers.map((userId, position) => [userId, position]));
  for (const [userId, ticketId] of found.firsts) {
    const position = positions.get(userId);
    if (position !== undefined && swept.created[position] !== ticketId) swept = withCreated(swept, position, ticketId);
  }
  const gone = options.isAdmin
    ? await removeTickets(
        api,
        found.duplicates.map((d) => d.ticketId),
      )
    : new Set<number>();
  for (const duplicate of found.duplicates) {
    const removed = gone.has(duplicate.ticketId);
    const others = swept.duplicates.filter((d) => d.ticketId !== duplicate.ticketId);
    swept = { ...swept, duplicates: [...others, { userId: duplicate.userId, ticketId: duplicate.ticketId, removed }] };
  }
  return swept;
}
