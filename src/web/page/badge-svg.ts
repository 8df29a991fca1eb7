import type { ComponentStatus } from '../../domain/types.ts';

// White text on these keeps at least 4.5:1 contrast.
const COLOR: Record<ComponentStatus, string> = {
  operational: '#1a7f37',
  degraded: '#9a6700',
  maintenance: '#0550ae',
  outage: '#cf222e',
  unknown: '#57606a',
};

// A symbol next to the word, so the badge does not rely on colour.
const SYMBOL: Record<ComponentStatus, string> = { operational: '✓', degraded: '!', maintenance: '‖', outage: '✕', unknown: '?' };

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

/** Rough width of text in 11px Verdana; `textLength` then fits the glyphs exactly. */
function textWidth(text: string): number {
  return Math.ceil([...text].length * 6.8);
}

/** A flat two-part status badge (label | status) as a standalone SVG document; every text is escaped. */
export function badgeSvg(label: string, statusText: string, status: ComponentStatus): string {
  const message = `${SYMBOL[status]} ${statusText}`;
  const lw = textWidth(label) + 12;
  const mw = textWidth(message) + 12;
  const w = lw + mw;
  const l = escapeXml(label);
  const m = escapeXml(message);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${l}: ${m}">` +
    `<title>${l}: ${m}</title>` +
    `<rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${COLOR[status]}"/>` +
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">` +
    `<text x="6" y="14" textLength="${lw - 12}">${l}</text>` +
    `<text x="${lw + 6}" y="14" textLength="${mw - 12}">${m}</text>` +
    `</g></svg>`
  );
}
