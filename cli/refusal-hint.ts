import type { RefusalHint } from '#domain/case/case-change';

/** Each input a refusal may name, as this CLI takes it. */
const FLAGS: Record<string, string> = {
  summary: '--summary TEXT',
  decision: 'the decision: upheld, partly-upheld or not-upheld',
  whatUpheld: '--what-upheld TEXT',
  whatNotUpheld: '--what-not-upheld TEXT',
  reason: '--reason TEXT',
  remedies: '--remedy KIND',
  respondBy: '--respond-by DATE',
  byPostOrPhone: '--by-post-or-phone',
  offeredFor: '--offered DATE',
  confirmedInWriting: '--confirmed-in-writing',
  policyId: '--policy ID',
  name: '--name NAME',
  actions: '--action TEXT --due DATE',
  newDate: 'the new date, as YYYY-MM-DD',
  category: 'a category id: policy show lists them',
  action: 'the number case show gives the action',
  body: 'an outside body id: policy show lists them',
};

/** Each action a refusal may point to instead, as this CLI's command. */
const COMMANDS: Record<string, (reference: string) => string> = {
  reopen: (ref) => `case reopen ${ref} --reason TEXT`,
  extend: (ref) => `case extend ${ref} respond DATE --reason TEXT`,
  sign: (ref) => `case sign ${ref}`,
  acknowledge: (ref) => `case acknowledge ${ref}`,
  open: () => 'case open',
};

/** A refusal's hint in this CLI's words: the flag to give, or the command to run instead. */
export function refusalHint(hint: RefusalHint): string | undefined {
  if (hint.instead) {
    const command = COMMANDS[hint.instead];
    return command ? `npm run redress -- ${command(hint.reference ?? 'REF')}` : undefined;
  }
  if (!hint.input) return undefined;
  const flag = FLAGS[hint.input];
  if (!flag) return undefined;
  return hint.value && flag.includes(' ') ? `${flag.split(' ')[0]} ${hint.value}` : flag;
}
