import { AppError, ERROR_TITLE, isAppError, type ErrorCode } from "@/lib/errors";
import { databaseErrorOf, UNIQUE_VIOLATION } from "./database-error";
import { uniqueConstraintField } from "./unique-constraints";

/*
 * The one place errors become answers: RFC 9457 problem+json for route handlers, a form result for server
 * actions. Both go through `asAppError`, so a unique violation that slipped past a service's pre-check (two
 * concurrent inserts) is the same 409 naming the field on either path, and anything unexpected is a 500 that
 * is logged here and never shown.
 */

/** Any thrown value as an AppError: a unique violation → 409 naming its field, anything unknown → internal. */
export function asAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const cause = databaseErrorOf(error);
  if (cause?.code === UNIQUE_VIOLATION) {
    const field = uniqueConstraintField(cause.constraint);
    return new AppError("conflict", `${field.path}: ${field.message}`, { fields: [field] });
  }
  console.error("[error]", error);
  return new AppError("internal", "The server could not complete the request. Try again.");
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: { path: string; message: string; allowed?: readonly string[] }[];
  [key: string]: unknown;
}

export function problemBody(error: AppError, instance?: string): ProblemBody {
  const { fields, retryAfterSeconds: _header, ...rest } = error.details;
  return {
    type: `about:blank#${error.code}`,
    title: ERROR_TITLE[error.code],
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(fields ? { errors: fields } : {}),
    ...rest,
  };
}

/** The problem+json response of a route handler; 401s say how to authenticate (RFC 9110 §11.6.1). */
export function problemResponse(error: unknown, instance?: string): Response {
  const appError = asAppError(error);
  const headers = new Headers({ "content-type": "application/problem+json" });
  if (appError.details.retryAfterSeconds !== undefined) headers.set("retry-after", String(appError.details.retryAfterSeconds));
  if (appError.code === "unauthenticated") headers.set("www-authenticate", 'Bearer realm="api", Cookie');
  return new Response(JSON.stringify(problemBody(appError, instance)), { status: appError.status, headers });
}

export type ActionError = { code: string; message: string; fields?: { path: string; message: string }[]; [key: string]: unknown };

/** The error a server action returns to its form: the same code, message and fields as the API's problem. */
export function actionError(error: unknown): ActionError {
  const appError = asAppError(error);
  return { code: appError.code, message: appError.message, ...appError.details };
}
