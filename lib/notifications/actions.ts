// Action specs for a user's own notifications; the "use server" wrappers live in
// app/notifications/actions.ts.
import { z } from "zod";
import { requireUser } from "@/lib/auth/guards";
import { defineAction } from "@/lib/http/action";
import { markAllNotificationsRead, openNotification } from "./mutations";

export const ZOpenNotificationInput = z.object({ id: z.uuid("errors.field.invalidId") });

export const openNotificationSpec = defineAction({
  name: "openNotification",
  input: ZOpenNotificationInput,
  run: ({ actor }, input) => openNotification(requireUser(actor), input),
});

export const markAllNotificationsReadSpec = defineAction({
  name: "markAllNotificationsRead",
  input: z.object({}),
  run: ({ actor }) => markAllNotificationsRead(requireUser(actor)),
});
