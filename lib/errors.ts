/**
 * Typed errors with stable codes. Domain code throws these; route handlers map them to RFC 9457
 * problem+json in one place (`toProblemResponse`), so that no stack trace or SQL ever leaks.
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "validation_failed"
  | "conflict"
  | "version_conflict"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 422,
  conflict: 409,
  version_conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const TITLE: Record<ErrorCode, string> = {
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed for your role",
  not_found: "Not found",
  validation_failed: "Some fields are invalid",
  conflict: "Conflicts with an existing record",
  version_conflict: "The record was changed by someone else",
  rate_limited: "Too many attempts",
  unavailable: "Service unavailable",
  internal: "Unexpected error",
};

export interface FieldIssue {
  /** Path of the invalid field, e.g. "transfers.0.destinationCountry". */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function toProblemResponse(error: unknown, instance?: string): Response {
  const appError = isAppError(error) ? error : new AppError("internal", "The server could not complete the request.");
  if (!isAppError(error)) console.error("[error]", error);
  const { fields, retryAfterSeconds, ...rest } = appError.details;
  const body = {
    type: `about:blank#${appError.code}`,
    title: TITLE[appError.code],
    status: appError.status,
    detail: appError.message,
    code: appError.code,
    ...(instance ? { instance } : {}),
    ...(fields ? { errors: fields } : {}),
    ...rest,
  };
  const headers = new Headers({ "content-type": "application/problem+json" });
  if (retryAfterSeconds !== undefined) headers.set("retry-after", String(retryAfterSeconds));
  return new Response(JSON.stringify(body), { status: appError.status, headers });
}
