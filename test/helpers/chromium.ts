import { chromium, type Browser } from 'playwright-core';
import { ensureDebianBinary } from './debian.ts';

/** Flags for a quiet headless Chromium in a container: no sandbox, GPU, QUIC or background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Debian's Chromium through playwright-core, installing the `chromium` package first
 * when it is missing. Never skips: if Chromium cannot be had, this throws with the command to run.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await ensureDebianBinary('chromium', 'chromium');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
