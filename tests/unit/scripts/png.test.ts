import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPng, readPngSize, solidPng } from '../../../scripts/lib/png.ts';

const asset = (name: string) => readFileSync(fileURLToPath(new URL(`../../../assets/${name}`, import.meta.url)));

describe('readPngSize', () => {
  it('reads width and height from the IHDR chunk of PNGs made elsewhere (Chromium screenshots)', () => {
    expect(readPngSize(asset('logo.png'))).toEqual({ width: 320, height: 320 });
    expect(readPngSize(asset('logo-small.png'))).toEqual({ width: 128, height: 128 });
  });

  it('round-trips the sizes of the PNGs it writes, including non-square ones', () => {
    expect(readPngSize(solidPng(830, 200, [1, 2, 3, 255]))).toEqual({ width: 830, height: 200 });
    expect(readPngSize(solidPng(1, 7, [0, 0, 0, 0]))).toEqual({ width: 1, height: 7 });
  });

  it('rejects what is not a PNG header', () => {
    expect(readPngSize(Buffer.from('GIF89a....................'))).toBeUndefined();
    expect(readPngSize(solidPng(4, 4, [0, 0, 0, 255]).subarray(0, 20))).toBeUndefined();
    expect(isPng(Buffer.from([0x89, 0x50, 0x4e]))).toBe(false);
  });
});
