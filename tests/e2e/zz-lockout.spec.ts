// Sign-in lockout, in a file that sorts last: its five failures also lock
// 127.0.0.1 for 15 minutes, which would refuse every later sign-in of the suite.
import { expect, test } from "@playwright/test";
import { alert, registerVerifiedInvestor, strongPassword, uniqueEmail } from "./helpers";

test("five wrong passwords lock the account: the right password is then refused with a wait time", async ({ page }) => {
  const investor = { name: "Hanako Sato", organizationName: "Lockout Test KK", email: uniqueEmail("hanako"), password: strongPassword() };
  await registerVerifiedInvestor(page, investor);

  await page.goto("/sign-in");
  const signInResponse = () =>
    page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/api/auth/callback/credentials");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel("Email address").fill(investor.email);
    await page.getByLabel("Password", { exact: true }).fill(`${investor.password} typo ${attempt}`);
    await Promise.all([signInResponse(), page.getByRole("button", { name: "Sign in" }).click()]);
    await expect(alert(page, "Email or password is incorrect.")).toBeVisible();
  }

  await page.getByLabel("Email address").fill(investor.email);
  await page.getByLabel("Password", { exact: true }).fill(investor.password);
  await Promise.all([signInResponse(), page.getByRole("button", { name: "Sign in" }).click()]);
  await expect(alert(page, /^Too many attempts\. Try again in 1[45] minutes\.$/)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});
