"use server";
import { revalidatePath } from "next/cache";
import { runServerAction } from "@/lib/auth/current";
import { addExchangeRateSpec } from "@/lib/money/actions";

export async function addExchangeRateAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(addExchangeRateSpec, formData);
  if (result.ok) revalidatePath("/admin/rates");
  return result;
}
