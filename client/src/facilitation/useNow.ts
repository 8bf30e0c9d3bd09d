import { useEffect, useState } from 'react';

/** Re-renders every `intervalMs` while `active`, returning `read()` each time (e.g. the server clock). */
export function useTicking(read: () => number, active: boolean, intervalMs = 250): number {
  const [value, setValue] = useState(read);
  useEffect(() => {
    if (!active) return;
    setValue(read());
    const timer = setInterval(() => setValue(read()), intervalMs);
    return () => clearInterval(timer);
  }, [read, active, intervalMs]);
  return active ? value : read();
}
