/**
 * A short two-tone signal through Web Audio (no sound file to load). Browsers start audio
 * only after a user gesture on the page; turning the sound on is that gesture, and `unlock`
 * resumes the context then so the signal can play later, at zero.
 */
let context: AudioContext | null = null;

export function unlockSound(): void {
  context ??= new AudioContext();
  void context.resume();
}

export function beep(): void {
  if (!context) return;
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.28, 660],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.26);
  }
}
