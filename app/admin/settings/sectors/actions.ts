"use server";
import { revalidatePath } from "next/cache";
import { runServerAction } from "@/lib/auth/current";
import { addSectorSpec, mergeSectorsSpec, renameSectorSpec } from "@/lib/sectors/actions";

async function refreshed<T extends { ok: boolean }>(result: Promise<T>): Promise<T> {
  const value = await result;
  if (value.ok) revalidatePath("/admin/settings/sectors");
  return value;
}

export async function addSectorAction(_previous: unknown, formData: FormData) {
  return refreshed(runServerAction(addSectorSpec, formData));
}

export async function renameSectorAction(_previous: unknown, formData: FormData) {
  return refreshed(runServerAction(renameSectorSpec, formData));
}

export async function mergeSectorsAction(_previous: unknown, formData: FormData) {
  return refreshed(runServerAction(mergeSectorsSpec, formData));
}
