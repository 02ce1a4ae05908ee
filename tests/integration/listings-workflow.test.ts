// The listing workflow end to end against a real database, through the action
// specs (the same path as the editor): draft → autosave → submit (refused while
// incomplete) → sent back → fixed → resubmitted → published (version 1) → edited
// while published (version 2, "incentives" changed, saved-listing notice) → closed.
// Another agency's staff can do none of it, and every transition is audited.
import { beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import {
  closeListingSpec,
  createListingDraftSpec,
  publishListingSpec,
  saveListingDraftSpec,
  sendBackListingSpec,
  submitListingSpec,
  updateListingSpec,
} from "@/lib/listings/actions";
import { formValuesToInput, storedToFormValues, type TListingFormValues } from "@/lib/listings/form-values";
import { getChangeNotice, markSeen } from "@/lib/listings/versions";
import {
  TEST_META,
  actorFor,
  createAgency,
  createIncentiveTemplate,
  createInvestorWithProfile,
  createListingInState,
  createSector,
  createUser,
} from "../support/factories";

type TFx = {
  staffA: TActor;
  staffB: TActor;
  admin: TActor;
  investorId: string;
  sectorIds: [string, string];
  template: { id: string; nameEn: string; nameJa: string; legalBasis: string };
};
let fx: TFx;
let listingId: string;

const ctx = (actor: TActor) => ({ actor, meta: TEST_META });

async function expectOk<T>(promise: Promise<{ ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

async function listingRow() {
  return db().listing.findUniqueOrThrow({ where: { id: listingId } });
}

async function auditActions(): Promise<string[]> {
  const rows = await db().auditLog.findMany({ where: { targetType: "listing", targetId: listingId }, orderBy: { id: "asc" }, select: { action: true } });
  return rows.map((row) => row.action);
}

/** The editor's values for the stored listing, as the edit page loads them. */
async function editorValues(): Promise<TListingFormValues> {
  const row = await db().listing.findUniqueOrThrow({
    where: { id: listingId },
    include: { incentives: { where: { supersededAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  return storedToFormValues({ ...row, areaAcres: row.areaAcres?.toString() ?? null });
}

beforeAll(async () => {
  const agencyA = await createAgency("Workflow agency A");
  const agencyB = await createAgency("Workflow agency B");
  const parent = await createSector("Manufacturing");
  const [childA, childB] = [await createSector("Auto parts", parent.id), await createSector("Electronics", parent.id)];
  const investor = await createInvestorWithProfile("workflow-investor");
  fx = {
    staffA: (await actorFor((await createUser({ role: "STAFF", organizationId: agencyA.id, label: "wf-staff-a" })).id))!,
    staffB: (await actorFor((await createUser({ role: "STAFF", organizationId: agencyB.id, label: "wf-staff-b" })).id))!,
    admin: (await actorFor((await createUser({ role: "ADMIN", totp: true, label: "wf-admin" })).id))!,
    investorId: investor.id,
    sectorIds: [childA.id, childB.id],
    template: await createIncentiveTemplate("Customs exemption"),
  };
});

describe("listing workflow", () => {
  it("creates a draft from a kind alone", async () => {
    const created = await expectOk(invokeAction(createListingDraftSpec, ctx(fx.staffA), { kind: "SEZ" }));
    listingId = created.id;
    const row = await listingRow();
    expect(row).toMatchObject({ status: "DRAFT", kind: "SEZ", title: "", createdById: fx.staffA.id });
    expect(row.agencyId).toBe(fx.staffA.organizationId);
    expect(created.completeness).toBeGreaterThanOrEqual(0);
  });

  it("autosaves a partial draft, storing the valid fields and reporting the others", async () => {
    const saved = await expectOk(
      invokeAction(saveListingDraftSpec, ctx(fx.staffA), {
        id: listingId,
        title: "Faisalabad Auto Cluster",
        summary: "Short",
        investment: { amount: "not money", currency: "USD" },
        facts: { powerMw: "40", portKm: "-3", gas: "available" },
      }),
    );
    expect(saved.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(saved.fieldErrors["investment.amount"]).toEqual(["errors.field.amount"]);
    expect(saved.fieldErrors["facts.portKm"]).toEqual(["errors.field.range"]);
    const row = await listingRow();
    expect(row.title).toBe("Faisalabad Auto Cluster");
    expect(row.summary).toBe("Short");
    expect(row.amountMinor).toBeNull();
    expect(row.facts).toEqual({ powerMw: 40, gas: "available" });
    expect(row.completeness).toBe(saved.completeness);
    expect(saved.missing).toContain("listingEditor.hints.sectors");
  });

  it("refuses to submit an incomplete draft with field errors, changing nothing", async () => {
    const result = await invokeAction(submitListingSpec, ctx(fx.staffA), { id: listingId });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    expect(result.fieldErrors).toMatchObject({
      summary: ["errors.field.tooShort"],
      sectorIds: ["errors.field.sectorsMin"],
      instruments: ["errors.field.instrumentsMin"],
    });
    expect((await listingRow()).status).toBe("DRAFT");
  });

  it("submits once complete; the admin sends it back with a comment the staff can read", async () => {
    const values = await editorValues();
    await expectOk(
      invokeAction(saveListingDraftSpec, ctx(fx.staffA), {
        id: listingId,
        ...formValuesToInput(
          {
            ...values,
            summary: "A special economic zone for automotive suppliers on the M-4 motorway, with plots for lease.",
            sectorIds: [fx.sectorIds[0]],
            instruments: ["PLOT_LEASE"],
            stage: "READY",
            province: "PUNJAB",
            district: "Faisalabad",
            investment: { amount: "12500000.50", currency: "USD" },
            incentives: [
              { key: "a", templateId: fx.template.id, name: fx.template.nameEn, nameJa: "", legalBasis: "", validFrom: "2020-07-01", validTo: "2035-06-30" },
            ],
            facts: { ...values.facts, portKm: "1100", areaAcres: "3217" },
          },
          "draft",
        ),
      }),
    );
    const row = await listingRow();
    expect(row.amountMinor).toBe(1_250_000_050n);
    expect(row.amountUsdCents).toBe(1_250_000_050n);
    expect(row.areaAcres?.toString()).toBe("3217");
    expect(row.facts).toEqual({ powerMw: 40, gas: "available", portKm: 1100 });

    expect((await expectOk(invokeAction(submitListingSpec, ctx(fx.staffA), { id: listingId }))).status).toBe("SUBMITTED");
    // Submitted listings are locked for staff until the admin decides.
    const locked = await invokeAction(saveListingDraftSpec, ctx(fx.staffA), { id: listingId, title: "Changed while in review" });
    expect(locked).toMatchObject({ ok: false, code: "CONFLICT", message: "errors.listing.notDraft" });

    const noComment = await invokeAction(sendBackListingSpec, ctx(fx.admin), { id: listingId, comment: "" });
    expect(noComment).toMatchObject({ ok: false, code: "VALIDATION" });
    await expectOk(invokeAction(sendBackListingSpec, ctx(fx.admin), { id: listingId, comment: "Please add the Japanese summary." }));
    const sentBack = await listingRow();
    expect(sentBack).toMatchObject({ status: "DRAFT", reviewComment: "Please add the Japanese summary." });
  });

  it("resubmits after the fix; the admin publishes version 1 with a snapshot", async () => {
    await expectOk(invokeAction(saveListingDraftSpec, ctx(fx.staffA), { id: listingId, summaryJa: "M-4高速道路沿いの自動車部品産業向け経済特区。" }));
    await expectOk(invokeAction(submitListingSpec, ctx(fx.staffA), { id: listingId }));
    const published = await expectOk(invokeAction(publishListingSpec, ctx(fx.admin), { id: listingId }));
    expect(published).toMatchObject({ status: "PUBLISHED", version: 1 });
    const row = await listingRow();
    expect(row).toMatchObject({ status: "PUBLISHED", publishedById: fx.admin.id, reviewComment: null, version: 1 });
    const versions = await db().listingVersion.findMany({ where: { listingId } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, changedFields: [] });
    expect(versions[0]!.snapshot).toMatchObject({ title: "Faisalabad Auto Cluster", incentives: [{ templateId: fx.template.id, validTo: "2035-06-30" }] });
  });

  it("versions an edit of the published listing and tells investors who saved it", async () => {
    await db().savedListing.create({ data: { userId: fx.investorId, listingId, seenVersion: 1 } });
    expect(await getChangeNotice(fx.investorId, listingId)).toBeNull();

    const values = await editorValues();
    const edited = formValuesToInput(
      { ...values, incentives: values.incentives.map((incentive) => ({ ...incentive, validTo: "2030-06-30" })) },
      "full",
    );
    const saved = await expectOk(invokeAction(updateListingSpec, ctx(fx.staffA), { id: listingId, ...edited }));
    expect(saved).toMatchObject({ status: "PUBLISHED", version: 2, changedFields: ["incentives"] });

    const row = await listingRow();
    expect(row).toMatchObject({ status: "PUBLISHED", version: 2 });
    const v2 = await db().listingVersion.findUniqueOrThrow({ where: { listingId_version: { listingId, version: 2 } } });
    expect(v2.changedFields).toEqual(["incentives"]);
    // The old record is ended, not deleted: the history shows the change.
    const incentives = await db().incentive.findMany({ where: { listingId }, orderBy: { createdAt: "asc" } });
    expect(incentives).toHaveLength(2);
    expect(incentives[0]!.supersededAt).not.toBeNull();
    expect(incentives[1]).toMatchObject({ supersededAt: null, validTo: new Date("2030-06-30T00:00:00Z") });

    const notice = await getChangeNotice(fx.investorId, listingId);
    expect(notice).toMatchObject({ changedFields: ["incentives"], version: 2 });
    expect(notice!.changedAt).toBeInstanceOf(Date);
    const notifications = await db().notification.findMany({ where: { userId: fx.investorId, kind: "LISTING_UPDATED" } });
    expect(notifications).toHaveLength(1);
    await markSeen(fx.investorId, listingId);
    expect(await getChangeNotice(fx.investorId, listingId)).toBeNull();

    // Saving the same state again is not a new version.
    const again = await expectOk(invokeAction(updateListingSpec, ctx(fx.staffA), { id: listingId, ...edited }));
    expect(again).toMatchObject({ version: 2, changedFields: [] });
  });

  it("refuses another agency's staff: edit, autosave, submit and close are 'not found' and change nothing", async () => {
    const before = await listingRow();
    const values = formValuesToInput(await editorValues(), "full");
    for (const [spec, input] of [
      [updateListingSpec, { id: listingId, ...values, title: "Hijacked title" }],
      [saveListingDraftSpec, { id: listingId, title: "Hijacked title" }],
      [submitListingSpec, { id: listingId }],
      [closeListingSpec, { id: listingId }],
    ] as const) {
      const result = await invokeAction(spec as typeof submitListingSpec, ctx(fx.staffB), input);
      expect(result, spec.name).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await listingRow()).toEqual(before);
  });

  it("refuses wrong-state transitions with a conflict", async () => {
    expect(await invokeAction(submitListingSpec, ctx(fx.staffA), { id: listingId })).toMatchObject({ ok: false, code: "CONFLICT", message: "errors.listing.notDraft" });
    expect(await invokeAction(publishListingSpec, ctx(fx.admin), { id: listingId })).toMatchObject({ ok: false, code: "CONFLICT", message: "errors.listing.notSubmitted" });
  });

  it("closes the listing and has audited every transition", async () => {
    expect((await expectOk(invokeAction(closeListingSpec, ctx(fx.staffA), { id: listingId }))).status).toBe("CLOSED");
    expect(await listingRow()).toMatchObject({ status: "CLOSED", closedById: fx.staffA.id });
    expect(await auditActions()).toEqual([
      "listing.created",
      "listing.submitted",
      "listing.sentBack",
      "listing.submitted",
      "listing.published",
      "listing.updated",
      "listing.closed",
    ]);
  });

  it("keeps fact keys the editor does not know (e.g. from the seed) when saving", async () => {
    const created = await expectOk(invokeAction(createListingDraftSpec, ctx(fx.staffA), { kind: "NATIONAL_PROJECT", title: "Copper project" }));
    await db().listing.update({ where: { id: created.id }, data: { facts: { operator: "Barrick", financing: { packageUsdMillions: 3500 } } } });
    await expectOk(
      invokeAction(saveListingDraftSpec, ctx(fx.staffA), {
        id: created.id,
        facts: { sponsor: "BMRL", totalCost: { amount: "5500000000", currency: "USD" }, timelineStart: "2025-01-01" },
      }),
    );
    const row = await db().listing.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.facts).toEqual({
      operator: "Barrick",
      financing: { packageUsdMillions: 3500 },
      sponsor: "BMRL",
      totalCost: { amount: "5500000000", currency: "USD" },
      timelineStart: "2025-01-01",
    });
  });

  it("gives a listing published before versions were recorded (the seed) its base version on first edit", async () => {
    const seeded = await createListingInState(fx.staffA.organizationId!, "PUBLISHED", { sectorId: fx.sectorIds[0], label: "Seeded zone" });
    listingId = seeded.id;
    const values = await editorValues();
    const saved = await expectOk(invokeAction(updateListingSpec, ctx(fx.staffA), { id: seeded.id, ...formValuesToInput({ ...values, stage: "OPERATING" }, "full") }));
    expect(saved).toMatchObject({ version: 2, changedFields: ["stage"] });
    const versions = await db().listingVersion.findMany({ where: { listingId: seeded.id }, orderBy: { version: "asc" } });
    expect(versions.map((version) => [version.version, version.changedFields])).toEqual([[1, []], [2, ["stage"]]]);
    expect(versions[0]!.snapshot).toMatchObject({ stage: "READY" });
    expect(versions[1]!.snapshot).toMatchObject({ stage: "OPERATING" });
  });

  it("rejects unknown sectors and a second agency's attempt to autosave a draft", async () => {
    const created = await expectOk(invokeAction(createListingDraftSpec, ctx(fx.staffA), { kind: "PLOT" }));
    const saved = await expectOk(
      invokeAction(saveListingDraftSpec, ctx(fx.staffA), { id: created.id, sectorIds: ["00000000-0000-4000-8000-000000000000"], title: "Plot 7" }),
    );
    expect(saved.fieldErrors.sectorIds).toEqual(["errors.field.invalidId"]);
    expect((await db().listing.findUniqueOrThrow({ where: { id: created.id } })).title).toBe("Plot 7");
    expect(await invokeAction(saveListingDraftSpec, ctx(fx.staffB), { id: created.id, title: "Mine now" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
