/**
 * Masking for confidential callers (保密): units must be able to tell callers apart in a list
 * without learning who they are, so keep the surname / the carrier prefix and the last digits.
 */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const chars = Array.from(name);
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  if (phone.length <= 7) return '*'.repeat(phone.length - 4) + phone.slice(-4);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
