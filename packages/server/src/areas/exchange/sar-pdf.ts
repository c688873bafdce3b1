/**
 * The copy of a child's record for a subject access request, as a PDF (pdfkit): who the record is
 * about and who asked, then the record in date order — the chronology (every step recorded, with
 * assessments, plans, reviews and visits), the child's own words at visits and conferences, and
 * managers' decisions with their reasons. Third-party text is marked: the review copy shows each
 * mark highlighted with the reason; the released copy draws a black box where it was and writes
 * no text there at all (removed, not covered), so no reader or copy-paste can recover it.
 */
import { redactionSegments, type SarMark } from '@lantern/core';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import { forCouncil } from '../../kernel/db/council.ts';
import type { Database } from '../../kernel/db/schema.ts';

type Entry = { on: string; heading: string; text: string };

/** Everything the copy shows, in date order (then by kind, so a day's items keep their order). */
export async function sarRecordEntries(db: Kysely<Database>, laCode: string, childId: string): Promise<Entry[]> {
  return forCouncil(db, laCode, async () => {
    const [chronology, visits, conferences, decisions] = await Promise.all([
      db.selectFrom('chronology_entry').select(['occurred_on', 'category', 'summary']).where('la_code', '=', laCode).where('child_id', '=', childId).execute(),
      db
        .selectFrom('visit')
        .select(['visited_on', 'purpose', 'child_seen', 'child_words'])
        .where('la_code', '=', laCode)
        .where('child_id', '=', childId)
        .execute(),
      db.selectFrom('cp_conference').select(['held_on', 'kind', 'child_words']).where('la_code', '=', laCode).where('child_id', '=', childId).execute(),
      db
        .selectFrom('management_decision')
        .select(['decided_on', 'kind', 'reasons', 'child_words'])
        .where('la_code', '=', laCode)
        .where('child_id', '=', childId)
        .execute(),
    ]);
    const entries: Entry[] = [
      ...chronology.map((c) => ({ on: c.occurred_on, heading: c.category.replace(/-/g, ' '), text: c.summary })),
      ...visits
        .filter((v) => v.child_words)
        .map((v) => ({ on: v.visited_on, heading: `visit (${v.purpose.replace(/-/g, ' ')}): in the child's words`, text: v.child_words as string })),
      ...conferences
        .filter((c) => c.child_words)
        .map((c) => ({ on: c.held_on, heading: `${c.kind} child protection conference: in the child's words`, text: c.child_words as string })),
      ...decisions.map((d) => ({
        on: d.decided_on,
        heading: `decision: ${d.kind.replace(/-/g, ' ')}`,
        text: `${d.reasons}${d.child_words ? ` The child said: ${d.child_words}` : ''}`,
      })),
    ];
    return entries.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  });
}

export type SarCopy = {
  child: { name: string; dateOfBirth: string | null; laChildId: string };
  request: { requesterName: string; receivedOn: string; dueOn: string };
  entries: Entry[];
  marks: readonly SarMark[];
  /** review: marks highlighted for a person to check; release: marked text removed. */
  mode: 'review' | 'release';
};

const MARGIN = 56;
const SIZE = 10;

/** Lays out one paragraph word by word, so a marked span can be replaced by a box of its width. */
function paragraph(doc: PDFKit.PDFDocument, text: string, marks: readonly SarMark[], mode: SarCopy['mode']) {
  const right = doc.page.width - MARGIN;
  const lineHeight = doc.currentLineHeight(true);
  let x = MARGIN;
  let y = doc.y;
  const space = doc.widthOfString(' ');
  const newLine = () => {
    x = MARGIN;
    y += lineHeight;
    if (y > doc.page.height - MARGIN - lineHeight) {
      doc.addPage();
      y = MARGIN;
    }
  };
  for (const seg of redactionSegments(text, marks)) {
    // A marked span is kept whole (a name is not split across lines); plain text word by word.
    const words = seg.marked ? [seg.text] : seg.text.split(/(\s+)/).filter((w) => w.length > 0);
    for (const word of words) {
      if (/^\s+$/.test(word)) {
        x += space;
        continue;
      }
      const width = doc.widthOfString(word);
      if (x + width > right && x > MARGIN) newLine();
      if (seg.marked && mode === 'release') {
        doc
          .save()
          .rect(x, y - 1, width, lineHeight)
          .fill('#000000')
          .restore();
      } else if (seg.marked) {
        doc
          .save()
          .rect(x - 1, y - 1, width + 2, lineHeight)
          .fill('#ffdd00')
          .restore();
        doc.fillColor('#000000').text(word, x, y, { lineBreak: false });
      } else doc.fillColor('#000000').text(word, x, y, { lineBreak: false });
      x += width;
    }
  }
  doc.x = MARGIN;
  doc.y = y + lineHeight * 1.4;
}

/** The PDF's bytes. */
export async function sarPdf(copy: SarCopy): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `Subject access request: ${copy.child.laChildId}`, Producer: 'Lantern' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(copy.mode === 'release' ? 'Your record' : 'Your record — REVIEW COPY (not for release)');
  doc.moveDown(0.5).font('Helvetica').fontSize(SIZE);
  doc.text(
    `This is a copy of the record the council holds about ${copy.child.name}${copy.child.dateOfBirth ? `, born ${copy.child.dateOfBirth}` : ''} (reference ${copy.child.laChildId}).`,
  );
  doc.text(`Asked for by ${copy.request.requesterName}; the request was received on ${copy.request.receivedOn} and is answered by ${copy.request.dueOn}.`);
  doc.moveDown(0.5);
  doc.text(
    copy.mode === 'release'
      ? 'Information about other people has been removed where it appears (shown as black boxes), as the law requires.'
      : `Highlighted text is marked for removal as information about other people (${copy.marks.length} marks). Review the marks before release.`,
  );
  doc.moveDown();
  for (const e of copy.entries) {
    if (doc.y > doc.page.height - MARGIN * 2) doc.addPage();
    doc.font('Helvetica-Bold').text(`${e.on}  ${e.heading[0]?.toUpperCase() ?? ''}${e.heading.slice(1)}`, MARGIN, doc.y);
    doc.font('Helvetica');
    paragraph(doc, e.text, copy.marks, copy.mode);
  }
  if (copy.entries.length === 0) doc.text('Nothing is recorded.');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
