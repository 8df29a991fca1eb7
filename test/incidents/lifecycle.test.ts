import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { approveIncident, canMove, editIncident, openIncident, postUpdate } from '../../src/incidents/lifecycle.ts';
import { INCIDENT_STATES, type IncidentState } from '../../src/incidents/types.ts';

const T = 1_700_000_000_000;
const meta = (at: number, updateId = `u-${at}`) => ({ updateId, by: 'alice', at });
const opened = () =>
  openIncident('i1', { title: { pl: 'Awaria e-recept' }, body: { pl: 'Trwa awaria, pracujemy nad rozwiązaniem.' }, impact: 'major', components: ['ikp', 'ikp'] }, meta(T));

/** The whole transition table: from → the states it may post next. */
const ALLOWED: Record<IncidentState, IncidentState[]> = {
  investigating: ['investigating', 'identified', 'monitoring', 'resolved'],
  identified: ['identified', 'monitoring', 'resolved'],
  monitoring: ['monitoring', 'identified', 'resolved'],
  resolved: [],
};
const PAIRS = INCIDENT_STATES.flatMap((from) => INCIDENT_STATES.map((to) => ({ from, to, allowed: ALLOWED[from].includes(to) })));

describe('incident state machine', () => {
  it.each(PAIRS)('when an incident in $from posts $to, then allowed=$allowed', ({ from, to, allowed }) => {
    expect(canMove(from, to)).toBe(allowed);
    const incident = { ...opened(), state: from };
    const act = () => postUpdate(incident, { state: to, body: { pl: 'x' } }, meta(T + 1));
    if (allowed) expect(act().state).toBe(to);
    else expect(act).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }) as AppError);
  });

  it('when an incident is opened, then it is version 1, investigating, with one timestamped update and unique components', () => {
    expect(opened()).toMatchObject({
      version: 1,
      state: 'investigating',
      components: ['ikp'],
      automatic: false,
      draft: false,
      createdBy: 'alice',
      resolvedAt: null,
      updates: [{ id: `u-${T}`, at: T, state: 'investigating', by: 'alice' }],
    });
  });

  it('when it moves through every state to resolved, then each update keeps its time and state and resolvedAt is set', () => {
    let i = opened();
    for (const [k, state] of (['identified', 'monitoring', 'resolved'] as const).entries()) i = postUpdate(i, { state, body: { pl: state } }, meta(T + (k + 1) * 1000));
    expect(i.updates.map((u) => [u.state, u.at - T])).toEqual([['investigating', 0], ['identified', 1000], ['monitoring', 2000], ['resolved', 3000]]);
    expect(i).toMatchObject({ state: 'resolved', resolvedAt: T + 3000, updatedAt: T + 3000, version: 4 });
  });

  it('when a draft automatic incident gets a human update, then it is public; a system update, an edit or a person resolving it keeps it a draft', () => {
    const auto = openIncident('a', { title: { pl: 't' }, body: { pl: 'b' }, impact: 'major', components: ['ikp'] }, meta(T), true);
    expect(auto).toMatchObject({ automatic: true, draft: true });
    expect(postUpdate(auto, { state: 'identified', body: { pl: 'x' } }, meta(T + 1), false).draft).toBe(true);
    expect(postUpdate(auto, { state: 'identified', body: { pl: 'x' } }, meta(T + 1)).draft).toBe(false);
    expect(postUpdate(auto, { state: 'resolved', body: { pl: 'fałszywy alarm' } }, meta(T + 1)).draft).toBe(true);
    expect(editIncident(auto, { impact: 'critical' }, T + 2)).toMatchObject({ draft: true, impact: 'critical', automatic: true, version: 2 });
  });

  it('when a draft is approved, then it is public with a new version; approving a public incident is NOT_EDITABLE', () => {
    const auto = openIncident('a', { title: { pl: 't' }, body: { pl: 'b' }, impact: 'major', components: ['ikp'] }, meta(T), true);
    const approved = approveIncident(auto, T + 3);
    expect(approved).toMatchObject({ draft: false, version: 2, updatedAt: T + 3, updates: auto.updates });
    expect(() => approveIncident(approved, T + 4)).toThrow(expect.objectContaining({ code: 'NOT_EDITABLE' }));
    expect(() => approveIncident(opened(), T + 4)).toThrow(AppError);
  });

  it('when a resolved incident is edited, then the edit lands but its state and resolution stay', () => {
    const resolved = postUpdate(opened(), { state: 'resolved', body: { pl: 'ok' } }, meta(T + 5));
    const edited = editIncident(resolved, { title: { pl: 'Awaria e-recept (poprawka)', en: 'E-prescription outage' } }, T + 9);
    expect(edited).toMatchObject({ state: 'resolved', resolvedAt: T + 5, updatedAt: T + 9, title: { pl: 'Awaria e-recept (poprawka)', en: 'E-prescription outage' } });
  });
});
