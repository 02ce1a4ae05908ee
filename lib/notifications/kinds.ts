// What a notification says and where it leads, as a pure function of its kind and
// payload: the bell, the notifications page and the emails all render through it,
// so the three can never disagree. Texts live in the catalogs under
// "notifications.kinds.<KIND>"; payloads carry everything the text needs (titles,
// names) so rendering never reads the database.

export const NOTIFICATION_KINDS = [
  "MATCH_APPROVED",
  "MATCH_INTRODUCED",
  "INTEREST_RECEIVED",
  "INTEREST_STATUS_CHANGED",
  "LISTING_UPDATED",
  "LISTING_SENT_BACK",
  "SAVED_SEARCH_MATCHES",
] as const;

export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type TNotificationPayload = Record<string, string | number | boolean | null | string[] | undefined>;

export type TNotificationView = {
  /** Catalog key under "notifications.kinds". */
  key: TNotificationKind | "UNKNOWN";
  /** ICU parameters of that message (strings and numbers only). */
  params: Record<string, string | number>;
  /** Path inside the app, starting with "/". */
  href: string;
};

export function isNotificationKind(value: unknown): value is TNotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

function text(payload: TNotificationPayload, field: string): string {
  const value = payload[field];
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function id(payload: TNotificationPayload, field: string): string {
  const value = text(payload, field);
  // Ids come from our own writes; anything else must not be spliced into a path.
  return /^[0-9a-f-]{36}$/i.test(value) ? value : "";
}

/** The text key, its parameters and the link of one notification. */
export function describeNotification(kind: string, payload: TNotificationPayload): TNotificationView {
  const listingTitle = text(payload, "listingTitle");
  switch (kind) {
    case "MATCH_APPROVED":
      return { key: kind, params: { listingTitle, score: Number(payload.score ?? 0) }, href: "/investor/matches" };
    case "MATCH_INTRODUCED":
      return {
        key: kind,
        params: { listingTitle, counterpart: text(payload, "counterpart") },
        href: payload.audience === "STAFF" ? "/staff/leads" : "/investor/matches",
      };
    case "INTEREST_RECEIVED":
      return {
        key: kind,
        params: { listingTitle, investorName: text(payload, "investorName") },
        href: id(payload, "interestId") ? `/staff/leads/${id(payload, "interestId")}` : "/staff/leads",
      };
    case "INTEREST_STATUS_CHANGED":
      return { key: kind, params: { listingTitle, status: text(payload, "status") }, href: "/investor/interests" };
    case "LISTING_UPDATED":
      return {
        key: kind,
        params: { listingTitle },
        href: id(payload, "listingId") ? `/opportunities/${id(payload, "listingId")}` : "/opportunities",
      };
    case "LISTING_SENT_BACK":
      return {
        key: kind,
        params: { listingTitle },
        href: id(payload, "listingId") ? `/staff/listings/${id(payload, "listingId")}` : "/staff/listings",
      };
    case "SAVED_SEARCH_MATCHES":
      return { key: kind, params: { searchName: text(payload, "searchName"), count: Number(payload.count ?? 0) }, href: "/investor/searches" };
    default:
      return { key: "UNKNOWN", params: {}, href: "/notifications" };
  }
}
