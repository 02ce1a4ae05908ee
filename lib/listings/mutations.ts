// Listing writes and the workflow: DRAFT → SUBMITTED (staff) → PUBLISHED or back
// to DRAFT with a comment (admin) → CLOSED. Ownership always comes from the
// record (listingWriteWhere): another agency's listing is "not found". Each
// transition runs in one transaction that locks the row and writes the audit.
//
// Edits to a PUBLISHED listing stay published and are versioned: the new state
// is snapshotted into ListingVersion with the field groups that changed, and
// investors who saved the listing are notified. (Sending every edit back to
// review would hide a corrected date or contact for days; admins see every
// version and can close a listing.)
import { randomUUID } from "node:crypto";
import { audit } from "@/lib/audit/log";
import { notify } from "@/lib/notifications/notify";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { scheduleListingRematch } from "@/lib/matching/schedule";
import { scheduleSavedSearchAlerts } from "@/lib/notifications/schedule";
import { db, type Prisma } from "@/lib/db/client";
import { AppError, forbidden, notFound, type TFieldErrors } from "@/lib/errors";
import { toFieldErrors } from "@/lib/http/validation";
import type { TCurrency } from "@/lib/money/format";
import { listingWriteWhere } from "./access";
import { formValuesToInput, storedToFormValues, type TStoredListing } from "./form-values";
import { prepareFields, syncIncentives, type TFields, type TPrepared } from "./listing-fields";
import { parseListingDraft, ZListingInput, type TListingInput, type TListingKind } from "./schemas";
import { completenessOfSnapshot, diffVersions, loadSnapshot, type TListingSnapshot, type TVersionFieldGroup } from "./versions";

type TTx = Prisma.TransactionClient;

const conflict = (message: string) => new AppError("CONFLICT", message);

// ───────────────────────────── reading the row under a lock ─────────────────────────────

const LOCKED_SELECT = {
  id: true,
  kind: true,
  status: true,
  agencyId: true,
  version: true,
  facts: true,
  publishedAt: true,
  submittedById: true,
} as const satisfies Prisma.ListingSelect;

type TLocked = Prisma.ListingGetPayload<{ select: typeof LOCKED_SELECT }>;

/** The listing the actor may write, locked for this transaction; otherwise "not found". */
async function lockListing(tx: TTx, actor: TActiveActor, id: string): Promise<TLocked> {
  await tx.$queryRaw`SELECT id FROM "listings" WHERE id = ${id}::uuid FOR UPDATE`;
  const listing = await tx.listing.findFirst({ where: { AND: [{ id }, listingWriteWhere(actor)] }, select: LOCKED_SELECT });
  if (!listing) throw notFound();
  return listing;
}

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function metaOf(actor: TActiveActor, meta: TRequestMeta) {
  return { actorId: actor.id, ip: meta.ip, userAgent: meta.userAgent };
}

// ───────────────────────────── applying an edit ─────────────────────────────

export type TListingSaved = {
  id: string;
  status: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CLOSED";
  version: number;
  completeness: number;
  /** Hints (catalog keys) for what would make the listing more complete. */
  missing: string[];
  /** When this save was stored (ISO 8601). */
  savedAt: string;
  /** Field groups changed by this save when it created a new published version; otherwise empty. */
  changedFields: TVersionFieldGroup[];
};

/**
 * Writes prepared fields to a locked listing, recomputes completeness, and for a
 * published listing records a new version when something an investor reads changed.
 */
async function applyEdit(
  tx: TTx,
  listing: TLocked,
  prepared: TPrepared,
  context: { actor: TActiveActor; meta: TRequestMeta; action: string; auditData?: Prisma.InputJsonObject; audited?: boolean },
): Promise<TListingSaved> {
  const published = listing.status === "PUBLISHED";
  const before = published ? await loadSnapshot(tx, listing.id) : null;
  await tx.listing.update({ where: { id: listing.id }, data: prepared.data, select: { id: true } });
  if (prepared.incentives) await syncIncentives(tx, listing.id, prepared.incentives, listing.publishedAt !== null);
  const after = await loadSnapshot(tx, listing.id);
  const completeness = completenessOfSnapshot(after);
  let version = listing.version;
  let changedFields: TVersionFieldGroup[] = [];
  if (before) {
    changedFields = diffVersions(before, after);
    if (changedFields.length) {
      version = await recordVersion(tx, { listing, before, after, changedFields, actorId: context.actor.id });
      await notifySavers(tx, listing.id, { version, changedFields, listingTitle: after.title });
    }
  }
  const saved = await tx.listing.update({
    where: { id: listing.id },
    data: { completeness: completeness.score, version },
    select: { updatedAt: true, status: true },
  });
  if (context.audited !== false && (!published || changedFields.length)) {
    await audit(
      {
        ...metaOf(context.actor, context.meta),
        action: context.action,
        targetType: "listing",
        targetId: listing.id,
        data: { ...context.auditData, ...(published ? { version, changedFields } : {}) },
      },
      tx,
    );
  }
  return { id: listing.id, status: saved.status, version, completeness: completeness.score, missing: completeness.missing, savedAt: saved.updatedAt.toISOString(), changedFields };
}

/**
 * Writes the snapshot of a new published version. Listings published before
 * versions were recorded (the seed) first get their current state as the
 * version they are at, so the history starts from what investors saw.
 */
async function recordVersion(
  tx: TTx,
  input: { listing: TLocked; before: TListingSnapshot; after: TListingSnapshot; changedFields: TVersionFieldGroup[]; actorId: string },
): Promise<number> {
  const { listing } = input;
  const hasBase = await tx.listingVersion.count({ where: { listingId: listing.id, version: listing.version } });
  if (!hasBase) {
    await tx.listingVersion.create({
      data: { listingId: listing.id, version: listing.version, snapshot: input.before as unknown as Prisma.InputJsonObject, changedFields: [] },
    });
  }
  const version = listing.version + 1;
  await tx.listingVersion.create({
    data: {
      listingId: listing.id,
      version,
      snapshot: input.after as unknown as Prisma.InputJsonObject,
      changedFields: input.changedFields,
      createdById: input.actorId,
    },
  });
  return version;
}

/** Investors who saved the listing hear about the change (rendered from the payload in their language). */
async function notifySavers(
  tx: TTx,
  listingId: string,
  payload: { version: number; changedFields: TVersionFieldGroup[]; listingTitle: string },
): Promise<void> {
  const savers = await tx.savedListing.findMany({ where: { listingId }, select: { userId: true } });
  if (!savers.length) return;
  await notify(tx, {
    userIds: savers.map((saver) => saver.userId),
    kind: "LISTING_UPDATED",
    payload: { listingId, ...payload },
  });
}

// ───────────────────────────── creating ─────────────────────────────

function slugFor(title: string | undefined, kind: TListingKind): string {
  const base = (title ?? "")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || kind.toLowerCase().replace(/_/g, "-")}-${randomUUID().slice(0, 8)}`;
}

function requireAgencyOf(actor: TActiveActor): string {
  if (actor.role !== "STAFF" || !actor.organizationId) throw forbidden();
  return actor.organizationId;
}

async function insertDraft(tx: TTx, actor: TActiveActor, kind: TListingKind, title: string | undefined): Promise<TLocked> {
  return tx.listing.create({
    data: {
      slug: slugFor(title, kind),
      kind,
      status: "DRAFT",
      agencyId: requireAgencyOf(actor),
      title: "",
      summary: "",
      // The column is required; a draft starts at the first stage until staff choose.
      stage: "CONCEPT",
      createdById: actor.id,
    },
    select: LOCKED_SELECT,
  });
}

export type TDraftSaved = TListingSaved & {
  /** Fields that were not saved because they are not valid yet (shown beside the fields). */
  fieldErrors: TFieldErrors;
};

/** A new DRAFT of the actor's agency with whatever valid fields came along. */
export async function createListingDraft(
  actor: TActiveActor,
  input: Record<string, unknown> & { kind: TListingKind },
  meta: TRequestMeta,
): Promise<TDraftSaved> {
  requireAgencyOf(actor);
  const draft = parseListingDraft(input, input.kind);
  const prepared = await prepareFields(db(), { kind: input.kind, fields: draft.data as TFields, mode: "draft", existingFacts: {} });
  return db().$transaction(async (tx) => {
    const listing = await insertDraft(tx, actor, input.kind, draft.data.title);
    const saved = await applyEdit(tx, listing, prepared, { actor, meta, action: "listing.created", auditData: { kind: input.kind } });
    return { ...saved, fieldErrors: { ...draft.fieldErrors, ...prepared.fieldErrors } };
  });
}

/**
 * A complete listing as a DRAFT of the actor's agency (REST API, CSV import).
 * Pass `tx` to create several in one transaction: a CSV import is all or nothing.
 */
export async function createListingFromInput(actor: TActiveActor, input: TListingInput, meta: TRequestMeta, tx?: TTx): Promise<TListingSaved & { slug: string }> {
  requireAgencyOf(actor);
  const run = async (client: TTx) => {
    const prepared = await prepareFields(client, { kind: input.kind, fields: input as TFields, mode: "full", existingFacts: {} });
    const listing = await insertDraft(client, actor, input.kind, input.title);
    const saved = await applyEdit(client, listing, prepared, { actor, meta, action: "listing.created", auditData: { kind: input.kind } });
    const { slug } = await client.listing.findUniqueOrThrow({ where: { id: listing.id }, select: { slug: true } });
    return { ...saved, slug };
  };
  return tx ? run(tx) : db().$transaction(run);
}

// ───────────────────────────── editing ─────────────────────────────

/**
 * Autosave of a DRAFT: the editor's state, checked field by field. Valid fields
 * are stored, fields that are not valid yet keep their stored value and come
 * back as fieldErrors. Only drafts of the actor's own agency.
 */
export async function saveListingDraft(actor: TActiveActor, id: string, draftInput: Record<string, unknown>, meta: TRequestMeta): Promise<TDraftSaved> {
  return db().$transaction(async (tx) => {
    const listing = await lockListing(tx, actor, id);
    if (listing.status !== "DRAFT") throw conflict("errors.listing.notDraft");
    const draft = parseListingDraft(draftInput, listing.kind);
    const prepared = await prepareFields(tx, { kind: listing.kind, fields: draft.data as TFields, mode: "draft", existingFacts: asObject(listing.facts) });
    // Drafts are private to their agency: autosaves are not audited one by one (creation and transitions are).
    const saved = await applyEdit(tx, listing, prepared, { actor, meta, action: "listing.draftSaved", audited: false });
    return { ...saved, fieldErrors: { ...draft.fieldErrors, ...prepared.fieldErrors } };
  });
}

/**
 * A full, validated edit of a DRAFT or PUBLISHED listing (the kind cannot
 * change). A published listing stays published and gets a new version when
 * something investors read changed.
 */
export async function updateListing(actor: TActiveActor, id: string, input: TListingInput, meta: TRequestMeta): Promise<TListingSaved> {
  const result = await db().$transaction(async (tx) => {
    const listing = await lockListing(tx, actor, id);
    if (listing.status !== "DRAFT" && listing.status !== "PUBLISHED") throw conflict("errors.listing.notEditable");
    if (input.kind !== listing.kind) throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { kind: ["errors.listing.kindChange"] } });
    const prepared = await prepareFields(tx, { kind: listing.kind, fields: input as TFields, mode: "full", existingFacts: asObject(listing.facts) });
    return applyEdit(tx, listing, prepared, { actor, meta, action: "listing.updated" });
  });
  await scheduleListingRematch(id);
  return result;
}

// ───────────────────────────── workflow ─────────────────────────────

export type TTransitioned = { id: string; status: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CLOSED"; version: number };

/** The stored listing as ZListingInput-shaped input (what the editor would submit). Unscoped: callers check access first (lockListing). */
export async function readStoredListingInput(tx: Pick<TTx, "listing">, id: string): Promise<Record<string, unknown>> {
  const row = await tx.listing.findUniqueOrThrow({
    where: { id },
    select: {
      kind: true, title: true, titleJa: true, summary: true, summaryJa: true, description: true, sectorIds: true, province: true,
      district: true, zone: true, amountMinor: true, currency: true, instruments: true, stage: true, areaAcres: true, developer: true,
      plotsAvailable: true, facts: true, tags: true, contactName: true, contactEmail: true, contactPhone: true,
      incentives: {
        where: { supersededAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, templateId: true, name: true, nameJa: true, legalBasis: true, validFrom: true, validTo: true },
      },
    },
  });
  const stored: TStoredListing = { ...row, areaAcres: row.areaAcres?.toString() ?? null, currency: row.currency as TCurrency };
  return formValuesToInput(storedToFormValues(stored), "full");
}

/** DRAFT → SUBMITTED, once the stored listing passes the full schema (field errors otherwise). */
export async function submitListing(actor: TActiveActor, id: string, meta: TRequestMeta): Promise<TTransitioned> {
  return db().$transaction(async (tx) => {
    const listing = await lockListing(tx, actor, id);
    if (listing.status !== "DRAFT") throw conflict("errors.listing.notDraft");
    const checked = ZListingInput.safeParse(await readStoredListingInput(tx, id));
    if (!checked.success) throw new AppError("VALIDATION", "errors.listing.incomplete", { fieldErrors: toFieldErrors(checked.error) });
    await tx.listing.update({ where: { id }, data: { status: "SUBMITTED", submittedAt: new Date(), submittedById: actor.id }, select: { id: true } });
    await audit({ ...metaOf(actor, meta), action: "listing.submitted", targetType: "listing", targetId: id, data: { version: listing.version } }, tx);
    return { id, status: "SUBMITTED", version: listing.version };
  });
}

/** SUBMITTED → PUBLISHED (admin): records the published version's snapshot. */
export async function publishListing(admin: TActiveActor, id: string, meta: TRequestMeta): Promise<TTransitioned> {
  const result: TTransitioned = await db().$transaction(async (tx) => {
    const listing = await lockListing(tx, admin, id);
    if (listing.status !== "SUBMITTED") throw conflict("errors.listing.notSubmitted");
    const snapshot = await loadSnapshot(tx, id);
    const last = await tx.listingVersion.findFirst({ where: { listingId: id }, orderBy: { version: "desc" }, select: { version: true, snapshot: true } });
    const version = last ? last.version + 1 : listing.version;
    const changedFields = last ? diffVersions(last.snapshot as Partial<TListingSnapshot>, snapshot) : [];
    await tx.listingVersion.create({
      data: { listingId: id, version, snapshot: snapshot as unknown as Prisma.InputJsonObject, changedFields, createdById: admin.id },
    });
    await tx.listing.update({
      where: { id },
      data: { status: "PUBLISHED", publishedAt: new Date(), publishedById: admin.id, reviewComment: null, version },
      select: { id: true },
    });
    await audit({ ...metaOf(admin, meta), action: "listing.published", targetType: "listing", targetId: id, data: { version, changedFields } }, tx);
    return { id, status: "PUBLISHED", version };
  });
  await scheduleListingRematch(id);
  await scheduleSavedSearchAlerts();
  return result;
}

/** SUBMITTED → DRAFT (admin) with a comment the staff read in the editor. */
export async function sendBackListing(admin: TActiveActor, id: string, comment: string, meta: TRequestMeta): Promise<TTransitioned> {
  return db().$transaction(async (tx) => {
    const listing = await lockListing(tx, admin, id);
    if (listing.status !== "SUBMITTED") throw conflict("errors.listing.notSubmitted");
    await tx.listing.update({ where: { id }, data: { status: "DRAFT", reviewComment: comment }, select: { id: true } });
    if (listing.submittedById) {
      const { title } = await tx.listing.findUniqueOrThrow({ where: { id }, select: { title: true } });
      await notify(tx, { userIds: [listing.submittedById], kind: "LISTING_SENT_BACK", payload: { listingId: id, listingTitle: title } });
    }
    await audit({ ...metaOf(admin, meta), action: "listing.sentBack", targetType: "listing", targetId: id, data: { comment } }, tx);
    return { id, status: "DRAFT", version: listing.version };
  });
}

/** PUBLISHED → CLOSED: staff of the listing's agency, or an admin. */
export async function closeListing(actor: TActiveActor, id: string, meta: TRequestMeta): Promise<TTransitioned> {
  const result: TTransitioned = await db().$transaction(async (tx) => {
    const listing = await lockListing(tx, actor, id);
    if (listing.status !== "PUBLISHED") throw conflict("errors.listing.notPublished");
    await tx.listing.update({ where: { id }, data: { status: "CLOSED", closedAt: new Date(), closedById: actor.id }, select: { id: true } });
    await audit({ ...metaOf(actor, meta), action: "listing.closed", targetType: "listing", targetId: id, data: { version: listing.version } }, tx);
    return { id, status: "CLOSED", version: listing.version };
  });
  await scheduleListingRematch(id);
  return result;
}
