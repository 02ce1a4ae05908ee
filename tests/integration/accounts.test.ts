// Accounts end to end at the domain level: registration → verification email in
// the outbox → verified; staff approval emails; never removing the last admin;
// IDOR probes; cross-origin refusal on API writes.
import { describe, expect, it } from "vitest";
import {
  changeRoleSpec,
  registerInvestorSpec,
  requestPasswordResetSpec,
  requestStaffAccessSpec,
  resetPasswordSpec,
  suspendUserSpec,
  verifyEmailSpec,
  approveStaffSpec,
  rejectStaffSpec,
} from "@/lib/accounts/actions";
import { authenticate } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { latestEmailTo } from "@/lib/mail/outbox";
import { PATCH as patchListing } from "@/app/api/v1/listings/[id]/route";
import { GET as getProfile, PATCH as patchProfile } from "@/app/api/v1/investor-profiles/[id]/route";
import {
  TEST_META,
  TEST_PASSWORD,
  actorFor,
  createAgency,
  createInvestorWithProfile,
  createListingInState,
  createPublishedListing,
  createSector,
  createUser,
  sessionTokenFor,
  uniqueEmail,
} from "../support/factories";

function tokenFromLink(text: string, path: string): string {
  const match = text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
  expect(match, `no ${path} link in:\n${text}`).not.toBeNull();
  return match![1]!;
}

function jsonRequest(url: string, method: string, cookie: string, body?: unknown, origin?: string): Request {
  const headers = new Headers({ "content-type": "application/json", cookie: `next-auth.session-token=${cookie}` });
  if (origin) headers.set("origin", origin);
  return new Request(`http://localhost:3000${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe("investor registration", () => {
  it("registers PENDING, emails a verification link through the outbox, and activates on verification", async () => {
    const email = uniqueEmail("register");
    const registered = await invokeAction(registerInvestorSpec, { actor: null, meta: TEST_META }, {
      name: "Aiko Tanaka", email: email.toUpperCase(), password: TEST_PASSWORD, organizationName: "Sakura Partners", country: "jp", locale: "ja",
    });
    expect(registered.ok).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true, status: true, locale: true, country: true } });
    expect(user).toMatchObject({ status: "PENDING", locale: "ja", country: "JP" });

    await expect(authenticate({ email, password: TEST_PASSWORD, ip: "192.0.2.10", userAgent: null })).rejects.toMatchObject({ message: "errors.emailNotVerified" });

    const mail = await latestEmailTo(email);
    expect(mail?.template).toBe("emailVerification");
    const token = tokenFromLink(mail!.text, "/verify-email");
    expect(await db().authToken.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    expect(await invokeAction(verifyEmailSpec, { actor: null, meta: TEST_META }, { token })).toMatchObject({ ok: true, data: { verified: true } });
    expect(await invokeAction(verifyEmailSpec, { actor: null, meta: TEST_META }, { token })).toMatchObject({ ok: true, data: { verified: false } });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("ACTIVE");
    await expect(authenticate({ email, password: TEST_PASSWORD, ip: "192.0.2.11", userAgent: null })).resolves.toMatchObject({ id: user.id });
  });

  it("keeps field errors per field and writes nothing on bad input", async () => {
    const before = await db().user.count();
    const result = await invokeAction(registerInvestorSpec, { actor: null, meta: TEST_META }, {
      name: "", email: "not-an-email", password: "password1234", organizationName: "X", country: "Japan",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["country", "email", "name", "password"]);
    expect(result.fieldErrors?.password).toContain("errors.field.passwordCommon");
    expect(await db().user.count()).toBe(before);
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const email = uniqueEmail("twice");
    const input = { name: "A", email, password: TEST_PASSWORD, organizationName: "Org", country: "JP" };
    expect((await invokeAction(registerInvestorSpec, { actor: null, meta: TEST_META }, input)).ok).toBe(true);
    const again = await invokeAction(registerInvestorSpec, { actor: null, meta: TEST_META }, { ...input, email: email.toUpperCase() });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { email: ["errors.field.emailTaken"] } });
  });
});

describe("password reset", () => {
  it("answers the same for unknown emails, and a reset link works once and ends other sessions", async () => {
    const unknown = await invokeAction(requestPasswordResetSpec, { actor: null, meta: TEST_META }, { email: uniqueEmail("ghost") });
    const user = await createUser({ role: "INVESTOR", label: "reset" });
    const known = await invokeAction(requestPasswordResetSpec, { actor: null, meta: TEST_META }, { email: user.email });
    expect(known).toEqual(unknown);

    const before = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    const token = tokenFromLink((await latestEmailTo(user.email))!.text, "/reset-password");
    const newPassword = "A-brand-new-passphrase-7";
    expect((await invokeAction(resetPasswordSpec, { actor: null, meta: TEST_META }, { token, password: newPassword })).ok).toBe(true);
    expect(await invokeAction(resetPasswordSpec, { actor: null, meta: TEST_META }, { token, password: newPassword })).toMatchObject({ ok: false, code: "VALIDATION" });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await expect(authenticate({ email: user.email, password: newPassword, ip: "192.0.2.20", userAgent: null })).resolves.toMatchObject({ id: user.id });
  });

  it("activates a pending investor whose verification link was lost: the reset proves the address", async () => {
    const user = await createUser({ role: "INVESTOR", status: "PENDING", verified: false, label: "reset-pending" });
    await invokeAction(requestPasswordResetSpec, { actor: null, meta: TEST_META }, { email: user.email });
    const token = tokenFromLink((await latestEmailTo(user.email))!.text, "/reset-password");
    const newPassword = "Another-new-passphrase-8";
    expect((await invokeAction(resetPasswordSpec, { actor: null, meta: TEST_META }, { token, password: newPassword })).ok).toBe(true);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { status: true, emailVerifiedAt: true } });
    expect(after.status).toBe("ACTIVE");
    expect(after.emailVerifiedAt).not.toBeNull();
    await expect(authenticate({ email: user.email, password: newPassword, ip: "192.0.2.21", userAgent: null })).resolves.toMatchObject({ id: user.id });
  });

  it("leaves a pending staff request pending after a reset: only an admin approves staff", async () => {
    const user = await createUser({ role: "STAFF", status: "PENDING", verified: false, label: "reset-staff" });
    await invokeAction(requestPasswordResetSpec, { actor: null, meta: TEST_META }, { email: user.email });
    const token = tokenFromLink((await latestEmailTo(user.email))!.text, "/reset-password");
    expect((await invokeAction(resetPasswordSpec, { actor: null, meta: TEST_META }, { token, password: "Staff-new-passphrase-9" })).ok).toBe(true);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { status: true } });
    expect(after.status).toBe("PENDING");
  });
});

describe("staff access", () => {
  it("stays pending until an admin approves; approval and rejection are emailed and audited", async () => {
    const agency = await createAgency("PIEDMC test");
    const admin = await createUser({ role: "ADMIN", totp: true, label: "approver" });
    const emails = [uniqueEmail("staff-ok"), uniqueEmail("staff-no")];
    for (const email of emails) {
      const requested = await invokeAction(requestStaffAccessSpec, { actor: null, meta: TEST_META }, { name: "Staff", email, password: TEST_PASSWORD, agencyId: agency.id });
      expect(requested.ok).toBe(true);
    }
    const [ok, no] = await Promise.all(emails.map((email) => db().user.findUniqueOrThrow({ where: { email }, select: { id: true, status: true } })));
    expect(ok!.status).toBe("PENDING");

    const adminCtx = { actor: await actorFor(admin.id), meta: TEST_META };
    expect((await invokeAction(approveStaffSpec, adminCtx, { userId: ok!.id })).ok).toBe(true);
    expect((await invokeAction(rejectStaffSpec, adminCtx, { userId: no!.id, reason: "Not an agency address" })).ok).toBe(true);
    expect((await latestEmailTo(emails[0]!))?.template).toBe("staffApproved");
    expect((await latestEmailTo(emails[1]!))?.template).toBe("staffRejected");
    expect(await db().auditLog.count({ where: { actorId: admin.id, action: { in: ["user.staff_approved", "user.staff_rejected"] } } })).toBe(2);
    await expect(authenticate({ email: emails[0]!, password: TEST_PASSWORD, ip: "192.0.2.30", userAgent: null })).resolves.toMatchObject({ id: ok!.id });
  });
});

describe("the last admin", () => {
  it("can be neither demoted nor suspended", async () => {
    // Make this test's admin the only active one.
    await db().user.updateMany({ where: { role: "ADMIN", status: "ACTIVE" }, data: { status: "SUSPENDED" } });
    const admin = await createUser({ role: "ADMIN", totp: true, label: "only-admin" });
    const ctx = { actor: await actorFor(admin.id), meta: TEST_META };
    expect(await invokeAction(changeRoleSpec, ctx, { userId: admin.id, role: "INVESTOR" })).toMatchObject({ ok: false, code: "CONFLICT", message: "errors.lastAdmin" });
    expect(await invokeAction(suspendUserSpec, ctx, { userId: admin.id })).toMatchObject({ ok: false, code: "CONFLICT" });

    const second = await createUser({ role: "ADMIN", totp: true, label: "second-admin" });
    expect((await invokeAction(changeRoleSpec, ctx, { userId: second.id, role: "STAFF" })).ok).toBe(true);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.role_changed", targetId: second.id } });
    expect(audit.data).toMatchObject({ from: "ADMIN", to: "STAFF" });
  });
});

describe("IDOR probes", () => {
  it("investor B cannot read or change investor A's profile by id: 404 and nothing changes", async () => {
    const a = await createInvestorWithProfile("idor-a");
    const b = await createInvestorWithProfile("idor-b");
    const cookieB = await sessionTokenFor(b.id);
    const params = { params: Promise.resolve({ id: a.profileId }) };
    expect((await getProfile(jsonRequest(`/api/v1/investor-profiles/${a.profileId}`, "GET", cookieB), params)).status).toBe(404);
    const patched = await patchProfile(jsonRequest(`/api/v1/investor-profiles/${a.profileId}`, "PATCH", cookieB, { thesis: "hijacked" }), params);
    expect(patched.status).toBe(404);
    expect((await db().investorProfile.findUniqueOrThrow({ where: { id: a.profileId } })).thesis).toBe("idor-a thesis");

    const own = await patchProfile(jsonRequest(`/api/v1/investor-profiles/${a.profileId}`, "PATCH", await sessionTokenFor(a.id), { thesis: "Dairy in Punjab" }), params);
    expect(own.status).toBe(200);
    expect((await own.json()).thesis).toBe("Dairy in Punjab");
  });

  it("staff of agency Y cannot edit agency X's listing: 404 and nothing changes; X's staff can", async () => {
    const x = await createAgency("X");
    const y = await createAgency("Y");
    // Complete enough for the full-listing check a PATCH ends with.
    const listing = await createListingInState(x.id, "PUBLISHED", { sectorId: (await createSector("IDOR")).id });
    const staffY = await createUser({ role: "STAFF", organizationId: y.id, label: "staff-y" });
    const staffX = await createUser({ role: "STAFF", organizationId: x.id, label: "staff-x" });
    const params = { params: Promise.resolve({ id: listing.id }) };
    const refused = await patchListing(jsonRequest(`/api/v1/listings/${listing.id}`, "PATCH", await sessionTokenFor(staffY.id), { title: "Taken over" }), params);
    expect(refused.status).toBe(404);
    expect((await db().listing.findUniqueOrThrow({ where: { id: listing.id } })).title).toBe(listing.title);
    const allowed = await patchListing(jsonRequest(`/api/v1/listings/${listing.id}`, "PATCH", await sessionTokenFor(staffX.id), { title: "Renamed zone" }), params);
    expect(allowed.status).toBe(200);
  });

  it("malformed ids and bad bodies are 4xx with field errors, never 500", async () => {
    const x = await createAgency("X");
    const staffX = await createUser({ role: "STAFF", organizationId: x.id, label: "bad-input" });
    const cookie = await sessionTokenFor(staffX.id);
    const bad = await patchListing(jsonRequest("/api/v1/listings/not-a-uuid", "PATCH", cookie, { title: "x" }), { params: Promise.resolve({ id: "not-a-uuid" }) });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fieldErrors).toBeDefined();
    const listing = await createPublishedListing(x.id);
    const garbled = await patchListing(
      new Request(`http://localhost:3000/api/v1/listings/${listing.id}`, { method: "PATCH", headers: { cookie: `next-auth.session-token=${cookie}` }, body: "{oops" }),
      { params: Promise.resolve({ id: listing.id }) },
    );
    expect(garbled.status).toBe(422);
  });
});

describe("cross-origin writes", () => {
  it("a cookie-authenticated API write from a foreign Origin is refused and changes nothing", async () => {
    const x = await createAgency("X");
    const staffX = await createUser({ role: "STAFF", organizationId: x.id, label: "csrf" });
    const listing = await createPublishedListing(x.id);
    const response = await patchListing(
      jsonRequest(`/api/v1/listings/${listing.id}`, "PATCH", await sessionTokenFor(staffX.id), { title: "CSRF" }, "https://evil.example"),
      { params: Promise.resolve({ id: listing.id }) },
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("CROSS_ORIGIN");
    expect((await db().listing.findUniqueOrThrow({ where: { id: listing.id } })).title).toBe(listing.title);
  });
});
