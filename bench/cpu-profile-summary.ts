import path from 'node:path';

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) this summary reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  /** Share of the busy samples (idle left out), 0..1. */
  share: number;
}

export interface ProfileSummary {
  busySamples: number;
  /** Self time by where the code lives: a package, a folder of src/, Node's internals, GC. */
  byPlace: ProfileShare[];
  /** Self time by function, the heaviest first. */
  byFunction: ProfileShare[];
}

/**
 * Where a frame's code lives: `pg`, `@apollo/server`, `src/readers`, `node:net`, or a V8 entry
 * (`(garbage collector)`, `(program)`). Native frames (no url: JSON.parse, a socket's writev) count
 * where their caller lives, marked `native`, so `pg native` is pg's own calls into V8 and libuv.
 */
function placeOf(url: string, root: string): string | undefined {
  if (!url) return undefined;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const file = url.replace(/^file:\/\//, '');
  const relative = path.relative(root, file).split(path.sep);
  // The build keeps src/'s folders: dist/readers/post.reader.js -> src/readers
  if (relative[0] === 'dist') return relative.length > 2 ? `src/${relative[1]}` : 'src';
  return relative.slice(0, 2).join('/');
}

function sorted(counts: Map<string, number>, total: number, top: number): ProfileShare[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, count]) => ({ name, share: count / total }));
}

/** Self time of a profile by place and by function, as shares of the busy samples. */
export function summarizeProfile(profile: CpuProfile, root: string, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const placeOfNode = new Map<number, string>();
  const resolvePlace = (id: number): string => {
    const known = placeOfNode.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const { functionName, url } = node.callFrame;
    let place = placeOf(url, root);
    if (!place) {
      const parent = parentOf.get(id);
      if (functionName.startsWith('(') || parent === undefined) place = functionName || '(anonymous)';
      else place = `${resolvePlace(parent).replace(/ native$/, '')} native`;
    }
    placeOfNode.set(id, place);
    return place;
  };

  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const id of profile.samples) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') continue;
    busy += 1;
    const place = resolvePlace(id);
    places.set(place, (places.get(place) ?? 0) + 1);
    const { functionName, url, lineNumber } = node.callFrame;
    const fn = url
      ? `${functionName || '(anonymous)'} ${path.basename(url)}:${lineNumber + 1}`
      : `${functionName} (${place})`;
    functions.set(fn, (functions.get(fn) ?? 0) + 1);
  }
  return { busySamples: busy, byPlace: sorted(places, busy, top), byFunction: sorted(functions, busy, top) };
}

/** Two columns of shares, as the summary prints them. */
export function sharesTable(title: string, shares: ProfileShare[]): string {
  const lines = shares.map(({ name, share }) => `${(share * 100).toFixed(1).padStart(5)}%  ${name}`);
  return [title, ...lines].join('\n');
}
