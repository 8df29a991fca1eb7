import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const APT_BUFFER = 64 * 1024 * 1024;
/**
 * Held (flock) around every apt-get run of the suite: two lanes' global setups, or two test runs
 * on one machine, take turns instead of racing for apt's locks (DPkg::Lock::Timeout below covers
 * dpkg's lock, not always the lists' lock that apt-get update takes). The kernel drops the lock
 * when its holder dies, so a killed run never leaves it stale.
 */
const APT_LOCK = join(tmpdir(), 'ikp-status-test-apt.lock');
const APT_LOCK_WAIT_S = '900';

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

/** Something a Debian package provides: an executable on PATH, or a file (python modules have no binary). */
export type DebianNeed = { pkg: string } & ({ bin: string } | { file: string });

const readable = (file: string): Promise<boolean> => access(file, constants.R_OK).then(() => true, () => false);
const present = async (need: DebianNeed): Promise<boolean> => ('bin' in need ? (await findBinary(need.bin)) !== null : readable(need.file));
const label = (need: DebianNeed): string => ('bin' in need ? need.bin : need.file);

/**
 * Installs, with one apt-get update and one apt-get install, the packages of every need that is
 * missing (a lane's global setup lists all of its needs here). Never skips: when a need cannot be
 * met, this throws a message naming the exact command to run.
 */
export async function ensureDebianPackages(needs: readonly DebianNeed[]): Promise<void> {
  const missing = (await Promise.all(needs.map(async (n) => ((await present(n)) ? null : n)))).filter((n): n is DebianNeed => n !== null);
  if (missing.length === 0) return;
  await aptInstall(missing.map(label).join(', '), [...new Set(missing.map((n) => n.pkg))]);
  for (const need of missing) {
    if (!(await present(need))) throw new Error(`installed the Debian package "${need.pkg}" but ${label(need)} is still missing`);
  }
}

/**
 * Finds `bin`, installing the Debian package `pkg` with apt-get when it is missing.
 * Tests that need the binary never skip: when it cannot be had, this throws a message
 * naming the exact command to run.
 */
export async function ensureDebianBinary(bin: string, pkg: string): Promise<string> {
  const found = await findBinary(bin);
  if (found) return found;
  await ensureDebianPackages([{ bin, pkg }]);
  const installed = await findBinary(bin);
  if (!installed) throw new Error(`installed the Debian package "${pkg}" but no ${bin} binary was found`);
  return installed;
}

/** Like ensureDebianBinary for packages without a binary (python modules): `file` marks the package as installed. */
export async function ensureDebianFile(file: string, pkg: string): Promise<string> {
  await ensureDebianPackages([{ file, pkg }]);
  return file;
}

async function aptInstall(what: string, pkgs: string[]): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for the dpkg lock instead of failing when another install (or unattended-upgrades) holds it.
  const apt = (args: string[]): Promise<unknown> =>
    run('flock', ['-w', APT_LOCK_WAIT_S, APT_LOCK, 'apt-get', '-o', 'DPkg::Lock::Timeout=600', ...args], { env, maxBuffer: APT_BUFFER });
  // A refresh can fail for a moment (a mirror hiccup, another apt run finishing): retry once,
  // and still try the install with the lists already there before giving up.
  const updated = await apt(['update']).catch(() => apt(['update'])).then(() => null, (err: unknown) => err as Error);
  try {
    await apt(['install', '-y', '--no-install-recommends', ...pkgs]);
  } catch (err) {
    const list = pkgs.join(' ');
    throw new Error(
      `${what} ${pkgs.length > 1 ? 'are' : 'is'} not installed and installing the Debian package${pkgs.length > 1 ? 's' : ''} "${list}" failed ` +
        `(run as root: apt-get update && apt-get install -y ${list}): ${(err as Error).message}` +
        (updated ? `\n(apt-get update failed too: ${updated.message})` : ''),
    );
  }
}
