// The query of GET /api/v1/me/notifications and the shape it answers with (also
// the OpenAPI document's schemas; checked against the DTO type below).
import { z } from "zod";
import { NOTIFICATION_KINDS } from "./kinds";
import { NOTIFICATION_PAGE_SIZE } from "./queries";

export const ZMyNotificationsQuery = z.object({
  cursor: z.string().max(500, "errors.field.tooLong").optional(),
  limit: z.coerce.number("errors.field.integer").int("errors.field.integer").min(1, "errors.field.range").max(NOTIFICATION_PAGE_SIZE.max, "errors.field.range").default(NOTIFICATION_PAGE_SIZE.default),
});

export const ZMyNotification = z
  .object({
    id: z.uuid(),
    kind: z.string().meta({ description: `One of ${NOTIFICATION_KINDS.join(", ")} (more may be added).`, example: "MATCH_APPROVED" }),
    text: z.string().meta({ description: "What happened, in the caller's language.", example: "New match: Faisalabad dairy park (score 82)" }),
    href: z.string().meta({ description: "Path of the page it leads to, inside the app.", example: "/investor/matches" }),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Notification" });

export const ZMyNotificationsPage = z
  .object({
    unread: z.int().min(0).meta({ description: "How many of the caller's notifications are unread (the bell's count).", example: 3 }),
    items: z.array(ZMyNotification),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "MyNotificationsPage" });

export type TMyNotificationsPage = z.infer<typeof ZMyNotificationsPage>;
