import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';
import type { Request, Response } from 'express';
import type { Config } from '../../config/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { asLang, isDictKey, translator, type Lang, type Translate } from '../../i18n/index.ts';
import { timeFormat, type TimeFormat } from '../../i18n/format.ts';
import { loadAssets } from '../page/assets.ts';
import { VIEWS_DIR } from '../page/render.ts';
import { sessionOf } from './guard.ts';
import type { Session, SessionSigner } from './session.ts';
import { fieldAnchor, fieldLabelKey } from './field-labels.ts';
import { durationText, probeReasonText } from './probe-text.ts';
import { consoleText, isConsoleKey, type ConsoleTranslate } from './text.ts';

/** The console's pages; each is one EJS view in views/console/. */
export const CONSOLE_PAGES = ['signin', 'dashboard', 'incidents', 'incident', 'maintenance', 'window', 'overrides', 'reclassify', 'notices', 'notice', 'probe', 'audit', 'message'] as const;
export type ConsolePage = (typeof CONSOLE_PAGES)[number];

/** What every console view gets besides its own data. */
export interface ConsoleModel {
  lang: Lang;
  t: ConsoleTranslate;
  /** The public page's dictionary, for status and reason labels shared with patients. */
  pt: Translate;
  fmt: TimeFormat;
  session: Session | null;
  csrf: string;
  /** A console URL in the current language. */
  u(path: string): string;
  css: string;
  favicon: string;
  /** Path of the current page without the language (for the language switch). */
  here: string;
  notice: string | null;
  errors: FieldProblem[];
  components: { id: string; name: string }[];
  /** A patient-facing label for a status or reason code (the code itself only when no label exists). */
  label(kind: 'status' | 'reason', code: string): string;
  /** A console label for a computed key such as `impact.major` (the key's last part when missing). */
  tk(key: string): string;
  /** A component's name in the current language. */
  name(id: string): string;
  /** The label of a field a validation error names (`title.pl` → "Tytuł (po polsku)"). */
  fieldLabel(path: string): string;
  /** The id of the input a field error links to. */
  fieldAnchor(path: string): string;
  /** A probe reason in operator words. */
  reason(code: string): string;
  /** A run's duration in local notation. */
  duration(ms: number): string;
}

/** Compiles the console views once and renders them with the shared model. */
export class ConsoleRenderer {
  private readonly views = new Map<ConsolePage, ejs.TemplateFunction>();
  private readonly assets = loadAssets();

  constructor(
    private readonly config: Config,
    private readonly signer: SessionSigner,
    private readonly now: () => number,
  ) {
    const dir = join(VIEWS_DIR, 'console');
    for (const page of CONSOLE_PAGES) {
      const filename = join(dir, `${page}.ejs`);
      this.views.set(page, ejs.compile(readFileSync(filename, 'utf8'), { filename, cache: true }));
    }
  }

  /** The console language: `lang` in the query or the posted form, Polish by default. */
  langOf(req: Request): Lang {
    return asLang(req.query.lang) ?? asLang((req.body as Record<string, unknown> | undefined)?.lang) ?? 'pl';
  }

  /** Renders `page` with `data` as an HTML response. */
  send(req: Request, res: Response, page: ConsolePage, data: Record<string, unknown>, opts: { status?: number; notice?: string | null; errors?: FieldProblem[] } = {}): void {
    const lang = this.langOf(req);
    const session = sessionOf(res);
    const pt = translator(lang);
    const ct = consoleText(lang);
    const names = new Map(this.config.components.map((c) => [c.id, c.name[lang]]));
    const model: ConsoleModel = {
      lang,
      t: ct,
      pt,
      fmt: timeFormat(pt, this.now()),
      session,
      csrf: session ? this.signer.csrfFor(session) : '',
      u: (path) => (lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path),
      css: `${this.assets.prefix}/console.css`,
      favicon: this.assets.urls.favicon,
      here: req.path === '/' ? '/admin' : `/admin${req.path}`,
      notice: opts.notice ?? null,
      errors: opts.errors ?? [],
      components: this.config.components.map((c) => ({ id: c.id, name: c.name[lang] })),
      label: (kind, code) => {
        const key = `${kind}.${code}`;
        return isDictKey(key) ? pt(key) : code;
      },
      tk: (key) => (isConsoleKey(key) ? ct(key) : key.slice(key.lastIndexOf('.') + 1)),
      name: (id) => names.get(id) ?? id,
      fieldLabel: (path) => ct(fieldLabelKey(path)),
      fieldAnchor,
      reason: (code) => probeReasonText(code, lang),
      duration: (ms) => durationText(ms, lang),
    };
    const html = this.views.get(page)!({ m: model, ...data }) as string;
    res.status(opts.status ?? 200).type('html').send(html);
  }
}
