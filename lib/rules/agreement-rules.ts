import { defineAgreementRule } from "./define-rule";
import { addDays, daysBetween, isAfter, isBefore } from "./iso-date";
import { formatDay } from "./format";
import { AGREEMENT_TYPE_LABELS, AGREEMENT_TYPE_LABELS_FR } from "./labels";
import { isAgreementExpired } from "./predicates";
import type { AgreementContext, AgreementRule } from "./types";

/* Agreement rules (DOMAIN.md §4), each a pure function of one AgreementContext. */

/** Window of agreement.expiring-soon, in days from today (both ends included). */
export const EXPIRING_SOON_DAYS = 60;

function agreementLabel(ctx: AgreementContext): string {
  const type = AGREEMENT_TYPE_LABELS[ctx.agreement.type];
  return ctx.processorName === undefined ? `${type} ${ctx.agreement.id}` : `${type} with ${ctx.processorName}`;
}

/** The agreement as a French sentence opens on it: "Contrat de sous-traitance (art. 28) conclu avec Acme". */
function agreementLabelFr(ctx: AgreementContext): string {
  const type = AGREEMENT_TYPE_LABELS_FR[ctx.agreement.type];
  return ctx.processorName === undefined ? `${type} ${ctx.agreement.id}` : `${type} conclu avec ${ctx.processorName}`;
}

/** "1 jour", "3 jours". */
function daysFr(days: number): string {
  return `${days} jour${days === 1 ? "" : "s"}`;
}

export const agreementExpired = defineAgreementRule(
  {
    id: "agreement.expired",
    title: "Expired agreement still relied on",
    severities: ["high"],
    citation: "GDPR Art. 28(3), 46(1)",
    remediation: "Renew or replace the agreement, or end the transfers it covers.",
  },
  (ctx) => {
    const { agreement, today } = ctx;
    if (!isAgreementExpired(agreement, today) || !ctx.coversActiveTransfer) return null;
    const days = daysBetween(agreement.expiryDate!, today);
    return {
      severity: "high",
      message: `${agreementLabel(ctx)} expired on ${agreement.expiryDate} (${days} day${days === 1 ? "" : "s"} ago) but still covers an active transfer`,
      messageFr: `${agreementLabelFr(ctx)}\u00a0: expiration le ${formatDay(agreement.expiryDate!, "fr")} (il y a ${daysFr(days)}), mais couvre toujours un transfert actif`,
      facts: { expiryDate: agreement.expiryDate!, daysSinceExpiry: days, type: agreement.type },
    };
  },
);

export const agreementExpiringSoon = defineAgreementRule(
  {
    id: "agreement.expiring-soon",
    title: "Agreement expiring soon",
    severities: ["low"],
    citation: "GDPR Art. 28(3)",
    remediation: "Start the renewal now so that the transfers it covers never run without a contract.",
  },
  (ctx) => {
    const { agreement, today } = ctx;
    const expiry = agreement.expiryDate;
    // An agreement expiring today is still active today, so it is expiring soon, not expired.
    if (expiry === null || isBefore(expiry, today) || isAfter(expiry, addDays(today, EXPIRING_SOON_DAYS))) return null;
    const days = daysBetween(today, expiry);
    const when = days === 0 ? "today" : `in ${days} day${days === 1 ? "" : "s"}`;
    const whenFr = days === 0 ? "aujourd'hui" : `dans ${daysFr(days)}`;
    return {
      severity: "low",
      message: `${agreementLabel(ctx)} expires on ${expiry} (${when})`,
      messageFr: `${agreementLabelFr(ctx)}\u00a0: expiration le ${formatDay(expiry, "fr")} (${whenFr})`,
      facts: { expiryDate: expiry, daysUntilExpiry: days, type: agreement.type, coversActiveTransfer: ctx.coversActiveTransfer },
    };
  },
);

export const AGREEMENT_RULES: readonly AgreementRule[] = [agreementExpired, agreementExpiringSoon];
