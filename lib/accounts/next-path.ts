// The `next` parameter of the sign-in page: only a path on this site, so a link
// cannot bounce a freshly signed-in user to another origin (open redirect).

/** A relative path starting with a single "/", or null. */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  // Browsers read "/\evil.example" as "//evil.example"; control characters can hide either.
  if (value.includes("\\") || /[\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}
