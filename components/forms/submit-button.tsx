"use client";
// Disabled and relabelled while its form is submitting, so a double click
// cannot send the form twice and everyone can tell something is happening.
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

export type TButtonVariant = keyof typeof VARIANTS;

export const buttonClass = (variant: TButtonVariant = "primary") =>
  `inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium disabled:cursor-wait disabled:opacity-70 ${VARIANTS[variant]}`;

type TSubmitButtonProps = {
  children: ReactNode;
  pendingLabel: ReactNode;
  /** For forms not driven by an action (e.g. next-auth's signIn). */
  pending?: boolean;
  variant?: TButtonVariant;
  name?: string;
  value?: string;
  disabled?: boolean;
  className?: string;
};

export function SubmitButton({ children, pendingLabel, pending, variant = "primary", name, value, disabled, className }: TSubmitButtonProps) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
      className={`${buttonClass(variant)} ${className ?? ""}`}
    >
      {busy ? pendingLabel : children}
    </button>
  );
}
