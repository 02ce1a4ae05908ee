"use server";
import { revalidatePath } from "next/cache";
import { runServerAction } from "@/lib/auth/current";
import { expressInterestSpec } from "@/lib/interests/actions";

/** The "Express interest" form on a listing page and on each match card. */
export async function expressInterestAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(expressInterestSpec, formData);
  if (result.ok) {
    revalidatePath(`/opportunities/${result.data.listingId}`);
    revalidatePath("/investor/matches");
    revalidatePath("/investor/interests");
  }
  return result;
}
