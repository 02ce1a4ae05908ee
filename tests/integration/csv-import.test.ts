// CSV bulk import: every row validated with ZListingInput, nothing imported
// unless every row is valid, all rows in one transaction, for the importer's
// own agency only.
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { CSV_COLUMN_NAMES, listingsCsvTemplate, parseListingsCsv, parseListingsCsvWith } from "@/lib/listings/csv";
import { importListingsCsvSpec } from "@/lib/listings/csv-actions";
import { fieldErrorsToCsvErrors } from "@/lib/listings/csv-report";
import { SECTORS } from "../../prisma/seed-data/sectors";
import { TEST_META, actorFor, createAgency, createSector, createUser } from "../support/factories";

let sector: { id: string; slug: string };
let otherSector: { id: string; slug: string };
let agencyX: string;
let agencyY: string;
let staffX: TActiveActor;
let staffY: TActiveActor;

async function sectorWithSlug(label: string) {
  const created = await createSector(label);
  return db().sector.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, slug: true } });
}

type TRow = Record<string, string>;

function csv(rows: TRow[], columns: string[] = CSV_COLUMN_NAMES): string {
  return stringify([columns, ...rows.map((row) => columns.map((column) => row[column] ?? ""))]);
}

const zone = (overrides: TRow = {}): TRow => ({
  kind: "SEZ",
  title: `CSV zone ${Math.random().toString(36).slice(2, 8)}`,
  title_ja: "CSV 経済特区",
  summary: "A zone imported from a CSV file by the integration tests.",
  sectors: sector.slug,
  province: "Punjab",
  district: "Faisalabad",
  amount: "25,000,000.50",
  currency: "usd",
  instruments: "PLOT_PURCHASE|plot lease",
  stage: "READY",
  tags: "japan-desk|csv",
  contact_email: "Desk@Agency.example",
  area_acres: "500",
  plots_available: "40",
  power_mw: "50",
  gas: "Available",
  incentives: "Income tax exemption@2024-07-01..2034-06-30|Duty-free machinery",
  ...overrides,
});

const project = (overrides: TRow = {}): TRow => ({
  kind: "PROVINCIAL_PROJECT",
  title: `CSV project ${Math.random().toString(36).slice(2, 8)}`,
  summary: "A public–private partnership imported from a CSV file.",
  sectors: `${sector.slug}|${otherSector.slug}`,
  instruments: "PPP",
  stage: "FEASIBILITY",
  sponsor: "Provincial PPP Cell",
  total_cost: "6000000000",
  total_cost_currency: "PKR",
  timeline_start: "2026-01-01",
  timeline_end: "2028-12-31",
  ...overrides,
});

const countFor = (agencyId: string) => db().listing.count({ where: { agencyId } });

async function importAs(actor: TActiveActor, text: string) {
  return invokeAction(importListingsCsvSpec, { actor, meta: TEST_META }, { csv: text });
}

beforeAll(async () => {
  sector = await sectorWithSlug("CSV");
  otherSector = await sectorWithSlug("CSV other");
  agencyX = (await createAgency("CSV agency X")).id;
  agencyY = (await createAgency("CSV agency Y")).id;
  staffX = (await actorFor((await createUser({ role: "STAFF", organizationId: agencyX, label: "csv-x" })).id)) as TActiveActor;
  staffY = (await actorFor((await createUser({ role: "STAFF", organizationId: agencyY, label: "csv-y" })).id)) as TActiveActor;
});

describe("a file with one bad row", () => {
  it("imports nothing and reports that row and field", async () => {
    const before = await countFor(agencyX);
    const auditBefore = await db().auditLog.count({ where: { actorId: staffX.id } });
    const result = await importAs(staffX, csv([zone(), zone({ amount: "-5" }), project()]));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    expect(result.message).toBe("errors.csv.invalid");
    expect(fieldErrorsToCsvErrors(result.fieldErrors)).toEqual([{ row: 3, field: "amount", message: "errors.field.amount" }]);
    expect(await countFor(agencyX)).toBe(before);
    expect(await db().auditLog.count({ where: { actorId: staffX.id } })).toBe(auditBefore);
  });

  it("reports every problem of every row, by spreadsheet row and column", async () => {
    const { rows, errors } = await parseListingsCsv(
      csv([
        zone({ title: "x".repeat(201) }),
        zone({ sectors: "no-such-sector" }),
        zone({ sponsor: "Only for projects" }),
        project({ total_cost_currency: "" }),
        zone({ kind: "CASINO" }),
        zone({ incentives: "Tax holiday@2030-01-01..2020-01-01" }),
        zone({ amount: "99999999999999999999" }),
      ]),
    );
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 2, field: "title", message: "errors.field.tooLong" },
      { row: 3, field: "sectors", message: "errors.csv.unknownSector" },
      { row: 4, field: "sponsor", message: "errors.csv.notForKind" },
      { row: 5, field: "total_cost_currency", message: "errors.field.required" },
      { row: 6, field: "kind", message: "errors.field.invalidChoice" },
      { row: 7, field: "incentives", message: "errors.field.dateOrder" },
      { row: 8, field: "amount", message: "errors.field.amount" },
    ]);
  });

  it("rolls back rows already written when the database refuses a later one", async () => {
    // A sector merged into one that was itself merged: the parser maps the slug one
    // hop, the listing mutation refuses the (merged) target inside the transaction.
    const final = await sectorWithSlug("CSV final");
    const middle = await sectorWithSlug("CSV middle");
    const merged = await sectorWithSlug("CSV merged");
    await db().sector.update({ where: { id: middle.id }, data: { mergedIntoId: final.id } });
    await db().sector.update({ where: { id: merged.id }, data: { mergedIntoId: middle.id } });
    const before = await countFor(agencyX);
    const result = await importAs(staffX, csv([zone(), zone(), zone({ sectors: merged.slug })]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(fieldErrorsToCsvErrors(result.fieldErrors)).toEqual([{ row: 4, field: "sectors", message: "errors.field.invalidId" }]);
    expect(await countFor(agencyX)).toBe(before);
  });

  it.each([
    ["an unknown column", "kind,title,colour\nSEZ,Zone,red\n", { row: 1, field: "colour", message: "errors.csv.unknownColumn" }],
    ["no kind column", "title,summary\nZone,Summary of the zone\n", { row: 1, field: "kind", message: "errors.csv.missingColumn" }],
    ["a header only", `${CSV_COLUMN_NAMES.join(",")}\n`, { row: 2, field: "_file", message: "errors.csv.empty" }],
    ["a broken quote", 'kind,title\nSEZ,"Zone\n', { row: 2, field: "_file", message: "errors.csv.malformed" }],
  ])("rejects a file with %s", async (_label, text, error) => {
    expect((await parseListingsCsv(text)).errors).toEqual([error]);
  });
});

describe("a valid file", () => {
  it("imports every row as a draft of the importer's agency, in one go", async () => {
    const beforeX = await countFor(agencyX);
    const beforeY = await countFor(agencyY);
    const first = zone({ title: `<b>CSV</b> "quoted, with comma"\nand a new line` });
    const result = await importAs(staffX, csv([first, project(), zone({ kind: "INDUSTRIAL_ESTATE" })]));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.data.imported).toBe(3);
    expect(await countFor(agencyX)).toBe(beforeX + 3);
    expect(await countFor(agencyY)).toBe(beforeY);

    const listings = await db().listing.findMany({
      where: { id: { in: result.data.listingIds } },
      orderBy: { createdAt: "asc" },
      include: { incentives: { orderBy: { name: "asc" } } },
    });
    expect(listings.map((listing) => [listing.status, listing.agencyId, listing.createdById])).toEqual(Array(3).fill(["DRAFT", agencyX, staffX.id]));
    const sez = listings.find((listing) => listing.kind === "SEZ")!;
    expect(sez.title).toBe(first.title);
    expect(sez.province).toBe("PUNJAB");
    expect(sez.instruments.sort()).toEqual(["PLOT_LEASE", "PLOT_PURCHASE"]);
    expect(sez.amountMinor).toBe(2_500_000_050n);
    expect(sez.currency).toBe("USD");
    expect(sez.areaAcres?.toString()).toBe("500");
    expect(sez.plotsAvailable).toBe(40);
    expect(sez.contactEmail).toBe("desk@agency.example");
    expect(sez.facts).toMatchObject({ powerMw: 50, gas: "available" });
    expect(sez.incentives.map((incentive) => [incentive.name, incentive.validFrom?.toISOString().slice(0, 10) ?? null, incentive.validTo?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["Duty-free machinery", null, null],
      ["Income tax exemption", "2024-07-01", "2034-06-30"],
    ]);
    const ppp = listings.find((listing) => listing.kind === "PROVINCIAL_PROJECT")!;
    expect(ppp.sectorIds.sort()).toEqual([sector.id, otherSector.id].sort());
    expect(ppp.facts).toMatchObject({ sponsor: "Provincial PPP Cell", totalCost: { amount: "6000000000", currency: "PKR" } });

    const audit = await db().auditLog.findFirst({ where: { actorId: staffX.id, action: "listing.csv_imported" }, orderBy: { id: "desc" } });
    expect(audit?.data).toMatchObject({ count: 3 });
  });

  it("imports another agency's staff file into their own agency only", async () => {
    const beforeX = await countFor(agencyX);
    const beforeY = await countFor(agencyY);
    const result = await importAs(staffY, csv([zone(), project()]));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(await countFor(agencyY)).toBe(beforeY + 2);
    expect(await countFor(agencyX)).toBe(beforeX);
  });

  it("accepts the downloadable template as it is (with a byte-order mark), against the seeded sectors", () => {
    const lookup = new Map(SECTORS.map((seeded, index) => [seeded.slug, `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`]));
    const { rows, errors } = parseListingsCsvWith(`\uFEFF${listingsCsvTemplate()}`, lookup);
    expect(errors).toEqual([]);
    expect(rows.map((row) => row.kind)).toEqual(["SEZ", "PROVINCIAL_PROJECT"]);
  });
});

describe("who may import", () => {
  it.each([
    ["anonymous", null, "UNAUTHENTICATED"],
    ["an investor", "INVESTOR", "FORBIDDEN"],
    ["an admin (no agency)", "ADMIN", "FORBIDDEN"],
  ] as const)("refuses %s", async (_label, role, code) => {
    const actor = role ? await actorFor((await createUser({ role, totp: true, label: `csv-${role.toLowerCase()}` })).id) : null;
    const result = await invokeAction(importListingsCsvSpec, { actor, meta: TEST_META }, { csv: csv([zone()]) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });
});

describe("parseListingsCsvWith (pure)", () => {
  it("maps sector slugs to ids and leaves unknown ones as errors", () => {
    const lookup = new Map([["dairy", "11111111-1111-4111-8111-111111111111"]]);
    const text = "kind,title,summary,sectors,instruments,stage\nSEZ,Dairy zone,A zone for dairy processing plants.,dairy,EQUITY,READY\n";
    const { rows, errors } = parseListingsCsvWith(text, lookup);
    expect(errors).toEqual([]);
    expect(rows[0]?.sectorIds).toEqual(["11111111-1111-4111-8111-111111111111"]);
  });
});
