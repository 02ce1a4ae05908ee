"use client";
// Edit the matching weights: eight criteria summing to 100 (the running total
// shows as you type), the threshold and the cap per investor. "Preview" scores
// a sample investor with what is typed, without saving; "Save" creates a new
// version. A refused form keeps what was typed and shows each message beside
// its field.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { previewMatchingWeightsAction, saveMatchingWeightsAction } from "@/app/admin/settings/matching/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction, type TFormValues } from "@/components/forms/use-form-action";
import { useTranslateMessage } from "@/components/forms/use-translate-message";
import { buttonClass } from "@/components/ui/button-class";
import type { TActionResult } from "@/lib/http/result";
import { MATCH_CRITERIA } from "@/lib/matching/types";
import type { TSampleInvestorDto, TWeightsPreview } from "@/lib/matching/weights";

const WEIGHT_CRITERIA = MATCH_CRITERIA;

function totalOf(values: Record<string, string | undefined>): number {
  return WEIGHT_CRITERIA.reduce((sum, criterion) => sum + (Number(values[criterion]) || 0), 0);
}

export function MatchingWeightsForm({ initial, investors, locale }: { initial: TFormValues; investors: TSampleInvestorDto[]; locale: "en" | "ja" }) {
  const t = useTranslations("adminMatchingSettings");
  const translate = useTranslateMessage();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [{ result: saved, values }, saveAction] = useFormAction(saveMatchingWeightsAction, initial);
  const [preview, setPreview] = useState<TActionResult<TWeightsPreview> | null>(null);
  const [lastChecked, setLastChecked] = useState<"save" | "preview">("save");
  const [total, setTotal] = useState(totalOf(initial));
  const [profileId, setProfileId] = useState(investors[0]?.profileId ?? "");
  const [previewing, startPreview] = useTransition();
  const shown = lastChecked === "save" ? saved : preview;
  useFocusFirstError(form, shown);
  useEffect(() => {
    if (saved?.ok) router.refresh();
  }, [saved, router]);
  useEffect(() => {
    setTotal(totalOf(values));
  }, [values]);

  const errors = (name: string) => fieldErrors(shown, name);
  const current = (): Record<string, string> => {
    const data = new FormData(form.current ?? undefined);
    return Object.fromEntries([...data.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  };

  function runPreview() {
    setLastChecked("preview");
    startPreview(async () => setPreview(await previewMatchingWeightsAction({ ...current(), profileId, locale })));
  }

  return (
    <div className="space-y-6">
      <form
        ref={form}
        action={(formData) => {
          setLastChecked("save");
          return saveAction(formData);
        }}
        noValidate
        className="space-y-4"
        onInput={() => setTotal(totalOf(current()))}
      >
        <FormError result={shown && !shown.ok ? shown : null} />
        {saved?.ok && lastChecked === "save" && (
          <FormSuccess>{t(saved.data.recomputeQueued ? "savedQueued" : "savedManual", { version: saved.data.version })}</FormSuccess>
        )}
        <fieldset className="space-y-3" aria-describedby="weights-total">
          <legend className="text-sm font-semibold">{t("weights")}</legend>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {WEIGHT_CRITERIA.map((criterion) => (
              <TextInput
                key={criterion}
                name={criterion}
                label={t(`criteria.${criterion}`)}
                type="number"
                min={0}
                max={100}
                step={1}
                inputMode="numeric"
                defaultValue={values[criterion]}
                errors={errors(criterion)}
              />
            ))}
          </div>
          <p id="weights-total" aria-live="polite" className={`text-sm ${total === 100 ? "text-stone-700" : "font-medium text-red-700"}`} data-testid="weights-total">
            {t("total", { total })}
          </p>
          {errors("weights") && (
            <p className="text-sm text-red-700" role="alert">
              {errors("weights")!.map((message) => translate(message)).join(" ")}
            </p>
          )}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextInput name="threshold" label={t("threshold")} hint={t("thresholdHint")} type="number" min={0} max={100} defaultValue={values.threshold} errors={errors("threshold")} />
          <TextInput
            name="maxPerInvestor"
            label={t("maxPerInvestor")}
            hint={t("maxPerInvestorHint")}
            type="number"
            min={1}
            max={1000}
            defaultValue={values.maxPerInvestor}
            errors={errors("maxPerInvestor")}
          />
        </div>

        <section aria-labelledby="preview-heading" className="space-y-3 rounded-md border border-stone-200 bg-stone-50 p-4">
          <h2 id="preview-heading" className="font-semibold">
            {t("preview.title")}
          </h2>
          <p className="text-sm text-stone-600">{t("preview.intro")}</p>
          {investors.length === 0 ? (
            <p className="text-sm text-stone-700">{t("preview.noInvestors")}</p>
          ) : (
            <div className="flex flex-wrap items-end gap-3">
              <label className="flex flex-col gap-1 text-sm">
                <span className="font-medium">{t("preview.investor")}</span>
                <select value={profileId} onChange={(event) => setProfileId(event.target.value)} className="rounded border border-stone-300 px-2 py-1">
                  {investors.map((investor) => (
                    <option key={investor.profileId} value={investor.profileId}>
                      {investor.organization ? `${investor.name} (${investor.organization})` : investor.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className={buttonClass("secondary")} onClick={runPreview} disabled={previewing} aria-busy={previewing || undefined}>
                {previewing ? t("preview.running") : t("preview.run")}
              </button>
            </div>
          )}
          {preview?.ok && <PreviewTable preview={preview.data} />}
        </section>

        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </form>
    </div>
  );
}

function PreviewTable({ preview }: { preview: TWeightsPreview }) {
  const t = useTranslations("adminMatchingSettings.preview");
  if (preview.rows.length === 0) return <p className="text-sm text-stone-700">{t("empty", { candidates: preview.candidates })}</p>;
  const cell = (entry: { score: number; rank: number } | null) => (entry ? t("rankScore", { rank: entry.rank, score: entry.score }) : "—");
  return (
    <div className="overflow-x-auto">
      <p className="mb-2 text-sm text-stone-600" role="status">
        {t("summary", { version: preview.currentVersion, candidates: preview.candidates })}
      </p>
      <table className="w-full min-w-[36rem] text-left text-sm" data-testid="weights-preview">
        <thead className="border-b border-stone-300 text-stone-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">{t("listing")}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t("current")}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t("proposed")}</th>
            <th scope="col" className="py-2 font-medium">{t("change")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {preview.rows.map((row) => {
            const delta = row.current && row.proposed ? row.proposed.score - row.current.score : null;
            return (
              <tr key={row.listingId}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  {row.title}
                </th>
                <td className="py-2 pr-3 tabular-nums">{cell(row.current)}</td>
                <td className="py-2 pr-3 tabular-nums">{cell(row.proposed)}</td>
                <td className="py-2">
                  {t(`changes.${row.change}`)}
                  {delta !== null && delta !== 0 && <span className="ml-1 tabular-nums text-stone-600">{t("delta", { delta })}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
