// md_roundtrip.js DIR: a differential check of the Markdown renderer, run by
// hand (needs Node and markdown-it: `npm install markdown-it` somewhere on
// NODE_PATH). DIR holds NAME.md and NAME.txt pairs written by
// `winnow -o DIR --format txt,md PAGES...`; each NAME.md is parsed as
// CommonMark + GFM and its text must equal NAME.txt, ignoring whitespace and
// "|" (table separators). A difference means an escape or delimiter went wrong.
'use strict';
const fs = require('fs');
const md = require('markdown-it')({ html: true, linkify: false, typographer: false });

const named = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
function textOf(html) {
  return html.replace(/<[^>]*>/g, '').replace(/&(#?\w+);/g, (m, e) => {
    if (named[e] !== undefined) return named[e];
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return m;
  });
}
const squeeze = (s) => s.replace(/[\s|]+/g, '');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node md_roundtrip.js DIR');
  process.exit(2);
}
let checked = 0, bad = 0;
for (const f of fs.readdirSync(dir)) {
  if (!f.endsWith('.md')) continue;
  const name = f.slice(0, -3);
  if (!fs.existsSync(`${dir}/${name}.txt`)) continue;
  checked++;
  const a = squeeze(textOf(md.render(fs.readFileSync(`${dir}/${f}`, 'utf8'))));
  const b = squeeze(fs.readFileSync(`${dir}/${name}.txt`, 'utf8'));
  if (a === b) continue;
  bad++;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  console.log(`${name}\n  md : ${a.slice(Math.max(0, i - 40), i + 60)}\n  txt: ${b.slice(Math.max(0, i - 40), i + 60)}`);
}
console.log(`md_roundtrip: ${checked} checked, ${bad} differ`);
process.exit(bad ? 1 : 0);
