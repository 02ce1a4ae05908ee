// From validated listing input (full or draft) to column values, and the
// incentive records brought in line with it. Used by the listing mutations only.
import type { Prisma } from "@/lib/db/client";
import { AppError, type TFieldErrors } from "@/lib/errors";
import { parseMajorToMinor } from "@/lib/money/parse";
import { toUsdCents } from "@/lib/money/rates";
import { COLUMN_FACTS } from "./form-values";
import { FACT_KEYS, type TListingDraft, type TListingKind } from "./schemas";

type TTx = Prisma.TransactionClient;

export type TIncentiveRecord = {
  templateId: string | null;
  name: string;
  nameJa: string | null;
  legalBasis: string | null;
  validFrom: Date | null;
  validTo: Date | null;
};

export type TPrepared = {
  data: Prisma.ListingUncheckedUpdateInput;
  /** Undefined: leave the incentives as they are. */
  incentives?: TIncentiveRecord[];
  /** Problems found against the database (unknown sector, template, amount not valid for its currency). */
  fieldErrors: TFieldErrors;
};

/** Listing fields as both ZListingInput and ZListingDraft produce them. */
export type TFields = Partial<Omit<TListingDraft, "facts">> & { facts?: Record<string, unknown> };

const TEXT_COLUMNS = ["titleJa", "summaryJa", "description", "district", "zone", "contactName", "contactEmail", "contactPhone"] as const;

const dateOnly = (value: string | undefined): Date | null => (value ? new Date(`${value}T00:00:00Z`) : null);

/**
 * Maps validated fields to column values. In "full" mode every field is set
 * (absent = cleared) and problems throw; in "draft" mode only the fields present
 * are touched (the editor sends them all, empty ones clear) and a field with a
 * problem is left as stored and reported.
 */
export async function prepareFields(
  client: Pick<TTx, "sector" | "incentiveTemplate">,
  options: { kind: TListingKind; fields: TFields; mode: "full" | "draft"; existingFacts: Record<string, unknown> },
): Promise<TPrepared> {
  const { kind, fields, mode } = options;
  const has = (key: string) => mode === "full" || key in fields;
  const data: Prisma.ListingUncheckedUpdateInput = {};
  const fieldErrors: TFieldErrors = {};
  const reject = (key: string, message: string) => (fieldErrors[key] ??= []).push(message);

  if (has("title")) data.title = fields.title ?? "";
  if (has("summary")) data.summary = fields.summary ?? "";
  for (const key of TEXT_COLUMNS) if (has(key)) data[key] = fields[key] ?? null;
  if (has("province")) data.province = fields.province ?? null;
  if (has("instruments")) data.instruments = fields.instruments ?? [];
  if (has("tags")) data.tags = [...new Set(fields.tags ?? [])];
  if (fields.stage) data.stage = fields.stage;

  if (has("sectorIds")) {
    const ids = [...new Set(fields.sectorIds ?? [])];
    const found = ids.length ? await client.sector.count({ where: { id: { in: ids }, mergedIntoId: null } }) : 0;
    if (found !== ids.length) reject("sectorIds", "errors.field.invalidId");
    else data.sectorIds = ids;
  }

  if (has("investment")) {
    const investment = fields.investment;
    if (!investment) Object.assign(data, { amountMinor: null, amountUsdCents: null });
    else {
      const amountMinor = parseMajorToMinor(investment.amount, investment.currency);
      if (amountMinor === null) reject("investment.amount", "errors.field.amount");
      else Object.assign(data, { amountMinor, currency: investment.currency, amountUsdCents: await toUsdCents(amountMinor, investment.currency) });
    }
  }

  if (has("facts")) {
    const given = fields.facts ?? {};
    const kindKeys = FACT_KEYS[kind];
    const touched = kindKeys.filter((key) => mode === "full" || key in given);
    // Keys the editor does not know (e.g. the seed's operator, focus, financing) are kept.
    const facts: Record<string, unknown> = Object.fromEntries(Object.entries(options.existingFacts).filter(([key]) => !touched.includes(key)));
    for (const key of touched) {
      const value = given[key];
      if (key === "areaAcres") data.areaAcres = (value as string | undefined) ?? null;
      else if (key === "developer") data.developer = (value as string | undefined) ?? null;
      else if (key === "plotsAvailable") data.plotsAvailable = (value as number | undefined) ?? null;
      else if (value !== undefined) facts[key] = value;
    }
    for (const key of COLUMN_FACTS) delete facts[key];
    data.facts = facts as Prisma.InputJsonObject;
  }

  let incentives: TIncentiveRecord[] | undefined;
  if (has("incentives")) {
    const given = fields.incentives ?? [];
    const templateIds = [...new Set(given.map((incentive) => incentive.templateId).filter((id): id is string => Boolean(id)))];
    const templates = new Map(
      (templateIds.length
        ? await client.incentiveTemplate.findMany({ where: { id: { in: templateIds } }, select: { id: true, nameJa: true, legalBasis: true } })
        : []
      ).map((template) => [template.id, template]),
    );
    incentives = [];
    given.forEach((incentive, index) => {
      const template = incentive.templateId ? templates.get(incentive.templateId) : undefined;
      if (incentive.templateId && !template) return reject(`incentives.${index}.templateId`, "errors.field.invalidId");
      incentives!.push({
        templateId: incentive.templateId ?? null,
        name: incentive.name,
        nameJa: incentive.nameJa ?? template?.nameJa ?? null,
        legalBasis: incentive.legalBasis ?? template?.legalBasis ?? null,
        validFrom: dateOnly(incentive.validFrom),
        validTo: dateOnly(incentive.validTo),
      });
    });
  }

  if (mode === "full" && Object.keys(fieldErrors).length) {
    throw new AppError("VALIDATION", "errors.validation", { fieldErrors });
  }
  return { data, incentives, fieldErrors };
}

const incentiveKey = (incentive: TIncentiveRecord) =>
  JSON.stringify([incentive.templateId, incentive.name, incentive.nameJa, incentive.legalBasis, incentive.validFrom?.getTime() ?? null, incentive.validTo?.getTime() ?? null]);

/**
 * Brings the current incentives in line with `wanted`. Unchanged records stay;
 * changed or removed ones are ended (supersededAt) once the listing has been
 * published, so the history shows the change — before that they are deleted,
 * as nobody has seen them.
 */
export async function syncIncentives(tx: TTx, listingId: string, wanted: TIncentiveRecord[], keepHistory: boolean): Promise<void> {
  const current = await tx.incentive.findMany({
    where: { listingId, supersededAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, templateId: true, name: true, nameJa: true, legalBasis: true, validFrom: true, validTo: true },
  });
  const unmatched = [...wanted];
  const ended: string[] = [];
  for (const record of current) {
    const index = unmatched.findIndex((incentive) => incentiveKey(incentive) === incentiveKey(record));
    if (index >= 0) unmatched.splice(index, 1);
    else ended.push(record.id);
  }
  if (ended.length) {
    if (keepHistory) await tx.incentive.updateMany({ where: { id: { in: ended } }, data: { supersededAt: new Date() } });
    else await tx.incentive.deleteMany({ where: { id: { in: ended }, listingId } });
  }
  if (unmatched.length) await tx.incentive.createMany({ data: unmatched.map((incentive) => ({ ...incentive, listingId })) });
}
