"use server";
import { revalidatePath } from "next/cache";
import { approveStaffSpec, changeRoleSpec, reactivateUserSpec, rejectStaffSpec, suspendUserSpec } from "@/lib/accounts/actions";
import { runServerAction } from "@/lib/auth/current";

async function runAndRefresh<T>(result: Promise<T>): Promise<T> {
  const value = await result;
  // "layout": the list and every /admin/users/[id] page under it.
  revalidatePath("/admin/users", "layout");
  return value;
}

export async function approveStaffAction(_previous: unknown, formData: FormData) {
  return runAndRefresh(runServerAction(approveStaffSpec, formData));
}

export async function rejectStaffAction(_previous: unknown, formData: FormData) {
  return runAndRefresh(runServerAction(rejectStaffSpec, formData));
}

export async function changeRoleAction(_previous: unknown, formData: FormData) {
  return runAndRefresh(runServerAction(changeRoleSpec, formData));
}

export async function suspendUserAction(_previous: unknown, formData: FormData) {
  return runAndRefresh(runServerAction(suspendUserSpec, formData));
}

export async function reactivateUserAction(_previous: unknown, formData: FormData) {
  return runAndRefresh(runServerAction(reactivateUserSpec, formData));
}
