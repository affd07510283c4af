import { db } from "@/db/client";
import { getDataCategory } from "@/db/queries/api-lists";
import { readJsonBody } from "@/lib/api/body";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route, ALL_ROLES, auditActor } from "@/lib/auth/guard";
import { updateCategoryClassification } from "@/lib/categories/service";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Params = { key: string };

// Keys are dotted lower-case paths (fideslang style); anything else names no category.
const KEY_SHAPE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

function categoryKey(params: Params): string {
  const key = params.key ?? "";
  if (!KEY_SHAPE.test(key) || key.length > 200) throw new AppError("not_found", `No data category with key ${key}.`);
  return key;
}

export const GET = route<Params>({ roles: ALL_ROLES }, async ({ params }) => {
  const key = categoryKey(params);
  const category = await getDataCategory({ db: db(), key });
  if (!category) throw new AppError("not_found", `No data category with key ${key}.`);
  return recordResponse({ data: category }, { version: category.version });
});

/** The DPO reclassifies a category; every processor receiving it is re-evaluated. */
export const PATCH = route<Params>({ roles: ["dpo"] }, async ({ request, actor, params }) => {
  const key = categoryKey(params);
  const input = withVersion(request, await readJsonBody(request));
  const category = await updateCategoryClassification({ db: db(), actor: auditActor(actor!), key, input, today: todayIso() });
  return recordResponse({ data: category }, { version: category.version });
});
