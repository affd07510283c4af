/** One page of a register as the list endpoints of /api/v1 answer it. */
export interface RegisterPage<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}

/** Problem titles a DPO can act on, by HTTP status; the server's own detail is added when it has one. */
function explain(status: number, detail: string | undefined): string {
  if (status === 401) return "Your session has ended. Sign in again to see the register.";
  if (status === 403) return "Your role does not allow you to see this register.";
  if (status === 422 || status === 400) return `The filters in the address are not valid${detail ? `: ${detail}` : "."} Reset the filters and try again.`;
  return `The register could not be loaded (the server answered ${status}). Reload the page in a moment; if it keeps failing, tell the administrator.`;
}

/** GETs a register page from the API; a failure becomes an Error whose message is written for the reader. */
export async function fetchRegisterPage<Row>(url: string, signal?: AbortSignal): Promise<RegisterPage<Row>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error("The register could not be reached. Check your network connection, then reload the page.");
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
    throw new Error(explain(response.status, problem?.detail));
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
