// Notifications and saved searches in a real Chromium against the production
// build: an investor with unread notifications sees the count on the bell,
// opens the list, follows one to its listing and the count drops; then saves a
// search from the opportunities page and finds it under their saved searches.
//
// The investor and the notifications are written straight to the e2e database
// (as createAdminInDatabase does): notify() is covered by the integration tests,
// this journey is about what the user sees and does.
import { expect, test } from "@playwright/test";
import { atPath, signIn, strongPassword, uniqueEmail, uniqueWord } from "./helpers";

type TSetup = { email: string; password: string; name: string; listingId: string; listingTitle: string };

async function investorWithNotifications(): Promise<TSetup> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set (is the global setup running?)");
  const { db, disconnectDb } = await import("../../lib/db/client");
  const { hashPassword } = await import("../../lib/auth/password");
  const password = strongPassword();
  const name = `Bell ${uniqueWord("Investor", 4)}`;
  const email = uniqueEmail("bell", "kizuna.example");
  try {
    const listing = await db().listing.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { publishedAt: "desc" }, select: { id: true, title: true } });
    const user = await db().user.create({
      data: { email, name, passwordHash: await hashPassword(password), role: "INVESTOR", status: "ACTIVE", emailVerifiedAt: new Date() },
      select: { id: true },
    });
    const at = Date.now();
    await db().notification.createMany({
      data: [
        { userId: user.id, kind: "MATCH_APPROVED", payload: { listingTitle: "Faisalabad dairy park", score: 82 }, createdAt: new Date(at - 3000) },
        { userId: user.id, kind: "SAVED_SEARCH_MATCHES", payload: { searchName: "Punjab zones", count: 2 }, createdAt: new Date(at - 2000) },
        { userId: user.id, kind: "LISTING_UPDATED", payload: { listingId: listing.id, listingTitle: listing.title }, createdAt: new Date(at - 1000) },
      ],
    });
    return { email, password, name, listingId: listing.id, listingTitle: listing.title };
  } finally {
    await disconnectDb();
  }
}

test("an investor follows a notification from the bell, and saves a search", async ({ page }) => {
  test.setTimeout(120_000);
  const investor = await investorWithNotifications();
  await signIn(page, { email: investor.email, password: investor.password, name: investor.name });

  const bell = page.getByRole("banner").getByRole("link", { name: "Notifications, 3 unread" });
  await expect(bell).toBeVisible();
  await expect(page.getByTestId("notification-count")).toHaveText("3");

  await bell.click();
  await expect(page).toHaveURL(atPath("/notifications"));
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const items = page.getByTestId("notification-item");
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText(`A listing you saved was updated: ${investor.listingTitle}`);
  await expect(items.nth(1)).toContainText("2 new opportunities for your saved search “Punjab zones”");
  await expect(page.getByTestId("notification-item").and(page.locator('[data-unread="true"]'))).toHaveCount(3);

  await items.first().getByRole("button").click();
  await expect(page).toHaveURL(atPath(`/opportunities/${investor.listingId}`));
  await expect(page.getByRole("banner").getByRole("link", { name: "Notifications, 2 unread" })).toBeVisible();

  await page.getByRole("banner").getByTestId("notification-bell").click();
  await expect(page).toHaveURL(atPath("/notifications"));
  await expect(page.getByTestId("notification-item").and(page.locator('[data-unread="true"]'))).toHaveCount(2);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("status").filter({ hasText: "All your notifications are marked as read." })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Notifications, none unread" })).toBeVisible();

  // Save a search from the opportunities page.
  const searchName = `Punjab ${uniqueWord("Zones", 4)}`;
  await page.goto("/opportunities?province=PUNJAB&sort=newest");
  await page.getByText("Save this search").click();
  await page.getByLabel("Name").fill(searchName);
  await expect(page.getByLabel("Alert me about new opportunities")).toBeChecked();
  await page.getByRole("button", { name: "Save search" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved “${searchName}”` })).toBeVisible();
  await page.getByRole("link", { name: "Go to my saved searches" }).click();

  await expect(page).toHaveURL(atPath("/investor/searches"));
  const saved = page.getByTestId("saved-search").filter({ has: page.getByRole("heading", { name: searchName }) });
  await expect(saved).toBeVisible();
  await expect(saved).toContainText("Province:");
  await expect(saved).toContainText("Punjab");
  await saved.getByRole("link", { name: `Run “${searchName}” now` }).click();
  await expect(page.getByTestId("saved-search-count")).toContainText(/match this search today|matches this search today/);
  await saved.getByRole("link", { name: "Open search" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/opportunities" && url.searchParams.get("province") === "PUNJAB" && url.searchParams.get("sort") === "newest");
});
