// Admins add dated exchange rates: validated, stored with their inverse, audited.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { addExchangeRateSpec } from "@/lib/money/actions";
import { convertWithRates, getLatestRates } from "@/lib/money/rates";
import { TEST_META, actorFor, createUser } from "../support/factories";

let adminId: string;
// A date no other test uses for rates, in the past.
const asOf = `2019-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;

beforeAll(async () => {
  adminId = (await createUser({ role: "ADMIN", totp: true, label: "rates-admin" })).id;
});

async function add(input: Record<string, unknown>) {
  return invokeAction(addExchangeRateSpec, { actor: await actorFor(adminId), meta: TEST_META }, input);
}

describe("addExchangeRate", () => {
  it("stores the rate and its inverse for the date, and audits it", async () => {
    const result = await add({ base: "USD", quote: "PKR", rate: "280.5", asOf, source: "Test" });
    expect(result).toMatchObject({ ok: true, data: { rate: "280.5", inverse: "0.00356506", replaced: false } });
    const rows = await db().exchangeRate.findMany({ where: { asOf: new Date(`${asOf}T00:00:00Z`) }, select: { base: true, quote: true, rate: true, createdById: true } });
    expect(rows.map((row) => `${row.base}/${row.quote} ${row.rate.toString()} ${row.createdById}`).sort()).toEqual([
      `PKR/USD 0.00356506 ${adminId}`,
      `USD/PKR 280.5 ${adminId}`,
    ]);
    const audit = await db().auditLog.findFirst({ where: { actorId: adminId, action: "exchangeRate.added" }, orderBy: { id: "desc" }, select: { data: true } });
    expect(audit?.data).toMatchObject({ base: "USD", quote: "PKR", rate: "280.5", asOf, previous: null });
  });

  it("replaces the rate of an existing pair and date, keeping the previous value in the audit", async () => {
    const result = await add({ base: "USD", quote: "PKR", rate: "281.25", asOf });
    expect(result).toMatchObject({ ok: true, data: { replaced: true } });
    const audit = await db().auditLog.findFirst({ where: { actorId: adminId, action: "exchangeRate.replaced" }, orderBy: { id: "desc" }, select: { data: true } });
    expect(audit?.data).toMatchObject({ rate: "281.25", previous: "280.5" });
  });

  it.each([
    [{ base: "USD", quote: "USD", rate: "1", asOf }, "quote", "errors.rates.samePair"],
    [{ base: "USD", quote: "PKR", rate: "0", asOf }, "rate", "errors.rates.rate"],
    [{ base: "USD", quote: "PKR", rate: "-3", asOf }, "rate", "errors.rates.rate"],
    [{ base: "USD", quote: "PKR", rate: "1.123456789", asOf }, "rate", "errors.rates.rate"],
    [{ base: "USD", quote: "PKR", rate: "abc", asOf }, "rate", "errors.rates.rate"],
    [{ base: "USD", quote: "EUR", rate: "1", asOf }, "quote", "errors.field.invalidChoice"],
    [{ base: "USD", quote: "PKR", rate: "280", asOf: "2999-01-01" }, "asOf", "errors.rates.dateFuture"],
    [{ base: "USD", quote: "PKR", rate: "280", asOf: "2025-02-30" }, "asOf", "errors.field.date"],
  ])("refuses %j", async (input, field, message) => {
    const result = await add(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.[field]).toContain(message);
  });

  it("is refused to anyone but an admin", async () => {
    const staff = await createUser({ role: "STAFF", label: "rates-staff" });
    const result = await invokeAction(addExchangeRateSpec, { actor: await actorFor(staff.id), meta: TEST_META }, { base: "USD", quote: "PKR", rate: "1", asOf });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("feeds the conversions once it is the latest rate", async () => {
    const today = new Date().toISOString().slice(0, 10);
    await add({ base: "JPY", quote: "USD", rate: "0.0064", asOf: today });
    try {
      const table = await getLatestRates();
      // 1 USD = 156.25 JPY (the inverse stored with it), so 100 USD → 15,625 JPY.
      expect(convertWithRates(10_000n, "USD", "JPY", table)).toBe(15_625n);
    } finally {
      // Other test files convert with the seeded rates: leave them the latest again.
      await db().exchangeRate.deleteMany({ where: { asOf: new Date(`${today}T00:00:00Z`), base: { in: ["JPY", "USD"] }, quote: { in: ["JPY", "USD"] } } });
    }
  });
});
