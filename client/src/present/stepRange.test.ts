import { describe, expect, it } from 'vitest';
import { stepRange } from './Presentation.tsx';

describe('stepping through a presentation', () => {
  it('arrows move one stage on or back and stop at the ends, keeping the range’s width', () => {
    expect(stepRange({ from: 0, to: 0 }, true, false, 7)).toEqual({ from: 1, to: 1 });
    expect(stepRange({ from: 0, to: 0 }, false, false, 7)).toEqual({ from: 0, to: 0 });
    expect(stepRange({ from: 6, to: 6 }, true, false, 7)).toEqual({ from: 6, to: 6 });
    expect(stepRange({ from: 1, to: 2 }, true, false, 7)).toEqual({ from: 2, to: 3 });
    expect(stepRange({ from: 5, to: 6 }, true, false, 7)).toEqual({ from: 5, to: 6 });
  });

  it('Shift+arrows widen or narrow the range at its end, never below one stage', () => {
    expect(stepRange({ from: 1, to: 1 }, true, true, 7)).toEqual({ from: 1, to: 2 });
    expect(stepRange({ from: 1, to: 2 }, false, true, 7)).toEqual({ from: 1, to: 1 });
    expect(stepRange({ from: 1, to: 1 }, false, true, 7)).toEqual({ from: 1, to: 1 });
    expect(stepRange({ from: 5, to: 6 }, true, true, 7)).toEqual({ from: 5, to: 6 });
  });
});
