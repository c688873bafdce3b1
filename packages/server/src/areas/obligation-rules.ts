/**
 * The areas' deadline rules, handed to the kernel's timescales engine: the one place a new area
 * adds its rule set (the kernel does not change). The kernel may not import the areas, so the
 * code that runs the engine imports this module for its side effect. Four modules do, each a way
 * in that can run without the others (ESM evaluates this once, however many import it):
 *   server.ts                      the HTTP server
 *   cli/main.ts                    the `lantern` command (worklists, refresh, imports, seeding)
 *   seed/generate.ts               the generator, which tests and the bench call directly
 *   areas/returns/import-result.ts the returns' imports, which tests call directly
 * Forgetting it fails loudly: with nothing registered the engine refuses to run.
 */
import { registerObligationRules } from '../kernel/obligations.ts';
import { LEGAL_OBLIGATIONS } from './legal/obligations.ts';
import { EARLY_HELP_OBLIGATIONS } from './early-help/obligations.ts';
import { FOSTERING_OBLIGATIONS } from './fostering/obligations.ts';
import { EXCHANGE_OBLIGATIONS } from './exchange/obligations.ts';
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
  LEGAL_OBLIGATIONS,
  EARLY_HELP_OBLIGATIONS,
  FOSTERING_OBLIGATIONS,
  EXCHANGE_OBLIGATIONS,
] as const;

registerObligationRules(AREA_OBLIGATION_RULES);
