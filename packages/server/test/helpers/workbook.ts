import ExcelJS from 'exceljs';

export type Sheet = { name: string; headers: string[]; rows: (string | number | null)[][]; sheet: ExcelJS.Worksheet };

const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

/** Reads a workbook back as a user sees it: each sheet's header row and its rows, dates as dd/mm/yyyy. */
export async function readWorkbook(data: Buffer | ArrayBuffer): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb.worksheets.map((sheet) => {
    const headers = ((sheet.getRow(1).values as unknown[]) ?? []).slice(1).map(String);
    const rows: (string | number | null)[][] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(
        headers.map((_, i) => {
          const v = row.getCell(i + 1).value;
          if (v === null || v === undefined) return null;
          if (v instanceof Date) return dmy(v);
          return v as string | number;
        }),
      );
    });
    return { name: sheet.name, headers, rows, sheet };
  });
}
