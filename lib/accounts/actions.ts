// Action specs for accounts: input schema + guard + domain verb. The "use server"
// wrappers in app/ call these through runServerAction; the authorization matrix
// test calls them through invokeAction with every kind of actor.
import { requireRole, requireUser } from "@/lib/auth/guards";
import { defineAction } from "@/lib/http/action";
import { approveStaff, changeRole, reactivateUser, rejectStaff, suspendUser } from "./admin";
import {
  changePassword,
  registerInvestor,
  requestPasswordReset,
  requestStaffAccess,
  resetPassword,
  signOutEverywhere,
  updateAccount,
  verifyEmail,
} from "./mutations";
import {
  ZChangePassword,
  ZChangeRole,
  ZEmpty,
  ZRegisterInvestor,
  ZRejectStaff,
  ZRequestPasswordReset,
  ZRequestStaffAccess,
  ZResetPassword,
  ZToken,
  ZTotpCode,
  ZUpdateAccount,
  ZUserRef,
} from "./schemas";
import { confirmTotpEnrolment, startTotpEnrolment } from "./second-factor";

// Public: anyone may call these; they reveal nothing about other accounts.
export const registerInvestorSpec = defineAction({
  name: "registerInvestor",
  input: ZRegisterInvestor,
  run: ({ meta }, input) => registerInvestor(input, meta),
});

export const requestStaffAccessSpec = defineAction({
  name: "requestStaffAccess",
  input: ZRequestStaffAccess,
  run: ({ meta }, input) => requestStaffAccess(input, meta),
});

export const verifyEmailSpec = defineAction({
  name: "verifyEmail",
  input: ZToken,
  run: ({ meta }, input) => verifyEmail(input.token, meta),
});

export const requestPasswordResetSpec = defineAction({
  name: "requestPasswordReset",
  input: ZRequestPasswordReset,
  run: ({ meta }, input) => requestPasswordReset(input, meta),
});

export const resetPasswordSpec = defineAction({
  name: "resetPassword",
  input: ZResetPassword,
  run: ({ meta }, input) => resetPassword(input, meta),
});

// Signed-in users, on their own account only (the actor is the target).
export const changePasswordSpec = defineAction({
  name: "changePassword",
  input: ZChangePassword,
  run: ({ actor, meta }, input) => changePassword(requireUser(actor), input, meta),
});

export const signOutEverywhereSpec = defineAction({
  name: "signOutEverywhere",
  input: ZEmpty,
  run: ({ actor, meta }) => signOutEverywhere(requireUser(actor), meta),
});

export const updateAccountSpec = defineAction({
  name: "updateAccount",
  input: ZUpdateAccount,
  run: ({ actor, meta }, input) => updateAccount(requireUser(actor), input, meta),
});

// Second factor: staff and admins (admins must; investors have no use for it yet).
export const startTotpEnrolmentSpec = defineAction({
  name: "startTotpEnrolment",
  input: ZEmpty,
  run: ({ actor }) => startTotpEnrolment(requireUserWithRole(actor)),
});

export const confirmTotpEnrolmentSpec = defineAction({
  name: "confirmTotpEnrolment",
  input: ZTotpCode,
  run: ({ actor, meta }, input) => confirmTotpEnrolment(requireUserWithRole(actor), input.code, meta),
});

function requireUserWithRole(actor: Parameters<typeof requireUser>[0]) {
  const user = requireUser(actor);
  if (user.role === "INVESTOR") return requireRole(actor, "STAFF", "ADMIN");
  return user;
}

// Admins only.
export const approveStaffSpec = defineAction({
  name: "approveStaff",
  input: ZUserRef,
  run: ({ actor, meta }, input) => approveStaff(requireRole(actor, "ADMIN"), input, meta),
});

export const rejectStaffSpec = defineAction({
  name: "rejectStaff",
  input: ZRejectStaff,
  run: ({ actor, meta }, input) => rejectStaff(requireRole(actor, "ADMIN"), input, meta),
});

export const changeRoleSpec = defineAction({
  name: "changeRole",
  input: ZChangeRole,
  run: ({ actor, meta }, input) => changeRole(requireRole(actor, "ADMIN"), input, meta),
});

export const suspendUserSpec = defineAction({
  name: "suspendUser",
  input: ZUserRef,
  run: ({ actor, meta }, input) => suspendUser(requireRole(actor, "ADMIN"), input, meta),
});

export const reactivateUserSpec = defineAction({
  name: "reactivateUser",
  input: ZUserRef,
  run: ({ actor, meta }, input) => reactivateUser(requireRole(actor, "ADMIN"), input, meta),
});
