import jsQR from 'jsqr';

const SCALE = 4;
const QUIET = 4;

/**
 * Decodes the QR code that qrcode.react's QRCodeSVG drew: its dark modules are one path of
 * `M{x} {y}h{w}v1H{x}z` runs in a `0 0 N N` view box. The modules are painted into a bitmap (with
 * the quiet zone a scanner needs) and read by jsQR, as a phone camera would.
 */
export function decodeQrSvg(svg: Element): string | null {
  const size = Number(svg.getAttribute('viewBox')?.split(/\s+/)[2]);
  const paths = svg.querySelectorAll('path');
  const dark = paths[paths.length - 1]?.getAttribute('d') ?? '';
  if (!size || !dark) return null;
  const modules = size + 2 * QUIET;
  const width = modules * SCALE;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const run of dark.matchAll(/M(\d+)[ ,](\d+)\s*h(\d+)v1H\d+z/g)) {
    const [x, y, w] = [Number(run[1]), Number(run[2]), Number(run[3])];
    for (let dx = 0; dx < w; dx++) {
      for (let py = 0; py < SCALE; py++) {
        for (let px = 0; px < SCALE; px++) {
          const i = (((y + QUIET) * SCALE + py) * width + (x + dx + QUIET) * SCALE + px) * 4;
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
        }
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}
