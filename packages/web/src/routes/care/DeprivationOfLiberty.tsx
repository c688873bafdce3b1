/**
 * The deprivation of liberty orders on a child's looked-after care page, in plain words: a
 * warning while one is in force (everyone who visits or moves the child must know what it
 * authorises), then each order, current first, with what became of it.
 */
import type { ReactNode } from 'react';
import type { CareView } from '../../api/care.ts';
import { WarningText } from '../../components/Notices.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { formatDate } from '../../format.ts';
import { Action, formPath, Section } from './page-parts.tsx';

type Order = CareView['deprivationOfLiberty'][number];

const firstName = (name: string) => name.split(' ')[0] || 'The child';

/** How long it runs, or how it ended. */
function course(o: Order): string {
  if (o.endedOn) return `Ended ${formatDate(o.endedOn)}${o.endReason ? `: ${o.endReason}` : ''}`;
  if (!o.expiresOn) return 'Until the court orders otherwise';
  return o.inForce ? `Until ${formatDate(o.expiresOn)}, unless the court extends it` : `Ran out ${formatDate(o.expiresOn)}`;
}

const madeBy = (o: Order) => (o.court ? `${o.court}${o.caseNumber ? ` (case ${o.caseNumber})` : ''}` : 'The court is not recorded (from an SSDA903 return)');

export function DeprivationOfLiberty({ v }: { v: CareView }) {
  const current = v.deprivationOfLiberty.find((o) => o.inForce);
  const name = firstName(v.name);
  const latestPeriod = [...v.periodsOfCare].sort((a, b) => a.startDate.localeCompare(b.startDate)).at(-1);
  const leftOn = latestPeriod?.endDate ?? null;
  const leftCareOpen = leftOn ? v.deprivationOfLiberty.find((o) => !o.endedOn && (!o.expiresOn || o.expiresOn > leftOn)) : undefined;
  return (
    <Section
      id="deprivation-of-liberty"
      title="Deprivation of liberty"
      actions={
        v.canRecordDeprivationOfLiberty ? <Action to={formPath(v.childId, 'deprivation-of-liberty')}>Record a deprivation of liberty order</Action> : null
      }
    >
      {current ? (
        <WarningText testId="dolo-in-force">
          {name}’s liberty is restricted by a High Court order made {formatDate(current.madeOn)}
          {current.expiresOn ? ` and in force until ${formatDate(current.expiresOn)}` : ''}. It authorises: {current.authorises ?? 'not recorded'}. Anyone
          visiting or moving {name} must follow it; a secure children’s home, living with parents, a young offender institution or supported accommodation are
          not allowed while it is in force.
        </WarningText>
      ) : null}
      {leftCareOpen && leftOn ? (
        <WarningText testId="dolo-open-after-care">
          {name} stopped being looked after on {formatDate(leftOn)}, but the order made {formatDate(leftCareOpen.madeOn)} has no end: record when it ended.
        </WarningText>
      ) : null}
      {v.deprivationOfLiberty.length === 0 ? (
        <p className="govuk-body">No deprivation of liberty order recorded.</p>
      ) : (
        v.deprivationOfLiberty.map((o) => (
          <div key={o.orderId} data-testid="dolo">
            <h3 className="govuk-heading-s">
              {o.inForce ? 'In force: ' : 'Past: '}order made {formatDate(o.madeOn)}
            </h3>
            <SummaryList
              rows={[
                ['Made by', madeBy(o)],
                ['Authorises', o.authorises ?? 'Not recorded'],
                ['How long', course(o)],
                o.reviewOn && o.inForce ? ['Next court review', formatDate(o.reviewOn)] : null,
                v.canRecordDeprivationOfLiberty
                  ? ([
                      'Change',
                      <Action key="change" to={formPath(v.childId, 'deprivation-of-liberty-change', `?order=${o.orderId}`)}>
                        Extend, end or correct<span className="govuk-visually-hidden"> the order made {formatDate(o.madeOn)}</span>
                      </Action>,
                    ] as [string, ReactNode])
                  : null,
              ]}
            />
          </div>
        ))
      )}
    </Section>
  );
}
