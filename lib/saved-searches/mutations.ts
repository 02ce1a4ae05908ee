// Writes to the user's own saved searches. Creating and deleting are audited;
// renaming and switching alerts are the owner's housekeeping. The alerts'
// baseline is taken as soon as a search is saved with alerts (or they are turned
// back on): "new" then means new since the user asked, and a listing published
// before the first scheduled run is not silently swallowed by it; listings
// published while alerts were off do not arrive as one sudden burst.
import { audit } from "@/lib/audit/log";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { savedSearchOwnWhere } from "./access";
import { runSavedSearchAlert } from "./alerts";
import { normalizeSavedQuery } from "./query";
import { SAVED_SEARCH_LIMITS, type TCreateSavedSearchInput } from "./schemas";

type TTx = Prisma.TransactionClient;

/** The first alert run (a baseline, notifying nobody). If it fails, the next scheduled run takes it. */
async function takeBaseline(id: string): Promise<void> {
  try {
    await runSavedSearchAlert(id);
  } catch (error) {
    console.error(`[kizuna:saved-searches] baseline of ${id} failed; the next scheduled run takes it`, error);
  }
}

const nameTaken = () => new AppError("VALIDATION", "errors.validation", { fieldErrors: { name: ["errors.savedSearch.nameTaken"] } });

async function assertNameFree(tx: TTx, actor: TActiveActor, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.savedSearch.findFirst({
    where: { AND: [savedSearchOwnWhere(actor), { name: { equals: name, mode: "insensitive" } }, exceptId ? { id: { not: exceptId } } : {}] },
    select: { id: true },
  });
  if (clash) throw nameTaken();
}

export async function createSavedSearch(actor: TActiveActor, input: TCreateSavedSearchInput, meta: TRequestMeta): Promise<{ id: string; name: string; alert: boolean }> {
  const query = await normalizeSavedQuery(input.query);
  const created = await db().$transaction(async (tx) => {
    // The user row lock serialises two saves at once, so the cap and the name check hold.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${actor.id}::uuid FOR UPDATE`;
    const count = await tx.savedSearch.count({ where: savedSearchOwnWhere(actor) });
    if (count >= SAVED_SEARCH_LIMITS.perUser) {
      throw new AppError("CONFLICT", "errors.savedSearch.limit", { params: { max: SAVED_SEARCH_LIMITS.perUser } });
    }
    await assertNameFree(tx, actor, input.name);
    const row = await tx.savedSearch.create({
      data: { userId: actor.id, name: input.name, query, alert: input.alert },
      select: { id: true, name: true, alert: true },
    });
    await audit(
      { actorId: actor.id, action: "savedSearch.created", targetType: "savedSearch", targetId: row.id, ip: meta.ip, userAgent: meta.userAgent, data: { name: row.name, query, alert: row.alert } },
      tx,
    );
    return row;
  });
  if (created.alert) await takeBaseline(created.id);
  return created;
}

async function ownOrThrow(tx: TTx, actor: TActiveActor, id: string) {
  const row = await tx.savedSearch.findFirst({ where: { AND: [{ id }, savedSearchOwnWhere(actor)] }, select: { id: true, name: true, alert: true, query: true } });
  if (!row) throw notFound();
  return row;
}

export async function renameSavedSearch(actor: TActiveActor, input: { id: string; name: string }): Promise<{ id: string; name: string }> {
  return db().$transaction(async (tx) => {
    await ownOrThrow(tx, actor, input.id);
    await assertNameFree(tx, actor, input.name, input.id);
    return tx.savedSearch.update({ where: { id: input.id }, data: { name: input.name }, select: { id: true, name: true } });
  });
}

export async function setSavedSearchAlert(actor: TActiveActor, input: { id: string; alert: boolean }): Promise<{ id: string; alert: boolean }> {
  const result = await db().$transaction(async (tx) => {
    const row = await ownOrThrow(tx, actor, input.id);
    if (row.alert === input.alert) return { id: row.id, alert: row.alert, changed: false };
    const reset = input.alert ? { baselineAt: null, seenListingIds: [] } : {};
    const updated = await tx.savedSearch.update({ where: { id: row.id }, data: { alert: input.alert, ...reset }, select: { id: true, alert: true } });
    return { ...updated, changed: true };
  });
  if (result.changed && result.alert) await takeBaseline(result.id);
  return { id: result.id, alert: result.alert };
}

export async function deleteSavedSearch(actor: TActiveActor, input: { id: string }, meta: TRequestMeta): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const row = await ownOrThrow(tx, actor, input.id);
    await tx.savedSearch.delete({ where: { id: row.id } });
    await audit(
      { actorId: actor.id, action: "savedSearch.deleted", targetType: "savedSearch", targetId: row.id, ip: meta.ip, userAgent: meta.userAgent, data: { name: row.name, query: row.query ?? {} } },
      tx,
    );
    return { id: row.id };
  });
}
