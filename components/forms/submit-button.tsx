"use client";
// Disabled and relabelled while its form is submitting, so a double click
// cannot send the form twice and everyone can tell something is happening.
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type TButtonVariant } from "@/components/ui/button-class";

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
