/**
 * `--output table`: the CLI's boxed tables (awscli table.py MultiTable, formatter.py TableFormatter):
 * a section per structure titled by its key (the operation's name at the top), scalar keys as sorted
 * column headers, nested values as indented sections, columns scaled to the widest section, and
 * sections turned vertical (one header and value per row) when the table is wider than the terminal.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html#table-output
 */
import { isDict, isScalar, pyText, sortedKeys } from './py-text.ts';

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indent = 0;
  private widths: number[] = [];
  private columns: number | null = null;

  addHeader(headers: string[]): void {
    this.update(headers);
    this.columns ??= headers.length;
    this.headers = headers;
  }

  addRow(row: unknown[]): void {
    this.columns ??= row.length;
    const text = row.map(pyText);
    this.rows.push(text);
    this.update(text);
  }

  private update(row: string[]): void {
    if (this.widths.length === 0) this.widths = row.map(textLength);
    else
      row.forEach((el, i) => {
        this.widths[i] = Math.max(textLength(el), this.widths[i] ?? 0);
      });
  }

  columnWidths(padding = 0, maxWidth: number | null = null): number[] {
    const unscaled = this.widths.map((w) => w + padding);
    if (maxWidth === null || unscaled.length === 0) return unscaled;
    const factor = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => roundHalfEven(factor * w));
    let off = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (off !== 0) {
      const order = [...scaled.keys()];
      if (off < 0) order.reverse();
      for (const i of order) {
        if (off > 0) {
          scaled[i] = (scaled[i] as number) - 1;
          off--;
        } else {
          scaled[i] = (scaled[i] as number) + 1;
          off++;
        }
        if (off === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outer: number): number {
    const total = this.columnWidths().reduce((a, w) => a + w + padding, 0) + 2 + 2 * outer;
    return Math.max(textLength(this.title) + 2 + 2 * outer, total);
  }
}

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

const textLength = (t: string): number => [...t].length;
const spaces = (n: number): string => ' '.repeat(Math.max(0, n));

function centerText(text: string, length: number, left = '|', right = '|'): string {
  const tl = textLength(text);
  const start = Math.floor(length / 2) - Math.floor(tl / 2) - 1;
  const soFar = left.length + Math.max(0, start) + tl;
  return `${left}${spaces(start)}${text}${spaces(length - right.length - soFar)}${right}`;
}

function alignLeft(text: string, length: number, left: string, right: string): string {
  const tl = textLength(text);
  const padding = length - (tl + 2 + left.length + right.length) >= 0 ? 2 : 0;
  const soFar = left.length + padding + tl;
  return `${left}${spaces(padding)}${text}${spaces(length - soFar - right.length)}${right}`;
}

class MultiTable {
  private sections: Section[] = [];
  private current: Section | null = null;
  constructor(private readonly terminalWidth: number) {}

  newSection(title: string, indent: number): void {
    const s = new Section();
    s.title = title;
    s.indent = indent;
    this.sections.push(s);
    this.current = s;
  }
  addHeader(h: string[]): void {
    this.current?.addHeader(h);
  }
  addRow(r: unknown[]): void {
    this.current?.addRow(r);
  }

  render(): string {
    if (this.sections.length === 0) return '';
    let max = this.maxWidth();
    if (max > this.terminalWidth) {
      this.sections = this.sections.map((s) => {
        if (s.rows.length !== 1 || s.headers.length === 0) return s;
        const v = new Section();
        v.title = s.title;
        v.indent = s.indent;
        s.headers.forEach((h, i) => {
          v.addRow([h, s.rows[0]?.[i] ?? '']);
        });
        return v;
      });
      max = this.maxWidth();
    }
    const out: string[] = [`${'-'.repeat(max)}\n`];
    for (const s of this.sections) this.renderSection(s, max, out);
    return out.join('');
  }

  private maxWidth(): number {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, s.indent)));
  }

  private renderSection(s: Section, maxWidth: number, out: string[]): void {
    const edge = '|'.repeat(s.indent);
    const write = (line: string) => out.push(`${edge}${line}${edge}\n`);
    const width = maxWidth - s.indent * 2;
    if (s.title) {
      write(centerText(s.title, width));
      if (s.headers.length === 0 && s.rows.length === 0) write(`+${'-'.repeat(width - 2)}+`);
    }
    const widths = s.columnWidths(4, width);
    if (s.headers.length > 0) {
      write(lineBreak(widths));
      write(s.headers.map((h, i) => centerText(h, widths[i] as number, i === 0 ? '|' : '', '|')).join(''));
    }
    if (s.rows.length > 0 && widths.length > 0) {
      write(lineBreak(widths));
      for (const row of s.rows) {
        write(row.map((el, i) => alignLeft(el, widths[i] as number, i === 0 ? '|' : '', '|')).join(''));
      }
      write(lineBreak(widths));
    }
  }
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join('');
}

function groupScalarKeys(current: Record<string, unknown>): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const k of Object.keys(current)) (isScalar(current[k]) ? headers : more).push(k);
  return [sortedKeys(headers), sortedKeys(more)];
}

function build(table: MultiTable, title: string | null, current: unknown, indent: number): boolean {
  if (
    !current ||
    (Array.isArray(current) && current.length === 0) ||
    (isDict(current) && Object.keys(current).length === 0)
  )
    return false;
  if (title !== null) table.newSection(title, indent);
  if (Array.isArray(current)) {
    if (isDict(current[0])) fromList(table, current, indent, title);
    else {
      for (const item of current) {
        if (isScalar(item)) table.addRow([item]);
        else if (Array.isArray(item) && item.every(isScalar)) table.addRow(item);
        else if (isDict(item) && Object.values(item).every(isScalar)) table.addRow(Object.keys(item));
        else build(table, null, item, 0);
      }
    }
  }
  if (isDict(current)) fromDict(table, current, indent);
  return true;
}

function fromDict(table: MultiTable, current: Record<string, unknown>, indent: number): void {
  const [headers, more] = groupScalarKeys(current);
  if (headers.length === 1) table.addRow([headers[0], current[headers[0] as string]]);
  else if (headers.length > 0) {
    table.addHeader(headers);
    table.addRow(headers.map((k) => current[k]));
  }
  for (const k of more) build(table, k, current[k], indent + 1);
}

function fromList(table: MultiTable, current: unknown[], indent: number, title: string | null): void {
  const headers = new Set<string>();
  const more = new Set<string>();
  for (const item of current) {
    if (!isDict(item)) continue;
    const [h, m] = groupScalarKeys(item);
    for (const x of h) headers.add(x);
    for (const x of m) more.add(x);
  }
  const hs = sortedKeys(headers);
  const ms = sortedKeys(more);
  table.addHeader(hs);
  let first = true;
  for (const element of current) {
    const el = isDict(element) ? element : {};
    if (!first && ms.length > 0) {
      table.newSection(title ?? '', indent);
      table.addHeader(hs);
    }
    first = false;
    table.addRow(hs.map((h) => (Object.hasOwn(el, h) ? el[h] : '')));
    for (const k of ms) if (Object.hasOwn(el, k)) build(table, k, el[k], indent + 1);
  }
}

/** The table the CLI prints for a response; `title` is the operation's name (ListClusters). */
export function formatTable(title: string, response: unknown, terminalWidth = 80): string {
  const table = new MultiTable(terminalWidth);
  if (!build(table, title, response, 0)) return '';
  return table.render();
}
