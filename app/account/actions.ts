"use server";
import {
  changePasswordSpec,
  confirmTotpEnrolmentSpec,
  signOutEverywhereSpec,
  startTotpEnrolmentSpec,
  updateAccountSpec,
} from "@/lib/accounts/actions";
import { runServerAction } from "@/lib/auth/current";

export async function updateAccountAction(_previous: unknown, formData: FormData) {
  return runServerAction(updateAccountSpec, formData);
}

export async function changePasswordAction(_previous: unknown, formData: FormData) {
  return runServerAction(changePasswordSpec, formData);
}

export async function signOutEverywhereAction(_previous: unknown, _formData: FormData) {
  return runServerAction(signOutEverywhereSpec, {});
}

export async function startTotpEnrolmentAction(_previous: unknown, _formData: FormData) {
  return runServerAction(startTotpEnrolmentSpec, {});
}

export async function confirmTotpEnrolmentAction(_previous: unknown, formData: FormData) {
  return runServerAction(confirmTotpEnrolmentSpec, formData);
}
