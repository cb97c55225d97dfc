/**
 * Errors are typed values thrown by services and mapped in one place (problem.ts) to RFC 9457
 * problem+json. A service never decides an HTTP status; it says what went wrong.
 */
export interface FieldError {
  field: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;
  /** Extra members for the problem document (e.g. errors, reason). */
  extensions(): Record<string, unknown> {
    return {};
  }
}

const base = 'https://fascia.dev/problems/';

export class NotFound extends AppError {
  readonly status = 404;
  readonly type = `${base}not-found`;
  readonly title = 'Not found';
  constructor(what = 'The resource') {
    super(`${what} was not found.`);
  }
}

/** Forbidden answers like NotFound where revealing existence would leak (DESIGN.md); use where it cannot. */
export class Forbidden extends AppError {
  readonly status = 403;
  readonly type = `${base}forbidden`;
  readonly title = 'Forbidden';
  constructor(detail = 'Your role does not allow this.') {
    super(detail);
  }
}

/** A refusal about one field of an otherwise acceptable request (e.g. a care team the actor may not change). */
export class ForbiddenField extends Forbidden {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(detail);
  }
  override extensions() {
    return { errors: [{ field: this.field, message: this.message }] };
  }
}

export class Invalid extends AppError {
  readonly status = 422;
  readonly type = `${base}validation`;
  readonly title = 'Invalid input';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
  override extensions() {
    return { errors: this.errors };
  }
}

export class Conflict extends AppError {
  readonly status = 409;
  readonly type = `${base}conflict`;
  readonly title = 'Conflict';
}

export class Gone extends AppError {
  readonly status = 410;
  readonly type = `${base}gone`;
  readonly title = 'No longer available';
}

export type UnauthenticatedReason =
  | 'none'
  | 'invalid_credentials'
  | 'idle_timeout'
  | 'expired'
  | 'ended'
  | 'stage';

export class Unauthenticated extends AppError {
  readonly status = 401;
  readonly type = `${base}unauthenticated`;
  readonly title = 'Not signed in';
  constructor(
    readonly reason: UnauthenticatedReason,
    detail = 'Sign in to continue.',
  ) {
    super(detail);
  }
  override extensions() {
    return { reason: this.reason };
  }
}

export class AccountLocked extends AppError {
  readonly status = 423;
  readonly type = `${base}account-locked`;
  readonly title = 'Account temporarily locked';
  constructor(readonly until: Date) {
    super(
      `Too many failed sign-ins. Try again after ${until.toISOString().slice(11, 16)} UTC, or ask your clinic's owner.`,
    );
  }
  override extensions() {
    return { lockedUntil: this.until.toISOString() };
  }
}

/** A clinical safety rule refuses the action (screening, signed-note immutability). */
export class SafetyBlock extends AppError {
  readonly status = 409;
  readonly type = `${base}safety-block`;
  readonly title = 'Refused for patient safety';
  constructor(
    detail: string,
    readonly findings: unknown[] = [],
  ) {
    super(detail);
  }
  override extensions() {
    return { findings: this.findings };
  }
}
