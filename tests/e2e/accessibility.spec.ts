// Accessibility in a real Chromium: axe-core (@axe-core/playwright) checks the
// pages each kind of user works in against WCAG 2.1 A and AA, in English and
// in Japanese, and forms showing their errors; the test fails on any violation
// axe rates serious or critical, naming the rule and the elements.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createAdminInDatabase, demoAccount, signIn, signInAndEnrolAdmin } from "./helpers";

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 5).map((node) => node.target.join(" ")).join(" | ")}`);
}

async function scan(page: Page, paths: readonly string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    // The page itself, not a sign-in form it redirected to.
    expect(new URL(page.url()).pathname, path).toBe(path.split("?")[0]);
    await page.waitForLoadState("networkidle");
    const list = await violations(page);
    if (list.length > 0) found[path] = list;
  }
  return found;
}

test("public pages, in English and Japanese", async ({ page }) => {
  await page.goto("/opportunities");
  const detail = await page.getByTestId("listing-card").first().getByRole("link").first().getAttribute("href");
  const paths = ["/", "/opportunities", "/opportunities?q=dairy&province=PUNJAB", detail!, "/sign-in", "/register", "/request-access", "/forgot-password", "/api-docs"];
  expect(await scan(page, paths)).toEqual({});
  await page.goto("/");
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  expect(await scan(page, paths)).toEqual({});
});

test("an investor's pages", async ({ page }) => {
  const investor = demoAccount("investor@kizuna.local");
  await signIn(page, { email: investor.email, password: investor.password, next: "/investor/matches" });
  expect(await scan(page, ["/investor/matches", "/investor/profile", "/investor/saved", "/investor/interests", "/investor/searches", "/notifications"])).toEqual({});
});

test("agency staff's pages", async ({ page }) => {
  const staff = demoAccount("staff.piedmc@kizuna.local");
  await signIn(page, { email: staff.email, password: staff.password, next: "/staff" });
  expect(await scan(page, ["/staff", "/staff/listings", "/staff/listings/new", "/staff/listings/import", "/staff/leads", "/account/security", "/account/api-tokens"])).toEqual({});
});

test("an admin's pages", async ({ page }) => {
  const admin = await createAdminInDatabase("a11y");
  await signInAndEnrolAdmin(page, admin);
  expect(await scan(page, ["/admin", "/admin/matches", "/admin/listings", "/admin/users", "/admin/audit", "/admin/rates", "/admin/settings/matching", "/admin/settings/sectors"])).toEqual({});
});

test("forms showing their errors", async ({ browser, page }) => {
  // The refused sign-in comes from an address of its own (Next.js keeps a client's X-Forwarded-For), so its
  // failure does not count against 127.0.0.1, which zz-lockout.spec.ts needs to itself.
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const signInPage = await elsewhere.newPage();
  await signInPage.goto("/sign-in");
  await signInPage.getByLabel("Email address").fill("nobody-a11y@example.com");
  await signInPage.getByLabel("Password", { exact: true }).fill("not-the-password-123");
  await signInPage.getByRole("button", { name: "Sign in" }).click();
  await expect(signInPage.getByRole("alert").first()).toBeVisible();
  expect(await violations(signInPage), "/sign-in refused").toEqual([]);
  await elsewhere.close();

  await page.goto("/register");
  await page.getByLabel("Full name").fill("Aiko Tanaka");
  await page.getByLabel("Email address").fill("aiko at example.com");
  await page.getByLabel("Password", { exact: true }).fill("a long enough passphrase 42");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("form [aria-invalid='true']").first()).toBeVisible();
  expect(await violations(page), "/register refused").toEqual([]);

  const staff = demoAccount("staff.piedmc@kizuna.local");
  await signIn(page, { email: staff.email, password: staff.password, next: "/staff/listings/new" });
  await page.getByRole("link", { name: /^Special Economic Zone/ }).click();
  await page.getByLabel("Title", { exact: true }).fill("Unfinished zone");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.locator("form [aria-invalid='true']").first()).toBeVisible();
  expect(await violations(page), "/staff/listings/new refused").toEqual([]);
});
