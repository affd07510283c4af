/** One page of a register as the list endpoints of /api/v1 answer it. */
export interface RegisterPage<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}

/** Why a register page could not be read, as the reader is told it (registers.fetch.* in the messages). */
export type RegisterFailure =
  | { kind: "unreachable" }
  | { kind: "signedOut" }
  | { kind: "forbidden" }
  | { kind: "invalidFilters"; detail?: string }
  | { kind: "server"; status: number };

/** Problem titles a DPO can act on, by HTTP status; the server's own detail is added when it has one. */
function failureOf(status: number, detail: string | undefined): RegisterFailure {
  if (status === 401) return { kind: "signedOut" };
  if (status === 403) return { kind: "forbidden" };
  if (status === 422 || status === 400) return { kind: "invalidFilters", detail };
  return { kind: "server", status };
}

/**
 * A register page that could not be read. It carries the failure itself, so that the page says it in the
 * reader's language (components/registers/register-status.tsx, registers.fetch.*); its message is for logs.
 */
export class RegisterFetchError extends Error {
  constructor(readonly failure: RegisterFailure) {
    super(`The register page could not be read (${failure.kind}${failure.kind === "server" ? ` ${failure.status}` : ""}).`);
    this.name = "RegisterFetchError";
  }
}

/** GETs a register page from the API; a failure becomes a RegisterFetchError that says why. */
export async function fetchRegisterPage<Row>(url: string, signal?: AbortSignal): Promise<RegisterPage<Row>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RegisterFetchError({ kind: "unreachable" });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
    throw new RegisterFetchError(failureOf(response.status, problem?.detail));
  }
  const body = (await response.json()) as { data: Row[]; total: number; page: number; pageSize: number };
  return { rows: body.data, total: body.total, page: body.page, pageSize: body.pageSize };
}

/** A query string from defined values only, in a stable order. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== "") params.set(key, String(value));
  return params.toString();
}
