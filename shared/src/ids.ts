/** Branded ids: a stage id cannot be passed where a card id is expected. */
export type BoardId = string & { readonly __brand: 'BoardId' };
export type StageId = string & { readonly __brand: 'StageId' };
export type LaneId = string & { readonly __brand: 'LaneId' };
export type CardId = string & { readonly __brand: 'CardId' };
export type LinkId = string & { readonly __brand: 'LinkId' };
export type PersonaId = string & { readonly __brand: 'PersonaId' };
export type ScenarioId = string & { readonly __brand: 'ScenarioId' };
export type CadenceRuleId = string & { readonly __brand: 'CadenceRuleId' };

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random id from the platform CSPRNG (Node 20 and browsers both expose `crypto`). */
export function randomId(length = 12): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** Board ids are public in URLs, so they carry ~124 bits to be unguessable. */
export const createBoardId = (): BoardId => randomId(24) as BoardId;
export const createStageId = (): StageId => `s_${randomId(10)}` as StageId;
export const createLaneId = (): LaneId => `l_${randomId(10)}` as LaneId;
export const createCardId = (): CardId => `c_${randomId(12)}` as CardId;
export const createLinkId = (): LinkId => `k_${randomId(12)}` as LinkId;
export const createPersonaId = (): PersonaId => `p_${randomId(10)}` as PersonaId;
export const createScenarioId = (): ScenarioId => `d_${randomId(10)}` as ScenarioId;
export const createCadenceRuleId = (): CadenceRuleId => `r_${randomId(10)}` as CadenceRuleId;

/** Ids are short, URL-safe tokens; anything else is rejected at the edges. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const isValidId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
