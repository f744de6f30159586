/** The three UK bank-holiday jurisdictions a policy can name. */
export const JURISDICTIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
