import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/probes/journey/browser.ts';
import { ensureDebianBinary } from './debian.ts';

export { CHROMIUM_ARGS };


/**
 * Launches Debian's Chromium through playwright-core, installing the `chromium` package first
 * when it is missing. Never skips: if Chromium cannot be had, this throws with the command to run.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await ensureDebianBinary('chromium', 'chromium');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
