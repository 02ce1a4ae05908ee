"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runServerAction } from "@/lib/auth/current";
import { dismissMatchSpec } from "@/lib/matching/actions";

/** The Dismiss form on each match card: a plain form post, then back to the list with the outcome. */
export async function dismissMatchAction(formData: FormData): Promise<void> {
  const result = await runServerAction(dismissMatchSpec, formData);
  if (result.ok) revalidatePath("/investor/matches");
  redirect(result.ok ? "/investor/matches?dismissed=1" : `/investor/matches?error=${encodeURIComponent(result.message)}`);
}
