import { DemoCover } from './demo-types';

const CREDIT = 'Broadsheet demo art (generated)';

/** The demo posts that get a cover image from the media library, drawn when the demo is seeded. */
export const DEMO_COVERS: DemoCover[] = [
  {
    postKey: 'ferry-timetable',
    sky: ['#274c77', '#a3cef1'],
    sea: '#1b3a57',
    sun: { x: 0.2, y: 0.55 },
    alt: 'A grey-blue morning over the water between Wrenport and Holm Island.',
    caption: 'The crossing to Holm Island: fewer sailings from Monday.',
    credit: CREDIT,
  },
  {
    postKey: 'lantern-festival',
    sky: ['#240046', '#ff9e00'],
    sea: '#3c096c',
    sun: { x: 0.7, y: 0.8 },
    alt: 'An orange dusk over the harbour before the lantern parade.',
    credit: CREDIT,
  },
  {
    postKey: 'seagrass-survey',
    sky: ['#0077b6', '#caf0f8'],
    sea: '#2a9d8f',
    sun: { x: 0.5, y: 0.3 },
    alt: 'Clear water over the seagrass meadow in the bay.',
    credit: CREDIT,
  },
  {
    postKey: 'storm-delyth',
    sky: ['#212529', '#6c757d'],
    sea: '#343a40',
    sun: { x: 0.85, y: 0.2 },
    alt: 'Dark storm clouds over a heavy sea.',
    caption: 'Storm Delyth reached the coast overnight.',
    credit: CREDIT,
  },
  {
    postKey: 'shipyard-jobs',
    sky: ['#e76f51', '#f4a261'],
    sea: '#264653',
    sun: { x: 0.35, y: 0.7 },
    alt: 'Evening light over the shipyard basin.',
    credit: CREDIT,
  },
];
