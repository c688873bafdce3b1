/** The demo users, one per role, each the person in post a tester would pick for that role. */
import type { Role } from '@lantern/core/permissions';
import type { Insertable } from 'kysely';
import type { AppUserTable } from '../kernel/db/schema.ts';
import type { SeedWorker, Workforce } from './workforce.ts';
import type { GeneratorConfig } from './model.ts';

/** The demo users, one per role, in the order their ids are drawn. */
export const DEMO_USERNAMES = [
  'sw.demo',
  'tm.demo',
  'iro.demo',
  'hos.demo',
  'analyst.demo',
  'admin.demo',
  'fd.demo',
  'irom.demo',
  'legal.demo',
  'ssw.demo',
  'ftm.demo',
  'ig.demo',
] as const;

const ROLE_LABEL: Record<Role, string> = {
  'social-worker': 'social worker',
  'team-manager': 'team manager',
  iro: 'independent reviewing officer',
  'iro-manager': 'IRO manager',
  'head-of-service': 'head of service',
  'performance-analyst': 'performance analyst',
  administrator: 'administrator',
  partner: 'partner agency',
  'legal-adviser': 'legal adviser',
  'supervising-social-worker': 'supervising social worker',
  'fostering-team-manager': 'fostering team manager',
  'information-governance': 'information governance officer',
};

export function demoUsers(cfg: GeneratorConfig, wf: Workforce, userIds: string[], passwordHash: string): Insertable<AppUserTable>[] {
  const inPost = wf.workers.filter((w) => w.leave === null);
  const cinTeam = wf.teamsIn('cin')[0] as number;
  const byCaseload = (a: SeedWorker, b: SeedWorker) => Math.abs((wf.openSw[a.index] ?? 0) - 20) - Math.abs((wf.openSw[b.index] ?? 0) - 20) || a.index - b.index;
  const sw =
    inPost.filter((w) => w.jobRole === 'social-worker' && w.teamIndex === cinTeam && w.employment === 'permanent' && w.fte === 1).sort(byCaseload)[0] ??
    inPost.filter((w) => w.jobRole === 'social-worker' || w.jobRole === 'senior-practitioner').sort(byCaseload)[0] ??
    null;
  const tm = sw?.teamIndex != null ? wf.worker((wf.teams[sw.teamIndex] as { managerIndex: number }).managerIndex) : wf.firstOf('team-manager');
  const frontDoor = wf.teamsIn('front-door')[0];
  const frontDoorManager = frontDoor !== undefined ? wf.worker((wf.teams[frontDoor] as { managerIndex: number }).managerIndex) : null;
  const iro = inPost.filter((w) => w.jobRole === 'iro').sort((a, b) => (wf.openIro[b.index] ?? 0) - (wf.openIro[a.index] ?? 0) || a.index - b.index)[0] ?? null;
  // The IRO manager manages the independent reviewing service's team.
  const iroTeam = wf.teamsIn('iro')[0];
  const iroManager = iroTeam !== undefined ? wf.worker((wf.teams[iroTeam] as { managerIndex: number }).managerIndex) : null;
  // The fostering service's supervising social worker (the first of seed/fostering.ts's) and their manager.
  const claTeams = new Set(wf.teamsIn('cla'));
  const ssw = inPost.find((w) => w.jobRole === 'social-worker' && w.teamIndex !== null && claTeams.has(w.teamIndex)) ?? null;
  const ftm = ssw?.teamIndex != null ? wf.worker((wf.teams[ssw.teamIndex] as { managerIndex: number }).managerIndex) : null;
  const picks: Record<(typeof DEMO_USERNAMES)[number], [Role, SeedWorker | null]> = {
    'sw.demo': ['social-worker', sw],
    'tm.demo': ['team-manager', tm],
    'iro.demo': ['iro', iro],
    'hos.demo': ['head-of-service', wf.firstOf('head-of-service')],
    'analyst.demo': ['performance-analyst', wf.firstOf('performance-analyst')],
    'admin.demo': ['administrator', wf.firstOf('administrator')],
    // The front door's manager: contacts awaiting a decision are theirs.
    'fd.demo': ['team-manager', frontDoorManager],
    'irom.demo': ['iro-manager', iroManager],
    // The council's lawyer is not a social care worker: no worker record.
    'legal.demo': ['legal-adviser', null],
    'ssw.demo': ['supervising-social-worker', ssw],
    'ftm.demo': ['fostering-team-manager', ftm],
    // Information governance answers subject access requests: not a social care worker.
    'ig.demo': ['information-governance', null],
  };
  return DEMO_USERNAMES.map((username, i) => {
    const [role, worker] = picks[username];
    return {
      la_code: cfg.laCode,
      user_id: userIds[i] as string,
      username,
      display_name: worker ? `${worker.givenName} ${worker.familyName} (${ROLE_LABEL[role]})` : `Demo ${ROLE_LABEL[role]}`,
      role,
      worker_id: worker?.workerId ?? null,
      password_hash: passwordHash,
    };
  });
}
