// The listing journey of issue 4 in a real Chromium against the production
// build: agency staff create an SEZ listing, are refused on one field and fix
// it without retyping anything else, and submit it; an administrator publishes
// it from the moderation queue; an anonymous visitor finds it by keyword and by
// facets, shows money in yen, shares the address and gets the same results in a
// fresh browser; the listing page shows its facts and incentives but not the
// contact details.
//
// The admin is created for this file (see createAdminInDatabase): the demo
// admin's second factor may already have been enrolled by accounts.spec.ts.
import { expect, test, type Page, type Route } from "@playwright/test";
import { EXCHANGE_RATES } from "../../prisma/seed-data/rates";
import { alert, atPath, createAdminInDatabase, demoAccount, signIn, signInAndEnrolAdmin, uniqueWord } from "./helpers";

const KEYWORD = uniqueWord();
const TITLE = `${KEYWORD} Sheikhupura Auto Park`;
const INVALID_AMOUNT = "12,5x";
const AMOUNT_USD = 12_500_000;

const listing = {
  title: TITLE,
  summary:
    "A 250-acre special economic zone on the M-2 motorway for Japanese auto-parts suppliers: ready plots, 50 MW of dedicated power, gas on site and a one-window office for approvals.",
  district: "Sheikhupura",
  zone: "M-2 motorway, interchange 3",
  sector: "Auto parts",
  instruments: ["Plot lease", "Joint venture"],
  stage: "READY",
  tags: "japanese-tenant, auto-parts",
  facts: { areaAcres: "250", developer: "Kizuna Test Developers Ltd", plotsAvailable: "40", powerMw: "50", portKm: "1250", pricePerAcrePkr: "45000000" },
  incentive: { validFrom: "2026-01-01", validTo: "2035-12-31" },
  /** Filled in from the catalogue entry the editor picks. */
  incentiveName: "",
  contact: { name: "Bilal Contactperson", email: `bilal.${KEYWORD.toLowerCase()}@piedmc.example.pk`, phone: "+92 42 9999 0000" },
};

const JPY = EXCHANGE_RATES.find((rate) => rate.base === "USD" && rate.quote === "JPY")!;
/** What the page should print, formatted the way the server does (en-US, compact). */
const expectedYen = new Intl.NumberFormat("en-US", { style: "currency", currency: "JPY", notation: "compact", maximumFractionDigits: 1 }).format(
  AMOUNT_USD * Number(JPY.rate),
);
const expectedRateDate = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${JPY.asOf}T00:00:00Z`));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The result cards' titles, in the order shown. */
function resultTitles(page: Page) {
  return page.getByTestId("results").getByTestId("listing-card").getByRole("heading").allInnerTexts();
}

function resultCard(page: Page) {
  return page.getByTestId("results").getByTestId("listing-card").filter({ has: page.getByRole("heading", { name: TITLE }) });
}

test("staff fix a refused listing without retyping and submit it; an admin publishes it; a visitor finds it by keyword and facets, in yen, and shares the search", async ({
  page: staffPage,
  browser,
}) => {
  test.setTimeout(180_000);
  let listingId = "";

  await test.step("staff fill the SEZ editor with one bad amount and are refused beside that field only", async () => {
    const staff = demoAccount("staff.piedmc@kizuna.local");
    await signIn(staffPage, { email: staff.email, password: staff.password, next: "/staff/listings" });
    await expect(staffPage).toHaveURL(atPath("/staff/listings"));
    await expect(staffPage.getByRole("heading", { level: 1, name: "My listings" })).toBeVisible();
    await staffPage.getByRole("main").getByRole("link", { name: "New listing" }).click();
    await expect(staffPage).toHaveURL(atPath("/staff/listings/new"));
    await staffPage.getByRole("link", { name: /^Special Economic Zone/ }).click();
    await expect(staffPage.getByRole("heading", { level: 1, name: "New listing: Special Economic Zone" })).toBeVisible();

    const title = staffPage.getByLabel("Title", { exact: true });
    const summary = staffPage.getByLabel("Summary", { exact: true });
    const sector = staffPage.getByRole("group", { name: "Sectors (up to two)" }).getByRole("checkbox", { name: listing.sector, exact: true });
    const province = staffPage.getByLabel("Province");
    const district = staffPage.getByLabel("District");
    const zone = staffPage.getByLabel("Zone or area");
    const amount = staffPage.getByLabel("Investment size");
    const currency = staffPage.getByLabel("Currency", { exact: true });
    const instruments = staffPage.getByRole("group", { name: "Ways to invest" });
    const stage = staffPage.getByLabel("Stage", { exact: true });
    const tags = staffPage.getByLabel("Japan-relevant tags");
    const areaAcres = staffPage.getByLabel("Area (acres)");
    const developer = staffPage.getByLabel("Developer");
    const plotsAvailable = staffPage.getByLabel("Plots available");
    const powerMw = staffPage.getByLabel("Power available (MW)");
    const gas = staffPage.getByLabel("Gas");
    const portKm = staffPage.getByLabel("Distance to seaport (km)");
    const pricePerAcre = staffPage.getByLabel("Price per acre (PKR)");
    const contact = staffPage.getByRole("region", { name: "Contact person" });

    await title.fill(listing.title);
    await summary.fill(listing.summary);
    await sector.check();
    await province.selectOption("PUNJAB");
    await district.fill(listing.district);
    await zone.fill(listing.zone);
    await amount.fill(INVALID_AMOUNT);
    await currency.selectOption("USD");
    for (const instrument of listing.instruments) await instruments.getByRole("checkbox", { name: instrument, exact: true }).check();
    await stage.selectOption(listing.stage);
    await tags.fill(listing.tags);
    await areaAcres.fill(listing.facts.areaAcres);
    await developer.fill(listing.facts.developer);
    await plotsAvailable.fill(listing.facts.plotsAvailable);
    await powerMw.fill(listing.facts.powerMw);
    await gas.selectOption("available");
    await portKm.fill(listing.facts.portKm);
    await pricePerAcre.fill(listing.facts.pricePerAcrePkr);

    // One incentive from the SEZ Act 2012 catalogue, which fills in its name.
    await staffPage.getByRole("button", { name: "Add an incentive" }).click();
    const incentive = staffPage.getByRole("group", { name: "Incentive 1" });
    await incentive.getByLabel("From the catalogue").selectOption({ index: 1 });
    const incentiveName = incentive.getByLabel("Name", { exact: true });
    await expect(incentiveName).not.toHaveValue("");
    listing.incentiveName = await incentiveName.inputValue();
    await incentive.getByLabel("Valid from").fill(listing.incentive.validFrom);
    await incentive.getByLabel("Valid until").fill(listing.incentive.validTo);

    await contact.getByLabel("Name").fill(listing.contact.name);
    await contact.getByLabel("Email").fill(listing.contact.email);
    await contact.getByLabel("Phone").fill(listing.contact.phone);

    await staffPage.getByRole("button", { name: "Submit for review" }).click();

    // Refused: a message for the form, and the amount marked with its own message beside it (and focused).
    await expect(alert(staffPage, "The listing is not ready for review yet.")).toBeVisible();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription(/Enter an amount in figures, with at most two decimals/);
    await expect(amount).toBeFocused();
    await expect(staffPage.locator('form [aria-invalid="true"]')).toHaveCount(1);
    // The first save created the draft: the address now names it.
    await expect(staffPage).toHaveURL((url) => /^\/staff\/listings\/[0-9a-f-]{36}\/edit$/.test(url.pathname));
    listingId = new URL(staffPage.url()).pathname.split("/")[3]!;

    // Everything else is still there as typed, including the bad amount itself.
    await expect(amount).toHaveValue(INVALID_AMOUNT);
    await expect(title).toHaveValue(listing.title);
    await expect(summary).toHaveValue(listing.summary);
    await expect(sector).toBeChecked();
    await expect(province).toHaveValue("PUNJAB");
    await expect(district).toHaveValue(listing.district);
    await expect(zone).toHaveValue(listing.zone);
    for (const instrument of listing.instruments) await expect(instruments.getByRole("checkbox", { name: instrument, exact: true })).toBeChecked();
    await expect(stage).toHaveValue(listing.stage);
    await expect(tags).toHaveValue(listing.tags);
    await expect(areaAcres).toHaveValue(listing.facts.areaAcres);
    await expect(developer).toHaveValue(listing.facts.developer);
    await expect(powerMw).toHaveValue(listing.facts.powerMw);
    await expect(gas).toHaveValue("available");
    await expect(pricePerAcre).toHaveValue(listing.facts.pricePerAcrePkr);
    await expect(incentiveName).toHaveValue(listing.incentiveName);
    await expect(incentive.getByLabel("Valid until")).toHaveValue(listing.incentive.validTo);
    await expect(contact.getByLabel("Email")).toHaveValue(listing.contact.email);
    await expect(contact.getByLabel("Phone")).toHaveValue(listing.contact.phone);

    // Fix only the amount. The field is re-checked as it changes: its error goes
    // at once, not when the next autosave answers (held back here to prove it).
    let releaseSaves!: () => void;
    const savesHeld = new Promise<void>((resolve) => (releaseSaves = resolve));
    const holdServerActions = async (route: Route) => {
      if (route.request().method() === "POST" && route.request().headers()["next-action"]) await savesHeld;
      await route.fallback();
    };
    const anyUrl = () => true;
    await staffPage.route(anyUrl, holdServerActions);
    try {
      await amount.fill(String(AMOUNT_USD));
      await expect(amount).not.toHaveAttribute("aria-invalid");
      await expect(amount).toHaveAccessibleDescription(/^Figures only/);
      await expect(staffPage.locator('form [aria-invalid="true"]')).toHaveCount(0);
      await expect(staffPage.getByTestId("save-status")).not.toHaveText(/^Saved at/);
    } finally {
      releaseSaves();
      await staffPage.unroute(anyUrl, holdServerActions);
    }
    await staffPage.getByRole("button", { name: "Submit for review" }).click();
    await expect(staffPage.getByRole("status").filter({ hasText: "Submitted for review." })).toBeVisible();
    await expect(staffPage.getByRole("heading", { name: "Waiting for review" })).toBeVisible();
    await expect(staffPage.locator('form [aria-invalid="true"]')).toHaveCount(0);
    await expect(title).toBeDisabled();

    // The agency's list shows it waiting for review.
    await staffPage.goto("/staff/listings");
    const row = staffPage.getByTestId("staff-listings").getByRole("row").filter({ hasText: TITLE });
    await expect(row).toContainText("Waiting for review");
    await expect(row).toContainText("Special Economic Zone");
  });

  await test.step("while it waits for review, visitors cannot find or open it", async () => {
    const context = await browser.newContext();
    try {
      const visitor = await context.newPage();
      await visitor.goto(`/opportunities?q=${KEYWORD}`);
      await expect(visitor.getByTestId("result-count")).toHaveText("No opportunities");
      const detail = await visitor.goto(`/opportunities/${listingId}`);
      expect(detail?.status()).toBe(404);
    } finally {
      await context.close();
    }
  });

  await test.step("an administrator publishes it from the moderation queue", async () => {
    const admin = await createAdminInDatabase("listings-admin");
    const context = await browser.newContext();
    try {
      const adminPage = await context.newPage();
      await signInAndEnrolAdmin(adminPage, admin, "/admin/listings");
      await adminPage.goto("/admin/listings");
      await expect(adminPage.getByRole("heading", { level: 1, name: "Listings to review" })).toBeVisible();
      const item = adminPage.getByTestId("moderation-queue").getByRole("article", { name: TITLE });
      await expect(item).toContainText("Special Economic Zone");
      await expect(item).toContainText("New listing: not published before.");
      await item.getByRole("button", { name: `Publish ${TITLE}` }).click();
      await expect(item.getByRole("status")).toHaveText(`“${TITLE}” is published.`);
      await adminPage.reload();
      await expect(adminPage.getByRole("article", { name: TITLE })).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  let sharedUrl = "";
  let sharedTitles: string[] = [];
  let sharedCount = "";

  await test.step("an anonymous visitor finds it by keyword, then by facets, and shows money in yen", async () => {
    const context = await browser.newContext();
    try {
      const visitor = await context.newPage();
      await visitor.goto("/opportunities");
      await expect(visitor.getByRole("heading", { level: 1, name: "Investment opportunities" })).toBeVisible();
      await expect(visitor.getByTestId("signed-in-as")).toHaveCount(0);

      // By keyword: the unique word finds exactly this listing.
      await visitor.getByLabel("Keyword").fill(KEYWORD);
      await visitor.getByRole("button", { name: "Search", exact: true }).click();
      await expect(visitor).toHaveURL((url) => url.searchParams.get("q") === KEYWORD);
      await expect(visitor.getByTestId("result-count")).toHaveText("1 opportunity");
      expect(await resultTitles(visitor)).toEqual([TITLE]);

      // By facets, without the keyword: Type SEZ, Province Punjab, Sector Auto parts, newest first.
      await visitor.goto("/opportunities");
      const filters = visitor.getByRole("complementary", { name: "Filters" });
      await filters.getByRole("group", { name: "Type" }).getByRole("checkbox", { name: /^Special Economic Zone\b/ }).check();
      await filters.getByRole("group", { name: "Province" }).getByRole("checkbox", { name: /^Punjab\b/ }).check();
      await filters.getByRole("group", { name: "Sector" }).getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(listing.sector)}\\b`) }).check();
      await visitor.getByLabel("Sort by").selectOption("newest");
      await filters.getByRole("button", { name: "Apply filters" }).click();
      await expect(visitor).toHaveURL(
        (url) =>
          url.searchParams.get("kind") === "SEZ" &&
          url.searchParams.get("province") === "PUNJAB" &&
          url.searchParams.get("sector") === "auto-parts" &&
          url.searchParams.get("sort") === "newest" &&
          !url.searchParams.get("q"),
      );
      await expect(resultCard(visitor)).toHaveCount(1);
      // Newest first: the listing just published leads.
      expect((await resultTitles(visitor))[0]).toBe(TITLE);
      // Each ticked facet counts the results shown.
      const total = String((await resultTitles(visitor)).length);
      await expect(visitor.getByTestId("result-count")).toHaveText(`${total} opportunit${total === "1" ? "y" : "ies"}`);
      for (const [group, option] of [["Type", "Special Economic Zone"], ["Province", "Punjab"], ["Sector", listing.sector]] as const) {
        await expect(filters.getByRole("group", { name: group }).getByRole("checkbox", { name: `${option} ${total}`, exact: true })).toBeChecked();
      }
      await expect(visitor.getByTestId("rates-note")).toHaveText("Amounts in US dollars.");
      await expect(resultCard(visitor)).toContainText("$12.5M");

      // Money in yen: the amount is converted and the rate's date is shown.
      await visitor.getByLabel("Show money in").selectOption("JPY");
      await visitor.getByRole("button", { name: "Search", exact: true }).click();
      await expect(visitor).toHaveURL((url) => url.searchParams.get("currency") === "JPY" && url.searchParams.get("kind") === "SEZ");
      await expect(visitor.getByTestId("rates-note")).toHaveText(
        new RegExp(`^Amounts in JPY at the rate of ${escapeRegExp(expectedRateDate)}: 1 USD = ${escapeRegExp(JPY.rate)} JPY\\.$`),
      );
      await expect(resultCard(visitor)).toContainText(expectedYen);
      expect(expectedYen).toContain("¥");
      await expect(visitor.getByLabel("Show money in")).toHaveValue("JPY");
      // The filters are still applied.
      await expect(visitor.getByRole("group", { name: "Type" }).getByRole("checkbox", { name: /^Special Economic Zone\b/ })).toBeChecked();
      await expect(visitor.getByRole("group", { name: "Province" }).getByRole("checkbox", { name: /^Punjab\b/ })).toBeChecked();

      sharedUrl = visitor.url();
      sharedTitles = await resultTitles(visitor);
      sharedCount = await visitor.getByTestId("result-count").innerText();
      expect(sharedTitles.length).toBeGreaterThan(0);
      expect(sharedCount).toMatch(/^\d+ opportunit(y|ies)$/);
      expect(Number.parseInt(sharedCount, 10)).toBe(sharedTitles.length);
    } finally {
      await context.close();
    }
  });

  await test.step("the shared address opens the same results, in yen, in a fresh browser; the listing page hides the contact", async () => {
    const context = await browser.newContext();
    try {
      const friend = await context.newPage();
      await friend.goto(sharedUrl);
      await expect(friend.getByTestId("result-count")).toHaveText(sharedCount);
      expect(await resultTitles(friend)).toEqual(sharedTitles);
      await expect(friend.getByLabel("Show money in")).toHaveValue("JPY");
      await expect(friend.getByTestId("rates-note")).toContainText(expectedRateDate);
      await expect(resultCard(friend)).toContainText(expectedYen);
      await expect(friend.getByRole("group", { name: "Sector" }).getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(listing.sector)}\\b`) })).toBeChecked();

      // The listing page: facts and incentives with their dates; contact details only for signed-in investors.
      const response = await friend.request.get(`/opportunities/${listingId}`);
      expect(response.status()).toBe(200);
      const html = await response.text();
      for (const secret of [listing.contact.email, listing.contact.phone, listing.contact.name]) expect(html).not.toContain(secret);

      await resultCard(friend).getByRole("link", { name: TITLE }).click();
      await expect(friend).toHaveURL(atPath(`/opportunities/${listingId}`));
      await expect(friend.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
      await expect(friend.getByText(`${listing.zone}, ${listing.district}, Punjab`)).toBeVisible();
      const figures = friend.getByRole("region", { name: "Facts and figures" });
      await expect(figures.getByTestId("investment")).toContainText("$12.5M");
      await expect(figures.getByTestId("investment")).toContainText(expectedYen);
      for (const instrument of listing.instruments) await expect(figures).toContainText(instrument);
      for (const [label, value] of [
        ["Developer", listing.facts.developer],
        ["Power available (MW)", listing.facts.powerMw],
        ["Plots available", listing.facts.plotsAvailable],
        ["Gas", "Available"],
      ] as const) {
        await expect(figures.locator("div").filter({ has: friend.getByText(label, { exact: true }) }).last()).toContainText(value);
      }
      const incentives = friend.getByRole("region", { name: "Incentives" });
      const incentiveItem = incentives.getByRole("listitem").filter({ hasText: listing.incentiveName });
      await expect(incentiveItem).toContainText("Valid Jan 1, 2026 – Dec 31, 2035");
      await expect(friend.getByTestId("contact-hidden")).toHaveText(/Sign in as an investor to see the contact details\./);
      await expect(friend.getByTestId("contact")).toHaveCount(0);
      await expect(friend.getByText(listing.contact.email)).toHaveCount(0);
      await expect(friend.getByText(listing.contact.phone)).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});
