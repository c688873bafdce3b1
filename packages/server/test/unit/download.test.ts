import { describe, expect, it } from 'vitest';
import { attachment } from '../../src/kernel/http/download.ts';

const nameIn = (header: string) => {
  const star = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return star ? decodeURIComponent(star) : /filename="([^"]*)"/.exec(header)?.[1];
};

describe('a download’s file name', () => {
  it('keeps a plain name as it is', () => {
    expect(attachment('E06000019-annex-a-2026-11-30.xlsx')).toBe('attachment; filename="E06000019-annex-a-2026-11-30.xlsx"');
  });

  it('carries a name in any script as RFC 5987 filename*, with an ASCII stand-in', () => {
    for (const name of ['報告 📄.txt', 'Zoë’s plan.pdf', 'отчёт.txt', 'a "quoted" name.txt', '100% done.txt', "it's (1).txt"]) {
      const header = attachment(name);
      expect(header).toMatch(/^[\x20-\x7e]+$/); // a header Node will send
      expect(nameIn(header)).toBe(name);
      expect(/filename="([^"]*)"/.exec(header)?.[1]).not.toContain('"');
    }
  });
});
