"use server";
import { revalidatePath } from "next/cache";
import { runServerAction } from "@/lib/auth/current";
import { saveInvestorProfileSpec } from "@/lib/investors/actions";

/** The wizard sends its whole state as one object (lists stay lists); the spec validates it. */
export async function saveInvestorProfileAction(input: unknown) {
  const raw = typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const result = await runServerAction(saveInvestorProfileSpec, raw);
  if (result.ok) {
    revalidatePath("/investor/profile");
    revalidatePath("/account");
  }
  return result;
}
