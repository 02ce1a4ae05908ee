// The investment profile: the ticket is typed in the investor's currency and
// stored in USD cents at the latest rate; the schema's field errors reach the
// caller; an investor reads and writes only their own profile, through the
// action spec and through GET/PUT /api/v1/me/profile.
import { beforeAll, describe, expect, it } from "vitest";
import { saveInvestorProfileSpec } from "@/lib/investors/actions";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { convertMinor, minorToDecimalString } from "@/lib/money/parse";
import { getLatestRates } from "@/lib/money/rates";
import { callRoute } from "../support/api";
import { TEST_META, actorFor, createInvestorWithProfile, createSector, createUser, sessionTokenFor } from "../support/factories";

let sectorId: string;
let childSectorId: string;

beforeAll(async () => {
  sectorId = (await createSector("Profile food")).id;
  childSectorId = (await createSector("Profile dairy", sectorId)).id;
  // The seed provides JPY→USD; make sure a rate exists even on a bare database, dated in the past so it never displaces a seeded one.
  const existing = await db().exchangeRate.findFirst({ where: { base: "JPY", quote: "USD" }, select: { id: true } });
  if (!existing) {
    await db().exchangeRate.create({ data: { base: "JPY", quote: "USD", rate: "0.00640000", asOf: new Date("2019-01-02T00:00:00Z"), source: "investor-profile test" } });
  }
});

const validInput = (overrides: Record<string, unknown> = {}) => ({
  sectorIds: [sectorId, childSectorId],
  ticketCurrency: "JPY",
  ticketMin: "750000000",
  ticketMax: "3000000000",
  anywhereInPakistan: false,
  provinces: ["PUNJAB", "SINDH"],
  districts: ["Faisalabad"],
  instruments: ["EQUITY", "JOINT_VENTURE"],
  stages: ["READY"],
  horizonYears: "10",
  thesis: "Dairy and food processing near Lahore.",
  ...overrides,
});

async function save(userId: string, input: Record<string, unknown>) {
  return invokeAction(saveInvestorProfileSpec, { actor: await actorFor(userId), meta: TEST_META }, input);
}

/** The latest JPY→USD rate as stored (a decimal string). */
async function latestJpyUsdRate(): Promise<string> {
  const direct = (await getLatestRates()).rates.find((rate) => rate.base === "JPY" && rate.quote === "USD");
  expect(direct, "a JPY→USD rate").toBeDefined();
  return direct!.rate;
}

describe("saveInvestorProfile", () => {
  it("converts a JPY ticket to USD cents with the latest rate, and marks the investor onboarded", async () => {
    const user = await createUser({ role: "INVESTOR", label: "profile-jpy" });
    // Another file may briefly add a newer rate while this runs: the save used the latest rate before or after it.
    const rateBefore = await latestJpyUsdRate();
    const result = await save(user.id, validInput());
    const rateAfter = await latestJpyUsdRate();
    expect(result.ok, JSON.stringify(result)).toBe(true);

    const row = await db().investorProfile.findUniqueOrThrow({ where: { userId: user.id } });
    const rate = row.ticketMinUsdCents === convertMinor(750_000_000n, "JPY", "USD", rateBefore) ? rateBefore : rateAfter;
    const min = convertMinor(750_000_000n, "JPY", "USD", rate);
    const max = convertMinor(3_000_000_000n, "JPY", "USD", rate);
    expect(row.ticketMinUsdCents).toBe(min);
    expect(row.ticketMaxUsdCents).toBe(max);
    // Independently of convertMinor: ¥750m × rate, in cents, to within rounding.
    expect(Math.abs(Number(min) - 750_000_000 * Number(rate) * 100)).toBeLessThanOrEqual(1);
    expect(row.ticketCurrency).toBe("JPY");
    expect(row.onboardedAt).toBeInstanceOf(Date);
    expect(row.horizonYears).toBe(10);
    expect(row.provinces).toEqual(["PUNJAB", "SINDH"]);

    const audit = await db().auditLog.findFirst({ where: { actorId: user.id, action: "investor_profile.created" }, select: { targetId: true } });
    expect(audit?.targetId).toBe(row.id);
    if (result.ok) {
      expect(result.data.ticketMinUsd).toBe(minorToDecimalString(min, "USD"));
      expect(result.data.ticketMaxUsd).toBe(minorToDecimalString(max, "USD"));
    }
  });

  it("keeps the first onboarding date on later saves and clears places when 'anywhere' is chosen", async () => {
    const user = await createUser({ role: "INVESTOR", label: "profile-resave" });
    expect((await save(user.id, validInput())).ok).toBe(true);
    const first = await db().investorProfile.findUniqueOrThrow({ where: { userId: user.id }, select: { onboardedAt: true } });
    const again = await save(user.id, validInput({ ticketCurrency: "USD", ticketMin: "5000000", ticketMax: "20000000.5", anywhereInPakistan: true }));
    expect(again.ok, JSON.stringify(again)).toBe(true);
    const row = await db().investorProfile.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.onboardedAt).toEqual(first.onboardedAt);
    expect(row.ticketMinUsdCents).toBe(500_000_000n);
    expect(row.ticketMaxUsdCents).toBe(2_000_000_050n);
    expect(row.provinces).toEqual([]);
    expect(row.districts).toEqual([]);
    expect(await db().investorProfile.count({ where: { userId: user.id } })).toBe(1);
  });

  it.each([
    ["min > max", { ticketMin: "3000000000", ticketMax: "750000000" }, "ticketMax", "errors.field.ticketOrder"],
    ["decimals in JPY", { ticketMin: "1000.5" }, "ticketMin", "errors.field.amount"],
    ["no sector", { sectorIds: [] }, "sectorIds", "errors.field.sectorsMin"],
    ["no stage", { stages: [] }, "stages", "errors.field.stagesMin"],
    ["nowhere", { provinces: [], districts: [] }, "provinces", "errors.field.locationMin"],
    ["horizon too long", { horizonYears: 51 }, "horizonYears", "errors.field.range"],
    ["too many districts", { districts: Array.from({ length: 21 }, (_, i) => `District ${i}`) }, "districts", "errors.field.tooMany"],
  ])("refuses %s with a field error and writes nothing", async (_label, overrides, field, message) => {
    const user = await createUser({ role: "INVESTOR", label: "profile-invalid" });
    const result = await save(user.id, validInput(overrides));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!result.ok) expect(result.fieldErrors?.[field]).toContain(message);
    expect(await db().investorProfile.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a sector that does not exist", async () => {
    const user = await createUser({ role: "INVESTOR", label: "profile-unknown-sector" });
    const result = await save(user.id, validInput({ sectorIds: ["00000000-0000-4000-8000-000000000000"] }));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { sectorIds: ["errors.field.sectorUnknown"] } });
  });

  it("is refused to staff and admins, and writes nothing", async () => {
    for (const role of ["STAFF", "ADMIN"] as const) {
      const user = await createUser({ role, label: `profile-${role.toLowerCase()}`, totp: role === "ADMIN" });
      const result = await save(user.id, validInput());
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await db().investorProfile.count({ where: { userId: user.id } })).toBe(0);
    }
  });
});

describe("GET/PUT /api/v1/me/profile", () => {
  it("saves and reads the caller's own profile, money as decimal strings", async () => {
    const investor = await createUser({ role: "INVESTOR", label: "api-profile" });
    const cookie = await sessionTokenFor(investor.id);

    const none = await callRoute("api/v1/me/profile", "/api/v1/me/profile", { cookie });
    expect(none.status).toBe(404);

    const put = await callRoute("api/v1/me/profile", "/api/v1/me/profile", { method: "PUT", cookie, body: validInput({ ticketCurrency: "USD", ticketMin: "5000000", ticketMax: "20000000.25", horizonYears: 12 }) });
    expect(put.status, await put.clone().text()).toBe(200);
    const saved = (await put.json()) as Record<string, unknown>;
    expect(saved).toMatchObject({ ticketCurrency: "USD", ticketMin: "5000000", ticketMax: "20000000.25", ticketMinUsd: "5000000", ticketMaxUsd: "20000000.25", horizonYears: 12 });

    const get = await callRoute("api/v1/me/profile", "/api/v1/me/profile", { cookie });
    expect(get.status).toBe(200);
    const read = (await get.json()) as Record<string, unknown>;
    expect(read).toMatchObject({ id: saved.id, ticketMaxUsd: "20000000.25", sectorIds: [sectorId, childSectorId] });
    expect(typeof read.onboardedAt).toBe("string");
    expect(read).not.toHaveProperty("userId");
  });

  it("gives a JPY ticket back in JPY as typed, with the stored USD beside it", async () => {
    const investor = await createUser({ role: "INVESTOR", label: "api-profile-jpy" });
    const cookie = await sessionTokenFor(investor.id);
    const put = await callRoute("api/v1/me/profile", "/api/v1/me/profile", { method: "PUT", cookie, body: validInput() });
    expect(put.status, await put.clone().text()).toBe(200);
    const row = await db().investorProfile.findUniqueOrThrow({ where: { userId: investor.id }, select: { ticketMinUsdCents: true } });
    const read = (await (await callRoute("api/v1/me/profile", "/api/v1/me/profile", { cookie })).json()) as Record<string, unknown>;
    expect(read).toMatchObject({ ticketCurrency: "JPY", ticketMin: "750000000", ticketMax: "3000000000", ticketMinUsd: minorToDecimalString(row.ticketMinUsdCents!, "USD") });
  });

  it("answers min > max with 422 and the field error", async () => {
    const investor = await createUser({ role: "INVESTOR", label: "api-profile-invalid" });
    const response = await callRoute("api/v1/me/profile", "/api/v1/me/profile", {
      method: "PUT",
      cookie: await sessionTokenFor(investor.id),
      body: validInput({ ticketMin: "9000000000", ticketMax: "1" }),
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; fieldErrors: Record<string, string[]> } };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.fieldErrors.ticketMax).toContain("errors.field.ticketOrder");
  });

  it("lets no one read or change another investor's profile", async () => {
    const owner = await createInvestorWithProfile("api-profile-owner");
    const other = await createInvestorWithProfile("api-profile-other");
    const before = await db().investorProfile.findUniqueOrThrow({ where: { id: owner.profileId } });

    // The other investor's GET and PUT reach only their own profile: there is no id to point elsewhere.
    const otherCookie = await sessionTokenFor(other.id);
    const read = (await (await callRoute("api/v1/me/profile", "/api/v1/me/profile", { cookie: otherCookie })).json()) as { id: string };
    expect(read.id).toBe(other.profileId);
    const put = await callRoute("api/v1/me/profile", `/api/v1/me/profile?id=${owner.profileId}`, { method: "PUT", cookie: otherCookie, body: validInput({ ticketCurrency: "USD" }) });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { id: string }).id).toBe(other.profileId);
    // An id smuggled into the body is refused by the strict schema.
    const smuggled = await callRoute("api/v1/me/profile", "/api/v1/me/profile", { method: "PUT", cookie: otherCookie, body: { ...validInput({ ticketCurrency: "USD" }), id: owner.profileId, userId: owner.id } });
    expect(smuggled.status).toBe(422);
    expect(await db().investorProfile.findUniqueOrThrow({ where: { id: owner.profileId } })).toEqual(before);
  });

  it("is 401 anonymous and 403 for staff", async () => {
    expect((await callRoute("api/v1/me/profile", "/api/v1/me/profile")).status).toBe(401);
    expect((await callRoute("api/v1/me/profile", "/api/v1/me/profile", { method: "PUT", body: validInput() })).status).toBe(401);
    const staff = await createUser({ role: "STAFF", label: "api-profile-staff" });
    const cookie = await sessionTokenFor(staff.id);
    expect((await callRoute("api/v1/me/profile", "/api/v1/me/profile", { cookie })).status).toBe(403);
    expect((await callRoute("api/v1/me/profile", "/api/v1/me/profile", { method: "PUT", cookie, body: validInput() })).status).toBe(403);
  });
});
