export {
  BUSINESS_MESSAGE_KEYS,
  type BusinessArg,
  type BusinessArgType,
  type BusinessMessageKey,
  type BusinessText,
} from './text.ts';
export * from './value.ts';
export * from './render.ts';
