/** 8-bit grey pixels as a binary PGM image (netpbm), which the OCR reads directly: no image library needed. */
export function greyToPgm(width: number, height: number, grey: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + grey.length);
  out.set(header, 0);
  out.set(grey, header.length);
  return out;
}
