// The audit log for admins: filters, keyset pages, and the CSV export route
// (admins only, same filters, formulas neutralised).
import { randomUUID } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit/log";
import { listAuditEntries } from "@/lib/audit/queries";
import { parseAuditFilters } from "@/lib/audit/schemas";
import { db } from "@/lib/db/client";
import { createUser, sessionTokenFor } from "../support/factories";

let admin: { id: string; email: string };
let staff: { id: string; email: string };
let other: { id: string; email: string };
const tag = randomUUID().slice(0, 8);
const targetId = randomUUID();

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function exportCsv(query: string, userId: string | null): Promise<Response> {
  const { GET } = (await import(/* @vite-ignore */ path.resolve("app/admin/audit/export.csv/route.ts"))) as { GET: THandler };
  const headers = new Headers();
  if (userId) headers.set("cookie", `next-auth.session-token=${await sessionTokenFor(userId)}`);
  return GET(new Request(`http://localhost:3000/admin/audit/export.csv${query}`, { headers }), { params: Promise.resolve({}) });
}

beforeAll(async () => {
  admin = await createUser({ role: "ADMIN", totp: true, label: `audit-admin-${tag}` });
  staff = await createUser({ role: "STAFF", label: `audit-staff-${tag}` });
  other = await createUser({ role: "INVESTOR", label: `audit-other-${tag}` });
  // Seven entries by `other` on one target; two of them dated in 2020.
  for (let n = 0; n < 5; n += 1) {
    await audit({ actorId: other.id, action: `test.${tag}.step`, targetType: "widget", targetId, data: { n } });
  }
  await audit({ actorId: other.id, action: `test.${tag}.formula`, targetType: "widget", targetId, data: { note: "=HYPERLINK(1)" }, userAgent: "=cmd|' /C calc'!A0" });
  await audit({ actorId: admin.id, action: `test.${tag}.other`, targetType: "widget", targetId: randomUUID() });
  await db().auditLog.updateMany({ where: { action: `test.${tag}.step`, data: { path: ["n"], equals: 0 } }, data: { createdAt: new Date("2020-05-01T10:00:00Z") } });
});

const parse = (query: Record<string, string>) => {
  const parsed = parseAuditFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.filters;
};

describe("listAuditEntries", () => {
  it("filters by a fragment of the actor's email, by action prefix and by target", async () => {
    const byActor = await listAuditEntries(parse({ actor: `audit-other-${tag}`.toUpperCase() }));
    expect(byActor.entries).toHaveLength(6);
    expect(new Set(byActor.entries.map((entry) => entry.actorEmail))).toEqual(new Set([other.email]));

    const byAction = await listAuditEntries(parse({ action: `test.${tag}.` }));
    expect(byAction.entries).toHaveLength(7);
    const byTarget = await listAuditEntries(parse({ targetType: "widget", targetId }));
    expect(byTarget.entries).toHaveLength(6);
    const exactAction = await listAuditEntries(parse({ action: `test.${tag}.formula` }));
    expect(exactAction.entries.map((entry) => entry.action)).toEqual([`test.${tag}.formula`]);
  });

  it("filters by an inclusive date range", async () => {
    const in2020 = await listAuditEntries(parse({ action: `test.${tag}.`, from: "2020-05-01", to: "2020-05-01" }));
    expect(in2020.entries).toHaveLength(1);
    const after = await listAuditEntries(parse({ action: `test.${tag}.`, from: "2020-05-02" }));
    expect(after.entries).toHaveLength(6);
  });

  it("pages newest first with a keyset cursor, without gaps or repeats", async () => {
    const filters = parse({ action: `test.${tag}.` });
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await listAuditEntries({ ...filters, before }, { pageSize: 3 });
      seen.push(...result.entries.map((entry) => entry.id));
      if (!result.nextBefore) break;
      before = result.nextBefore;
    }
    const all = (await listAuditEntries(filters)).entries.map((entry) => entry.id);
    expect(seen).toEqual(all);
    expect(all).toHaveLength(7);
    expect([...all].sort((a, b) => Number(BigInt(b) - BigInt(a)))).toEqual(all);
  });

  it("refuses a reversed date range and malformed dates with field errors", () => {
    expect(parseAuditFilters(new URLSearchParams({ from: "2024-02-02", to: "2024-02-01" }))).toMatchObject({ ok: false, fieldErrors: { to: ["errors.audit.dateRange"] } });
    expect(parseAuditFilters(new URLSearchParams({ from: "2024-02-31" }))).toMatchObject({ ok: false, fieldErrors: { from: ["errors.field.date"] } });
  });
});

describe("GET /admin/audit/export.csv", () => {
  it("gives admins the filtered entries as CSV, with formulas neutralised", async () => {
    const response = await exportCsv(`?action=test.${tag}.&actor=audit-other-${tag}`, admin.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines[0]).toBe("id,created_at,actor_email,actor_name,action,target_type,target_id,ip,user_agent,data");
    expect(lines).toHaveLength(7);
    expect(text).toContain(`'=cmd|' /C calc'!A0`);
    expect(text).not.toContain(`test.${tag}.other`);
  });

  it("refuses staff, anonymous callers and malformed filters", async () => {
    expect((await exportCsv("", staff.id)).status).toBe(403);
    expect((await exportCsv("", null)).status).toBe(401);
    expect((await exportCsv("?from=yesterday", admin.id)).status).toBe(422);
  });
});
