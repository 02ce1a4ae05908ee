"use server";
// Thin wrappers: every server action is a spec from lib/, run for this request.
import {
  registerInvestorSpec,
  requestPasswordResetSpec,
  requestStaffAccessSpec,
  resetPasswordSpec,
  verifyEmailSpec,
} from "@/lib/accounts/actions";
import { runServerAction } from "@/lib/auth/current";

export async function registerInvestorAction(_previous: unknown, formData: FormData) {
  return runServerAction(registerInvestorSpec, formData);
}

export async function requestStaffAccessAction(_previous: unknown, formData: FormData) {
  return runServerAction(requestStaffAccessSpec, formData);
}

export async function verifyEmailAction(_previous: unknown, formData: FormData) {
  return runServerAction(verifyEmailSpec, formData);
}

export async function requestPasswordResetAction(_previous: unknown, formData: FormData) {
  return runServerAction(requestPasswordResetSpec, formData);
}

export async function resetPasswordAction(_previous: unknown, formData: FormData) {
  return runServerAction(resetPasswordSpec, formData);
}
