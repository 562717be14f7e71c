// The npm build of the ZAF SDK ships no types (and there is no @types package): these describe
// only what src/zaf uses. Everything else in the app talks to our own ZafClient interface.
declare module 'zendesk_app_framework_sdk' {
  interface SdkClient {
    get(path: string | string[]): Promise<Record<string, unknown>>;
    request(options: object | string): Promise<unknown>;
    invoke(name: string, ...args: unknown[]): Promise<unknown>;
    on(event: string, handler: (data: unknown) => void): void;
    metadata(): Promise<unknown>;
    context(): Promise<unknown>;
  }
  const ZAFClient: {
    /** `false` when the page URL has no `origin` and `app_guid`: the app is not inside Zendesk. */
    init(callback?: (context: unknown) => void): SdkClient | false;
  };
  export default ZAFClient;
}
