import type { Persona } from '@rejse/shared';
import { Icon } from '../ui/icons.tsx';

/** Initials for a persona's avatar: "Young prepaid customer" → "YP", "Maria, 34" → "M". */
function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word));
  return `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}`.toUpperCase();
}

const AVATAR_TONES = 6;
/** A stable colour per persona, from its id. */
function avatarTone(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % AVATAR_TONES;
}

export function PersonaAvatar({ persona, size = 'm' }: { persona: Pick<Persona, 'id' | 'name'>; size?: 's' | 'm' }) {
  return (
    <span className={`persona-avatar persona-avatar--${size} persona-avatar--tone${avatarTone(persona.id)}`} aria-hidden="true">
      {initialsOf(persona.name) || <Icon name="person" size={size === 's' ? 12 : 14} />}
    </span>
  );
}
