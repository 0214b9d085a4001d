import { encode } from 'uqr';

/**
 * A QR code as SVG elements (no inline style, so the CSP holds): one path of black modules
 * on a white square with a quiet zone of 4 modules. `label` is its accessible name.
 */
export function QrCode({ text, label, size = 192 }: { text: string; label: string; size?: number }) {
  const qr = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  qr.data.forEach((row, y) => row.forEach((on, x) => on && (d += `M${x} ${y}h1v1h-1z`)));
  return (
    <svg class="qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${qr.size} ${qr.size}`} shape-rendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
