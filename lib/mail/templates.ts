// Transactional email templates in English and Japanese. Each template is a pure
// function of (params, locale) → { subject, text, html }; the words live in the
// message catalogs (namespace "mail") so translators see them with the rest of
// the UI. Rendering happens when the email is written to the outbox, so the row
// holds exactly what the recipient receives.
import { createTranslator } from "next-intl";
import type { TLocale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";

export type TTemplateParams = {
  emailVerification: { name: string; url: string };
  passwordReset: { name: string; url: string };
  staffApproved: { name: string; signInUrl: string };
  staffRejected: { name: string; reason?: string };
  passwordChanged: { name: string };
  /** One notification, its text already rendered in the recipient's language (lib/notifications/render.ts). */
  notification: { name: string; text: string; url: string };
  /** The daily digest: the user's unemailed notifications, newest first; `total` may exceed the items shown. */
  notificationDigest: { name: string; items: { text: string; url: string }[]; total: number };
  /**
   * An admin introduces an investor and a listing's agency: each side gets the
   * other's contact details. `counterpart` names the other side in one line.
   */
  introduction: {
    name: string;
    audience: "INVESTOR" | "AGENCY";
    listingTitle: string;
    counterpart: string;
    contact: { name: string | null; organization: string | null; email: string | null; phone: string | null };
    note?: string | null;
    url: string;
  };
};

export type TTemplateName = keyof TTemplateParams;

export type TRenderedEmail = { subject: string; text: string; html: string };

export const TEMPLATE_NAMES = [
  "emailVerification",
  "passwordReset",
  "staffApproved",
  "staffRejected",
  "passwordChanged",
  "notification",
  "notificationDigest",
  "introduction",
] as const satisfies readonly TTemplateName[];

export function isTemplateName(value: unknown): value is TTemplateName {
  return typeof value === "string" && (TEMPLATE_NAMES as readonly string[]).includes(value);
}

// The Japanese catalog has the same keys as the English one (a unit test holds
// them together), so the English type describes both.
const CATALOGS: Record<TLocale, typeof en> = { en, ja };

function mailTranslator(locale: TLocale) {
  return createTranslator({
    locale,
    messages: CATALOGS[locale],
    namespace: "mail",
    // A missing key or argument must fail the send, not mail "mail.x.y" to a user.
    onError: (error) => {
      throw error;
    },
  });
}

type TMailTranslator = ReturnType<typeof mailTranslator>;

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Links in emails must be absolute http(s) URLs: a relative or javascript: URL is a bug upstream. */
function assertLinkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Email link is not an absolute URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error(`Email link must use http or https: ${JSON.stringify(url)}`);
  }
  return url;
}

// A message is a short list of blocks rendered twice, as plain text and as HTML,
// so the two bodies can never say different things.
type TBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "note"; text: string }
  | { kind: "button"; label: string; url: string }
  | { kind: "item"; text: string; url: string };

type TMessage = { subject: string; name: string; blocks: TBlock[] };

const STYLE = {
  body: "margin:0;padding:0;background-color:#f5f5f4;",
  container:
    "max-width:560px;margin:0 auto;padding:32px 24px;background-color:#ffffff;color:#1c1917;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI','Hiragino Sans','Noto Sans JP','Yu Gothic',Arial,sans-serif;font-size:16px;line-height:1.6;",
  brand: "margin:0 0 24px;font-size:20px;font-weight:600;color:#0c2c21;",
  paragraph: "margin:0 0 16px;",
  note: "margin:0 0 16px;font-size:14px;color:#57534e;",
  button:
    "display:inline-block;padding:12px 20px;border-radius:6px;background-color:#1f6b52;color:#ffffff;font-weight:600;text-decoration:none;",
  link: "color:#17543f;word-break:break-all;",
  footer: "margin:24px 0 0;padding-top:16px;border-top:1px solid #e7e5e4;font-size:12px;color:#78716c;",
} as const;

function renderText(t: TMailTranslator, message: TMessage): string {
  const lines: string[] = [t("common.greeting", { name: message.name }), ""];
  for (const block of message.blocks) {
    // The link sits alone on its line so mail clients (and tests) can pick it out whole.
    if (block.kind === "button") lines.push(t("common.linkLine", { action: block.label }), block.url, "");
    else if (block.kind === "item") lines.push(`• ${block.text}`, `  ${block.url}`, "");
    else lines.push(block.text, "");
  }
  // "-- " (with the space) is the signature delimiter mail clients recognise.
  lines.push(t("common.signature"), "", "-- ", t("common.footer"));
  return lines.join("\n") + "\n";
}

function renderHtml(t: TMailTranslator, locale: TLocale, message: TMessage): string {
  const parts: string[] = [`<p style="${STYLE.paragraph}">${escapeHtml(t("common.greeting", { name: message.name }))}</p>`];
  for (const block of message.blocks) {
    if (block.kind === "paragraph") parts.push(`<p style="${STYLE.paragraph}">${escapeHtml(block.text)}</p>`);
    else if (block.kind === "note") parts.push(`<p style="${STYLE.note}">${escapeHtml(block.text)}</p>`);
    else if (block.kind === "item")
      parts.push(`<p style="${STYLE.paragraph}">• <a href="${escapeHtml(block.url)}" style="${STYLE.link}">${escapeHtml(block.text)}</a></p>`);
    else {
      const href = escapeHtml(block.url);
      parts.push(
        `<p style="margin:24px 0;"><a href="${href}" style="${STYLE.button}">${escapeHtml(block.label)}</a></p>`,
        `<p style="${STYLE.note}">${escapeHtml(t("common.linkFallback"))}<br><a href="${href}" style="${STYLE.link}">${href}</a></p>`,
      );
    }
  }
  parts.push(`<p style="${STYLE.paragraph}">${escapeHtml(t("common.signature"))}</p>`);
  parts.push(`<p style="${STYLE.footer}">${escapeHtml(t("common.footer"))}</p>`);
  return [
    "<!DOCTYPE html>",
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(message.subject)}</title></head>`,
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.container}">`,
    `<p style="${STYLE.brand}">Kizuna</p>`,
    ...parts,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}

function render(locale: TLocale, build: (t: TMailTranslator) => TMessage): TRenderedEmail {
  const t = mailTranslator(locale);
  const message = build(t);
  return { subject: message.subject, text: renderText(t, message), html: renderHtml(t, locale, message) };
}

type TTemplate<K extends TTemplateName> = (params: TTemplateParams[K], locale: TLocale) => TRenderedEmail;

export const templates: { [K in TTemplateName]: TTemplate<K> } = {
  emailVerification: ({ name, url }, locale) =>
    render(locale, (t) => ({
      subject: t("emailVerification.subject"),
      name,
      blocks: [
        { kind: "paragraph", text: t("emailVerification.intro") },
        { kind: "button", label: t("emailVerification.action"), url: assertLinkUrl(url) },
        { kind: "note", text: t("emailVerification.ignore") },
      ],
    })),

  passwordReset: ({ name, url }, locale) =>
    render(locale, (t) => ({
      subject: t("passwordReset.subject"),
      name,
      blocks: [
        { kind: "paragraph", text: t("passwordReset.intro") },
        { kind: "button", label: t("passwordReset.action"), url: assertLinkUrl(url) },
        { kind: "paragraph", text: t("passwordReset.expiry") },
        { kind: "note", text: t("passwordReset.ignore") },
      ],
    })),

  staffApproved: ({ name, signInUrl }, locale) =>
    render(locale, (t) => ({
      subject: t("staffApproved.subject"),
      name,
      blocks: [
        { kind: "paragraph", text: t("staffApproved.intro") },
        { kind: "button", label: t("staffApproved.action"), url: assertLinkUrl(signInUrl) },
      ],
    })),

  staffRejected: ({ name, reason }, locale) =>
    render(locale, (t) => {
      const trimmed = reason?.trim();
      return {
        subject: t("staffRejected.subject"),
        name,
        blocks: [
          { kind: "paragraph", text: t("staffRejected.intro") },
          ...(trimmed ? [{ kind: "paragraph" as const, text: t("staffRejected.reason", { reason: trimmed }) }] : []),
          { kind: "paragraph", text: t("staffRejected.contact") },
        ],
      };
    }),

  passwordChanged: ({ name }, locale) =>
    render(locale, (t) => ({
      subject: t("passwordChanged.subject"),
      name,
      blocks: [
        { kind: "paragraph", text: t("passwordChanged.intro") },
        { kind: "paragraph", text: t("passwordChanged.notYou") },
      ],
    })),

  notification: ({ name, text, url }, locale) =>
    render(locale, (t) => ({
      subject: t("notification.subject", { text: text.length > 90 ? `${text.slice(0, 89)}…` : text }),
      name,
      blocks: [
        { kind: "paragraph", text },
        { kind: "button", label: t("notification.action"), url: assertLinkUrl(url) },
        { kind: "note", text: t("notification.preferences") },
      ],
    })),

  notificationDigest: ({ name, items, total }, locale) =>
    render(locale, (t) => ({
      subject: t("notificationDigest.subject", { count: total }),
      name,
      blocks: [
        { kind: "paragraph", text: t("notificationDigest.intro", { count: total }) },
        ...items.map((item) => ({ kind: "item" as const, text: item.text, url: assertLinkUrl(item.url) })),
        ...(total > items.length ? [{ kind: "note" as const, text: t("notificationDigest.more", { count: total - items.length }) }] : []),
        { kind: "note", text: t("notification.preferences") },
      ],
    })),

  introduction: ({ name, audience, listingTitle, counterpart, contact, note, url }, locale) =>
    render(locale, (t) => {
      const contactLines = (
        [
          ["contactName", contact.name],
          ["contactOrganization", contact.organization],
          ["contactEmail", contact.email],
          ["contactPhone", contact.phone],
        ] as const
      ).flatMap(([key, value]) => (value?.trim() ? [t(`introduction.${key}`, { value: value.trim() })] : []));
      const trimmedNote = note?.trim();
      return {
        subject: t("introduction.subject", { listingTitle }),
        name,
        blocks: [
          { kind: "paragraph", text: t(audience === "INVESTOR" ? "introduction.introInvestor" : "introduction.introAgency", { listingTitle, counterpart }) },
          ...(contactLines.length
            ? [{ kind: "paragraph" as const, text: t("introduction.contactHeading") }, ...contactLines.map((line) => ({ kind: "paragraph" as const, text: line }))]
            : []),
          ...(trimmedNote ? [{ kind: "paragraph" as const, text: t("introduction.note", { note: trimmedNote }) }] : []),
          { kind: "button", label: t(audience === "INVESTOR" ? "introduction.actionInvestor" : "introduction.actionAgency"), url: assertLinkUrl(url) },
          { kind: "note", text: t("introduction.next") },
        ],
      };
    }),
};

/** Renders any template by name; the params type follows the name. */
export function renderEmail<K extends TTemplateName>(template: K, params: TTemplateParams[K], locale: TLocale): TRenderedEmail {
  const fn: TTemplate<K> = templates[template];
  return fn(params, locale);
}
