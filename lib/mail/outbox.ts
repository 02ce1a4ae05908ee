// The email outbox: every email is first a row in email_outbox, written in the
// same transaction as the change that caused it, so "user registered" and "the
// verification email exists" commit or roll back together. Delivery is separate
// (lib/mail/delivery.ts, run by the worker when SMTP_URL is set); without SMTP
// the rows stay PENDING and can be read at /dev/outbox.
//
// In a transaction:
//   const emailId = await db().$transaction(async (tx) => {
//     …the change…
//     return sendEmail({ to, template, params, locale }, tx);
//   });
//   await enqueueDelivery(emailId);        // after commit; never throws
// or, equivalently, `transactionWithEmails(async (tx, send) => { …; await send({…}); })`.
// A forgotten enqueueDelivery only delays the email: the worker's sweep picks up
// PENDING rows older than a minute.
import { z } from "zod";
import { db, type EmailStatus, type Locale, type Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { renderEmail, type TTemplateName, type TTemplateParams } from "./templates";

export type TSendEmailInput<K extends TTemplateName = TTemplateName> = {
  to: string;
  template: K;
  params: TTemplateParams[K];
  locale: Locale;
};

/** A Prisma client or an interactive transaction's client: what sendEmail writes with. */
export type TDbClient = Prisma.TransactionClient;

const ZRecipient = z.email("must be an email address");

/**
 * Renders the template and writes a PENDING outbox row; returns its id.
 *
 * Without `tx` the row is committed at once and, when delivery is configured,
 * queued for delivery. With `tx` the row is part of the caller's transaction and
 * nothing is queued (a job for a row that may yet roll back would be wrong, and
 * the job could run before the commit): call `enqueueDelivery(id)` after the
 * transaction commits, or use `transactionWithEmails`.
 */
export async function sendEmail<K extends TTemplateName>(input: TSendEmailInput<K>, tx?: TDbClient): Promise<string> {
  const parsedTo = ZRecipient.safeParse(input.to.trim());
  if (!parsedTo.success) throw new Error(`sendEmail: recipient ${JSON.stringify(input.to)} is not an email address`);
  const rendered = renderEmail(input.template, input.params, input.locale);
  const row = await (tx ?? db()).emailOutbox.create({
    data: {
      // Lower-cased like users.email, so latestEmailTo and the index match exactly.
      toAddress: parsedTo.data.toLowerCase(),
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      template: input.template,
      locale: input.locale,
    },
    select: { id: true },
  });
  if (!tx) await enqueueDelivery(row.id);
  return row.id;
}

/** True when emails should be queued: SMTP_URL is set, or this process runs the mail worker. */
async function isDeliveryEnabled(): Promise<boolean> {
  if (env().SMTP_URL) return true;
  const { isWorkerBossRunning } = await import("./queue");
  return isWorkerBossRunning();
}

/**
 * Queues delivery of outbox rows that are already committed. Never throws: the
 * row is safe in the outbox, so a queue outage must not fail the request that
 * wrote it; the sweep delivers it later. Returns whether the jobs were queued.
 */
export async function enqueueDelivery(ids: string | readonly string[]): Promise<boolean> {
  const list = typeof ids === "string" ? [ids] : ids;
  if (list.length === 0) return true;
  try {
    if (!(await isDeliveryEnabled())) return false;
    // Loaded lazily: a process without SMTP never loads pg-boss.
    const { enqueueDeliveryJobs } = await import("./queue");
    await enqueueDeliveryJobs(list);
    return true;
  } catch (error) {
    console.error(`[kizuna:mail] could not queue ${list.length} email(s); the sweep will retry:`, error);
    return false;
  }
}

export type TQueueEmail = <K extends TTemplateName>(input: TSendEmailInput<K>) => Promise<string>;

/**
 * Runs `fn` in a transaction; emails written through `send` are part of it and
 * are queued for delivery once it has committed (and dropped if it rolls back).
 */
export async function transactionWithEmails<T>(
  fn: (tx: TDbClient, send: TQueueEmail) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  const ids: string[] = [];
  const result = await db().$transaction(async (tx) => {
    const send: TQueueEmail = async (input) => {
      const id = await sendEmail(input, tx);
      ids.push(id);
      return id;
    };
    return fn(tx, send);
  }, options);
  await enqueueDelivery(ids);
  return result;
}

// ───────────────────────────── reads ─────────────────────────────

export type TOutboxEmail = {
  id: string;
  to: string;
  subject: string;
  template: string;
  locale: Locale;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  text: string;
  html: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const OUTBOX_SELECT = {
  id: true,
  toAddress: true,
  subject: true,
  template: true,
  locale: true,
  status: true,
  attempts: true,
  lastError: true,
  textBody: true,
  htmlBody: true,
  createdAt: true,
  sentAt: true,
} satisfies Prisma.EmailOutboxSelect;

type TOutboxRow = Prisma.EmailOutboxGetPayload<{ select: typeof OUTBOX_SELECT }>;

function toDto(row: TOutboxRow): TOutboxEmail {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    template: row.template,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    text: row.textBody,
    html: row.htmlBody,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

export type TOutboxPage = { items: TOutboxEmail[]; nextCursor: string | null };

const ZCursor = z.uuid();

/**
 * Outbox rows, newest first, `limit` per page (1–100). `cursor` is the id of the
 * last row of the previous page (its `nextCursor`); an invalid one starts over.
 * Only for development tooling and tests: it returns every recipient's email.
 */
export async function listOutbox(options: { limit?: number; cursor?: string | null } = {}): Promise<TOutboxPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 100);
  const cursor = ZCursor.safeParse(options.cursor).success ? options.cursor ?? undefined : undefined;
  const rows = await db().emailOutbox.findMany({
    select: OUTBOX_SELECT,
    // id breaks ties between rows written in the same millisecond, so pages never overlap.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toDto), nextCursor: rows.length > limit && last ? last.id : null };
}

/** The newest email written to `address` (optionally of one template), or null. For tests and dev tooling. */
export async function latestEmailTo(address: string, options: { template?: TTemplateName } = {}): Promise<TOutboxEmail | null> {
  const row = await db().emailOutbox.findFirst({
    where: { toAddress: address.trim().toLowerCase(), ...(options.template ? { template: options.template } : {}) },
    select: OUTBOX_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return row ? toDto(row) : null;
}
