/** The child's voice on their page: when last seen, last seen alone, and their latest words, each linked to where it was recorded. */
import { Link } from 'react-router';
import { type Heard, meetingsApi } from '../../api/meetings.ts';
import { Loading } from '../../components/Notices.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { SummaryRow } from '../../components/SummaryRow.tsx';

export function ChildVoice({ childId, name }: { childId: string; name: string }) {
  const voice = useLoad(() => meetingsApi.voice(childId), childId);
  const seen = (h: Heard | null) =>
    h ? (
      <>
        {formatDate(h.on)},{' '}
        <Link className="govuk-link" to={h.link}>
          {h.source.toLowerCase()}
        </Link>
      </>
    ) : (
      'Not recorded'
    );
  return (
    <section aria-labelledby="voice-heading" className="lantern-section">
      <div className="lantern-section__heading">
        <h2 className="govuk-heading-m" id="voice-heading">
          {name}’s voice
        </h2>
        <Link className="govuk-link govuk-body lantern-section__action" to={`/children/${childId}/meetings`}>
          Conferences and reviews<span className="govuk-visually-hidden"> for {name}</span>
        </Link>
      </div>
      {voice.problem ? <p className="govuk-body">Could not be loaded.</p> : null}
      {!voice.data && !voice.problem ? <Loading /> : null}
      {voice.data ? (
        <dl className="govuk-summary-list">
          <SummaryRow label="Last seen">{seen(voice.data.lastSeen)}</SummaryRow>
          <SummaryRow label="Last seen alone">{seen(voice.data.lastSeenAlone)}</SummaryRow>
          <SummaryRow label="Latest words">
            {voice.data.latestWords ? (
              <>
                “{voice.data.latestWords.words}” ({seen(voice.data.latestWords)})
              </>
            ) : (
              'None recorded'
            )}
          </SummaryRow>
        </dl>
      ) : null}
    </section>
  );
}
