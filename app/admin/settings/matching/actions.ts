"use server";
import { revalidatePath } from "next/cache";
import { runServerAction } from "@/lib/auth/current";
import { previewMatchingWeightsSpec, saveMatchingWeightsSpec } from "@/lib/matching/review-actions";

export async function saveMatchingWeightsAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(saveMatchingWeightsSpec, formData);
  if (result.ok) revalidatePath("/admin/settings/matching");
  return result;
}

/** Reads only: scores a sample investor with the proposed settings. */
export async function previewMatchingWeightsAction(input: Record<string, unknown>) {
  return runServerAction(previewMatchingWeightsSpec, input);
}
