import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './csv';

describe('CSV exports', () => {
  it('never hand a spreadsheet a formula: text starting with = + - @ (or a tab, a CR) is prefixed with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+84912345678')).toBe("'+84912345678");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });
  it('keep figures and plain text as they are, quote separators', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('Sở Tư pháp')).toBe('Sở Tư pháp');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvText([['Cơ quan', 'Bước'], ['=cmd', 2]])).toBe("\uFEFFCơ quan,Bước\r\n'=cmd,2\r\n");
  });
});
