import { londonDate } from '#domain/calendar/london-date';
import type { Case, CaseDeadline, ClosureReason, Decision, StageOutcome } from '#domain/case/case';
import { describePeriod } from '#domain/planner/plan-deadlines';
import { BUILT_IN_EVENTS, type LetterKind, type Policy, type RemedyKind, type Stage } from '#domain/policy/policy-schema';
import { nameInLetters } from '#domain/text/name-in-letters';
import { organisationInText } from '#domain/policy/organisation-words';
import { dateInWords } from './dates-in-words.js';
import { bodiesToGoTo, finalDecision, type BodiesScope, type BodyToGoTo } from './outside-bodies.js';
import { bodiesInExtensionLetters } from './extension-bodies.js';
import type { TemplateView } from './render-template.js';
import { stageById } from '#domain/policy/policy-lookups';

/** Something a letter must say, and the words that show it does: checked in the rendered text before it goes. */
export interface Requirement {
  readonly what: string;
  readonly text: string;
}

/** What one letter is made of: its kind, the facts its template may use, and what it must say. */
export interface LetterFacts {
  readonly kind: LetterKind;
  readonly view: TemplateView;
  readonly required: readonly Requirement[];
}

const DEFAULT_DATA_PROTECTION =
  'We hold the information you give us securely and use it only to deal with your complaint. Only the people who need ' +
  'to consider your complaint will see it.';

/**
 * The decision in Redress's words: the decision and nothing more. Whatever was or was not wrong is the officer's to
 * say, in the reasons (and, for a decision in part, what was and was not upheld), so no fixed sentence can
 * contradict them.
 */
const DECISION_SENTENCES: Record<Decision, string> = {
  upheld: 'We have upheld your complaint.',
  'partly-upheld': 'We have upheld part of your complaint.',
  'not-upheld': 'We have not upheld your complaint.',
};

/** The standard remedy kinds as a letter states them (an apology has its own sentence). */
const REMEDY_WORDS: Record<Exclude<RemedyKind, 'apology'>, string> = {
  explanation: 'An explanation of what happened, set out above.',
  assurance: 'An assurance that we will do all we can to stop this happening again.',
  steps: 'The steps we are taking so that this does not happen again, set out below.',
  'policy-review': 'A review of our policies in the light of your complaint.',
  other: 'The other action set out below.',
};

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A role named as the subject of a sentence: "Katie Smith, our complaints officer, will ..." closes its aside. */
function asSubject(name: string): string {
  return capitalise(name.includes(', ') ? `${name},` : name);
}

/** A remedy as the complainant reads it: Redress's words for the standard kinds, else the policy's own, without its clause. */
export function remedyWords(policy: Policy, id: string): string {
  const standard = REMEDY_WORDS[id as keyof typeof REMEDY_WORDS] as string | undefined;
  if (standard) return standard;
  const description = policy.outcomes.remedies.find((r) => r.id === id)?.description ?? id;
  return `${capitalise(description.replace(/\s*\([^)]*\)\s*$/, '').trim())}.`;
}

/** How a letter names a role: its words for complainants, else its title. */
export function roleInLetters(policy: Policy, roleId: string): string {
  const role = policy.roles.find((r) => r.id === roleId);
  return role?.inLetters ?? role?.title ?? roleId;
}

/** A stage as a letter or the complainant's page names it mid-sentence: "a review by our appeal panel", "stage two". */
export function stageInLetters(stage: Pick<Stage, 'name' | 'inLetters'>): string {
  return stage.inLetters ?? stage.name.toLowerCase();
}


function pending(c: Case, kind: CaseDeadline['kind'], stage = c.stage): CaseDeadline | undefined {
  return c.deadlines.find((d) => d.kind === kind && d.stage === stage && d.status === 'pending');
}

export function contactWords(contact: NonNullable<Policy['outsideBodies'][number]['contact']> | undefined): string | undefined {
  if (!contact) return undefined;
  const parts = [contact.email, contact.phone, contact.name && contact.address ? `write to ${contact.name}, ${contact.address}` : contact.address, contact.url];
  const words = parts.filter(Boolean).join('; ');
  return words || undefined;
}

/**
 * Outside bodies for a letter (./outside-bodies.ts): each with what it does, every way to reach it and how long
 * there is, and what the letter must say of each. `contact` is the old one-line form, kept for organisations'
 * own templates.
 */
function outsideBodies(policy: Policy, c: Case, scope: BodiesScope | 'extension'): { view: TemplateView[]; required: Requirement[] } {
  const bodies: BodyToGoTo[] = scope === 'extension' ? bodiesInExtensionLetters(policy, c) : bodiesToGoTo(policy, c, scope);
  return {
    view: bodies.map((b) => {
      const body = policy.outsideBodies.find((x) => x.id === b.id);
      return {
        name: b.name,
        role: b.role,
        when: b.when,
        contact: contactWords(body?.contact),
        hasContact: b.contactLines.length > 0,
        contactLines: b.contactLines.map((line) => ({ line })),
        note: b.note,
        limit: b.limit,
        windowEnds: b.until ? dateInWords(b.until) : undefined,
      };
    }),
    required: bodies.flatMap((b) => b.needed),
  };
}

/**
 * What every letter about a case may say: the organisation, the reference, whom it greets, who handles it. The
 * greeting names the complainant only by a plain name: whatever else they gave as their name ("Resident, your
 * refund is waiting at ...") would speak in the organisation's voice, so the letter says "Dear complainant".
 */
export function common(policy: Policy, c: Case): Record<string, TemplateView[string]> {
  const name = c.complainant.anonymous ? undefined : nameInLetters(c.complainant.name);
  const handler = roleInLetters(policy, c.handlerRole);
  return {
    org: policy.organisation.name,
    orgInText: organisationInText(policy),
    reference: c.reference,
    greeting: `Dear ${name ?? 'complainant'},`,
    handler: capitalise(handler),
    handlerSentence: `${asSubject(handler)} will look into your complaint.`,
    confidential: c.confidential,
    dataProtection: policy.intake.dataProtectionNote?.text ?? DEFAULT_DATA_PROTECTION,
    stageName: stageById(policy, c.stage)?.inLetters ?? stageById(policy, c.stage)?.name ?? c.stage,
    stageNameLower: stageById(policy, c.stage)?.inLetters ?? (stageById(policy, c.stage)?.name ?? c.stage).toLowerCase(),
    final: stageById(policy, c.stage)?.final ?? false,
  };
}

function replyDates(policy: Policy, c: Case): Record<string, TemplateView[string]> {
  const respond = pending(c, 'respond');
  const max = pending(c, 'respond-max');
  const meet = pending(c, 'meet');
  const stage = stageById(policy, c.stage);
  const ownEvent = respond ? undefined : stage?.deadlines.find((d) => d.kind === 'respond' && !(BUILT_IN_EVENTS as readonly string[]).includes(d.event));
  return {
    respondBy: respond ? dateInWords(respond.dueDate) : undefined,
    respondMax: max ? dateInWords(max.dueDate) : undefined,
    meetBy: meet ? dateInWords(meet.dueDate) : undefined,
    respondAfterEvent: ownEvent ? describePeriod(ownEvent.amount, ownEvent.unit) : undefined,
    respondUnknown: !respond && !ownEvent,
  };
}

function replyRequirements(c: Case): Requirement[] {
  const respond = pending(c, 'respond');
  return respond ? [{ what: `the date of our full response (${respond.dueDate})`, text: dateInWords(respond.dueDate) }] : [];
}

/**
 * Whether the acknowledgement says how to ask for a reasonable adjustment: where nobody asked when the complaint came
 * (an email; a call or letter where staff recorded no answer). The web form asks, and one agreed needs no asking.
 */
function asksHowToAskForAdjustments(c: Case): boolean {
  return c.channel !== 'web' && !c.adjustmentsAsked && (c.adjustments ?? []).length === 0;
}

/**
 * received: a new complaint; signed: its signature came; reply-date: staff set the reply date after the
 * acknowledgement; confirmed: the complainant confirmed the address typed into the form, which it now goes to.
 */
export function acknowledgementFacts(policy: Policy, c: Case, occasion: 'received' | 'signed' | 'reply-date' | 'confirmed' = 'received'): LetterFacts {
  const next = stageById(policy, c.stage)?.next;
  const nextStage = next?.trigger === 'complainant-request' ? stageById(policy, next.stage) : undefined;
  return {
    kind: 'acknowledgement',
    view: { ...common(policy, c), ...replyDates(policy, c), nextStageWords: nextStage ? stageInLetters(nextStage) : undefined, signedNow: occasion === 'signed', replyDateSet: occasion === 'reply-date', confirmedNow: occasion === 'confirmed', askAdjustments: asksHowToAskForAdjustments(c) },
    required: [{ what: 'the reference', text: c.reference }, ...replyRequirements(c)],
  };
}

export function signatureRequestFacts(policy: Policy, c: Case): LetterFacts {
  const ack = stageById(policy, c.stage)?.deadlines.find((d) => d.kind === 'acknowledge');
  return {
    kind: 'signature-request',
    view: {
      ...common(policy, c),
      signatureClause: policy.intake.signature?.clause ?? '',
      acknowledgeWithin: ack ? describePeriod(ack.amount, ack.unit) : undefined,
    },
    required: [{ what: 'the reference', text: c.reference }],
  };
}

/**
 * The one letter to an address typed into the form: it carries nothing the form said, not even the name, and
 * the secrets that confirm the address (the link, the code to reply with), which nothing else carries.
 */
export function confirmAddressFacts(policy: Policy, c: Case, confirmUrl?: string): LetterFacts {
  const code = c.complainant.addressCheck?.code;
  return {
    kind: 'confirm-address',
    view: { org: policy.organisation.name, orgInText: organisationInText(policy), reference: c.reference, confirmCode: code, confirmUrl },
    required: [
      { what: 'the reference', text: c.reference },
      ...(code ? [{ what: 'the code to reply with', text: code }] : []),
      ...(confirmUrl ? [{ what: 'the link that confirms the address', text: confirmUrl }] : []),
    ],
  };
}

/**
 * The holding letter: why the response will be late and its new date; where the policy allows a date past its
 * maximum only with a reason, that the new date is past it (the acknowledgement promised it "at the latest").
 */
export function holdingFacts(policy: Policy, c: Case, extension: { reason: string; newDate: string; agreed: boolean; pastMaximum?: { date: string; rule: string } }): LetterFacts {
  const past = extension.pastMaximum;
  // Where the policy's code asks (LGSCO 5.5, 6.5): the outside body, how to reach it and when they may go to it.
  const bodies = outsideBodies(policy, c, 'extension');
  return {
    kind: 'holding',
    view: {
      ...common(policy, c),
      reason: extension.reason,
      newDate: dateInWords(extension.newDate),
      agreed: extension.agreed,
      pastMaximum: past ? { date: dateInWords(past.date), rule: past.rule } : undefined,
      hasOutsideBodies: bodies.view.length > 0,
      outsideBodies: bodies.view,
    },
    required: [
      { what: 'why the response is late', text: extension.reason },
      { what: `the new date (${extension.newDate})`, text: dateInWords(extension.newDate) },
      ...(past ? [{ what: `that the new date is past the policy's maximum (${past.date})`, text: `later than ${dateInWords(past.date)}` }] : []),
      ...bodies.required,
    ],
  };
}

/**
 * The outcome letter of a stage: the decision, its reasons, the remedies and actions with their dates, then
 * either how and by when to ask for the next stage, or (at the last stage) that the decision is final and
 * every outside body with its contact and the date its window ends.
 */
export function outcomeFacts(policy: Policy, c: Case, outcome: StageOutcome): LetterFacts {
  const stage = stageById(policy, outcome.stage);
  const final = stage?.final ?? !stage?.next;
  const remedies = outcome.remedies.filter((r) => r !== 'apology').map((r) => ({ text: remedyWords(policy, r) }));
  const actions = outcome.actions.map((a) => ({ text: a.text, due: dateInWords(a.due) }));
  const required: Requirement[] = [
    { what: 'the decision', text: DECISION_SENTENCES[outcome.decision] },
    ...(outcome.parts
      ? [
          { what: 'what was upheld', text: outcome.parts.upheld },
          { what: 'what was not upheld', text: outcome.parts.notUpheld },
        ]
      : []),
    { what: 'the reasons for the decision', text: outcome.summary },
    ...remedies.map((r) => ({ what: `the remedy "${r.text}"`, text: r.text })),
    ...actions.flatMap((a) => [
      { what: `the action "${a.text}"`, text: a.text },
      { what: `the date of the action "${a.text}"`, text: a.due },
    ]),
  ];
  if (outcome.remedies.includes('apology')) required.push({ what: 'the apology', text: 'We are sorry' });
  const decision = {
    decisionSentence: DECISION_SENTENCES[outcome.decision],
    inPart: outcome.parts ? { upheld: outcome.parts.upheld, notUpheld: outcome.parts.notUpheld } : undefined,
    summary: outcome.summary,
    apology: outcome.remedies.includes('apology'),
    hasRemedies: remedies.length > 0,
    remedies,
    hasActions: actions.length > 0,
    actions,
  };
  const bodies = outsideBodies(policy, c, final ? { kind: 'final' } : { kind: 'open-windows' });
  required.push(...bodies.required);
  if (final) {
    required.push({ what: 'that the decision is final', text: 'final decision' });
    const first = policy.stages.find((s) => s.formal)?.id;
    return {
      kind: 'final-outcome',
      view: { ...common(policy, c), ...decision, reviewWords: outcome.stage === first ? 'looking into' : 'reviewing', hasOutsideBodies: bodies.view.length > 0, outsideBodies: bodies.view },
      required,
    };
  }
  const window = pending(c, 'appeal-window', outcome.stage);
  const how = stage?.next?.how ?? '';
  required.push({ what: 'how to ask for the next stage', text: how });
  if (window) required.push({ what: `the last day to ask for the next stage (${window.dueDate})`, text: dateInWords(window.dueDate) });
  return {
    kind: 'outcome',
    view: {
      ...common(policy, c),
      ...decision,
      nextHow: how,
      askBy: window ? dateInWords(window.dueDate) : undefined,
      hasOutsideBodies: bodies.view.length > 0,
      outsideBodies: bodies.view,
    },
    required,
  };
}

export function nextStageAcknowledgementFacts(policy: Policy, c: Case): LetterFacts {
  return {
    kind: 'next-stage-acknowledgement',
    view: { ...common(policy, c), ...replyDates(policy, c), handlerSentence: `${asSubject(roleInLetters(policy, c.handlerRole))} will review your complaint.` },
    required: [{ what: 'the reference', text: c.reference }, ...replyRequirements(c)],
  };
}

export function redirectFacts(policy: Policy, c: Case, matter: Policy['outOfScope'][number]): LetterFacts {
  const bodies = outsideBodies(policy, c, { kind: 'matter', matter: matter.id });
  return {
    kind: 'redirect',
    view: { ...common(policy, c), matter: matter.matter, goTo: matter.goTo, note: matter.note ? capitalise(matter.note) : undefined, hasOutsideBodies: bodies.view.length > 0, outsideBodies: bodies.view },
    required: [{ what: 'where to go instead', text: matter.goTo }, ...bodies.required],
  };
}

export function withdrawalFacts(policy: Policy, c: Case, confirmNeeded: boolean): LetterFacts {
  return { kind: 'withdrawal', view: { ...common(policy, c), confirmNeeded }, required: [{ what: 'the reference', text: c.reference }] };
}

export function closureFacts(policy: Policy, c: Case, reason: ClosureReason, detail: { windowEnded?: string; summary?: string } = {}): LetterFacts {
  const retention = c.deadlines.find((d) => d.kind === 'retention' && d.status === 'pending');
  // After our final decision every outside body is open to them; before it, those whose window the case holds.
  const bodies = outsideBodies(policy, c, finalDecision(policy, c) ? { kind: 'final' } : { kind: 'open-windows' });
  return {
    kind: 'closure',
    view: {
      ...common(policy, c),
      noAppeal: reason === 'no-appeal',
      earlyResolution: reason === 'early-resolution',
      resolved: reason === 'resolved',
      outcomeDate: c.outcome ? dateInWords(londonDate(c.outcome.at)) : undefined,
      windowEnded: detail.windowEnded ? dateInWords(detail.windowEnded) : undefined,
      summary: detail.summary,
      destroyOn: retention ? dateInWords(retention.dueDate) : undefined,
      hasOutsideBodies: bodies.view.length > 0,
      outsideBodies: bodies.view,
    },
    required: [{ what: 'the reference', text: c.reference }, ...bodies.required, ...(detail.summary ? [{ what: 'what was agreed', text: detail.summary }] : [])],
  };
}

/** A message staff wrote to the complainant: their subject and words, in the organisation's greeting and sign-off. */
export function messageFacts(policy: Policy, c: Case, message: { readonly subject: string; readonly text: string }): LetterFacts {
  return {
    kind: 'message',
    view: { ...common(policy, c), messageSubject: message.subject, message: message.text },
    required: [
      { what: 'the reference', text: c.reference },
      { what: 'the message', text: message.text },
    ],
  };
}

/** The first letter a case owes: confirm a typed address (with its link, where there is a front door), ask for a signature, or acknowledge. */
export function firstLetterFacts(policy: Policy, c: Case, confirmUrl?: string): LetterFacts {
  if (c.complainant.emailConfirmed === false) return confirmAddressFacts(policy, c, confirmUrl);
  if (c.status === 'awaiting-signature') return signatureRequestFacts(policy, c);
  return acknowledgementFacts(policy, c);
}
