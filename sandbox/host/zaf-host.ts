import { forwardRequest, type ZafRequestOptions } from './request-forwarder.ts';

/** What the host knows about the running app, asked fresh for every message. */
export interface HostState {
  appGuid: string;
  metadata: Record<string, unknown>;
  context: Record<string, unknown>;
  currentUser: Record<string, unknown>;
  currentAccount: Record<string, unknown>;
  actingEmail: string;
}

export interface HostHandlers {
  state(): HostState;
  /** `invoke('routeTo', target, ...args)`: Zendesk leaves the app and shows that page. */
  routeTo(args: string[]): void;
  notify(message: string, kind: string): void;
  log(direction: 'in' | 'out', key: string, payload: unknown): void;
}

type Incoming = {
  key?: string;
  id?: number;
  request?: 'get' | 'set' | 'invoke';
  params?: unknown;
  message?: unknown;
};

/**
 * The host side of the ZAF v2 wire protocol (zaf.md §3): the part of Zendesk's agent page that
 * talks to an app iframe. Messages from the SDK are JSON strings; answers go back as JSON strings
 * to the app's origin only.
 */
export class ZafHost {
  private readonly listener = (event: MessageEvent) => this.receive(event);

  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly appOrigin: string,
    private readonly handlers: HostHandlers,
  ) {
    window.addEventListener('message', this.listener);
  }

  dispose(): void {
    window.removeEventListener('message', this.listener);
  }

  /** Fires a framework event in the app (`zaf.<name>`), e.g. pane.activated. */
  emit(name: string, message: unknown = {}): void {
    this.send({ key: `zaf.${name}`, message });
  }

  private receive(event: MessageEvent): void {
    // Only the app's own iframe, from the origin it was loaded from, may talk to the host.
    if (event.source !== this.frame.contentWindow || event.origin !== this.appOrigin) return;
    let data: Incoming;
    try {
      data = (typeof event.data === 'string' ? JSON.parse(event.data) : event.data) as Incoming;
    } catch {
      return;
    }
    const label = data.key ?? `${data.request ?? '?'} #${data.id ?? '?'}`;
    this.handlers.log('in', label, data.params ?? data.message);

    if (data.key === 'iframe.handshake') return this.register();
    if (data.request && typeof data.id === 'number') return this.answerCall(data.id, data.request, data.params);
    if (data.key?.startsWith('request:')) return void this.answerRequest(data.key, data.message);
    // iframe.on:/iframe.off: subscriptions and telemetry need no answer.
  }

  private register(): void {
    const state = this.handlers.state();
    this.send({ key: 'zaf.app.registered', message: { metadata: state.metadata, context: state.context } });
  }

  private answerCall(id: number, request: string, params: unknown): void {
    const state = this.handlers.state();
    if (request === 'get' && Array.isArray(params)) {
      const result: Record<string, unknown> = {};
      const errors: Record<string, { message: string; path: string }> = {};
      const sources: Record<string, unknown> = {
        currentUser: state.currentUser,
        currentAccount: state.currentAccount,
        context: state.context,
      };
      for (const path of params) {
        const value = typeof path === 'string' ? lookup(sources, path) : undefined;
        if (value === undefined)
          errors[String(path)] = { message: 'Could not find the requested path', path: String(path) };
        else result[String(path)] = value;
      }
      return this.send({ id, result: { ...result, errors } });
    }
    if (request === 'invoke' && typeof params === 'object' && params !== null) {
      for (const [name, args] of Object.entries(params)) {
        const list = Array.isArray(args) ? args.map(String) : [];
        if (name === 'routeTo') this.handlers.routeTo(list);
        if (name === 'notify') this.handlers.notify(list[0] ?? '', list[1] ?? 'notice');
        // resize, track and others: acknowledged, nothing to do in a full-pane nav-bar app.
      }
      return this.send({ id, result: { errors: {} } });
    }
    if (request === 'set') {
      return this.send({ id, result: { errors: {} } });
    }
    this.send({ id, error: { name: 'Error', message: `Unsupported request ${request}` } });
  }

  private async answerRequest(key: string, options: unknown): Promise<void> {
    const requestOptions = (typeof options === 'object' && options !== null ? options : {}) as ZafRequestOptions;
    const outcome = await forwardRequest(requestOptions, this.handlers.state().actingEmail, (wait) =>
      this.handlers.log('in', `${key} auto-retry`, `429: ZAF retries after ${wait} s (autoRetry not disabled)`),
    );
    this.send({ key: `zaf.${key}.${outcome.settled}`, message: { responseArgs: outcome.responseArgs } });
  }

  private send(message: Record<string, unknown>): void {
    const label = typeof message.key === 'string' ? message.key : `reply #${String(message.id)}`;
    this.handlers.log('out', label, message.message ?? message.result ?? message.error);
    this.frame.contentWindow?.postMessage(JSON.stringify(message), this.appOrigin);
  }
}

/** `currentUser.locale` → sources.currentUser.locale; undefined when any step is missing. */
function lookup(sources: Record<string, unknown>, path: string): unknown {
  let value: unknown = sources;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
