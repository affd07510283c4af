import { db } from "@/db/client";
import { getDataCategory } from "@/db/queries/categories-register";
import { readJsonBody } from "@/lib/api/body";
import { CATEGORY_KEY } from "@/lib/api/contracts/transfers";
import { dataCategoryContract } from "@/lib/api/contracts/data-categories";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { updateCategoryClassification } from "@/lib/categories/service";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Params = { key: string };

const { operations } = dataCategoryContract;

// Keys are dotted lower-case paths (fideslang style); anything else names no category.
function categoryKey(params: Params): string {
  const key = params.key ?? "";
  if (!CATEGORY_KEY.test(key) || key.length > 200) throw new AppError("not_found", `No data category with key ${key}.`);
  return key;
}

export const GET = route<Params>({ roles: operations.get.roles }, async ({ params }) => {
  const key = categoryKey(params);
  const category = await getDataCategory({ db: db(), key });
  if (!category) throw new AppError("not_found", `No data category with key ${key}.`);
  return recordResponse({ data: category }, { version: category.version });
});

/** The DPO reclassifies a category; every processor receiving it is re-evaluated. */
export const PATCH = route<Params>({ roles: operations.update.roles }, async ({ request, ctx, params }) => {
  const key = categoryKey(params);
  const changes = withVersion(request, await readJsonBody(request));
  const { record } = await updateCategoryClassification({ ctx, input: { key, changes } });
  return recordResponse({ data: record }, { version: record.version });
});
