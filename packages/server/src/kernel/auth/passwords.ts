import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt with N=2^15, r=8, p=1: OWASP's minimum for scrypt. Parameters are stored with the hash
// so they can be raised later without invalidating existing passwords.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Verifying against this when the user does not exist keeps sign-in time the same either way. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** At least this many characters, and no composition rules (NCSC password guidance). */
export const PASSWORD_MIN_LENGTH = 12;
/** zxcvbn's score out of 4: 3 means about 10^8 guesses or more, far beyond what throttled sign-in allows. */
const MIN_SCORE = 3;

let estimator: Promise<{ check(password: string, userInputs?: string[]): unknown }> | null = null;
function strength() {
  // Loaded on first use: the dictionaries are large, and most requests never set a password.
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations });
  })();
  return estimator;
}

/**
 * Why a new password will not do, or null when it will: too short, or a common or guessable one
 * (a known password, a keyboard run, a repeat, the person's own name or username, "lantern").
 */
export async function passwordWeakness(password: string, about: string[] = []): Promise<string | null> {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `A password has at least ${PASSWORD_MIN_LENGTH} characters`;
  const words = ['lantern', ...about.map((a) => a.toLowerCase()), ...about.flatMap((a) => a.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 3)];
  const result = (await (await strength()).check(password, words)) as {
    score: number;
    feedback: { warning: string | null };
    sequence: { dictionaryName?: string }[];
  };
  if (result.score >= MIN_SCORE) return null;
  const personal = result.sequence.some((m) => m.dictionaryName === 'userInputs');
  const warning = personal ? 'it is made from your name or username' : result.feedback.warning?.replace(/\.$/, '').toLowerCase();
  const why = warning ? ` (${warning})` : '';
  return `Choose a password that is harder to guess${why}: a few unrelated words make a good one`;
}
