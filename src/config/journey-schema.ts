import { z } from 'zod';
import { isCredentialField } from '../domain/credential-fields.ts';
import { cssSelector } from './notices-schema.ts';
import { componentId, duration, itemId, localized, probeBase, statusPattern } from './schema-common.ts';

/** What a step's final page must show; every list is checked in full. */
const stepExpectSchema = z.strictObject({
  /** Expected status of the step's final response (default 2xx). */
  status: z.array(statusPattern).min(1).optional(),
  /** Host (URL.host) the step must end on after redirects, e.g. `pz.gov.pl`. */
  host: z.string().min(1).optional(),
  /** CSS selectors that must match; a miss means the markup changed (`page_changed`). */
  present: z.array(cssSelector).min(1).optional(),
  /** CSS selectors that must not match (e.g. an error box). */
  absent: z.array(cssSelector).min(1).optional(),
  /** Visible texts that must appear. */
  text: z.array(z.string().min(1)).min(1).optional(),
  /** Visible texts that must not appear. */
  notText: z.array(z.string().min(1)).min(1).optional(),
  /** Field names of one form on the page, e.g. PZ's `loginForm:login`, `loginForm:hasło` (checked, never filled). */
  form: z.array(z.string().min(1)).min(1).optional(),
  /** A form's `SAMLRequest` must decode (base64, maybe deflated) to this SAML message. */
  samlRequest: z.literal('AuthnRequest').optional(),
});

/** A link or tile to follow: found by CSS selector and/or visible text (tile ids are generated, so text is safer). */
const followSchema = z
  .strictObject({
    selector: cssSelector.optional(),
    text: z.string().min(1).optional(),
    /** Login method the tile stands for: a missing tile is reported as `method_missing:<method>`. */
    method: itemId.optional(),
  })
  .refine((f) => f.selector !== undefined || f.text !== undefined, { message: 'give selector, text or both' });

/** An auto-submitting form to send as the page has it (hidden fields only; nothing is ever typed in). */
const submitSchema = z.strictObject({
  selector: cssSelector.default('form'),
  /** Fields the form must carry, e.g. `SAMLRequest`, `RelayState`. */
  fields: z.array(z.string().min(1)).min(1),
});

const ACTIONS = ['get', 'follow', 'submit'] as const;

export const journeyStepSchema = z
  .strictObject({
    id: itemId,
    /** How the status page names this hop when it fails, in plain words. */
    name: localized.optional(),
    /** Component a failure here is attributed to (default: the probe's component). */
    component: componentId.optional(),
    /**
     * Hops a step passes through on its way (redirects), by URL prefix: a fetch that fails at such a
     * URL is that hop's component's failure (e.g. mojeID between the chooser and the bank).
     */
    via: z.array(z.strictObject({ urlPrefix: z.url({ protocol: /^https?$/ }), component: componentId })).min(1).optional(),
    /** `browser`: after arriving, re-open the page in the optional browser runner and check the rendered DOM (for JS-built pages). */
    render: z.literal('browser').optional(),
    /** This step's budget (default: journey.stepTimeout). */
    timeout: duration.optional(),
    get: z.url({ protocol: /^https?$/ }).optional(),
    follow: followSchema.optional(),
    submit: submitSchema.optional(),
    expect: stepExpectSchema.default({}),
  })
  .superRefine((step, ctx) => {
    const actions = ACTIONS.filter((a) => step[a] !== undefined);
    if (actions.length !== 1) ctx.addIssue({ code: 'custom', path: [], message: `give exactly one of get, follow or submit (found ${actions.length})` });
    for (const [i, field] of (step.submit?.fields ?? []).entries()) {
      if (isCredentialField(field)) {
        ctx.addIssue({ code: 'custom', path: ['submit', 'fields', i], message: `"${field}" is a credential field; a journey never submits one` });
      }
    }
  });
export type JourneyStep = z.infer<typeof journeyStepSchema>;

export const journeyCheckSchema = z
  .strictObject({
    /** Per-step budget; the probe's `timeout` bounds the whole journey. */
    stepTimeout: duration.default(10_000),
    connectTimeout: duration.optional(),
    maxRedirects: z.number().int().min(0).max(20).default(5),
    /** Pages are parsed with cheerio, so bodies are capped well below the HTTP probe's default. */
    maxBodyBytes: z.number().int().positive().max(4 * 1024 * 1024).default(1024 * 1024),
    steps: z.array(journeyStepSchema).min(1).max(20),
  })
  .superRefine((j, ctx) => {
    if (j.steps[0] !== undefined && j.steps[0].get === undefined) {
      ctx.addIssue({ code: 'custom', path: ['steps', 0], message: 'the first step must be a get (follow and submit need a page)' });
    }
    const seen = new Set<string>();
    j.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id "${s.id}"` });
      seen.add(s.id);
    });
  });
export type JourneyCheck = z.infer<typeof journeyCheckSchema>;

/** A `kind: journey` probe: walks the login path up to the point where a credential would be typed. */
export const journeyProbeSchema = z.strictObject({
  ...probeBase,
  kind: z.literal('journey'),
  journey: journeyCheckSchema,
});
export type JourneyProbeConfig = z.infer<typeof journeyProbeSchema>;
