/**
 * A looked-after child's or care leaver's page: deadlines; deprivation of liberty orders; permanence and the adoption
 * timeline; UASC details with any delay in becoming looked after; health and education; leaving
 * care with the birthday contacts (903 OC3).
 */
import {
  ACCOMMODATION,
  ACTIVITY,
  AGE_ASSESSMENT,
  CARE_LEAVER_CATEGORY,
  HEALTH_CHECK_KIND,
  IN_TOUCH,
  PERMANENCE_ORDER_TYPE,
  PERMANENCE_PLAN_TYPE,
  PLACED_CEASED_REASON,
  PREVIOUS_PERMANENCE,
  SDQ_REASON,
  UASC_REFERRAL_ROUTE,
} from '@lantern/core/care';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { type CareView, careApi } from '../../api/care.ts';
import { ChildObligations } from '../../components/obligations.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { ChildPageHead } from '../../components/ChildPageHead.tsx';
import { NotReady, WarningText } from '../../components/Notices.tsx';
import { formatDate, labelOf, plural, yesNo } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { DeprivationOfLiberty } from './DeprivationOfLiberty.tsx';
import { Action, dateOr, formPath, Section } from './page-parts.tsx';
import { TableHead } from '../../components/TableHead.tsx';

export function LookedAfterCarePage() {
  const { childId = '' } = useParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const load = useLoad(() => careApi.get(childId), childId);
  usePageTitle(load.data ? `Looked-after care – ${load.data.name}` : 'Looked-after care');
  if (load.problem || !load.data) return <NotReady problem={load.problem} what="child" />;
  const v = load.data;
  return (
    <>
      <ChildPageHead childId={v.childId} name={v.name} notice={notice} title="Looked-after care and leaving care" />
      <Section id="deadlines" title="Deadlines">
        <ChildObligations obligations={v.obligations} />
      </Section>
      <DeprivationOfLiberty v={v} />
      <Permanence v={v} />
      <Uasc v={v} />
      <Health v={v} />
      <Leaving v={v} />
    </>
  );
}

function Permanence({ v }: { v: CareView }) {
  const current = v.permanencePlans.find((p) => !p.endedOn);
  const can = v.canRecord;
  return (
    <Section
      id="permanence"
      title="Permanence"
      actions={
        can ? (
          <>
            <Action to={formPath(v.childId, 'permanence-plan')}>Record the permanence plan</Action>
            <Action to={formPath(v.childId, 'permanence-order')}>Record an SGO or child arrangements order</Action>
            {v.periodsOfCare.length ? <Action to={formPath(v.childId, 'previous-permanence')}>Record previous permanence</Action> : null}
          </>
        ) : null
      }
    >
      <SummaryList
        rows={[
          [
            'Permanence plan',
            current ? `${labelOf(PERMANENCE_PLAN_TYPE, current.planType)}, agreed ${formatDate(current.agreedOn)}` : dateOr(null, 'No plan recorded'),
          ],
          ...v.permanencePlans
            .filter((p) => p.endedOn)
            .map((p): [string, ReactNode] => [
              `Earlier plan`,
              `${labelOf(PERMANENCE_PLAN_TYPE, p.planType)}, ${formatDate(p.agreedOn)} to ${formatDate(p.endedOn)}`,
            ]),
          ...v.permanenceOrders.map((o): [string, ReactNode] => [
            labelOf(PERMANENCE_ORDER_TYPE, o.orderType),
            `Made ${formatDate(o.madeOn)} to ${o.madeTo}${o.formerFosterCarer ? ' (former foster carers)' : ''}`,
          ]),
          ...v.periodsOfCare.map((p): [string, ReactNode] => [
            `Looked after from ${formatDate(p.startDate)}`,
            <>
              {p.endDate ? `Until ${formatDate(p.endDate)}. ` : 'Still looked after. '}
              Previous permanence:{' '}
              {p.previousPermanence
                ? `${labelOf(PREVIOUS_PERMANENCE, p.previousPermanence.prevPerm)}${p.previousPermanence.laPerm ? ` (LA ${p.previousPermanence.laPerm})` : ''}`
                : 'not recorded (the SSDA903 return needs it)'}
            </>,
          ]),
        ]}
      />
      <h3 className="govuk-heading-s">Adoption</h3>
      {v.adoptionHidden ? (
        <p className="govuk-body" data-testid="adoption-hidden">
          Adoption records are open only to the team holding the case and senior leaders.
        </p>
      ) : v.adoptions.length === 0 ? (
        <p className="govuk-body">No decision to place for adoption.</p>
      ) : (
        v.adoptions.map((a) => (
          <div key={a.adoptionId} data-testid="adoption">
            <ol className="govuk-list govuk-list--number">
              <li>Decision to place for adoption: {formatDate(a.decisionOn)}</li>
              <li>Placement order: {dateOr(a.placementOrderOn)}</li>
              <li>
                Matched: {dateOr(a.matchedOn)}
                {a.adopterSex
                  ? ` (${plural(a.adopterCount ?? 1, 'adopter', 'adopters')}, ${a.adopterSex}, ${a.adopterLegalStatus}${a.fosterCarerAdoption ? ', the child’s foster carers' : ''})`
                  : ''}
              </li>
              <li>Placed for adoption: {dateOr(a.placedOn)}</li>
              {a.placedCeasedOn ? (
                <li>
                  Placement ended {formatDate(a.placedCeasedOn)}: {labelOf(PLACED_CEASED_REASON, a.placedCeasedReason)}
                </li>
              ) : null}
              <li>Adoption order: {dateOr(a.adoptionOrderOn)}</li>
              {a.noLongerOn ? (
                <li>
                  No longer to be placed ({formatDate(a.noLongerOn)}): {a.noLongerReason}
                </li>
              ) : null}
            </ol>
            {a.entryToPlacedDays !== null ? (
              <p className="govuk-body" data-testid="entry-to-placed">
                <strong>{a.entryToPlacedDays} days</strong> from entering care ({formatDate(a.enteredCareOn)}) to moving in with the adoptive family
              </p>
            ) : null}
          </div>
        ))
      )}
      {v.canRecordAdoption ? (
        <p className="govuk-body">
          {v.adoptions.some((a) => !a.adoptionOrderOn && !a.noLongerOn) ? (
            <Action to={formPath(v.childId, 'adoption')}>Record the next steps of the adoption</Action>
          ) : (
            <Action to={formPath(v.childId, 'adoption-decision')}>Record a decision to place for adoption</Action>
          )}
        </p>
      ) : null}
    </Section>
  );
}

function Uasc({ v }: { v: CareView }) {
  const u = v.uasc;
  return (
    <Section
      id="uasc"
      title="Unaccompanied asylum-seeking child"
      actions={
        v.canRecord ? <Action to={formPath(v.childId, 'uasc')}>{u ? 'Change UASC details' : 'Record as an unaccompanied asylum-seeking child'}</Action> : null
      }
    >
      {u ? (
        <>
          {u.delayDays !== null && u.delayDays > 0 ? (
            <WarningText testId="uasc-delay">
              {u.lookedAfterOn
                ? `Looked after ${plural(u.delayDays, 'day', 'days')} after referral`
                : `Not yet looked after: ${plural(u.delayDays, 'day', 'days')} since referral`}
              . The law requires it the same day.
            </WarningText>
          ) : null}
          <SummaryList
            rows={[
              ['Arrival or referral', formatDate(u.referredOn)],
              ['How referred', labelOf(UASC_REFERRAL_ROUTE, u.referralRoute)],
              ['Age assessment', `${labelOf(AGE_ASSESSMENT, u.ageAssessment)}${u.ageAssessedOn ? `, ${formatDate(u.ageAssessedOn)}` : ''}`],
              ['Looked after from', dateOr(u.lookedAfterOn, 'Not yet looked after')],
              [
                'National Transfer Scheme',
                u.ntsReferredOn
                  ? `Referred ${formatDate(u.ntsReferredOn)}${u.ntsTransferredOn ? `, transferred ${formatDate(u.ntsTransferredOn)}` : ''}`
                  : 'Not referred',
              ],
              ['UASC status ceased', dateOr(u.ceasedOn, 'No')],
            ]}
          />
        </>
      ) : (
        <p className="govuk-body">Not recorded as an unaccompanied asylum-seeking child.</p>
      )}
    </Section>
  );
}

function Health({ v }: { v: CareView }) {
  const outcome = v.healthOutcomes[0];
  return (
    <Section
      id="health"
      title="Health and education"
      actions={
        v.canRecord ? (
          <>
            <Action to={formPath(v.childId, 'health-check')}>Record a health assessment or dental check</Action>
            <Action to={formPath(v.childId, 'health-outcome')}>Record health outcomes</Action>
            <Action to={formPath(v.childId, 'pep')}>Record a personal education plan</Action>
          </>
        ) : null
      }
    >
      <SummaryList
        rows={[
          ...Object.entries(HEALTH_CHECK_KIND).map(([kind, label]): [string, ReactNode] => [
            `Last ${label.toLowerCase()}`,
            dateOr(v.healthChecks.find((c) => c.kind === kind)?.doneOn ?? null, 'None recorded'),
          ]),
          ['Immunisations up to date', outcome ? yesNo(outcome.immunisationsUpToDate) : dateOr(null)],
          ['SDQ score', outcome ? (outcome.sdqScore !== null ? String(outcome.sdqScore) : labelOf(SDQ_REASON, outcome.sdqReason)) : dateOr(null)],
          ['Substance misuse', outcome ? yesNo(outcome.substanceMisuse) : dateOr(null)],
          ['Last personal education plan', dateOr(v.peps[0]?.heldOn ?? null, 'None recorded')],
        ]}
      />
    </Section>
  );
}

function Leaving({ v }: { v: CareView }) {
  const l = v.careLeaver;
  return (
    <Section
      id="leaving-care"
      title="Leaving care"
      actions={
        v.canRecord ? (
          <>
            <Action to={formPath(v.childId, 'care-leaver')}>{l ? 'Change leaving care category' : 'Record leaving care category'}</Action>
            {l ? (
              <>
                <Action to={formPath(v.childId, 'pathway-plan')}>Record the pathway plan or a review</Action>
                <Action to={formPath(v.childId, 'accommodation')}>Record a move</Action>
                <Action to={formPath(v.childId, 'pa-visit')}>Record a personal adviser visit</Action>
                <Action to={formPath(v.childId, 'birthday-contact')}>Record a birthday contact</Action>
              </>
            ) : null}
          </>
        ) : null
      }
    >
      {l ? (
        <>
          <SummaryList
            rows={[
              ['Category', `${labelOf(CARE_LEAVER_CATEGORY, l.category)}, from ${formatDate(l.eligibleFrom)}`],
              [
                'Personal adviser',
                l.personalAdviser ? `${l.personalAdviser.name}, since ${formatDate(l.personalAdviser.since)}` : dateOr(null, 'None allocated'),
              ],
              ['Last pathway plan or review', dateOr(l.pathwayPlans[0]?.heldOn ?? null, 'None recorded')],
              [
                'Accommodation',
                l.accommodation[0]
                  ? `${labelOf(ACCOMMODATION, l.accommodation[0].accommodation)} from ${formatDate(l.accommodation[0].movedOn)} (${l.accommodation[0].suitable ? 'suitable' : 'not suitable'})`
                  : dateOr(null),
              ],
              ['Last personal adviser visit', dateOr(l.paVisits[0]?.visitedOn ?? null, 'None recorded')],
            ]}
          />
          <table className="govuk-table" data-testid="birthday-contacts">
            <caption className="govuk-table__caption govuk-table__caption--s">Birthday contacts, 17 to 21</caption>
            <TableHead columns={['Birthday', 'In touch', 'Activity', 'Accommodation']} />
            <tbody className="govuk-table__body">
              {l.birthdayContacts.length === 0 ? (
                <tr className="govuk-table__row">
                  <td className="govuk-table__cell" colSpan={4}>
                    None recorded
                  </td>
                </tr>
              ) : (
                l.birthdayContacts.map((c) => (
                  <tr className="govuk-table__row" key={c.birthdayAge}>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={formPath(v.childId, 'birthday-contact', `?age=${c.birthdayAge}`)}>
                        {c.birthdayAge}th<span className="govuk-visually-hidden"> birthday: change</span>
                      </Link>{' '}
                      ({formatDate(c.contactOn)})
                    </td>
                    <td className="govuk-table__cell">{labelOf(IN_TOUCH, c.inTouch)}</td>
                    <td className="govuk-table__cell">{labelOf(ACTIVITY, c.activity)}</td>
                    <td className="govuk-table__cell">
                      {c.accommodation === '0' ? '—' : `${labelOf(ACCOMMODATION, c.accommodation[0])} (${c.suitable ? 'suitable' : 'not suitable'})`}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </>
      ) : (
        <p className="govuk-body">Not recorded as a care leaver.</p>
      )}
    </Section>
  );
}
