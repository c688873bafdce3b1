/**
 * A generated child's case history: which worker held the case when (the phases of a case, the
 * changes of worker within them, the churn), the IRO and personal adviser, and the case notes on
 * the chronology. It draws from the council generator's own stream, in the same order as before.
 */
import type { Insertable } from 'kysely';
import type { AllocationTable, ChronologyEntryTable } from '../kernel/db/schema.ts';
import { fillNote, NOTE_CATEGORIES, type NoteContext, noteTemplate } from './pools.ts';
import type { SeedAllocation } from './pathways.ts';
import { birthday, isoOf, type Rng, timestampOf } from './rng.ts';
import { caseEntry } from './trail.ts';
import type { Pool, Workforce } from './workforce.ts';
import { type Adult, carerWord, type GeneratorConfig, type SeedChild, type Segment } from './model.ts';

/** The rows a case history writes. */
export type CaseRows = { allocation: Insertable<AllocationTable>[]; chronology_entry: Insertable<ChronologyEntryTable>[] };

export class CaseHistory {
  /** The social-worker allocations of the child being generated, for its casework. */
  childAllocations: SeedAllocation[] = [];
  /** The IRO allocation rows of the child being generated, in the order written, for its reviews' chairs. */
  childIros: Insertable<AllocationTable>[] = [];
  private readonly asOf: number;

  constructor(
    private readonly rng: Rng,
    private readonly ids: Rng,
    private readonly cfg: GeneratorConfig,
    private readonly workforce: Workforce,
  ) {
    this.asOf = cfg.asOf;
  }

  add(rows: CaseRows, child: SeedChild, resident: Adult | undefined): void {
    const { rng } = this;
    if (child.status === 'closed') {
      const end = child.caseEnd as number;
      const length = end - child.caseStart;
      const segments: Segment[] =
        length > 60 && rng.chance(0.5)
          ? [
              { start: child.caseStart, pool: 'assessment', endKind: 'transfer', worker: -1 },
              { start: child.caseStart + rng.between(20, Math.min(55, length - 1)), pool: 'cin', endKind: 'realloc', worker: -1 },
            ]
          : [{ start: child.caseStart, pool: length <= 60 ? 'assessment' : 'cin', endKind: 'realloc', worker: -1 }];
      this.allocateSegments(rows, child, segments, end, 'Case closed');
    } else if (child.status === 'care-leaver') {
      const at18 = birthday(child.dob as number, 18);
      const segments: Segment[] = [{ start: child.caseStart, pool: 'cla', endKind: 'realloc', worker: -1 }];
      if (at18 - child.caseStart > 200 && rng.chance(0.5))
        segments.push({ start: child.caseStart + rng.between(60, at18 - child.caseStart - 30), pool: 'cla', endKind: 'realloc', worker: -1 });
      this.allocateSegments(rows, child, segments, at18, 'Turned 18: case transferred to the care leavers service');
      this.allocateOther(rows, child, 'iro', 'iro', child.caseStart, at18, 'Child became looked after', 'Ceased to be looked after at 18');
      this.allocateOther(rows, child, 'care-leavers', 'personal-adviser', at18, null, 'Turned 18: leaving care', null);
    } else {
      const segments = this.planSegments(child);
      this.allocateSegments(rows, child, segments, null, null);
      if (child.status === 'cla') {
        this.allocateOther(rows, child, 'iro', 'iro', child.lookedAfterFrom as number, null, 'Child became looked after', null);
      }
    }
    this.addNotes(rows, child, resident);
  }

  /** The phases of an open case (which pool holds it when) and the changes of worker within them. */
  private planSegments(child: SeedChild): Segment[] {
    const { rng, asOf } = this;
    const cs = child.caseStart;
    const length = asOf - cs;
    const phases: { start: number; pool: Pool }[] = [];
    if (child.status === 'cin') {
      if (length < 60) phases.push({ start: cs, pool: 'assessment' });
      else if (rng.chance(0.65)) phases.push({ start: cs, pool: 'assessment' }, { start: cs + rng.between(20, 55), pool: 'cin' });
      else phases.push({ start: cs, pool: 'cin' });
    } else if (child.status === 'cp') {
      const from = child.protectionFrom as number;
      if (from - cs > 20) {
        phases.push({ start: cs, pool: 'assessment' });
        if (from - cs > 120 && rng.chance(0.5)) phases.push({ start: cs + rng.between(20, 55), pool: 'cin' });
      }
      phases.push({ start: Math.max(from, cs), pool: 'cp' });
    } else {
      const from = child.lookedAfterFrom as number;
      if (from - cs > 20) {
        phases.push({ start: cs, pool: 'assessment' });
        if (from - cs > 120) phases.push({ start: cs + rng.between(20, 55), pool: rng.chance(0.4) ? 'cp' : 'cin' });
      }
      phases.push({ start: Math.max(from, cs), pool: 'cla' });
    }

    const windowStart = asOf - 365;
    const extra: { day: number; kind: 'left' | 'realloc' }[] = [];
    const kind = (): 'left' | 'realloc' => (rng.chance(0.45) ? 'left' : 'realloc');
    if (child.manyWorkers) {
      const k = rng.chance(0.5) ? 2 : rng.chance(0.6) ? 3 : 4;
      const lo = Math.max(cs + 7, asOf - 355);
      for (let i = 0; i < k; i++) extra.push({ day: rng.between(lo, asOf - 10), kind: kind() });
    } else {
      const phaseChangesInWindow = phases.filter((p, i) => i > 0 && p.start > windowStart).length;
      if (length > 90 && rng.chance(0.3)) {
        const day = rng.between(cs + 30, asOf - 10);
        if (day <= windowStart || phaseChangesInWindow === 0) extra.push({ day, kind: kind() });
      }
      if (length > 730 && rng.chance(0.4)) extra.push({ day: rng.between(cs + 60, asOf - 400), kind: kind() });
      // Few cases stay with one worker for years: a long case changed hands in the last few.
      const lastChange = Math.max(cs, ...phases.map((p) => p.start), ...extra.map((e) => e.day));
      if (asOf - lastChange > 1000 && rng.chance(0.85)) extra.push({ day: rng.between(asOf - 1000, asOf - 370), kind: kind() });
    }
    if (child.unallocated && length > 45) extra.push({ day: asOf - rng.between(5, Math.min(60, length - 10)), kind: 'left' });

    // Merge phase starts and extra changes into segments, a few days apart at least.
    const boundaries: { day: number; pool: Pool | null; kind: 'transfer' | 'left' | 'realloc' }[] = [
      ...phases.slice(1).map((p) => ({ day: p.start, pool: p.pool as Pool | null, kind: 'transfer' as const })),
      ...extra.map((e) => ({ day: e.day, pool: null, kind: e.kind })),
    ].sort((a, b) => a.day - b.day || (a.pool ? -1 : 1));
    const segments: Segment[] = [{ start: cs, pool: (phases[0] as { pool: Pool }).pool, endKind: 'realloc', worker: -1 }];
    for (const b of boundaries) {
      const last = segments[segments.length - 1] as Segment;
      if (b.day - last.start < 4 || b.day > asOf - 3) {
        if (b.pool) last.pool = b.pool; // too close: the later phase wins
        continue;
      }
      last.endKind = b.kind;
      segments.push({ start: b.day, pool: b.pool ?? last.pool, endKind: 'realloc', worker: -1 });
    }
    return segments;
  }

  /**
   * Gives each segment a worker and writes the social-worker allocations. `endDay` ends the last
   * one (closed cases, care leavers); otherwise it stays open, or is ended and left unfilled for
   * a child awaiting allocation.
   */
  private allocateSegments(rows: CaseRows, child: SeedChild, segments: Segment[], endDay: number | null, endReason: string | null): void {
    const { rng, asOf } = this;
    const wf = this.workforce;
    const limit = endDay ?? asOf;
    let previous = -1;
    const kept: { start: number; end: number | null; worker: number; endReason: string | null }[] = [];
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i] as Segment;
      const next = segments[i + 1];
      const isLast = next === undefined;
      const before = kept[kept.length - 1];
      // After a reallocation or a leaver, the case usually stays in the same team.
      const preferTeam = before && i > 0 && (segments[i - 1] as Segment).endKind !== 'transfer' ? (wf.worker(before.worker).teamIndex ?? -1) : -1;
      let start = seg.start;
      let end: number | null = isLast ? endDay : next.start;
      let w = -1;
      let left = false;
      if (!isLast && seg.endKind === 'left') {
        const after = segments[i + 2]?.start ?? limit;
        // A child awaiting allocation lost their worker when the wait began, not months before it
        // (else the return shows a social worker episode ending with nobody after it).
        const awaiting = endDay === null && child.unallocated && i === segments.length - 2;
        w = wf.pickLeaverLeavingIn(seg.pool, awaiting ? Math.max(start + 3, next.start) : start + 3, after - 3, start, previous);
        if (w >= 0) {
          end = wf.worker(w).leave as number;
          next.start = end;
          left = true;
        }
      }
      if (w < 0 && end !== null && rng.chance(isLast ? 0.35 : 0.25)) w = wf.pickLeaverLeavingFrom(seg.pool, end, start, previous);
      if (w < 0) w = wf.pickCurrent(seg.pool, start, previous, preferTeam, isLast && endDay === null ? wf.openSw : null);
      if (wf.worker(w).start > start) {
        // Nobody in the pool had started by then: the longest-serving worker is the likeliest to have had it.
        const earliest = wf.pickEarliest(seg.pool, previous);
        if (earliest >= 0 && wf.worker(earliest).start < wf.worker(w).start) w = earliest;
      }
      const worker = wf.worker(w);
      if (worker.start > start) {
        // Nobody in the pool now had started then: on a new case, someone since gone held it until
        // this worker came (a child in care had a social worker all along: 903 rule SW12STG2); else
        // the case waited, or the previous worker kept it.
        const upTo = end === null ? worker.start : Math.min(worker.start, end);
        const earlier = before ? -1 : wf.pickLeaverLeavingFrom(seg.pool, upTo, start, w);
        if (earlier >= 0) {
          kept.push({ start, end: upTo, worker: earlier, endReason: null });
          previous = earlier;
        }
        start = worker.start;
        if (before && before.end === seg.start && before.endReason === null) {
          const prev = wf.worker(before.worker);
          if (prev.leave === null || prev.leave >= start) before.end = start;
        }
      }
      if (end !== null && start >= end) {
        // Nobody new could hold it then: the previous worker keeps it until the next one starts
        // (not past them, which would overlap two social workers), or there is a gap in the history.
        if (before?.end != null && before.end > end) before.end = end;
        continue;
      }
      kept.push({ start, end, worker: w, endReason: isLast ? endReason : left ? 'Worker left' : null });
      seg.worker = w;
      previous = w;
    }
    // Fix end reasons now that every worker is known.
    for (let i = 0; i < kept.length - 1; i++) {
      const k = kept[i] as (typeof kept)[number];
      if (k.endReason === 'Worker left') continue;
      const nextTeam = wf.teamOf((kept[i + 1] as (typeof kept)[number]).worker)?.index;
      k.endReason = wf.teamOf(k.worker)?.index !== nextTeam ? 'Team transfer' : 'Reallocation to balance caseloads';
    }
    if (endDay === null && child.unallocated) {
      if (asOf - child.caseStart <= 45 || kept.length <= 1)
        kept.length = 0; // never allocated
      else {
        kept.pop();
        const last = kept[kept.length - 1] as (typeof kept)[number];
        if (last.endReason !== 'Worker left') last.endReason = 'Worker on long-term leave';
      }
    }
    let previousReason: string | null = null;
    for (const k of kept) {
      this.pushAllocation(rows, child, k.worker, 'social-worker', k.start, k.end, previousReason ?? 'New case', k.endReason);
      previousReason = k.endReason;
    }
    if (kept.length === 0 || (endDay === null && kept[kept.length - 1]?.end !== null)) {
      const since = kept.length === 0 ? child.caseStart : (kept[kept.length - 1]?.end as number);
      this.pushNote(
        rows,
        child,
        Math.min(since, asOf),
        'management-decision',
        'Case awaiting allocation of a social worker; to be discussed at the allocation meeting.',
      );
    }
  }

  /**
   * An IRO or personal adviser from `from` (to `to`, or still open). The one holding it now is
   * picked by caseload share; if they arrived later, or the child has been looked after a long
   * time, someone held it before them.
   */
  private allocateOther(
    rows: CaseRows,
    child: SeedChild,
    pool: Pool,
    role: 'iro' | 'personal-adviser',
    from: number,
    to: number | null,
    startReason: string,
    endReason: string | null,
  ): void {
    const { rng, asOf } = this;
    const wf = this.workforce;
    if (to !== null) {
      const w = wf.pickCurrent(pool, from);
      const start = Math.max(from, wf.worker(w).start);
      if (start < to) this.pushAllocation(rows, child, w, role, start, to, startReason, endReason);
      return;
    }
    const w = wf.pickAny(pool, -1, role === 'iro' ? wf.openIro : wf.openPa);
    let start = Math.max(from, wf.worker(w).start);
    if (start === from && asOf - from > 400 && rng.chance(0.2)) start = from + rng.between(100, asOf - from - 30);
    if (start > from + 14) {
      const before = wf.pickCurrent(pool, from, w);
      const beforeStart = Math.max(from, wf.worker(before).start);
      if (before !== w && beforeStart < start) {
        this.pushAllocation(rows, child, before, role, beforeStart, start, startReason, 'Reallocation to balance caseloads');
        startReason = 'Reallocation to balance caseloads';
      }
    }
    this.pushAllocation(rows, child, w, role, start, null, startReason, null);
  }

  private pushAllocation(
    rows: CaseRows,
    child: SeedChild,
    w: number,
    role: 'social-worker' | 'iro' | 'personal-adviser',
    start: number,
    end: number | null,
    startReason: string,
    endReason: string | null,
  ): void {
    const wf = this.workforce;
    const worker = wf.worker(w);
    const allocationId = this.ids.uuid();
    const row: Insertable<AllocationTable> = {
      la_code: this.cfg.laCode,
      allocation_id: allocationId,
      child_id: child.personId,
      worker_id: worker.workerId,
      allocation_role: role,
      start_date: isoOf(start),
      end_date: end === null ? null : isoOf(end),
      start_reason: startReason,
      end_reason: end === null ? null : endReason,
      created_at: timestampOf(start, 12, 0),
    };
    rows.allocation.push(row);
    if (role === 'iro') this.childIros.push(row);
    if (role === 'social-worker') this.childAllocations.push({ start, end, workerId: worker.workerId });
    if (end === null) {
      if (role === 'social-worker') wf.openSw[w] = (wf.openSw[w] ?? 0) + 1;
      else if (role === 'iro') wf.openIro[w] = (wf.openIro[w] ?? 0) + 1;
      else wf.openPa[w] = (wf.openPa[w] ?? 0) + 1;
    }
    const team = wf.teamOf(w)?.name ?? 'no team';
    const as = role === 'iro' ? ' as independent reviewing officer' : role === 'personal-adviser' ? ' as personal adviser' : '';
    const summary = `Allocated to ${worker.givenName} ${worker.familyName}${as} (${team})`;
    rows.chronology_entry.push(
      caseEntry(
        this.cfg.laCode,
        this.ids.uuid(),
        child.personId,
        start,
        { category: 'allocation', summary, recordType: 'allocation', recordId: allocationId },
        timestampOf(start, 12, 0),
      ),
    );
  }

  private addNotes(rows: CaseRows, child: SeedChild, resident: Adult | undefined): void {
    const { rng, asOf } = this;
    const from = child.caseStart;
    const to = Math.min(child.caseEnd ?? asOf, asOf);
    const length = Math.max(0, to - from);
    const count = child.status === 'closed' ? 1 + rng.int(3) : Math.min(9, 1 + Math.floor(Math.min(length, 1460) / 240) + rng.int(3));
    const at18 = child.status === 'care-leaver' ? birthday(child.dob as number, 18) : null;
    const carerAtHome = resident ? carerWord(resident) : 'the family';
    for (let i = 0; i < count; i++) {
      const day = from + rng.int(length + 1);
      const category = NOTE_CATEGORIES.pick(rng);
      let context: NoteContext = 'home';
      let carer = carerAtHome;
      if (child.status === 'cla' && child.lookedAfterFrom !== null && day >= child.lookedAfterFrom) {
        context = 'looked-after';
        carer = child.uasc ? 'the key worker' : 'the foster carers';
      } else if (at18 !== null) {
        context = day >= at18 ? 'leaving-care' : 'looked-after';
        carer = day >= at18 ? 'the personal adviser' : 'the foster carers';
      } else if (child.status === 'cp' && child.protectionFrom !== null && day >= child.protectionFrom) context = 'protection';
      const text = child.dob === null ? rng.pick(UNBORN_NOTES) : noteTemplate(rng, category, context);
      this.pushNote(rows, child, day, child.dob === null ? 'visit' : category, fillNote(text, child.givenName, carer));
    }
  }

  private pushNote(rows: CaseRows, child: SeedChild, day: number, category: string, summary: string): void {
    rows.chronology_entry.push(
      caseEntry(this.cfg.laCode, this.ids.uuid(), child.personId, day, { category, summary }, timestampOf(day, this.rng.between(8, 18), this.rng.int(60))),
    );
  }
}

const UNBORN_NOTES = [
  'Pre-birth assessment visit: {carer} seen at home; the midwife is involved and antenatal appointments are being attended.',
  'Call with the community midwife; {carer} attending appointments. Birth plan discussed.',
  'Pre-birth planning meeting held; support network and plans for the baby’s arrival discussed with {carer}.',
  'Management oversight: pre-birth assessment to continue; plan to be agreed before the due date.',
];
