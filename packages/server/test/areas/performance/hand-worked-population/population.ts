import { LA } from '../../../helpers/fixture.ts';
import type { Population } from './builders.ts';
import { writeCaseloadsAndCare } from './caseloads-and-care.ts';
import { writeFrontDoorAndProtection } from './front-door-and-protection.ts';
import { writePlacementsAuditsAndWorkforce } from './placements-audits-and-workforce.ts';

/**
 * The population indicators.test.ts counts (its header lists the eras): a council of 20,000 children,
 * then eras A to L in order, so each child keeps the number it had when the eras were one function.
 */
export async function writeHandWorkedPopulation(population: Population) {
  await population.db
    .insertInto('council_setting')
    .values({ la_code: LA, key: 'population-0-17', value: JSON.stringify(20000) })
    .execute();
  await writeFrontDoorAndProtection(population);
  await writeCaseloadsAndCare(population);
  await writePlacementsAuditsAndWorkforce(population);
}
