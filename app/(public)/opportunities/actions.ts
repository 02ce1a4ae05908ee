"use server";
import { revalidatePath } from "next/cache";
import { runServerAction } from "@/lib/auth/current";
import { createSavedSearchSpec } from "@/lib/saved-searches/actions";

/** "Save this search" on the opportunities page (investors). */
export async function createSavedSearchAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(createSavedSearchSpec, formData);
  if (result.ok) revalidatePath("/investor/searches");
  return result;
}
