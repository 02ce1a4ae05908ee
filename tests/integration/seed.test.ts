// The seed must be safe to run on every start: a second run adds nothing, keeps
// existing demo users (and their passwords) untouched, and the reference data an
// investor sees first (Reko Diq, the Punjab zones) is there with its sources.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { verifyPassword } from "../../lib/auth/password";
import { Prisma, db } from "../../lib/db/client";
import { seed, type TSeedResult } from "../../prisma/seed";
import { DEMO_ACCOUNTS } from "../../prisma/seed-data/demo-accounts";
import { LISTINGS } from "../../prisma/seed-data/listings";

type TTableCounts = Record<string, number>;

/** Row count of every table in the public schema, Prisma's and anyone else's. */
async function countEveryTable(): Promise<TTableCounts> {
  // query_to_xml runs each table's count with the name quoted by format('%I'): one parameterised statement.
  const rows = await db().$queryRaw<{ name: string; n: bigint }[]>`
    select table_name as name,
      (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I', table_name), false, true, '')))[1]::text::bigint as n
    from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
  const counts: TTableCounts = {};
  for (const { name, n } of rows) counts[name] = Number(n ?? -1);
  return counts;
}

const ZRekoDiqFacts = z.object({
  financing: z.object({
    lenders: z.array(z.object({ name: z.string(), usdMillions: z.number() })),
  }),
});

const demoEmails = DEMO_ACCOUNTS.map((account) => account.email);

describe("prisma/seed", () => {
  let demoUsersBefore: number;
  let weightVersionsBefore: number;
  let first: TSeedResult;
  let countsAfterFirst: TTableCounts;
  let second: TSeedResult;
  let countsAfterSecond: TTableCounts;

  beforeAll(async () => {
    demoUsersBefore = await db().user.count({ where: { email: { in: demoEmails } } });
    weightVersionsBefore = await db().matchingWeights.count();
    first = await seed(db(), { demoAccounts: true });
    countsAfterFirst = await countEveryTable();
    second = await seed(db(), { demoAccounts: true });
    countsAfterSecond = await countEveryTable();
  }, 120_000);

  it("adds no row to any table on a second run", () => {
    const tables = Object.keys(countsAfterFirst).filter((name) => name !== "_prisma_migrations");
    expect(tables.length).toBeGreaterThanOrEqual(Object.keys(Prisma.ModelName).length);
    for (const seeded of ["organizations", "sectors", "incentive_templates", "incentives", "listings", "exchange_rates", "matching_weights", "users", "investor_profiles"]) {
      expect(countsAfterFirst[seeded], seeded).toBeGreaterThan(0);
    }
    expect(countsAfterSecond).toEqual(countsAfterFirst);
    for (const [table, { created }] of Object.entries(second.tally)) expect(created, table).toBe(0);
  });

  it("returns each newly created demo account once, with a working password", async () => {
    expect(first.demoAccounts).toHaveLength(DEMO_ACCOUNTS.length - demoUsersBefore);
    for (const account of first.demoAccounts) {
      expect(account.password.length).toBeGreaterThanOrEqual(16);
      const user = await db().user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.status).toBe("ACTIVE");
      expect(user.emailVerifiedAt).not.toBeNull();
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
    }
    expect(second.demoAccounts).toEqual([]);
  });

  it("gives the demo investor a Japanese-language profile in food processing, USD 5–20 m, Punjab", async () => {
    const investor = await db().user.findUniqueOrThrow({
      where: { email: "investor@kizuna.local" },
      include: { investorProfile: true, organization: true },
    });
    expect(investor.locale).toBe("ja");
    expect(investor.organization?.kind).toBe("INVESTOR_FIRM");
    expect(investor.investorProfile?.ticketMinUsdCents).toBe(500_000_000n);
    expect(investor.investorProfile?.ticketMaxUsdCents).toBe(2_000_000_000n);
    expect(investor.investorProfile?.provinces).toEqual(["PUNJAB"]);
    const dairy = await db().sector.findUniqueOrThrow({ where: { slug: "dairy" } });
    expect(investor.investorProfile?.sectorIds).toContain(dairy.id);
  });

  it("publishes Reko Diq with JBIC among its lenders", async () => {
    const rekoDiq = await db().listing.findUniqueOrThrow({ where: { slug: "reko-diq-copper-gold" } });
    expect(rekoDiq.status).toBe("PUBLISHED");
    expect(rekoDiq.province).toBe("BALOCHISTAN");
    expect(rekoDiq.amountUsdCents).toBe(550_000_000_000n);
    expect(rekoDiq.tags).toContain("jbic");
    const facts = ZRekoDiqFacts.parse(rekoDiq.facts);
    expect(facts.financing.lenders).toContainEqual({ name: "JBIC", usdMillions: 300 });
  });

  it("publishes at least ten Punjab SEZs and industrial estates", async () => {
    const zones = await db().listing.count({
      where: { status: "PUBLISHED", province: "PUNJAB", kind: { in: ["SEZ", "INDUSTRIAL_ESTATE"] }, publishedAt: { not: null } },
    });
    expect(zones).toBeGreaterThanOrEqual(10);
  });

  it("cites a source for every seeded listing and keeps to two sectors", async () => {
    const listings = await db().listing.findMany({
      where: { slug: { in: LISTINGS.map((listing) => listing.slug) } },
      select: { slug: true, sourceNote: true, sectorIds: true, completeness: true },
    });
    expect(listings).toHaveLength(LISTINGS.length);
    for (const listing of listings) {
      expect(listing.sourceNote?.trim(), listing.slug).toBeTruthy();
      expect(listing.sectorIds.length, listing.slug).toBeLessThanOrEqual(2);
      expect(listing.completeness, listing.slug).toBeGreaterThan(0);
      expect(listing.completeness, listing.slug).toBeLessThanOrEqual(100);
    }
  });

  it("dates the SEZ Act incentives of SEZ listings", async () => {
    const incentives = await db().incentive.findMany({
      where: { listing: { slug: "m3-industrial-city" } },
      include: { template: true },
    });
    expect(incentives.map((incentive) => incentive.template?.code).sort()).toEqual([
      "sez-2012-customs-capital-goods",
      "sez-2012-income-tax-5y",
    ]);
    for (const incentive of incentives) expect(incentive.validTo).not.toBeNull();
  });

  it("creates matching weights version 1 only when no version exists", async () => {
    if (weightVersionsBefore > 0) {
      // Another test file configured weights first: the seed must have left them alone.
      expect(await db().matchingWeights.count()).toBe(weightVersionsBefore);
      return;
    }
    expect(await db().matchingWeights.count()).toBe(1);
    const weights = await db().matchingWeights.findUniqueOrThrow({ where: { version: 1 } });
    expect(weights.threshold).toBe(40);
    expect(weights.maxPerInvestor).toBe(100);
    expect(weights.weights).toMatchObject({ sector: 30, ticket: 20, location: 15 });
  });
});
