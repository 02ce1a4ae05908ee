// Sign-in: throttling (per account and per IP, Postgres-backed), second factor,
// and sessions that die on the next request after a suspension, demotion,
// password change or sign-out-everywhere.
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { invokeAction } from "@/lib/http/action";
import { confirmTotpEnrolmentSpec, startTotpEnrolmentSpec, approveStaffSpec } from "@/lib/accounts/actions";
import { authenticate } from "@/lib/auth/sign-in";
import { decodeSessionCookie, PRIVILEGED_SESSION_MS, resolveSessionActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { TEST_PASSWORD, actorFor, createUser, sessionTokenFor } from "../support/factories";

async function attempt(email: string, password: string, ip: string | null, totp?: string) {
  try {
    return { ok: true as const, user: await authenticate({ email, password, ip, userAgent: "vitest", totp }) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false as const, code: error.code, message: error.message, params: error.details.params };
  }
}

// A new address every call: a random draw from 250 could repeat one that an earlier test locked out.
let ipCount = 0;
function uniqueIp(): string {
  ipCount += 1;
  return `198.51.${100 + Math.floor(ipCount / 250)}.${(ipCount % 250) + 1}`;
}

describe("sign-in throttling", () => {
  it("refuses the 6th try within 15 minutes even with the right password, says how long to wait, and audits it", async () => {
    const user = await createUser({ role: "INVESTOR", label: "throttle" });
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) {
      const result = await attempt(user.email, "wrong-password-123", ip);
      expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED", message: "errors.invalidCredentials" });
    }
    const sixth = await attempt(user.email, TEST_PASSWORD, ip);
    expect(sixth).toMatchObject({ ok: false, code: "RATE_LIMITED", message: "errors.signInLocked" });
    expect(sixth.ok ? 0 : Number(sixth.params?.minutes)).toBeGreaterThanOrEqual(14);
    expect(sixth.ok ? 0 : Number(sixth.params?.minutes)).toBeLessThanOrEqual(15);

    const entries = await db().auditLog.groupBy({ by: ["action"], where: { targetId: user.id }, _count: true });
    const counts = Object.fromEntries(entries.map((entry) => [entry.action, entry._count]));
    expect(counts["auth.sign_in.failed"]).toBe(5);
    expect(counts["auth.lockout"]).toBe(1);
    const refused = await db().auditLog.count({ where: { action: "auth.sign_in.refused_locked", targetId: user.email } });
    expect(refused).toBe(1);
    const failure = await db().auditLog.findFirstOrThrow({ where: { targetId: user.id, action: "auth.sign_in.failed" } });
    expect(failure.ip).toBe(ip);
  });

  it("limits per IP across accounts, and does not reveal whether an email exists", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) {
      const result = await attempt(`nobody-${i}-${ip}@test.kizuna.example`, "whatever-password", ip);
      expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED", message: "errors.invalidCredentials" });
    }
    const user = await createUser({ role: "INVESTOR", label: "same-ip" });
    expect(await attempt(user.email, TEST_PASSWORD, ip)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await attempt(user.email, TEST_PASSWORD, uniqueIp())).toMatchObject({ ok: true });
  });

  it("does not pool attempts whose address is unknown: one client cannot lock out everyone without one", async () => {
    for (let i = 0; i < 6; i++) {
      const result = await attempt(`nobody-unknown-${i}-${Date.now()}@test.kizuna.example`, "whatever-password", null);
      expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    }
    const user = await createUser({ role: "INVESTOR", label: "no-ip" });
    expect(await attempt(user.email, TEST_PASSWORD, null)).toMatchObject({ ok: true });
    // The account limit still holds without an address.
    for (let i = 0; i < 5; i++) await attempt(user.email, "wrong-password-123", null);
    expect(await attempt(user.email, TEST_PASSWORD, null)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  it("refuses pending staff and suspended users with a clear reason", async () => {
    const pending = await createUser({ role: "STAFF", status: "PENDING", label: "pending" });
    const suspended = await createUser({ role: "INVESTOR", status: "SUSPENDED", label: "suspended" });
    expect(await attempt(pending.email, TEST_PASSWORD, uniqueIp())).toMatchObject({ ok: false, message: "errors.pending" });
    expect(await attempt(suspended.email, TEST_PASSWORD, uniqueIp())).toMatchObject({ ok: false, message: "errors.suspended" });
  });
});

describe("second factor", () => {
  it("admins without 2FA are sent to enrol; enrolment needs a real code; sign-in then needs it too", async () => {
    const admin = await createUser({ role: "ADMIN", label: "admin-2fa" });
    const pendingStaff = await createUser({ role: "STAFF", status: "PENDING", label: "awaiting" });
    const meta = { ip: uniqueIp(), userAgent: "vitest", origin: null };

    const beforeEnrolment = await invokeAction(approveStaffSpec, { actor: await actorFor(admin.id), meta }, { userId: pendingStaff.id });
    expect(beforeEnrolment).toMatchObject({ ok: false, code: "TOTP_ENROLMENT_REQUIRED" });

    const started = await invokeAction(startTotpEnrolmentSpec, { actor: await actorFor(admin.id), meta }, {});
    expect(started.ok).toBe(true);
    const secret = started.ok ? started.data.secret : "";
    expect(started.ok && started.data.qrSvg).toContain("<svg");

    const wrong = await invokeAction(confirmTotpEnrolmentSpec, { actor: await actorFor(admin.id), meta }, { code: "123456" });
    expect(wrong).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db().auditLog.count({ where: { action: "auth.totp.failed", targetId: admin.id } })).toBe(1);

    const confirmed = await invokeAction(confirmTotpEnrolmentSpec, { actor: await actorFor(admin.id), meta }, { code: await generate({ secret }) });
    expect(confirmed.ok).toBe(true);
    expect(confirmed.ok ? confirmed.data.recoveryCodes : []).toHaveLength(10);

    const afterEnrolment = await invokeAction(approveStaffSpec, { actor: await actorFor(admin.id), meta }, { userId: pendingStaff.id });
    expect(afterEnrolment.ok).toBe(true);

    const ip = uniqueIp();
    expect(await attempt(admin.email, TEST_PASSWORD, ip)).toMatchObject({ ok: false, code: "TOTP_REQUIRED" });
    expect(await attempt(admin.email, TEST_PASSWORD, ip, "000000")).toMatchObject({ ok: false, message: "errors.totpInvalid" });
    expect(await db().auditLog.count({ where: { action: "auth.totp.failed", targetId: admin.id } })).toBe(2);
    expect(await attempt(admin.email, TEST_PASSWORD, ip, await generate({ secret }))).toMatchObject({ ok: true });

    // A recovery code works once.
    const recovery = confirmed.ok ? confirmed.data.recoveryCodes[0]! : "";
    expect(await attempt(admin.email, TEST_PASSWORD, uniqueIp(), recovery)).toMatchObject({ ok: true });
    expect(await attempt(admin.email, TEST_PASSWORD, uniqueIp(), recovery)).toMatchObject({ ok: false, message: "errors.totpInvalid" });
  });
});

describe("sessions are decided from the database on every request", () => {
  it("a suspension, a demotion or a session-version bump ends a live session", async () => {
    const admin = await createUser({ role: "ADMIN", totp: true, label: "live" });
    const cookie = await sessionTokenFor(admin.id);
    const resolve = async () => resolveSessionActor(await decodeSessionCookie(cookie));
    expect((await resolve())?.role).toBe("ADMIN");

    await db().user.update({ where: { id: admin.id }, data: { role: "INVESTOR" } });
    expect((await resolve())?.role).toBe("INVESTOR"); // read from the database, not the token

    await db().user.update({ where: { id: admin.id }, data: { status: "SUSPENDED" } });
    expect((await resolve())?.status).toBe("SUSPENDED");

    await db().user.update({ where: { id: admin.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await resolve()).toBeNull();
  });

  it("staff and admin sessions end 12 hours after sign-in; investors' do not", async () => {
    const staff = await createUser({ role: "STAFF", label: "old-session" });
    const investor = await createUser({ role: "INVESTOR", label: "old-session" });
    const longAgo = Date.now() - PRIVILEGED_SESSION_MS - 60_000;
    expect(await resolveSessionActor(await decodeSessionCookie(await sessionTokenFor(staff.id, longAgo)))).toBeNull();
    expect(await resolveSessionActor(await decodeSessionCookie(await sessionTokenFor(investor.id, longAgo)))).not.toBeNull();
  });

  it("a forged or garbled cookie is no session", async () => {
    expect(await decodeSessionCookie("not-a-jwt")).toBeNull();
    expect(await decodeSessionCookie(undefined)).toBeNull();
  });
});
