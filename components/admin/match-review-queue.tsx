"use client";
// The review queue: suggested matches with both sides side by side. Decisions
// stay in place with their outcome (success or "already reviewed by …"), and
// the next undecided card becomes current. Keyboard: j/n next, k/p previous,
// a approve, r reject (focuses the reason; Enter sends), i introduce (asks to
// confirm: it emails both parties), x select,
// ? help — never while typing in a field.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import {
  approveMatchAction,
  bulkApproveMatchesAction,
  countBulkApprovalAction,
  introduceMatchAction,
  rejectMatchAction,
} from "@/app/admin/matches/actions";
import { useTranslateMessage } from "@/components/forms/use-translate-message";
import { buttonClass } from "@/components/ui/button-class";
import type { TActionResult } from "@/lib/http/result";

export type TReviewCard = {
  id: string;
  score: number;
  age: string;
  reasons: string[];
  previousRejection: string | null;
  investor: { name: string; organization: string | null; email: string; sectors: string; ticket: string; location: string };
  listing: { id: string; title: string; agency: string; sectors: string; amount: string; location: string; stage: string };
};

type TOutcome = { tone: "success" | "error"; text: string; decided: boolean };
type TFilters = Record<string, string | undefined>;

const NOT_TYPED = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/** Shortcuts stay quiet while the admin types (a checkbox or a button with focus is not typing). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type);
  return target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName);
}

export function MatchReviewQueue({ cards, filters, defaultMinScore }: { cards: TReviewCard[]; filters: TFilters; defaultMinScore: number }) {
  const t = useTranslations("adminMatches");
  const translate = useTranslateMessage();
  const [current, setCurrent] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcomes, setOutcomes] = useState<Record<string, TOutcome>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  /** The card whose introduction waits for confirmation (it emails both parties). */
  const [introducing, setIntroducing] = useState<string | null>(null);
  const [bulkMessage, setBulkMessage] = useState<TOutcome | null>(null);
  const [confirmAll, setConfirmAll] = useState<{ minScore: number; count: number; cap: number } | null>(null);
  const [minScore, setMinScore] = useState(String(defaultMinScore));
  const [, startTransition] = useTransition();
  const cardRefs = useRef<(HTMLElement | null)[]>([]);
  const reasonRefs = useRef<(HTMLInputElement | null)[]>([]);

  const focusCard = useCallback(
    (index: number) => {
      const bounded = Math.max(0, Math.min(cards.length - 1, index));
      setCurrent(bounded);
      const card = cardRefs.current[bounded];
      card?.focus({ preventScroll: true });
      card?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    },
    [cards.length],
  );

  const nextUndecided = useCallback(
    (from: number, decided: Record<string, TOutcome>) => {
      for (let index = from + 1; index < cards.length; index += 1) if (!decided[cards[index]!.id]?.decided) return index;
      return from;
    },
    [cards],
  );

  const settle = useCallback(
    (index: number, result: TActionResult<unknown>, success: string) => {
      const id = cards[index]!.id;
      const outcome: TOutcome = result.ok
        ? { tone: "success", text: success, decided: true }
        : { tone: "error", text: translate(result.message, result.params), decided: result.code === "CONFLICT" || result.code === "NOT_FOUND" };
      setOutcomes((previous) => {
        const next = { ...previous, [id]: outcome };
        if (result.ok) queueMicrotask(() => focusCard(nextUndecided(index, next)));
        return next;
      });
      if (outcome.decided) setSelected((previous) => new Set([...previous].filter((value) => value !== id)));
    },
    [cards, focusCard, nextUndecided, translate],
  );

  const run = useCallback(
    (index: number, work: () => Promise<TActionResult<unknown>>, success: string) => {
      const card = cards[index];
      if (!card || busy || outcomes[card.id]?.decided) return;
      setBusy(card.id);
      startTransition(async () => {
        try {
          settle(index, await work(), success);
        } finally {
          setBusy(null);
        }
      });
    },
    [busy, cards, outcomes, settle],
  );

  const approve = useCallback(
    (index: number) => run(index, () => approveMatchAction({ matchId: cards[index]!.id }), t("approved", { investor: cards[index]!.investor.name })),
    [cards, run, t],
  );
  const askIntroduce = useCallback(
    (index: number) => {
      const card = cards[index];
      if (card && !outcomes[card.id]?.decided) setIntroducing(card.id);
    },
    [cards, outcomes],
  );
  const introduce = useCallback(
    (index: number, note: string) => {
      setIntroducing(null);
      run(index, () => introduceMatchAction({ matchId: cards[index]!.id, note: note.trim() || undefined }), t("introduced"));
    },
    [cards, run, t],
  );
  const reject = useCallback(
    (index: number) => {
      const input = reasonRefs.current[index];
      const reason = input?.value.trim() ?? "";
      if (!reason) {
        setOutcomes((previous) => ({ ...previous, [cards[index]!.id]: { tone: "error", text: t("reasonRequired"), decided: false } }));
        input?.focus();
        return;
      }
      run(index, () => rejectMatchAction({ matchId: cards[index]!.id, reason }), t("rejected"));
    },
    [cards, run, t],
  );
  const toggle = useCallback((id: string) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const key = event.key;
      if (key === "?") setShowHelp((value) => !value);
      else if (key === "j" || key === "n") focusCard(current + 1);
      else if (key === "k" || key === "p") focusCard(current - 1);
      else if (key === "a") approve(current);
      else if (key === "i") askIntroduce(current);
      else if (key === "x" && cards[current]) toggle(cards[current]!.id);
      else if (key === "r") reasonRefs.current[current]?.focus();
      else return;
      event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [approve, askIntroduce, cards, current, focusCard, toggle]);

  function markBulk(approved: string[]) {
    setOutcomes((previous) => {
      const next = { ...previous };
      for (const id of approved) next[id] = { tone: "success", text: t("approvedInBulk"), decided: true };
      return next;
    });
    setSelected(new Set());
  }

  function bulkResult(result: Awaited<ReturnType<typeof bulkApproveMatchesAction>>) {
    if (!result.ok) return setBulkMessage({ tone: "error", text: translate(result.message, result.params), decided: false });
    markBulk(result.data.approved);
    setBulkMessage({ tone: "success", text: t("bulkDone", { approved: result.data.approved.length, skipped: result.data.skipped, capped: String(result.data.capped) }), decided: true });
  }

  function approveSelected() {
    const ids = [...selected];
    if (!ids.length) return;
    startTransition(async () => bulkResult(await bulkApproveMatchesAction({ ids })));
  }

  function askApproveAll() {
    setBulkMessage(null);
    startTransition(async () => {
      const result = await countBulkApprovalAction({ ...filters, minScore });
      if (!result.ok) return setBulkMessage({ tone: "error", text: translate(result.message, result.params), decided: false });
      setConfirmAll({ minScore: Number(minScore), ...result.data });
    });
  }

  function approveAll() {
    const target = confirmAll;
    setConfirmAll(null);
    if (!target) return;
    startTransition(async () => bulkResult(await bulkApproveMatchesAction({ ...filters, minScore: String(target.minScore) })));
  }

  return (
    <div className="space-y-4">
      <section aria-labelledby="shortcuts-heading" className="rounded-xl border border-stone-200 bg-white p-4 text-sm shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="shortcuts-heading" className="font-semibold">
            {t("shortcuts.title")}
          </h2>
          <button type="button" className="text-brand-700 underline" aria-expanded={showHelp} onClick={() => setShowHelp((value) => !value)}>
            {showHelp ? t("shortcuts.hide") : t("shortcuts.show")}
          </button>
        </div>
        <p className="mt-1 text-stone-600">{t("shortcuts.summary")}</p>
        {showHelp && (
          <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="shortcut-help">
            {(["next", "previous", "approve", "reject", "introduce", "select", "help"] as const).map((name) => (
              <div key={name} className="contents">
                <dt>
                  <kbd className="rounded border border-stone-300 bg-stone-50 px-1.5 font-mono">{t(`shortcuts.keys.${name}`)}</kbd>
                </dt>
                <dd className="text-stone-700">{t(`shortcuts.actions.${name}`)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="bulk-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 text-sm shadow-sm">
        <h2 id="bulk-heading" className="font-semibold">
          {t("bulk.title")}
        </h2>
        <div className="flex flex-wrap items-end gap-3">
          <button type="button" className={buttonClass("secondary")} disabled={selected.size === 0} onClick={approveSelected}>
            {t("bulk.approveSelected", { count: selected.size })}
          </button>
          <label className="flex flex-col gap-1">
            <span>{t("bulk.minScore")}</span>
            <input
              type="number"
              min={0}
              max={100}
              value={minScore}
              onChange={(event) => setMinScore(event.target.value)}
              className="w-24 rounded border border-stone-300 px-2 py-1"
            />
          </label>
          <button type="button" className={buttonClass("secondary")} onClick={askApproveAll}>
            {t("bulk.approveAll", { score: minScore || "0" })}
          </button>
        </div>
        {confirmAll && (
          <div role="alertdialog" aria-labelledby="confirm-all" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
            <p id="confirm-all">{t("bulk.confirm", { count: confirmAll.count, score: confirmAll.minScore, cap: confirmAll.cap })}</p>
            <div className="flex gap-2">
              <button type="button" className={buttonClass("primary")} onClick={approveAll} disabled={confirmAll.count === 0} autoFocus>
                {t("bulk.confirmYes", { count: Math.min(confirmAll.count, confirmAll.cap) })}
              </button>
              <button type="button" className={buttonClass("secondary")} onClick={() => setConfirmAll(null)}>
                {t("bulk.cancel")}
              </button>
            </div>
          </div>
        )}
        {bulkMessage && (
          <p role={bulkMessage.tone === "error" ? "alert" : "status"} className={bulkMessage.tone === "error" ? "text-red-800" : "text-green-800"}>
            {bulkMessage.text}
          </p>
        )}
      </section>

      <ol className="space-y-4" data-testid="review-queue">
        {cards.map((card, index) => {
          const outcome = outcomes[card.id];
          const decided = outcome?.decided ?? false;
          const isCurrent = index === current;
          return (
            <li key={card.id}>
              <article
                ref={(element) => {
                  cardRefs.current[index] = element;
                }}
                tabIndex={-1}
                aria-labelledby={`match-${card.id}`}
                aria-current={isCurrent || undefined}
                data-testid="review-card"
                onFocusCapture={() => setCurrent(index)}
                onClick={() => setCurrent(index)}
                className={`space-y-3 rounded-xl border bg-white p-5 shadow-sm focus:outline-none ${isCurrent ? "border-brand-600 ring-2 ring-brand-600" : "border-stone-200"} ${decided ? "opacity-75" : ""}`}
              >
                <header className="flex flex-wrap items-start justify-between gap-3">
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={selected.has(card.id)} disabled={decided} onChange={() => toggle(card.id)} />
                    <span>{t("select", { title: card.listing.title })}</span>
                  </label>
                  <p className="text-right">
                    <span className="block text-xl font-semibold text-brand-900">{t("score", { score: card.score })}</span>
                    <span className="text-xs text-stone-600">{t("suggested", { age: card.age })}</span>
                  </p>
                </header>
                <h2 id={`match-${card.id}`} className="sr-only">
                  {t("cardTitle", { investor: card.investor.name, listing: card.listing.title })}
                </h2>
                <div className="grid gap-4 md:grid-cols-2">
                  <section className="rounded-md bg-stone-50 p-3 text-sm">
                    <h3 className="text-xs font-medium uppercase tracking-wide text-stone-500">{t("investor")}</h3>
                    <p className="text-base font-semibold">{card.investor.name}</p>
                    <p className="text-stone-700">{card.investor.organization ?? t("noOrganization")}</p>
                    <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
                      <dt className="text-stone-600">{t("sectors")}</dt>
                      <dd>{card.investor.sectors}</dd>
                      <dt className="text-stone-600">{t("ticket")}</dt>
                      <dd>{card.investor.ticket}</dd>
                      <dt className="text-stone-600">{t("location")}</dt>
                      <dd>{card.investor.location}</dd>
                    </dl>
                  </section>
                  <section className="rounded-md bg-stone-50 p-3 text-sm">
                    <h3 className="text-xs font-medium uppercase tracking-wide text-stone-500">{t("listing")}</h3>
                    <p className="text-base font-semibold">
                      <a href={`/opportunities/${card.listing.id}`} className="text-brand-700 underline">
                        {card.listing.title}
                      </a>
                    </p>
                    <p className="text-stone-700">{card.listing.agency}</p>
                    <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
                      <dt className="text-stone-600">{t("sectors")}</dt>
                      <dd>{card.listing.sectors}</dd>
                      <dt className="text-stone-600">{t("amount")}</dt>
                      <dd>{card.listing.amount}</dd>
                      <dt className="text-stone-600">{t("location")}</dt>
                      <dd>{card.listing.location}</dd>
                      <dt className="text-stone-600">{t("stage")}</dt>
                      <dd>{card.listing.stage}</dd>
                    </dl>
                  </section>
                </div>
                {card.reasons.length > 0 && (
                  <div className="text-sm">
                    <h3 className="font-medium">{t("reasons")}</h3>
                    <ul className="mt-1 list-disc pl-5 text-stone-700">
                      {card.reasons.map((reason, reasonIndex) => (
                        <li key={reasonIndex}>{reason}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {card.previousRejection && <p className="text-sm text-amber-900">{t("previousRejection", { reason: card.previousRejection })}</p>}
                {outcome && (
                  <p role={outcome.tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${outcome.tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-green-200 bg-green-50 text-green-800"}`}>
                    {outcome.text}
                  </p>
                )}
                {!decided && introducing === card.id && (
                  <form
                    className="space-y-2 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm"
                    aria-label={t("introduceConfirm.title")}
                    onSubmit={(event) => {
                      event.preventDefault();
                      introduce(index, String(new FormData(event.currentTarget).get("note") ?? ""));
                    }}
                  >
                    <p>{t("introduceConfirm.body", { investor: card.investor.name, agency: card.listing.agency })}</p>
                    <label className="flex flex-col gap-1">
                      <span>{t("introduceConfirm.note")}</span>
                      <input
                        name="note"
                        maxLength={1000}
                        autoFocus
                        className="rounded border border-stone-300 px-2 py-1"
                        onKeyDown={(event) => {
                          if (event.key === "Escape") {
                            setIntroducing(null);
                            cardRefs.current[index]?.focus();
                          }
                        }}
                      />
                    </label>
                    <div className="flex gap-2">
                      <button type="submit" className={buttonClass("primary")}>
                        {t("introduceConfirm.send")}
                      </button>
                      <button type="button" className={buttonClass("secondary")} onClick={() => setIntroducing(null)}>
                        {t("introduceConfirm.cancel")}
                      </button>
                    </div>
                  </form>
                )}
                {!decided && (
                  <div className="flex flex-wrap items-end gap-2">
                    <button type="button" className={buttonClass("primary")} disabled={busy === card.id} onClick={() => approve(index)}>
                      {t("approve")}
                      <span className="sr-only"> {card.listing.title}</span>
                    </button>
                    <button
                      type="button"
                      className={buttonClass("secondary")}
                      disabled={busy === card.id}
                      aria-expanded={introducing === card.id}
                      onClick={() => askIntroduce(index)}
                    >
                      {t("introduce")}
                      <span className="sr-only"> {card.listing.title}</span>
                    </button>
                    <form
                      className="flex grow flex-wrap items-end gap-2"
                      onSubmit={(event) => {
                        event.preventDefault();
                        reject(index);
                      }}
                    >
                      <label className="flex grow flex-col gap-1 text-sm">
                        <span>{t("reason")}</span>
                        <input
                          ref={(element) => {
                            reasonRefs.current[index] = element;
                          }}
                          name="reason"
                          maxLength={1000}
                          className="rounded border border-stone-300 px-2 py-1"
                          onKeyDown={(event) => {
                            if (event.key === "Escape") cardRefs.current[index]?.focus();
                          }}
                        />
                      </label>
                      <button type="submit" className={buttonClass("danger")} disabled={busy === card.id}>
                        {t("reject")}
                        <span className="sr-only"> {card.listing.title}</span>
                      </button>
                    </form>
                  </div>
                )}
              </article>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
