import { describe, expect, it } from 'vitest';
import { type DfeChild, dfeChildJsonSchema, dfeCohortWindow, dfePartial, dfePurge } from '../src/dfe-csc-api.ts';

const child = (episodes: DfeChild['social_care_episodes'], surname = 'Lambert'): DfeChild => ({
  la_code: 884,
  la_child_id: 'T1',
  mis_child_id: 'm1',
  child_details: { first_name: 'Poppy', surname, date_of_birth: '2015-03-12' },
  social_care_episodes: episodes,
});

describe('the DfE feed', () => {
  it('draws the cohort window from 1 April of the financial year 24 months back to the day after the run', () => {
    expect(dfeCohortWindow('2026-05-01')).toEqual({ from: '2024-04-01', to: '2026-05-02' });
    expect(dfeCohortWindow('2026-02-15')).toEqual({ from: '2023-04-01', to: '2026-02-16' });
    expect(dfeCohortWindow('2026-03-31')).toEqual({ from: '2023-04-01', to: '2026-04-01' });
    expect(dfeCohortWindow('2026-04-01')).toEqual({ from: '2024-04-01', to: '2026-04-02' });
  });

  it('sends the identifiers and child details always, and only the changed parts of episodes', () => {
    const before = child([
      { social_care_episode_id: 'e1', referral_date: '2026-01-01', child_in_need_plans: [{ child_in_need_plan_id: 'p1', start_date: '2026-02-01' }] },
    ]);
    const after = child(
      [
        {
          social_care_episode_id: 'e1',
          referral_date: '2026-01-01',
          child_in_need_plans: [{ child_in_need_plan_id: 'p1', start_date: '2026-02-01', end_date: '2026-04-01' }],
        },
        { social_care_episode_id: 'e2', referral_date: '2026-04-10' },
      ],
      'Hughes',
    );
    expect(dfePartial(before, after)).toEqual({
      la_code: 884,
      la_child_id: 'T1',
      mis_child_id: 'm1',
      child_details: after.child_details,
      social_care_episodes: [
        { social_care_episode_id: 'e1', child_in_need_plans: [{ child_in_need_plan_id: 'p1', start_date: '2026-02-01', end_date: '2026-04-01' }] },
        { social_care_episode_id: 'e2', referral_date: '2026-04-10' },
      ],
    });
  });

  it('purges an episode removed at source, and a child who left the cohort', () => {
    const before = child([{ social_care_episode_id: 'e1' }, { social_care_episode_id: 'e2' }]);
    expect(dfePartial(before, child([{ social_care_episode_id: 'e1' }])).social_care_episodes).toEqual([{ social_care_episode_id: 'e2', purge: true }]);
    expect(dfePurge(before)).toEqual({ la_code: 884, la_child_id: 'T1', mis_child_id: 'm1', purge: true });
  });

  it('ignores the key order of a payload read back from the database', () => {
    const before = child([{ referral_date: '2026-01-01', social_care_episode_id: 'e1' } as never]);
    expect(dfePartial(before, child([{ social_care_episode_id: 'e1', referral_date: '2026-01-01' }])).social_care_episodes).toBeUndefined();
  });

  it('generates a JSON Schema from the zod schema with the reference nesting', () => {
    const schema = dfeChildJsonSchema() as { required: string[]; properties: Record<string, { properties?: object; items?: { properties?: object } }> };
    expect(schema.required).toEqual(expect.arrayContaining(['la_code', 'la_child_id', 'mis_child_id', 'child_details']));
    expect(Object.keys(schema.properties.social_care_episodes?.items?.properties ?? {})).toContain('child_looked_after_placements');
  });
});
