const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
const MINUTES = Array.from({ length: 12 }, (_, m) => String(m * 5).padStart(2, '0'));

/**
 * A time of day as HH:MM on a 24-hour clock, whatever the browser's locale: `<input type="time">`
 * follows the system locale (08:00 AM in a Chinese UI on an English system), not the page's language.
 * Minutes go in steps of five; a saved value off that step is kept and offered as it is.
 */
export function TimeField({ id, value, label, onChange }: { id: string; value: string; label: { hour: string; minute: string }; onChange(value: string): void }) {
  const [hour = '00', minute = '00'] = value.split(':');
  const minutes = MINUTES.includes(minute) ? MINUTES : [...MINUTES, minute].sort();
  return (
    <span className="time-field">
      <select id={id} aria-label={label.hour} value={hour} onChange={(e) => onChange(`${e.target.value}:${minute}`)}>
        {HOURS.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      <span aria-hidden="true">:</span>
      <select aria-label={label.minute} value={minute} onChange={(e) => onChange(`${hour}:${e.target.value}`)}>
        {minutes.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </span>
  );
}
