import { VirtualClock } from '../../../../sandbox/virtual-clock.ts';
import { createSimulator, type SimulatorOptions } from '../../../../sandbox/simulator/index.ts';
import { simulatorTransport } from '../../../../sandbox/simulator/transport.ts';
import { SupportApiClient, type SchedulerOptions } from '../../../../src/zendesk/index.ts';

/** A simulated Zendesk on a virtual clock and a client talking to it in-process. */
export function simulatedZendesk(
  options: {
    simulator?: Omit<SimulatorOptions, 'clock'>;
    scheduler?: Partial<SchedulerOptions>;
    actAs?: string;
    latencyMs?: number;
  } = {},
) {
  const clock = new VirtualClock();
  const sim = createSimulator({ seed: 7, ...options.simulator, clock });
  const transportOptions: { latencyMs?: number; actAs?: string } = {};
  if (options.actAs !== undefined) transportOptions.actAs = options.actAs;
  if (options.latencyMs !== undefined) transportOptions.latencyMs = options.latencyMs;
  const client = new SupportApiClient({
    transport: simulatorTransport(sim, transportOptions),
    clock,
    random: () => 0.5,
    scheduler: options.scheduler ?? {},
  });
  const as = (email: string) =>
    new SupportApiClient({ transport: simulatorTransport(sim, { ...transportOptions, actAs: email }), clock });
  return { clock, sim, client, as };
}
