/**
 * Every test starts at this instant (a Monday), so no test depends on the day it runs. Tests move it.
 * A module of its own so that the unit tests (and each mutant of the mutation run, which imports them afresh)
 * need not import the local stack that test-stack.ts composes.
 */
export const TEST_START = '2026-11-23T10:00:00Z';
