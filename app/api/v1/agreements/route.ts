import { db } from "@/db/client";
import { listAgreements } from "@/db/queries/api-lists";
import { readJsonBody } from "@/lib/api/body";
import { apiRoute, recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { createAgreement } from "@/lib/agreements/service";
import { ALL_ROLES, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { agreementListQuery, createAgreementBody } from "@/lib/review/api-schemas";
import { parseStrictInput } from "@/lib/validation/processor";

export const dynamic = "force-dynamic";

/** One page of safeguard agreements, soonest expiry first: `?page&pageSize&processorId&type&expiringBefore`. */
export const GET = apiRoute({ roles: ALL_ROLES }, async ({ request }) => {
  const query = parseQuery(agreementListQuery, request);
  const { rows, total, page, pageSize } = await listAgreements({ db: db(), ...query });
  return Response.json({ data: rows, page, pageSize, total });
});

export const POST = apiRoute({ roles: ["dpo", "engineer"] }, async ({ request, actor }) => {
  const input = await readJsonBody(request);
  parseStrictInput(createAgreementBody, input);
  const agreement = await createAgreement({ db: db(), actor: auditActor(actor!), input, today: todayIso() });
  return recordResponse({ data: agreement }, { status: 201, version: agreement.version, location: `/api/v1/agreements/${agreement.id}` });
});
