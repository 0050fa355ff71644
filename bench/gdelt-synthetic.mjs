// A GDELT 1.0-shaped events file for the event-data benchmark: tab-separated, no header, 58 columns
// (every tenth row 57, without SOURCEURL), seeded, so every run reads the same bytes.
// Usage: node bench/gdelt-synthetic.mjs ROWS OUT

import { createWriteStream } from 'node:fs';

const COUNTRIES = ['PAK', 'IND', 'CHN', 'USA', 'AFG', 'IRN', 'SAU', 'TUR', 'RUS', 'GBR', 'FRA', 'DEU', 'JPN',
  'ARE', 'QAT', 'ISR', 'EGY', 'BGD', 'LKA', 'NPL', 'UZB', 'TJK', 'KAZ', 'AZE', 'ARM', 'UKR', 'IRQ', 'SYR', 'JOR',
  'KOR', 'PRK', 'IDN', 'MYS', 'THA', 'VNM', 'PHL', 'AUS', 'CAN', 'BRA', 'NGA', 'EUR', 'AFR', ''];
const CODES = [['010', 1, 0], ['020', 1, 3], ['036', 1, 4], ['040', 1, 1], ['042', 1, 1.9], ['051', 1, 3.4],
  ['061', 2, 6.4], ['062', 2, 7.4], ['071', 2, 7.4], ['072', 2, 8.3], ['0831', 2, 5], ['111', 3, -2],
  ['112', 3, -2], ['130', 3, -4.4], ['141', 4, -6.5], ['173', 4, -5], ['190', 4, -10], ['193', 4, -10]];
const OUTLETS = Array.from({ length: 50 }, (_, i) => `https://www.news${i}.example.com/world/`);

let seed = 1;
const rand = (n) => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed % n; };

function row(i) {
  const day = 1 + rand(28);
  const date = `202106${String(day).padStart(2, '0')}`;
  const a = COUNTRIES[rand(COUNTRIES.length)];
  const b = COUNTRIES[rand(COUNTRIES.length)];
  const [code, quad, gs] = CODES[rand(CODES.length)];
  const r = new Array(58).fill('');
  r[0] = String(900000000 + i); r[1] = date; r[2] = date.slice(0, 6); r[3] = '2021'; r[4] = '2021.4192';
  r[5] = a && `${a}GOV`; r[6] = a && `${a} GOVERNMENT`; r[7] = a; r[12] = 'GOV';
  r[15] = b && `${b}GOV`; r[16] = b && `${b} GOVERNMENT`; r[17] = b; r[22] = 'GOV';
  r[25] = '1'; r[26] = code; r[27] = code.slice(0, 3); r[28] = code.slice(0, 2); r[29] = String(quad); r[30] = String(gs);
  r[31] = String(1 + rand(20)); r[32] = '1'; r[33] = r[31]; r[34] = '-1.52173913043478';
  r[35] = '4'; r[36] = 'Islamabad, Islamabad, Pakistan'; r[37] = 'PK'; r[38] = 'PK08'; r[39] = '33.7'; r[40] = '73.1667'; r[41] = '-1282395';
  r[42] = '1'; r[43] = 'India'; r[44] = 'IN'; r[45] = 'IN'; r[46] = '20'; r[47] = '77'; r[48] = 'IN';
  r[49] = '4'; r[50] = 'Islamabad, Islamabad, Pakistan'; r[51] = 'PK'; r[52] = 'PK08'; r[53] = '33.7'; r[54] = '73.1667'; r[55] = '-1282395';
  r[56] = date;
  r[57] = `${OUTLETS[rand(OUTLETS.length)]}${i}.html`;
  return (i % 10 === 9 ? r.slice(0, 57) : r).join('\t');
}

const [rows, out] = [Number(process.argv[2] ?? 1000000), process.argv[3] ?? 'gdelt.export.CSV'];
const file = createWriteStream(out);
let i = 0;
function write() {
  let ok = true;
  while (i < rows && ok) {
    let block = '';
    for (let k = 0; k < 1000 && i < rows; k++, i++) block += row(i) + '\n';
    ok = file.write(block);
  }
  if (i < rows) file.once('drain', write);
  else file.end();
}
write();
