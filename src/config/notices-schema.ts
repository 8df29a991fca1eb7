// The slim build (htmlparser2 only) compiles selectors exactly as the full one, without loading
// parse5 and undici: check-config and every start validate selectors before anything is fetched.
import { load } from 'cheerio/slim';
import { z } from 'zod';
import { componentId, duration, probeBase } from './schema-common.ts';

/** A CSS selector that cheerio can compile, checked at load time so a typo fails fast instead of on every run. */
export const cssSelector = z
  .string()
  .min(1)
  .refine(
    (s) => {
      try {
        load('')(s);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not a valid CSS selector' },
  );

/** Where a notice page or feed is, how to read it and which components it speaks for. */
export const noticesCheckSchema = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }),
    /** `auto` sniffs by Content-Type, then by the document's first element. */
    format: z.enum(['html', 'rss', 'atom', 'auto']).default('auto'),
    /** CSS selectors for HTML pages; all but `item` are relative to each item. */
    selectors: z
      .strictObject({
        item: cssSelector,
        title: cssSelector.optional(),
        text: cssSelector.optional(),
        link: cssSelector.optional(),
        date: cssSelector.optional(),
      })
      .optional(),
    /** Most days there is no notice, so an empty page is fine unless this is false. */
    allowEmpty: z.boolean().default(true),
    /** A selector that must match, so a redesigned page is told apart from a day without notices. */
    expectContainer: cssSelector.optional(),
    maxItems: z.number().int().min(1).max(500).default(50),
    maxBodyBytes: z.number().int().positive().default(2 * 1024 * 1024),
    connectTimeout: duration.optional(),
    /** Components this source speaks for (default attribution of its notices). */
    components: z.array(componentId).default([]),
  })
  .superRefine((n, ctx) => {
    if (n.format === 'html' && !n.selectors) {
      ctx.addIssue({ code: 'custom', path: ['selectors'], message: 'is required when format is html' });
    }
    if (n.format === 'rss' || n.format === 'atom') {
      for (const key of ['selectors', 'expectContainer'] as const) {
        if (n[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `applies to HTML pages only, not format ${n.format}` });
      }
    }
  });
/** The `notices:` block of a notices probe, after defaults. */
export type NoticesCheck = z.infer<typeof noticesCheckSchema>;

/** A `kind: notices` probe: reads a notice page or feed. */
export const noticesProbeSchema = z.strictObject({
  ...probeBase,
  kind: z.literal('notices'),
  notices: noticesCheckSchema,
});
/** The config of one `notices` probe. */
export type NoticesProbeConfig = z.infer<typeof noticesProbeSchema>;
