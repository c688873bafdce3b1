import { Link } from 'react-router';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { lookedAfterGroup, type MenuGroup, type MenuLink, workforceGroup } from '../../menu.ts';
import { useSession } from '../../session.tsx';

function Count({ link }: { link: MenuLink & { count: () => Promise<string> } }) {
  const { data } = useLoad(link.count, link.href);
  // A figure that cannot be fetched is left out: the link still works.
  return data ? <strong className="govuk-tag govuk-tag--grey">{data}</strong> : null;
}

/** A page of links standing for one item of the top navigation, each with what it is for. */
function GroupPage({ group }: { group: MenuGroup }) {
  usePageTitle(group.title);
  return (
    <>
      <h1 className="govuk-heading-l">{group.title}</h1>
      {group.links.length === 0 ? (
        <p className="govuk-body">You do not have access to any of these lists.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced" data-testid="group-links">
          {group.links.map((link) => (
            <li key={link.href}>
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={link.href}>
                  {link.text}
                </Link>
              </h2>
              {link.description ? <p className="govuk-body govuk-!-margin-bottom-1">{link.description}</p> : null}
              {link.count ? <Count link={{ ...link, count: link.count }} /> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ChildrenLookedAfterPage() {
  const { can } = useSession();
  return <GroupPage group={lookedAfterGroup(can)} />;
}

export function TeamsAndWorkforcePage() {
  const { can } = useSession();
  return <GroupPage group={workforceGroup(can)} />;
}
