import { describe, expect, it } from 'vitest';
import { derivedStreamCap, fdSoftLimit } from '../../src/web/sse/fd-limit.ts';

const limits = (line: string) => `Limit                     Soft Limit           Hard Limit           Units     \nMax cpu time              unlimited            unlimited            seconds   \n${line}\nMax processes             63448                63448                processes \n`;

describe('fdSoftLimit', () => {
  it.each([
    { name: 'a number', text: limits('Max open files            1024                 524288               files     '), want: 1024 },
    { name: 'unlimited', text: limits('Max open files            unlimited            unlimited            files     '), want: Infinity },
    { name: 'no such line', text: limits('Max locked memory         8388608              8388608              bytes     '), want: null },
  ])('when /proc/self/limits has $name, then it reads $want', ({ text, want }) => {
    expect(fdSoftLimit(() => text)).toBe(want);
  });

  it('when the file cannot be read (not Linux), then null', () => {
    expect(fdSoftLimit(() => { throw Object.assign(new Error('nope'), { code: 'ENOENT' }); })).toBeNull();
  });

  it('when read on this machine, then it is a positive number', () => {
    expect(fdSoftLimit()).toBeGreaterThan(0);
  });
});

describe('derivedStreamCap', () => {
  it.each([
    { soft: 1024, reserve: 256, want: 768 },
    { soft: null, reserve: 256, want: 768 },
    { soft: 200, reserve: 256, want: 0 },
    { soft: Infinity, reserve: 256, want: 10_000 },
    { soft: 1_048_576, reserve: 256, want: 10_000 },
  ])('when the soft limit is $soft and the reserve $reserve, then $want streams', ({ soft, reserve, want }) => {
    expect(derivedStreamCap(soft, reserve)).toBe(want);
  });
});
