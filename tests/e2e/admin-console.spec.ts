// The admin console in a real Chromium against the production build: an admin
// sends a submitted listing back with a comment; the agency staff member reads
// the comment in the editor, fixes the listing and resubmits it; the admin
// publishes it. The dashboard's charts render with data from the seed; the
// audit log finds the send-back and exports it; staff are refused everywhere
// admin. The listing is written straight into the e2e database as its staff
// member would have submitted it, so the journey starts at the review.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { alert, atPath, createAdminInDatabase, demoAccount, signIn, signInAndEnrolAdmin, uniqueWord } from "./helpers";

const STAFF_EMAIL = "staff.piedmc@kizuna.local";
const TITLE = `${uniqueWord("Reviewzone")} Sundar Food Park`;
const TITLE_JA = "スンダル食品工業団地";
const COMMENT = "Please add the Japanese title so Japanese investors can find it.";

/** A complete SEZ listing of the staff member's agency, waiting for review. */
async function createSubmittedListing(): Promise<string> {
  const { db, disconnectDb } = await import("../../lib/db/client");
  try {
    const staff = await db().user.findUniqueOrThrow({ where: { email: STAFF_EMAIL }, select: { id: true, organizationId: true } });
    const sector = await db().sector.findUniqueOrThrow({ where: { slug: "food-processing" }, select: { id: true } });
    const listing = await db().listing.create({
      data: {
        slug: `e2e-review-${randomBytes(4).toString("hex")}`,
        kind: "SEZ",
        status: "SUBMITTED",
        agencyId: staff.organizationId!,
        title: TITLE,
        summary: "A food-processing zone near Lahore with ready plots, gas and a one-window office, submitted for review by the end-to-end tests.",
        sectorIds: [sector.id],
        province: "PUNJAB",
        district: "Lahore",
        instruments: ["PLOT_LEASE"],
        stage: "READY",
        createdById: staff.id,
        submittedById: staff.id,
        submittedAt: new Date(),
      },
      select: { id: true },
    });
    return listing.id;
  } finally {
    await disconnectDb();
  }
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("an admin sends a listing back with a comment, the staff member fixes and resubmits it, the admin publishes it; the console's charts, audit log and refusals hold", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const listingId = await createSubmittedListing();
  const admin = await createAdminInDatabase("console-admin");
  const adminSide = await newPage(browser);
  const staffSide = await newPage(browser);
  const adminPage = adminSide.page;
  const staffPage = staffSide.page;
  const staff = demoAccount(STAFF_EMAIL);

  try {
    await test.step("the admin sends it back: the comment is required, then accepted", async () => {
      await signInAndEnrolAdmin(adminPage, admin, "/admin/listings");
      await adminPage.goto("/admin/listings");
      const item = adminPage.getByTestId("moderation-queue").getByRole("article", { name: TITLE });
      await expect(item).toContainText("New listing: not published before.");
      await item.getByRole("button", { name: `Send back ${TITLE}` }).click();
      const comment = item.getByLabel(`Comment for the agency on “${TITLE}”`);
      await expect(comment).toHaveAttribute("aria-invalid", "true");
      await comment.fill(COMMENT);
      await item.getByRole("button", { name: `Send back ${TITLE}` }).click();
      await expect(item.getByRole("status")).toHaveText(`“${TITLE}” was sent back to the agency.`);
    });

    await test.step("the staff member reads the comment in the editor, adds the Japanese title and resubmits", async () => {
      await signIn(staffPage, { email: staff.email, password: staff.password, next: `/staff/listings/${listingId}/edit` });
      await expect(staffPage).toHaveURL(atPath(`/staff/listings/${listingId}/edit`));
      await expect(staffPage.getByRole("heading", { name: "Sent back by the reviewer" })).toBeVisible();
      await expect(staffPage.getByTestId("review-comment")).toHaveText(COMMENT);
      await staffPage.getByLabel("Title in Japanese").fill(TITLE_JA);
      await expect(staffPage.getByTestId("save-status")).toHaveText(/^Saved at/);
      await staffPage.getByRole("button", { name: "Submit for review" }).click();
      await expect(staffPage.getByRole("status").filter({ hasText: "Submitted for review." })).toBeVisible();
      await expect(staffPage.getByRole("heading", { name: "Waiting for review" })).toBeVisible();
    });

    await test.step("the admin sees it back in the queue and publishes it", async () => {
      await adminPage.goto("/admin/listings");
      const item = adminPage.getByTestId("moderation-queue").getByRole("article", { name: TITLE });
      await expect(item).toBeVisible();
      await item.getByRole("button", { name: `Publish ${TITLE}` }).click();
      await expect(item.getByRole("status")).toHaveText(`“${TITLE}” is published.`);
      const response = await adminPage.request.get(`/opportunities/${listingId}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain(TITLE);
    });

    await test.step("the dashboard's charts render with data from the seed, each with its figures as a table", async () => {
      await adminPage.goto("/admin");
      await expect(adminPage.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
      for (const testId of ["chart-sectors", "chart-provinces", "chart-investors"]) {
        const chart = adminPage.getByTestId(testId);
        await expect(chart).toBeVisible();
        expect(Number(await chart.getAttribute("data-total")), `${testId} total`).toBeGreaterThan(0);
        // The chart is one image named by its title and summary; its figures are in the table.
        await expect(chart.locator('div[role="img"]')).toHaveAccessibleName(/\S/);
        await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
      }
      await expect(adminPage.getByTestId("chart-sectors").locator(".recharts-bar-rectangle").first()).toBeVisible();
      await expect(adminPage.getByTestId("chart-investors").locator(".recharts-line-curve")).toBeVisible();
      const sectors = adminPage.getByTestId("chart-sectors");
      await sectors.getByText("Show the figures as a table").click();
      await expect(sectors.getByRole("table").getByRole("row").filter({ hasText: "Food processing" })).toBeVisible();
      await expect(adminPage.getByTestId("chart-funnel")).toBeVisible();
      await expect(adminPage.getByTestId("chart-response")).toBeVisible();
      const context = adminPage.getByTestId("japan-pakistan-context");
      await expect(context.getByRole("heading", { name: "Japan–Pakistan context" })).toBeVisible();
      await expect(context).toContainText("Bilateral trade in 2024");
      await expect(context).toContainText("Source: Diamanium Thinkers");
    });

    await test.step("the audit log finds the send-back by action and exports it as CSV", async () => {
      await adminPage.goto("/admin/audit");
      await adminPage.getByLabel("Action", { exact: true }).fill("listing.sentBack");
      await adminPage.getByLabel("Target id", { exact: true }).fill(listingId);
      await adminPage.getByRole("button", { name: "Search" }).click();
      await expect(adminPage).toHaveURL((url) => url.pathname === "/admin/audit" && url.searchParams.get("action") === "listing.sentBack");
      const rows = adminPage.getByTestId("audit-row");
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(admin.email);
      await expect(rows.first()).toContainText(COMMENT);
      const csv = await adminPage.request.get(`/admin/audit/export.csv?action=listing.&targetId=${listingId}`);
      expect(csv.status()).toBe(200);
      const text = await csv.text();
      expect(text).toContain("listing.sentBack");
      expect(text).toContain("listing.published");
      // A reversed date range is refused beside the field.
      await adminPage.goto("/admin/audit?from=2025-02-02&to=2025-02-01");
      await expect(alert(adminPage, "Some filters are not valid")).toBeVisible();
      await expect(adminPage.getByLabel("To (inclusive)")).toHaveAttribute("aria-invalid", "true");
    });

    await test.step("the admin adds a sector: a taken slug is refused beside its field, nothing typed is lost", async () => {
      await adminPage.goto("/admin/settings/sectors");
      const form = adminPage.getByRole("region", { name: "Add a sector" });
      const nameEn = `E2E Hydrogen ${randomBytes(2).toString("hex")}`;
      await form.getByLabel("Name in English").fill(nameEn);
      await form.getByLabel("Name in Japanese").fill("水素");
      const slug = form.getByLabel("Slug");
      await slug.fill("food-processing");
      await form.getByRole("button", { name: "Add the sector" }).click();
      await expect(slug).toHaveAttribute("aria-invalid", "true");
      await expect(slug).toHaveAccessibleDescription(/Another sector already has this slug/);
      await expect(form.getByLabel("Name in English")).toHaveValue(nameEn);
      const unique = `e2e-hydrogen-${randomBytes(3).toString("hex")}`;
      await slug.fill(unique);
      await form.getByRole("button", { name: "Add the sector" }).click();
      await expect(form.getByRole("status")).toHaveText(`“${nameEn}” (水素) was added.`);
      await expect(adminPage.locator(`[data-testid="sector-row"][data-slug="${unique}"]`)).toContainText(nameEn);
    });

    await test.step("the admin finds the demo investor by role and email and opens their profile and activity", async () => {
      await adminPage.goto("/admin/users");
      await adminPage.getByLabel("Search by name or email").fill("investor@kizuna.local");
      await adminPage.getByLabel("Role", { exact: true }).selectOption("INVESTOR");
      await adminPage.getByRole("search").getByRole("button", { name: "Search" }).click();
      await expect(adminPage).toHaveURL((url) => url.searchParams.get("role") === "INVESTOR");
      await adminPage.getByTestId("users-table").getByRole("link", { name: /Demo Investor/ }).click();
      await expect(adminPage).toHaveURL((url) => /^\/admin\/users\/[0-9a-f-]{36}$/.test(url.pathname));
      await expect(adminPage.getByRole("heading", { level: 1, name: /Demo Investor/ })).toBeVisible();
      await expect(adminPage.getByTestId("person-account")).toContainText("Investor");
      await expect(adminPage.getByRole("heading", { name: "Summary" })).toBeVisible();
      await expect(adminPage.getByRole("heading", { name: /^Matches \(\d+\)$/ })).toBeVisible();
      await expect(adminPage.getByRole("heading", { name: "Audit entries by or about them" })).toBeVisible();
    });

    await test.step("the console reads in Japanese", async () => {
      await adminPage.goto("/admin");
      await adminPage.getByRole("button", { name: "日本語" }).click();
      await expect(adminPage.getByRole("heading", { level: 1, name: "管理" })).toBeVisible();
      await expect(adminPage.getByTestId("chart-sectors").getByRole("heading", { name: "セクター別の公開案件数" })).toBeVisible();
      await expect(adminPage.getByTestId("japan-pakistan-context").getByRole("heading", { name: "日本・パキスタンの概況" })).toBeVisible();
      await adminPage.goto("/admin/audit");
      await expect(adminPage.getByRole("heading", { level: 1, name: "監査ログ" })).toBeVisible();
      await adminPage.goto("/admin/settings/sectors");
      await expect(adminPage.getByRole("heading", { level: 1, name: "セクター分類" })).toBeVisible();
      await adminPage.getByRole("button", { name: "English" }).click();
      await expect(adminPage.getByRole("heading", { level: 1, name: "Sector taxonomy" })).toBeVisible();
    });

    await test.step("staff are refused every admin page and the export", async () => {
      for (const path of ["/admin", "/admin/audit", "/admin/settings/sectors", "/admin/users", "/admin/listings"]) {
        await staffPage.goto(path);
        await expect(staffPage, path).toHaveURL(atPath("/forbidden"));
      }
      const refused = await staffPage.request.get("/admin/audit/export.csv");
      expect(refused.status()).toBe(403);
    });
  } finally {
    await adminSide.context.close();
    await staffSide.context.close();
  }
});
