/**
 * The small pieces the zod schemas are built from, written once: a custom issue naming its rule,
 * text fields, a record's version, and the nullable strings and counts of the views. Internal to
 * core (the index does not re-export it): what the server and the web app use are the schemas.
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

/** The version of a record a change was made from. */
export const recordVersion = z.number().int().positive();

/** A view's string that may be null (a date not yet reached, a name not given). */
export const maybe = z.string().nullable();

/** Adds a custom issue at path naming its rule (the form every cross-field check in core takes). */
export function flag(ctx: Pick<z.core.$RefinementCtx, 'addIssue'>, path: PropertyKey[], name: string, message: string): void {
  ctx.addIssue({ code: 'custom', path, ...rule(name, message) });
}
