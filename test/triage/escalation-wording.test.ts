import { describe, expect, it } from 'vitest';
import { triage } from '../../src/triage/triage.ts';
import { at, inputOf, triageConfig, worldOf } from './fixtures.ts';

const config = triageConfig();
const NOW = at('2026-11-22T10:00:00Z');

describe('escalation e-mail wording', () => {
  it('when the Polish e-mail names the time, then its label is Polish (no zone id) and the date is written in words', () => {
    const { text } = triage(inputOf(NOW, { method: 'profil-zaufany' }), worldOf(config, NOW, {}), config).escalation;
    expect(text.pl).toContain('- Czas (czas polski): 22 listopada 2026, 11:00');
    expect(text.pl).not.toContain('Europe/Warsaw');
    expect(text.pl).not.toMatch(/\b\d{1,2}\.\d{1,2}\.\d{4}\b/);
  });
});
