/**
 * A national-scale CIN census file, made by repeating a smaller one's children with new LA
 * child ids (as the validation figure repeats the reference sample). Each copy's
 * children are new children to an import: only the id changes, so every copy carries the same
 * episodes, modules and dates as the council the sample was exported from. Synthetic in, synthetic out.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';

/** Writes `out`: the header and footer of `source`, and its children `copies` times, copy k's ids ending `-k`. */
export async function repeatCensus(source: string, out: string, copies: number): Promise<{ children: number }> {
  const xml = await readFile(source, 'utf8');
  const first = xml.indexOf('<Child>');
  const last = xml.lastIndexOf('</Child>') + '</Child>'.length;
  if (first < 0 || last < first) throw new Error(`${source} has no <Child> in it`);
  // From the first child's opening tag, so each copy keeps the file's own indentation between children.
  const head = xml.slice(0, xml.lastIndexOf('\n', first) + 1);
  const children = xml.slice(head.length, last);
  const tail = xml.slice(last);
  const perCopy = children.split('<Child>').length - 1;
  const stream = createWriteStream(out);
  const write = async (s: string) => {
    if (!stream.write(s)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  };
  await write(head);
  for (let k = 1; k <= copies; k++) {
    await write(children.replace(/<LAchildID>([^<]*)<\/LAchildID>/g, (_, id: string) => `<LAchildID>${id}-${k}</LAchildID>`));
    await write('\n');
  }
  await write(tail);
  stream.end();
  await finished(stream);
  return { children: perCopy * copies };
}
