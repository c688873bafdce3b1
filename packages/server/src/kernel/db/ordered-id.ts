/**
 * Ids for a bulk load's new records that sort in the order they were made (UUID version 7, RFC
 * 9562: the time in milliseconds, then a counter, then random bits; the `uuid` package keeps them
 * rising within the process). A table's primary key is an index on (council, id): with random ids
 * (version 4) each of a national return's million rows went into a random page of each key, which
 * no longer fit in the server's buffers as the tables grew (every insert a read, a dirtied page
 * written back, and a full page in the WAL after each checkpoint). Ids made in order go into the
 * keys' last pages. Still unguessable: 62 random bits.
 */
export { v7 as orderedId } from 'uuid';
