// Finds the http(s) links in a plain-text email body: the dev outbox makes them
// clickable, and tests use them to follow verification and reset links.

// Stops at whitespace and at characters that cannot end a URL in running text.
const LINK = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]}'’”」。、]/g;

export type TTextSegment = { kind: "text"; value: string } | { kind: "link"; value: string };

/** Splits text into plain runs and links, in order; joining the values gives the text back. */
export function splitLinks(text: string): TTextSegment[] {
  const segments: TTextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    if (start > last) segments.push({ kind: "text", value: text.slice(last, start) });
    segments.push({ kind: "link", value: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ kind: "text", value: text.slice(last) });
  return segments;
}

/** The links in a text body, in order of appearance. */
export function extractLinks(text: string): string[] {
  return splitLinks(text)
    .filter((segment) => segment.kind === "link")
    .map((segment) => segment.value);
}
