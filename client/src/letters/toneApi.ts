import {
  myToneSchema,
  toneRoundResultSchema,
  toneRoundSchema,
  type MessageVariant,
  type MyToneResponse,
  type ToneRating,
  type ToneRoundResponse,
  type ToneRoundResultResponse,
} from '@rejse/shared';
import type { ApiCall } from '../facilitation/api.ts';

/** The blind tone round's endpoints (see server/src/http/tone.ts). */
export interface ToneApi {
  start(cardId: string): Promise<ToneRoundResponse>;
  close(roundId: string): Promise<ToneRoundResultResponse>;
  rate(roundId: string, variant: MessageVariant, rating: ToneRating): Promise<MyToneResponse>;
  mine(roundId: string): Promise<MyToneResponse>;
}

export function createToneApi(boardId: string, call: ApiCall): ToneApi {
  const rounds = `/api/boards/${encodeURIComponent(boardId)}/tone/rounds`;
  const round = (roundId: string) => `${rounds}/${encodeURIComponent(roundId)}`;
  return {
    start: (cardId) => call(rounds, toneRoundSchema, { method: 'POST', body: { cardId } }),
    close: (roundId) => call(`${round(roundId)}/close`, toneRoundResultSchema, { method: 'POST' }),
    rate: (roundId, variant, rating) =>
      call(`${round(roundId)}/ratings`, myToneSchema, {
        method: 'POST',
        body: { variant, rating },
        asParticipant: true,
      }),
    mine: (roundId) => call(`${round(roundId)}/ratings/mine`, myToneSchema, { asParticipant: true }),
  };
}
