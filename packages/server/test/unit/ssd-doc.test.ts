/** The SSD's objects and fields against what Lantern says about each, and docs/ssd.md generated from that. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SSD_DOC } from '../../scripts/ssd-doc.ts';
import { NOT_HELD, SSD_OBJECTS, ssdFields } from '../../src/areas/exchange/ssd/catalogue.ts';
import { ssdMarkdown } from '../../src/areas/exchange/ssd/docs.ts';

describe('the Standard Safeguarding Dataset in Lantern', () => {
  const fields = ssdFields();
  const objects = [...new Set(fields.map((f) => f.object))];

  // The reference's notes say 49 objects; its table lists 48 (359 fields).
  it('reads the reference’s 48 objects and 359 fields', () => {
    expect(objects.length).toBe(48);
    expect(fields.length).toBe(359);
  });

  it('says of every object either what fills each field or why it is not held', () => {
    for (const object of objects) {
      const held = SSD_OBJECTS.find((o) => o.object === object);
      if (!held) {
        expect({ object, why: Boolean(NOT_HELD[object]) }).toEqual({ object, why: true });
        continue;
      }
      expect({ object, notHeldToo: Boolean(NOT_HELD[object]) }).toEqual({ object, notHeldToo: false });
      const own = fields.filter((f) => f.object === object).map((f) => f.field);
      const said = Object.keys({ ...held.from, ...held.blank });
      expect({ object, fields: [...said].sort() }).toEqual({ object, fields: [...own].sort() });
      for (const f of Object.keys(held.from)) expect({ object, f, alsoBlank: f in held.blank }).toEqual({ object, f, alsoBlank: false });
    }
  });

  it('docs/ssd.md is the table generated from the code (run `npm run docs:ssd`)', () => {
    expect(readFileSync(SSD_DOC, 'utf8'), 'docs/ssd.md is out of date: run `npm run docs:ssd`').toBe(ssdMarkdown());
  });
});
