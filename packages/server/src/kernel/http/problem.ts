/**
 * Errors as RFC 9457 problem documents (application/problem+json). A validation problem names
 * each field and the rule it broke, so a form can show the message beside the field.
 */
export type FieldError = { field: string; rule: string; message: string };

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = 'Problem';
  }

  toJSON() {
    return {
      type: `https://lantern.invalid/problems/${this.title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

export const invalid = (errors: FieldError[], detail = 'The request has fields that break a rule') => new Problem(400, 'Invalid request', detail, errors);
export const notFound = (what = 'record') => new Problem(404, 'Not found', `No ${what} here, or you do not have access to it`);
export const forbidden = (detail = 'Your role does not allow this') => new Problem(403, 'Forbidden', detail);
export const unauthenticated = () => new Problem(401, 'Sign in required', 'Sign in to continue');
export const staleVersion = (current: number, sent: number) =>
  new Problem(
    409,
    'Edit conflict',
    `Someone else changed this record since you opened it (you had version ${sent}; it is now version ${current}). Reload it and make your change again.`,
    [{ field: 'version', rule: 'stale-version', message: `The record is now at version ${current}` }],
    { currentVersion: current },
  );
export const conflict = (detail: string, errors?: FieldError[]) => new Problem(409, 'Conflict', detail, errors);
