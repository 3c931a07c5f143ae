/**
 * A bit stream written and read in 5-bit symbols (one code character each): whole numbers of a fixed
 * width, small-first variable-length numbers, and short texts over a 64-character alphabet. The
 * reader never throws: it reports running out of symbols, so a damaged code is refused with a reason.
 */

export class BitWriter {
  private bits: number[] = [];

  uint(value: number, width: number): this {
    for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
    return this;
  }

  /** A whole number >= 0 in groups of 4 bits, each behind a "more follows" bit. */
  varint(value: number): this {
    const groups: number[] = [];
    let v = value;
    do {
      groups.unshift(v % 16);
      v = Math.floor(v / 16);
    } while (v > 0);
    groups.forEach((g, i) => {
      this.uint(i < groups.length - 1 ? 1 : 0, 1).uint(g, 4);
    });
    return this;
  }

  /** A text over `alphabet` (64 characters): its length, then 6 bits a character. */
  text(value: string, alphabet: string): this {
    this.varint(value.length);
    for (const ch of value) this.uint(alphabet.indexOf(ch), 6);
    return this;
  }

  /** The stream as 5-bit symbols, the last one padded with zero bits. */
  symbols(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.bits.length; i += 5) {
      let v = 0;
      for (let j = 0; j < 5; j++) v = v * 2 + (this.bits[i + j] ?? 0);
      out.push(v);
    }
    return out;
  }
}

export class BitReader {
  private pos = 0;
  private readonly bits: number[];
  /** Set once a read ran past the end: the code was cut short. */
  overrun = false;

  constructor(symbols: readonly number[]) {
    this.bits = symbols.flatMap((s) => [16, 8, 4, 2, 1].map((b) => (s & b ? 1 : 0)));
  }

  uint(width: number): number {
    let v = 0;
    for (let i = 0; i < width; i++) {
      const b = this.bits[this.pos++];
      if (b === undefined) {
        this.overrun = true;
        return 0;
      }
      v = v * 2 + b;
    }
    return v;
  }

  /** Reads a varint; numbers beyond 2^32 (never written) mark the stream as damaged. */
  varint(): number {
    let v = 0;
    for (let n = 0; n < 9; n++) {
      const more = this.uint(1);
      v = v * 16 + this.uint(4);
      if (!more || this.overrun) return v;
    }
    this.overrun = true;
    return 0;
  }

  text(alphabet: string, maxLength: number): string {
    const length = this.varint();
    if (length > maxLength) {
      this.overrun = true;
      return '';
    }
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.uint(6)] ?? '';
    return s;
  }

  /** True when only the zero padding of the last symbol is left. */
  atEnd(): boolean {
    return this.bits.length - this.pos < 5 && this.bits.slice(this.pos).every((b) => b === 0);
  }
}
