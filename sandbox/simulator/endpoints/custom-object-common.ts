import type { ApiContext } from '../context.ts';
import type { CustomObject } from '../custom-object-model.ts';
import type { Reply } from '../errors.ts';

/**
 * The custom objects API answers errors as a list, `{"errors":[{code, status, title, detail}]}`,
 * like the trigger-category errors (support-api.md §8); the codes and wording are (unverified).
 */
export function objectError(status: number, code: string, detail: string): Reply {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    403: 'Forbidden',
    404: 'Not Found',
    422: 'Unprocessable Entity',
  };
  return { status, body: { errors: [{ code, status: String(status), title: titles[status] ?? 'Error', detail }] } };
}

/**
 * An account without custom objects (the simulator option `customObjects: false`, or a plan
 * without them) answers 403 on every custom objects path; Zendesk's exact answer is (unverified).
 */
export function withCustomObjects(handle: (ctx: ApiContext) => Reply): (ctx: ApiContext) => Reply {
  return (ctx) =>
    ctx.account.customObjects.enabled
      ? handle(ctx)
      : objectError(403, 'Forbidden', 'Custom objects are not available on this account');
}

/** The `:key` object, or the 404 to answer. */
export function objectOf(ctx: ApiContext): CustomObject | Reply {
  const object = ctx.account.customObjects.object(ctx.params.key ?? '');
  return object ?? objectError(404, 'RecordNotFound', 'Custom object not found');
}

export const isReply = (value: object): value is Reply => 'status' in value && typeof value.status === 'number';
