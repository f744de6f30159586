import type { Case } from '#domain/case/case';
import { actOnCase, type ActOnCaseDeps } from './act-on-case.js';
import { STAFF_ACTIONS, type StaffInput, type StaffVerb } from './staff-action-catalogue.js';
import type { StaffRequest } from './staff-deps.js';

/** Every verb of the catalogue as a call for the command line (and scripts and tests): refusals throw, as the CLI reports them. */
export type StaffVerbs = { readonly [V in StaffVerb]: (request: StaffRequest & StaffInput<V>) => Promise<Case> };

/** The catalogue's verbs bound to their ports for a command-line actor, each one call of actOnCase. */
export function commandLineVerbs(deps: ActOnCaseDeps): StaffVerbs {
  const act = async (verb: StaffVerb, { reference, at, actor, ...input }: StaffRequest & Record<string, unknown>): Promise<Case> => {
    const acted = await actOnCase(deps, { kind: 'command-line', name: actor }, verb, reference, input as StaffInput<typeof verb>, { at });
    if (acted.outcome === 'refused') throw acted.refusal;
    return acted.case;
  };
  // Built from the catalogue's keys: the mapped type above is what each call accepts.
  return Object.fromEntries(Object.keys(STAFF_ACTIONS).map((verb) => [verb, (request: StaffRequest & Record<string, unknown>) => act(verb as StaffVerb, request)])) as unknown as StaffVerbs;
}
