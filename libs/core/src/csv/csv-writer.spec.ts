import { csvDocument, csvStream, neutraliseCell } from './csv-writer';

describe('the CSV writer', () => {
  it('neutralises every text cell a spreadsheet would run as a formula (OWASP: =, +, -, @, tab, CR)', async () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+cmd|/c calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const csv = await csvDocument(['name'], hostile.map((name) => [name]));
    expect(csv.split('\r\n')).toEqual(['\uFEFFname', `"'=HYPERLINK(""http://x"",""y"")"`, "'+1+cmd|/c calc", "'-2+3", "'@SUM(A1)", "'\t=1", `"'\r=1"`, '']);
  });

  it('leaves numbers, plain decimal text, booleans and empty cells as they are', async () => {
    const csv = await csvDocument(['a', 'b', 'c', 'd', 'e'], [[-3, '-12.50', true, null, 'Fees, "deposits"']]);
    expect(csv.split('\r\n')[1]).toBe('-3,-12.50,true,,"Fees, ""deposits"""');
    expect(neutraliseCell('safe text')).toBe('safe text');
  });

  it('streams rows as they are written', async () => {
    const stream = csvStream(['n']);
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const ended = new Promise((resolve) => stream.on('end', resolve));
    for (let i = 0; i < 3; i += 1) stream.write([`=${i}`]);
    stream.end();
    await ended;
    expect(chunks.join('')).toBe("\uFEFFn\r\n'=0\r\n'=1\r\n'=2\r\n");
  });
});
