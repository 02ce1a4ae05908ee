"use client";
// The panel that replaces a form once it has done its job ("check your email").
// The submit button that had focus is gone, so focus moves to the panel: keyboard
// users continue from there and screen readers read it.
import { type ComponentProps, useEffect, useRef } from "react";
import { Notice } from "@/components/ui/notice";

export function OutcomePanel(props: ComponentProps<typeof Notice>) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);
  return (
    <div ref={panel} tabIndex={-1} className="rounded-lg focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
      <Notice {...props} />
    </div>
  );
}
