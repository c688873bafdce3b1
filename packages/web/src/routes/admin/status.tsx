/** What an account's state is, in words and as a GOV.UK tag: the one place the users' pages say it. */
import type { UserView } from '../../api/access.ts';

export function accountStates(u: UserView): Array<{ text: string; colour: string }> {
  const states: Array<{ text: string; colour: string }> = [];
  if (u.disabled) states.push({ text: 'Disabled', colour: 'grey' });
  if (u.locked) states.push({ text: 'Locked', colour: 'red' });
  if (u.awaitingApproval) states.push({ text: 'Awaiting approval', colour: 'yellow' });
  if (u.passwordResetRequired) states.push({ text: 'Must choose a new password', colour: 'blue' });
  if (!states.length) states.push({ text: 'Active', colour: 'green' });
  return states;
}

export function AccountStatus({ user }: { user: UserView }) {
  return (
    <>
      {accountStates(user).map((s) => (
        <strong key={s.text} className={`govuk-tag govuk-tag--${s.colour} lantern-tag-gap`}>
          {s.text}
        </strong>
      ))}
    </>
  );
}
