/** What the legal area's parts share: input types and the legal record's chronology entries. */
import type { z } from 'zod';

export type In<T extends z.ZodType> = z.infer<T>;

/** A chronology entry on the child's legal record. */
export const legalEntry = (occurredOn: string, summary: string, recordType: string, recordId: string) => ({
  occurredOn,
  category: 'legal',
  summary,
  recordType,
  recordId,
});
