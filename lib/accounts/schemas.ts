// One zod schema per input, shared by forms, server actions and the API.
// Messages are catalog keys (errors.field.*) so every locale reads its own.
import { z } from "zod";
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-policy";

export const ZEmail = z
  .string({ error: "errors.field.required" })
  .trim()
  .toLowerCase()
  .max(254, "errors.field.tooLong")
  .pipe(z.email("errors.field.email"));

export const ZNewPassword = z
  .string({ error: "errors.field.required" })
  .min(PASSWORD_MIN, "errors.field.passwordTooShort")
  .max(PASSWORD_MAX, "errors.field.tooLong")
  .refine((value) => !isCommonPassword(value), "errors.field.passwordCommon");

const ZName = z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(120, "errors.field.tooLong");
export const ZLocale = z.enum(["en", "ja"], { error: "errors.field.invalidChoice" });
const ZCountry = z
  .string({ error: "errors.field.required" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "errors.field.country");

export const ZRegisterInvestor = z.object({
  name: ZName,
  email: ZEmail,
  password: ZNewPassword,
  organizationName: z.string().trim().min(1, "errors.field.required").max(200, "errors.field.tooLong"),
  country: ZCountry,
  locale: ZLocale.default("en"),
});

export const ZRequestStaffAccess = z.object({
  name: ZName,
  email: ZEmail,
  password: ZNewPassword,
  agencyId: z.uuid("errors.field.invalidChoice"),
  jobTitle: z.string().trim().max(120, "errors.field.tooLong").optional().default(""),
  locale: ZLocale.default("en"),
});

export const ZToken = z.object({ token: z.string().trim().min(10, "errors.field.token").max(200, "errors.field.token") });

export const ZRequestPasswordReset = z.object({ email: ZEmail });

export const ZResetPassword = z.object({ token: ZToken.shape.token, password: ZNewPassword });

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, "errors.field.required").max(PASSWORD_MAX, "errors.field.tooLong"),
  newPassword: ZNewPassword,
});

export const ZUpdateAccount = z.object({
  name: ZName,
  locale: ZLocale,
  notificationMode: z.enum(["IMMEDIATE", "DAILY_DIGEST"], { error: "errors.field.invalidChoice" }),
});

export const ZTotpCode = z.object({ code: z.string().trim().regex(/^\d{6}$/, "errors.field.totpCode") });

export const ZEmpty = z.object({}).strict();

export const ZUserRef = z.object({ userId: z.uuid("errors.field.invalidId") });

export const ZRejectStaff = ZUserRef.extend({
  reason: z.string().trim().max(500, "errors.field.tooLong").optional().default(""),
});

export const ZChangeRole = ZUserRef.extend({
  role: z.enum(["INVESTOR", "STAFF", "ADMIN"], { error: "errors.field.invalidChoice" }),
});
