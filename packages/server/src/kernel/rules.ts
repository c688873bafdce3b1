import { todayInEngland } from '@lantern/core/calendar';
import { type FieldError, invalid } from './http/problem.ts';

/** Collects rule breaks about dates and refuses them together, naming each field. */
export class DateRules {
  private readonly errors: FieldError[] = [];
  private readonly today = todayInEngland();

  notInFuture(field: string, date: string | null | undefined): this {
    if (date && date > this.today) this.errors.push({ field, rule: 'not-in-future', message: 'The date cannot be in the future' });
    return this;
  }

  notBefore(field: string, date: string | null | undefined, earliest: string | null | undefined, what: string): this {
    if (date && earliest && date < earliest) this.errors.push({ field, rule: 'not-before', message: `The date cannot be before ${what} (${earliest})` });
    return this;
  }

  check(): void {
    if (this.errors.length) throw invalid(this.errors);
  }
}
