/** Reading the app's CSV downloads: UTF-8 BOM check and an RFC 4180 parser (quotes, doubled
 * quotes and line breaks inside quoted fields). */

const BOM = [0xef, 0xbb, 0xbf];

/** Whether the bytes start with the UTF-8 byte order mark. */
export function startsWithBom(bytes: Buffer): boolean {
  return BOM.every((byte, i) => bytes[i] === byte);
}

/** The records of a CSV text (after its BOM), each a list of fields. A final line break does
 * not make an empty record. Throws on a quoted field left open. */
export function parseCsv(text: string, separator = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === separator) {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += c;
      fieldStart = false;
    }
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (!fieldStart || record.length > 0) endRecord();
  return records;
}

/** Header and rows of a downloaded CSV file written for French spreadsheets (BOM, `;`). */
export function readFrenchCsv(bytes: Buffer): { header: string[]; rows: string[][] } {
  if (!startsWithBom(bytes)) throw new Error('CSV: no UTF-8 byte order mark');
  const [header, ...rows] = parseCsv(bytes.subarray(BOM.length).toString('utf8'), ';');
  if (!header) throw new Error('CSV: empty file');
  return { header, rows };
}
