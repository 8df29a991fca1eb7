import { describe, expect, it } from 'vitest';
import { fuzzRequests } from '../helpers/fuzz-requests.ts';

describe('the fuzz size knob (IKP_FUZZ_REQUESTS)', () => {
  it('when CI=true, then the fuzz sends 10,000 requests whatever IKP_FUZZ_REQUESTS says', () => {
    expect(fuzzRequests({ CI: 'true', IKP_FUZZ_REQUESTS: '1000' })).toBe(10_000);
    expect(fuzzRequests({ CI: 'true', IKP_FUZZ_REQUESTS: 'nonsense' })).toBe(10_000);
  });

  it('when nothing is set, then the fuzz sends 10,000 requests', () => {
    expect(fuzzRequests({})).toBe(10_000);
    expect(fuzzRequests({ IKP_FUZZ_REQUESTS: '' })).toBe(10_000);
  });

  it('when IKP_FUZZ_REQUESTS lowers it locally, then that many requests are sent', () => {
    expect(fuzzRequests({ IKP_FUZZ_REQUESTS: '2000' })).toBe(2_000);
    expect(fuzzRequests({ CI: 'false', IKP_FUZZ_REQUESTS: ' 1000 ' })).toBe(1_000);
  });

  it.each(['999', '10001', '2e3', '-5', 'abc', '1500.5'])('when IKP_FUZZ_REQUESTS is %s, then the error names the variable and the allowed range', (value) => {
    expect(() => fuzzRequests({ IKP_FUZZ_REQUESTS: value })).toThrow(/^IKP_FUZZ_REQUESTS: must be a whole number from 1000 to 10000/);
  });
});
