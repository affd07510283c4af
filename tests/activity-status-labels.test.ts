import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ActivityStatusBadge, activityStatusOptions } from "@/components/activities/activity-status";
import type { RecordStatus } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { enumLabel } from "@/lib/labels";
import { renderInLocale } from "./render-in-locale";

/*
 * Issue 16: an activity's status reads the label catalogue's words (recordStatus), the same the registers,
 * exports and error messages use, in the reader's language, never the code.
 */

async function badge(locale: Locale, status: RecordStatus): Promise<string> {
  return renderInLocale(locale, createElement(ActivityStatusBadge, { status }));
}

describe("an activity's status in words", () => {
  it("shows the catalogue's label in English and in French", async () => {
    expect(await badge("en", "submitted")).toContain(">Awaiting review<");
    expect(await badge("fr", "submitted")).toContain(`>${enumLabel("recordStatus", "submitted", "fr")}<`);
    expect(await badge("fr", "approved")).toContain(`>${enumLabel("recordStatus", "approved", "fr")}<`);
  });

  it("never shows the code", async () => {
    for (const locale of ["en", "fr"] as const) {
      for (const status of ["submitted", "approved", "rejected"] as const) {
        // Lower case is the code ("approved"); the English label is capitalised ("Approved").
        expect(await badge(locale, status)).not.toContain(`>${status}<`);
      }
    }
  });

  it("offers the register filter the statuses an activity can have, labelled, in the workflow's order", () => {
    expect(activityStatusOptions("en")).toEqual([
      { value: "submitted", label: "Awaiting review" },
      { value: "approved", label: "Approved" },
      { value: "rejected", label: "Rejected" },
    ]);
    expect(activityStatusOptions("fr").map((option) => option.label)).toEqual(["submitted", "approved", "rejected"].map((status) => enumLabel("recordStatus", status, "fr")));
    // No draft or offboarded activity exists: the filter does not offer them.
    expect(activityStatusOptions("en").map((option) => option.value)).not.toContain("draft");
  });
});
