// The moderation queue shows, for a listing published before, each field that
// changed since its last published version (old and new); a first submission
// says it is new.
import { describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db/client";
import { listModerationQueue } from "@/lib/listings/moderation-queries";
import { loadSnapshot } from "@/lib/listings/versions";
import { createAgency, createListingInState, createSector } from "../support/factories";

describe("listModerationQueue", () => {
  it("diffs a resubmitted listing field by field against its last published version", async () => {
    const agency = await createAgency("Moderation agency");
    const sector = await createSector("Moderation sector");
    const fresh = await createListingInState(agency.id, "SUBMITTED", { sectorId: sector.id, label: "Fresh" });
    const resubmitted = await createListingInState(agency.id, "SUBMITTED", { sectorId: sector.id, label: "Resubmitted" });
    const current = await loadSnapshot(db(), resubmitted.id);
    const v1 = { ...current, title: "Old title", stage: "FEASIBILITY", tags: ["jbic"] };
    const v2 = { ...current, title: "Older title", stage: "CONCEPT" };
    await db().listingVersion.createMany({
      data: [
        { listingId: resubmitted.id, version: 1, snapshot: v2 as unknown as Prisma.InputJsonObject, changedFields: [] },
        { listingId: resubmitted.id, version: 2, snapshot: v1 as unknown as Prisma.InputJsonObject, changedFields: ["basics"] },
      ],
    });

    const queue = await listModerationQueue("en");
    const first = queue.items.find((item) => item.id === fresh.id);
    expect(first).toMatchObject({ fieldChanges: null, publishedVersion: null, changedSincePublished: null });
    const again = queue.items.find((item) => item.id === resubmitted.id);
    expect(again?.publishedVersion).toBe(2);
    expect(again?.changedSincePublished).toEqual(["basics", "stage", "tags"]);
    expect(again?.fieldChanges?.map((change) => [change.field, change.before, change.after])).toEqual([
      ["title", { type: "text", text: "Old title" }, { type: "text", text: resubmitted.title }],
      ["stage", { type: "enum", enumName: "stage", values: ["FEASIBILITY"] }, { type: "enum", enumName: "stage", values: ["READY"] }],
      ["tags", { type: "list", values: ["jbic"] }, { type: "empty" }],
    ]);
  });
});
