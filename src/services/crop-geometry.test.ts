import { planCrop } from './crop-geometry';

const settings = { widths: [320, 640, 960, 1280, 1920], aspectRatios: ['1:1', '4:3', '16:9'] };
const landscape = { width: 4000, height: 3000, focalX: null, focalY: null };

describe('planCrop', () => {
  it('takes the largest window of the ratio, centred without a focal point', () => {
    expect(planCrop(landscape, '16:9', 1920, settings)).toEqual({
      aspectRatio: '16:9',
      region: { left: 0, top: 375, width: 4000, height: 2250 },
      width: 1920,
      height: 1080,
    });
  });

  it('centres the window on the focal point, pushed back inside the edges', () => {
    expect(planCrop({ ...landscape, focalX: 0.9, focalY: 0.5 }, '1:1', 640, settings).region).toEqual({
      left: 1000,
      top: 0,
      width: 3000,
      height: 3000,
    });
    expect(planCrop({ ...landscape, focalX: 0.6, focalY: 0.5 }, '1:1', 640, settings).region.left).toBe(900);
  });

  it('snaps the width down to the ladder, never above the window', () => {
    expect(planCrop(landscape, '4:3', 1000, settings).width).toBe(960);
    expect(planCrop({ width: 500, height: 500, focalX: null, focalY: null }, '1:1', 1920, settings).width).toBe(500);
  });

  it('refuses other ratios and widths under the ladder', () => {
    expect(() => planCrop(landscape, '3:2', 640, settings)).toThrow('aspectRatio must be one of 1:1, 4:3, 16:9.');
    expect(() => planCrop(landscape, '16:9', 100, settings)).toThrow('width must be at least 320.');
  });
});
