/** What every return's import shares: the refusal that writes nothing, and the summary it reports. */

/** The file cannot be imported at all (no council, no year, not the return it claims): nothing was written. */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** What an import wrote, and each record it could not place (in the return's own terms). */
export type ReturnImportResult<NotPlaced> = {
  importId: string | null;
  laCode: string;
  councilName: string;
  year: number;
  children: number;
  alreadyImported: boolean;
  written: Record<string, number>;
  notPlaced: NotPlaced[];
  seconds: number;
};

/** More records not placed than this are counted, not listed. */
export const MAX_NOT_PLACED = 10_000;
