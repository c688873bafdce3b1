import { randomFillSync } from 'node:crypto';

/**
 * Ids for a bulk load's new records that sort in the order they were made (UUID version 7, RFC
 * 9562: the time in milliseconds, then a counter, then random bits). A table's primary key is an
 * index on (council, id): with random ids (version 4) each of a national return's million rows went
 * into a random page of each key, which no longer fit in the server's buffers as the tables grew
 * (every insert a read, a dirtied page written back, and a full page in the WAL after each
 * checkpoint). Ids made in order go into the keys' last pages. Still unguessable: 62 random bits.
 */
let lastMs = 0;
let counter = 0;
const pool = Buffer.alloc(8 * 1024);
let poolAt = pool.length;
const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function orderedId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    counter = 0;
  } else {
    // The same millisecond (or the clock stepped back): the next counter, the next millisecond once
    // its 12 bits are used up, so ids made by this process never go backwards.
    ms = lastMs;
    if (++counter > 0xfff) {
      lastMs = ++ms;
      counter = 0;
    }
  }
  if (poolAt + 8 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const r = pool.subarray(poolAt, poolAt + 8);
  poolAt += 8;
  const t = ms.toString(16).padStart(12, '0');
  const a = (0x7000 | counter).toString(16);
  const b0 = hex[((r[0] as number) & 0x3f) | 0x80] as string;
  let tail = '';
  for (let i = 2; i < 8; i++) tail += hex[r[i] as number];
  return `${t.slice(0, 8)}-${t.slice(8)}-${a}-${b0}${hex[r[1] as number]}-${tail}`;
}
