"use client";
// A labelled control with its hint and errors wired for assistive technology:
// the control gets aria-invalid and aria-describedby pointing at both.
import { useTranslations } from "next-intl";
import { type ReactNode, useId } from "react";
import { useTranslateMessage } from "./use-translate-message";

export type TControlProps = {
  id: string;
  name: string;
  required?: boolean;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

export type TFieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Catalog keys (errors.field.*) or plain text. */
  errors?: string[];
  optional?: boolean;
  id?: string;
  className?: string;
};

export function Field({ name, label, hint, errors, optional, id, className, children }: TFieldProps & { children: (control: TControlProps) => ReactNode }) {
  const t = useTranslations("forms");
  const translate = useTranslateMessage();
  const generated = useId();
  const controlId = id ?? `${generated}-${name}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = errors?.length ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ?? "space-y-1"}>
      <label htmlFor={controlId} className="block text-sm font-medium text-stone-800">
        {label}
        {optional && <span className="ml-1 font-normal text-stone-500">{t("optional")}</span>}
      </label>
      {children({
        id: controlId,
        name,
        required: optional ? undefined : true,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": describedBy,
      })}
      {errorId && (
        <p id={errorId} className="text-sm text-red-700">
          {[...new Set(errors)].map((message) => translate(message)).join(" ")}
        </p>
      )}
      {hint && (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
    </div>
  );
}
