"use client";
// The investment profile in four short steps, used for onboarding and for later
// edits. Every step is checked with the same zod schema the server uses before
// moving on; the draft lives in state, so nothing is lost on an error or "Back".
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState, useTransition } from "react";
import { saveInvestorProfileAction } from "@/app/investor/actions";
import { FormMessage, FormSuccess } from "@/components/forms/form-message";
import { buttonClass } from "@/components/ui/button-class";
import type { TSectorGroup } from "@/lib/sectors/queries";
import { PROFILE_STEPS, ZInvestorProfileInput } from "@/lib/investors/schemas";
import type { TFieldErrors } from "@/lib/errors";
import { type TProfileDraft, draftToInput } from "./profile-draft";
import { DetailsStep, LocationStep, SectorsStep, TicketStep } from "./profile-steps";

type TWizardProps = {
  mode: "onboarding" | "edit";
  initial: TProfileDraft;
  sectors: TSectorGroup[];
};

function issuesToFieldErrors(issues: { path: PropertyKey[]; message: string }[]): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of issues) (out[issue.path.length ? issue.path.join(".") : "_form"] ??= []).push(issue.message);
  return out;
}

/** The step that owns a field error ("districts.2" belongs to the location step). */
function stepOfField(field: string): number {
  const root = field.split(".")[0]!;
  const index = PROFILE_STEPS.findIndex((step) => (step.fields as readonly string[]).includes(root));
  return index === -1 ? PROFILE_STEPS.length - 1 : index;
}

export function InvestorProfileWizard({ mode, initial, sectors }: TWizardProps) {
  const t = useTranslations("investorProfile");
  const router = useRouter();
  const [draft, setDraft] = useState<TProfileDraft>(initial);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const stepRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const total = PROFILE_STEPS.length;
  const current = PROFILE_STEPS[step]!;
  const isLast = step === total - 1;

  // Keyboard and screen-reader users land on the new step's heading, or on the first field that needs attention.
  useEffect(() => {
    if (Object.keys(errors).length) {
      stepRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (moved.current) headingRef.current?.focus();
  }, [step, errors]);

  const update = (patch: Partial<TProfileDraft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setSaved(false);
  };

  function showErrors(fieldErrors: TFieldErrors) {
    const first = Object.keys(fieldErrors)[0];
    if (first) setStep(stepOfField(first));
    setErrors(fieldErrors);
    setFormError("investorProfile.fixErrors");
  }

  function goTo(next: number) {
    moved.current = true;
    setErrors({});
    setFormError(null);
    setStep(next);
  }

  function save() {
    const parsed = ZInvestorProfileInput.safeParse(draftToInput(draft));
    if (!parsed.success) return showErrors(issuesToFieldErrors(parsed.error.issues));
    startTransition(async () => {
      const result = await saveInvestorProfileAction(draftToInput(draft));
      if (!result.ok) {
        if (result.fieldErrors && Object.keys(result.fieldErrors).length) showErrors(result.fieldErrors);
        else {
          setErrors({});
          setFormError(result.message);
        }
        return;
      }
      setErrors({});
      setFormError(null);
      if (mode === "onboarding") router.push("/investor/profile");
      else {
        setSaved(true);
        router.refresh();
      }
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = current.schema.safeParse(draftToInput(draft));
    if (!checked.success) return showErrors(issuesToFieldErrors(checked.error.issues));
    if (isLast) save();
    else goTo(step + 1);
  }

  const stepProps = { draft, update, errors };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-labelledby="profile-step-heading">
      <nav aria-label={t("progress", { current: step + 1, total })}>
        <p className="text-sm font-medium text-stone-600" data-testid="profile-progress">
          {t("progress", { current: step + 1, total })}
        </p>
        <div className="mt-2 h-2 rounded-full bg-stone-200" aria-hidden="true">
          <div className="h-2 rounded-full bg-brand-600 transition-all" style={{ width: `${((step + 1) / total) * 100}%` }} />
        </div>
        <ol className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {PROFILE_STEPS.map((entry, index) => (
            <li key={entry.key} aria-current={index === step ? "step" : undefined} className={index === step ? "font-semibold text-brand-700" : "text-stone-600"}>
              {mode === "edit" && index !== step ? (
                <button type="button" onClick={() => goTo(index)} className="underline">
                  {index + 1}. {t(`steps.${entry.key}`)}
                </button>
              ) : (
                <span>
                  {index + 1}. {t(`steps.${entry.key}`)}
                </span>
              )}
            </li>
          ))}
        </ol>
      </nav>

      <div ref={stepRef} className="space-y-5 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="profile-step-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          {t(`steps.${current.key}`)}
        </h2>
        {formError && <FormMessage message={formError.startsWith("errors.") ? formError : t("fixErrors")} />}
        {current.key === "sectors" && <SectorsStep {...stepProps} sectors={sectors} />}
        {current.key === "ticket" && <TicketStep {...stepProps} />}
        {current.key === "location" && <LocationStep {...stepProps} />}
        {current.key === "details" && <DetailsStep {...stepProps} />}
      </div>

      {saved && <FormSuccess>{t("saved")}</FormSuccess>}

      <div className="flex items-center justify-between gap-3">
        {step > 0 ? (
          <button type="button" className={buttonClass("secondary")} onClick={() => goTo(step - 1)}>
            {t("back")}
          </button>
        ) : (
          <span />
        )}
        <div className="flex gap-3">
          {mode === "edit" && !isLast && (
            <button type="button" className={buttonClass("secondary")} disabled={pending} onClick={save}>
              {pending ? t("saving") : t("save")}
            </button>
          )}
          <button type="submit" className={buttonClass("primary")} disabled={pending} aria-busy={pending || undefined}>
            {isLast ? (pending ? t("saving") : t("save")) : t("next")}
          </button>
        </div>
      </div>
    </form>
  );
}
