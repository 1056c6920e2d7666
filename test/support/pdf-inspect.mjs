// Reads a PDF (path in argv[2]) with pdfjs-dist, which is ESM-only, so the jest tests run it as a
// child process: prints {pages, text, qrCodes} as JSON, the QR codes decoded (jsqr) from the
// images the PDF embeds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const jsQR = require('jsqr');

const data = new Uint8Array(readFileSync(process.argv[2]));
const document = await pdfjs.getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
let text = '';
const qrCodes = [];
for (let number = 1; number <= document.numPages; number += 1) {
  const page = await document.getPage(number);
  const content = await page.getTextContent();
  text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
  const operators = await page.getOperatorList();
  for (let i = 0; i < operators.fnArray.length; i += 1) {
    if (operators.fnArray[i] !== pdfjs.OPS.paintImageXObject) continue;
    const name = operators.argsArray[i][0];
    const image = await new Promise((resolve) => page.objs.get(name, resolve));
    const { width, height, kind } = image;
    const source = image.data;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let p = 0; p < width * height; p += 1) {
      if (kind === pdfjs.ImageKind.RGBA_32BPP) rgba.set(source.subarray(p * 4, p * 4 + 4), p * 4);
      else if (kind === pdfjs.ImageKind.RGB_24BPP) rgba.set([source[p * 3], source[p * 3 + 1], source[p * 3 + 2], 255], p * 4);
      else {
        // GRAYSCALE_1BPP: one bit per pixel, rows padded to whole bytes.
        const row = Math.floor(p / width);
        const column = p % width;
        const bit = (source[row * Math.ceil(width / 8) + (column >> 3)] >> (7 - (column & 7))) & 1;
        rgba.set(bit ? [255, 255, 255, 255] : [0, 0, 0, 255], p * 4);
      }
    }
    const code = jsQR(rgba, width, height);
    if (code) qrCodes.push(code.data);
  }
}
process.stdout.write(JSON.stringify({ pages: document.numPages, text, qrCodes }));
