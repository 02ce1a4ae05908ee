// Reads behind the account and admin pages: DTOs only (no hashes, no TOTP
// secrets), search and pagination that behave, agencies only in the agency list.
import { describe, expect, it } from "vitest";
import { requestStaffAccessSpec } from "@/lib/accounts/actions";
import { getAccount, listAgencies, listPendingStaff, listUsers, USERS_PAGE_SIZE } from "@/lib/accounts/queries";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { TEST_META, TEST_PASSWORD, createAgency, createUser, uniqueEmail } from "../support/factories";

const SECRET_KEYS = ["passwordHash", "totpSecretEnc", "sessionVersion"];

describe("account queries", () => {
  it("getAccount returns the profile DTO and nothing secret", async () => {
    const agency = await createAgency("Query agency");
    await db().organization.update({ where: { id: agency.id }, data: { nameJa: "クエリ機関" } });
    const user = await createUser({ role: "STAFF", organizationId: agency.id, totp: true, label: "account-dto" });
    const account = await getAccount(user.id, "ja");
    expect(Object.keys(account!).sort()).toEqual(
      ["email", "locale", "name", "notificationMode", "organizationName", "role", "totpEnabled", "totpEnabledAt"].sort(),
    );
    expect(account).toMatchObject({ email: user.email, role: "STAFF", totpEnabled: true, organizationName: "クエリ機関" });
    expect(await getAccount("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("listAgencies lists agencies only", async () => {
    const agency = await createAgency("Listed agency");
    const investorFirm = await db().organization.create({ data: { kind: "INVESTOR_FIRM", name: uniqueEmail("firm") }, select: { id: true } });
    const agencies = await listAgencies("en");
    expect(agencies.map((a) => a.id)).toContain(agency.id);
    expect(agencies.map((a) => a.id)).not.toContain(investorFirm.id);
    expect(Object.keys(agencies[0]!).sort()).toEqual(["id", "name"]);
  });

  it("listPendingStaff shows pending staff with agency and job title", async () => {
    const agency = await createAgency("Pending agency");
    const email = uniqueEmail("pending-staff");
    const requested = await invokeAction(
      requestStaffAccessSpec,
      { actor: null, meta: TEST_META },
      { name: "Pending Person", email, password: TEST_PASSWORD, agencyId: agency.id, jobTitle: "Investment officer" },
    );
    expect(requested.ok).toBe(true);
    const active = await createUser({ role: "STAFF", organizationId: agency.id, label: "active-staff" });
    const pending = await listPendingStaff("en");
    expect(pending.find((row) => row.email === email)).toMatchObject({ name: "Pending Person", agencyName: agency.name, jobTitle: "Investment officer" });
    expect(pending.some((row) => row.id === active.id)).toBe(false);
  });

  it("listUsers searches name and email case-insensitively, pages by 25 with a keyset cursor and never returns secrets", async () => {
    const marker = `pager${Date.now().toString(36)}`;
    for (let i = 0; i < USERS_PAGE_SIZE + 2; i += 1) await createUser({ role: "INVESTOR", label: `${marker}-${i}` });
    const first = await listUsers({ q: marker.toUpperCase() });
    expect(first.total).toBe(USERS_PAGE_SIZE + 2);
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    expect(first.nextAfter).not.toBeNull();
    const second = await listUsers({ q: marker, after: first.nextAfter! });
    expect(second.users).toHaveLength(2);
    expect(second.nextAfter).toBeNull();
    expect(new Set([...first.users, ...second.users].map((u) => u.id)).size).toBe(USERS_PAGE_SIZE + 2);
    // Newest first, ties broken by id: the two pages continue one order.
    const all = [...first.users, ...second.users];
    for (let i = 1; i < all.length; i += 1) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(a.createdAt.getTime() > b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && a.id > b.id)).toBe(true);
    }
    // A cursor that cannot be read starts from the top rather than failing.
    expect((await listUsers({ q: marker, after: "garbage" })).users).toHaveLength(USERS_PAGE_SIZE);
    for (const user of first.users) for (const key of SECRET_KEYS) expect(user).not.toHaveProperty(key);
    expect((await listUsers({ q: `${marker}-nobody` })).total).toBe(0);
  });

  it("listUsers filters by role and status", async () => {
    const marker = `filter${Date.now().toString(36)}`;
    await createUser({ role: "STAFF", status: "PENDING", label: `${marker}-pending` });
    await createUser({ role: "STAFF", status: "ACTIVE", label: `${marker}-staff` });
    await createUser({ role: "INVESTOR", status: "SUSPENDED", label: `${marker}-suspended` });
    expect((await listUsers({ q: marker, role: "STAFF" })).total).toBe(2);
    expect((await listUsers({ q: marker, role: "STAFF", status: "PENDING" })).users.map((u) => u.status)).toEqual(["PENDING"]);
    expect((await listUsers({ q: marker, status: "SUSPENDED" })).users.map((u) => u.role)).toEqual(["INVESTOR"]);
    expect((await listUsers({ q: marker, role: "ADMIN" })).total).toBe(0);
  });
});
