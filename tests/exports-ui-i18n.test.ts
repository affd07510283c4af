import { createElement } from "react";
import { describe, expect, it } from "vitest";
import * as enums from "@/db/schema/enums";
import { DownloadLinks } from "@/components/exports/download-links";
import { ExportForm } from "@/components/exports/export-form";
import { ExportPreview } from "@/components/exports/export-preview";
import { exportQuery } from "@/lib/exports/request";
import type { Locale } from "@/lib/i18n/locales";
import { renderInLocale as render, visibleText } from "./render-in-locale";

/*
 * Issue 16: the Exports page in English (the wording the e2e journeys read, kept) and in French, rendered as the
 * reader gets it: every choice a label of the catalogue, no code in the visible text, and download links that name
 * the report's language when it is not the API's English.
 */

const SNAKE_CASE = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/;
const ENUM_CODES = new Set(
  Object.values(enums as Record<string, unknown>)
    .filter((value): value is readonly string[] => Array.isArray(value))
    .flat()
    .filter((code) => code.length > 1),
);
/** The text of every element: an option or a label that is a code is what the scan must catch. */
const texts = (html: string) => [...html.matchAll(/>([^<>]+)</g)].map((match) => match[1]!.trim()).filter(Boolean);

const form = (language: Locale, errors = {}) =>
  createElement(ExportForm, { report: "transfers", values: { asOf: "2099-01-01" }, errors, today: "2026-03-02", language });

describe("the Exports page", () => {
  it("in English: the form's wording the journeys read, the reports by their labels, the field error", async () => {
    const html = await render("en", form("en", { asOf: "afterToday" }));
    const text = visibleText(html);
    for (const words of ["Report", "Format", "Template (Art. 30 record only)", "As of (optional)", "Show preview", "Chapter V transfer register", "Accepted risks"]) {
      expect(text).toContain(words);
    }
    expect(text).toContain("As of (optional): must not be after today");
    expect(html).toMatch(/<option value="en" lang="en" selected="">English<\/option>/);
  });

  it("in French: French words and labels, the French error, the report's language chosen by default", async () => {
    const html = await render("fr", form("fr", { asOf: "afterToday" }));
    const text = visibleText(html);
    for (const words of ["Rapport", "Langue", "Afficher l'aperçu", "Registre des transferts (chapitre V)", "Classeur Excel (XLSX)"]) expect(text).toContain(words);
    expect(text).toContain("Situation au (facultatif) : ne doit pas être postérieure à aujourd'hui");
    expect(text).not.toContain("Show preview");
    expect(html).toMatch(/<option value="fr" lang="fr" selected="">Français<\/option>/);
  });

  for (const locale of ["en", "fr"] as const) {
    it(`in ${locale}: no snake_case token and no enum code in what a reader sees`, async () => {
      const query = exportQuery.parse({ format: "csv" });
      const html = [
        await render(locale, form(locale)),
        await render(locale, createElement(ExportPreview, { title: "Registre", language: locale, headers: ["A"], rows: [["x"]], more: true })),
        await render(locale, createElement(DownloadLinks, { report: "transfers", query, title: "Registre", language: locale })),
      ].join("");
      expect(visibleText(html)).not.toMatch(SNAKE_CASE);
      expect(texts(html).filter((text) => ENUM_CODES.has(text))).toEqual([]);
    });
  }

  it("download links name the language only when it is not the API's English", async () => {
    const query = exportQuery.parse({ format: "pdf", asOf: "2026-01-01" });
    const english = await render("en", createElement(DownloadLinks, { report: "transfers", query, title: "Chapter V transfer register", language: "en" }));
    expect(english).toContain('href="/api/v1/exports/transfers?format=pdf&amp;asOf=2026-01-01"');
    expect(visibleText(english)).toContain("Download Chapter V transfer register (PDF)");
    const french = await render("fr", createElement(DownloadLinks, { report: "transfers", query, title: "Registre des transferts", language: "fr" }));
    expect(french).toContain('href="/api/v1/exports/transfers?format=pdf&amp;language=fr&amp;asOf=2026-01-01"');
    expect(visibleText(french)).toContain("Télécharger Registre des transferts (PDF)");
  });

  it("the preview says how many rows it shows, in the reader's language", async () => {
    const props = { title: "Registre", language: "fr", headers: ["A"], rows: Array.from({ length: 10 }, () => ["x"]), more: true };
    expect(visibleText(await render("fr", createElement(ExportPreview, props)))).toContain("Registre : les 10 premières lignes ; le fichier les contient toutes.");
    expect(visibleText(await render("en", createElement(ExportPreview, { ...props, title: "Register" })))).toContain("Register: the first 10 rows; the file has them all.");
  });
});
