import jsQR from 'jsqr';

/**
 * Decode the QR code that qrcode.react's QRCodeSVG rendered: its dark modules are one path of
 * runs `M{x} {y}h{w}v1H{x}z` on a grid of `viewBox` cells. The runs are painted into a bitmap
 * (4 px a module) and read with jsQR, as a scanner would read the screen.
 */
export function decodeQrSvg(svg: Element, fg = '#000000'): string | null {
  const size = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
  const path = [...svg.querySelectorAll('path')].find((p) => p.getAttribute('fill') === fg);
  if (!size || !path) return null;
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, w] of (path.getAttribute('d') ?? '').matchAll(
    /M(\d+)[ ,](\d+) ?h(\d+)v1H\d+z/g,
  )) {
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < Number(w) * scale; dx++) {
        const offset = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, offset, offset + 3);
      }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}
