import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  percent: number;
}

/** Where a function lives: its package under node_modules, node's own code, or the app. */
function placeOf(url: string): string {
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1];
  if (url.startsWith('node:') || url === '') return 'node';
  return 'app';
}

/**
 * The top of a V8 CPU profile (`node --cpu-prof`): self time per function and per package, as
 * shares of all samples. Garbage collection and idle time are V8's "(garbage collector)" and "(idle)".
 */
export function summariseProfile(file: string, top = 15): { functions: ProfileLine[]; places: ProfileLine[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, number>();
  const places = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
    const place = placeOf(url);
    const name = `${functionName || '(anonymous)'} ${url ? `${place === 'app' || place === 'node' ? url.split('/').slice(-2).join('/') : place}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + time);
    const placeName = url ? place : functionName;
    places.set(placeName, (places.get(placeName) ?? 0) + time);
  }
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, time]) => ({ name, percent: (100 * time) / total }));
  return { functions: rank(functions), places: rank(places) };
}
