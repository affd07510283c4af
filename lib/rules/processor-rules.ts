import { defineProcessorRule, type Hit } from "./define-rule";
import { formatDay, ofName } from "./format";
import { PROCESSING_AGREEMENT_TYPES, isAgreementActive, isDpfValid } from "./predicates";
import type { AgreementType } from "@/db/schema/enums";
import type { ProcessorRule } from "./types";

/* Processor rules (DOMAIN.md §4), each a pure function of one ProcessorContext. */

export const dpfLapsed = defineProcessorRule(
  {
    id: "processor.dpf-lapsed",
    title: "DPF certification missing or lapsed",
    severities: ["high"],
    citation:
      "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework), Annex I; The Data Protection (Adequacy) (United States of America) Regulations 2023 (UK Extension)",
    remediation:
      "Check the recipient on dataprivacyframework.gov (for UK data, that its certification includes the UK Extension); until it (re-)certifies, move its transfers to SCCs (with the UK Addendum for UK data) and a transfer impact assessment.",
  },
  (ctx) => {
    const { processor, today } = ctx;
    if (ctx.transfersRelyOnDpf && !isDpfValid(processor, today)) {
      // Certified with a re-certification date before today: it lapsed (a date of today is still valid).
      const message = processor.dpfCertified
        ? `${processor.name}'s DPF certification lapsed on ${processor.dpfExpiry} while transfers rely on the DPF`
        : `${processor.name} is not DPF-certified but transfers rely on the DPF`;
      const messageFr = processor.dpfCertified
        ? `La certification DPF ${ofName(processor.name)} a expiré le ${formatDay(processor.dpfExpiry!, "fr")} alors que des transferts reposent sur le DPF`
        : `${processor.name} n'est pas certifié DPF, mais des transferts reposent sur le DPF`;
      return {
        severity: "high",
        message,
        messageFr,
        facts: {
          dpfCertified: processor.dpfCertified,
          dpfExpiry: processor.dpfExpiry ?? "",
          transfersRelyOnDpf: true,
        },
      };
    }
    // UK subjects' data reaches a US importer only through the UK Extension: a valid EU-US certification
    // without it leaves those transfers with no basis (UK GDPR Art. 45; the 2023 US adequacy regulations).
    if (!ctx.ukTransfersRelyOnDpf || isDpfValid(processor, today, "UK")) return null;
    const hit: Hit = {
      severity: "high",
      message: `Transfers of UK subjects' data rely on ${processor.name}'s DPF certification, which does not include the UK Extension`,
      messageFr: `Des transferts de données de personnes du Royaume-Uni reposent sur la certification DPF ${ofName(processor.name)}, qui n'inclut pas l'extension britannique`,
      facts: {
        dpfCertified: processor.dpfCertified,
        dpfExpiry: processor.dpfExpiry ?? "",
        dpfUkExtension: processor.dpfUkExtension,
        ukTransfersRelyOnDpf: true,
      },
    };
    return hit;
  },
);

export const onwardUncovered = defineProcessorRule(
  {
    id: "processor.onward-uncovered",
    title: "Sub-processor not covered by the parent's agreement",
    severities: ["medium"],
    citation: "GDPR Art. 28(2), 28(4)",
    remediation:
      "Amend the parent processor's agreement to authorise this sub-processor and flow the same data-protection obligations down to it.",
  },
  (ctx) => {
    const { processor, parent, today } = ctx;
    if (processor.parentProcessorId === null || !ctx.hasActiveTransfers) return null;
    const covering = (parent?.agreements ?? []).filter(
      (a) =>
        a.processorId === processor.parentProcessorId &&
        (PROCESSING_AGREEMENT_TYPES as readonly AgreementType[]).includes(a.type) &&
        isAgreementActive(a, today),
    );
    if (covering.some((a) => a.permitsSubprocessing && a.flowDown)) return null;
    const parentName = parent?.processor.name ?? processor.parentProcessorId;
    const why =
      parent === null
        ? "its parent processor is not in the register"
        : covering.length === 0
          ? `${parentName} has no active processing agreement`
          : `${parentName}'s agreement does not permit sub-processing with flow-down`;
    const whyFr =
      parent === null
        ? "son sous-traitant donneur d'ordre ne figure pas au registre"
        : covering.length === 0
          ? `${parentName} n'a aucun contrat de sous-traitance en vigueur`
          : `le contrat ${ofName(parentName)} n'autorise pas la sous-traitance ultérieure avec répercussion des obligations`;
    return {
      severity: "medium",
      message: `Sub-processor ${processor.name} receives data but ${why}`,
      messageFr: `Le sous-traitant ultérieur ${processor.name} reçoit des données, mais ${whyFr}`,
      facts: {
        parentProcessorId: processor.parentProcessorId,
        parentAgreementIds: covering.map((a) => a.id),
        permitsSubprocessing: covering.some((a) => a.permitsSubprocessing),
        flowDown: covering.some((a) => a.flowDown),
      },
    };
  },
);

export const noOwner = defineProcessorRule(
  {
    id: "processor.no-owner",
    title: "No internal owner",
    severities: ["low"],
    citation: "GDPR Art. 5(2) (accountability), 24",
    remediation: "Assign an internal owner who answers for this vendor's reviews and renewals.",
  },
  (ctx) => {
    const { processor } = ctx;
    // A rejected or offboarded vendor needs no owner.
    if (processor.ownerUserId !== null || processor.status === "rejected" || processor.status === "offboarded") {
      return null;
    }
    return {
      severity: "low",
      message: `${processor.name} has no internal owner`,
      messageFr: `Aucun responsable interne n'est désigné pour ${processor.name}`,
      facts: { status: processor.status },
    };
  },
);

export const PROCESSOR_RULES: readonly ProcessorRule[] = [dpfLapsed, onwardUncovered, noOwner];
