import { AppError } from "@/lib/errors";
import { parseIfMatch } from "./params";

/**
 * The version a DELETE names, from If-Match (`"3"`) or `?version=3`; both must agree. Neither is a 428
 * (RFC 6585), as for an update: deleting without the version seen could remove someone else's change.
 */
export function versionToDelete(request: Request): number {
  const header = request.headers.get("if-match");
  const query = new URL(request.url).searchParams.get("version");
  const fromHeader = header === null ? undefined : parseIfMatch(header);
  const fromQuery = query === null ? undefined : parseIfMatch(query);
  if (header !== null && fromHeader === undefined) {
    throw new AppError("validation_failed", `version: the If-Match header must be a record version like "3"`, {
      fields: [{ path: "version", message: `the If-Match header must be a record version like "3", W/"3" or 3` }],
    });
  }
  if (query !== null && fromQuery === undefined) {
    throw new AppError("validation_failed", "version: must be a whole number of at least 1", {
      fields: [{ path: "version", message: "must be a whole number of at least 1" }],
    });
  }
  if (fromHeader !== undefined && fromQuery !== undefined && fromHeader !== fromQuery) {
    throw new AppError("validation_failed", `version: the query says ${fromQuery} but If-Match says ${fromHeader}`, {
      fields: [{ path: "version", message: "the query and the If-Match header disagree" }],
    });
  }
  const version = fromHeader ?? fromQuery;
  if (version === undefined) {
    throw new AppError("precondition_required", "Send the version you are deleting, as an If-Match header or ?version=.", { fields: [
      { path: "version", message: "is required (as If-Match or ?version=)" },
    ] });
  }
  return version;
}
