/**
 * Typed errors with stable codes (part of the kernel that db/ may import). Domain code and the HTTP edge throw
 * these; `lib/api/problem.ts` renders them, once, as RFC 9457 problem+json for route handlers and as a form
 * result for server actions, so that no stack trace or SQL ever leaks.
 */
export const ERROR_STATUS = {
  invalid_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLE: Record<ErrorCode, string> = {
  invalid_json: "The request body is not valid JSON",
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed for your role",
  not_found: "Not found",
  conflict: "Conflicts with an existing record",
  version_conflict: "The record was changed by someone else",
  payload_too_large: "The request body is too large",
  unsupported_media_type: "Unsupported media type",
  validation_failed: "Some fields are invalid",
  precondition_required: "A version is required",
  rate_limited: "Too many attempts",
  internal: "Unexpected error",
  unavailable: "Service unavailable",
};

/** The same titles in French, for a form or page that shows a problem to a French reader (errorTitle). */
export const ERROR_TITLE_FR: Record<ErrorCode, string> = {
  invalid_json: "Le corps de la requête n'est pas du JSON valide",
  unauthenticated: "Connexion requise",
  forbidden: "Action non autorisée pour votre rôle",
  not_found: "Introuvable",
  conflict: "En conflit avec un enregistrement existant",
  version_conflict: "L'enregistrement a été modifié par quelqu'un d'autre",
  payload_too_large: "Le corps de la requête est trop volumineux",
  unsupported_media_type: "Type de média non pris en charge",
  validation_failed: "Certains champs ne sont pas valides",
  precondition_required: "Une version est requise",
  rate_limited: "Trop de tentatives",
  internal: "Erreur inattendue",
  unavailable: "Service indisponible",
};

/** A problem's title for a person, in their language; the API's problem+json stays in English (ERROR_TITLE). */
export function errorTitle(code: ErrorCode, locale: "en" | "fr" = "en"): string {
  return (locale === "fr" ? ERROR_TITLE_FR : ERROR_TITLE)[code];
}

export interface FieldIssue {
  /** Path of the invalid field, e.g. "transfers.0.destinationCountry". */
  path: string;
  /** For a person: an enum's choices are named by their labels (lib/labels), never by code. */
  message: string;
  /** For a program: the codes the field accepts, where it takes one of a list (the message names their labels). */
  allowed?: readonly string[];
}

export interface ErrorDetails {
  fields?: FieldIssue[];
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** One error naming every field, as "path: message; path: message". */
export function fieldsError(code: ErrorCode, fields: FieldIssue[]): AppError {
  return new AppError(code, fields.map((field) => `${field.path}: ${field.message}`).join("; "), { fields });
}

export function notFound(what: string, id: string): AppError {
  return new AppError("not_found", `No ${what} with id ${id}.`);
}
