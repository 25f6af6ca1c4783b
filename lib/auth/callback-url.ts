// Where a browser may be sent after signing in or out: a path on this site, never elsewhere.
// Shared by the sign-in form and next-auth's redirect callback.

/** Characters browsers drop or read as "/" in a URL (`/\evil.example`, `/<TAB>/evil.example` both mean `//evil.example`). */
const AMBIGUOUS = /[\u0000-\u0020\u007f\\]/;

/** A same-site path for `value` (a path or a URL on `origin`); "/" for anything else. */
export function safeCallbackPath(value: string | null | undefined, origin: string): string {
  if (!value || AMBIGUOUS.test(value)) return "/";
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  // `//evil.example` as a path would be read as another host by the browser that follows it.
  return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
}
