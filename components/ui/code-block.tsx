// A block of code that may scroll sideways: focusable, so a keyboard user can
// scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
export function CodeBlock({ children }: { children: string }) {
  return (
    <pre
      tabIndex={0}
      className="overflow-x-auto rounded-md bg-stone-900 p-3 text-xs leading-relaxed text-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      {children}
    </pre>
  );
}
