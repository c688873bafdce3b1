/** Text for a LIKE/ILIKE pattern that matches itself: `%`, `_` and `\` lose their wildcard meaning. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An ILIKE pattern for "contains this text", whatever the text holds. */
export const containing = (text: string) => `%${escapeLike(text)}%`;
