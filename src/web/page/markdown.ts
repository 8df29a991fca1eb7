import MarkdownIt from 'markdown-it';

/** Turns operator-written incident text into safe HTML. */
export type MarkdownRenderer = (text: string) => string;

// Only http(s) targets become links; anything else (javascript:, data:, mailto:, relative) stays text.
const HTTP_URL = /^https?:\/\//i;

/**
 * The small Markdown subset incident texts may use: paragraphs, line breaks kept as written,
 * **bold**, *italic*, lists and http(s) links (rel="nofollow noopener", since operators may paste
 * third-party pages). Raw HTML is never passed through: `<b>` shows as text. Everything else
 * (headings, images, code, tables) is left as the characters typed. Every face that shows incident
 * text renders it through this one function, so the page and the history agree.
 */
export function incidentMarkdown(): MarkdownRenderer {
  // 'zero' enables nothing but paragraphs and text; the subset is switched on rule by rule.
  const md = new MarkdownIt('zero', { html: false, breaks: true, linkify: false, typographer: false });
  md.enable(['paragraph', 'newline', 'escape', 'emphasis', 'list', 'link']);
  md.validateLink = (url) => HTTP_URL.test(url.trim());
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    tokens[idx]!.attrSet('rel', 'nofollow noopener');
    return self.renderToken(tokens, idx, options);
  };
  return (text) => md.render(text);
}
