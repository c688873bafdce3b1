/** The previous permanence and early help records of an SSD extract as Lantern's rows (see import-rows.ts). */
import type { PlanContext } from './import-rows.ts';

const PREV = new Set(['P1', 'P2', 'P3', 'P4', 'Z1']);
const ENDS = new Set(['needs-met', 'stepped-up', 'disengaged']);

export function planMore(c: PlanContext): void {
  const { laCode, actorId, rows, id, skip, event, childOf, oneOpen, NOTE } = c;
  const table = (object: string) => c.extract.tables.get(object) ?? [];

  // A mother's child who is not a child of the council is a person beside her record, as the SSDA903 import makes one.
  const people = new Set(rows.person.map((p) => p.person_id as string));
  for (const r of table('ssd_mother')) {
    const mother = childOf('ssd_mother', r, 'moth_person_id', 'moth_table_id');
    if (!mother || !r.moth_childs_person_id) {
      if (mother) skip('ssd_mother', r, 'moth_table_id', 'No moth_childs_person_id');
      continue;
    }
    const baby = id('person', r.moth_childs_person_id);
    if (baby === mother) {
      skip('ssd_mother', r, 'moth_table_id', 'A person cannot be her own mother');
      continue;
    }
    if (!people.has(baby)) {
      people.add(baby);
      rows.person.push({
        la_code: laCode,
        person_id: baby,
        is_child: false,
        given_name: 'Unnamed',
        family_name: 'child of a looked-after young person',
        date_of_birth: r.moth_childs_dob || null,
        sex: 'U',
        created_by: actorId,
        updated_by: actorId,
      });
    }
    rows.relationship.push({
      la_code: laCode,
      relationship_id: id('relationship', r.moth_table_id ?? ''),
      person_id: baby,
      related_person_id: mother,
      relationship_type: 'mother',
      notes: NOTE,
      created_by: actorId,
    });
  }

  // Previous permanence belongs to a period of care: the one its id names, else the child's first without one.
  const periods = new Map<string, string[]>();
  for (const e of [...rows.cla_episode].sort((a, b) => String(a.start_date).localeCompare(String(b.start_date)))) {
    const list = periods.get(e.child_id as string) ?? [];
    if (!list.includes(e.period_id as string)) list.push(e.period_id as string);
    periods.set(e.child_id as string, list);
  }
  const used = new Set<string>();
  for (const r of table('ssd_cla_previous_permanence')) {
    const child = childOf('ssd_cla_previous_permanence', r, 'lapp_person_id', 'lapp_table_id');
    if (!child) continue;
    const own = periods.get(child) ?? [];
    const named = (r.lapp_table_id ?? '').split(':')[1];
    const period = named && own.includes(id('period', named)) ? id('period', named) : own.find((p) => !used.has(`${child}|${p}`));
    const option = r.lapp_previous_permanence_option ?? '';
    if (!period || !PREV.has(option) || used.has(`${child}|${period}`)) {
      skip(
        'ssd_cla_previous_permanence',
        r,
        'lapp_table_id',
        !PREV.has(option) ? `"${option}" is not P1–P4 or Z1` : 'No period of care of the child in ssd_cla_episodes for it to belong to',
      );
      continue;
    }
    used.add(`${child}|${period}`);
    rows.previous_permanence.push({
      la_code: laCode,
      child_id: child,
      period_id: period,
      prev_perm: option,
      la_perm: r.lapp_previous_permanence_la || null,
      date_perm: r.lapp_previous_permanence_order_date || null,
      created_by: actorId,
    });
  }

  // Early help began from a contact decided as early help, else as a step-down from a CIN episode (the SSD does not say which).
  const workers = new Set(rows.worker.map((w) => w.worker_id as string));
  for (const r of table('ssd_early_help_episodes')) {
    const child = childOf('ssd_early_help_episodes', r, 'earl_person_id', 'earl_episode_id');
    if (!child) continue;
    const start = r.earl_episode_start_date ?? '';
    const end = r.earl_episode_end_date || null;
    const outcome = r.earl_episode_end_reason ?? '';
    const contact = rows.contact
      .filter((k) => k.child_id === child && k.decision === 'early-help' && String(k.received_on) <= start)
      .sort((a, b) => String(b.received_on).localeCompare(String(a.received_on)))[0];
    const episode = rows.cin_episode
      .filter((e) => e.child_id === child && String(e.referral_date) <= start)
      .sort((a, b) => String(b.referral_date).localeCompare(String(a.referral_date)))[0];
    const why = !start
      ? 'No start date'
      : !!end !== ENDS.has(outcome)
        ? 'An end date needs an end reason (needs-met, stepped-up, disengaged), and a reason a date'
        : end && end < start
          ? 'Ends before it starts'
          : !contact && !episode
            ? 'Neither a contact decided as early help nor a CIN episode before it, for it to have begun from'
            : !oneOpen('early-help', child, end)
              ? 'A second open early help episode'
              : null;
    if (why) {
      skip('ssd_early_help_episodes', r, 'earl_episode_id', why);
      continue;
    }
    const lead = r.earl_episode_worker_id ? id('worker', r.earl_episode_worker_id) : null;
    const earlyHelpId = id('early-help', r.earl_episode_id ?? '');
    rows.early_help_episode.push({
      la_code: laCode,
      early_help_id: earlyHelpId,
      child_id: child,
      started_on: start,
      route: contact ? 'contact' : 'step-down',
      contact_id: contact ? contact.contact_id : null,
      cin_episode_id: contact ? null : episode?.episode_id,
      reasons: r.earl_episode_reason || NOTE,
      lead_kind: lead && workers.has(lead) ? 'worker' : null,
      lead_worker_id: lead && workers.has(lead) ? lead : null,
      ended_on: end,
      end_outcome: end ? outcome : null,
      end_reasons: end ? NOTE : null,
      created_by: actorId,
    });
    event(child, start, 'early-help', 'Early help began', 'early-help-episode', earlyHelpId);
  }
}
