import crypto from "node:crypto";
import { expect, type APIRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/demo-users";

/*
 * The REST API as the specs use it to make their own records: a spec that changes or deletes a record
 * creates it first, here, so that it never depends on another spec's writes or on the order they run in.
 * The demo data stays for read-only checks (and as the template a new record copies, e.g. a transfer's
 * activity and exporting entity).
 */

export type Role = (typeof DEMO_USERS)[number]["role"];

export const demoUser = (role: Role) => {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
};

/** A name no other test (nor a second run on the same server) uses: `prefix` and six random hex digits. */
export const uniqueName = (prefix: string) => `${prefix} ${crypto.randomBytes(3).toString("hex")}`;

/** A calendar date `days` from today (UTC, as the server reads "today"), as YYYY-MM-DD. */
export function isoDateInDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

type Body = Record<string, unknown>;
export interface StoredRecord {
  id: string;
  version: number;
  [field: string]: unknown;
}

/** The fields of a transfer that a new one may copy from a demo transfer (POST /api/v1/transfers is strict). */
const TRANSFER_FIELDS = [
  "activityId",
  "exporterEntityId",
  "processorId",
  "originCountry",
  "destinationCountry",
  "accessType",
  "subjectRegions",
  "estimatedSubjects",
  "volumeUnit",
  "frequency",
  "encryptionInTransit",
  "encryptionAtRest",
  "mechanism",
  "tiaDate",
  "cisaRequirementsMet",
  "reExportOfForeignData",
  "startDate",
  "endDate",
  "status",
  "notes",
  "dataCategories",
] as const;

/** Likewise for a processing activity (POST /api/v1/activities). */
const ACTIVITY_FIELDS = [
  "controllerEntityId",
  "purpose",
  "legalBasis",
  "jointController",
  "businessFunction",
  "legitimateInterest",
  "art9Condition",
  "disclosureType",
  "dataSubjectCategories",
  "retentionPeriod",
  "securityMeasures",
  "source",
] as const;

const pick = (record: Body, keys: readonly string[]) => Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]]));

export class Api {
  private constructor(private readonly request: APIRequestContext) {}

  /**
   * A request context signed in as a demo user through next-auth's credentials callback (as the sign-in
   * form does). Its writes carry the app's Origin: with a session cookie, only same-origin writes pass.
   */
  static async signIn(requests: APIRequest, baseURL: string, role: Role): Promise<Api> {
    const request = await requests.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
    const { email, password } = demoUser(role);
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signedIn = await request.post("/api/auth/callback/credentials", {
      form: { email, password, csrfToken, json: "true" },
      maxRedirects: 0,
    });
    expect(signedIn.status(), `sign-in of the demo ${role}`).toBeLessThan(400);
    const me = await request.get("/api/v1/me");
    expect(me.status(), `the API knows the signed-in ${role}`).toBe(200);
    return new Api(request);
  }

  async dispose() {
    await this.request.dispose();
  }

  private async expectJson<T>(response: APIResponse, status: number, what: string): Promise<T> {
    const text = await response.text();
    expect(response.status(), `${what}: ${text.slice(0, 500)}`).toBe(status);
    return JSON.parse(text) as T;
  }

  async get<T = { data: StoredRecord }>(path: string): Promise<T> {
    return this.expectJson<T>(await this.request.get(path), 200, `GET ${path}`);
  }

  async status(path: string): Promise<number> {
    return (await this.request.get(path)).status();
  }

  async create(path: string, data: Body): Promise<StoredRecord> {
    const body = await this.expectJson<{ data: StoredRecord }>(await this.request.post(path, { data }), 201, `POST ${path}`);
    return body.data;
  }

  async update(path: string, data: Body & { version: number }): Promise<StoredRecord> {
    const body = await this.expectJson<{ data: StoredRecord }>(await this.request.patch(path, { data }), 200, `PATCH ${path}`);
    return body.data;
  }

  /** The rows of one API list page, e.g. `/api/v1/transfers?destination=CN`. */
  async list(path: string): Promise<StoredRecord[]> {
    return (await this.get<{ data: StoredRecord[] }>(path)).data;
  }

  /** The demo record of `path` (a list) named `name` exactly: a read-only template or reference. */
  async findByName(path: string, name: string, field = "name"): Promise<StoredRecord> {
    const separator = path.includes("?") ? "&" : "?";
    const rows = await this.list(`${path}${separator}q=${encodeURIComponent(name)}`);
    const found = rows.find((row) => row[field] === name);
    expect(found, `${path}: ${name}`).toBeDefined();
    return found!;
  }

  /** The first demo transfer a search for `q` (or "" for all) lists that `matches` (a row of the list: names, countries, protection). */
  async findTransfer(q: string, matches: (row: StoredRecord) => boolean = () => true): Promise<StoredRecord> {
    const rows = await this.list(q ? `/api/v1/transfers?q=${encodeURIComponent(q)}&pageSize=100` : "/api/v1/transfers?pageSize=100");
    const found = rows.find(matches);
    expect(found, `a transfer found by "${q}"`).toBeDefined();
    return found!;
  }

  /** A new processor (a US hosting processor unless `input` says otherwise), with no owner unless given one. */
  async createProcessor(input: Body & { name: string }): Promise<StoredRecord> {
    return this.create("/api/v1/processors", { role: "processor", service: "hosting", country: "US", ...input });
  }

  /**
   * A new transfer like the demo transfer `templateId` (its activity, exporter, countries, data and
   * protection), changed by `overrides`; usually given a processor of the test's own.
   */
  async createTransferLike(templateId: string, overrides: Body & { processorId: string }): Promise<StoredRecord> {
    const { data: template } = await this.get(`/api/v1/transfers/${templateId}`);
    return this.create("/api/v1/transfers", { ...pick(template, TRANSFER_FIELDS), ...overrides });
  }

  /** A new processing activity like the demo activity `templateId`, named `name`. */
  async createActivityLike(templateId: string, overrides: Body & { name: string }): Promise<StoredRecord> {
    const { data: template } = await this.get(`/api/v1/activities/${templateId}`);
    return this.create("/api/v1/activities", { ...pick(template, ACTIVITY_FIELDS), ...overrides });
  }

  async createAgreement(input: Body & { processorId: string; type: string }): Promise<StoredRecord> {
    return this.create("/api/v1/agreements", input);
  }
}
