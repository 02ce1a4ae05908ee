// Shared steps for the Playwright journeys: demo accounts from the global
// setup, unique test data, sign-in (with the second factor when asked), the
// dev outbox, and two-step enrolment. Every step waits on what the UI shows.
import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";
import { generate } from "otplib";

export type TRole = "INVESTOR" | "STAFF" | "ADMIN";
export type TDemoAccount = { role: TRole; email: string; password: string };

/** The seeded demo accounts, handed over by tests/support/playwright-global-setup.ts. */
export function demoAccount(email: string): TDemoAccount {
  const accounts = JSON.parse(process.env.E2E_ACCOUNTS ?? "[]") as TDemoAccount[];
  const account = accounts.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`Demo account ${email} is missing from E2E_ACCOUNTS (is the global setup running?)`);
  return account;
}

/** URL predicates for expect(page).toHaveURL(). */
export const atPath = (pathname: string) => (url: URL) => url.pathname === pathname;
/** Where an admin without a second factor is sent instead of any admin page. */
export const atEnrolmentRequired = (url: URL) => url.pathname === "/account/security" && url.searchParams.get("enrol") === "required";

/** A fresh address per run, so reruns and parallel runs never collide. */
export function uniqueEmail(prefix: string, domain = "example.com"): string {
  return `${prefix}.${Date.now().toString(36)}${randomBytes(3).toString("hex")}@${domain}`;
}

/** A password that passes the policy (12+ characters, not common). */
export function strongPassword(): string {
  return `Long enough passphrase ${randomBytes(4).toString("hex")}`;
}

/**
 * Alerts with this text. Next's route announcer is also role="alert" (and
 * always present), so alerts are never asserted without a text filter.
 */
export function alert(page: Page, text: string | RegExp): Locator {
  return page.getByRole("alert").filter({ hasText: text });
}

/** The sign-out button of the site header (the account page has a second one). */
export function headerSignOut(page: Page): Locator {
  return page.getByRole("banner").getByRole("button", { name: "Sign out" });
}

export async function totpCode(secret: string): Promise<string> {
  return generate({ secret });
}

type TSignInOptions = { email: string; password: string; totpSecret?: string; next?: string };

/**
 * Fills and sends the sign-in form; with a TOTP secret, answers the code
 * request too. Callers assert where they land.
 */
export async function submitSignIn(page: Page, { email, password, totpSecret, next }: TSignInOptions): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!totpSecret) return;
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeFocused();
  await code.fill(await totpCode(totpSecret));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
}

/** Signs in and waits for the signed-in header on the page the form sends us to. */
export async function signIn(page: Page, options: TSignInOptions & { name?: string }): Promise<void> {
  await submitSignIn(page, options);
  await expect(page).toHaveURL((url) => url.pathname !== "/sign-in");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  if (options.name) await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${options.name}`);
}

/** Opens the dev outbox and clicks the link (whose address contains `path`) in the newest email to `to`. */
export async function followNewestEmailLink(page: Page, { to, path }: { to: string; path: string }): Promise<void> {
  await page.goto("/dev/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Email outbox" })).toBeVisible();
  const newest = page.locator(`[data-testid="outbox-item"][data-email-to="${to}"]`).first();
  await expect(newest).toBeVisible();
  await newest.getByTestId("outbox-link").filter({ hasText: path }).first().click();
  await expect(page).toHaveURL(atPath(path));
}

type TInvestor = { name: string; organizationName: string; email: string; password: string };

/** Registers an investor through the form and confirms the address from the outbox. */
export async function registerVerifiedInvestor(page: Page, investor: TInvestor): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Full name").fill(investor.name);
  await page.getByLabel("Company or organisation").fill(investor.organizationName);
  await page.getByLabel("Country").selectOption("JP");
  await page.getByLabel("Email address").fill(investor.email);
  await page.getByLabel("Password", { exact: true }).fill(investor.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await confirmEmail(page, investor.email);
}

export async function confirmEmail(page: Page, email: string): Promise<void> {
  await followNewestEmailLink(page, { to: email, path: "/verify-email" });
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
}

/**
 * On /account/security: sets up TOTP with a code computed from the key shown
 * for manual entry, acknowledges the recovery codes, and returns both.
 */
export async function enrolTotp(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: "Set up" }).click();
  const shownSecret = page.getByTestId("totp-secret");
  await expect(shownSecret).toBeVisible();
  const secret = (await shownSecret.innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel("6-digit code").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByTestId("recovery-codes");
  await expect(codes).toBeVisible();
  const recoveryCodes = (await codes.locator("li").allInnerTexts()).map((code) => code.trim());
  expect(recoveryCodes).toHaveLength(10);
  const done = page.getByRole("button", { name: "Done" });
  await expect(done).toBeDisabled();
  await page.getByLabel("I have saved my recovery codes").check();
  await done.click();
  await expect(page.getByTestId("totp-enabled-since")).toBeVisible();
  return { secret, recoveryCodes };
}

/** Letters only (a–z), so full-text search keeps it as one word. */
export function uniqueWord(prefix = "Kizunatest", length = 10): string {
  const letters = [...randomBytes(length)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");
  return `${prefix}${letters}`;
}

type TNewAdmin = { name: string; email: string; password: string };

/**
 * A fresh ACTIVE administrator without a second factor, created in the e2e
 * database the way `npm run user:create-admin` does (lib/accounts/bootstrap).
 * For files that need an admin whatever other files did to the demo admin
 * (whose TOTP secret only the file that enrolled it knows).
 */
export async function createAdminInDatabase(label = "admin"): Promise<TNewAdmin> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set (is the global setup running?)");
  const { createAdmin } = await import("../../lib/accounts/bootstrap");
  const { disconnectDb } = await import("../../lib/db/client");
  const admin = { name: `E2E Admin ${randomBytes(2).toString("hex")}`, email: uniqueEmail(label, "kizuna.example"), password: strongPassword() };
  try {
    const { created } = await createAdmin(admin);
    if (!created) throw new Error(`Admin ${admin.email} already existed`);
  } finally {
    await disconnectDb();
  }
  return admin;
}

/**
 * Signs in an administrator who has no second factor yet: the sign-in lands on
 * the forced enrolment, which is completed. Returns the TOTP secret.
 */
export async function signInAndEnrolAdmin(page: Page, admin: { email: string; password: string; name?: string }, next = "/admin"): Promise<string> {
  await submitSignIn(page, { email: admin.email, password: admin.password, next });
  await expect(page).toHaveURL(atEnrolmentRequired);
  const { secret } = await enrolTotp(page);
  if (admin.name) await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${admin.name}`);
  return secret;
}
