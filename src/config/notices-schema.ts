import { load } from 'cheerio';
import { z } from 'zod';
import { parseDuration } from './duration.ts';

// Mirrors schema.ts: importing it here would make a cycle once schema.ts imports this file.
const duration = z.string().transform((s, ctx) => {
  const ms = parseDuration(s);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a duration (use e.g. 500ms, 30s, 5m, 1h)` });
    return z.NEVER;
  }
  return ms;
});
const componentId = z.string().regex(/^[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*)?$/, 'must be lowercase letters, digits, dashes, optionally prefixed like bank:<id>');
const itemId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes');

/** A CSS selector that cheerio can compile, checked at load time so a typo fails fast instead of on every run. */
const cssSelector = z
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

/** A `kind: notices` probe; the lead adds it to the probe union in schema.ts. */
export const noticesProbeSchema = z.strictObject({
  id: itemId,
  /** Component this probe measures; omit for canaries. */
  component: componentId.optional(),
  canary: z.boolean().default(false),
  interval: duration,
  timeout: duration,
  failureThreshold: z.number().int().min(1).max(100).optional(),
  successThreshold: z.number().int().min(1).max(100).optional(),
  kind: z.literal('notices'),
  notices: noticesCheckSchema,
});
/** The config of one `notices` probe. */
export type NoticesProbeConfig = z.infer<typeof noticesProbeSchema>;
