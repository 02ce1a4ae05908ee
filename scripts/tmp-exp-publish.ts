import { Prisma } from "../lib/db/client";
async function main() {
  const engine = await import("../lib/matching/engine");
  const { db } = await import("../lib/db/client");
  const context = await engine.loadMatchingContext();
  const slugs = (process.env.SLUGS ?? "bench-1").split(",");
  for (const slug of slugs) {
    const src = await db().listing.findFirst({ where: { slug }, select: { id: true } });
    const [listing] = await engine.loadListings([src!.id]);
    const c = engine.listingCandidatesSql(listing!, context)!;
    const stmt = engine.rematchListingSql(listing!.id, c.sql, context);
    await db().$transaction(async (tx) => {
      const t = performance.now();
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${stmt}`);
      console.log(`--- ${slug} ${(performance.now() - t).toFixed(0)} ms`);
      console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
      throw new Error("rollback");
    }).catch((e) => { if (e.message !== "rollback") throw e; });
  }
  process.exit(0);
}
main();
