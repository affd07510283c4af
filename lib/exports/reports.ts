import { AUDIT_TRAIL_REPORT } from "./audit-trail";
import { CCPA_REPORT } from "./ccpa";
import { DOJ_REPORT } from "./doj";
import type { AnyReportDefinition } from "./report";
import type { ExportReport } from "./request";
import { ropaReport, type RopaTemplate } from "./ropa";
import { SUBPROCESSOR_REPORT } from "./subprocessors";
import { TRANSFER_REGISTER_REPORT } from "./transfer-register";

/** The report a request names; `template` only chooses among the Art. 30 record's layouts. */
export function reportDefinition(report: ExportReport, template: RopaTemplate = "generic"): AnyReportDefinition {
  switch (report) {
    case "ropa":
      return ropaReport(template);
    case "transfers":
      return TRANSFER_REGISTER_REPORT;
    case "subprocessors":
      return SUBPROCESSOR_REPORT;
    case "ccpa":
      return CCPA_REPORT;
    case "doj":
      return DOJ_REPORT;
    case "audit":
      return AUDIT_TRAIL_REPORT;
  }
}

/** Reports that describe the register and so can be rebuilt as of a past day; the audit trail is its own history. */
export function readsRegister(report: ExportReport): boolean {
  return report !== "audit";
}
