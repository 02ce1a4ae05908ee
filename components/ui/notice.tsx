// A boxed message: the outcome panels of the account pages ("check your email").
import type { ReactNode } from "react";

const TONES = {
  success: "border-green-200 bg-green-50 text-green-900",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-900",
} as const;

type TNoticeProps = {
  tone?: keyof typeof TONES;
  title?: ReactNode;
  children?: ReactNode;
  /** "status" for outcomes announced politely; "alert" for failures. */
  role?: "status" | "alert";
  headingLevel?: 2 | 3;
  className?: string;
};

export function Notice({ tone = "info", title, children, role, headingLevel = 2, className }: TNoticeProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div role={role} className={`rounded-lg border p-4 ${TONES[tone]} ${className ?? ""}`}>
      {title && <Heading className="font-semibold">{title}</Heading>}
      {children && <div className={title ? "mt-1 space-y-2 text-sm" : "space-y-2 text-sm"}>{children}</div>}
    </div>
  );
}
