/**
 * The conferences' and reviews' deadline rules (see obligation-derivations.ts), handed to the
 * kernel's timescales engine through areas/obligation-rules.ts.
 */
import { dueOf, type ObligationRule, type ObligationRuleSet } from '../../kernel/obligations.ts';
import { MEETING_DERIVATIONS, MEETING_RECORDED_DUE, MEETING_ROW_DUE_RULES, MEETING_RULES } from './obligation-derivations.ts';

const recorded: Partial<Record<(typeof MEETING_RULES)[number], ObligationRule['recordedDue']>> = MEETING_RECORDED_DUE(dueOf);

export const MEETINGS_OBLIGATIONS: ObligationRuleSet = {
  area: 'meetings',
  rules: MEETING_RULES.map((id) => {
    const recordedDue = recorded[id];
    return { id, derive: MEETING_DERIVATIONS[id], ...(MEETING_ROW_DUE_RULES.includes(id) ? { rowDue: true } : {}), ...(recordedDue ? { recordedDue } : {}) };
  }),
};
