/**
 * Our own view of the ZAF client: the subset of the SDK the app uses. Tests hand the app a fake
 * object of this shape; in Zendesk (and the sandbox host) it is the real SDK client.
 */
export interface ZafRequestOptions {
  url: string;
  type: string;
  contentType?: string;
  data?: string;
  headers?: Record<string, string>;
  dataType?: string;
  /** Resolve with `{status, headers, responseText, responseJSON}` instead of the bare body. */
  httpCompleteResponse?: boolean;
  /** ZAF retries 429s itself unless told not to; our scheduler owns retries and Retry-After. */
  autoRetry?: boolean;
}

export interface ZafClient {
  get(path: string | string[]): Promise<Record<string, unknown>>;
  request(options: ZafRequestOptions): Promise<unknown>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: (data: unknown) => void): void;
  metadata(): Promise<unknown>;
  context(): Promise<unknown>;
}
