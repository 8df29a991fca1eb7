import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const APT_BUFFER = 64 * 1024 * 1024;

/** Absolute path of an executable on PATH (or in /usr/bin, /usr/sbin), or null when there is none. */
export async function findBinary(bin: string): Promise<string | null> {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of [...dirs, '/usr/bin', '/usr/sbin']) {
    const candidate = join(dir, bin);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next place
    }
  }
  return null;
}

/**
 * Finds `bin`, installing the Debian package `pkg` with apt-get when it is missing.
 * Tests that need the binary never skip: when it cannot be had, this throws a message
 * naming the exact command to run.
 */
export async function ensureDebianBinary(bin: string, pkg: string): Promise<string> {
  const found = await findBinary(bin);
  if (found) return found;
  await aptInstall(bin, pkg);
  const installed = await findBinary(bin);
  if (!installed) throw new Error(`installed the Debian package "${pkg}" but no ${bin} binary was found`);
  return installed;
}

/** Like ensureDebianBinary for packages without a binary (python modules): `file` marks the package as installed. */
export async function ensureDebianFile(file: string, pkg: string): Promise<string> {
  const present = (): Promise<boolean> => access(file, constants.R_OK).then(() => true, () => false);
  if (await present()) return file;
  await aptInstall(file, pkg);
  if (!(await present())) throw new Error(`installed the Debian package "${pkg}" but ${file} is missing`);
  return file;
}

async function aptInstall(bin: string, pkg: string): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for the dpkg lock instead of failing when another install (or unattended-upgrades) holds it.
  const apt = (args: string[]): Promise<unknown> => run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], { env, maxBuffer: APT_BUFFER });
  // A refresh can fail for a moment (a mirror hiccup, another apt run finishing): retry once,
  // and still try the install with the lists already there before giving up.
  const updated = await apt(['update']).catch(() => apt(['update'])).then(() => null, (err: unknown) => err as Error);
  try {
    await apt(['install', '-y', '--no-install-recommends', pkg]);
  } catch (err) {
    throw new Error(
      `${bin} is not installed and installing the Debian package "${pkg}" failed ` +
        `(run as root: apt-get update && apt-get install -y ${pkg}): ${(err as Error).message}` +
        (updated ? `\n(apt-get update failed too: ${updated.message})` : ''),
    );
  }
}
