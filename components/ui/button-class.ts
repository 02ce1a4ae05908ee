// Button styles shared by server and client components (no "use client": a
// function exported from a client module cannot be called on the server).
const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

export type TButtonVariant = keyof typeof VARIANTS;

export function buttonClass(variant: TButtonVariant = "primary"): string {
  return `inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium disabled:cursor-wait disabled:opacity-70 ${VARIANTS[variant]}`;
}
