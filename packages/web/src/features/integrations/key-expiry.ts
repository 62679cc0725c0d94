/**
 * The moment a key chosen to expire "on" a day stops working: the end of that day where the
 * person is (the next day's local midnight). Null for text that is no date (a browser without a
 * date picker lets people type anything).
 */
export function endOfDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, date);
  // "2026-02-30" would roll over into March: not a day anyone chose
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date)
    return null;
  return new Date(year, month - 1, date + 1);
}

/** Today as a date input's value (its `min`: a key cannot expire in the past). */
export function todayInputValue(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
