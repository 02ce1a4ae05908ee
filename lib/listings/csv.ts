// Bulk import of listings from CSV. Every row goes through ZListingInput — the
// schema the editor and the API use — and nothing is written unless every row
// is valid; then all rows are created in one transaction for the importer's
// agency. Errors are reported per row (as a spreadsheet numbers it: the header
// is row 1) and per column, so staff can fix the file and upload it again.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { MAX_CSV_CHARS, MAX_CSV_ROWS } from "./csv-limits";
import { csvErrorsToFieldErrors, type TCsvError } from "./csv-report";
import { createListingFromInput } from "./mutations";
import { LISTING_KINDS, ZListingInput, type TListingInput } from "./schemas";

type TKind = (typeof LISTING_KINDS)[number];

const ZONE: readonly TKind[] = ["SEZ", "INDUSTRIAL_ESTATE"];
const PLOT: readonly TKind[] = ["PLOT"];
const PROJECT: readonly TKind[] = ["NATIONAL_PROJECT", "PROVINCIAL_PROJECT"];
const ZONE_OR_PLOT: readonly TKind[] = [...ZONE, ...PLOT];

/** A template column: where its value goes in the listing input, and for which kinds. */
type TColumn = { name: string; path: string; kinds?: readonly TKind[] };

export const CSV_COLUMNS: readonly TColumn[] = [
  { name: "kind", path: "kind" },
  { name: "title", path: "title" },
  { name: "title_ja", path: "titleJa" },
  { name: "summary", path: "summary" },
  { name: "summary_ja", path: "summaryJa" },
  { name: "description", path: "description" },
  { name: "sectors", path: "sectorIds" },
  { name: "province", path: "province" },
  { name: "district", path: "district" },
  { name: "zone", path: "zone" },
  { name: "amount", path: "investment.amount" },
  { name: "currency", path: "investment.currency" },
  { name: "instruments", path: "instruments" },
  { name: "stage", path: "stage" },
  { name: "tags", path: "tags" },
  { name: "contact_name", path: "contactName" },
  { name: "contact_email", path: "contactEmail" },
  { name: "contact_phone", path: "contactPhone" },
  { name: "area_acres", path: "facts.areaAcres", kinds: ZONE_OR_PLOT },
  { name: "developer", path: "facts.developer", kinds: ZONE_OR_PLOT },
  { name: "plots_available", path: "facts.plotsAvailable", kinds: ZONE },
  { name: "power_mw", path: "facts.powerMw", kinds: ZONE },
  { name: "gas", path: "facts.gas", kinds: ZONE },
  { name: "water_mgd", path: "facts.waterMgd", kinds: ZONE },
  { name: "motorway_km", path: "facts.motorwayKm", kinds: ZONE },
  { name: "port_km", path: "facts.portKm", kinds: ZONE },
  { name: "airport_km", path: "facts.airportKm", kinds: ZONE },
  { name: "plot_sizes", path: "facts.plotSizes", kinds: ZONE },
  { name: "price_per_acre_pkr", path: "facts.pricePerAcrePkr", kinds: ZONE_OR_PLOT },
  { name: "tenure", path: "facts.tenure", kinds: PLOT },
  { name: "sponsor", path: "facts.sponsor", kinds: PROJECT },
  { name: "total_cost", path: "facts.totalCost.amount", kinds: PROJECT },
  { name: "total_cost_currency", path: "facts.totalCost.currency", kinds: PROJECT },
  { name: "financing_sought", path: "facts.financingSought.amount", kinds: PROJECT },
  { name: "financing_sought_currency", path: "facts.financingSought.currency", kinds: PROJECT },
  { name: "timeline_start", path: "facts.timelineStart", kinds: PROJECT },
  { name: "timeline_end", path: "facts.timelineEnd", kinds: PROJECT },
  { name: "milestones", path: "facts.milestones", kinds: PROJECT },
  { name: "incentives", path: "incentives" },
];

export const CSV_COLUMN_NAMES = CSV_COLUMNS.map((column) => column.name);


export type { TCsvError };
export type TCsvParseResult = { rows: TListingInput[]; errors: TCsvError[] };
export type TCsvImportResult = { imported: number; listingIds: string[] };

/** Enum cells are forgiving about case and separators: "Khyber Pakhtunkhwa" → KHYBER_PAKHTUNKHWA. */
const ENUM_COLUMNS = new Set(["kind", "province", "currency", "instruments", "stage", "total_cost_currency", "financing_sought_currency"]);
const LOWERCASE_COLUMNS = new Set(["gas", "tenure", "tags", "sectors"]);

function normaliseEnum(value: string): string {
  return value
    .split("|")
    .map((part) => part.trim().toUpperCase().replace(/[\s-]+/g, "_"))
    .join("|");
}

const SHEET_ROW_OFFSET = 2; // the header is row 1; the first listing is row 2

/** "Tax holiday@2024-07-01..2034-06-30|Duty-free import" → incentive inputs. */
export function parseIncentivesCell(cell: string): { name: string; validFrom?: string; validTo?: string }[] {
  return cell
    .split("|")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.lastIndexOf("@");
      if (at === -1) return { name: part };
      const [from = "", to = ""] = part.slice(at + 1).split("..");
      return { name: part.slice(0, at).trim(), validFrom: from.trim(), validTo: to.trim() };
    });
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

/** A zod issue path inside the listing input → the CSV column that holds it. */
export function columnForPath(path: string): string {
  if (path === "_form") return "kind";
  if (path.startsWith("incentives")) return "incentives";
  if (path.startsWith("sectorIds")) return "sectors";
  if (path === "investment") return "amount";
  if (path === "facts.totalCost") return "total_cost";
  if (path === "facts.financingSought") return "financing_sought";
  const exact = CSV_COLUMNS.find((column) => column.path === path);
  if (exact) return exact.name;
  const prefix = CSV_COLUMNS.find((column) => path.startsWith(`${column.path}.`));
  return prefix?.name ?? path;
}

/** Messages are catalog keys; a schema's plain-text fallback becomes a generic one. */
function messageKey(message: string): string {
  return message.startsWith("errors.") ? message : "errors.csv.invalidValue";
}

type TSectorLookup = ReadonlyMap<string, string>;

/** One CSV record (cells by column) → the raw listing input, or errors for this row. */
function rowToInput(cells: Record<string, string>, row: number, sectorIdBySlug: TSectorLookup): { input: Record<string, unknown>; errors: TCsvError[] } {
  const errors: TCsvError[] = [];
  const input: Record<string, unknown> = { facts: {} };
  const kind = normaliseEnum(cells.kind ?? "") as TKind;
  const knownKind = (LISTING_KINDS as readonly string[]).includes(kind);

  for (const column of CSV_COLUMNS) {
    let value = (cells[column.name] ?? "").trim();
    if (value === "") continue;
    if (column.kinds && knownKind && !column.kinds.includes(kind)) {
      errors.push({ row, field: column.name, message: "errors.csv.notForKind" });
      continue;
    }
    if (ENUM_COLUMNS.has(column.name)) value = normaliseEnum(value);
    if (LOWERCASE_COLUMNS.has(column.name)) value = value.toLowerCase();
    if (column.name === "sectors") {
      const slugs = value.split("|").map((slug) => slug.trim()).filter(Boolean);
      const unknown = slugs.filter((slug) => !sectorIdBySlug.has(slug));
      if (unknown.length) errors.push({ row, field: "sectors", message: "errors.csv.unknownSector" });
      setPath(input, column.path, [...new Set(slugs.map((slug) => sectorIdBySlug.get(slug)).filter(Boolean))]);
      continue;
    }
    if (column.name === "incentives") {
      setPath(input, column.path, parseIncentivesCell(value));
      continue;
    }
    setPath(input, column.path, value);
  }
  requireCurrencyWithAmount(input, row, errors);
  return { input, errors };
}

/** An amount without its currency is ambiguous (PKR and JPY differ 2×): ask for it. */
function requireCurrencyWithAmount(input: Record<string, unknown>, row: number, errors: TCsvError[]): void {
  const pairs: [Record<string, unknown> | undefined, string][] = [
    [input.investment as Record<string, unknown> | undefined, "currency"],
    [(input.facts as Record<string, Record<string, unknown> | undefined>).totalCost, "total_cost_currency"],
    [(input.facts as Record<string, Record<string, unknown> | undefined>).financingSought, "financing_sought_currency"],
  ];
  for (const [money, column] of pairs) {
    if (!money) continue;
    if (money.amount === undefined) {
      // A currency alone says nothing: drop it rather than invent an amount.
      delete money.currency;
      if (column === "currency") delete input.investment;
      continue;
    }
    if (money.currency === undefined) errors.push({ row, field: column, message: "errors.field.required" });
  }
  const facts = input.facts as Record<string, unknown>;
  for (const key of ["totalCost", "financingSought"]) {
    const money = facts[key] as Record<string, unknown> | undefined;
    if (money && Object.keys(money).length === 0) delete facts[key];
  }
}

/** Sector slug → id, for live sectors; a merged sector's slug maps to where it went. */
export async function loadSectorLookup(): Promise<TSectorLookup> {
  const sectors = await db().sector.findMany({ select: { id: true, slug: true, mergedIntoId: true } });
  return new Map(sectors.map((sector) => [sector.slug, sector.mergedIntoId ?? sector.id]));
}

function readRecords(text: string): { header: string[]; records: string[][] } | TCsvError {
  try {
    const [header = [], ...records] = parse(text, { bom: true, skip_empty_lines: true, relax_quotes: false, trim: true }) as string[][];
    return { header: header.map((name) => name.trim().toLowerCase()), records };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { row: typeof line === "number" ? line : 1, field: "_file", message: "errors.csv.malformed" };
  }
}

/** Pure: parses and validates CSV text against a sector lookup. */
export function parseListingsCsvWith(text: string, sectorIdBySlug: TSectorLookup): TCsvParseResult {
  if (text.length > MAX_CSV_CHARS) return { rows: [], errors: [{ row: 1, field: "_file", message: "errors.csv.tooLarge" }] };
  const read = readRecords(text);
  if ("message" in read) return { rows: [], errors: [read] };
  const { header, records } = read;
  const errors: TCsvError[] = [];
  const unknownColumns = header.filter((name) => !CSV_COLUMN_NAMES.includes(name));
  for (const name of unknownColumns) errors.push({ row: 1, field: name, message: "errors.csv.unknownColumn" });
  const duplicates = header.filter((name, index) => header.indexOf(name) !== index);
  for (const name of new Set(duplicates)) errors.push({ row: 1, field: name, message: "errors.csv.duplicateColumn" });
  if (!header.includes("kind")) errors.push({ row: 1, field: "kind", message: "errors.csv.missingColumn" });
  if (records.length === 0) errors.push({ row: 2, field: "_file", message: "errors.csv.empty" });
  if (records.length > MAX_CSV_ROWS) errors.push({ row: MAX_CSV_ROWS + SHEET_ROW_OFFSET, field: "_file", message: "errors.csv.tooManyRows" });
  if (errors.length) return { rows: [], errors };

  const rows: TListingInput[] = [];
  records.forEach((record, index) => {
    const row = index + SHEET_ROW_OFFSET;
    const cells = Object.fromEntries(header.map((name, column) => [name, record[column] ?? ""]));
    const { input, errors: rowErrors } = rowToInput(cells, row, sectorIdBySlug);
    const parsed = ZListingInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = columnForPath(issue.path.join(".") || "_form");
        // One message per cell is enough; the sector check above already explained unknown slugs.
        if (rowErrors.some((existing) => existing.field === field)) continue;
        rowErrors.push({ row, field, message: messageKey(issue.message) });
      }
    }
    errors.push(...rowErrors);
    if (parsed.success && rowErrors.length === 0) rows.push(parsed.data);
  });
  return { rows, errors };
}

/** Parses and validates CSV text, resolving sector slugs from the database. */
export async function parseListingsCsv(text: string): Promise<TCsvParseResult> {
  return parseListingsCsvWith(text, await loadSectorLookup());
}

function rowError(error: unknown, row: number): unknown {
  if (!(error instanceof AppError) || error.code !== "VALIDATION" || !error.details.fieldErrors) return error;
  const errors = Object.entries(error.details.fieldErrors).flatMap(([path, messages]) =>
    messages.map((message) => ({ row, field: columnForPath(path), message: messageKey(message) })),
  );
  return new AppError("VALIDATION", "errors.csv.invalid", { fieldErrors: csvErrorsToFieldErrors(errors), params: { rows: 1 } });
}

/**
 * Imports every row as a DRAFT of the importer's agency, or nothing: any error
 * in any row throws before a single write, and the writes share one transaction.
 */
export async function importListingsCsv(
  actor: TActiveActor & { organizationId: string },
  text: string,
  meta: TRequestMeta,
): Promise<TCsvImportResult> {
  const { rows, errors } = await parseListingsCsv(text);
  if (errors.length) {
    throw new AppError("VALIDATION", "errors.csv.invalid", {
      fieldErrors: csvErrorsToFieldErrors(errors),
      params: { rows: new Set(errors.map((error) => error.row)).size },
    });
  }
  return db().$transaction(
    async (tx) => {
      const listingIds: string[] = [];
      for (const [index, input] of rows.entries()) {
        try {
          listingIds.push((await createListingFromInput(actor, input, meta, tx)).id);
        } catch (error) {
          // A check against the database (e.g. a sector merged since parsing) fails the
          // whole file, reported on its row like any other error; the transaction rolls back.
          throw rowError(error, index + SHEET_ROW_OFFSET);
        }
      }
      await audit(
        {
          actorId: actor.id,
          action: "listing.csv_imported",
          targetType: "organization",
          targetId: actor.organizationId,
          ip: meta.ip,
          userAgent: meta.userAgent,
          data: { count: listingIds.length, listingIds },
        },
        tx,
      );
      return { imported: listingIds.length, listingIds };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

const TEMPLATE_EXAMPLES: Record<string, string>[] = [
  {
    kind: "SEZ",
    title: "Example Special Economic Zone",
    title_ja: "経済特区の例",
    summary: "A 500-acre zone on the motorway with 40 plots available for light engineering and food processing.",
    sectors: "food-processing|light-engineering",
    province: "PUNJAB",
    district: "Faisalabad",
    amount: "25000000",
    currency: "USD",
    instruments: "PLOT_PURCHASE|PLOT_LEASE",
    stage: "READY",
    tags: "japan-desk",
    contact_name: "Investor Facilitation Desk",
    contact_email: "desk@agency.example",
    area_acres: "500",
    developer: "Example Zone Development Co.",
    plots_available: "40",
    power_mw: "50",
    gas: "available",
    price_per_acre_pkr: "15000000",
    incentives: "Ten-year income tax exemption@2024-07-01..2034-06-30|One-time customs duty exemption on plant and machinery",
  },
  {
    kind: "PROVINCIAL_PROJECT",
    title: "Example water treatment PPP",
    summary: "A public–private partnership for a 20 MGD water treatment plant serving an industrial estate.",
    sectors: "water-treatment",
    province: "PUNJAB",
    district: "Lahore",
    amount: "4500000000",
    currency: "PKR",
    instruments: "PPP",
    stage: "FEASIBILITY",
    sponsor: "Provincial PPP Cell",
    total_cost: "6000000000",
    total_cost_currency: "PKR",
    financing_sought: "4500000000",
    financing_sought_currency: "PKR",
    timeline_start: "2026-01-01",
    timeline_end: "2028-12-31",
  },
];

/** The downloadable template: the header and two example rows to overwrite. */
export function listingsCsvTemplate(): string {
  return stringify([CSV_COLUMN_NAMES, ...TEMPLATE_EXAMPLES.map((example) => CSV_COLUMN_NAMES.map((name) => example[name] ?? ""))]);
}

export type TSectorSlugRow = { slug: string; name: string; parentSlug: string | null };

/** The sector slugs a CSV may use, parents each followed by their children, with names in the reader's language. */
export async function listSectorSlugs(locale: "en" | "ja"): Promise<TSectorSlugRow[]> {
  const sectors = await db().sector.findMany({
    where: { mergedIntoId: null },
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, nameEn: true, nameJa: true, parentId: true },
  });
  const row = (sector: (typeof sectors)[number], parentSlug: string | null) => ({ slug: sector.slug, name: locale === "ja" ? sector.nameJa : sector.nameEn, parentSlug });
  const ids = new Set(sectors.map((sector) => sector.id));
  const roots = sectors.filter((sector) => !sector.parentId || !ids.has(sector.parentId));
  return roots.flatMap((root) => [row(root, null), ...sectors.filter((child) => child.parentId === root.id).map((child) => row(child, root.slug))]);
}
