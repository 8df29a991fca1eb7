/** The URL when it is absolute http(s), else null: scraped links never become `javascript:` or `data:` hrefs. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An HTML id for an item (`window-…`, `c-…`): ids may hold `:` or `#`, anchors only keep letters, digits, `_` and `-`. */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
