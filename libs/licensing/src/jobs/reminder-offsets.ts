/** Parses REMINDER_OFFSETS ('90,60,30,7,1') into distinct day counts, largest first. */
export function parseReminderOffsets(value: string): number[] {
  const parts = value.split(',').map((part) => part.trim()).filter((part) => /^\d+$/.test(part));
  const offsets = [...new Set(parts.map(Number))];
  if (offsets.length === 0) throw new Error('REMINDER_OFFSETS names no offset');
  return offsets.sort((a, b) => b - a);
}

/**
 * The reminder due for a licence `daysLeft` days before expiry: the most recent offset whose day
 * has come (the smallest offset >= daysLeft), or null outside the window. The job does the same
 * in SQL; this is its specification, unit-tested.
 */
export function offsetDue(offsets: number[], daysLeft: number): number | null {
  const arrived = offsets.filter((o) => o >= daysLeft);
  return daysLeft < 0 || arrived.length === 0 ? null : Math.min(...arrived);
}
