/** One fostering household: its approval and terms, deadlines, who is placed, members and checks, visits and reviews. */
import { CHECK_KIND, CHECK_OUTCOME, MEMBER_ROLE, REVIEW_OUTCOME } from '@lantern/core/fostering';
import { RULE_LABELS } from '@lantern/core/timescales';
import { Link, useLocation, useParams } from 'react-router';
import { fosteringApi } from '../../api/fostering.ts';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { FOSTERING_FORMS } from './forms.ts';

const STATE: Record<string, string> = { due: 'Due', overdue: 'Overdue', 'met-on-time': 'Met on time', 'met-late': 'Met late', ended: 'Ended' };
const label = (list: Readonly<Record<string, string>>, code: string | null) => (code ? (list[code] ?? code) : '—');

export function HouseholdPage() {
  const { householdId = '' } = useParams();
  const { can } = useSession();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const loaded = useLoad(() => fosteringApi.household(householdId), householdId);
  usePageTitle(loaded.data?.name ?? 'Foster carers');
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} what="household" />;
  const h = loaded.data;
  return (
    <>
      <Link className="govuk-back-link" to="/fostering">
        Back<span className="govuk-visually-hidden"> to foster carers</span>
      </Link>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <span className="govuk-caption-l">{h.reference}</span>
      <h1 className="govuk-heading-l">{h.name}</h1>
      <ul className="govuk-list" aria-label="What you can record">
        {Object.entries(FOSTERING_FORMS)
          .filter(([, spec]) => can(spec.permission ?? 'fostering:record') && !spec.whyNot?.(h))
          .map(([form, spec]) => (
            <li key={form}>
              <Link className="govuk-link" to={`/fostering/households/${h.householdId}/record/${form}`}>
                {spec.title}
              </Link>
            </li>
          ))}
      </ul>
      <SummaryList
        rows={[
          ['Status', h.leftOn ? `${h.statusLabel} on ${formatDate(h.leftOn)}${h.leavingReason ? `: ${h.leavingReason}` : ''}` : h.statusLabel],
          ['Kind', h.kindLabel],
          ['Approved for', h.termsText ?? 'Not approved yet'],
          ['Supervising social worker', h.supervisingWorker ?? 'None named'],
          ['Address', [h.addressLine, h.postcode].filter(Boolean).join(', ') || '—'],
          ['Telephone', h.phone || '—'],
          ['Enquiry', formatDate(h.enquiryOn)],
          ['Application', h.applicationOn ? formatDate(h.applicationOn) : '—'],
          ['Stage one completed', h.stageOneOn ? formatDate(h.stageOneOn) : '—'],
          ['Stage two completed', h.stageTwoOn ? formatDate(h.stageTwoOn) : '—'],
          [
            'Panel',
            h.panelOn ? `${formatDate(h.panelOn)}${h.panelRecommendation === 'approve' ? ': recommended approval' : ': did not recommend approval'}` : '—',
          ],
          ['Decision', h.decisionOn ? `${h.decision === 'approved' ? 'Approved' : 'Not approved'} on ${formatDate(h.decisionOn)}` : '—'],
          ['Unannounced visit in the last year', h.unannouncedInYear ? 'Yes' : 'No'],
        ]}
      />
      <h2 className="govuk-heading-m">Deadlines</h2>
      {h.deadlines.length === 0 ? (
        <p className="govuk-body">Nothing due.</p>
      ) : (
        <ul className="govuk-list">
          {h.deadlines.map((d) => (
            <li key={`${d.ruleId}-${d.startDate}`}>
              {RULE_LABELS[d.ruleId] ?? d.label}: due {formatDate(d.dueDate)} ({STATE[d.state] ?? d.state})
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Children placed</h2>
      {h.children.length === 0 ? (
        <p className="govuk-body">No child is placed here today.</p>
      ) : (
        <ul className="govuk-list">
          {h.children.map((c) => (
            <li key={c.childId}>
              {c.name}, since {formatDate(c.since)}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Members and checks</h2>
      {h.members.map((m) => (
        <div key={m.memberId}>
          <h3 className="govuk-heading-s">
            {m.name} ({label(MEMBER_ROLE, m.role).toLowerCase()})
          </h3>
          <ul className="govuk-list">
            {m.checks.map((c) => (
              <li key={c.checkId}>
                {label(CHECK_KIND, c.kind)}:{' '}
                {c.completedOn ? `${label(CHECK_OUTCOME, c.outcome)} on ${formatDate(c.completedOn)}` : `requested ${formatDate(c.requestedOn)}`}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h2 className="govuk-heading-m">Supervising visits</h2>
      <ul className="govuk-list">
        {h.visits.slice(0, 12).map((v) => (
          <li key={v.visitId}>
            {formatDate(v.visitedOn)}
            {v.unannounced ? ' (unannounced)' : ''}: {v.notes}
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">Reviews</h2>
      <ul className="govuk-list">
        {h.reviews.map((r) => (
          <li key={r.reviewId}>
            {formatDate(r.heldOn)}: {label(REVIEW_OUTCOME, r.outcome)}
          </li>
        ))}
      </ul>
    </>
  );
}
