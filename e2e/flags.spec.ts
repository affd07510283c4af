import { formatDate } from "../lib/labels";
import { demoUser, expect, isoDateInDays, test, uniqueName } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { DashboardPage } from "./pages/dashboard-page";
import { RecordPage } from "./pages/record-page";
import { FlagsRegisterPage, RegisterPage } from "./pages/register-page";


test("the DPO triages the flags: the worst first, the why on the transfer, a risk accepted", async ({ page, signInAs, api }, testInfo) => {
  // The risk accepted is on a vendor of the test's own: a new vendor without an owner raises processor.no-owner (low).
  const vendor = uniqueName("Triage Vendor");
  await api.createProcessor({ name: vendor });
  await signInAs("dpo");

  // The dashboard counts open flags by severity; the critical card opens them in the register.
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.openFlagsCard("critical").click();
  await expect(page).toHaveURL(/\/flags\?status=open&severity=critical/);
  const flags = new FlagsRegisterPage(page);
  await expect(flags.heading).toBeVisible();
  const rows = flags.rows;
  await expect(rows.first()).toBeVisible();
  await expect(rows.getByTestId("severity-badge").first()).toHaveText("Critical");

  // The register from the main navigation: open flags, worst first; the demo company has critical ones.
  await new AppShell(page).navLink("Flags").click();
  await expect(page).toHaveURL(/\/flags$/);
  await expect(rows.first().getByTestId("severity-badge")).toHaveText("Critical");
  await expect(rows.first().getByTestId("flag-status")).toHaveText("Open");
  await page.screenshot({ path: testInfo.outputPath("flags.png"), fullPage: true });

  // A critical finding on a transfer: the transfer's page says why, on which legal basis, and what to do.
  await flags.goto("status=open&severity=critical&subject=transfer");
  const critical = rows.first();
  await expect(critical).toBeVisible();
  const ruleId = await critical.getAttribute("data-rule-id");
  expect(ruleId).toMatch(/^transfer\./);
  await critical.getByTestId("flag-subject-link").click();
  await expect(page).toHaveURL(/\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Transfer to / })).toBeVisible();
  const flag = new RecordPage(page, "transfers").flagItems.filter({ hasText: ruleId! }).first();
  await expect(flag.getByTestId("severity-badge")).toHaveText("Critical");
  await expect(flag.getByTestId("flag-message")).not.toBeEmpty();
  await expect(flag.getByTestId("flag-facts")).toBeVisible();
  await expect(flag.getByTestId("flag-citation")).toContainText(/GDPR|CFR|PIPL/);
  await expect(flag.getByTestId("flag-remediation")).not.toBeEmpty();
  await page.screenshot({ path: testInfo.outputPath("transfer.png"), fullPage: true });

  // Accept the risk of an open low-severity flag (the test's vendor's), for about three months.
  const vendorQuery = `q=${encodeURIComponent(vendor)}`;
  await flags.goto(`status=open&severity=low&${vendorQuery}`);
  const firstLow = rows.first();
  await expect(firstLow).toBeVisible();
  const targetRule = await firstLow.getAttribute("data-rule-id");
  const targetId = await firstLow.getAttribute("data-flag-id");
  expect(targetRule).toBeTruthy();
  expect(targetId).toMatch(/^[0-9a-f-]{36}$/);
  // Narrowed to its rule, so that the Accepted tab (which keeps the filters) shows it on its first page.
  await flags.goto(`status=open&severity=low&rule=${targetRule}&${vendorQuery}`);
  const target = flags.flagRow(targetId!);
  await expect(target).toHaveCount(1);
  // From here on every view is a client-side navigation: a full reload would drop this marker.
  await page.evaluate(() => Object.assign(window, { __flagsSpecSamePage: true }));
  const form = await flags.openAcceptRisk(target);

  // The server checks the decision: a justification under ten characters is refused next to its field.
  await form.getByLabel("Justification").fill("Too short");
  await form.getByLabel("Accepted until").fill(isoDateInDays(91));
  await form.getByRole("button", { name: "Confirm acceptance" }).click();
  await expect(form.getByTestId("justification-error")).toBeVisible();

  const justification = "Low impact while the vendor review runs; the owner is assigned at the quarterly governance meeting.";
  await form.getByLabel("Justification").fill(justification);
  await form.getByRole("button", { name: "Confirm acceptance" }).click();
  await expect(page.getByTestId("accepted-notice")).toContainText("Risk accepted");
  // The accepted flag leaves the open list without a reload: the register's cached page was invalidated.
  await expect(target).toHaveCount(0);

  // It shows under Accepted: who accepted it and when, why, until when (not expired), and no "Accept risk" control.
  await flags.tab("Accepted").click();
  await expect(page).toHaveURL(/status=accepted/);
  await expect(target).toHaveCount(1);
  await expect(target.getByTestId("flag-status")).toHaveText("Risk accepted");
  for (const column of ["Accepted by", "Justification", "Accepted until"]) {
    await expect(flags.table.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
  }
  await expect(target.getByTestId("flag-accepted-by")).toContainText(demoUser("dpo").name);
  await expect(target.getByTestId("flag-accepted-by")).toContainText(`on ${formatDate(isoDateInDays(0), "en")}`);
  await expect(target.getByTestId("flag-justification")).toHaveText(justification);
  await expect(target.getByTestId("flag-accepted-until")).toHaveText(formatDate(isoDateInDays(91), "en"));
  await expect(target.getByTestId("acceptance-expired")).toHaveCount(0);
  await expect(target.getByRole("button", { name: "Accept risk" })).toHaveCount(0);

  // Back on the Open tab, the list is the current one, not the page cached before the decision.
  await flags.tab("Open").click();
  await expect(page).toHaveURL(/status=open/);
  await expect(flags.tab("Open")).toHaveAttribute("aria-current", "page");
  await expect(flags.table).toBeVisible();
  await expect(target).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __flagsSpecSamePage?: boolean }).__flagsSpecSamePage)).toBe(true);
});

test("the flag and data-category registers render from the server's prefetch, without asking the API again", async ({ page, signInAs }) => {
  await signInAs("dpo");
  const apiCalls: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (url.includes("/api/v1/flags") || url.includes("/api/v1/data-categories")) apiCalls.push(url);
  });

  const flags = new FlagsRegisterPage(page);
  await flags.goto("status=all&subject=transfer");
  await expect(flags.heading).toBeVisible();
  await expect(flags.rows.first()).toBeVisible();
  await expect(flags.bulkAcceptForm).toBeVisible();
  await page.waitForLoadState("networkidle");

  const categories = RegisterPage.dataCategories(page);
  await categories.goto("q=biometric");
  await expect(categories.heading).toBeVisible();
  await expect(categories.rows.first()).toBeVisible();
  await expect(categories.paginationSummary).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(apiCalls).toEqual([]);

  // The text search of the flag register: the rule's title, or the name of the processor concerned.
  await flags.goto("status=all&q=encryption%20in%20transit");
  const found = flags.rows;
  await expect(found.first()).toBeVisible();
  for (const rule of await found.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-rule-id")))) {
    expect(rule).toBe("transfer.no-encryption-in-transit");
  }
  await expect(flags.filter("Search")).toHaveValue("encryption in transit");
});

test("the auditor reads the flags but has no Accept risk control", async ({ page, signInAs }) => {
  await signInAs("auditor");
  await expect(page.getByTestId("current-user")).toContainText("AUDITOR");

  const flags = new FlagsRegisterPage(page);
  await flags.goto();
  const rows = flags.rows;
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept risk" })).toHaveCount(0);

  // Nor on a transfer's page, which still shows its flags.
  await flags.goto("status=open&subject=transfer");
  await rows.first().getByTestId("flag-subject-link").click();
  await expect(page).toHaveURL(/\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("flag-item").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept risk" })).toHaveCount(0);
});
