import { expect, test } from "@playwright/test";

test("landing page shows live counts and seeded opportunities, in English and Japanese", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", db: "postgres", migrations: "up-to-date" });

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Japan–Pakistan");
  const punjabZones = Number((await page.getByTestId("stat-punjab-zones").textContent())?.replace(/\D/g, ""));
  expect(punjabZones).toBeGreaterThanOrEqual(10);
  const published = Number((await page.getByTestId("stat-published").textContent())?.replace(/\D/g, ""));
  expect(published).toBeGreaterThan(punjabZones);
  await expect(page.getByTestId("listing-card").first()).toBeVisible();

  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("日本とパキスタン");
  await expect(page.getByRole("button", { name: "日本語" })).toHaveAttribute("aria-pressed", "true");
});

test("security headers are present", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // The built app never allows eval (only the dev server does, for fast refresh).
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});
