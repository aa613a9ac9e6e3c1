import sharp from 'sharp';
import { MediaConfig } from '../media-config';
import { DemoCover } from '../seed/demo-content';
import { DemoCoverMaker } from '../seed/seed-demo';
import { MediaLibraryFiles } from './media-files';

// 16:9 and wider than most MEDIA_WIDTHS, so covers have renditions at several widths; small
// enough that drawing and rendering five of them adds little to a first `npm start`.
const WIDTH = 1280;
const HEIGHT = 720;
const HORIZON = Math.round(HEIGHT * 0.62);
const SUNLIGHT: Rgb = [255, 244, 214];

type Rgb = [number, number, number];

const rgb = (hex: string): Rgb => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as Rgb;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t) as Rgb;

/** A seascape in raw RGB: the sky's gradient, a sun with its glow, and a sea with its reflection and ripples. */
function seascape(cover: DemoCover): Buffer {
  const data = Buffer.alloc(WIDTH * HEIGHT * 3);
  const [top, horizon] = cover.sky.map(rgb);
  const sea = rgb(cover.sea);
  const deep = mix(sea, [0, 0, 0], 0.45);
  const sun = { x: cover.sun.x * WIDTH, y: cover.sun.y * HORIZON, r: HEIGHT * 0.08 };
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      let colour: Rgb;
      if (y < HORIZON) {
        const distance = Math.hypot(x - sun.x, y - sun.y);
        const light = distance < sun.r ? 1 : Math.max(0, 1 - distance / (sun.r * 4)) * 0.4;
        colour = mix(mix(top, horizon, y / HORIZON), SUNLIGHT, light);
      } else {
        const depth = (y - HORIZON) / (HEIGHT - HORIZON);
        const ripple = Math.sin(x / 17 + (y - HORIZON) ** 1.4 / 3) > 0.92 ? 0.25 : 0;
        const glitter = Math.abs(x - sun.x) < sun.r * (1.5 - depth) && Math.sin(y * 1.3) > 0.2 ? 0.45 : 0;
        colour = mix(mix(sea, deep, depth), SUNLIGHT, Math.max(ripple * (1 - depth), glitter * (1 - depth)));
      }
      data.set(
        colour.map((channel) => Math.round(channel)),
        (y * WIDTH + x) * 3,
      );
    }
  }
  return data;
}

/**
 * Demo covers (`npm start`'s first seeding, `npm run seed`): each drawn as a JPEG, then stored as
 * an upload's file is, through the same checks, renditions and storage, so the demo's covers
 * have srcsets and crops like any editor's image.
 */
export function demoCoverMaker(files: MediaLibraryFiles, media: Pick<MediaConfig, 'widths' | 'aspectRatios'>) {
  const maker: DemoCoverMaker = {
    files,
    settings: { widths: media.widths, aspectRatios: media.aspectRatios },
    async make(cover) {
      const jpeg = await sharp(seascape(cover), { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
        .jpeg({ quality: 85 })
        .toBuffer();
      return { fileName: `${cover.postKey}.jpg`, mimeType: 'image/jpeg', ...(await files.storeUpload(jpeg, 'jpeg')) };
    },
  };
  return maker;
}
