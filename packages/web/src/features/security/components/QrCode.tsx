// Loaded with import() when a QR code is first shown (TotpSetup.tsx): the qrcode library is
// ~10 kB gzipped that no page needs before someone sets up two-factor sign-in.
import { create } from 'qrcode';

/** Modules of white around the code, as the QR specification asks for reliable scanning. */
const QUIET_ZONE = 4;

/**
 * The otpauth:// URI as a QR code, drawn here as one SVG path: the secret never leaves the
 * browser for an image service, and no inline image (`data:`) needs allowing in the CSP.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const { modules } = create(value, { errorCorrectionLevel: 'M' });
  const side = modules.size + 2 * QUIET_ZONE;
  let path = '';
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) path += `M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
