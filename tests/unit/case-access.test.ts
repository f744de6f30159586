import { describe, expect, it } from 'vitest';
import { mayAct, mayKnowOf, mayRead, roleAndAbove } from '#domain/access/case-access';
import { fromGroups, type StaffMember } from '#domain/access/staff-member';
import type { Case } from '#domain/case/case';
import { seedPolicies } from '#tests/support/policies';

const alumot = seedPolicies.get('alumot');
const person = (role: string, policyId = 'alumot'): StaffMember => ({ id: role, name: role, memberships: [{ policyId, role }], operator: false });
const aCase = (fields: Partial<Case>): Case =>
  ({ reference: 'ALU-2026-0001', policyId: 'alumot', stage: 'stage-1', status: 'open', confidential: false, handlerRole: 'ceo', complainant: { anonymous: false }, deadlines: [], ...fields }) as Case;

describe('who may know of, read and act on a case', () => {
  it('climbs the reporting line from a role', () => {
    expect([...roleAndAbove(alumot, 'staff')]).toEqual(['staff', 'ceo', 'chair', 'board']);
  });

  it('an ordinary case: everyone in the organisation may know of and read it; the handler and those above act', () => {
    const c = aCase({});
    expect(['staff', 'ceo', 'chair'].map((r) => [mayKnowOf(person(r), alumot, c), mayRead(person(r), alumot, c), mayAct(person(r), alumot, c)])).toEqual([
      [true, true, false],
      [true, true, true],
      [true, true, true],
    ]);
  });

  it('a confidential case: its words only to its handler and above; others know only that it exists', () => {
    const c = aCase({ confidential: true });
    expect([mayKnowOf(person('staff'), alumot, c), mayRead(person('staff'), alumot, c)]).toEqual([true, false]);
    expect(mayRead(person('ceo'), alumot, c)).toBe(true);
    expect(mayRead(person('board'), alumot, c)).toBe(true);
  });

  it('a complaint about the CEO: the Chair handles it, and the CEO may not even know it exists', () => {
    const c = aCase({ about: 'ceo', handlerRole: 'chair' });
    expect([mayKnowOf(person('ceo'), alumot, c), mayRead(person('ceo'), alumot, c), mayAct(person('ceo'), alumot, c)]).toEqual([false, false, false]);
    expect(mayAct(person('chair'), alumot, c)).toBe(true);
  });

  it('another organisation, or an operator with no membership, sees nothing', () => {
    const c = aCase({});
    expect(mayKnowOf(person('manager', 'county-council'), alumot, c)).toBe(false);
    expect(mayKnowOf({ id: 'ops', name: 'Ops', memberships: [], operator: true }, alumot, c)).toBe(false);
  });

  it('reads memberships from sign-in groups, ignoring ones of no known form', () => {
    expect(fromGroups(['alumot:chair', 'county-council:independent-officer', 'operator', 'Admins', 'x:y:z'])).toEqual({
      memberships: [
        { policyId: 'alumot', role: 'chair' },
        { policyId: 'county-council', role: 'independent-officer' },
      ],
      operator: true,
    });
  });
});
