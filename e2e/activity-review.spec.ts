import { expect, test, uniqueName } from "./fixtures";

/*
 * Issue 13 point 3, "activities are the DPO's", in the browser: an engineer proposes a processing activity,
 * which waits for the DPO's review (the page and the register say "Awaiting review", the engineer cannot edit
 * it); the DPO approves it from the review queue, next to the vendors. The engineer's proposal is absent from
 * the default Art. 30 export until then.
 */

test("an engineer proposes an activity and the DPO approves it from the review queue", async ({ page, signInAs, api }) => {
  const name = uniqueName("Proposed telemetry");

  await signInAs("engineer");
  await page.goto("/activities/new");
  const form = page.getByTestId("activity-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Purpose").fill("Diagnose robot faults from telemetry");
  await form.getByRole("button", { name: "Create activity" }).click();
  await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
  const activityPath = new URL(page.url()).pathname;

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Awaiting review");
  await expect(page.getByTestId("activity-awaiting-review")).toContainText("proposed by");
  await expect(page.getByTestId("activity-facts")).toContainText("Awaiting review");
  // Only the DPO edits an activity, even the one an engineer proposed.
  await expect(page.getByRole("link", { name: "Edit activity" })).toHaveCount(0);

  await page.goto(`/activities?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId("activity-row")).toHaveCount(1);
  await expect(page.getByTestId("activity-row")).toContainText("Awaiting review");

  // Not yet in the Art. 30 export of approved records.
  const proposal = await api.findByName("/api/v1/activities", name);
  expect(proposal.status).toBe("submitted");
  const exported = async () => (await api.get<{ rows: { name: string }[] }>("/api/v1/exports/ropa?format=json")).rows.map((row) => row.name);
  expect(await exported()).not.toContain(name);

  await page.context().clearCookies();
  await signInAs("dpo");
  await page.goto("/review");
  const item = page.getByTestId("activity-review-item").filter({ hasText: name });
  await expect(item).toContainText("proposed by");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(item).toHaveCount(0);

  await page.goto(activityPath);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Approved");
  await expect(page.getByTestId("activity-awaiting-review")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit activity" })).toBeVisible();
  expect(await exported()).toContain(name);
});
