import { type MouseEvent, type ReactNode, useEffect, useRef } from 'react';
import type { SummaryItem } from './errors.ts';

/**
 * The GOV.UK error summary: shown at the top of a form, focused when it appears so screen
 * readers announce it, each error a link that moves focus to its field.
 */
export function ErrorSummary({ items, children }: { items: SummaryItem[]; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [items]);
  if (items.length === 0) return null;

  const goTo = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    // Show the field's label or legend, not just the box, as govuk-frontend does.
    const legend = target.closest('fieldset')?.querySelector('legend');
    const label = document.querySelector(`label[for="${CSS.escape(target.id)}"]`);
    (legend ?? label ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
  };

  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; the order is stable
              <li key={i}>
                {item.href ? (
                  <a href={item.href} onClick={(e) => goTo(e, item.href as string)}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
          {children}
        </div>
      </div>
    </div>
  );
}
