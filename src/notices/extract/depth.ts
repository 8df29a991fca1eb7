import { Parser } from 'htmlparser2';

/**
 * Deeper than any real notice page or feed (they nest a few dozen levels), yet far below
 * where cheerio's recursive clone and text walks overflow the stack (about 2,000 levels on the main thread).
 */
export const MAX_NESTING_DEPTH = 1_000;

/**
 * Whether elements nest deeper than `max`, found in one linear streaming pass (htmlparser2's
 * tokenizer, with HTML's void elements and implied end tags), so a hostile page is refused
 * before the superlinear DOM build ever starts. Stops reading at the first level past `max`.
 */
export function nestsDeeperThan(doc: string, max: number, xml: boolean): boolean {
  let depth = 0;
  let tooDeep = false;
  const parser: Parser = new Parser(
    {
      onopentag: () => {
        depth++;
        if (depth > max) {
          tooDeep = true;
          parser.pause();
        }
      },
      onclosetag: () => {
        depth--;
      },
    },
    { xmlMode: xml, decodeEntities: false },
  );
  parser.write(doc);
  if (!tooDeep) parser.end();
  return tooDeep;
}
