// Reference data and demo accounts. Idempotent: every row is found by its natural
// key (Organization.code or name, Sector.slug, IncentiveTemplate.code,
// Listing.slug, ExchangeRate (base, quote, asOf), User.email) and created only
// when missing. Existing rows are never overwritten, so edits made in the app
// (a renamed sector, a revised listing, a changed password) survive a re-run.
// The data itself lives in prisma/seed-data/*.ts with its sources.
//
// CLI: `npx tsx prisma/seed.ts` seeds the DATABASE_URL database; demo accounts
// only when APP_ENV !== "production"; their passwords are printed once.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { hashPassword } from "../lib/auth/password";
import { Prisma, db, disconnectDb } from "../lib/db/client";
import type { PrismaClient } from "../lib/db/client";
import { DEMO_ACCOUNTS, type TSeedDemoAccount } from "./seed-data/demo-accounts";
import { INCENTIVE_TEMPLATES } from "./seed-data/incentives";
import { LISTINGS } from "./seed-data/listings";
import { AGENCIES, DEMO_INVESTOR_FIRMS } from "./seed-data/organizations";
import { EXCHANGE_RATES } from "./seed-data/rates";
import { SECTORS } from "./seed-data/sectors";
import type { TSeedListing, TSeedOrganization } from "./seed-data/types";

export type TSeedOptions = {
  /** Create the demo users (and the fictional investor firms they belong to). */
  demoAccounts: boolean;
  log?: (message: string) => void;
};

export type TSeedCredential = { role: string; email: string; password: string };

export type TSeedTally = Record<string, { created: number; existing: number }>;

export type TSeedResult = {
  /** Demo users created by this run, with their one-time passwords. */
  demoAccounts: TSeedCredential[];
  /** Rows created and rows found already present, per table. */
  tally: TSeedTally;
};

/** Matching weights version 1 (used only when no version exists yet). */
export const INITIAL_MATCHING_WEIGHTS = {
  weights: { sector: 30, ticket: 20, location: 15, instrument: 10, stage: 10, incentive: 5, freshness: 5, completeness: 5 },
  threshold: 40,
  maxPerInvestor: 100,
} as const;

const MAX_SECTORS_PER_LISTING = 2;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Returns the row found by `find`, or creates it. A concurrent seed that wins the
 * race makes `create` hit the unique key; the row is then read back.
 */
async function ensure<T>(find: () => Promise<T | null>, create: () => Promise<T>): Promise<{ row: T; created: boolean }> {
  const found = await find();
  if (found) return { row: found, created: false };
  try {
    return { row: await create(), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const again = await find();
    if (!again) throw error;
    return { row: again, created: false };
  }
}

function dateOnly(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** A random password with lower case, upper case and digits (24 characters). */
function generatePassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString("base64url");
    if (/[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /[0-9]/.test(candidate)) return candidate;
  }
}

/**
 * A 0–100 estimate of how complete a seeded listing is, by the fields an investor
 * looks for first. The app recomputes completeness when staff edit a listing.
 */
export function estimateCompleteness(listing: TSeedListing): number {
  const isEstate = listing.kind === "SEZ" || listing.kind === "INDUSTRIAL_ESTATE";
  const facts = listing.facts;
  const checks: [boolean, number][] = [
    [Boolean(listing.titleJa && listing.summaryJa), 10],
    [Boolean(listing.description), 10],
    [listing.sectorSlugs.length > 0, 10],
    [Boolean(listing.district), 10],
    [listing.instruments.length > 0, 5],
    [isEstate ? listing.areaAcres !== null : listing.amount !== null, 15],
    [listing.developer !== null || "operator" in facts, 5],
    [true, 5], // every seeded listing carries its agency's contact
    [Object.keys(facts).length >= 3, 10],
    [listing.kind === "SEZ" ? listing.incentives.length > 0 : true, 10],
    // What an investor prices a deal with: plots and utilities, or financing and timeline.
    [isEstate ? "plotPrices" in facts || "utilities" in facts : "financing" in facts || "timeline" in facts, 10],
  ];
  return checks.reduce((score, [passed, weight]) => score + (passed ? weight : 0), 0);
}

class Tally {
  readonly counts: TSeedTally = {};
  add(table: string, created: boolean): void {
    const entry = (this.counts[table] ??= { created: 0, existing: 0 });
    if (created) entry.created += 1;
    else entry.existing += 1;
  }
}

async function seedOrganizations(
  prisma: PrismaClient,
  orgs: TSeedOrganization[],
  tally: Tally,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>(); // code (agencies) or name (firms) → id
  for (const org of orgs) {
    const data = {
      kind: org.kind,
      code: org.code,
      name: org.name,
      nameJa: org.nameJa,
      country: org.country,
      province: org.province,
      website: org.website,
    };
    const code = org.code;
    const { row, created } = code
      ? await ensure(
          () => prisma.organization.findUnique({ where: { code }, select: { id: true } }),
          () => prisma.organization.create({ data, select: { id: true } }),
        )
      : await ensure(
          () => prisma.organization.findFirst({ where: { kind: org.kind, name: org.name }, select: { id: true } }),
          () => prisma.organization.create({ data, select: { id: true } }),
        );
    tally.add("organizations", created);
    ids.set(code ?? org.name, row.id);
  }
  return ids;
}

/** slug → id of the sector to use (following an admin's merge, if any). */
async function seedSectors(prisma: PrismaClient, tally: Tally): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const sector of SECTORS) {
    const parentId = sector.parentSlug ? ids.get(sector.parentSlug) : undefined;
    if (sector.parentSlug && !parentId) throw new Error(`Sector ${sector.slug}: parent ${sector.parentSlug} is not seeded before it`);
    const { row, created } = await ensure(
      () => prisma.sector.findUnique({ where: { slug: sector.slug }, select: { id: true, mergedIntoId: true } }),
      () =>
        prisma.sector.create({
          data: {
            slug: sector.slug,
            nameEn: sector.nameEn,
            nameJa: sector.nameJa,
            parentId: parentId ?? null,
            sortOrder: sector.sortOrder,
          },
          select: { id: true, mergedIntoId: true },
        }),
    );
    tally.add("sectors", created);
    ids.set(sector.slug, row.mergedIntoId ?? row.id);
  }
  return ids;
}

type TTemplateRef = { id: string; nameEn: string; nameJa: string; legalBasis: string };

async function seedIncentiveTemplates(prisma: PrismaClient, tally: Tally): Promise<Map<string, TTemplateRef>> {
  const templates = new Map<string, TTemplateRef>();
  const select = { id: true, nameEn: true, nameJa: true, legalBasis: true } as const;
  for (const template of INCENTIVE_TEMPLATES) {
    const { row, created } = await ensure(
      () => prisma.incentiveTemplate.findUnique({ where: { code: template.code }, select }),
      () => prisma.incentiveTemplate.create({ data: template, select }),
    );
    tally.add("incentive_templates", created);
    templates.set(template.code, row);
  }
  return templates;
}

async function seedExchangeRates(prisma: PrismaClient, tally: Tally): Promise<void> {
  const rows = EXCHANGE_RATES.flatMap((rate) => [
    { ...rate, rate: new Prisma.Decimal(rate.rate) },
    {
      base: rate.quote,
      quote: rate.base,
      rate: new Prisma.Decimal(1).div(rate.rate).toDecimalPlaces(8),
      asOf: rate.asOf,
      source: `${rate.source} (inverse of ${rate.base}→${rate.quote} ${rate.rate})`,
    },
  ]);
  for (const rate of rows) {
    const key = { base: rate.base, quote: rate.quote, asOf: dateOnly(rate.asOf) };
    const { created } = await ensure(
      () => prisma.exchangeRate.findUnique({ where: { base_quote_asOf: key }, select: { id: true } }),
      () => prisma.exchangeRate.create({ data: { ...key, rate: rate.rate, source: rate.source }, select: { id: true } }),
    );
    tally.add("exchange_rates", created);
  }
}

async function seedMatchingWeights(prisma: PrismaClient, tally: Tally): Promise<void> {
  if ((await prisma.matchingWeights.count()) > 0) {
    tally.add("matching_weights", false);
    return;
  }
  await prisma.matchingWeights.upsert({
    where: { version: 1 },
    create: { version: 1, ...INITIAL_MATCHING_WEIGHTS },
    update: {},
  });
  // An explicit id does not advance the serial sequence: move it past version 1
  // so the next version an admin saves gets 2.
  await prisma.$queryRaw`SELECT setval(pg_get_serial_sequence('matching_weights', 'version'), (SELECT MAX(version) FROM matching_weights))`;
  tally.add("matching_weights", true);
}

function requireId(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Seed data refers to unknown ${what} "${key}"`);
  return id;
}

async function seedListings(
  prisma: PrismaClient,
  refs: { agencies: Map<string, string>; sectors: Map<string, string>; templates: Map<string, TTemplateRef> },
  tally: Tally,
): Promise<void> {
  const contacts = new Map(AGENCIES.map((agency) => [agency.code ?? agency.name, agency]));
  for (const listing of LISTINGS) {
    if (listing.sectorSlugs.length > MAX_SECTORS_PER_LISTING) {
      throw new Error(`Listing ${listing.slug}: at most ${MAX_SECTORS_PER_LISTING} sectors`);
    }
    const agency = contacts.get(listing.agencyCode);
    const sectorIds = [...new Set(listing.sectorSlugs.map((slug) => requireId(refs.sectors, slug, "sector")))];
    const incentives = listing.incentives.map((incentive) => {
      const template = refs.templates.get(incentive.templateCode);
      if (!template) throw new Error(`Listing ${listing.slug}: unknown incentive template ${incentive.templateCode}`);
      return {
        templateId: template.id,
        name: template.nameEn,
        nameJa: template.nameJa,
        legalBasis: template.legalBasis,
        validFrom: incentive.validFrom ? dateOnly(incentive.validFrom) : null,
        validTo: incentive.validTo ? dateOnly(incentive.validTo) : null,
      };
    });
    // Incentives are created with the listing, in the same statement, and only
    // then: a re-run never adds them twice nor restores ones staff ended.
    const { created } = await ensure(
      () => prisma.listing.findUnique({ where: { slug: listing.slug }, select: { id: true } }),
      () =>
        prisma.listing.create({
          data: {
            slug: listing.slug,
            kind: listing.kind,
            status: "PUBLISHED",
            publishedAt: new Date(),
            version: 1,
            agencyId: requireId(refs.agencies, listing.agencyCode, "agency"),
            title: listing.title,
            titleJa: listing.titleJa,
            summary: listing.summary,
            summaryJa: listing.summaryJa,
            description: listing.description,
            sectorIds,
            province: listing.province,
            district: listing.district,
            zone: listing.zone,
            amountMinor: listing.amount?.amountMinor ?? null,
            currency: listing.amount?.currency ?? "USD",
            amountUsdCents: listing.amount?.amountUsdCents ?? null,
            instruments: listing.instruments,
            stage: listing.stage,
            areaAcres: listing.areaAcres,
            developer: listing.developer,
            facts: listing.facts,
            tags: listing.tags,
            contactName: agency?.contactName ?? null,
            contactEmail: agency?.contactEmail ?? null,
            completeness: estimateCompleteness(listing),
            sourceNote: listing.sourceNote,
            incentives: { create: incentives },
          },
          select: { id: true },
        }),
    );
    tally.add("listings", created);
    if (created) for (let i = 0; i < incentives.length; i++) tally.add("incentives", true);
  }
}

function organizationKey(account: TSeedDemoAccount): string | null {
  if (!account.organization) return null;
  return "code" in account.organization ? account.organization.code : account.organization.name;
}

async function seedDemoAccounts(
  prisma: PrismaClient,
  refs: { organizations: Map<string, string>; sectors: Map<string, string> },
  tally: Tally,
): Promise<TSeedCredential[]> {
  const credentials: TSeedCredential[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const email = account.email.toLowerCase();
    const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) {
      tally.add("users", false);
      continue;
    }
    const orgKey = organizationKey(account);
    const profile = account.investorProfile;
    const password = generatePassword();
    const now = new Date();
    try {
      await prisma.user.create({
        data: {
          email,
          name: account.name,
          passwordHash: await hashPassword(password),
          role: account.role,
          status: "ACTIVE",
          emailVerifiedAt: now,
          organizationId: orgKey ? requireId(refs.organizations, orgKey, "organization") : null,
          country: account.country,
          locale: account.locale,
          investorProfile: profile
            ? {
                create: {
                  sectorIds: profile.sectorSlugs.map((slug) => requireId(refs.sectors, slug, "sector")),
                  ticketMinUsdCents: profile.ticketMinUsdCents,
                  ticketMaxUsdCents: profile.ticketMaxUsdCents,
                  ticketCurrency: "USD",
                  anywhereInPakistan: profile.anywhereInPakistan,
                  provinces: profile.provinces,
                  instruments: profile.instruments,
                  stages: profile.stages,
                  thesis: profile.thesis,
                  locale: account.locale,
                  onboardedAt: now,
                },
              }
            : undefined,
        },
        select: { id: true },
      });
    } catch (error) {
      // Another seed created the same user meanwhile: it owns that password.
      if (isUniqueViolation(error)) {
        tally.add("users", false);
        continue;
      }
      throw error;
    }
    tally.add("users", true);
    if (profile) tally.add("investor_profiles", true);
    credentials.push({ role: account.role, email, password });
  }
  return credentials;
}

export async function seed(prisma: PrismaClient, opts: TSeedOptions): Promise<TSeedResult> {
  const log = opts.log ?? (() => {});
  const tally = new Tally();

  const organizations = await seedOrganizations(
    prisma,
    opts.demoAccounts ? [...AGENCIES, ...DEMO_INVESTOR_FIRMS] : AGENCIES,
    tally,
  );
  const sectors = await seedSectors(prisma, tally);
  const templates = await seedIncentiveTemplates(prisma, tally);
  await seedExchangeRates(prisma, tally);
  await seedMatchingWeights(prisma, tally);
  await seedListings(prisma, { agencies: organizations, sectors, templates }, tally);
  const demoAccounts = opts.demoAccounts ? await seedDemoAccounts(prisma, { organizations, sectors }, tally) : [];

  for (const [table, { created, existing }] of Object.entries(tally.counts)) {
    log(`seed: ${table}: ${created} created, ${existing} already present`);
  }
  return { demoAccounts, tally: tally.counts };
}

async function main(): Promise<void> {
  const demoAccounts = process.env.APP_ENV !== "production";
  const result = await seed(db(), { demoAccounts, log: (message) => console.log(message) });
  if (result.demoAccounts.length > 0) {
    console.log("\nDemo accounts created (passwords are shown only now):");
    for (const account of result.demoAccounts) {
      console.log(`  ${account.role.padEnd(8)} ${account.email.padEnd(28)} ${account.password}`);
    }
  } else if (demoAccounts) {
    console.log("seed: demo accounts already exist; their passwords are unchanged.");
  }
  console.log("seed: done.");
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main()
    .then(async () => {
      await disconnectDb();
      process.exit(0);
    })
    .catch(async (error: unknown) => {
      console.error("seed failed:", error instanceof Error ? error.message : error);
      await disconnectDb().catch(() => {});
      process.exit(1);
    });
}
