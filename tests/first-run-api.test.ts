import { expect, it } from "vitest";
import { issueSetupCodeIfNeeded, setupStatus } from "@/lib/setup/service";
import { createApiToken } from "@/lib/users/service";
import { systemActor } from "@/lib/auth/actor";
import * as setupRoute from "../app/api/setup/route";
import * as entityCollection from "../app/api/v1/entities/route";
import * as activityCollection from "../app/api/v1/activities/route";
import * as processorCollection from "../app/api/v1/processors/route";
import * as transferCollection from "../app/api/v1/transfers/route";
import * as flagCollection from "../app/api/v1/flags/route";
import * as exportRoute from "../app/api/v1/exports/[report]/route";
import { describeOnDatabases, useAsAppDatabase } from "./databases";

/*
 * Issue 13, "done when": a real company starts from nothing. On a fresh database without the demo, the set-up
 * code creates the first DPO; then, through the REST API alone, an entity, a processing activity, a vendor and
 * a transfer; the transfer's flags; and an Art. 30 export naming the entity's DPO contact.
 */

const BASE = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: unknown, { method = "GET", url, token, body, params = {} }: { method?: string; url: string; token?: string; body?: unknown; params?: Record<string, string> }) {
  const headers: Record<string, string> = { origin: BASE, host: "localhost:3000" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`${BASE}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return (handler as Handler)(request, { params: Promise.resolve(params) });
}

async function created(response: Response) {
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data;
}

describeOnDatabases("a company's first day, without the demo", (use) => {
  useAsAppDatabase(use);

  it("sets up the first DPO with the one-time code, then records an entity, an activity, a vendor and a transfer through the API and exports them", async () => {
    const { db } = use();
    expect(await setupStatus({ db })).toEqual({ state: "no_code" });
    const code = await issueSetupCodeIfNeeded({ db });
    expect(await setupStatus({ db })).toMatchObject({ state: "pending" });
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const dpo = { name: "Nadia First", email: "nadia@first-run.test", password: "a-long-password-for-nadia" };
    const wrong = await call(setupRoute.POST, { method: "POST", url: "/api/setup", body: { ...dpo, code: "AAAA-BBBB-CCCC" } });
    expect(wrong.status).toBe(422);
    const setUp = await call(setupRoute.POST, { method: "POST", url: "/api/setup", body: { ...dpo, code } });
    expect(setUp.status, await setUp.clone().text()).toBe(201);
    const { user } = (await setUp.json()) as { user: { id: string; role: string } };
    expect(user.role).toBe("dpo");
    // The code is spent: a second use is refused.
    expect((await call(setupRoute.POST, { method: "POST", url: "/api/setup", body: { ...dpo, email: "other@first-run.test", code } })).status).toBe(409);
    expect(await setupStatus({ db })).toEqual({ state: "done" });

    const { token } = await createApiToken({ ctx: { db, actor: systemActor("test"), today: "2026-12-03" }, input: { userId: user.id, name: "first day" } });

    const entity = await created(
      await call(entityCollection.POST, {
        method: "POST",
        url: "/api/v1/entities",
        token,
        body: { name: "Acme Cameras SAS", legalName: "Acme Cameras SAS", country: "FR", role: "controller", address: "1 rue de la Paix, 75002 Paris", dpoContact: "Nadia First, dpo@acme-cameras.test" },
      }),
    );
    const activity = await created(
      await call(activityCollection.POST, {
        method: "POST",
        url: "/api/v1/activities",
        token,
        body: { name: "Cloud video storage", controllerEntityId: entity.id, purpose: "Store the videos our cameras record for their owners", legalBasis: "contract", retentionPeriod: "30 days after the clip" },
      }),
    );
    const vendor = await created(
      await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token, body: { name: "Nimbus Storage Inc.", role: "processor", service: "hosting", country: "US" } }),
    );
    const transfer = await created(
      await call(transferCollection.POST, {
        method: "POST",
        url: "/api/v1/transfers",
        token,
        body: {
          activityId: activity.id,
          exporterEntityId: entity.id,
          processorId: vendor.id,
          originCountry: "FR",
          destinationCountry: "US",
          subjectRegions: ["EU"],
          estimatedSubjects: 5000,
          encryptionInTransit: "tls1_3",
          encryptionAtRest: "none",
          mechanism: "none",
          status: "approved",
          dataCategories: ["user.contact.email"],
        },
      }),
    );

    // EU data to a US importer without DPF certification, SCCs or a DPA: the engine flags it at once.
    const flags = await call(flagCollection.GET, { url: `/api/v1/flags?processorId=${vendor.id}&status=open&pageSize=100`, token });
    expect(flags.status).toBe(200);
    const rules = ((await flags.json()) as { data: { ruleId: string; subjectId: string }[] }).data.filter((flag) => flag.subjectId === transfer.id).map((flag) => flag.ruleId);
    expect(rules).toEqual(expect.arrayContaining(["transfer.no-mechanism", "transfer.no-contract", "transfer.no-encryption-at-rest"]));

    // The Art. 30 record names the entity as controller, with its DPO contact.
    const ropa = await call(exportRoute.GET, { url: "/api/v1/exports/ropa?format=csv", token, params: { report: "ropa" } });
    expect(ropa.status, await ropa.clone().text()).toBe(200);
    const csv = await ropa.text();
    expect(csv).toContain("Cloud video storage");
    expect(csv).toContain("Acme Cameras SAS");
    expect(csv).toContain("Nadia First, dpo@acme-cameras.test");
  });
});
