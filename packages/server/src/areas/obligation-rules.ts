/**
 * The areas' deadline rules, handed to the kernel's timescales engine. Server start-up, the
 * command line and the demo generator import this module; a new area adds its rule set here,
 * not to the kernel.
 */
import { registerObligationRules } from '../kernel/obligations.ts';
import { EARLY_HELP_OBLIGATIONS } from './early-help/obligations.ts';
import { LOOKED_AFTER_OBLIGATIONS } from './looked-after/obligations.ts';
import { LOOKED_AFTER_CARE_OBLIGATIONS } from './looked-after-care/obligations.ts';
import { MEETINGS_OBLIGATIONS } from './meetings/obligations.ts';
import { OVERSIGHT_OBLIGATIONS } from './oversight/obligations.ts';
import { PARTNERS_OBLIGATIONS } from './partners/obligations.ts';
import { PLANS_OBLIGATIONS } from './plans/obligations.ts';
import { PROTECTION_OBLIGATIONS } from './protection/obligations.ts';
import { REFERRALS_OBLIGATIONS } from './referrals/obligations.ts';

export const AREA_OBLIGATION_RULES = [
  REFERRALS_OBLIGATIONS,
  PROTECTION_OBLIGATIONS,
  LOOKED_AFTER_OBLIGATIONS,
  LOOKED_AFTER_CARE_OBLIGATIONS,
  PARTNERS_OBLIGATIONS,
  OVERSIGHT_OBLIGATIONS,
  PLANS_OBLIGATIONS,
  MEETINGS_OBLIGATIONS,
  EARLY_HELP_OBLIGATIONS,
] as const;

registerObligationRules(AREA_OBLIGATION_RULES);
