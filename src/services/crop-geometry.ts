import { BadUserInputError } from '../errors/api-errors';

/** A crop as it will be made: the window of the original, and the size it is scaled to. */
export interface CropPlan {
  aspectRatio: string;
  region: { left: number; top: number; width: number; height: number };
  width: number;
  height: number;
}

interface CropSettings {
  /** MEDIA_WIDTHS, ascending. */
  widths: number[];
  /** MEDIA_ASPECT_RATIOS. */
  aspectRatios: string[];
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * Plans `Media.crop`: the largest window of `aspectRatio` that fits the original, centred on its
 * focal point (the centre when none) and pushed back inside the edges, scaled to the widest of
 * MEDIA_WIDTHS (or the window's own width) that is not wider than `width`. Widths snap to that
 * ladder so one image has at most ratios x widths x formats crops: a client cannot fill the
 * storage by asking for every width. Never upscaled.
 */
export function planCrop(
  original: { width: number; height: number; focalX: number | null; focalY: number | null },
  aspectRatio: string,
  width: number,
  settings: CropSettings,
): CropPlan {
  if (!settings.aspectRatios.includes(aspectRatio)) {
    throw new BadUserInputError(`aspectRatio must be one of ${settings.aspectRatios.join(', ')}.`, 'aspectRatio');
  }
  const [ratioWidth, ratioHeight] = aspectRatio.split(':').map(Number);
  const wider = original.width * ratioHeight >= original.height * ratioWidth;
  const windowWidth = wider ? Math.max(1, Math.round((original.height * ratioWidth) / ratioHeight)) : original.width;
  const windowHeight = wider ? original.height : Math.max(1, Math.round((original.width * ratioHeight) / ratioWidth));
  const centreX = (original.focalX ?? 0.5) * original.width;
  const centreY = (original.focalY ?? 0.5) * original.height;
  const region = {
    left: clamp(Math.round(centreX - windowWidth / 2), 0, original.width - windowWidth),
    top: clamp(Math.round(centreY - windowHeight / 2), 0, original.height - windowHeight),
    width: windowWidth,
    height: windowHeight,
  };
  const ladder = [...settings.widths.filter((step) => step < windowWidth), windowWidth];
  const fitting = ladder.filter((step) => step <= width);
  if (fitting.length === 0) throw new BadUserInputError(`width must be at least ${ladder[0]}.`, 'width');
  const outWidth = fitting[fitting.length - 1];
  return {
    aspectRatio,
    region,
    width: outWidth,
    height: Math.max(1, Math.round((outWidth * ratioHeight) / ratioWidth)),
  };
}
