import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Relative links in the repository's Markdown (README.md and docs/), checked the way GitHub
 * renders them: a link names a file that exists, and an anchor names a heading of that file.
 * Absolute URLs are not followed: they are the reader's network, not the repository.
 */

/** README.md and every .md file under docs/, as paths relative to `root` with `/`. */
export function markdownFiles(root: string): string[] {
  const docs = path.join(root, 'docs');
  const inDocs = existsSync(docs)
    ? (readdirSync(docs, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).map((f) => `docs/${f.split(path.sep).join('/')}`)
    : [];
  return ['README.md', ...inDocs.sort()];
}

/** The lines outside fenced code blocks, with inline code spans blanked: links in examples are text. */
function proseLines(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const opener = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = null;
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      continue;
    }
    out.push(line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, (span) => ' '.repeat(span.length)));
  }
  return out;
}

/** Heading text as GitHub shows it: inline code, emphasis and link targets dropped. */
function headingText(raw: string): string {
  return raw
    .replace(/\s+#+\s*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const opener = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = null;
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = headingText(heading)
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Link targets in prose: inline links and images, reference definitions, HTML href/src. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const line of proseLines(markdown)) {
    for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]!);
    const def = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line);
    if (def) targets.push(def[1]!);
    for (const m of line.matchAll(/\b(?:href|src)\s*=\s*"([^"]+)"/g)) targets.push(m[1]!);
  }
  return targets;
}

const isAbsolute = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/**
 * Every relative link in `files` (paths relative to `root`) whose file is missing, or whose
 * anchor names no heading of its Markdown file, as "file → target (why)".
 */
export function brokenLinks(root: string, files: readonly string[]): string[] {
  const broken: string[] = [];
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (abs: string): Set<string> => {
    let found = anchorsOf.get(abs);
    if (!found) anchorsOf.set(abs, (found = headingAnchors(readFileSync(abs, 'utf8'))));
    return found;
  };
  for (const file of files) {
    const abs = path.join(root, file);
    for (const target of linkTargets(readFileSync(abs, 'utf8'))) {
      if (isAbsolute(target)) continue;
      const hash = target.indexOf('#');
      const pathPart = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
      const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
      const dest = pathPart === '' ? abs : path.resolve(path.dirname(abs), pathPart);
      if (!existsSync(dest)) {
        broken.push(`${file} → ${target} (no such file)`);
        continue;
      }
      if (anchor === null || anchor === '') continue;
      if (statSync(dest).isDirectory() || !dest.endsWith('.md') || !anchors(dest).has(anchor)) {
        broken.push(`${file} → ${target} (no such heading)`);
      }
    }
  }
  return broken;
}
