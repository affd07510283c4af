import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { FlagList } from "@/components/flags/flag-list";
import { PredictedFlagsPanel } from "@/components/forms/predicted-flags-panel";
import { TransferFlagsList } from "@/components/registers/transfer-flags";
import { PredictedFlags } from "@/components/registration/predicted-flags";
import type { FlagDetail } from "@/db/queries/flags";
import type { TransferFlagRow } from "@/db/queries/agreements-register";
import { enumLabel } from "@/lib/labels";
import { getRule } from "@/lib/rules/catalog";
import type { PredictedFlag } from "@/lib/registration/predicted-flag";
import { renderInLocale as render } from "./render-in-locale";

/*
 * Issue 16: on a French page a flag's remediation reads in French (the label catalogue's ruleRemediation), while
 * the engine's sentence and the citation it quotes, stored in English, sit in an element marked lang="en" so that
 * a screen reader and the browser's hyphenation treat them as English. On an English page nothing changes.
 */

/** Text in the markup, entities decoded as a reader gets them. */
const decode = (html: string) => html.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

const RULE = getRule("transfer.mechanism-undocumented");
const MESSAGE = "Transfer to Acme Cloud (US) relies on SCCs but no signed agreement of that type is recorded";
const MESSAGE_FR = "Le transfert vers Acme Cloud (États-Unis d'Amérique) repose sur les CCT, mais aucun contrat de clauses contractuelles types (CCT) en vigueur ne le couvre";
const FRENCH_REMEDIATION = enumLabel("ruleRemediation", RULE.id, "fr");

const detail = (overrides: Partial<FlagDetail> = {}): FlagDetail =>
  ({
    id: "f1",
    ruleId: RULE.id,
    subjectType: "transfer",
    subjectId: "t1",
    severity: "high",
    status: "open",
    message: MESSAGE,
    facts: {},
    citation: RULE.citation,
    remediation: RULE.remediation,
    firstSeenAt: new Date("2026-03-01T10:00:00Z"),
    lastSeenAt: new Date("2026-03-02T10:00:00Z"),
    resolvedAt: null,
    acceptedAt: null,
    acceptedUntil: null,
    acceptanceJustification: null,
    acceptedByName: null,
    version: 1,
    subjectProcessorId: "p1",
    subjectProcessorName: "Acme Cloud",
    transferOriginCountry: "FR",
    transferDestinationCountry: "US",
    agreementType: null,
    ...overrides,
  }) as unknown as FlagDetail;

/** The element with this test id, as markup. */
function byTestId(html: string, testId: string): string {
  const match = new RegExp(`<(\\w+)[^>]*data-testid="${testId}"[^>]*>.*?</\\1>`, "s").exec(html);
  if (!match) throw new Error(`no ${testId} in ${html}`);
  return decode(match[0]);
}

describe("a record's flag list", () => {
  it("in French: the remediation in French, the engine's message and citation marked English", async () => {
    const html = await render("fr", createElement(FlagList, { flags: [detail()] }));
    const remediation = byTestId(html, "flag-remediation");
    expect(remediation).toContain(FRENCH_REMEDIATION);
    expect(remediation).not.toContain(RULE.remediation);
    expect(remediation).not.toContain('lang="en"');
    expect(byTestId(html, "flag-message")).toMatch(/^<p [^>]*lang="en"/);
    expect(byTestId(html, "flag-message")).toContain(MESSAGE);
    expect(byTestId(html, "flag-citation")).toMatch(/^<dd [^>]*lang="en"/);
    expect(FRENCH_REMEDIATION).toMatch(/^Enregistrer le contrat signé/);
  });

  it("in English: the rule's own words, and no language marked", async () => {
    const html = await render("en", createElement(FlagList, { flags: [detail()] }));
    expect(byTestId(html, "flag-remediation")).toContain(RULE.remediation);
    expect(html).not.toContain("lang=");
  });

  it("keeps a remediation the catalogue does not know as stored, marked English, on a French page", async () => {
    const reworded = "Link the signed SCCs to the transfer.";
    const html = await render("fr", createElement(FlagList, { flags: [detail({ remediation: reworded })] }));
    expect(byTestId(html, "flag-remediation")).toMatch(new RegExp(`^<dd [^>]*lang="en"[^>]*>.*${reworded.replace(/\./g, "\\.")}`, "s"));
  });

  it("translates the remediation no-contract wrote for the recipient's role, not the rule's general one", async () => {
    const stored = enumLabel("contractRemediation", "joint_controller");
    const html = await render("fr", createElement(FlagList, { flags: [detail({ ruleId: "transfer.no-contract", remediation: stored })] }));
    expect(byTestId(html, "flag-remediation")).toContain(enumLabel("contractRemediation", "joint_controller", "fr"));
    expect(byTestId(html, "flag-remediation")).not.toContain(enumLabel("ruleRemediation", "transfer.no-contract", "fr"));
  });
});

describe("an agreement's or an activity's transfer flags", () => {
  const row: TransferFlagRow = { id: "f1", transferId: "t1", ruleId: RULE.id, severity: "high", status: "open", message: MESSAGE, messageFr: "", citation: RULE.citation, remediation: RULE.remediation };

  it("in French: the engine's French wording, unmarked, when the flag has one", async () => {
    const html = decode(await render("fr", createElement(TransferFlagsList, { flags: [{ ...row, messageFr: MESSAGE_FR }], emptyText: "" })));
    expect(html).toContain(`<p class="mt-1">${MESSAGE_FR}</p>`);
    expect(html).not.toContain(MESSAGE);
  });

  it("in French, a flag not yet worded in French: the remediation in French, message and citation marked English", async () => {
    const html = decode(await render("fr", createElement(TransferFlagsList, { flags: [row], emptyText: "" })));
    expect(html).toContain(`<dd>${FRENCH_REMEDIATION}</dd>`);
    expect(html).toContain(`<p class="mt-1" lang="en">${MESSAGE}</p>`);
    expect(html).toContain(`<dd lang="en">${RULE.citation}</dd>`);
    expect(html).not.toContain(RULE.remediation);
  });

  it("in English: as before, no language marked", async () => {
    const html = decode(await render("en", createElement(TransferFlagsList, { flags: [row], emptyText: "" })));
    expect(html).toContain(`<dd>${RULE.remediation}</dd>`);
    expect(html).not.toContain("lang=");
  });
});

describe("the registration wizard's predicted flags", () => {
  const forecast: PredictedFlag[] = [
    { ruleId: RULE.id, title: RULE.title, severity: "high", message: MESSAGE, messageFr: "", citation: RULE.citation, remediation: RULE.remediation, about: { kind: "processor" }, subject: "processor:p1" },
  ];

  it("in French: the engine's French wording, unmarked, when the flag has one", async () => {
    const html = decode(await render("fr", createElement(PredictedFlags, { forecast: [{ ...forecast[0]!, messageFr: MESSAGE_FR }], error: null })));
    expect(html).toContain(`<p class="text-slate-800">${MESSAGE_FR}</p>`);
  });

  it("in French: « Pour corriger » with the French remediation, the citation and message marked English", async () => {
    const html = decode(await render("fr", createElement(PredictedFlags, { forecast, error: null })));
    expect(html).toContain(`<span lang="en">${RULE.citation}</span>. Pour corriger\u00a0: <span>${FRENCH_REMEDIATION}</span>`);
    expect(html).toContain(`<p class="text-slate-800" lang="en">${MESSAGE}</p>`);
    expect(html).not.toContain(RULE.remediation);
  });

  it("in English: the sentence as before, no language marked", async () => {
    const html = decode(await render("en", createElement(PredictedFlags, { forecast, error: null })));
    expect(html.replace(/<\/?span>/g, "")).toContain(`${RULE.citation}. To fix: ${RULE.remediation}`);
    expect(html).not.toContain("lang=");
  });
});

describe("the record forms' predicted-flags panel", () => {
  const flag = { key: "transfer:t1:" + RULE.id, ruleId: RULE.id, subjectType: "transfer", severity: "high", message: MESSAGE, messageFr: "", status: "open" };
  const panel = (predicted: (typeof flag)[]) => createElement(PredictedFlagsPanel, { current: [flag], prediction: { predicted, error: null }, emptyText: "—" });

  it("marks the engine's message English on a French page, open or resolved", async () => {
    const open = decode(await render("fr", panel([flag])));
    expect(open).toContain(`<p class="text-slate-700" lang="en">${MESSAGE}</p>`);
    const resolving = decode(await render("fr", panel([])));
    expect(resolving).toContain(`<span lang="en">${MESSAGE}</span>`);
  });

  it("shows the engine's French wording, unmarked, on a French page", async () => {
    const worded = { ...flag, messageFr: MESSAGE_FR };
    const html = decode(await render("fr", createElement(PredictedFlagsPanel, { current: [worded], prediction: { predicted: [worded], error: null }, emptyText: "—" })));
    expect(html).toContain(`<p class="text-slate-700">${MESSAGE_FR}</p>`);
  });

  it("marks nothing on an English page", async () => {
    expect(await render("en", panel([flag]))).not.toContain("lang=");
    expect(await render("en", panel([]))).not.toContain("lang=");
  });
});
