"use server";
import { revalidatePath } from "next/cache";
import { runServerAction } from "@/lib/auth/current";
import { addInterestNoteSpec, changeInterestStatusSpec } from "@/lib/interests/actions";

export async function changeInterestStatusAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(changeInterestStatusSpec, formData);
  if (result.ok) {
    revalidatePath(`/staff/leads/${result.data.id}`);
    revalidatePath("/staff/leads");
  }
  return result;
}

export async function addInterestNoteAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(addInterestNoteSpec, formData);
  if (result.ok) revalidatePath(`/staff/leads/${String(formData.get("interestId") ?? "")}`);
  return result;
}
