import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { PredictedFlags } from "@/components/registration/predicted-flags";
import type { Locale } from "@/lib/i18n/locales";
import type { PredictedFlag } from "@/lib/registration/predicted-flag";
import { renderInLocale } from "./render-in-locale";

/*
 * Issue 16: the registration wizard's summary names what each predicted flag is on in the reader's language,
 * from the data the server sends (lib/registration/predicted-flag.ts), never from English words of its own.
 */

async function render(locale: Locale, forecast: PredictedFlag[]): Promise<string> {
  const html = await renderInLocale(locale, createElement(PredictedFlags, { forecast, error: null }));
  // What a reader sees: the text without tags, entities decoded, ordinary white space folded.
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t\r\n]+/g, " ");
}

const flag = (ruleId: string, about: PredictedFlag["about"], subject: string): PredictedFlag => ({
  ruleId,
  title: "(the server's English title)",
  severity: "high",
  message: "why it fires",
  messageFr: "",
  citation: "GDPR Art. 28(3)",
  remediation: "fix it",
  about,
  subject,
});

const forecast = [
  flag("processor.dpf-lapsed", { kind: "processor" }, "processor:p1"),
  flag("transfer.no-encryption-in-transit", { kind: "transfer", country: "CN" }, "transfer:t1"),
  flag("transfer.no-contract", { kind: "transfer" }, "transfer:t2"),
  flag("agreement.expiring-soon", { kind: "agreement", agreementType: "confidentiality" }, "agreement:a1"),
  flag("agreement.expired", { kind: "agreement" }, "agreement:a2"),
];

describe("the registration summary's predicted flags", () => {
  it("names each subject in English: the vendor, a transfer by its destination, an agreement by its type, the vendor's others", async () => {
    const text = await render("en", forecast);
    expect(text).toContain("· The vendor");
    expect(text).toContain("· Transfer to People's Republic of China");
    expect(text).toContain("· Another transfer of this vendor");
    expect(text).toContain("· Confidentiality agreement");
    expect(text).toContain("· Another agreement of this vendor");
    // Titles from the catalogue, not the server's English.
    expect(text).toContain("DPF certification missing or lapsed");
    expect(text).not.toContain("the server's English title");
  });

  it("names them in French for a French reader, with no English subject and no code", async () => {
    const text = await render("fr", forecast);
    expect(text).toContain("· Le prestataire");
    expect(text).toContain("· Transfert (destination : Chine)");
    expect(text).toContain("· Un autre transfert de ce prestataire");
    expect(text).toContain("· Un autre contrat de ce prestataire");
    expect(text).not.toMatch(/The vendor|Transfer to|Another (transfer|agreement)|Confidentiality agreement/);
    expect(text).not.toMatch(/\bconfidentiality\b|\bCN\b|transfer:t1/);
  });

  it("shows the empty state when the vendor raises nothing", async () => {
    expect(await render("en", [])).toContain("No flag: this vendor raises nothing.");
  });
});
