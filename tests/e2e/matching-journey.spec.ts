// The matching journey of issue 5 in a real Chromium against the production
// build: an investor registers and completes onboarding choosing a sector; the
// engine matches them with a published listing of that sector and the match is
// approved (in the database: the admin review queue is another page's journey);
// the investor reads the match and its reasons in Japanese and expresses
// interest; the agency's staff find the lead in their inbox and mark it
// contacted; the investor is notified (in-app row and email, and the header
// bell when the app has one).
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { atPath, registerVerifiedInvestor, signIn, strongPassword, uniqueEmail, uniqueWord } from "./helpers";

const SECTOR_SLUG = "pharmaceuticals";
const SECTOR_JA = "医薬品";
/** Each test has its own agency and listing, named after a unique word. */
const listingNames = (word: string) => ({ title: `${word} Lahore Pharma Park`, titleJa: `${word} ラホール医薬品パーク` });
const MESSAGE = "We make generic APIs in Osaka and would like to visit the park in March.";

/** The e2e database, opened in the test process (DATABASE_URL comes from the global setup). */
async function withDb<T>(fn: (db: (typeof import("../../lib/db/client"))["db"]) => Promise<T>): Promise<T> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set (is the global setup running?)");
  const client = await import("../../lib/db/client");
  try {
    return await fn(client.db);
  } finally {
    await client.disconnectDb();
  }
}

type TFixture = { listingId: string; title: string; titleJa: string; staff: { name: string; email: string; password: string } };

/** An agency with one active staff member (no second factor) and one published listing in the sector. */
async function createAgencyWithListing(): Promise<TFixture> {
  const word = uniqueWord("Kizunajourney");
  const names = listingNames(word);
  const { hashPassword } = await import("../../lib/auth/password");
  const staff = { name: `Ayesha ${word.slice(-4)}`, email: uniqueEmail("journey-staff", "kizuna.example"), password: strongPassword() };
  const passwordHash = await hashPassword(staff.password);
  return withDb(async (db) => {
    const sector = await db().sector.findUniqueOrThrow({ where: { slug: SECTOR_SLUG }, select: { id: true } });
    const agency = await db().organization.create({ data: { kind: "AGENCY", code: `J-${randomUUID().slice(0, 8)}`, name: `Journey Agency ${word.slice(-8)}`, province: "PUNJAB" } });
    await db().user.create({
      data: { email: staff.email, name: staff.name, passwordHash, role: "STAFF", status: "ACTIVE", organizationId: agency.id, emailVerifiedAt: new Date() },
    });
    const listing = await db().listing.create({
      data: {
        slug: `journey-${randomUUID()}`,
        kind: "INDUSTRIAL_ESTATE",
        status: "PUBLISHED",
        publishedAt: new Date(),
        agencyId: agency.id,
        title: names.title,
        titleJa: names.titleJa,
        summary: "A pharmaceutical park near Lahore with ready plots, a common effluent plant and a drug-testing laboratory.",
        summaryJa: "ラホール近郊の医薬品工業団地。造成済み区画、共同排水処理施設、医薬品試験所を備える。",
        sectorIds: [sector.id],
        province: "PUNJAB",
        district: "Lahore",
        amountMinor: 1_000_000_000n,
        currency: "USD",
        amountUsdCents: 1_000_000_000n,
        instruments: ["EQUITY", "PLOT_LEASE"],
        stage: "READY",
        completeness: 80,
      },
      select: { id: true },
    });
    return { listingId: listing.id, ...names, staff };
  });
}

/** What the matching job would do after onboarding, run here so the test need not wait for it; then an admin's approval. */
async function matchAndApprove(investorEmail: string, listingId: string): Promise<void> {
  const { rematchInvestor } = await import("../../lib/matching/engine");
  await withDb(async (db) => {
    const profile = await db().investorProfile.findFirstOrThrow({ where: { user: { email: investorEmail.toLowerCase() } }, select: { id: true } });
    await rematchInvestor(profile.id);
    const approved = await db().match.updateMany({
      where: { investorProfileId: profile.id, listingId, status: "SUGGESTED" },
      data: { status: "APPROVED", reviewedAt: new Date() },
    });
    expect(approved.count, "the engine suggested the listing to the investor").toBe(1);
  });
}

async function completeOnboarding(page: Page): Promise<void> {
  await page.goto("/investor/onboarding");
  await expect(page.getByRole("heading", { level: 1, name: "Your investment profile" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Pharmaceuticals", exact: true }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("profile-progress")).toHaveText("Step 2 of 4");
  await page.getByLabel("Currency you think in").selectOption("USD");
  await page.getByLabel("Smallest investment").fill("1000000");
  await page.getByLabel("Largest investment").fill("50000000");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("profile-progress")).toHaveText("Step 3 of 4");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("profile-progress")).toHaveText("Step 4 of 4");
  await page.getByRole("group", { name: "How would you invest?" }).getByRole("checkbox", { name: "Equity", exact: true }).check();
  await page.getByRole("group", { name: "Which project stages?" }).getByRole("checkbox", { name: "Ready", exact: true }).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page).toHaveURL(atPath("/investor/profile"));
}

test("an onboarded investor reads an approved match in Japanese and expresses interest; the agency marks the lead contacted; the investor is told", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const fixture = await createAgencyWithListing();
  const investor = { name: "Hanako Suzuki", organizationName: `Osaka Generics ${fixture.title.slice(13, 19)} KK`, email: uniqueEmail("hanako"), password: strongPassword() };
  let interestId = "";

  await test.step("the investor registers, signs in and completes onboarding choosing the sector", async () => {
    await registerVerifiedInvestor(page, investor);
    await signIn(page, { email: investor.email, password: investor.password, name: investor.name, next: "/investor/onboarding" });
    await completeOnboarding(page);
  });

  await test.step("the engine matches them with the listing and an admin approves it", async () => {
    await matchAndApprove(investor.email, fixture.listingId);
  });

  await test.step("in Japanese, the investor sees the match with its reasons and expresses interest", async () => {
    await page.goto("/investor/matches");
    await page.getByRole("banner").getByRole("button", { name: "日本語" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "マッチング" })).toBeVisible();
    const card = page.getByTestId("matches-list").getByRole("listitem").filter({ has: page.getByRole("heading", { name: fixture.titleJa }) });
    await expect(card).toBeVisible();
    await expect(card.getByText(`ご関心の分野「${SECTOR_JA}」の案件です`)).toBeVisible();
    await expect(card.getByText("パキスタン全土が投資対象です")).toBeVisible();

    await card.getByText("関心を表明する…").click();
    await card.getByLabel("機関へのメッセージ").fill(MESSAGE);
    await card.getByRole("button", { name: "関心を表明する", exact: true }).click();
    // The page is re-rendered with the interest in place of the form.
    await expect(card.getByTestId("interest-sent")).toContainText("ステータス：新規");

    interestId = await withDb(async (db) => {
      const interests = await db().interest.findMany({ where: { listingId: fixture.listingId }, select: { id: true, message: true, status: true } });
      expect(interests).toEqual([expect.objectContaining({ message: MESSAGE, status: "NEW" })]);
      const notified = await db().notification.count({ where: { kind: "INTEREST_RECEIVED", user: { email: fixture.staff.email }, payload: { path: ["interestId"], equals: interests[0]!.id } } });
      expect(notified).toBe(1);
      return interests[0]!.id;
    });
  });

  await test.step("the agency's staff see the lead and mark it contacted", async () => {
    const staffContext = await browser.newContext();
    const staffPage = await staffContext.newPage();
    await signIn(staffPage, { email: fixture.staff.email, password: fixture.staff.password, next: "/staff/leads" });
    await expect(staffPage).toHaveURL(atPath("/staff/leads"));
    await expect(staffPage.getByRole("heading", { level: 1, name: "Leads" })).toBeVisible();
    const row = staffPage.locator(`[data-testid="lead-row"][data-lead-id="${interestId}"]`);
    await expect(row).toContainText(investor.name);
    await expect(row).toContainText(investor.organizationName);
    await expect(row).toContainText(fixture.title);
    await expect(row.getByTestId("lead-status")).toHaveText("New");

    await row.getByRole("link", { name: investor.name }).click();
    await expect(staffPage).toHaveURL(atPath(`/staff/leads/${interestId}`));
    await expect(staffPage.getByText(MESSAGE)).toBeVisible();
    await expect(staffPage.getByRole("link", { name: investor.email })).toBeVisible();
    await staffPage.getByTestId("lead-status-form").getByLabel("Status").selectOption("CONTACTED");
    await staffPage.getByRole("button", { name: "Update status" }).click();
    await expect(staffPage.getByText("Status updated. The investor has been told.")).toBeVisible();
    await expect(staffPage.getByTestId("lead-current-status")).toHaveText("Contacted");

    await staffPage.getByRole("link", { name: "← All leads" }).click();
    await expect(staffPage.locator(`[data-testid="lead-row"][data-lead-id="${interestId}"]`).getByTestId("lead-status")).toHaveText("Contacted");
    await staffContext.close();
  });

  await test.step("the investor is notified: in-app, by email, and on their interests page", async () => {
    const { notification, email } = await withDb(async (db) => {
      const row = await db().notification.findFirst({
        where: { kind: "INTEREST_STATUS_CHANGED", user: { email: investor.email.toLowerCase() }, payload: { path: ["interestId"], equals: interestId } },
        select: { id: true, payload: true, readAt: true },
      });
      const outbox = await db().emailOutbox.findFirst({
        where: { toAddress: investor.email.toLowerCase(), template: "notification" },
        orderBy: { createdAt: "desc" },
        select: { textBody: true },
      });
      return { notification: row, email: outbox };
    });
    expect(notification?.payload).toMatchObject({ status: "CONTACTED", listingId: fixture.listingId });
    expect(notification?.readAt).toBeNull();
    const link = email?.textBody.match(/https?:\/\/\S+\/notifications\/[0-9a-f-]{36}\/open/)?.[0];
    expect(link).toContain(`/notifications/${notification?.id}/open`);

    await page.goto("/investor/interests");
    await expect(page.getByRole("heading", { level: 1, name: "関心表明" })).toBeVisible();
    const item = page.getByTestId("interest-item").filter({ hasText: fixture.titleJa });
    // A streamed page can briefly hold the fallback's swap: wait for one item before reading it.
    await expect(item).toHaveCount(1);
    await expect(item.getByTestId("interest-status")).toHaveText("連絡済み");

    // The header bell belongs to the notifications work; when it is in the build, it counts this one.
    const bell = page.getByTestId("notification-bell");
    if ((await bell.count()) > 0) await expect(bell).toContainText(/[1-9]/);

    // The email's link marks it read on the way to the same page.
    await page.goto(new URL(link!).pathname);
    await expect(page).toHaveURL(/\/investor\/interests$/);
    const readAt = await withDb(async (db) => (await db().notification.findUniqueOrThrow({ where: { id: notification!.id }, select: { readAt: true } })).readAt);
    expect(readAt).not.toBeNull();
  });
});

test("on a listing page, visitors are sent to sign in and back; an investor saves it, hears it changed, and expresses interest; staff get no investor buttons", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const fixture = await createAgencyWithListing();
  const investor = { name: "Kenji Mori", email: uniqueEmail("kenji"), password: strongPassword() };
  const { hashPassword } = await import("../../lib/auth/password");
  const passwordHash = await hashPassword(investor.password);
  const investorId = await withDb(async (db) =>
    (await db().user.create({ data: { email: investor.email, name: investor.name, passwordHash, role: "INVESTOR", status: "ACTIVE", emailVerifiedAt: new Date() }, select: { id: true } })).id,
  );
  const listingPath = `/opportunities/${fixture.listingId}`;
  const act = page.getByTestId("act");

  await test.step("a visitor is offered sign-in, which brings them back to the listing", async () => {
    await page.goto(listingPath);
    await expect(act.getByRole("button")).toHaveCount(0);
    await act.getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === listingPath);
    await page.getByLabel("Email address").fill(investor.email);
    await page.getByLabel("Password", { exact: true }).fill(investor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(atPath(listingPath));
  });

  await test.step("without a profile, the investor is asked to complete it before expressing interest", async () => {
    await expect(act.getByText("Complete your investment profile before expressing interest")).toBeVisible();
    await expect(act.getByRole("link", { name: "Complete your profile" })).toHaveAttribute("href", "/investor/onboarding");
  });

  await test.step("the investor saves the listing; an edit shows as an update until they open it again", async () => {
    await act.getByRole("button", { name: "Save", exact: true }).click();
    await expect(act.getByRole("button", { name: "Remove from saved" })).toBeVisible();
    await withDb(async (db) => {
      const saved = await db().savedListing.findUniqueOrThrow({ where: { userId_listingId: { userId: investorId, listingId: fixture.listingId } } });
      expect(saved.seenVersion).toBe(1);
      // An agency edit, as the versioned update writes it.
      await db().listing.update({ where: { id: fixture.listingId }, data: { version: 2 } });
      await db().listingVersion.create({ data: { listingId: fixture.listingId, version: 2, snapshot: {}, changedFields: ["incentives"] } });
    });
    await page.getByRole("banner").getByRole("link", { name: "Saved" }).click();
    await expect(page).toHaveURL(atPath("/investor/saved"));
    const item = page.getByTestId("saved-item").filter({ hasText: fixture.title });
    await expect(item.getByTestId("saved-updated")).toHaveText("Updated since you last looked");
    await item.getByRole("link", { name: fixture.title }).click();
    await expect(page.getByText(/^Updated: incentives changed on/)).toBeVisible();
    await page.goto("/investor/saved");
    // toHaveCount retries: while the streamed page swaps in, a hidden copy of the list can briefly exist.
    await expect(page.getByTestId("saved-item").filter({ hasText: fixture.title })).toHaveCount(1);
    await expect(page.getByTestId("saved-item").filter({ hasText: fixture.title }).getByTestId("saved-updated")).toHaveCount(0);
  });

  await test.step("with a profile, the investor expresses interest from the listing page, once", async () => {
    await withDb((db) => db().investorProfile.create({ data: { userId: investorId, onboardedAt: new Date(), thesis: "Generic medicines for export." } }));
    await page.goto(listingPath);
    await act.getByLabel("Message to the agency").fill("Could we see the effluent plant's capacity figures?");
    await act.getByRole("button", { name: "Express interest" }).click();
    await expect(act.getByTestId("interest-sent")).toContainText("Status: New.");
    await page.reload();
    await expect(act.getByTestId("express-interest-form")).toHaveCount(0);
    await act.getByRole("link", { name: "See all your interests" }).click();
    await expect(page.getByTestId("interest-item").filter({ hasText: fixture.title }).getByTestId("interest-status")).toHaveText("New");
  });

  await test.step("agency staff see the listing without the investor's buttons", async () => {
    const staffContext = await browser.newContext();
    const staffPage = await staffContext.newPage();
    await signIn(staffPage, { email: fixture.staff.email, password: fixture.staff.password, next: listingPath });
    await expect(staffPage.getByRole("heading", { level: 1, name: fixture.title })).toBeVisible();
    await expect(staffPage.getByTestId("act")).toHaveCount(0);
    await staffContext.close();
  });
});
