"use client";
// The staff listing editor, for every kind. The values are held here (controlled
// inputs), so a refused save or submission never loses what was typed. Drafts
// autosave a few seconds after the last change (the first save creates the
// draft); a published listing is saved explicitly, as each save is a new
// version investors see. After a refused submission, fields are re-checked as
// they change, with the same schema the server uses.
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  closeListingAction,
  createListingDraftAction,
  saveListingDraftAction,
  submitListingAction,
  updateListingAction,
} from "@/app/staff/listings/actions";
import { FormMessage, FormSuccess } from "@/components/forms/form-message";
import { useTranslateMessage } from "@/components/forms/use-translate-message";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import type { TFieldErrors } from "@/lib/errors";
import type { TActionResult } from "@/lib/http/result";
import { toFieldErrors } from "@/lib/http/validation";
import { formValuesToInput, type TListingFormValues } from "@/lib/listings/form-values";
import { ZListingInput } from "@/lib/listings/schemas";
import type { TIncentiveTemplateOption } from "@/lib/listings/staff-queries";
import type { TSectorGroup } from "@/lib/sectors/queries";
import { BasicsSection } from "./basics-section";
import { CompletenessMeter } from "./completeness-meter";
import { ContactSection } from "./contact-section";
import { collectErrors, EditorProvider } from "./editor-context";
import { FactsSection } from "./facts-section";
import { IncentivesSection } from "./incentives-section";
import { InvestmentSection, LocationSection } from "./investment-section";
import { SectorsSection } from "./sectors-section";

/** Quiet time after the last change before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 2500;

type TStatus = "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CLOSED";

export type TListingEditorProps = {
  listing: { id: string | null; status: TStatus; version: number; reviewComment: string | null; updatedAt: string | null };
  initialValues: TListingFormValues;
  sectors: TSectorGroup[];
  templates: TIncentiveTemplateOption[];
  /** Admins look at a listing here without editing it. */
  readOnly: boolean;
};

type TSaveState =
  | { state: "idle" }
  | { state: "pending"; at: string | null }
  | { state: "saving"; at: string | null }
  | { state: "saved"; at: string; unsaved: number }
  | { state: "error"; message: string; params?: Record<string, string | number> };

type TDraftOutcome = { ok: true; fieldErrors: TFieldErrors } | { ok: false };
type TOutcome = { tone: "success" | "error"; message: string; params?: Record<string, string | number> } | null;

const ARRAY_FIELDS = new Set(["tags", "sectorIds", "instruments", "incentives"]);

/** The part of the form a field error is about: "investment.amount" → investment, "facts.powerMw" → that fact, "incentives.1.name" → that incentive. */
function valueFor(values: TListingFormValues, key: string): string {
  const [head = "", second] = key.split(".");
  const top = (values as Record<string, unknown>)[head];
  const value = (head === "facts" || head === "incentives") && second !== undefined && top && typeof top === "object" ? (top as Record<string, unknown>)[second] : top;
  return JSON.stringify(value ?? null);
}

function mergeErrors(...sources: TFieldErrors[]): (name: string) => string[] | undefined {
  return (name) => {
    const messages = sources.flatMap((source) => collectErrors(source, name, ARRAY_FIELDS.has(name)) ?? []);
    return messages.length ? [...new Set(messages)] : undefined;
  };
}

export function ListingEditor({ listing, initialValues, sectors, templates, readOnly }: TListingEditorProps) {
  const t = useTranslations("listingEditor");
  const translate = useTranslateMessage();
  const format = useFormatter();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);

  const [values, setValues] = useState(initialValues);
  const [status, setStatus] = useState<TStatus>(listing.status);
  const [save, setSave] = useState<TSaveState>(listing.updatedAt ? { state: "saved", at: listing.updatedAt, unsaved: 0 } : { state: "idle" });
  /** The field errors of the last autosave, with the values that were saved. */
  const [draftErrors, setDraftErrors] = useState<{ errors: TFieldErrors; saved: TListingFormValues }>({ errors: {}, saved: initialValues });
  const [serverErrors, setServerErrors] = useState<TFieldErrors>({});
  const [validateLive, setValidateLive] = useState(false);
  const [outcome, setOutcome] = useState<TOutcome>(null);
  const [busy, setBusy] = useState<null | "submit" | "update" | "close">(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const editable = !readOnly && (status === "DRAFT" || status === "PUBLISHED");
  const autosaves = !readOnly && status === "DRAFT";

  // Refs for the autosave loop, which runs outside React's render cycle.
  const latest = useRef(values);
  const listingId = useRef(listing.id);
  const dirty = useRef(false);
  const chain = useRef<Promise<TDraftOutcome>>(Promise.resolve({ ok: true, fieldErrors: {} }));
  const lastDraftErrors = useRef<TFieldErrors>({});
  useEffect(() => {
    latest.current = values;
  }, [values]);

  const update = useCallback((change: (current: TListingFormValues) => TListingFormValues) => {
    setValues((current) => {
      const next = change(current);
      latest.current = next;
      return next;
    });
    dirty.current = true;
    setServerErrors({});
    setSave((current) => ({ state: "pending", at: current.state === "saved" || current.state === "pending" || current.state === "saving" ? current.at : null }));
  }, []);

  const saveDraftOnce = useCallback(async (): Promise<TDraftOutcome> => {
    if (!dirty.current && listingId.current) return { ok: true, fieldErrors: lastDraftErrors.current };
    dirty.current = false;
    setSave((current) => ({ state: "saving", at: current.state === "saved" || current.state === "pending" ? current.at : null }));
    const saving = latest.current;
    const input = formValuesToInput(saving, "draft");
    let result;
    try {
      result = listingId.current ? await saveListingDraftAction({ ...input, id: listingId.current }) : await createListingDraftAction(input);
    } catch {
      result = { ok: false as const, code: "NETWORK", message: "errors.offline" };
    }
    if (!result.ok) {
      dirty.current = true;
      setSave({ state: "error", message: result.message, params: result.params });
      return { ok: false };
    }
    if (!listingId.current) {
      listingId.current = result.data.id;
      // Stay on this page (and keep its state) while the address becomes the draft's own.
      window.history.replaceState(null, "", `/staff/listings/${result.data.id}/edit`);
    }
    lastDraftErrors.current = result.data.fieldErrors;
    setDraftErrors({ errors: result.data.fieldErrors, saved: saving });
    setSave(dirty.current ? { state: "pending", at: result.data.savedAt } : { state: "saved", at: result.data.savedAt, unsaved: Object.keys(result.data.fieldErrors).length });
    return { ok: true, fieldErrors: result.data.fieldErrors };
  }, []);

  /** Saves now, after any save in flight (saves never overlap). */
  const flush = useCallback((): Promise<TDraftOutcome> => {
    chain.current = chain.current.then(saveDraftOnce, saveDraftOnce);
    return chain.current;
  }, [saveDraftOnce]);

  useEffect(() => {
    if (!autosaves || save.state !== "pending") return;
    const timer = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [autosaves, save, values, flush]);

  // Warn before leaving with changes that are not saved yet.
  useEffect(() => {
    if (save.state !== "pending" && save.state !== "saving" && save.state !== "error") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [save.state]);

  useEffect(() => {
    if (!focusRequest) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]:not(fieldset), fieldset[aria-invalid="true"] input')?.focus();
  }, [focusRequest]);

  const liveErrors = useMemo<TFieldErrors>(() => {
    if (!validateLive) return {};
    const checked = ZListingInput.safeParse(formValuesToInput(values, "full"));
    return checked.success ? {} : toFieldErrors(checked.error);
  }, [validateLive, values]);
  // Once fields are re-checked live, an autosave's error about a value changed
  // since is stale: the live check (and the next autosave) speak for it now.
  const currentDraftErrors = useMemo<TFieldErrors>(() => {
    if (!validateLive) return draftErrors.errors;
    return Object.fromEntries(Object.entries(draftErrors.errors).filter(([key]) => valueFor(values, key) === valueFor(draftErrors.saved, key)));
  }, [validateLive, draftErrors, values]);
  const errorsFor = useMemo(() => mergeErrors(liveErrors, currentDraftErrors, serverErrors), [liveErrors, currentDraftErrors, serverErrors]);

  /**
   * Re-renders the page around the editor (status badge). Not on the "new" page:
   * its address now names the draft, and a refresh would render the edit page
   * in its place, remounting the editor and losing the outcome message.
   */
  function refreshHeader() {
    if (listing.id) router.refresh();
  }

  function refuse(result: Extract<TActionResult<unknown>, { ok: false }>) {
    setServerErrors(result.fieldErrors ?? {});
    if (result.fieldErrors) setValidateLive(true);
    setOutcome({ tone: "error", message: result.message, params: result.params });
    setFocusRequest((count) => count + 1);
  }

  async function submitForReview() {
    setBusy("submit");
    setOutcome(null);
    try {
      const saved = await flush();
      if (!saved.ok) return;
      if (Object.keys(saved.fieldErrors).length) {
        setValidateLive(true);
        setOutcome({ tone: "error", message: "errors.listing.incomplete" });
        setFocusRequest((count) => count + 1);
        return;
      }
      const result = await submitListingAction({ id: listingId.current });
      if (!result.ok) return refuse(result);
      setStatus("SUBMITTED");
      setOutcome({ tone: "success", message: t("outcome.submitted") });
      refreshHeader();
    } finally {
      setBusy(null);
    }
  }

  async function savePublished() {
    setBusy("update");
    setOutcome(null);
    try {
      const result = await updateListingAction({ ...formValuesToInput(values, "full"), id: listingId.current });
      if (!result.ok) return refuse(result);
      dirty.current = false;
      setValidateLive(false);
      setSave({ state: "saved", at: result.data.savedAt, unsaved: 0 });
      const fields = result.data.changedFields.map((group) => t(`changeGroups.${group}`)).join(", ");
      setOutcome({
        tone: "success",
        message: result.data.changedFields.length ? t("outcome.versioned", { version: result.data.version, fields }) : t("outcome.noChanges"),
      });
    } finally {
      setBusy(null);
    }
  }

  async function close() {
    setBusy("close");
    setOutcome(null);
    try {
      const result = await closeListingAction({ id: listingId.current });
      if (!result.ok) return refuse(result);
      setStatus("CLOSED");
      setConfirmClose(false);
      setOutcome({ tone: "success", message: t("outcome.closed") });
      refreshHeader();
    } finally {
      setBusy(null);
    }
  }

  const time = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });

  return (
    <EditorProvider value={{ values, update, errorsFor, readOnly: !editable }}>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <form ref={form} noValidate onSubmit={(event) => event.preventDefault()} className="space-y-6" aria-describedby="editor-status">
          {listing.reviewComment && status === "DRAFT" && (
            <Notice tone="warning" title={t("review.sentBack")} role="status">
              <p className="whitespace-pre-line" data-testid="review-comment">
                {listing.reviewComment}
              </p>
            </Notice>
          )}
          {status === "SUBMITTED" && <Notice tone="info" title={t("review.waiting")}>{t("review.waitingBody")}</Notice>}
          {status === "CLOSED" && <Notice tone="info" title={t("review.closed")} />}
          {status === "PUBLISHED" && !readOnly && <Notice tone="info" title={t("review.published", { version: listing.version })}>{t("review.publishedBody")}</Notice>}
          <fieldset disabled={!editable} className="space-y-6">
            <BasicsSection />
            <SectorsSection sectors={sectors} />
            <LocationSection />
            <InvestmentSection />
            <FactsSection />
            <IncentivesSection templates={templates} />
            <ContactSection />
          </fieldset>
        </form>

        <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start" aria-label={t("sidebar")}>
          <CompletenessMeter values={values} />
          <div className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
            <p id="editor-status" role="status" aria-live="polite" className="text-sm text-stone-700" data-testid="save-status">
              {save.state === "saving" && t("save.saving")}
              {save.state === "pending" && (autosaves ? t("save.pending") : t("save.unsaved"))}
              {save.state === "saved" && (save.unsaved ? t("save.savedPartly", { time: time(save.at), count: save.unsaved }) : t("save.savedAt", { time: time(save.at) }))}
              {save.state === "error" && t("save.failed", { reason: translate(save.message, save.params) })}
              {save.state === "idle" && (autosaves ? t("save.autosaveHint") : null)}
            </p>
            {outcome?.tone === "error" && <FormMessage message={outcome.message} params={outcome.params} />}
            {outcome?.tone === "success" && <FormSuccess>{outcome.message}</FormSuccess>}
            {autosaves && (
              <>
                <button type="button" className={`${buttonClass("secondary")} w-full`} onClick={() => void flush()} disabled={busy !== null}>
                  {t("actions.saveDraft")}
                </button>
                <button type="button" className={`${buttonClass("primary")} w-full`} onClick={() => void submitForReview()} disabled={busy !== null} aria-busy={busy === "submit" || undefined}>
                  {busy === "submit" ? t("actions.submitting") : t("actions.submit")}
                </button>
                <p className="text-xs text-stone-600">{t("actions.submitHint")}</p>
              </>
            )}
            {editable && status === "PUBLISHED" && (
              <button type="button" className={`${buttonClass("primary")} w-full`} onClick={() => void savePublished()} disabled={busy !== null} aria-busy={busy === "update" || undefined}>
                {busy === "update" ? t("actions.saving") : t("actions.savePublished")}
              </button>
            )}
            {status === "PUBLISHED" && !readOnly &&
              (confirmClose ? (
                <div className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
                  <p className="text-sm text-red-900">{t("actions.closeConfirmText")}</p>
                  <div className="flex gap-2">
                    <button type="button" className={buttonClass("danger")} onClick={() => void close()} disabled={busy !== null}>
                      {busy === "close" ? t("actions.closing") : t("actions.closeConfirm")}
                    </button>
                    <button type="button" className={buttonClass("secondary")} onClick={() => setConfirmClose(false)}>
                      {t("actions.cancel")}
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" className={`${buttonClass("secondary")} w-full`} onClick={() => setConfirmClose(true)}>
                  {t("actions.close")}
                </button>
              ))}
          </div>
        </aside>
      </div>
    </EditorProvider>
  );
}
