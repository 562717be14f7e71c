import type { Clock } from '../../../../src/zendesk/clock.ts';
import {
  NetworkFailure,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../../../../src/zendesk/transport.ts';

export interface SentRequest {
  at: number;
  request: TransportRequest;
}

type Answer = TransportResponse | 'drop';
type Responder = (request: TransportRequest, index: number) => Answer;

/**
 * A transport that answers from a script and records when each request was sent (clock time),
 * so tests can check what a rate-limited caller would see: how many sends, and when.
 */
export class ScriptedTransport implements Transport {
  readonly sent: SentRequest[] = [];
  private readonly script: Answer[];

  constructor(
    private readonly clock: Clock,
    script: Answer[] | Responder,
    private readonly latencyMs = 0,
  ) {
    this.script = Array.isArray(script) ? [...script] : [];
    this.responder = Array.isArray(script) ? undefined : script;
  }

  private readonly responder: Responder | undefined;

  async request(request: TransportRequest): Promise<TransportResponse> {
    const index = this.sent.length;
    this.sent.push({ at: this.clock.now(), request });
    if (this.latencyMs > 0) await this.clock.sleep(this.latencyMs);
    const answer = this.responder !== undefined ? this.responder(request, index) : this.script.shift();
    if (answer === undefined) throw new Error(`ScriptedTransport: no answer scripted for request #${index + 1}`);
    if (answer === 'drop') throw new NetworkFailure('connection reset');
    return answer;
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}
