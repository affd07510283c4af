import { expect, type Page } from "@playwright/test";

/** A page of the DPO's workspace: a name for reports and screenshots, and its path. */
export type NamedPage = [name: string, path: string];

/** The registers and other list pages: no record id needed. */
export const REGISTER_PAGES: readonly NamedPage[] = [
  ["dashboard", "/"],
  ["processors", "/processors"],
  ["transfers", "/transfers"],
  ["agreements", "/agreements"],
  ["processing activities", "/activities"],
  ["data categories", "/data-categories"],
  ["flags", "/flags"],
  ["privacy notice", "/notice"],
  ["accepted flags", "/flags?status=accepted"],
  ["my flags", "/flags?assignee=me"],
  ["overdue flags", "/flags?overdue=true&status=open"],
  ["review queue", "/review"],
  ["my vendors", "/register"],
];

export const OTHER_PAGES: readonly NamedPage[] = [
  ["organisation", "/organisation"],
  ["import", "/import"],
  ["exports", "/exports"],
  ["API reference", "/api-reference"],
  ["users", "/users"],
  ["audit", "/audit"],
  ["tokens", "/settings/tokens"],
  ["notifications", "/settings/notifications"],
  ["forbidden", "/forbidden"],
];

/** The href of the first link in the first row of a register, e.g. "/processors/<id>". */
export async function firstRowHref(page: Page, path: string, rowTestId: string): Promise<string> {
  await page.goto(path);
  const link = page.getByTestId(rowTestId).first().getByRole("link").first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/(processors|transfers|agreements|activities)\/[0-9a-f-]{36}$|^\/data-categories\/[a-z0-9._-]+$/);
  return href!;
}

/** Every record page and form, on the first record of each register (read from the registers themselves). */
export async function recordPages(page: Page): Promise<NamedPage[]> {
  const processor = await firstRowHref(page, "/processors", "processor-row");
  const transfer = await firstRowHref(page, "/transfers", "transfer-row");
  const agreement = await firstRowHref(page, "/agreements", "agreement-row");
  const activity = await firstRowHref(page, "/activities", "activity-row");
  const category = await firstRowHref(page, "/data-categories", "category-row");
  const processorId = processor.split("/").pop();
  const flag = await flagPageHref(page);
  return [
    ["flag", flag],
    ["processor", processor],
    ["processor edit", `${processor}/edit`],
    ["new processor", "/processors/new"],
    ["new transfer", `/transfers/new?processor=${processorId}`],
    ["new agreement", `/agreements/new?processor=${processorId}`],
    ["transfer", transfer],
    ["transfer edit", `${transfer}/edit`],
    ["transfer impact assessments", `${transfer}/tia`],
    ["agreement", agreement],
    ["agreement edit", `${agreement}/edit`],
    ["processing activity", activity],
    ["processing activity edit", `${activity}/edit`],
    ["new processing activity", "/activities/new"],
    ["data category", category],
    ["vendor registration", "/register/new"],
  ];
}

/** The page of the register's first flag (worst first), e.g. "/flags/<id>": its remediation, comments and history. */
export async function flagPageHref(page: Page): Promise<string> {
  await page.goto("/flags?status=all");
  const link = page.getByTestId("flag-page-link").first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/flags\/[0-9a-f-]{36}$/);
  return href!;
}
