import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';

/** Where the CSS, the live-update script and the icon live. */
export const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));

/** Static files served under a content-hashed prefix, so they can be cached for a year. */
export interface Assets {
  /** `/static/<hash>`: changes whenever any file changes. */
  prefix: string;
  urls: { css: string; js: string; favicon: string };
  handler: RequestHandler;
}

/** Hashes the public files once at start and builds the immutable static handler. */
export function loadAssets(dir = PUBLIC_DIR): Assets {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  const prefix = `/static/${hash.digest('base64url').slice(0, 12)}`;
  return {
    prefix,
    urls: { css: `${prefix}/app.css`, js: `${prefix}/live.js`, favicon: `${prefix}/favicon.svg` },
    handler: express.static(dir, { maxAge: '365d', immutable: true, index: false, redirect: false }),
  };
}
