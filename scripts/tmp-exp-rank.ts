import pg from "pg";
import { Prisma } from "../lib/db/client";
async function main() {
  const engine = await import("../lib/matching/engine");
  const rec = await import("../lib/matching/recompute");
  const { queryOn } = await import("../lib/matching/store");
  const { db } = await import("../lib/db/client");
  const context = await engine.loadMatchingContext();
  const listings = [...(await engine.loadPublishedListings()).values()];
  const ids = (await db().investorProfile.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  let t = performance.now();
  const codes = await rec.createSnapshot(client, listings, context);
  console.log("listings", listings.length, "investors", ids.length, "snapshot ms", (performance.now() - t).toFixed(0));
  const investors = await engine.loadInvestors(ids);
  let total = 0; let rows = 0;
  for (let s = 0; s < investors.length; s += 500) {
    const batch = rec.prepareBatch({ investors: investors.slice(s, s + 500), reviewed: new Map(), excluded: new Map(), codes, context });
    t = performance.now();
    const r = await queryOn<{ n: number }>(client, Prisma.sql`SELECT count(*)::int AS n FROM (${rec.rankedSql(batch, context)}) r`);
    total += performance.now() - t; rows += r.rows[0]!.n;
    if (s === 0 && process.env.EXPLAIN) {
      const e = await queryOn<{ "QUERY PLAN": string }>(client, Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM (${rec.rankedSql(batch, context)}) r`);
      console.log(e.rows.map((x) => x["QUERY PLAN"]).join("\n"));
    }
  }
  console.log("rank only: ms", total.toFixed(0), "rows", rows);
  await client.end();
  process.exit(0);
}
main();
