import fs from "node:fs";
import { PDFParse } from "pdf-parse";
const [file, out, pages] = process.argv.slice(2);
const parser = new PDFParse({ data: fs.readFileSync(file) });
const result = await parser.getScreenshot({ partial: (pages ?? "1").split(",").map(Number), scale: 1.2 });
result.pages.forEach((p, i) => fs.writeFileSync(`${out}-${p.pageNumber}.png`, Buffer.from(p.data)));
console.log(result.pages.length);
