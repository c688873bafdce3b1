/**
 * The small pieces the zod schemas are built from, written once: a custom issue naming its rule,
 * text fields, dates and times written as text, a record's version, and the nullable strings and
 * counts of the views. Internal to core (the index does not re-export it): what the server and the
 * web app use are the schemas.
 */
import { z } from 'zod';

/** The custom issue param `rule` travels to the API's problem document. */
export const rule = (name: string, message: string) => ({ message, params: { rule: name } });

/** Text that must be given (trimmed, one character or more), with zod's own message when it is not. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** Text that must be given, saying "Enter some text" when it is not. */
export const someText = (max: number) => z.string().trim().min(1, 'Enter some text').max(max);

/** Text that may be empty (trimmed). */
export const optionalText = (max: number) => z.string().trim().max(max);

/** Text that may be empty (trimmed), left out or null. */
export const nullishText = (max: number) => optionalText(max).nullish();

/** A date written YYYY-MM-DD, checked by its pattern alone (the DfE's feed, subject access requests). */
export const datePattern = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

/** A date and time with its offset (ISO 8601), e.g. 2026-11-23T09:30:00Z. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** The version of a record a change was made from. */
export const recordVersion = z.number().int().positive();

/** A view's string that may be null (a date not yet reached, a name not given). */
export const maybe = z.string().nullable();

/** The child a view's row is about, spread into its object: the record's id, the council's id, the name. */
export const childRef = { childId: z.uuid(), laChildId: z.string(), childName: z.string() };

/** A worker as a view names them, spread into its object. */
export const workerRef = { workerId: z.uuid(), name: z.string(), jobRole: z.string() };

/** A user (a login) as a view names them, spread into its object. */
export const userRef = { userId: z.uuid(), username: z.string(), displayName: z.string() };

/** Adds a custom issue at path naming its rule (the form every cross-field check in core takes). */
export function flag(ctx: Pick<z.core.$RefinementCtx, 'addIssue'>, path: PropertyKey[], name: string, message: string): void {
  ctx.addIssue({ code: 'custom', path, ...rule(name, message) });
}
