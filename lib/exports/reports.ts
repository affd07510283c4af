import { auditTrailReport } from "./audit-trail";
import { ccpaReport } from "./ccpa";
import { dojReport } from "./doj";
import type { AnyReportDefinition, ReportLanguage } from "./report";
import type { ExportReport } from "./request";
import { noticeFindingsReport } from "./notice-findings";
import { risksReport } from "./risks";
import { ropaReport, type RopaTemplate } from "./ropa";
import { subprocessorReport } from "./subprocessors";
import { transferRegisterReport } from "./transfer-register";

/**
 * The report a request names, in the language asked for; `template` only chooses among the Art. 30 record's
 * layouts, whose language is the template's own (the CNIL register in French, the ICO template in English).
 */
export function reportDefinition(report: ExportReport, template: RopaTemplate = "generic", language: ReportLanguage = "en"): AnyReportDefinition {
  switch (report) {
    case "ropa":
      return ropaReport(template, language);
    case "transfers":
      return transferRegisterReport(language);
    case "subprocessors":
      return subprocessorReport(language);
    case "ccpa":
      return ccpaReport(language);
    case "doj":
      return dojReport(language);
    case "risks":
      return risksReport(language);
    case "notice-findings":
      return noticeFindingsReport(language);
    case "audit":
      return auditTrailReport(language);
  }
}

/** Reports that describe the register and so can be rebuilt as of a past day; the audit trail is its own history. */
export function readsRegister(report: ExportReport): boolean {
  // The notice findings describe today's notice against today's register: a past day's is not rebuilt.
  return report !== "audit" && report !== "notice-findings";
}
