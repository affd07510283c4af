/*
 * Where each dashboard number links: the register filtered to exactly the rows the number counts, in the
 * list endpoint's own parameter names (the pages read the same names), with the population (`pending=`)
 * carried through. tests/dashboard-counts.test.ts walks every link of the demo and checks the number against
 * the `total` of GET /api/v1/<the same path>?<the same query>.
 */

/** The population the dashboard counts, as the exports name it: the register of record, or with pending records. */
export const DASHBOARD_POPULATIONS = ["exclude", "include"] as const;
export type DashboardPopulation = (typeof DASHBOARD_POPULATIONS)[number];

/**
 * The dashboard's URL parameter. Absent (or anything else), it counts with the records awaiting review: the
 * DPO's work list, and what it counted before it had the switch (less only what the DPO turned away);
 * `pending=exclude` counts the register of record, as the exports do by default.
 */
export function parsePopulation(value: string | string[] | undefined): DashboardPopulation {
  return value === "exclude" ? "exclude" : "include";
}

function href(path: string, params: Record<string, string | number>): string {
  return `${path}?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)])).toString()}`;
}

export const dashboardLinks = {
  openFlags: (pending: DashboardPopulation, severity: string) => href("/flags", { status: "open", severity, pending }),
  openTransferFlags: (pending: DashboardPopulation) => href("/flags", { status: "open", subjectType: "transfer", pending }),
  transfers: (pending: DashboardPopulation) => href("/transfers", { pending }),
  destination: (pending: DashboardPopulation, destination: string) => href("/transfers", { destination, pending }),
  cell: (pending: DashboardPopulation, destination: string, category: string) => href("/transfers", { destination, category, pending }),
  flow: (pending: DashboardPopulation, origin: string, destination: string) => href("/transfers", { exporterCountry: origin, destination, pending }),
  // The agreements themselves, not their flag: the card counts agreements by date, and an accepted flag stays counted.
  expiringAgreements: (pending: DashboardPopulation, days: number) => href("/agreements", { expiresWithinDays: days, pending }),
  // Processors by status and the review queue count vendors of every status: no population.
  processorsWithStatus: (status: string) => href("/processors", { status }),
  awaitingReview: () => href("/processors", { status: "submitted" }),
};
