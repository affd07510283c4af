import type { FieldIssue } from "@/lib/errors";

/*
 * HTTP-level problems that have no domain meaning (a body too large, the wrong media type, JSON that does
 * not parse, a missing precondition), so they are not AppError codes. The body has the same RFC 9457 shape
 * as lib/errors.ts toProblemResponse, so that a client reads every error the same way.
 */
export type HttpProblemCode = "invalid_json" | "payload_too_large" | "unsupported_media_type" | "precondition_required";

const STATUS: Record<HttpProblemCode, number> = {
  invalid_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
};

const TITLE: Record<HttpProblemCode, string> = {
  invalid_json: "The request body is not valid JSON",
  payload_too_large: "The request body is too large",
  unsupported_media_type: "Unsupported media type",
  precondition_required: "A version is required",
};

export class HttpProblem extends Error {
  constructor(
    readonly code: HttpProblemCode,
    message: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
    this.name = "HttpProblem";
  }

  get status(): number {
    return STATUS[this.code];
  }

  toResponse(instance?: string): Response {
    const body = {
      type: `about:blank#${this.code}`,
      title: TITLE[this.code],
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(instance ? { instance } : {}),
      ...(this.fields ? { errors: this.fields } : {}),
    };
    return new Response(JSON.stringify(body), { status: this.status, headers: { "content-type": "application/problem+json" } });
  }
}

export const HTTP_PROBLEM_STATUSES = STATUS;
