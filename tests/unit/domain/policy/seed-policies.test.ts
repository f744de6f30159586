/** The five seed policies as written in policies/: the ids and rules ../shared/seeds/README.md fixes. */
import { DEPLOYMENT_DEFAULT_CLAUSE } from '#domain/policy/policy-defaults';
import { describe, expect, it } from 'vitest';
import { describePolicy } from '#domain/policy/describe-policy';
import { seedPolicies } from '#tests/support/policies';

describe('the seed policies', () => {
  it('have the fixed policy and stage ids', () => {
    const stages = Object.fromEntries(seedPolicies.all.map((p) => [p.id, p.stages.map((s) => s.id)]));
    expect(stages).toEqual({
      'connected-together': ['informal', 'formal', 'appeal'],
      'connect-north-yorkshire': ['stage-1', 'stage-2', 'stage-3'],
      alumot: ['informal', 'stage-1', 'stage-2'],
      'county-council': ['stage-1', 'stage-2'],
      'not-alone-mentoring': ['stage-1', 'stage-2', 'stage-3'],
    });
  });

  it('carry every deadline in the seed index with its clause', () => {
    const rules = seedPolicies.all.flatMap((p) => [
      ...p.stages.flatMap((s) => s.deadlines.map((d) => `${p.id} ${s.id} ${d.event} ${d.kind} ${d.amount} ${d.unit} (${d.clause})`)),
      ...p.anyStageDeadlines.map((d) => `${p.id} any ${d.event} ${d.kind} ${d.amount} ${d.unit} (${d.clause})`),
    ]);
    expect(rules.sort()).toEqual(
      [
        'connected-together formal received acknowledge 3 workingDays (2.3)',
        'connected-together formal nature-established respond 15 workingDays (2.4)',
        'connect-north-yorkshire stage-2 received acknowledge 1 weeks (Stage 2 – Investigation)',
        'connect-north-yorkshire stage-2 outcome external-escalation-window 12 weeks (NACCC)',
        'connect-north-yorkshire stage-3 received respond 1 months (Stage 3 – Review)',
        'alumot stage-1 received acknowledge 10 workingDays (2.3)',
        'alumot stage-1 received respond 20 workingDays (2.3)',
        'alumot stage-2 received acknowledge 10 workingDays (3.2)',
        'alumot stage-2 received respond 20 workingDays (3.2)',
        'county-council stage-1 received acknowledge 3 workingDays (What is the Corporate Complaints Procedure?)',
        'county-council stage-1 received respond 10 workingDays (What is the Corporate Complaints Procedure?)',
        'county-council stage-1 received respond-max 20 workingDays (What is the Corporate Complaints Procedure?)',
        'county-council stage-2 received acknowledge 3 workingDays (What is the Corporate Complaints Procedure?)',
        'county-council stage-2 received respond 20 workingDays (What is the Corporate Complaints Procedure?)',
        'not-alone-mentoring stage-1 received acknowledge 3 workingDays (6.4)',
        'not-alone-mentoring stage-2 received meet 7 workingDays (7.1)',
        'not-alone-mentoring stage-2 received respond 10 workingDays (7.2)',
        'not-alone-mentoring stage-2 outcome appeal-window 14 workingDays (8.1)',
        'not-alone-mentoring stage-3 received acknowledge 3 workingDays (8.2)',
        'not-alone-mentoring stage-3 received respond 10 workingDays (8.2)',
        'not-alone-mentoring stage-3 outcome external-escalation-window 1 months (8.5)',
        'not-alone-mentoring any closed retention 6 years (10.2)',
        // The four policies that state no retention period get the deployment's default.
        ...['alumot', 'connect-north-yorkshire', 'connected-together', 'county-council'].map((id) => `${id} any closed retention 6 years (${DEPLOYMENT_DEFAULT_CLAUSE})`),
      ].sort(),
    );
  });

  it('find the organisation from its complaints address, whatever the case', () => {
    expect(seedPolicies.forAddress('shaked@ALUMOT.uk')?.id).toBe('alumot');
    expect(seedPolicies.forAddress('Not.Alone.Mentoring@gmail.com')?.id).toBe('not-alone-mentoring');
    expect(seedPolicies.forAddress('enquiries.connect@gmail.com')?.id).toBe('connect-north-yorkshire');
    expect(seedPolicies.forAddress('complaints@connected-together.example')?.id).toBe('connected-together');
    expect(seedPolicies.forAddress('complaints@county-council.example')?.id).toBe('county-council');
    expect(seedPolicies.forAddress('someone@else.example')).toBeUndefined();
  });

  it('route a complaint about the CEO to the Chair or the board', () => {
    const about = (id: string) => seedPolicies.get(id).routing.filter((r) => r.about === 'ceo').map((r) => [r.handler, r.clause]);
    expect(about('alumot')).toEqual([
      ['chair', '2.1, 2.5'],
      ['board', '3.2'],
    ]);
    expect(about('connected-together')).toEqual([['board', '2.5']]);
  });

  it('state the intake rules the seeds give', () => {
    const alumot = seedPolicies.get('alumot').intake;
    expect(alumot.confidentialMarker).toEqual({ phrase: 'confidential complaint', clause: '5.1' });
    expect(alumot.anonymous).toEqual({ handling: 'not-investigated', clause: '2.2' });
    const nam = seedPolicies.get('not-alone-mentoring').intake;
    expect(nam.anonymous.handling).toBe('recorded-limited-action');
    expect(nam.signature).toEqual({ required: true, clockStartsWhenSigned: true, clause: '6.1, 6.4' });
    expect(seedPolicies.get('connect-north-yorkshire').intake.timeLimits[0]).toMatchObject({ amount: 3, unit: 'months' });
    expect(seedPolicies.get('county-council').intake.timeLimits[0]).toMatchObject({
      amount: 1,
      unit: 'years',
      exceptions: expect.arrayContaining(['the matter concerns delays by the Council']),
    });
  });

  it('name the outside bodies and what is out of scope', () => {
    const bodies = Object.fromEntries(seedPolicies.all.map((p) => [p.id, p.outsideBodies.map((b) => b.id)]));
    expect(bodies).toMatchObject({
      alumot: ['lado'],
      'connect-north-yorkshire': expect.arrayContaining(['naccc', 'lado', 'ico']),
      'connected-together': ['north-northamptonshire', 'west-northamptonshire', 'rutland', 'commissioners', 'lgo'],
      'county-council': ['lgo', 'ico', 'ico-data-protection'],
      'not-alone-mentoring': ['citizens-advice', 'solicitor'],
    });
    const councilScope = seedPolicies.get('county-council').outOfScope.map((o) => o.matter).join('\n');
    for (const matter of ['Freedom of Information', 'data breaches', 'claims for damages', 'county councillors', 'only the courts']) {
      expect(councilScope).toContain(matter);
    }
    expect(seedPolicies.get('connected-together').outOfScope.map((o) => o.matter)).toEqual([
      'complaints or concerns about the NHS',
      'complaints about the provision of social care services',
    ]);
  });

  it('read as a person would, with deadlines in words and their clauses', () => {
    const text = describePolicy(seedPolicies.get('not-alone-mentoring'));
    expect(text).toContain('acknowledge within 3 working days of receipt [6.4; counted from receipt of the signed complaint]');
    expect(text).toContain('ask for the next stage within 14 working days of the outcome [8.1]');
    expect(text).toContain('destroy the case file 6 years after closure [10.2]');
    expect(text).toContain('Citizens Advice');
  });
});
