/** What an endpoint answers before it is serialised; `body` undefined = empty body. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown, headers?: Record<string, string>): Reply {
  return { status: 200, body, headers };
}

export function created(body: unknown, location: string): Reply {
  return { status: 201, body, headers: { location } };
}

export function invalidEndpoint(): Reply {
  return { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } };
}

/** Body shape (unverified, support-api.md §10) as commonly seen. */
export function recordNotFound(): Reply {
  return { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
}

export function forbidden(): Reply {
  return {
    status: 403,
    body: {
      error: 'Forbidden',
      description:
        'You do not have access to this page. Please contact the account owner of this help desk for further help.',
    },
  };
}

export function unauthenticated(): Reply {
  return { status: 401, body: { error: "Couldn't authenticate you" } };
}

export function badRequest(error: string, description: string): Reply {
  return { status: 400, body: { error, description } };
}

export interface DetailItem {
  description: string;
  error: string;
}

export type Details = Record<string, DetailItem[]>;

/** 422 RecordInvalid with per-field details (support-api.md §10). */
export function recordInvalid(details: Details, description = 'Record validation errors'): Reply {
  return { status: 422, body: { error: 'RecordInvalid', description, details } };
}

export function blank(label: string): DetailItem {
  return { description: `${label}: cannot be blank`, error: 'BlankValue' };
}

export function invalidValue(label: string, why = 'is invalid'): DetailItem {
  return { description: `${label}: ${why}`, error: 'InvalidValue' };
}

/** Thrown inside an endpoint to answer with `reply` at once (keeps validation code linear). */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`simulator reply ${reply.status}`);
  }
}
