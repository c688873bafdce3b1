/**
 * What the top navigation offers each role. Lists that belong together (the looked-after lists,
 * the workforce pages) sit behind one item leading to a page that links to each; a group a role
 * sees only one link of is shown as that link, as a page with one link would waste a click.
 */
import { request } from './api/client.ts';
import { plural } from './format.ts';

type Can = (permission: string) => boolean;

export type MenuLink = {
  href: string;
  text: string;
  current: (path: string) => boolean;
  /** One line on the grouping page saying what the list is for. */
  description?: string;
  /** A figure beside the link on the grouping page, only where the list is small to fetch. */
  count?: () => Promise<string>;
};

export type MenuGroup = { href: string; text: string; title: string; links: MenuLink[] };

const is = (href: string) => (p: string) => p === href;

export function lookedAfterGroup(can: Can): MenuGroup {
  const links: MenuLink[] = [];
  if (can('looked-after:oversee')) {
    links.push({
      href: '/looked-after/missing',
      text: 'Missing children',
      current: is('/looked-after/missing'),
      description: 'Children missing now, return home interviews not offered within 72 hours, and repeated episodes.',
      count: async () => {
        const d = await request<{ missingNow: unknown[] }>('GET', '/api/looked-after/missing');
        return `${plural(d.missingNow.length, 'child', 'children')} missing now`;
      },
    });
    links.push({
      href: '/looked-after/unregistered',
      text: 'Unregistered placements',
      current: is('/looked-after/unregistered'),
      description: 'Children placed with a provider not registered for the care it gives, with the director’s approval and the visits due.',
      count: async () => {
        const d = await request<{ placements: unknown[] }>('GET', '/api/looked-after/unregistered-placements');
        return `${plural(d.placements.length, 'child', 'children')} placed now`;
      },
    });
  }
  if (can('looked-after:oversee')) {
    links.push({
      href: '/escalations',
      text: 'IRO concerns',
      current: is('/escalations'),
      description: 'Concerns independent reviewing officers have raised, at each stage of dispute resolution, not yet resolved.',
      count: async () => {
        const d = await request<unknown[]>('GET', '/api/iro-escalations');
        return `${plural(d.length, 'concern', 'concerns')} open`;
      },
    });
  }
  if (can('child:search')) {
    links.push({
      href: '/uasc',
      text: 'Unaccompanied asylum-seeking children',
      current: is('/uasc'),
      description: 'How each was referred, their age assessment, and any delay before they became looked after.',
    });
    links.push({
      href: '/care-leavers',
      text: 'Care leavers',
      current: is('/care-leavers'),
      description: 'Each care leaver’s category, whether the council is in touch, and what they are doing.',
    });
  }
  if (can('provider:read')) {
    links.push({
      href: '/providers',
      text: 'Providers',
      current: is('/providers'),
      description: 'The providers register: homes, fostering agencies and others, with their Ofsted registration.',
    });
  }
  if (can('fostering:read')) {
    links.push({
      href: '/fostering',
      text: 'Foster carers',
      current: (p) => p.startsWith('/fostering'),
      description: 'The council’s own foster carers: who is approved for what, free places today, recruitment and why carers leave.',
    });
  }
  return { href: '/children-looked-after', text: 'Children looked after', title: 'Children looked after', links };
}

export function workforceGroup(can: Can): MenuGroup {
  const links: MenuLink[] = [];
  if (can('workforce:read')) {
    links.push({
      href: '/teams',
      text: 'Teams',
      current: (p) => p.startsWith('/teams'),
      description: 'Each team’s workers and their caseloads; a worker’s supervision and induction are on their page.',
      count: async () => plural((await request<{ teams: unknown[] }>('GET', '/api/teams')).teams.length, 'team', 'teams'),
    });
  }
  if (can('workforce:report')) {
    links.push({
      href: '/workforce',
      text: 'Workforce report',
      current: (p) => p === '/workforce' || p.startsWith('/workers/'),
      description: 'Caseloads by team against the ceiling, turnover, churn, gaps in supervision and case audit results.',
    });
  }
  return { href: '/teams-and-workforce', text: 'Workforce', title: 'Teams and workforce', links };
}

/** A group as one menu item, or as its only link. */
function collapse(group: MenuGroup): MenuLink[] {
  if (group.links.length <= 1) return group.links;
  return [{ href: group.href, text: group.text, current: (p) => p === group.href || group.links.some((l) => l.current(p)) }];
}

/** The top navigation for a signed-in user, in order. */
export function menuFor(role: string, can: Can): MenuLink[] {
  const items: MenuLink[] = [];
  if (role === 'partner') items.push({ href: '/partner', text: 'Requests', current: (p) => p.startsWith('/partner') });
  // Home (the landing page) is the service name in the header; finding a child is its own page.
  else items.push({ href: '/children', text: 'Find a child', current: (p) => p === '/children' || (p.startsWith('/children/') && p !== '/children/new') });
  if (can('worklist:read')) items.push({ href: '/work', text: 'My work', current: is('/work') });
  items.push(...collapse(workforceGroup(can)));
  if (can('performance:read')) items.push({ href: '/performance', text: 'Performance', current: (p) => p.startsWith('/performance') });
  if (can('improvement:read')) items.push({ href: '/improvement', text: 'Improvement plan', current: (p) => p.startsWith('/improvement') });
  if (can('partner:oversee')) items.push({ href: '/partners', text: 'Partners', current: (p) => p.startsWith('/partners') });
  else if (can('partner:manage')) items.push({ href: '/partners/register', text: 'Partners', current: (p) => p.startsWith('/partners') });
  if (can('child:create')) items.push({ href: '/children/new', text: 'Add a child', current: is('/children/new') });
  if (can('returns:produce')) items.push({ href: '/returns', text: 'Returns', current: (p) => p.startsWith('/returns') });
  items.push(...collapse(lookedAfterGroup(can)));
  // Information governance answers subject access requests (the head of service reaches them from their landing page).
  if (role === 'information-governance')
    items.push({
      href: '/subject-access-requests',
      text: 'Subject access requests',
      current: (p) => p === '/subject-access-requests' || /\/subject-access-requests(\/|$)/.test(p),
    });
  if (can('user:manage')) items.push({ href: '/users', text: 'Users', current: (p) => p.startsWith('/users') });
  return items;
}
