/**
 * How a route's answer is written. fastify-type-provider-zod encodes every answer through its zod
 * schema (checking each field, and dropping any the schema does not name) before JSON.stringify:
 * for the child's record, as much CPU again as the JSON itself. A route read on every request whose
 * handler builds exactly its schema's answer from typed rows declares `exactAnswer` (routes.ts):
 * its answer is written as it is. Under the tests (VITEST) each such answer is still encoded, and
 * must come out of its schema unchanged, field for field: a handler that adds a field the schema
 * would drop, or sends one that breaks it, fails there rather than reaching a client.
 */
import { isDeepStrictEqual } from 'node:util';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { safeEncode, type z } from 'zod';

/** Whether answers declared exact are still checked against their schema (the tests, or LANTERN_CHECK_ANSWERS=1). */
export const checkExactAnswers = () => process.env.VITEST !== undefined || process.env.LANTERN_CHECK_ANSWERS === '1';

const onTheWire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/** The serializer of a route whose answer is exact (see above). */
export const exactAnswerSerializer = ({ schema, method, url }: { schema: unknown; method: string; url: string }) => {
  if (!checkExactAnswers()) return (data: unknown) => JSON.stringify(data);
  return (data: unknown) => {
    const encoded = safeEncode(schema as z.ZodType, data);
    if (encoded.error) throw new ResponseSerializationError(method, url, { cause: encoded.error });
    const sent = onTheWire(data);
    if (!isDeepStrictEqual(onTheWire(encoded.data), sent))
      throw new ResponseSerializationError(method, url, {
        cause: new Error(`the answer is not exactly its schema's: ${JSON.stringify(sent).slice(0, 500)}`) as never,
      });
    return JSON.stringify(data);
  };
};
