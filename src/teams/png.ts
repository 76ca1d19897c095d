/** Just enough PNG reading to check Teams icons: the header, and the pixels of a simple 8-bit image. */
import { unzlibSync } from 'fflate';

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** Width, height and pixel format from a PNG's IHDR chunk, or undefined when it is not a PNG. */
export function readPngHeader(png: Buffer): PngInfo | undefined {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24], colorType: png[25], interlaced: png[28] !== 0 };
}

/**
 * The RGBA pixels of an 8-bit, non-interlaced RGBA (type 6) or grey+alpha (type 4) PNG, else undefined.
 * Enough to check that an outline icon is white on transparent.
 */
export function readPngPixels(png: Buffer): Uint8Array | undefined {
  const info = readPngHeader(png);
  if (!info || info.bitDepth !== 8 || info.interlaced || (info.colorType !== 6 && info.colorType !== 4)) return undefined;
  const channels = info.colorType === 6 ? 4 : 2;
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 8 <= png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  let raw: Uint8Array;
  try {
    raw = unzlibSync(Buffer.concat(idat));
  } catch {
    return undefined;
  }
  const stride = info.width * channels;
  if (raw.length < (stride + 1) * info.height) return undefined;
  const pixels = new Uint8Array(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels] : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: return undefined;
      }
      pixels[out + x] = (row[x] + predictor) & 0xff;
    }
  }
  if (channels === 4) return pixels;
  const rgba = new Uint8Array(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) {
    rgba.set([pixels[i * 2], pixels[i * 2], pixels[i * 2], pixels[i * 2 + 1]], i * 4);
  }
  return rgba;
}

