/** The channel a touchpoint reaches the customer on. (Its own file: card.ts and dunning.ts both need it.) */
export const CHANNELS = ['letter', 'sms', 'email', 'portal', 'chat', 'phone', 'app', 'payment'] as const;
export type Channel = (typeof CHANNELS)[number];
