// Sends one outbox row over SMTP, exactly once across every app instance.
//
// The row is claimed with SELECT … FOR UPDATE SKIP LOCKED inside a transaction
// that stays open while the SMTP conversation runs, and the outcome is written
// before it commits. A second worker that picks the same id skips it (locked, or
// no longer PENDING), so an email is never sent twice by two instances. If the
// process dies mid-send, PostgreSQL rolls back and releases the lock: the row is
// still PENDING and pg-boss retries it. (A committed PENDING→SENDING claim would
// instead leave the row stuck in SENDING, and the table has no claimed-at column
// to expire such claims by; SENDING is therefore never written.)
import nodemailer from "nodemailer";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { MAX_DELIVERY_ATTEMPTS } from "./queue";

/** The part of a nodemailer transport delivery needs; tests may pass their own. */
export type TMailTransport = {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
};

export type TDeliveryResult =
  | { outcome: "sent"; attempts: number }
  /** Nothing to do here: no such row, already delivered or failed, or another worker holds it. */
  | { outcome: "skipped"; reason: "not-found" | "not-pending" | "locked" }
  /** SMTP refused or failed; the row stays PENDING for the next attempt. */
  | { outcome: "retry"; attempts: number; error: string }
  /** SMTP failed on the last attempt; the row is now FAILED. */
  | { outcome: "failed"; attempts: number; error: string };

export type TDeliverOptions = {
  /** Sender; defaults to MAIL_FROM. */
  from?: string;
  /** pg-boss's last retry: a failure now marks the row FAILED. */
  finalAttempt?: boolean;
};

// Bounded SMTP timeouts (nodemailer's socket default is 10 minutes) keep the
// claim transaction short; its own timeout is a backstop above their sum.
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 } as const;
const CLAIM_TRANSACTION_TIMEOUT_MS = 90_000;
const LAST_ERROR_MAX_LENGTH = 2_000;

/** An SMTP transport for `smtp://user:pass@host:port` (or smtps://). One connection per message. */
export function createSmtpTransport(smtpUrl: string): nodemailer.Transporter {
  return nodemailer.createTransport(smtpUrl, { ...SMTP_TIMEOUTS });
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, LAST_ERROR_MAX_LENGTH);
  // nodemailer puts the server's reply ("550 5.1.1 …") on `response`.
  const response = "response" in error && typeof error.response === "string" ? error.response : undefined;
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  const parts = [code, error.message, response && !error.message.includes(response) ? response : undefined];
  return parts.filter(Boolean).join(": ").slice(0, LAST_ERROR_MAX_LENGTH);
}

type TClaimedRow = {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attempts: number;
};

/**
 * Delivers outbox row `id` through `transport` if it is PENDING and no other
 * worker holds it. Never throws for SMTP errors: they are recorded on the row
 * (attempts + 1, lastError) and reported as "retry" or, on the last attempt,
 * "failed". Database errors do throw.
 */
export async function deliverOutboxEmail(id: string, transport: TMailTransport, options: TDeliverOptions = {}): Promise<TDeliveryResult> {
  if (!z.uuid().safeParse(id).success) return { outcome: "skipped", reason: "not-found" };
  const from = options.from ?? env().MAIL_FROM;

  return db().$transaction(
    async (tx): Promise<TDeliveryResult> => {
      const claimed = await tx.$queryRaw<TClaimedRow[]>`
        SELECT id, to_address AS "toAddress", subject, text_body AS "textBody", html_body AS "htmlBody", attempts
        FROM email_outbox
        WHERE id = ${id}::uuid AND status = 'PENDING'
        FOR UPDATE SKIP LOCKED`;
      const row = claimed[0];
      if (!row) {
        // Tell the three cases apart for the logs; a plain read neither waits nor locks.
        const current = await tx.emailOutbox.findUnique({ where: { id }, select: { status: true } });
        if (!current) return { outcome: "skipped", reason: "not-found" };
        return { outcome: "skipped", reason: current.status === "PENDING" ? "locked" : "not-pending" };
      }

      const attempts = row.attempts + 1;
      try {
        await transport.sendMail({
          from,
          to: row.toAddress,
          subject: row.subject,
          text: row.textBody,
          ...(row.htmlBody ? { html: row.htmlBody } : {}),
          headers: {
            // RFC 3834: tells auto-responders not to answer.
            "Auto-Submitted": "auto-generated",
            // Lets an operator (or a test) trace a received message back to its row.
            "X-Kizuna-Outbox-Id": row.id,
          },
        });
      } catch (error) {
        const lastError = describeError(error);
        const final = options.finalAttempt === true || attempts >= MAX_DELIVERY_ATTEMPTS;
        await tx.emailOutbox.update({
          where: { id: row.id },
          data: { attempts, lastError, status: final ? "FAILED" : "PENDING" },
        });
        return final ? { outcome: "failed", attempts, error: lastError } : { outcome: "retry", attempts, error: lastError };
      }

      await tx.emailOutbox.update({ where: { id: row.id }, data: { status: "SENT", sentAt: new Date(), attempts } });
      return { outcome: "sent", attempts };
    },
    { maxWait: 10_000, timeout: CLAIM_TRANSACTION_TIMEOUT_MS },
  );
}
