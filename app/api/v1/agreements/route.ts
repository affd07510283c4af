import { db } from "@/db/client";
import { listAgreementRegister } from "@/db/queries/agreements-register";
import { listAgreements } from "@/db/queries/api-lists";
import { agreementRegisterApiQuery } from "@/components/agreements/register-api";
import { readJsonBody } from "@/lib/api/body";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { createAgreement } from "@/lib/agreements/service";
import { route, ALL_ROLES, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { agreementListQuery, createAgreementBody } from "@/lib/review/api-schemas";
import { parseStrictInput } from "@/lib/validation/processor";

export const dynamic = "force-dynamic";

/**
 * One page of safeguard agreements, soonest expiry first: `?page&pageSize&processorId&type&expiringBefore`.
 * `?view=register` answers the agreement register page's rows instead (state on today, processor name,
 * covered transfers, open flags; its filters and sorts), for the page's query cache.
 */
export const GET = route({ roles: ALL_ROLES }, async ({ request }) => {
  if (new URL(request.url).searchParams.get("view") === "register") {
    const { view: _view, ...filters } = parseQuery(agreementRegisterApiQuery, request);
    const { rows, total, page, pageSize } = await listAgreementRegister({ db: db(), today: todayIso(), ...filters });
    return Response.json({ data: rows, page, pageSize, total });
  }
  const query = parseQuery(agreementListQuery, request);
  const { rows, total, page, pageSize } = await listAgreements({ db: db(), ...query });
  return Response.json({ data: rows, page, pageSize, total });
});

export const POST = route({ roles: ["dpo", "engineer"] }, async ({ request, actor }) => {
  const input = await readJsonBody(request);
  parseStrictInput(createAgreementBody, input);
  const agreement = await createAgreement({ db: db(), actor: auditActor(actor!), input, today: todayIso() });
  return recordResponse({ data: agreement }, { status: 201, version: agreement.version, location: `/api/v1/agreements/${agreement.id}` });
});
