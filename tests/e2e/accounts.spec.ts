// Account journeys in a real Chromium against the production build: investor
// registration and email confirmation, the admin's forced second factor, staff
// approval, demotion taking effect on the next click, cross-origin refusal, and
// sign-in lockout.
//
// Sign-in failures count per account AND per IP, and every request here comes
// from 127.0.0.1 (5 failures in 15 minutes lock the IP). The lockout test lives in
// zz-lockout.spec.ts so that it runs after every other file.
import { randomUUID } from "node:crypto";
import { expect, test, type APIResponse, type Page, type Request } from "@playwright/test";
import {
  alert,
  atEnrolmentRequired,
  atPath,
  demoAccount,
  enrolTotp,
  followNewestEmailLink,
  headerSignOut,
  registerVerifiedInvestor,
  signIn,
  strongPassword,
  submitSignIn,
  uniqueEmail,
} from "./helpers";

const FOREIGN_ORIGIN = "https://evil.example";

test("an investor registers, keeps their input after a validation error, confirms the email from the outbox, signs in and out", async ({ page }) => {
  const investor = { name: "Taro Yamada", organizationName: "Sakura Test Capital KK", email: uniqueEmail("taro"), password: strongPassword() };

  await page.goto("/register");
  await expect(page.getByRole("heading", { level: 1, name: "Register as an investor" })).toBeVisible();
  const name = page.getByLabel("Full name");
  const organization = page.getByLabel("Company or organisation");
  const country = page.getByLabel("Country");
  const email = page.getByLabel("Email address");
  const password = page.getByLabel("Password", { exact: true });
  const emailLanguage = page.getByLabel("Language for emails");
  await name.fill(investor.name);
  await organization.fill(investor.organizationName);
  await country.selectOption("JP");
  const mistyped = investor.email.replace("@", " at ");
  await email.fill(mistyped);
  await password.fill(investor.password);
  await emailLanguage.selectOption("ja");
  await page.getByRole("button", { name: "Create account" }).click();

  // Exactly one field is refused, with a message beside it...
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("form [aria-invalid]")).toHaveCount(1);
  // ...and everything else comes back as typed (the password is never written back into the page).
  await expect(name).toHaveValue(investor.name);
  await expect(organization).toHaveValue(investor.organizationName);
  await expect(country).toHaveValue("JP");
  await expect(email).toHaveValue(mistyped);
  await expect(emailLanguage).toHaveValue("ja");
  await expect(password).toHaveValue("");

  await email.fill(investor.email);
  await password.fill(investor.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: investor.email })).toBeVisible();

  await followNewestEmailLink(page, { to: investor.email, path: "/verify-email" });
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
  await page.getByRole("link", { name: "Go to sign in" }).click();
  await expect(page).toHaveURL(atPath("/sign-in"));

  await page.getByLabel("Email address").fill(investor.email);
  await page.getByLabel("Password", { exact: true }).fill(investor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(atPath("/account"));
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText(investor.email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${investor.name}`);

  await headerSignOut(page).click();
  await expect(page).toHaveURL(atPath("/"));
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

  await page.goto("/account");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === "/account");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test.describe("admin and staff", () => {
  // The second test uses the admin's second factor and the staff member approved in the first.
  test.describe.configure({ mode: "serial" });

  const agency = "Special Investment Facilitation Council";
  const staff = { name: "Ayesha Officer", jobTitle: "Investment Officer", email: uniqueEmail("ayesha", "sifc.example.pk"), password: strongPassword() };
  let adminTotpSecret = "";

  test("the admin must enrol a second factor before /admin opens, then approves a staff access request", async ({ page: adminPage, browser }) => {
    const admin = demoAccount("admin@kizuna.local");
    await submitSignIn(adminPage, { email: admin.email, password: admin.password, next: "/admin" });
    await expect(adminPage).toHaveURL(atEnrolmentRequired);
    await expect(adminPage.getByRole("heading", { level: 1, name: "Two-step verification" })).toBeVisible();
    await expect(alert(adminPage, "Set up two-step verification to continue")).toBeVisible();
    // Every admin page sends them back here until the second factor is on.
    await adminPage.goto("/admin/users");
    await expect(adminPage).toHaveURL(atEnrolmentRequired);

    ({ secret: adminTotpSecret } = await enrolTotp(adminPage));
    await adminPage.getByRole("link", { name: "Go to the admin pages" }).click();
    await expect(adminPage).toHaveURL(atPath("/admin"));
    await expect(adminPage.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
    await adminPage.getByRole("link", { name: /^Users/ }).click();
    await expect(adminPage).toHaveURL(atPath("/admin/users"));
    await expect(adminPage.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

    const staffContext = await browser.newContext();
    try {
      const staffPage = await staffContext.newPage();
      await staffPage.goto("/request-access");
      await staffPage.getByLabel("Full name").fill(staff.name);
      await staffPage.getByLabel("Job title").fill(staff.jobTitle);
      await staffPage.getByLabel("Agency").selectOption({ label: agency });
      await staffPage.getByLabel("Work email address").fill(staff.email);
      await staffPage.getByLabel("Password", { exact: true }).fill(staff.password);
      await staffPage.getByRole("button", { name: "Send request" }).click();
      await expect(staffPage.getByRole("heading", { name: "Request received" })).toBeVisible();

      // Right password, but nobody has approved the request yet.
      await submitSignIn(staffPage, { email: staff.email, password: staff.password });
      await expect(alert(staffPage, "Your staff access request is waiting for an administrator’s approval.")).toBeVisible();
      expect(new URL(staffPage.url()).pathname).toBe("/sign-in");
      await expect(staffPage.getByTestId("signed-in-as")).toHaveCount(0);

      await adminPage.reload();
      const request = adminPage.getByTestId("pending-staff").locator("li").filter({ hasText: staff.email });
      await expect(request).toContainText(`${agency} · ${staff.jobTitle}`);
      await request.getByRole("button", { name: `Approve ${staff.name}` }).click();
      await expect(adminPage.getByText(`${staff.name}’s request was approved and they have been emailed.`)).toBeVisible();
      await expect(request).toHaveCount(0);

      await signIn(staffPage, { email: staff.email, password: staff.password, name: staff.name });
      expect(new URL(staffPage.url()).pathname).toBe("/account");
      await expect(staffPage.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
      await expect(staffPage.getByText("Agency staff", { exact: true })).toBeVisible();
      await expect(staffPage.getByText(agency, { exact: true })).toBeVisible();
    } finally {
      await staffContext.close();
    }
  });

  test("a demoted admin loses the admin pages on their next click", async ({ page: adminPage, browser }) => {
    expect(adminTotpSecret, "the previous test enrols the admin's second factor").not.toBe("");
    const admin = demoAccount("admin@kizuna.local");
    await signIn(adminPage, { email: admin.email, password: admin.password, totpSecret: adminTotpSecret, next: "/admin/users" });
    await adminPage.goto(`/admin/users?q=${encodeURIComponent(staff.email)}`);
    const row = adminPage.getByTestId("users-table").locator("tr").filter({ hasText: staff.email });
    await row.getByLabel(`Role for ${staff.name}`).selectOption("ADMIN");
    await row.getByRole("button", { name: "Change role" }).click();
    await expect(row.getByText("Role is now Administrator.")).toBeVisible();

    const secondContext = await browser.newContext();
    try {
      const second = await secondContext.newPage();
      // A new admin is held to the same rule: second factor first.
      await submitSignIn(second, { email: staff.email, password: staff.password, next: "/admin" });
      await expect(second).toHaveURL(atEnrolmentRequired);
      const { secret } = await enrolTotp(second);
      await second.getByRole("link", { name: "Go to the admin pages" }).click();
      await expect(second).toHaveURL(atPath("/admin"));
      await second.getByRole("link", { name: /^Users/ }).click();
      await expect(second).toHaveURL(atPath("/admin/users"));
      await expect(second.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
      // Back to /admin through the header: /admin/users is now in the client router's history.
      await second.getByRole("banner").getByRole("link", { name: "Admin" }).click();
      await expect(second).toHaveURL(atPath("/admin"));
      await expect(second.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();

      await row.getByLabel(`Role for ${staff.name}`).selectOption("STAFF");
      await row.getByRole("button", { name: "Change role" }).click();
      await expect(row.getByText("Role is now Agency staff.")).toBeVisible();

      // The role change ended their session: the next click lands on sign-in, not on the admin page.
      await second.getByRole("link", { name: /^Users/ }).click();
      await expect(second).toHaveURL(atPath("/sign-in"));
      await expect(second.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
      await expect(second.getByRole("heading", { name: "Users" })).toHaveCount(0);

      // Signed in again, they are staff: the admin pages are forbidden and the header has no Admin link.
      await signIn(second, { email: staff.email, password: staff.password, totpSecret: secret, next: "/admin" });
      await expect(second).toHaveURL(atPath("/forbidden"));
      await expect(second.getByRole("heading", { level: 1, name: "You cannot open this page" })).toBeVisible();
      await expect(second.getByRole("banner").getByRole("link", { name: "Admin" })).toHaveCount(0);
    } finally {
      await secondContext.close();
    }
  });
});

/** The headers a server action sends, minus the browser's own (origin, cookies, fetch metadata). */
function actionHeaders(request: Request): Record<string, string> {
  const sent = request.headers();
  const headers: Record<string, string> = {};
  for (const name of ["accept", "content-type", "next-action", "next-router-state-tree"]) {
    const value = sent[name];
    if (value) headers[name] = value;
  }
  expect(headers["next-action"], "a server action request").toBeTruthy();
  return headers;
}

/** Sends a captured server action request again, from this page's cookie jar, with other headers. */
function replayAction(page: Page, request: Request, headers: Record<string, string>): Promise<APIResponse> {
  return page.request.fetch(request.url(), {
    method: "POST",
    headers: { ...actionHeaders(request), ...headers },
    data: request.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
}

function isServerAction(request: Request): boolean {
  return request.method() === "POST" && Boolean(request.headers()["next-action"]);
}

test("security headers, and cookie-authenticated writes from another origin are refused", async ({ page, baseURL }) => {
  const ownOrigin = new URL(baseURL!).origin;
  const staff = demoAccount("staff.piedmc@kizuna.local");
  await signIn(page, { email: staff.email, password: staff.password });
  const staffName = (await page.getByTestId("signed-in-as").innerText()).replace(/^Signed in as /, "").trim();

  // Security headers on a private page.
  const accountPage = await page.request.get("/account", { maxRedirects: 0 });
  expect(accountPage.status()).toBe(200);
  const headers = accountPage.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("form-action 'self'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-powered-by"]).toBeUndefined();

  // REST: the same cookie-authenticated PATCH reaches the handler from our origin
  // (the listing does not exist) and is refused from another one.
  const listing = `/api/v1/listings/${randomUUID()}`;
  const own = await page.request.patch(listing, { headers: { origin: ownOrigin }, data: {} });
  expect(own.status()).toBe(404);
  expect(await own.json()).toEqual({ error: { code: "NOT_FOUND", message: "errors.notFound" } });
  const forged = await page.request.patch(listing, { headers: { origin: FOREIGN_ORIGIN }, data: {} });
  expect(forged.status()).toBe(403);
  expect(forged.headers()["cache-control"]).toBe("no-store");
  expect(await forged.json()).toEqual({ error: { code: "CROSS_ORIGIN", message: "errors.crossOrigin" } });

  // Server action without a guard of its own (language switch): Next.js itself
  // compares Origin with Host and aborts the action with a 500 and a redacted error.
  await page.goto("/account");
  const [switchToJapanese] = await Promise.all([page.waitForRequest(isServerAction), page.getByRole("button", { name: "日本語" }).click()]);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const forgedSwitch = await replayAction(page, switchToJapanese, { origin: FOREIGN_ORIGIN });
  expect(forgedSwitch.status()).toBe(500);
  expect(forgedSwitch.headers()["content-type"]).toContain("text/x-component");
  expect(forgedSwitch.headers()["set-cookie"]).toBeUndefined();
  expect(await forgedSwitch.text()).toMatch(/^1:E\{"digest":"\d+"\}$/m);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The replay itself is sound: from our own origin it switches the language.
  const genuineSwitch = await replayAction(page, switchToJapanese, { origin: ownOrigin });
  expect(genuineSwitch.status()).toBe(200);
  expect(genuineSwitch.headers()["set-cookie"]).toContain("kizuna_locale=ja");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // Authenticated server action (profile): capture a rename, undo it, then replay it.
  const renamed = `Renamed ${randomUUID().slice(0, 8)}`;
  const nameField = page.getByLabel("Full name");
  await nameField.fill(renamed);
  const [rename] = await Promise.all([page.waitForRequest(isServerAction), page.getByRole("button", { name: "Save changes" }).click()]);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${renamed}`);
  await nameField.fill(staffName);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${staffName}`);

  const nameIsUnchanged = async () => {
    await page.reload();
    await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${staffName}`);
    await expect(nameField).toHaveValue(staffName);
  };
  // A foreign Origin never reaches the action: Next.js aborts it.
  const forgedRename = await replayAction(page, rename, { origin: FOREIGN_ORIGIN });
  expect(forgedRename.status()).toBe(500);
  expect(await forgedRename.text()).toMatch(/^1:E\{"digest":"\d+"\}$/m);
  await nameIsUnchanged();
  // Our own Origin but cross-site fetch metadata passes Next's host check and is
  // refused by the action runner's own check (lib/auth/current.ts).
  const crossSiteRename = await replayAction(page, rename, { origin: ownOrigin, "sec-fetch-site": "cross-site" });
  expect(crossSiteRename.status()).toBe(200);
  expect(await crossSiteRename.text()).toContain('{"ok":false,"code":"CROSS_ORIGIN","message":"errors.crossOrigin"}');
  await nameIsUnchanged();
  // Control: the same replay from our own origin does rename (then the name is put back).
  const genuineRename = await replayAction(page, rename, { origin: ownOrigin, "sec-fetch-site": "same-origin" });
  expect(genuineRename.status()).toBe(200);
  expect(await genuineRename.text()).toContain('{"ok":true');
  await page.reload();
  await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${renamed}`);
  await nameField.fill(staffName);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${staffName}`);
});
