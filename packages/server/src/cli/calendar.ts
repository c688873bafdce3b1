import { addWorkingDays, bankHolidays, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, isIsoDate, workingDaysBetween } from '@lantern/core/calendar';
import { Command, InvalidArgumentError } from 'commander';

function year(value: string): number {
  const y = Number(value);
  if (!/^\d{4}$/.test(value) || y < CALENDAR_FIRST_YEAR || y > CALENDAR_LAST_YEAR) {
    throw new InvalidArgumentError(`YEAR must be a year from ${CALENDAR_FIRST_YEAR} to ${CALENDAR_LAST_YEAR}`);
  }
  return y;
}

function date(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('DATE must be a real date written YYYY-MM-DD');
  return value;
}

function integer(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('N must be a whole number of working days');
  return Number(value);
}

/** `lantern calendar`: England and Wales bank holidays and working-day arithmetic. */
export function calendarCommand(): Command {
  const calendar = new Command('calendar').description('England and Wales bank holidays and working days');
  calendar
    .command('holidays')
    .description("print a year's bank holidays, one ISO date a line")
    .argument('<YEAR>', `a year from ${CALENDAR_FIRST_YEAR} to ${CALENDAR_LAST_YEAR}`, year)
    .option('--names', 'print each holiday’s name after its date')
    .action((y: number, opts: { names?: boolean }) => {
      for (const h of bankHolidays(y)) process.stdout.write(opts.names ? `${h.date}\t${h.name}\n` : `${h.date}\n`);
    });
  calendar
    .command('add')
    .description('print the date N working days after DATE (DATE itself is day 0)')
    .argument('<DATE>', 'YYYY-MM-DD', date)
    .argument('<N>', 'working days', integer)
    .action((d: string, n: number) => {
      process.stdout.write(`${addWorkingDays(d, n)}\n`);
    });
  calendar
    .command('between')
    .description('print the number of working days after A up to and including B')
    .argument('<A>', 'YYYY-MM-DD', date)
    .argument('<B>', 'YYYY-MM-DD', date)
    .action((a: string, b: string) => {
      process.stdout.write(`${workingDaysBetween(a, b)}\n`);
    });
  return calendar;
}
