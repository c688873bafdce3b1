import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { NotReady, SuccessBanner, WarningText } from '../../components/Notices.tsx';
import { fullName } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { Addresses } from './Addresses.tsx';
import { AllocateWorkerForm } from './AllocateWorkerForm.tsx';
import { CaseworkSummary } from './CaseworkSummary.tsx';
import { Allocations } from './Allocations.tsx';
import { ChildIdentity } from './ChildIdentity.tsx';
import { ChildOversight } from './ChildOversight.tsx';
import { WhatIsDue } from './WhatIsDue.tsx';
import { FamilyTable } from './FamilyTable.tsx';
import { PartnerSection } from '../partners/PartnerSection.tsx';
import { ChildVoice } from '../meetings/ChildVoice.tsx';

/**
 * A child's record, short: status at a glance and what is due first, then identity, casework,
 * family, addresses and allocations. Forms open on their own pages; the history is a link.
 */
export function ChildPage() {
  const { childId = '' } = useParams();
  const { can } = useSession();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const record = useLoad(() => api.children.get(childId), childId);
  const data = record.data;
  usePageTitle(data ? fullName(data.child) : record.problem ? 'Child not found' : 'Child');

  if (record.problem || !data) return <NotReady problem={record.problem} what="child" />;
  const { child } = data;
  const name = fullName(child);

  return (
    <>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <span className="govuk-caption-l">{child.laChildId}</span>
      <h1 className="govuk-heading-l lantern-child-name">
        {name}
        {child.restricted ? <strong className="govuk-tag govuk-tag--red lantern-heading-tag">Restricted record</strong> : null}
      </h1>
      {child.restricted ? <WarningText>This record is restricted. Only those holding the case may open it. Do not share what it says.</WarningText> : null}

      <WhatIsDue childId={child.childId} name={name} />

      <section aria-labelledby="details-heading" className="lantern-section">
        <div className="lantern-section__heading">
          <h2 className="govuk-heading-m" id="details-heading">
            Details
          </h2>
          {data.canUpdate ? (
            <Link className="govuk-link govuk-body lantern-section__action" to={`/children/${child.childId}/edit`}>
              Edit details<span className="govuk-visually-hidden"> of {name}</span>
            </Link>
          ) : null}
        </div>
        <ChildIdentity child={child} />
      </section>

      <ChildVoice childId={child.childId} name={name} />
      <CaseworkSummary childId={child.childId} name={name} />
      <PartnerSection childId={child.childId} name={name} />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/children/${child.childId}/early-help`}>
          Early help<span className="govuk-visually-hidden"> for {name}</span>
        </Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/children/${child.childId}/looked-after-care`}>
          Looked-after care and leaving care<span className="govuk-visually-hidden"> for {name}</span>
        </Link>
      </p>
      {can('legal:read') ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/children/${child.childId}/legal`}>
            Legal planning and proceedings<span className="govuk-visually-hidden"> for {name}</span>
          </Link>
        </p>
      ) : null}
      {can('sar:record') ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/children/${child.childId}/subject-access-requests`}>
            Subject access requests<span className="govuk-visually-hidden"> for {name}’s record</span>
          </Link>
        </p>
      ) : null}
      <FamilyTable relationships={data.relationships} />
      <Addresses addresses={data.addresses} />
      <Allocations allocations={data.allocations} socialWorkersLast12Months={data.socialWorkersLast12Months}>
        {data.canAllocate ? (
          <AllocateWorkerForm
            childId={child.childId}
            childName={name}
            onAllocated={() => {
              record.reload();
            }}
          />
        ) : null}
      </Allocations>

      <ChildOversight childId={child.childId} />
    </>
  );
}
