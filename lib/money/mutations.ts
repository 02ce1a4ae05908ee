// Exchange-rate writes. A rate is stored with its inverse for the same date, so
// that the latest rate of each direction always agree (convertWithRates prefers
// a direct pair). Saving a pair and date that exist replaces them: it corrects
// a typo, and the audit keeps the previous value.
import { audit } from "@/lib/audit/log";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { invertRate } from "./rates";
import type { TAddExchangeRate } from "./schemas";

export type TSavedRate = { base: string; quote: string; rate: string; inverse: string; asOf: string; replaced: boolean };

export async function addExchangeRate(actor: TActiveActor, input: TAddExchangeRate, meta: TRequestMeta): Promise<TSavedRate> {
  const asOf = new Date(`${input.asOf}T00:00:00Z`);
  const inverse = invertRate(input.rate);
  const pairs = [
    { base: input.base, quote: input.quote, rate: input.rate },
    { base: input.quote, quote: input.base, rate: inverse },
  ];
  return db().$transaction(async (tx) => {
    const previous = await tx.exchangeRate.findUnique({
      where: { base_quote_asOf: { base: input.base, quote: input.quote, asOf } },
      select: { rate: true },
    });
    for (const pair of pairs) {
      await tx.exchangeRate.upsert({
        where: { base_quote_asOf: { base: pair.base, quote: pair.quote, asOf } },
        create: { ...pair, asOf, source: input.source ?? null, createdById: actor.id },
        update: { rate: pair.rate, source: input.source ?? null, createdById: actor.id },
      });
    }
    await audit(
      {
        actorId: actor.id,
        action: previous ? "exchangeRate.replaced" : "exchangeRate.added",
        targetType: "exchangeRate",
        targetId: `${input.base}/${input.quote}/${input.asOf}`,
        ip: meta.ip,
        userAgent: meta.userAgent,
        data: { base: input.base, quote: input.quote, rate: input.rate, inverse, asOf: input.asOf, previous: previous?.rate.toString() ?? null },
      },
      tx,
    );
    return { base: input.base, quote: input.quote, rate: input.rate, inverse, asOf: input.asOf, replaced: previous !== null };
  });
}
