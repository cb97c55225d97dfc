import * as OTPAuth from 'otpauth';

/** TOTP per RFC 6238 (SHA-1, 6 digits, 30 s), what every authenticator app supports. */
const PERIOD = 30;

function totp(secretBase32: string, label = 'account'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Fascia',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export async function enrolmentMaterial(secret: string, email: string) {
  const uri = totp(secret, email).toString();
  return {
    secret,
    otpauthUri: uri,
    qrDataUrl: await (await import('qrcode')).default.toDataURL(uri, { margin: 1, width: 240 }),
  };
}

/**
 * Accepts a code from the current step or one step either side (clock drift). Returns the time step
 * used, which the caller stores so that the same code cannot be replayed; null when refused.
 */
export function verifyTotp(
  secret: string,
  code: string,
  lastStep: bigint | null,
  now = Date.now(),
): bigint | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = BigInt(Math.floor(now / 1000 / PERIOD) + delta);
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** For tests and the demo: the code an authenticator would show now. */
export function currentTotp(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}
