/**
 * The origin of the facilitator's own writes to the facilitation state (locks, focus,
 * private mode, summon): not LOCAL_ORIGIN, so Ctrl+Z never undoes a lock or a summon.
 */
export const FACILITATION_ORIGIN = 'rejse:facilitation';
