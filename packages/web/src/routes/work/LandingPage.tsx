import { useState } from 'react';
import { Link } from 'react-router';
import { type LandingPage as LandingView, type WorkSection, workApi } from '../../api/work.ts';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { ParagraphLink } from '../../components/ParagraphLink.tsx';

/** How late, or how long left, in words. */
function timing(item: WorkSection['items'][number]): string | null {
  if (item.hoursLeft !== null) {
    if (item.hoursLeft < 0) return `${plural(-item.hoursLeft, 'hour', 'hours')} past the deadline`;
    return `${plural(item.hoursLeft, 'hour', 'hours')} left`;
  }
  if (item.daysOverdue) return `${plural(item.daysOverdue, 'day', 'days')} overdue`;
  return null;
}

function Item({ item }: { item: WorkSection['items'][number] }) {
  const late = timing(item);
  const title = item.childName ? `${item.childName}: ${item.what}` : item.what;
  return (
    <li className="lantern-work-item">
      <p className="govuk-body govuk-!-margin-bottom-1">
        {item.href ? (
          <Link className="govuk-link" to={item.href}>
            {title}
          </Link>
        ) : (
          <strong>{title}</strong>
        )}
        {item.count !== null ? <strong className="govuk-tag govuk-tag--grey lantern-work-count">{item.count}</strong> : null}
        {late ? (
          <strong className={`govuk-tag ${item.daysOverdue || (item.hoursLeft ?? 1) < 0 ? 'govuk-tag--red' : 'govuk-tag--yellow'} lantern-work-count`}>
            {late}
          </strong>
        ) : null}
      </p>
      <p className="govuk-body-s govuk-!-margin-bottom-0 lantern-work-meta">
        {[item.dueDate ? `${item.count !== null ? 'Oldest due' : 'Due'} ${formatDate(item.dueDate)}` : null, item.who, item.note, item.laChildId]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </li>
  );
}

/** One list, with its own pages: the count is of every item, the pages walk through them. */
function Section({ initial }: { initial: WorkSection }) {
  const [section, setSection] = useState(initial);
  const [busy, setBusy] = useState(false);
  const pages = Math.max(1, Math.ceil(section.total / section.pageSize));
  const go = async (page: number) => {
    setBusy(true);
    try {
      const next = await workApi.section(section.id, page);
      if (next.sections[0]) setSection(next.sections[0]);
    } finally {
      setBusy(false);
    }
  };
  const first = (section.page - 1) * section.pageSize + 1;
  return (
    <section aria-labelledby={`${section.id}-heading`} className="lantern-section" id={section.id} data-total={section.total}>
      <h2 className="govuk-heading-m" id={`${section.id}-heading`}>
        {section.title} <span className="govuk-caption-m lantern-inline-caption">({section.total})</span>
      </h2>
      {section.total === 0 ? (
        <p className="govuk-body">{section.empty}</p>
      ) : (
        <>
          {pages > 1 ? (
            <p className="govuk-body-s">
              Showing {first} to {first + section.items.length - 1} of {section.total}
            </p>
          ) : null}
          <ul className="govuk-list lantern-work-list" aria-busy={busy}>
            {section.items.map((item) => (
              <Item key={item.key} item={item} />
            ))}
          </ul>
          {pages > 1 ? (
            <nav className="govuk-pagination govuk-pagination--block" aria-label={`Pages of ${section.title.toLowerCase()}`}>
              {section.page > 1 ? (
                <div className="govuk-pagination__prev">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    disabled={busy}
                    onClick={() => go(section.page - 1)}
                  >
                    Previous page<span className="govuk-visually-hidden"> of {section.title.toLowerCase()}</span>
                  </button>
                </div>
              ) : null}
              {section.page < pages ? (
                <div className="govuk-pagination__next">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    disabled={busy}
                    onClick={() => go(section.page + 1)}
                  >
                    Next page<span className="govuk-visually-hidden"> of {section.title.toLowerCase()}</span>
                  </button>
                </div>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
      {section.more ? <ParagraphLink to={section.more.href}>{section.more.text}</ParagraphLink> : null}
    </section>
  );
}

function Landing({ page }: { page: LandingView }) {
  const { can } = useSession();
  return (
    <>
      <h1 className="govuk-heading-l">{page.heading}</h1>
      {can('child:search') ? <ParagraphLink to="/children">Find a child</ParagraphLink> : null}
      {page.sections.length === 0 ? (
        <p className="govuk-body">Your role holds no cases, so nothing here is yours to do. Use the menu for the pages you look after.</p>
      ) : (
        <nav aria-labelledby="next-heading" className="lantern-section">
          <h2 className="govuk-heading-m" id="next-heading">
            What next
          </h2>
          <ul className="govuk-list" data-testid="what-next">
            {page.sections.map((s) => (
              <li key={s.id}>
                <a className="govuk-link" href={`#${s.id}`}>
                  {s.title}: {s.total}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {page.sections.map((s) => (
        <Section key={s.id} initial={s} />
      ))}
    </>
  );
}

/** Where every signed-in user lands: what to do next, for their role. */
export function LandingPage() {
  const loaded = useLoad(() => workApi.landing(), 'landing');
  usePageTitle(loaded.data?.heading ?? 'Your work');
  if (loaded.problem || !loaded.data) return <NotReady problem={loaded.problem} />;
  return <Landing page={loaded.data} />;
}
