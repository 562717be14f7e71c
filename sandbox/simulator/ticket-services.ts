import type { DemoAccount } from './account.ts';
import { describeDetails, JobQueue, type JobExecutor } from './jobs.ts';
import { resolveJobTiming } from './job-timing.ts';
import type { Random } from './prng.ts';
import { resolveSearchLag, SearchIndex } from './search-index.ts';
import { TicketUpdateLimits } from './ticket-update-limits.ts';
import { TicketWriter } from './ticket-writer.ts';
import type { JsonObject, SimulatorOptions } from './types.ts';

/** What the ticket endpoints share for one simulated account (rebuilt on reset). */
export interface TicketServices {
  writer: TicketWriter;
  updateLimits: TicketUpdateLimits;
  /** SimulatorOptions.createManyIdempotency. */
  createManyIdempotency: boolean;
}

function executor(account: DemoAccount, writer: TicketWriter): JobExecutor {
  return (job, item, index, at) => {
    const actor = account.usersById.get(job.actorId) ?? account.owner;
    if (item.kind === 'create') return { index, id: writer.create(item.input, actor, at).stored.ticket.id };
    if (item.kind === 'create_failed') {
      // A ticket that failed after Zendesk numbered it leaves a gap in the ids (support-api.md §5.2).
      if (item.consumesId) account.nextId('ticket');
      return { index, error: 'TicketCreateFailed', details: item.details };
    }
    const failed = (error: string, details: string): JsonObject => ({
      id: item.ticketId,
      action: 'update',
      status: 'Failed',
      success: false,
      error,
      details,
    });
    const stored = account.ticketsById.get(item.ticketId);
    if (!stored) return failed('RecordNotFound', 'Ticket not found');
    const result = writer.update(stored, item.changes, actor, at);
    // The failed update result's error/details names follow the create items' (unverified).
    if ('details' in result) return failed('TicketUpdateFailed', describeDetails(result.details));
    return { id: item.ticketId, action: 'update', status: 'Updated', success: true };
  };
}

/**
 * The job queue, search index, ticket writer and ticket update limits of a freshly seeded
 * account. Also applies the account-level options (custom statuses on or off).
 */
export function createTicketServices(
  account: DemoAccount,
  options: SimulatorOptions,
  seed: number,
  random: Random,
  now: number,
): { jobs: JobQueue; searchIndex: SearchIndex; tickets: TicketServices } {
  account.customStatusesEnabled = options.customStatuses ?? true;
  const searchIndex = new SearchIndex(seed, resolveSearchLag(options.searchIndexLagMs), now);
  const writer = new TicketWriter(account, searchIndex);
  const jobs = new JobQueue(random, resolveJobTiming(options.jobTiming, options.jobLatency), executor(account, writer));
  return {
    jobs,
    searchIndex,
    tickets: {
      writer,
      updateLimits: new TicketUpdateLimits(account.plan),
      createManyIdempotency: options.createManyIdempotency ?? false,
    },
  };
}
