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
const WORD = uniqueWord("Kizunajourney");
const LISTING = { title: `${WORD} Lahore Pharma Park`, titleJa: `${WORD} ラホール医薬品パーク` };
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

type TFixture = { listingId: string; staff: { name: string; email: string; password: string } };

/** An agency with one active staff member (no second factor) and one published listing in the sector. */
async function createAgencyWithListing(): Promise<TFixture> {
  const { hashPassword } = await import("../../lib/auth/password");
  const staff = { name: `Ayesha ${WORD.slice(-4)}`, email: uniqueEmail("journey-staff", "kizuna.example"), password: strongPassword() };
  const passwordHash = await hashPassword(staff.password);
  return withDb(async (db) => {
    const sector = await db().sector.findUniqueOrThrow({ where: { slug: SECTOR_SLUG }, select: { id: true } });
    const agency = await db().organization.create({ data: { kind: "AGENCY", code: `J-${randomUUID().slice(0, 8)}`, name: `Journey Agency ${WORD.slice(-6)}`, province: "PUNJAB" } });
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
        title: LISTING.title,
        titleJa: LISTING.titleJa,
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
    return { listingId: listing.id, staff };
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
  const investor = { name: "Hanako Suzuki", organizationName: `Osaka Generics ${WORD.slice(-5)} KK`, email: uniqueEmail("hanako"), password: strongPassword() };
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
    const card = page.getByTestId("matches-list").getByRole("listitem").filter({ has: page.getByRole("heading", { name: LISTING.titleJa }) });
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
    await expect(row).toContainText(LISTING.title);
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
        select: { payload: true, readAt: true },
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
    expect(email?.textBody).toContain("/investor/interests");

    await page.goto("/investor/interests");
    await expect(page.getByRole("heading", { level: 1, name: "関心表明" })).toBeVisible();
    const item = page.getByTestId("interest-item").filter({ hasText: LISTING.titleJa });
    await expect(item.getByTestId("interest-status")).toHaveText("連絡済み");

    // The header bell belongs to the notifications work; when it is in the build, it counts this one.
    const bell = page.getByTestId("notification-bell");
    if ((await bell.count()) > 0) await expect(bell).toContainText(/[1-9]/);
  });
});
