/** Each kind of mistake in a policy file, and the message that names the file, the line and the path. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyFile, loadPolicyFiles } from '#adapters/file/policy-files';
import { PolicyError } from '#domain/policy/policy-errors';
import { POLICIES_DIR } from '#tests/support/policies';

const original = readFileSync(join(POLICIES_DIR, 'not-alone-mentoring.yaml'), 'utf8');

/** Writes the Not Alone Mentoring policy with one edit and returns the problems it gives. */
function problemsAfter(find: string | RegExp, replace: string, name = 'not-alone-mentoring.yaml'): string[] {
  const edited = original.replace(find, replace);
  expect(edited, 'the edit must change the file').not.toBe(original);
  const file = join(mkdtempSync(join(tmpdir(), 'policy-')), name);
  writeFileSync(file, edited);
  try {
    loadPolicyFile(file, name);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as PolicyError).message.split('\n');
  }
  throw new Error('the policy loaded without error');
}

function lineOf(text: string): number {
  return original.split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('a wrong policy is refused with the file, line, path and what is wrong', () => {
  it('an unknown unit', () => {
    const line = lineOf('unit: workingDays');
    expect(problemsAfter('unit: workingDays', 'unit: fortnights')).toEqual([
      `not-alone-mentoring.yaml:${line}: stages[0].deadlines[0].unit: unknown unit "fortnights"; use one of workingDays, days, weeks, months, years`,
    ]);
  });

  it('a next stage that does not exist', () => {
    const line = lineOf('stage: stage-3');
    expect(problemsAfter('stage: stage-3', 'stage: stage-4')).toEqual([
      `not-alone-mentoring.yaml:${line}: stages[1].next.stage: next stage "stage-4" does not exist (stages: stage-1, stage-2, stage-3)`,
    ]);
  });

  it('a signed complaint the web form does not ask for', () => {
    expect(problemsAfter('fields: [incident, invoice-number, signature]', 'fields: [incident, invoice-number]')).toEqual([
      `not-alone-mentoring.yaml:${lineOf('fields: [incident, invoice-number, signature]')}: intake.webForm.fields: the policy needs a signed complaint (clause 6.1, 6.4), so its web form must ask for it: add signature`,
    ]);
  });

  it('a malformed address', () => {
    expect(problemsAfter('addresses: [not.alone.mentoring@gmail.com]', 'addresses: [not.alone.mentoring.gmail.com]')).toEqual([
      `not-alone-mentoring.yaml:${lineOf('addresses:')}: intake.addresses[0]: must be an email address such as complaints@example.org`,
    ]);
  });

  it('a deadline with no clause', () => {
    const problems = problemsAfter(/(kind: meet\n(?:.*\n){2}) {8}clause: "7.1"\n/, '$1');
    expect(problems).toEqual([`not-alone-mentoring.yaml:${lineOf('kind: meet') - 1}: stages[1].deadlines[0].clause: missing (expected string)`]);
  });

  it('an empty clause', () => {
    expect(problemsAfter('clause: "7.2"', 'clause: ""')).toEqual([
      `not-alone-mentoring.yaml:${lineOf('clause: "7.2"')}: stages[1].deadlines[1].clause: must name the clause of the policy this rule comes from`,
    ]);
  });

  it('an unknown deadline kind', () => {
    expect(problemsAfter('kind: meet', 'kind: meeting')[0]).toMatch(
      /stages\[1\]\.deadlines\[0\]\.kind: unknown deadline kind "meeting"; use one of acknowledge, meet, respond/,
    );
  });

  it('an event nobody declared', () => {
    expect(problemsAfter('event: outcome\n        kind: appeal-window', 'event: decided\n        kind: appeal-window')).toEqual([
      `not-alone-mentoring.yaml:${lineOf('kind: appeal-window') - 1}: stages[1].deadlines[2].event: unknown event "decided"; declare it under events or use one of received, outcome, closed`,
    ]);
  });

  it('a handler role that does not exist', () => {
    expect(problemsAfter('handler: complaints-officer', 'handler: trustees')).toEqual([
      `not-alone-mentoring.yaml:${lineOf('handler: complaints-officer')}: stages[0].handler: no role "trustees" in roles (known: complaints-officer)`,
    ]);
  });

  it('an outside body that does not exist', () => {
    expect(problemsAfter('body: citizens-advice', 'body: ombudsman')).toEqual([
      `not-alone-mentoring.yaml:${lineOf('body: citizens-advice')}: stages[2].deadlines[2].body: no outside body "ombudsman" in outsideBodies`,
    ]);
  });

  it("an outside body's time limit that does not say where its figure comes from", () => {
    const edited = problemsAfter(
      '    role: legal advice on what you can do next\n',
      '    role: legal advice on what you can do next\n    timeLimit: { amount: 6, unit: years, from: the matter }\n',
    );
    expect(edited).toEqual([`not-alone-mentoring.yaml:${lineOf('role: legal advice on what you can do next') + 1}: outsideBodies[1].timeLimit.source: missing (expected string)`]);
  });

  it('an outside body only for a matter the policy does not list', () => {
    expect(problemsAfter('    role: legal advice on what you can do next\n', '    role: legal advice on what you can do next\n    forMatters: [data-breaches]\n')).toEqual([
      `not-alone-mentoring.yaml:${lineOf('role: legal advice on what you can do next') + 1}: outsideBodies[1].forMatters[0]: no out-of-scope matter "data-breaches" in outOfScope (known: none)`,
    ]);
  });

  it('a misspelt field', () => {
    expect(problemsAfter('closureDays: []', 'closureDay: []')).toEqual([
      `not-alone-mentoring.yaml:${lineOf('closureDays: []')}: unknown field "closureDay"`,
    ]);
  });

  it('a negative or fractional amount', () => {
    expect(problemsAfter('amount: 7', 'amount: -7')[0]).toMatch(/stages\[1\]\.deadlines\[0\]\.amount: must be at least 1/);
    expect(problemsAfter('amount: 7', 'amount: 7.5')[0]).toMatch(/stages\[1\]\.deadlines\[0\]\.amount: must be a whole number/);
  });

  it('an unknown jurisdiction', () => {
    expect(problemsAfter('jurisdiction: england-and-wales', 'jurisdiction: wales')).toEqual([
      `not-alone-mentoring.yaml:${lineOf('jurisdiction:')}: jurisdiction: unknown jurisdiction "wales"; use one of england-and-wales, scotland, northern-ireland`,
    ]);
  });

  it('a closure day that is not a date', () => {
    expect(problemsAfter('closureDays: []', 'closureDays: [2026-13-01]')[0]).toMatch(/closureDays\[0\]: must be a date as YYYY-MM-DD/);
  });

  it('two stages with one id', () => {
    expect(problemsAfter('- id: stage-2', '- id: stage-1')).toContain(
      `not-alone-mentoring.yaml:${lineOf('- id: stage-2')}: stages[1].id: duplicate id "stage-1"`,
    );
  });

  it('YAML that does not parse', () => {
    expect(problemsAfter('name: Not Alone Mentoring complaints policy', 'name: [unclosed')[0]).toMatch(
      /^not-alone-mentoring\.yaml:\d+: not valid YAML: /,
    );
  });

  it('a file named other than its id', () => {
    expect(problemsAfter('closureDays: []', 'closureDays: [ ]', 'nam.yaml')).toEqual([
      `nam.yaml:${lineOf('id: not-alone-mentoring')}: id: id "not-alone-mentoring" does not match the file name; name the file not-alone-mentoring.yaml`,
    ]);
  });

  it('a maximum rule on a deadline that is not a maximum', () => {
    const line = lineOf('kind: respond');
    expect(problemsAfter(/(kind: respond\n(?:.*\n){2} {8}clause: "7.2"\n)/, '$1        pastMaximum: refused\n')).toEqual([
      `not-alone-mentoring.yaml:${line + 4}: stages[1].deadlines[1].pastMaximum: only a respond-max deadline is a maximum: move pastMaximum to the stage's respond-max rule`,
    ]);
  });

  it('responses shared with a role that does not exist', () => {
    expect(problemsAfter('    holdingLetter:\n      rule: >-\n        If the investigation', '    copyResponsesTo:\n      roles: [trustees]\n      clause: "7.3"\n    holdingLetter:\n      rule: >-\n        If the investigation')).toEqual([
      `not-alone-mentoring.yaml:${lineOf('    holdingLetter:') + 1}: stages[1].copyResponsesTo.roles[0]: no role "trustees" in roles (known: complaints-officer)`,
    ]);
  });

  it('reports every problem in a file at once', () => {
    const problems = problemsAfter('unit: workingDays', 'unit: fortnights').concat(problemsAfter('handler: complaints-officer', 'handler: x'));
    expect(problems).toHaveLength(2);
  });
});

describe('conflicts between policies', () => {
  it('refuses one address claimed by two policies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policies-'));
    writeFileSync(join(dir, 'not-alone-mentoring.yaml'), original);
    // Its own staff-notices sender, since a Gmail address's domain is no organisation's to send from (the next test).
    const alumot = readFileSync(join(POLICIES_DIR, 'alumot.yaml'), 'utf8').replace('[Shaked@alumot.uk, ', '[Not.Alone.Mentoring@gmail.com, ').replace('  aboutAddresses:', '  staffNoticesFrom: staff-notices@alumot.uk\n  aboutAddresses:');
    writeFileSync(join(dir, 'alumot.yaml'), alumot);
    expect(() => loadPolicyFiles([join(dir, 'alumot.yaml'), join(dir, 'not-alone-mentoring.yaml')])).toThrow(
      /intake\.addresses\[0\]: address not\.alone\.mentoring@gmail\.com is already the complaints address of .*alumot\.yaml/,
    );
  });

  it('refuses staff notices from a public mail service (the default on a Gmail intake) or from a complaints address', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policies-'));
    writeFileSync(join(dir, 'gmail.yaml'), original.replace(/\n  staffNoticesFrom: [^\n]*/, ''));
    expect(() => loadPolicyFiles([join(dir, 'gmail.yaml')])).toThrow(/intake\.staffNoticesFrom: staff notices would come from staff-notices@gmail\.com, a public mail service's address/);
    writeFileSync(join(dir, 'same.yaml'), original.replace(/staffNoticesFrom: [^\n]*/, 'staffNoticesFrom: Not.Alone.Mentoring@gmail.com'));
    expect(() => loadPolicyFiles([join(dir, 'same.yaml')])).toThrow(/intake\.staffNoticesFrom: is a complaints address/);
  });
});

describe('a complaint about a person must have somewhere else to go', () => {
  it('a routing target without an address for notices is refused, saying what to add (Alumot without its placeholder for the Chair)', () => {
    const alumot = readFileSync(join(POLICIES_DIR, 'alumot.yaml'), 'utf8');
    const edited = alumot.replace('    noticeEmail: chair.notices@alumot.example\n', '');
    expect(edited).not.toBe(alumot);
    const file = join(mkdtempSync(join(tmpdir(), 'policy-')), 'alumot.yaml');
    writeFileSync(file, edited);
    expect(() => loadPolicyFile(file, 'alumot.yaml')).toThrow(
      'complaints about "ceo" go to role "chair", which has no address for staff notices: add noticeEmail (a staff mailbox, not a complaints address) to role "chair"',
    );
  });
});

describe('an address for complaints about a person', () => {
  it('must also be one of the complaints addresses, so that mail to it comes in', () => {
    const alumot = readFileSync(join(POLICIES_DIR, 'alumot.yaml'), 'utf8');
    const edited = alumot.replace('[Shaked@alumot.uk, board@alumot.example]', '[Shaked@alumot.uk]');
    expect(edited).not.toBe(alumot);
    const file = join(mkdtempSync(join(tmpdir(), 'policy-')), 'alumot.yaml');
    writeFileSync(file, edited);
    expect(() => loadPolicyFile(file, 'alumot.yaml')).toThrow('board@alumot.example is not one of intake.addresses: add it there too, so that mail to it comes in');
  });
});

describe("an organisation's own letters are checked when the policy loads", () => {
  it('a final letter that leaves out the outside bodies is refused, naming what is missing', () => {
    const problems = problemsAfter(/^outcomes:/m, 'letters:\n  final-outcome:\n    body: "{{greeting}} {{decisionSentence}} {{summary}} This is our final decision."\n\noutcomes:');
    expect(problems).toEqual([
      // The line of the override's first field; the sample outcome behind the check is upheld in part, with an apology and an explanation.
      `not-alone-mentoring.yaml:${lineOf('outcomes:') + 2}: letters.final-outcome: the final-outcome letter is missing what was upheld; what was not upheld; the remedy "An explanation of what happened, set out above."; the apology; the outside body Citizens Advice; how to contact Citizens Advice (website); the date by which to go to Citizens Advice (1 month, clause 8.5); the outside body A solicitor; the date by which to go to A solicitor (1 month, clause 8.5): add it to the letter (or to the action's details) and try again`,
    ]);
  });

  it('a template that is not valid Mustache is refused', () => {
    const problems = problemsAfter(/^outcomes:/m, 'letters:\n  holding:\n    body: "{{#reason}} never closed"\n\noutcomes:');
    expect(problems).toEqual([`not-alone-mentoring.yaml:${lineOf('outcomes:') + 2}: letters.holding: the template does not parse: Unclosed section "reason" at 24`]);
  });
});
