// Email delivery end to end: outbox rows on a real PostgreSQL, pg-boss jobs in
// the same database, and a real SMTP server on the loopback interface whose
// received messages are parsed back with mailparser.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerInvestorSpec, verifyEmailSpec } from "@/lib/accounts/actions";
import { db, disconnectDb } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { createSmtpTransport, deliverOutboxEmail, type TMailTransport } from "@/lib/mail/delivery";
import { extractLinks } from "@/lib/mail/links";
import { enqueueDelivery, latestEmailTo, sendEmail, transactionWithEmails, type TSendEmailInput } from "@/lib/mail/outbox";
import { startMailWorker, stopMailWorker, sweepPendingEmails } from "@/lib/mail/worker";

type TTestSmtp = { url: string; received: ParsedMail[]; close: () => Promise<void> };

/** An SMTP server on 127.0.0.1 (random port, no TLS, no auth) that refuses recipients starting with "reject-". */
async function startTestSmtp(): Promise<TTestSmtp> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("reject-")) {
        callback(Object.assign(new Error("Mailbox unavailable (test server refuses reject-*)"), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function uniqueAddress(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@mail-test.kizuna.example`;
}

function recipients(mail: ParsedMail): string[] {
  const to: AddressObject[] = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
  return to.flatMap((group) => group.value.map((entry) => entry.address ?? ""));
}

function receivedFor(smtp: TTestSmtp, outboxId: string): ParsedMail[] {
  return smtp.received.filter((mail) => mail.headers.get("x-kizuna-outbox-id") === outboxId);
}

async function waitFor(description: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`);
}

async function outboxRow(id: string) {
  return db().emailOutbox.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true, lastError: true, sentAt: true } });
}

/** Writes a PENDING row inside a transaction and queues nothing, so no worker touches it unless a test says so. */
async function writeUnqueued(input: TSendEmailInput): Promise<string> {
  return db().$transaction((tx) => sendEmail(input, tx));
}

/** Delivery jobs pg-boss holds for an outbox id, in any state. */
async function jobStates(outboxId: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ state: string }[]>`
    SELECT state::text AS state FROM pgboss.job WHERE name = 'email.deliver' AND singleton_key = ${outboxId}`;
  return rows.map((row) => row.state);
}

const verification = (to: string, url: string): TSendEmailInput<"emailVerification"> => ({
  to,
  template: "emailVerification",
  params: { name: "Aiko Tanaka", url },
  locale: "en",
});

let smtp: TTestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
  await startMailWorker({ smtpUrl: smtp.url, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopMailWorker();
  await smtp?.close();
  await disconnectDb();
});

describe("mail delivery over SMTP through pg-boss", () => {
  it("delivers a verification email whose link is the one sent", async () => {
    const to = uniqueAddress("verify");
    const url = `http://localhost:3000/verify-email?token=abc123-${randomUUID()}`;

    const id = await sendEmail(verification(to, url));

    await waitFor("the outbox row to be SENT", async () => (await outboxRow(id)).status === "SENT");
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);

    const [mail, ...more] = receivedFor(smtp, id);
    expect(more).toEqual([]);
    if (!mail) throw new Error("the SMTP server received nothing for this email");
    expect(recipients(mail)).toEqual([to]);
    expect(mail.subject).toBe("Confirm your email address for Kizuna");
    expect(mail.from?.text).toContain("no-reply@kizuna.local");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(extractLinks(mail.text ?? "")).toEqual([url]);
    expect(mail.html || "").toContain(`href="${url}"`);

    const stored = await latestEmailTo(to);
    expect(stored).toMatchObject({ id, subject: mail.subject, status: "SENT" });
  });

  it("a registering investor receives the verification email over SMTP, and following its link activates the account", async () => {
    const email = uniqueAddress("investor");
    const registered = await invokeAction(registerInvestorSpec, { actor: null, meta: { ip: "192.0.2.50", userAgent: "vitest", origin: null } }, {
      name: "Kenji Mori", email, password: "Loopback-smtp-passphrase-1", organizationName: "Mori Holdings", country: "JP", locale: "ja",
    });
    expect(registered.ok).toBe(true);

    await waitFor("the verification email to arrive over SMTP", async () => smtp.received.some((mail) => recipients(mail).includes(email)));
    const mail = smtp.received.find((candidate) => recipients(candidate).includes(email))!;
    const [link] = extractLinks(mail.text ?? "");
    expect(link).toMatch(/\/verify-email\?token=/);

    // Follow the link as the page does: its token confirms the address.
    const token = new URL(link!).searchParams.get("token")!;
    const verified = await invokeAction(verifyEmailSpec, { actor: null, meta: { ip: "192.0.2.50", userAgent: "vitest", origin: null } }, { token });
    expect(verified).toMatchObject({ ok: true, data: { verified: true } });
    const user = await db().user.findUniqueOrThrow({ where: { email }, select: { status: true, emailVerifiedAt: true } });
    expect(user.status).toBe("ACTIVE");
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("queues emails written in a transaction once it commits, and none when it rolls back", async () => {
    const rolledBack = uniqueAddress("rollback");
    await expect(
      transactionWithEmails(async (_tx, send) => {
        await send(verification(rolledBack, "http://localhost:3000/verify-email?token=never"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await latestEmailTo(rolledBack)).toBeNull();

    const committed = uniqueAddress("commit");
    const id = await transactionWithEmails(async (tx, send) => {
      await tx.emailOutbox.count(); // stands for the change the email belongs to
      return send({ to: committed, template: "passwordChanged", params: { name: "Aiko" }, locale: "ja" });
    });
    await waitFor("the committed email to be SENT", async () => (await outboxRow(id)).status === "SENT");
    const [mail] = receivedFor(smtp, id);
    expect(mail?.subject).toBe("【Kizuna】パスワード変更のお知らせ");
    expect(smtp.received.some((message) => recipients(message).includes(rolledBack))).toBe(false);
  });

  it("records a refused delivery (attempts, lastError) and leaves it PENDING for pg-boss to retry", async () => {
    const to = uniqueAddress("reject");
    const id = await sendEmail(verification(to, "http://localhost:3000/verify-email?token=refused"));

    await waitFor("the first attempt to be recorded", async () => (await outboxRow(id)).attempts === 1);
    const row = await outboxRow(id);
    expect(row.status).toBe("PENDING");
    expect(row.sentAt).toBeNull();
    expect(row.lastError).toMatch(/550/);
    expect(row.lastError).toMatch(/Mailbox unavailable/);
    expect(receivedFor(smtp, id)).toEqual([]);
    // The job failed and waits for its retry, with backoff.
    await waitFor("the job to wait for its retry", async () => (await jobStates(id)).includes("retry"));
  });

  it("sweeps PENDING rows older than a minute that have no job, and only those", async () => {
    const twoMinutesAgo = () => new Date(Date.now() - 2 * 60_000);
    const stale = await writeUnqueued(verification(uniqueAddress("stale"), "http://localhost:3000/verify-email?token=stale"));
    await db().emailOutbox.update({ where: { id: stale }, data: { createdAt: twoMinutesAgo() } });
    const fresh = await writeUnqueued(verification(uniqueAddress("fresh"), "http://localhost:3000/verify-email?token=fresh"));
    // Refused once, so its job waits for a retry with backoff: the sweep must not jump the queue.
    const retrying = await sendEmail(verification(uniqueAddress("reject"), "http://localhost:3000/verify-email?token=later"));
    await waitFor("the refused job to wait for its retry", async () => (await jobStates(retrying)).includes("retry"));
    await db().emailOutbox.update({ where: { id: retrying }, data: { createdAt: twoMinutesAgo() } });

    expect(await sweepPendingEmails()).toBeGreaterThanOrEqual(1);

    await waitFor("the stale row to be SENT", async () => (await outboxRow(stale)).status === "SENT");
    expect(receivedFor(smtp, stale)).toHaveLength(1);
    expect(await jobStates(fresh)).toEqual([]);
    expect((await outboxRow(fresh)).status).toBe("PENDING");
    expect(await jobStates(retrying)).toEqual(["retry"]);
    expect((await outboxRow(retrying)).attempts).toBe(1);
  });
});

describe("deliverOutboxEmail", () => {
  it("counts each refused attempt and marks the row FAILED on the last one", async () => {
    const id = await writeUnqueued(verification(uniqueAddress("reject"), "http://localhost:3000/verify-email?token=x"));
    const transport = createSmtpTransport(smtp.url);

    const first = await deliverOutboxEmail(id, transport);
    expect(first).toMatchObject({ outcome: "retry", attempts: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect((await outboxRow(id)).lastError).toMatch(/550/);

    const last = await deliverOutboxEmail(id, transport, { finalAttempt: true });
    expect(last).toMatchObject({ outcome: "failed", attempts: 2 });
    expect(await outboxRow(id)).toMatchObject({ status: "FAILED", attempts: 2 });

    // A FAILED row is not tried again.
    expect(await deliverOutboxEmail(id, transport)).toEqual({ outcome: "skipped", reason: "not-pending" });
    expect(receivedFor(smtp, id)).toEqual([]);
  });

  it("marks the row FAILED once it has used every attempt, even without pg-boss's hint", async () => {
    const id = await writeUnqueued(verification(uniqueAddress("reject"), "http://localhost:3000/verify-email?token=y"));
    const transport = createSmtpTransport(smtp.url);
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) outcomes.push((await deliverOutboxEmail(id, transport)).outcome);
    expect(outcomes).toEqual(["retry", "retry", "retry", "retry", "retry", "failed"]);
    expect(await outboxRow(id)).toMatchObject({ status: "FAILED", attempts: 6 });
  });

  it("sends once when two deliveries of the same id run at the same time", async () => {
    const id = await writeUnqueued(verification(uniqueAddress("race"), "http://localhost:3000/verify-email?token=race"));
    const real = createSmtpTransport(smtp.url);
    let sendCalls = 0;
    // Slow enough that the second delivery starts while the first holds the row.
    const slow: TMailTransport = {
      async sendMail(message) {
        sendCalls += 1;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return real.sendMail(message);
      },
    };

    const results = await Promise.all([deliverOutboxEmail(id, slow), deliverOutboxEmail(id, slow)]);

    expect(results.map((result) => result.outcome).sort()).toEqual(["sent", "skipped"]);
    expect(results).toContainEqual({ outcome: "skipped", reason: "locked" });
    expect(sendCalls).toBe(1);
    expect(receivedFor(smtp, id)).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("sends once when the same id is queued repeatedly and both workers race for it", async () => {
    const id = await writeUnqueued(verification(uniqueAddress("dup"), "http://localhost:3000/verify-email?token=dup"));
    await Promise.all([enqueueDelivery(id), enqueueDelivery(id), enqueueDelivery([id, id])]);

    await waitFor("the row to be SENT", async () => (await outboxRow(id)).status === "SENT");
    await waitFor("every job for the row to finish", async () =>
      (await jobStates(id)).every((state) => state === "completed"),
    );
    expect(receivedFor(smtp, id)).toHaveLength(1);
  });

  it("skips ids that are not outbox rows", async () => {
    const transport = createSmtpTransport(smtp.url);
    expect(await deliverOutboxEmail(randomUUID(), transport)).toEqual({ outcome: "skipped", reason: "not-found" });
    expect(await deliverOutboxEmail("not-a-uuid", transport)).toEqual({ outcome: "skipped", reason: "not-found" });
  });
});
