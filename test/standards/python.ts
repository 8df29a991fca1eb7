import { execFile } from 'node:child_process';
import path from 'node:path';

/** Debian's python3: the validator modules (python3-feedparser, python3-icalendar) are installed for it. */
const PYTHON = '/usr/bin/python3';

/** Runs one of the scripts in test/standards/py with `input` on stdin and parses the JSON it prints. */
export function runPython<T>(script: string, input: string | Buffer, args: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = execFile(PYTHON, [path.resolve('test/standards/py', script), ...args], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${script} failed: ${err.message}\n${stderr}`));
      try {
        resolve(JSON.parse(stdout) as T);
      } catch {
        reject(new Error(`${script} printed no JSON:\n${stdout}\n${stderr}`));
      }
    });
    child.stdin!.end(input);
  });
}
