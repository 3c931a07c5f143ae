/**
 * A spell's code: a tiny, real zip archive (one stored file, no compression) holding a handler that
 * says which edition it is, base64-encoded as Lambda's ZipFile takes it. Each edition's text differs,
 * so Lambda's PublishVersion sees new code and makes a new version.
 */

let table: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = (table[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function le(n: number, size: 2 | 4): number[] {
  return size === 2
    ? [n & 0xff, (n >>> 8) & 0xff]
    : [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** A zip with one stored file, as base64. */
export function zipBase64(filename: string, text: string): string {
  const enc = new TextEncoder();
  const name = enc.encode(filename);
  const data = enc.encode(text);
  const crc = crc32(data);
  // Fixed DOS date/time (2026-01-01 00:00) so the same code gives the same bytes.
  const time = 0;
  const date = ((2026 - 1980) << 9) | (1 << 5) | 1;
  const common = [
    ...le(20, 2),
    ...le(0, 2),
    ...le(0, 2),
    ...le(time, 2),
    ...le(date, 2),
    ...le(crc, 4),
    ...le(data.length, 4),
    ...le(data.length, 4),
    ...le(name.length, 2),
    ...le(0, 2),
  ];
  const local = [...le(0x04034b50, 4), ...common, ...name, ...data];
  const central = [
    ...le(0x02014b50, 4),
    ...le(20, 2),
    ...common,
    ...le(0, 2),
    ...le(0, 2),
    ...le(0, 2),
    ...le(0, 4),
    ...le(0, 4),
    ...name,
  ];
  const end = [
    ...le(0x06054b50, 4),
    ...le(0, 2),
    ...le(0, 2),
    ...le(1, 2),
    ...le(1, 2),
    ...le(central.length, 4),
    ...le(local.length, 4),
    ...le(0, 2),
  ];
  const all = [...local, ...central, ...end];
  let bin = '';
  for (const b of all) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The handler of a spell's edition, in the runtime's language. */
export function spellCode(runtime: string, edition: number): { filename: string; text: string } {
  if (runtime.startsWith('python'))
    return {
      filename: 'lambda_function.py',
      text: `def lambda_handler(event, context):\n    return {"statusCode": 200, "body": "edition ${edition}"}\n`,
    };
  return {
    filename: 'index.mjs',
    text: `export const handler = async () => ({ statusCode: 200, body: 'edition ${edition}' });\n`,
  };
}

export function spellZip(runtime: string, edition: number): string {
  const c = spellCode(runtime, edition);
  return zipBase64(c.filename, c.text);
}
