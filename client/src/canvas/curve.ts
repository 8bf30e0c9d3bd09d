/** The emotion curve's geometry lives in `@rejse/shared` (`map/curve.ts`), shared with the SVG picture. */
export { bandPath, CURVE, EMOTION_MAX, EMOTION_MIN, emotionY, placeCurve, smoothPath, stageX } from '@rejse/shared';
export type { PlacedPoint } from '@rejse/shared';
