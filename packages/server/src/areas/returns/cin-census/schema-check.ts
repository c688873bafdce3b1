/**
 * The CIN census's XML Schema check, a batch of children at a time. libxml2 (xmllint-wasm) holds a
 * whole document while it checks it: a national file of 30,000 children took 600 MB. The schema
 * has no constraint across children (no xs:unique or xs:key), so the file is checked as a series
 * of small documents — its own opening (declaration, Message, Header, Children) with a batch of
 * its children — each in xmllint's own worker thread, two at a time beside the rules. Line
 * numbers are the file's own.
 */
import type { ReturnFailure } from '@lantern/core/returns/types';
import { cinCensusSchema } from '../reference.ts';

const CHILDREN_PER_BATCH = 2000;
const IN_FLIGHT = 2;
export const MAX_SCHEMA_FAILURES = 500;

type Batch = { xml: string; first: boolean; bodyLine: number };

export class CinSchemaCheck {
  constructor(private readonly childrenPerBatch = CHILDREN_PER_BATCH) {}
  private text = '';
  /** Where `text` starts in the file, in JavaScript string units (as the parser counts). */
  private base = 0;
  private opening: { end: number; line: number; xml: string } | null = null;
  private cut = { at: 0, line: 1 };
  private children = 0;
  private lastChild = { at: 0, line: 1 };
  private batches = 0;
  private readonly ready: Batch[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly found: ReturnFailure[] = [];
  private failure: unknown = null;

  /** The file's text, given before the parser reads it. */
  read(chunk: string) {
    this.text += chunk;
  }

  /** The parser has read `<Children>`: everything before is the opening each batch repeats. */
  childrenOpened(end: number, line: number) {
    if (this.opening) return;
    this.opening = { end, line, xml: this.text.slice(0, end - this.base) };
    this.cut = { at: end, line };
  }

  /** The parser has read a `</Child>`; a full batch becomes ready once another child follows it. */
  childClosed(end: number, line: number) {
    if (!this.opening) return;
    if (this.children === this.childrenPerBatch) this.cutBatch();
    this.children++;
    this.lastChild = { at: end, line };
  }

  private cutBatch() {
    const opening = this.opening as NonNullable<typeof this.opening>;
    const body = this.text.slice(this.cut.at - this.base, this.lastChild.at - this.base);
    this.ready.push({ xml: `${opening.xml}${body}</Children></Message>`, first: this.batches === 0, bodyLine: this.cut.line });
    this.batches++;
    this.text = this.text.slice(this.lastChild.at - this.base);
    this.base = this.lastChild.at;
    this.cut = { ...this.lastChild };
    this.children = 0;
  }

  /** Starts checks of the batches ready (two at a time), waiting while both threads are busy. */
  async pump(year: number) {
    while (this.ready.length > 0) {
      if (this.running.size >= IN_FLIGHT) await Promise.race(this.running);
      const batch = this.ready.shift() as Batch;
      if (this.found.length >= MAX_SCHEMA_FAILURES) continue;
      const run: Promise<void> = this.check(batch, year).then(
        () => void this.running.delete(run),
        (error: unknown) => {
          this.failure ??= error;
          this.running.delete(run);
        },
      );
      this.running.add(run);
    }
  }

  /** The last batch (the rest of the file, as written), then every batch's failures in file order. */
  async finish(year: number): Promise<ReturnFailure[]> {
    const opening = this.opening;
    this.ready.push(
      opening && this.batches > 0
        ? { xml: `${opening.xml}${this.text.slice(this.cut.at - this.base)}`, first: false, bodyLine: this.cut.line }
        : { xml: this.text, first: true, bodyLine: 1 },
    );
    this.text = '';
    await this.pump(year);
    await Promise.all(this.running);
    if (this.failure) throw this.failure;
    return this.found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, MAX_SCHEMA_FAILURES);
  }

  private async check(batch: Batch, year: number) {
    const schema = cinCensusSchema(year);
    if (!schema) throw new Error(`Lantern has no CIN census schema for ${year - 1}/${String(year).slice(2)}`);
    const { validateXML, memoryPages } = await import('xmllint-wasm');
    const result = await validateXML({ xml: { fileName: 'return.xml', contents: batch.xml }, schema, maxMemoryPages: memoryPages.GiB, stream: true });
    // A batch's opening is the file's own: its lines are the file's. Past it, the batch's lines
    // are shifted back to where its children sit in the file; the opening's own problems are
    // reported by the first batch only.
    const openingLine = this.opening?.line ?? 1;
    for (const e of result.errors) {
      const at = e.loc?.lineNumber ?? null;
      if (!batch.first && at !== null && at < openingLine) continue;
      const line = batch.first || at === null ? at : at - openingLine + batch.bodyLine;
      this.found.push({ code: 'XSD', severity: 'error', message: e.message.trim(), childId: null, module: 'Schema', row: null, fields: [], line });
    }
  }
}
