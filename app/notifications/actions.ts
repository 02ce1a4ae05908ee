"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runServerAction } from "@/lib/auth/current";
import { markAllNotificationsReadSpec, openNotificationSpec } from "@/lib/notifications/actions";

/** Opening a notification marks it read, then follows it; the layout is revalidated so the bell count drops. */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const result = await runServerAction(openNotificationSpec, formData);
  if (!result.ok) redirect(`/notifications?error=${encodeURIComponent(result.message)}`);
  revalidatePath("/", "layout");
  redirect(result.data.href);
}

export async function markAllNotificationsReadAction(formData: FormData): Promise<void> {
  const result = await runServerAction(markAllNotificationsReadSpec, formData);
  if (!result.ok) redirect(`/notifications?error=${encodeURIComponent(result.message)}`);
  revalidatePath("/", "layout");
  redirect("/notifications?marked=1");
}
