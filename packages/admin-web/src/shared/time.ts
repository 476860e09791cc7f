/** Every time in the console is shown in Asia/Shanghai, whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface Parts {
  readonly date: string;
  readonly time: string;
}

function partsOf(iso: string): Parts | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const part: Record<string, string> = {};
  for (const { type, value } of PARTS.formatToParts(date)) part[type] = value;
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    time: `${part.hour}:${part.minute}:${part.second}`,
  };
}

/** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai; `—` for nothing, the input itself when it is not a time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = partsOf(iso);
  return parts ? `${parts.date} ${parts.time}` : iso;
}

/** The Asia/Shanghai calendar day, `YYYY-MM-DD`: the key timelines are grouped by. */
export function formatDay(iso: string): string {
  return partsOf(iso)?.date ?? iso;
}

/** `HH:mm:ss` in Asia/Shanghai. */
export function formatTime(iso: string): string {
  return partsOf(iso)?.time ?? iso;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The instant an Asia/Shanghai day starts (China has no daylight saving time: UTC+8 all year), as ISO UTC. */
export function startOfDay(day: string): string {
  if (!isDay(day)) throw new RangeError(`not a day: ${day}`);
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** The instant the Asia/Shanghai day after `day` starts: the exclusive end of a range that includes `day`. */
export function startOfNextDay(day: string): string {
  const start = new Date(startOfDay(day));
  return new Date(start.getTime() + 24 * 60 * 60 * 1000).toISOString();
}
